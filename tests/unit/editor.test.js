import test from 'node:test';
import assert from 'node:assert/strict';
import { offsetOf, toMarks } from '../../web/code/editor.js';

test('a diagnostic\'s line:column (characters, as rustc counts) is a textarea offset (UTF-16 units)', () => {
  const text = 'fn main() {\n    let é = "🦀x";\n}';
  assert.equal(offsetOf(text, 1, 1), 0);
  assert.equal(offsetOf(text, 2, 5), 16);
  // The crab is one character for rustc, two units for the textarea.
  assert.equal(offsetOf(text, 2, 15), text.indexOf('x'));
  // Clamped: past the last line is the end, a column past a line's end is that end.
  assert.equal(offsetOf(text, 9, 1), text.length);
  assert.equal(offsetOf(text, 1, 99), 11);
});

test('marks: a point still gets one cell, levels are error or warning', () => {
  const text = 'let x = 1\nlet y = 2;';
  const marks = toMarks(text, [
    { level: 'error', message: 'expected `;`', line: 1, column: 10, endLine: 1, endColumn: 10 },
    { level: 'warning', message: 'unused', line: 2, column: 5, endLine: 2, endColumn: 6 },
  ]);
  assert.deepEqual(marks, [
    { from: 9, to: 10, level: 'error', message: 'expected `;`' },
    { from: 14, to: 15, level: 'warning', message: 'unused' },
  ]);
});
