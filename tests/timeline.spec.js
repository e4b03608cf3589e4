// The futures' lives: the timeline and its table, URL parameters, speed, and stepping.
import { test, expect, demo, lineAt, near, futuresTable, msOf } from './fixtures.js';

test('join!: both fetches overlap and end by ~3 s; the table says so', async ({ page }) => {
  await page.goto('/?speed=2');
  const s = demo(page, /join!/);
  await s.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await expect(s.getByText(/What just happened\?/)).toBeVisible({ timeout: 10_000 });
  const t = await futuresTable(s);
  expect(Object.keys(t)).toEqual(['main', 'fetch_user_data', 'fetch_product_data']);
  expect(t.fetch_user_data['How it ended']).toBe('ready');
  expect(t.fetch_product_data['How it ended']).toBe('ready');
  near(msOf(t.fetch_product_data['Ended at']), 500);
  near(msOf(t.fetch_user_data['Ended at']), 1500);
  // Overlap: product was created before user ended.
  expect(msOf(t.fetch_product_data['Created at'])).toBeLessThan(msOf(t.fetch_user_data['Ended at']));
  expect(Number(t.fetch_user_data.Wakes)).toBe(1);
  // join! polls the user fetch again when the product fetch wakes: 3 polls, 1 wake.
  expect(Number(t.fetch_user_data.Polls)).toBe(3);
  const svg = s.locator('svg.timeline');
  await expect(svg).toContainText('fetch_user_data');
  await expect(svg).toContainText('✓ ready');
  expect(await svg.locator('.pending').count()).toBeGreaterThanOrEqual(3);
  expect(await svg.locator('.wake').count()).toBeGreaterThanOrEqual(3);
});

test('sequential: the bars are back to back', async ({ page }) => {
  await page.goto('/?speed=4');
  const s = demo(page, /join!/);
  await s.getByRole('button', { name: 'Run sequentially' }).click();
  await expect(s.getByText(/What just happened\?/)).toBeVisible({ timeout: 10_000 });
  const t = await futuresTable(s);
  expect(msOf(t.fetch_product_data['Created at'])).toBeGreaterThanOrEqual(msOf(t.fetch_user_data['Ended at']));
  near(msOf(t.fetch_product_data['Ended at']), 1000);
});

test('select!: the loser ends "dropped while pending" at ~1 s', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /select!/);
  await s.getByRole('button', { name: /^Run select!/ }).click();
  await expect(s.getByText(/What just happened\?/)).toBeVisible({ timeout: 10_000 });
  const t = await futuresTable(s);
  expect(t.fetch_user_data['How it ended']).toBe('dropped while pending');
  near(msOf(t.fetch_user_data['Ended at']), 1000);
  expect(t.fetch_product_data['How it ended']).toBe('ready');
  await expect(s.locator('svg.timeline')).toContainText('✗ dropped while pending');
});

test('no-await: my_task is "never polled"; with spawn_local it runs', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /no-await/);
  await s.getByRole('button', { name: 'Run without .await' }).click();
  await expect(s.getByText(/What just happened\?/)).toBeVisible();
  let t = await futuresTable(s);
  expect(t.my_task['How it ended']).toBe('never polled');
  expect(t.my_task.Polls).toBe('0');
  expect(t.my_task['First poll']).toBe('—');
  await expect(s.locator('svg.timeline')).toContainText('never polled');

  await s.getByRole('button', { name: 'Run with spawn_local' }).click();
  await expect(s.getByText(/What just happened\?/)).toBeVisible({ timeout: 10_000 });
  t = await futuresTable(s);
  expect(t.my_task['How it ended']).toBe('ready');
  near(msOf(t.my_task['Ended at']), 1000);
});

test('the timeline draws live, while the run is in flight', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /join!/);
  await s.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await lineAt(s, 'Product data fetched after 1s.');
  // Mid-run: product is done, user still pending, and both already have rows.
  const t = await futuresTable(s);
  expect(t.fetch_product_data['How it ended']).toBe('ready');
  expect(t.fetch_user_data['How it ended']).toBe('pending');
  await expect(s.locator('svg.timeline')).toContainText('pending…');
});

test('URL parameters set durations and speed, and change the measured times', async ({ page }) => {
  await page.goto('/?demo=join&user=600&product=200&speed=2');
  const s = demo(page, /join!/);
  await expect(s.getByLabel('fetch_user_data waits')).toHaveValue('600');
  await expect(page.getByLabel('Speed')).toHaveValue('2000');
  await expect(s).toContainText('Predicted at 2×: concurrently (join!): ~300 ms');
  await s.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  near(await lineAt(s, 'Product data fetched after 0.2s.'), 100, 300);
  near(await lineAt(s, 'User data fetched after 0.6s.'), 300, 300);
  await expect(s.getByText(/Measured: the run took \d+ ms/)).toBeVisible();
});

