import test from 'node:test';
import assert from 'node:assert/strict';
import { Stream, startState, token, tokenize } from '../../web/code/rust-mode.js';

/** [style, text] for each token of `source`, line by line, as the editor's tokenizer reads it. */
function tokens(source) {
  const state = startState();
  const out = [];
  for (const line of source.split('\n')) {
    const s = new Stream(line);
    while (!s.eol()) {
      const style = token(s, state);
      const text = line.slice(s.start, s.pos);
      if (style) out.push([style, text]);
      s.start = s.pos;
    }
  }
  return out;
}
const styleOf = (source, text) => tokens(source).find(([, t]) => t === text)?.[0];

test('the editor colours Rust as the code panes do: keywords, types, macros, strings, numbers, functions', () => {
  const src = '#[tokio::main]\nasync fn main() {\n    let v: Vec<u32> = vec![1, 2_000, 0x1f];\n    println!("{} \\" {}", v.len(), true);\n    helper(3.5);\n}';
  assert.equal(styleOf(src, '#[tokio::main]'), 'meta');
  assert.equal(styleOf(src, 'async'), 'keyword');
  assert.equal(styleOf(src, 'main'), 'variableName.function.definition');
  assert.equal(styleOf(src, 'Vec'), 'typeName');
  assert.equal(styleOf(src, 'u32'), 'typeName');
  assert.equal(styleOf(src, 'vec!'), 'macroName');
  assert.equal(styleOf(src, '2_000'), 'number');
  assert.equal(styleOf(src, '0x1f'), 'number');
  assert.equal(styleOf(src, '"{} \\" {}"'), 'string');
  assert.equal(styleOf(src, 'len'), 'propertyName.function');
  assert.equal(styleOf(src, 'true'), 'bool');
  assert.equal(styleOf(src, 'helper'), 'variableName.function');
  assert.equal(styleOf(src, '3.5'), 'number');
});

test('comments nest, strings span lines, raw strings end at their own hashes, ranges are not floats', () => {
  const t = tokens('/* a /* b */ still */ x\nlet s = "one\ntwo";\nlet r = r#"say "hi""#;\nfor i in 0..10 {}');
  assert.deepEqual(t.filter(([s]) => s === 'comment'), [['comment', '/* a /* b */ still */']]);
  assert.deepEqual(t.filter(([s]) => s === 'string'), [['string', '"one'], ['string', 'two"'], ['string', 'r#"say "hi""#']]);
  assert.deepEqual(t.filter(([s]) => s === 'number'), [['number', '0'], ['number', '10']]);
});

test('characters and lifetimes: \'a\' is a char, \'a and \'static are not', () => {
  const t = tokens("fn f<'a>(x: &'static str) -> char { '\\n'; 'a' }");
  assert.deepEqual(t.filter(([s]) => s === 'character').map(([, x]) => x), ["'\\n'", "'a'"]);
  assert.deepEqual(t.filter(([s]) => s === 'labelName').map(([, x]) => x), ["'a", "'static"]);
});

test('the editor draws each line\'s tokens with the code panes\' classes, uncoloured text left out', () => {
  const src = 'let s = "x"; // hi\n    foo(1)';
  assert.deepEqual(tokenize(src), [
    [[0, 3, 'k'], [8, 11, 's'], [13, 18, 'c']],
    [[4, 7, 'f'], [8, 9, 'n']],
  ]);
  // Every character is taken by some rule, even ones Rust has no use for.
  assert.deepEqual(tokenize('a ¤ @ `'), [[]]);
});
