// The playground as a learner uses it: open the page, press each Run button, watch the lines.
import { readFileSync } from 'node:fs';
import { test, expect, demo, lines, lineAt, near } from './fixtures.js';

test('the release build loads and every demo of the lesson is there', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  for (const name of ['Lazy futures', 'Sleep', 'join!', 'select!', 'no-await', 'Blocking']) {
    // Playwright's string match is a case-insensitive substring: each name must pick exactly one demo.
    await expect(demo(page, name)).toHaveCount(1);
  }
  const runs = page.getByRole('button', { name: /^Run/ });
  expect(await runs.count()).toBeGreaterThanOrEqual(10);
});

test('lazy futures: without .await the body never runs; with it, "Task finished"', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /Lazy futures/);
  await s.getByRole('button', { name: 'Run: call without .await' }).click();
  await expect(s.getByText(/What just happened\?/)).toBeVisible();
  const out = (await lines(s)).map(([, t]) => t);
  expect(out).toEqual(['Called my_async_task(): got a Future, nothing ran.', 'Dropped the Future without awaiting it.']);
  await expect(s.getByRole('log')).not.toContainText('Task finished');
  await expect(s.getByRole('log')).not.toContainText('my_async_task is running');

  await s.getByRole('button', { name: 'Run with .await' }).click();
  const t = await lineAt(s, 'Task finished');
  expect(t).toBeLessThan(100);
  expect((await lines(s)).map(([, x]) => x)).toEqual(['my_async_task is running.', 'Task finished']);
});

test('sleep: start at +0, end at +2000, and the page keeps ticking meanwhile', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /Sleep/);
  await s.getByRole('button', { name: /^Run/ }).click();
  near(await lineAt(s, 'Start of program.'), 0, 100);
  await page.waitForTimeout(1000);
  const ticksMid = Number(await s.locator('.tick-count').innerText());
  expect(ticksMid, 'the counter ticks while Rust sleeps').toBeGreaterThan(3);
  near(await lineAt(s, 'End of program after waiting.'), 2000);
});

test('join!: lines appear live, 1 s before 3 s, total ~3 s not 4 s', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /join!/);
  await s.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  near(await lineAt(s, 'Fetching data concurrently...'), 0, 100);
  const product = await lineAt(s, 'Product data fetched after 1s.');
  near(product, 1000);
  // Live: the 1 s line is on screen while the 3 s line does not exist yet.
  await expect(s.getByRole('log').getByRole('listitem').filter({ hasText: 'User data fetched' })).toHaveCount(0);
  near(await lineAt(s, 'User data fetched after 3s.'), 3000);
  await lineAt(s, 'Result 2: Product');
  const out = await lines(s);
  expect(out.map(([, t]) => t)).toEqual([
    'Fetching data concurrently...', 'Product data fetched after 1s.', 'User data fetched after 3s.',
    'Total execution time is ~3s, not 4s.', 'Result 1: User', 'Result 2: Product',
  ]);
  near(out[5][0], 3000);
  await expect(s.getByText(/Measured: the run took \d+ ms/)).toBeVisible();
});

test('join!: "Run sequentially" awaits one after the other (product at ~4 s)', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /join!/);
  await s.getByRole('button', { name: 'Run sequentially' }).click();
  near(await lineAt(s, 'User data fetched after 3s.'), 3000);
  near(await lineAt(s, 'Product data fetched after 1s.'), 4000);
});

test('select!: done at ~1 s with the product; the user line never prints', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /select!/);
  await expect(s).toContainText('at random');
  await s.getByRole('button', { name: /^Run select!/ }).click();
  near(await lineAt(s, 'Product data fetched after 1s.'), 1000);
  await expect(s.getByRole('log')).toContainText('the Product branch won');
  await page.waitForTimeout(2500); // past the user fetch's 3 s
  await expect(s.getByRole('log')).not.toContainText('User data fetched');
  await expect(s.getByText(/fetch_product_data finished first/)).toBeVisible();
});

