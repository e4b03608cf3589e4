// The runtime's state and sentences (web/runtime-model.js) from a run of the interpreter's join!:
// what the queue panel shows and what the stepper says at each of the runtime's decisions.
import test from 'node:test';
import assert from 'node:assert/strict';
import { K, RunModel } from '../../web/model.js';
import { explainRuntime, runtimeAt, taskNames } from '../../web/runtime-model.js';
import { parseRun } from '../../web/runfile.js';
import { toTrace } from '../../web/perfetto.js';
import { traceProblems } from './trace-rules.js';

/** join!(fetch_user 2 s, fetch_product 1 s) as the interpreter reports it (crate/tests/runtime_events.rs). */
const JOIN = [
  [K.Created, 1, 0, 'main'],
  [K.Taken, 0, 0, 'block_on'],
  [K.Poll, 1, 0],
  [K.Created, 2, 0, 'fetch_user'],
  [K.Created, 3, 0, 'fetch_product'],
  [K.Poll, 2, 0], [K.Armed, 0, 0, '2000000 1 2000000'], [K.Pending, 2, 0],
  [K.Poll, 3, 0], [K.Armed, 0, 0, '1000000 2 1000000'], [K.Pending, 3, 0],
  [K.Pending, 1, 0],
  [K.Parked, 0, 0, '1000000'],
  [K.Fired, 0, 1000000, '1'],
  [K.Queued, 0, 1000000, 'timer'],
  [K.Taken, 0, 1000000, 'block_on'],
  [K.Woken, 1, 1000000], [K.Poll, 1, 1000000],
  [K.Woken, 3, 1000000], [K.Poll, 3, 1000000], [K.Ready, 3, 1000000],
  [K.Pending, 1, 1000000],
  [K.Parked, 0, 1000000, '2000000'],
  [K.Fired, 0, 2000000, '1'],
  [K.Queued, 0, 2000000, 'timer'],
  [K.Taken, 0, 2000000, 'block_on'],
  [K.Poll, 1, 2000000], [K.Poll, 2, 2000000], [K.Ready, 2, 2000000], [K.Ready, 1, 2000000],
  [K.Shutdown, 0, 2000000, 'main returned'],
  [K.Dropped, 3, 2000000], [K.Dropped, 2, 2000000], [K.Dropped, 1, 2000000],
  [K.Done, 0, 2000000],
];

const model = (events) => {
  const m = new RunModel({ label: 'Your code' });
  for (const [k, f, t, text] of events) m.add(k, f, t, text);
  return m;
};
const at = (events, kind, n = 0) => events.map(([k], i) => (k === kind ? i : -1)).filter((i) => i >= 0)[n];

test('the fold: polling main, then parked until 1 s with two timers armed, then main queued by the timer', () => {
  const m = model(JOIN);
  assert.equal(m.hasRuntime, true);
  assert.deepEqual([...taskNames(m)], [[0, 'main']]);
  let f = runtimeAt(m, at(JOIN, K.Taken));
  assert.equal(f.polling.key, 0);
  f = runtimeAt(m, at(JOIN, K.Parked));
  assert.equal(f.polling, null);
  assert.equal(f.parked.until, 1000000);
  assert.deepEqual(f.timers.map((x) => x.deadline), [1000000, 2000000]);
  assert.deepEqual(f.waiting().map((t) => t.key), [0]);
  f = runtimeAt(m, at(JOIN, K.Queued));
  assert.deepEqual(f.timers.map((x) => x.deadline), [2000000]);
  assert.deepEqual(f.queued().map((t) => t.key), [0]);
  assert.equal(f.parked, null);
  assert.deepEqual(f.lane.map((s) => [s.kind, s.t0, s.t1]), [['poll', 0, 0], ['park', 0, 1000000]]);
  f = runtimeAt(m, m.size - 1);
  assert.equal(f.lane.length, 5);
  assert.equal(f.over, true);
});

test('the sentences, in the lesson\'s words', () => {
  const m = model(JOIN);
  const say = (i) => explainRuntime(m, i);
  assert.equal(say(at(JOIN, K.Taken)), 'The runtime starts: it polls main, the future that block_on runs.');
  assert.equal(say(at(JOIN, K.Armed, 1)), 'main awaited sleep(1 s): a timer is armed for 1000 ms, and main will be woken then.');
  assert.equal(say(at(JOIN, K.Parked)), 'main awaited sleep(1 s): it returned Pending, so the runtime looks for another task. Nothing is ready (the run queue is empty), so the runtime parks until the timer at 1000 ms.');
  assert.equal(say(at(JOIN, K.Fired)), 'It is 1000 ms: the runtime\'s timer driver fires the timer that is due.');
  assert.equal(say(at(JOIN, K.Queued)), 'The timer at 1000 ms fired: main is woken, so the runtime will poll it first, as the block_on future.');
  assert.match(say(at(JOIN, K.Taken, 1)), /^main was woken, and the runtime polls main \(the block_on future\) before the queue, so it is polled next\.$/);
  assert.equal(say(at(JOIN, K.Shutdown)), 'main returned, so the runtime shuts down and drops every task still alive.');
  assert.equal(say(0), null); // not the runtime's
});

test('a run file keeps the runtime\'s events, and the export has its track', () => {
  const text = JSON.stringify({ format: 'async-playground-run', version: 1, program: { code: 'fn main() {}' }, events: JOIN });
  const r = parseRun(text);
  assert.equal(r.error, undefined);
  assert.equal(r.run.events.length, JOIN.length);
  const trace = toTrace(r.run.events);
  assert.deepEqual(traceProblems(trace), []);
  const rt = trace.traceEvents.filter((e) => e.tid === 0 && e.ph === 'X').map((e) => e.name);
  assert.deepEqual(rt, ['poll main', 'parked until 1000 ms', 'poll main', 'parked until 2000 ms', 'poll main']);
});
