// Watching costs nothing: guards, with generous bounds (the machine is shared and noisy), for the
// goals that `npm run bench` measures exactly (docs/benchmarks.md): the main thread stays mostly
// idle while join! is watched, frames alone never add DOM nodes, starting 10,000 tasks never
// freezes the page, and join!'s lines are as punctual as plain setTimeout in the same page.
// Timing guards take the best of three runs: another process's load spike spoils one run, while a
// regression (a view drawing every frame, one giant task) shows in every run.
import { test, expect } from './fixtures.js';
import { joinLateness, watchRun } from '../scripts/watching.mjs';

test('watching join! with the timeline open keeps the main thread mostly idle, and frames add no nodes', async ({ page }) => {
  test.setTimeout(90_000);
  const cdp = await page.context().newCDPSession(page);
  await page.goto('/');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  await watchRun(page, cdp, { variant: 'join/join' }); // warm-up: compiling every path (JIT), first layouts
  const busy = [];
  for (let i = 0; i < 3; i++) {
    // Between 1.3 s and 2.8 s nothing happens in the run (the fetches end at 1 s and 3 s): only time passes.
    const r = await watchRun(page, cdp, { variant: 'join/join', samples: [1300, 2800] });
    expect(r.lines.length).toBe(6);
    expect(r.nodes[1].dom - r.nodes[0].dom, 'DOM nodes added while only time passed').toBe(0);
    busy.push(r.busy * 100);
  }
  expect(Math.min(...busy), `main thread busy, three runs: ${busy.map((b) => b.toFixed(1)).join(', ')}% (goal ≤ 5%)`).toBeLessThan(25);
});

test('starting 10,000 tasks makes no long task; the page answers while they start', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await page.goto('/');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  test.setTimeout(90_000);
  // A student's second run: the first on a fresh page also pays for compiling every path (JIT).
  await watchRun(page, cdp, { variant: 'many/1000' });
  const longest = [];
  for (let i = 0; i < 3; i++) {
    const r = await watchRun(page, cdp, { variant: 'many/10000' });
    expect(r.lines.at(-1)).toContain('All 10000 tasks finished');
    // The tasks are created and first polled in the first few hundred ms; their timers fire at 1 s.
    longest.push(Math.round(Math.max(0, ...r.longTasks.filter((t) => t.at < 600).map((t) => t.ms))));
  }
  expect(Math.min(...longest), `longest task while the tasks start, three runs: ${longest.join(', ')} ms (goal: 50)`).toBeLessThan(150);
});

test('join!\'s lines are as punctual as plain setTimeout in the same page, while the views draw', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  test.setTimeout(90_000);
  const behind = { 1000: [], 3000: [] };
  for (let i = 0; i < 3; i++) {
    const { rust, js } = await joinLateness(page);
    for (const ms of [1000, 3000]) behind[ms].push(rust[ms] - js[ms]);
  }
  for (const ms of [1000, 3000]) {
    const text = behind[ms].map((d) => d.toFixed(1)).join(', ');
    expect(Math.min(...behind[ms]), `the ${ms} ms line minus setTimeout(${ms}), three runs: ${text} ms (goal: within 1 ms)`).toBeLessThan(10);
  }
});
