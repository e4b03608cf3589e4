// Watching costs nothing: guards, with generous bounds (the machine is shared and noisy), for the
// goals that `npm run bench` measures exactly (docs/benchmarks.md): the main thread stays mostly
// idle while join! is watched, frames alone never add DOM nodes, starting 10,000 tasks never
// freezes the page, and join!'s lines are as punctual as plain setTimeout in the same page.
import { test, expect } from './fixtures.js';
import { joinLateness, watchRun } from '../scripts/watching.mjs';

test('watching join! with the timeline open keeps the main thread mostly idle, and frames add no nodes', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await page.goto('/');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  // Between 1.3 s and 2.8 s nothing happens in the run (the fetches end at 1 s and 3 s): only time passes.
  const r = await watchRun(page, cdp, { variant: 'join/join', samples: [1300, 2800] });
  expect(r.lines.length).toBe(6);
  expect(r.busy, `main thread busy ${(r.busy * 100).toFixed(1)}% of the run (goal ≤ 5%)`).toBeLessThan(0.25);
  expect(r.nodes[1].dom - r.nodes[0].dom, 'DOM nodes added while only time passed').toBe(0);
});

test('starting 10,000 tasks makes no long task; the page answers while they start', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await page.goto('/');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  // A student's second run: the first on a fresh page also pays for compiling every path (JIT).
  await watchRun(page, cdp, { variant: 'many/1000' });
  const r = await watchRun(page, cdp, { variant: 'many/10000' });
  // The tasks are created and first polled in the first few hundred ms; their timers fire at 1 s.
  const starting = r.longTasks.filter((t) => t.at < 600).map((t) => Math.round(t.ms));
  expect(Math.max(0, ...starting), `long tasks while the tasks start: ${starting.join(', ')} ms (goal: none over 50 ms)`).toBeLessThan(120);
  expect(r.lines.at(-1)).toContain('All 10000 tasks finished');
});

test('join!\'s lines are as punctual as plain setTimeout in the same page, while the views draw', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  const { rust, js } = await joinLateness(page);
  for (const ms of [1000, 3000]) {
    expect(rust[ms], `the ${ms} ms line was ${rust[ms].toFixed(1)} ms late; setTimeout(${ms}) ${js[ms].toFixed(1)} ms (goal: within 1 ms)`)
      .toBeLessThan(js[ms] + 15);
  }
});