test('editing a duration changes the prediction and the run', async ({ page }) => {
  await page.goto('/');
  const s = demo(page, /select!/);
  await s.getByLabel('fetch_product_data waits').fill('4000');
  await s.getByLabel('fetch_product_data waits').press('Enter');
  await s.getByLabel('fetch_user_data waits').fill('300');
  await s.getByLabel('fetch_user_data waits').press('Tab');
  await expect(s).toContainText('~300 ms (the shortest fetch)');
  await s.getByRole('button', { name: /^Run select!/ }).click();
  near(await lineAt(s, 'User data fetched after 0.3s.'), 300);
  await expect(s.getByRole('log')).toContainText('the User branch won');
});

test('the speed control speeds runs up, and says the speed in use', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Speed').selectOption('10000');
  await expect(page.locator('#speed-note')).toContainText('10×');
  const s = demo(page, /join!/);
  await s.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  near(await lineAt(s, 'User data fetched after 3s.'), 300, 500);
});

test('Copy link makes a URL that reopens the same state', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.getByLabel('Speed').selectOption('2000');
  const s = demo(page, /join!/);
  await s.getByLabel('fetch_user_data waits').fill('1500');
  await s.getByLabel('fetch_user_data waits').press('Enter');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('#copy-status')).toContainText('demo=join');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toContain('user=1500');
  expect(url).toContain('speed=2');
  await page.goto(url);
  await expect(demo(page, /join!/).getByLabel('fetch_user_data waits')).toHaveValue('1500');
  await expect(page.getByLabel('Speed')).toHaveValue('2000');
});

test('step through a finished run with buttons and arrow keys', async ({ page }) => {
  await page.goto('/?speed=10');
  const s = demo(page, /select!/);
  await s.getByRole('button', { name: /^Run select!/ }).click();
  await expect(s.getByText(/What just happened\?/)).toBeVisible();
  const info = s.locator('.step-info');
  await s.getByRole('button', { name: /Next event/ }).click();
  await expect(info).toContainText('Event 1 of');
  await expect(info).toContainText('main created');
  // The runtime's decisions are steps too (runtime.spec.js): main is queued, then taken, then polled.
  await s.getByRole('button', { name: /Next event/ }).click();
  await expect(info).toContainText('Run pressed: main is spawned onto wasm-bindgen-futures’ queue.');
  await s.getByRole('button', { name: /Next event/ }).click();
  await s.getByRole('button', { name: /Next event/ }).click();
  await expect(info).toContainText('main polled for the first time');
  await s.locator('figure.timeline-figure').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(info).toContainText('Event 8 of');
  await expect(s.locator('svg.timeline .cursor')).toHaveCount(1);
  await expect(s.locator('svg.timeline .row.current')).toHaveCount(1);
  await expect(s.locator('table tr.current')).toHaveCount(1);
  // Walk to the end: the loser's drop is explained.
  const texts = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('ArrowRight');
    texts.push(await info.innerText());
  }
  expect(texts.join('\n')).toContain('fetch_user_data dropped while pending');
  expect(texts.join('\n')).toMatch(/fetch_product_data polled → Pending: it is waiting/);
  await page.keyboard.press('ArrowLeft');
  await expect(s.getByRole('button', { name: /Next event/ })).toBeEnabled();
});

test('tasks are cheap: 10,000 tasks finish in about one sleep; the timeline groups them', async ({ page }) => {
  await page.goto('/?speed=2');
  const s = demo(page, 'Tasks are cheap');
  await s.getByRole('button', { name: 'Run 10,000 tasks' }).click();
  const t = await lineAt(s, 'All 10000 tasks finished', 20_000);
  near(t, 500, 1500); // one 1 s sleep at 2×, plus starting 10,000 timers on a shared machine
  const table = await futuresTable(s);
  expect(table['sleep_task ×10000']['How it ended']).toBe('10000 ready');
  await expect(s.locator('svg.timeline')).toContainText('sleep_task ×10000');
  expect(await s.locator('svg.timeline rect').count(), 'marks are merged, not 10,000 of each').toBeLessThan(3000);
});

test('stepping puts a ring on the mark the step is about', async ({ page }) => {
  await page.goto('/?speed=10');
  const s = demo(page, /join!/);
  await s.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await expect(s.getByText(/What just happened\?/)).toBeVisible();
  await s.getByRole('button', { name: /Next event/ }).click();
  await expect(s.locator('svg.timeline .cursor-ring')).toHaveCount(1);
  await expect(s.locator('svg.timeline .row.current')).toContainText('main');
});
