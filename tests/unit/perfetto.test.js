import test from 'node:test';
import assert from 'node:assert/strict';
import { toTrace, pollsAndWakes, tidOf } from '../../web/perfetto.js';
import { traceProblems } from './trace-rules.js';
import * as fx from './fixtures.js';

const track = (trace, name) => trace.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name.startsWith(name))?.tid;
const on = (trace, tid, ph) => trace.traceEvents.filter((e) => e.tid === tid && e.ph === ph);

test('every fixture exports a trace that keeps the format’s rules, and survives JSON', () => {
  for (const [name, make] of Object.entries(fx)) {
    const trace = toTrace(make(), { title: name });
    assert.deepEqual(traceProblems(trace), [], name);
    assert.deepEqual(JSON.parse(JSON.stringify(trace)), trace);
  }
});

test('join!: one named track per future, one X slice per poll at its measured times', () => {
  const trace = toTrace(fx.join(), { title: 'join!' });
  const product = track(trace, 'fetch_product_data');
  const user = track(trace, 'fetch_user_data');
  assert.equal(product, tidOf(3));
  assert.ok(track(trace, 'JS event loop') !== undefined);
  assert.deepEqual(on(trace, product, 'X').map((x) => [x.name, x.ts, x.dur]), [
    ['poll → Pending', 70, 10],
    ['poll → Ready', 1_000_630, 20],
  ]);
  assert.deepEqual(on(trace, user, 'X').map((x) => [x.name, x.ts, x.dur]), [
    ['poll → Pending', 50, 10],
    ['poll → Pending', 1_000_610, 10],
    ['poll → Ready', 3_000_510, 20],
  ]);
  assert.deepEqual(on(trace, product, 'i').map((e) => [e.name, e.ts]), [
    ['created', 40], ['woken', 1_000_500], ['println: Product data fetched after 1s.', 1_000_640], ['dropped', 1_000_655],
  ]);
  const process = trace.traceEvents.find((e) => e.name === 'process_name');
  assert.equal(process.args.name, 'join!');
});

test("join!: a timer's wakes come from the event loop's track, to the poll they asked for", () => {
  const trace = toTrace(fx.join());
  const loop = track(trace, 'JS event loop');
  const starts = on(trace, loop, 's');
  const ends = trace.traceEvents.filter((e) => e.ph === 'f');
  // main ×2, fetch_product_data ×1, fetch_user_data ×1: four wakes, all from timers.
  assert.equal(starts.length, 4);
  assert.equal(ends.length, 4);
  const productEnd = ends.find((f) => f.tid === track(trace, 'fetch_product_data'));
  assert.equal(productEnd.ts, 1_000_630);
  assert.equal(starts.find((s) => s.id === productEnd.id).ts, 1_000_500);
  // The event loop has a slice where each arrow starts (one per instant, shared by both wakes).
  assert.deepEqual(on(trace, loop, 'X').map((x) => x.ts), [1_000_500, 3_000_400]);
});

test("a wake made inside a poll is drawn from that poll's slice (the innermost one)", () => {
  const { polls, wakes } = pollsAndWakes(fx.channel());
  const consumer = wakes.find((w) => w.future === 2);
  assert.equal(polls[consumer.by].future, 3); // producer's poll, not main's around it
  assert.equal(polls[consumer.poll].start, 100_130);
  const trace = toTrace(fx.channel());
  const s = trace.traceEvents.find((e) => e.ph === 's' && e.name === 'wakes consumer');
  assert.deepEqual([s.tid, s.ts], [tidOf(3), 100_110]);
  // A wake stamped at the very µs a poll began is the event loop's, not that poll's.
  const tie = [[0, 1, 0, 'a'], [0, 2, 0, 'b'], [1, 2, 1], [2, 2, 2], [1, 1, 10], [4, 2, 10], [2, 1, 11], [1, 2, 12], [3, 2, 13], [7, 2, 14], [9, 0, 15]];
  assert.equal(pollsAndWakes(tie).wakes[0].by, null);
});

test('a wake with no poll after it (the future had finished) is an instant, not an arrow', () => {
  const events = fx.join();
  const at = events.findIndex((e) => e[0] === 7 && e[1] === 3); // fetch_product_data dropped
  events.splice(at, 0, [4, 3, 1_000_652]);
  const trace = toTrace(events);
  assert.deepEqual(traceProblems(trace), []);
  assert.equal(trace.traceEvents.filter((e) => e.ph === 's').length, 4);
  assert.equal(on(trace, tidOf(3), 'i').filter((e) => e.name === 'woken').length, 2);
});

test('a crash inside a poll: the slice lasts to the end, named as never returned', () => {
  const events = [[0, 1, 0, 'main'], [1, 1, 5], [11, 1, 40, 'boom']];
  const trace = toTrace(events);
  assert.deepEqual(traceProblems(trace), []);
  const [x] = on(trace, tidOf(1), 'X');
  assert.deepEqual([x.name, x.ts, x.dur], ['poll (never returned)', 5, 35]);
});
