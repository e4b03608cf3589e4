// Refreshes the README's pictures from the built dist/: the page in light and dark, and the join!
// timeline step by step. Usage: npm run build && node scripts/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, root, serve } from './browser.mjs';

const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, colorScheme: scheme, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/?speed=1`);
    await page.locator('body.wasm-ready').waitFor();
    await page.screenshot({ path: `${out}/page-${scheme}.png` }); // the top of the page, as a visitor lands
    const join = page.locator('#demo-join');
    await join.getByRole('button', { name: 'Run concurrently (join!)' }).click();
    await join.getByRole('log').getByText('Result 2: Product').waitFor();
    await page.waitForTimeout(100);
    await join.screenshot({ path: `${out}/join-${scheme}.png` });
    await page.close();
  }
  // The join! timeline, step by step: four moments of one real run.
  const page = await browser.newPage({ viewport: { width: 900, height: 700 }, colorScheme: 'light' });
  await page.goto(`${server.url}/?speed=1`);
  const demo = page.locator('#demo-join');
  await demo.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  const figure = demo.locator('figure.timeline-figure');
  const moments = [500, 1300, 2500, 3400]; // ms after Run
  let waited = 0;
  for (const [i, at] of moments.entries()) {
    await page.waitForTimeout(at - waited);
    waited = at;
    await figure.screenshot({ path: `${out}/join-timeline-${i + 1}.png` });
  }
  await page.close();
  // The runtime: Your code's join! stepped to the runtime's first park, with the lane and the queue panel.
  const code = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: 'light' });
  await code.goto(`${server.url}/?speed=4`);
  const section = code.locator('#your-code');
  await section.scrollIntoViewIfNeeded();
  await section.getByRole('textbox', { name: 'Rust code' }).filter({ hasText: 'join!' }).waitFor();
  await section.getByRole('button', { name: 'Run', exact: true }).click();
  await section.getByText(/What just happened\?/).waitFor({ timeout: 20_000 });
  const next = section.getByRole('button', { name: 'Next decision ▶' });
  for (let i = 0; i < 4; i++) await next.click();
  await section.locator('.step-info').getByText(/parks until/).waitFor();
  const parts = section.locator('details.futures-details');
  await parts.evaluate((d) => {
    // Only the timeline, the stepper and the panel: the table and the buttons below are other pictures.
    for (const el of d.children) if (!el.matches('summary, figure, .stepper, .runtime-slot')) el.style.display = 'none';
  });
  await parts.screenshot({ path: `${out}/runtime-light.png` });
  await code.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots: written to ${out}`);
