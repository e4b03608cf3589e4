// No leaks: many runs and a thousand restarts leave wasm memory where it was and the JS heap
// bounded (generously here: the exact figures are in `npm run bench`).
import { test, expect, demo, lines, lineAt } from './fixtures.js';
import { memoryAfterGc as measure, runVariants } from '../scripts/memory.mjs';

test('hundreds of runs of each demo: wasm memory does not grow, the JS heap stays bounded', async ({ page }) => {
  test.setTimeout(120_000);
  const cdp = await page.context().newCDPSession(page);
  await page.goto('/?speed=100&user=0&product=0');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  const variants = ['lazy/call', 'lazy/await', 'join/join', 'join/sequential', 'select/select', 'no-await/call', 'no-await/spawn'];
  await runVariants(page, variants.map((v) => [v, 20]));
  const before = await measure(page, cdp);
  await runVariants(page, variants.map((v) => [v, 200]));
  const after = await measure(page, cdp);
  expect(after.wasm - before.wasm, 'wasm memory growth').toBe(0);
  expect(after.heap - before.heap, 'JS heap growth after GC').toBeLessThan(1_000_000);
});

test('1,000 restarts in a row: one finished run, no stray lines, no memory growth', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await page.goto('/?speed=2'); // the product line would come at 500 ms: well after Stop
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  const s = demo(page, /join!/);
  const run = s.getByRole('button', { name: 'Run concurrently (join!)' });
  await run.evaluate((b) => { for (let i = 0; i < 50; i++) b.click(); });
  await lineAt(s, 'Result 2: Product');
  const before = await measure(page, cdp);
  await run.evaluate((b) => { for (let i = 0; i < 1000; i++) b.click(); });
  await s.getByRole('button', { name: 'Stop' }).click();
  await page.waitForTimeout(2000); // past both fetches: a timer left behind would print
  expect((await lines(s)).map(([, t]) => t)).toEqual(['Fetching data concurrently...', 'Stopped: every future of this run was dropped.']);
  const after = await measure(page, cdp);
  expect(after.wasm - before.wasm).toBe(0);
  expect(after.heap - before.heap).toBeLessThan(1_000_000);
});
