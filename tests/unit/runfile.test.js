import test from 'node:test';
import assert from 'node:assert/strict';
import { serializeRun, parseRun, eventTuples, FORMAT, MAX_BYTES } from '../../web/runfile.js';
import { RunModel, K } from '../../web/model.js';
import * as fx from './fixtures.js';

const program = { demo: 'join', variant: 'join/join', params: { user: 3000, product: 1000, speed: 1 } };
const variants = new Set(['join/join', 'select/select']);
const file = (over = {}) => JSON.parse(serializeRun({ program, events: fx.join(), ...over }));
const parse = (data, o) => parseRun(typeof data === 'string' ? data : JSON.stringify(data), { variants, ...o });

test('save then open gives back the same run, for every fixture and for a Your code program', () => {
  for (const make of Object.values(fx)) {
    const run = { program, events: make(), hidden: false, stalled: false };
    assert.deepEqual(parseRun(serializeRun(run), { variants }), { ok: true, run });
  }
  const code = { program: { code: 'fn main() {}\n', params: { speed: 2.5 } }, events: fx.noAwait(), hidden: true, stalled: true };
  assert.deepEqual(parseRun(serializeRun(code)), { ok: true, run: code });
});

test('the file names its format and version, and holds one event per line', () => {
  const text = serializeRun({ program, events: fx.join() });
  const data = JSON.parse(text);
  assert.equal(data.format, FORMAT);
  assert.equal(data.version, 1);
  assert.match(text, /\n\[0,1,0,"main"\],\n\[1,1,10\],\n/);
});

test('eventTuples reads a run model, naming every Created (the wire sends a repeated name once)', () => {
  const model = new RunModel('many/1000', {});
  const wire = [[K.Created, 1, 0, 'main'], [K.Created, 2, 5, 'sleep_task'], [K.Created, 3, 6], [K.Line, 1, 7, 'hi']];
  for (const [k, f, t, text] of wire) model.add(k, f, t, text);
  assert.deepEqual(eventTuples(model), [[K.Created, 1, 0, 'main'], [K.Created, 2, 5, 'sleep_task'], [K.Created, 3, 6, 'sleep_task'], [K.Line, 1, 7, 'hi']]);
});

const refused = (what, input, pattern, o) => test(`refused with a sentence: ${what}`, () => {
  const r = parse(input, o);
  assert.equal(r.ok, false);
  assert.equal(r.run, undefined);
  assert.match(r.error, /^[A-Z“].*[.)]$/);
  assert.match(r.error, pattern);
});

refused('not JSON', '{"format": "async-playground-run", ', /not valid JSON/);
refused('an empty file', '', /not valid JSON/);
refused('a Perfetto trace', { traceEvents: [] }, /not a saved run: it has no "format"/);
refused('a JSON array', [1, 2], /not a saved run/);
refused('another format', { ...file(), format: 'chrome-trace' }, /“chrome-trace” file/);
refused('a newer version', { ...file(), version: 2 }, /version 2, but this page reads version 1 only/);
refused('no version', { ...file(), version: '1' }, /no version number/);
refused('no program', { ...file(), program: null }, /which program ran/);
refused('a demo this page lacks', { ...file(), program: { demo: 'x', variant: 'x/y', params: {} } }, /does not have \(“x\/y”\)/);
refused('a variant of another demo', { ...file(), program: { demo: 'join', variant: 'select/select' } }, /names no demo/);
refused('an unknown parameter', { ...file(), program: { ...program, params: { colour: 1 } } }, /does not know \(“colour”\)/);
refused('a parameter the validator rejects', file(), /In this run file, user must be 0–60000 ms\./, {
  check: (name) => { if (name === 'user') throw 'user must be 0–60000 ms'; return 1; },
});
refused('events that are not a list', { ...file(), events: {} }, /no list of "events"/);
refused('an event that is not a tuple', { ...file(), events: [{ kind: 0 }] }, /event 1 is not \[kind, future, time, text\]/);
refused('an unknown kind', { ...file(), events: [[99, 1, 0, 'x']] }, /event 1 has an unknown kind \(99\)/);
refused('a negative time', { ...file(), events: [[0, 1, -5, 'x']] }, /no valid time/);
refused('a fractional time', { ...file(), events: [[0, 1, 0.5, 'x']] }, /no valid time/);
refused('a future that is a string', { ...file(), events: [[0, '1', 0, 'x']] }, /names no valid future/);
refused('a Created with no name', { ...file(), events: [[0, 1, 0]] }, /has no text/);
refused('a poll of a future never created', { ...file(), events: [[1, 7, 0], [9, 0, 1]] }, /names future 7, which was never created/);
refused('a poll that ends twice', { ...file(), events: [[0, 1, 0, 'm'], [1, 1, 1], [2, 1, 2], [3, 1, 3], [9, 0, 4]] }, /ends a poll of future 1 that never began/);
refused('an event after the drop', { ...file(), events: [[0, 1, 0, 'm'], [5, 1, 1], [1, 1, 2], [9, 0, 3]] }, /after it was dropped/);
refused('never polled, but polled', { ...file(), events: [[0, 1, 0, 'm'], [1, 1, 1], [2, 1, 2], [5, 1, 3], [9, 0, 4]] }, /never polled, but it was/);
refused('events out of order', { ...file(), events: fx.join().reverse() }, /out of order|never created/);
refused('a time that goes back', { ...file(), events: [[0, 1, 10, 'm'], [0, 2, 5, 'n'], [9, 0, 11]] }, /out of order/);
refused('a Woken stamped after the poll it precedes', { ...file(), events: [[0, 1, 0, 'm'], [1, 1, 1], [2, 1, 2], [4, 1, 9], [1, 1, 5], [2, 1, 6], [9, 0, 10]] }, /out of order/);
refused('a run that never ended', { ...file(), events: fx.join().slice(0, -1) }, /never ended/);
refused('a run that ends twice', { ...file(), events: [...fx.join(), [10, 0, 4_000_000]] }, /ends twice/);
refused('a file too big', ' '.repeat(MAX_BYTES + 1), /too big to be a saved run/);

test('a Woken stamped before the events ahead of it is how Rust reports wakes, so it is accepted', () => {
  const r = parse(file());
  assert.equal(r.ok, true);
  assert.equal(r.run.events.length, fx.join().length);
});
