// Runs recorded from the built page in Chromium (tests/unit/runs/*.run.json, saved in the run file
// format): real, coarse timestamps (Chromium rounds performance.now() to 100 µs), a Woken stamped at
// the very µs of the poll it asked for, a wake reported after its future finished.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRun } from '../../web/runfile.js';
import { lint } from '../../web/lints.js';
import { toTrace } from '../../web/perfetto.js';
import { futureStats } from '../../web/stats.js';
import { Replay } from '../../web/replay.js';
import { traceProblems } from './trace-rules.js';

const load = (demo) => {
  const r = parseRun(readFileSync(new URL(`./runs/${demo}.run.json`, import.meta.url), 'utf8'));
  assert.equal(r.error, undefined);
  return r.run;
};
const LINTS = { join: [], select: ['fetch_user_data:dropped-pending'], 'no-await': ['my_task:never-polled'], blocking: ['blocking_wait:long-poll'] };

for (const [demo, expected] of Object.entries(LINTS)) {
  test(`a real ${demo} run: it reads back, lints as the lesson says, and exports a well-formed trace`, () => {
    const { events } = load(demo);
    assert.deepEqual(lint(events).map((l) => `${l.name}:${l.key}`), expected);
    assert.deepEqual(traceProblems(toTrace(events)), []);
    for (const s of futureStats(events).values()) assert.equal(s.busy + s.scheduled + s.idle, s.total, s.name);
  });
}

test('a real join! run at 1.5 s: fetch_product_data finished, fetch_user_data pending', () => {
  const state = new Replay(load('join').events).stateAt(1_500_000);
  const status = Object.fromEntries([...state.futures.values()].map((f) => [f.name, f.status]));
  assert.deepEqual(status, { main: 'pending', fetch_user_data: 'pending', fetch_product_data: 'ready' });
});

test('a real join! run: every wake comes from the event loop (timers), one arrow each', () => {
  const trace = toTrace(load('join').events);
  const starts = trace.traceEvents.filter((e) => e.ph === 's');
  assert.equal(starts.length, 4);
  assert.ok(starts.every((s) => s.tid === 1));
});
