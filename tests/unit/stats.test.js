import test from 'node:test';
import assert from 'node:assert/strict';
import { futureStats, sumStats, STATS, duration, endTime, statsTitle } from '../../web/stats.js';
import * as fx from './fixtures.js';

const byName = (stats, name) => [...stats.values()].find((s) => s.name === name);

test('join!: polls, wakes, busy, scheduled and idle time of each future', () => {
  const stats = futureStats(fx.join());
  const product = byName(stats, 'fetch_product_data');
  assert.deepEqual(
    { polls: product.polls, wakes: product.wakes, busy: product.busy, scheduled: product.scheduled, longest: product.longest },
    { polls: 2, wakes: 1, busy: 10 + 20, scheduled: 1_000_630 - 1_000_500, longest: 20 },
  );
  assert.equal(product.total, 1_000_655 - 40);
  assert.equal(product.idle, product.total - product.busy - product.scheduled);
  const user = byName(stats, 'fetch_user_data');
  assert.equal(user.polls, 3); // join! polls every branch when any wakes
  assert.equal(user.wakes, 1);
  assert.equal(user.scheduled, 3_000_510 - 3_000_400);
  const main = byName(stats, 'main');
  assert.equal(main.busy, 80 + 60 + 60);
  assert.equal(main.scheduled, 100 + 100);
  assert.equal(main.longest, 80);
  assert.equal(main.end, 3_000_570);
});

test('busy + scheduled + idle is the whole life, for every future of every fixture', () => {
  for (const make of Object.values(fx)) {
    for (const s of futureStats(make()).values()) {
      assert.ok(s.idle >= 0 && s.busy >= 0 && s.scheduled >= 0, s.name);
      assert.equal(s.busy + s.scheduled + s.idle, s.total, `${make.name}: ${s.name}`);
    }
  }
});

test('the blocking demo: the busy loop is one 2 s poll', () => {
  const s = byName(futureStats(fx.blocking()), 'blocking_wait');
  assert.equal(s.polls, 1);
  assert.equal(s.longest, 2_000_090 - 70);
  assert.equal(s.idle, s.total - s.busy);
});

test('a future never polled is idle all its life', () => {
  const s = byName(futureStats(fx.noAwait()), 'my_task');
  assert.deepEqual([s.polls, s.busy, s.scheduled, s.idle], [0, 0, 0, 5]);
});

test('mid-run (upTo, now): an open poll counts as busy and an unanswered wake as scheduled, up to now', () => {
  const events = fx.join();
  const wokenMain = events.findIndex((e) => e[0] === 4 && e[1] === 1); // main woken at 1,000,500
  const s = futureStats(events, { upTo: wokenMain, now: 1_000_550 });
  const main = byName(s, 'main');
  assert.equal(main.scheduled, 50);
  assert.equal(main.end, null);
  assert.equal(main.total, 1_000_550);
  const inPoll = futureStats(events, { upTo: wokenMain + 1, now: 1_000_605 }); // main's poll began at 1,000,600
  assert.equal(byName(inPoll, 'main').busy, 80 + 5);
});

test('endTime is the run end event, and definitions are one sentence each', () => {
  assert.equal(endTime(fx.join()), 3_000_580);
  assert.equal(endTime(fx.stopped()), 500_010);
  assert.deepEqual(STATS.map((s) => s.key), ['polls', 'wakes', 'busy', 'scheduled', 'idle', 'longest']);
  for (const s of STATS) assert.match(s.definition, /^[A-Z][^.]*\.$/);
  assert.equal(duration(840), '840 µs');
  assert.equal(duration(2_003_400), '2003 ms');
  assert.match(statsTitle(byName(futureStats(fx.join()), 'fetch_user_data')), /^fetch_user_data: 3 polls, 1 wake; busy 40 µs, scheduled 110 µs, idle 3000 ms of 3001 ms alive; longest poll 20 µs\.$/);
});

test('a group row sums its futures, and keeps the longest poll', () => {
  const stats = [...futureStats(fx.join()).values()];
  const sum = sumStats(stats);
  assert.equal(sum.polls, 2 + 3 + 3);
  assert.equal(sum.wakes, 4);
  assert.equal(sum.busy, stats.reduce((a, s) => a + s.busy, 0));
  assert.equal(sum.longest, 80);
  assert.equal(sum.busy + sum.scheduled + sum.idle, sum.total);
});
