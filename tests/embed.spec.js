// Embedding in course sites: the custom element, many per page, removal mid-run, the sandboxed
// iframe with its height messages, all under the strict CSP.
import { test, expect, lines, lineAt, near, watchCsp } from './fixtures.js';
import { PORTS } from '../playwright.config.js';

const CSP = `http://127.0.0.1:${PORTS.csp}`;

test('a host page under the strict CSP: two elements run independently, zero violations', async ({ page }) => {
  const violations = await watchCsp(page);
  const res = await page.goto(`${CSP}/examples/plain.html`);
  expect(res.headers()['content-security-policy']).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  const [join, select] = [page.locator('async-playground[demo=join]'), page.locator('async-playground[demo=select]')];
  await expect(join.getByRole('heading', { name: /join!/ })).toBeVisible();
  await expect(select.getByRole('heading', { name: /select!/ })).toBeVisible();
  expect(await join.evaluate((el) => el.shadowRoot && el.shadowRoot.mode)).toBe('open');

  await join.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await page.waitForTimeout(300);
  await select.getByRole('button', { name: /^Run select!/ }).click();
  near(await lineAt(select, 'Product data fetched after 1s.'), 1000);
  near(await lineAt(join, 'User data fetched after 3s.'), 3000);
  // Each wrote only into its own log.
  expect((await lines(join)).map(([, t]) => t)).toContain('Result 2: Product');
  expect((await lines(join)).map(([, t]) => t).join()).not.toContain('select!');
  expect((await lines(select)).map(([, t]) => t).join()).not.toContain('Result 1');
  // Both loaded the wasm once.
  const wasmLoads = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length);
  expect(wasmLoads).toBe(1);
  expect(await violations()).toEqual([]);
});

test('the page and embed.html also pass the strict CSP', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${CSP}/?speed=10`);
  await page.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await lineAt(page.locator('#demo-join'), 'Result 2: Product');
  await page.goto(`${CSP}/embed.html?demo=select&speed=10`);
  await page.getByRole('button', { name: /^Run select!/ }).click();
  await lineAt(page.locator('async-playground'), 'Product data fetched after 1s.');
  expect(await violations()).toEqual([]);
});

test('attributes: changes take effect; a bad value gets a sentence and the default', async ({ page }) => {
  await page.goto(`${CSP}/examples/plain.html`);
  const el = page.locator('async-playground').first(); // not by [demo]: the test changes it
  await expect(el.getByRole('heading', { name: /join!/ })).toBeVisible();
  await el.evaluate((e) => { e.setAttribute('user', '400'); e.setAttribute('product', '100'); });
  await expect(el.getByLabel('fetch_user_data waits')).toHaveValue('400');
  await el.evaluate((e) => e.setAttribute('speed', '1e400'));
  await expect(el).toContainText('speed=1e400 is not a speed: use 0.1–100');
  await el.evaluate((e) => e.setAttribute('demo', 'no-await'));
  await expect(el.getByRole('heading', { name: /no-await/ })).toBeVisible();
});

test('removing an element mid-run stops its run, with no errors', async ({ page }) => {
  await page.goto(`${CSP}/examples/plain.html`);
  const el = page.locator('async-playground[demo=join]');
  await el.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await lineAt(el, 'Fetching data concurrently...');
  const log = await el.evaluate((e) => {
    const logEl = e.shadowRoot.querySelector('[role=log]');
    e.remove();
    window.__detachedLog = logEl;
    return logEl.children.length;
  });
  await page.waitForTimeout(3500);
  expect(await page.evaluate(() => window.__detachedLog.children.length)).toBe(log);
  // The other element still works.
  const select = page.locator('async-playground[demo=select]');
  await select.getByRole('button', { name: /^Run select!/ }).click();
  await lineAt(select, 'Product data fetched after 1s.');
});

test('a sandboxed iframe (origin null): the demo runs and the height message arrives', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${CSP}/examples/iframe.html`);
  const frameEl = page.locator('iframe');
  await expect(frameEl).toHaveAttribute('sandbox', 'allow-scripts allow-downloads');
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  near(await lineAt(frame.locator('async-playground'), 'Product data fetched after 1s.'), 1000);
  await expect(frameEl).toHaveAttribute('data-height-messages', /\d+/);
  const [frameHeight, contentHeight] = await Promise.all([
    frameEl.evaluate((f) => f.getBoundingClientRect().height),
    frame.locator('html').evaluate((h) => h.getBoundingClientRect().height),
  ]);
  expect(Math.abs(frameHeight - contentHeight)).toBeLessThan(4);
  expect(frameHeight).toBeGreaterThan(300);
  // allow-downloads: Save run works inside the frame, and no sentence says it is blocked.
  await lineAt(frame.locator('async-playground'), 'Result 2: Product');
  const save = frame.getByRole('button', { name: 'Save run' });
  await expect(save).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  expect(download.suggestedFilename()).toMatch(/\.run\.json$/);
  await expect(frame.locator('.download-note')).toHaveText('');
  expect(await violations()).toEqual([]);
});

test('a sandboxed iframe without allow-downloads: Save run says beside the button that downloads are blocked', async ({ page }) => {
  await page.goto(`${CSP}/examples/iframe.html`);
  // The same example, its frame's sandbox without allow-downloads (set before the frame loads).
  await page.locator('iframe').evaluate((f) => { f.sandbox = 'allow-scripts'; f.src = `${f.src}&speed=10`; });
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await lineAt(frame.locator('async-playground'), 'Result 2: Product');
  await frame.getByRole('button', { name: 'Save run' }).click();
  await expect(frame.locator('.download-note')).toContainText('Downloads are blocked here');
});

test('npm pack yields a package with the element, wasm, styles and types', async () => {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
  const [pkg] = JSON.parse(out);
  const files = pkg.files.map((f) => f.path);
  for (const f of ['dist/embed.js', 'dist/later.js', 'dist/async_playground_bg.wasm', 'dist/styles.css', 'types/async-playground.d.ts', 'package.json']) {
    expect(files).toContain(f);
  }
  expect(files.some((f) => f.startsWith('crate/') || f.startsWith('node_modules/'))).toBe(false);
});

test('embed-loader.js (for mdBook additional-js) loads the element from a classic script', async ({ page }) => {
  await page.goto(`${CSP}/examples/plain.html`);
  // A fresh document with only the classic loader, as mdBook emits it.
  await page.setContent('<async-playground demo="lazy"></async-playground>');
  await page.addScriptTag({ url: `${CSP}/embed-loader.js` });
  const el = page.locator('async-playground');
  await el.getByRole('button', { name: 'Run with .await' }).click();
  await lineAt(el, 'Task finished');
});

test('changing an attribute mid-run applies to the next run, and the element says so', async ({ page }) => {
  await page.goto(`${CSP}/examples/plain.html`);
  const el = page.locator('async-playground').first();
  await el.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await lineAt(el, 'Fetching data concurrently...');
  await el.evaluate((e) => e.setAttribute('user', '500'));
  await expect(el).toContainText('New settings apply to the next run.');
  near(await lineAt(el, 'User data fetched after 3s.'), 3000);
});
