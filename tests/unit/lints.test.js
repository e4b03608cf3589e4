import test from 'node:test';
import assert from 'node:assert/strict';
import { lint, lintsByFuture, LINTS, LONG_POLL_US } from '../../web/lints.js';
import { K } from '../../web/model.js';
import * as fx from './fixtures.js';

const keys = (found) => found.map((l) => `${l.name}:${l.key}`);

test('join! has nothing to warn about', () => {
  assert.deepEqual(lint(fx.join()), []);
});

test('no-await: the future built without .await is never polled', () => {
  const found = lint(fx.noAwait());
  assert.deepEqual(keys(found), ['my_task:never-polled']);
  assert.match(found[0].sentence, /^my_task was created at 0 ms and dropped without ever being polled: .*never ran\.$/);
});

test("select!: the loser is dropped while pending, by main's poll", () => {
  const found = lint(fx.select());
  assert.deepEqual(keys(found), ['fetch_user_data:dropped-pending']);
  assert.equal(found[0].cause, 'parent');
  assert.match(found[0].sentence, /^fetch_user_data was dropped while pending at 1001 ms: main dropped it during its poll \(as select! drops every branch but the winner\)/);
});

test('blocking: the long poll is blamed on blocking_wait, not on main around it', () => {
  const found = lint(fx.blocking());
  assert.deepEqual(keys(found), ['blocking_wait:long-poll']);
  assert.match(found[0].sentence, /^blocking_wait ran for 2000 ms inside one poll/);
});

test('a poll of exactly the threshold is not long; one µs more is', () => {
  const run = (d) => [[K.Created, 1, 0, 'f'], [K.Poll, 1, 10], [K.Ready, 1, 10 + d], [K.Dropped, 1, 20 + d], [K.Done, 0, 30 + d]];
  assert.deepEqual(lint(run(LONG_POLL_US)), []);
  assert.deepEqual(keys(lint(run(LONG_POLL_US + 1))), ['f:long-poll']);
});

test('Stop: a pending future is dropped by Stop', () => {
  const found = lint(fx.stopped());
  assert.deepEqual(keys(found), ['main:dropped-pending']);
  assert.equal(found[0].cause, 'stop');
  assert.match(found[0].sentence, /Stop dropped every future/);
});

test('runtime shutdown: a task still pending when main returns', () => {
  const found = lint(fx.channel());
  assert.deepEqual(keys(found), ['forever:dropped-pending']);
  assert.equal(found[0].cause, 'shutdown');
  assert.match(found[0].sentence, /runtime shutting down/);
});

test('lost waker: pending with no wake to come, when the run stalled or ended without dropping it', () => {
  assert.deepEqual(keys(lint(fx.channel(), { stalled: true })), ['forever:lost-waker', 'forever:dropped-pending']);
  // Stopped while waiting on a timer: the timer would have woken it, so no lost waker.
  assert.deepEqual(keys(lint(fx.stopped())), ['main:dropped-pending']);
  const leaked = [[K.Created, 1, 0, 'main'], [K.Poll, 1, 1], [K.Created, 2, 2, 'leaked'], [K.Poll, 2, 3], [K.Pending, 2, 4],
    [K.Ready, 1, 5], [K.Dropped, 1, 6], [K.Done, 0, 7]];
  const found = lint(leaked);
  assert.deepEqual(keys(found), ['leaked:lost-waker']);
  assert.equal(found[0].t, 7);
  // Woken after its last Pending: a wake is coming, so not lost.
  const woken = [...leaked.slice(0, 5), [K.Woken, 2, 4], ...leaked.slice(5)];
  assert.deepEqual(lint(woken), []);
});

test('every lint has a badge and a hover sentence; lintsByFuture groups them without repeats', () => {
  for (const l of Object.values(LINTS)) {
    assert.ok(l.badge.length > 0);
    assert.match(l.title, /^[A-Z].*\.$/);
  }
  const by = lintsByFuture(lint(fx.channel(), { stalled: true }));
  assert.deepEqual([...by.entries()], [[4, ['lost-waker', 'dropped-pending']]]);
});

test('a run the interpreter stopped because it stalled (a Note, its drops, Stopped): lost wakers', () => {
  // main awaits a channel whose sender is alive but idle: nothing can ever wake it.
  const stalled = [[K.Created, 1, 0, 'main'], [K.Poll, 1, 1], [K.Pending, 1, 2],
    [K.Note, 0, 3, 'Every task is waiting for something that can never happen.'],
    [K.DroppedPending, 1, 3], [K.Stopped, 0, 4]];
  assert.deepEqual(keys(lint(stalled)), ['main:lost-waker', 'main:dropped-pending']);
  // The same drops after Stop pressed by a person (no Note): a timer might still have woken it.
  assert.deepEqual(keys(lint(stalled.filter((e) => e[0] !== K.Note))), ['main:dropped-pending']);
});