test('no-await: without .await the line never appears; spawn_local prints it at ~1 s', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /no-await/);
  await s.getByRole('button', { name: 'Run without .await' }).click();
  near(await lineAt(s, 'Starting program.'), 0, 100);
  near(await lineAt(s, 'Finished program.'), 0, 100);
  await page.waitForTimeout(1500);
  await expect(s.getByRole('log')).not.toContainText('This line will never be printed.');

  await s.getByRole('button', { name: 'Run with spawn_local' }).click();
  near(await lineAt(s, 'Finished program.'), 0, 100);
  near(await lineAt(s, 'This line will never be printed.'), 1000);
});

test('Run again restarts: the old run is dropped, lines never interleave', async ({ page }) => {
  await page.goto('/?speed=10');
  const s = demo(page, /join!/);
  const run = s.getByRole('button', { name: 'Run concurrently (join!)' });
  await run.click();
  await expect(s.getByRole('button', { name: 'Stop' })).toBeEnabled();
  await expect(s).toContainText('Running');
  await page.waitForTimeout(150); // mid-run: the product line is out, the user one pending
  await run.click();
  await lineAt(s, 'Result 2: Product');
  await page.waitForTimeout(400);
  const out = await lines(s);
  expect(out.map(([, t]) => t)).toEqual([
    'Fetching data concurrently...', 'Product data fetched after 1s.', 'User data fetched after 3s.',
    'Total execution time is ~3s, not 4s.', 'Result 1: User', 'Result 2: Product',
  ]);
  near(out[2][0], 300, 500); // timed from the second press
});

test('Stop drops the run: no line arrives after it', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /join!/);
  await s.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await lineAt(s, 'Product data fetched after 1s.');
  await s.getByRole('button', { name: 'Stop' }).click();
  await expect(s.getByRole('log')).toContainText('Stopped');
  await page.waitForTimeout(2500);
  await expect(s.getByRole('log')).not.toContainText('User data fetched');
  await expect(s.getByRole('button', { name: 'Stop' })).toBeDisabled();
});

test('the code panes show the Rust that runs, extracted at build time, and the Tokio original', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /join!/);
  const source = readFileSync(new URL('../crate/src/lessons/join.rs', import.meta.url), 'utf8');
  const shown = await s.getByRole('tabpanel').first().innerText();
  expect(shown.trim()).toBe(source.trim());
  await s.getByRole('tab', { name: /Tokio/ }).click();
  await expect(s.getByRole('tabpanel').filter({ visible: true })).toContainText('#[tokio::main]');
  await expect(s).toContainText('futures::join!');
  await expect(s).toContainText('gloo_timers::future::sleep');
});

test('blocking: the busy loop freezes the counter and delays the timer; sleep().await does not', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, 'Blocking');
  await s.getByRole('button', { name: 'Run blocking wait' }).click();
  const late = await lineAt(s, 'Blocking wait of 2s over.');
  near(late, 2000);
  const fired = await s.getByRole('log').getByRole('listitem').filter({ hasText: 'Timer fired' }).innerText();
  expect(Number(/fired (\d+) ms late/.exec(fired)[1]), 'the 1 s timer waited for the busy loop').toBeGreaterThanOrEqual(900);
  await expect(s.getByText(/What just happened\?/)).toContainText('frozen');
  const frozenTicks = Number(/ticked (\d+) times?/.exec(await s.locator('.happened').innerText())[1]);
  expect(frozenTicks).toBeLessThan(5);

  await s.getByRole('button', { name: 'Run with sleep().await' }).click();
  await lineAt(s, 'Sleeping wait of 2s over.');
  const ok = await s.getByRole('log').getByRole('listitem').filter({ hasText: 'Timer fired' }).innerText();
  expect(Number(/fired (\d+) ms late/.exec(ok)[1])).toBeLessThan(300);
  await expect(s.locator('.happened')).toContainText('ticked');
  const ticks = Number(/ticked (\d+) times/.exec(await s.locator('.happened').innerText())[1]);
  expect(ticks, 'the page kept ticking while Rust slept').toBeGreaterThan(10);
});
