import test from 'node:test';
import assert from 'node:assert/strict';
import { Replay, STATUS } from '../../web/replay.js';
import * as fx from './fixtures.js';

const status = (state, name) => [...state.futures.values()].find((f) => f.name === name)?.status;

test('join! at 1.5 s: fetch_product_data has finished, fetch_user_data is pending', () => {
  const r = new Replay(fx.join());
  const s = r.stateAt(1_500_000);
  assert.equal(status(s, 'fetch_product_data'), 'ready');
  assert.equal(status(s, 'fetch_user_data'), 'pending');
  assert.equal(status(s, 'main'), 'pending');
  assert.deepEqual(s.lines.map((l) => l.text), ['Fetching data concurrently...', 'Product data fetched after 1s.']);
  assert.equal(s.over, false);
  assert.equal([...s.futures.values()].find((f) => f.name === 'fetch_user_data').words, STATUS.pending);
});

test('before, during and after: created, woken, polled, the end', () => {
  const r = new Replay(fx.join());
  assert.equal(r.indexAt(-1), -1);
  assert.equal(r.stateAt(-1).futures.size, 0);
  assert.equal(status(r.stateAt(35), 'fetch_user_data'), 'created');
  assert.equal(status(r.stateAt(55), 'fetch_user_data'), 'polling');
  // Woken at 1,000,500 (reported just before main's poll at 1,000,600): scheduled in between.
  assert.equal(status(r.stateAt(1_000_550), 'main'), 'scheduled');
  assert.equal(status(r.stateAt(1_000_600), 'main'), 'polling');
  const end = r.stateAt(r.end);
  assert.equal(end.over, true);
  assert.equal(end.index, fx.join().length - 1);
  assert.equal(end.lines.length, 6);
  assert.equal(r.end, 3_000_580);
});

test('the slider and the stepper agree: every instant is a prefix of the stream', () => {
  const events = fx.join();
  const r = new Replay(events);
  for (let i = 0; i < events.length; i++) {
    const t = r.timeOf(i);
    assert.ok(r.indexAt(t) >= i, `step ${i}`);
    assert.ok(r.timeOf(r.indexAt(t)) <= t);
  }
  let last = -1;
  for (let t = 0; t <= r.end; t += 50_000) {
    const i = r.indexAt(t);
    assert.ok(i >= last);
    last = i;
  }
});

test('dropped futures keep how they ended', () => {
  assert.equal(status(new Replay(fx.select()).stateAt(2e6), 'fetch_user_data'), 'dropped');
  assert.equal(status(new Replay(fx.noAwait()).stateAt(40), 'my_task'), 'never');
  assert.equal(status(new Replay(fx.noAwait()).stateAt(32), 'my_task'), 'created');
});

test('an empty run is over before it began', () => {
  const r = new Replay([]);
  assert.equal(r.end, 0);
  assert.equal(r.indexAt(0), -1);
});

test('the state at a step is the state at its instant, cut at that event', () => {
  const r = new Replay(fx.join());
  const i = fx.join().findIndex((e) => e[0] === 3 && e[1] === 3); // fetch_product_data → Ready
  const s = r.stateAtIndex(i);
  assert.equal(s.index, i);
  assert.equal(s.t, 1_000_650);
  assert.equal(status(s, 'fetch_product_data'), 'ready');
  assert.equal(status(r.stateAtIndex(i - 1), 'fetch_product_data'), 'polling');
});

test('next and prev walk the instants at which events were reported (the slider’s arrow keys)', () => {
  const r = new Replay(fx.join());
  assert.equal(r.next(-1), 0);
  assert.equal(r.next(0), 10);
  assert.equal(r.next(90), 1_000_500); // main's wake, reported before its poll
  assert.equal(r.prev(1_000_500), 90);
  assert.equal(r.prev(1_000_520), 1_000_500);
  assert.equal(r.prev(0), null);
  assert.equal(r.next(r.end), null);
  const seen = [];
  for (let t = r.next(-1); t !== null; t = r.next(t)) seen.push(t);
  assert.deepEqual(seen, [...new Set(seen)].sort((a, b) => a - b));
  for (let k = seen.length - 1; k > 0; k--) assert.equal(r.prev(seen[k]), seen[k - 1]);
});
