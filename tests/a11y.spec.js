// Accessibility: axe-core (WCAG 2.1 AA) on every page and state, keyboard-only use, phones,
// reduced motion, and the remembered dark toggle.
import { createRequire } from 'node:module';
import { test, expect, demo, lineAt } from './fixtures.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function axe(page, context = 'document') {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async (ctx) => {
    const r = await window.axe.run(ctx === 'document' ? document : ctx, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, context);
  expect(result).toEqual([]);
}

for (const scheme of ['light', 'dark']) {
  test(`axe: the page in ${scheme}, before and after a run, timeline shown`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/?speed=10');
    await expect(page.locator('body')).toHaveClass(/wasm-ready/);
    await axe(page);
    for (const [name, button] of [[/join!/, 'Run concurrently (join!)'], [/select!/, /^Run select!/], [/no-await/, 'Run without .await']]) {
      await demo(page, name).getByRole('button', { name: button }).click();
    }
    await lineAt(demo(page, /join!/), 'Result 2: Product');
    await demo(page, /join!/).getByRole('button', { name: /Next event/ }).click();
    await axe(page);
  });

  test(`axe: embed.html and a host page with embeds, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/embed.html?demo=join&speed=10');
    await page.getByRole('button', { name: 'Run concurrently (join!)' }).click();
    await lineAt(page.locator('async-playground'), 'Result 2: Product');
    await axe(page);
    await page.goto('/examples/plain.html');
    await expect(page.locator('async-playground').first().getByRole('heading', { level: 2 })).toBeVisible();
    await axe(page);
  });
}

// A course page with several elements, each run so that its futures table is filled (twelve columns
// scroll sideways at embed widths: the scrolling box must be reachable and named), light and dark,
// at a laptop's width and a phone's.
for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 360], ['dark', 360]]) {
  test(`axe: a page with several embeds after their runs, ${scheme}, ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/examples/plain.html');
    const els = page.locator('async-playground');
    await expect(els).toHaveCount(2);
    for (const el of await els.all()) {
      await el.evaluate((e) => e.setAttribute('speed', '10'));
      await el.getByRole('button', { name: /^Run/ }).first().click();
    }
    for (const el of await els.all()) {
      await expect(el.getByText(/What just happened\?/)).toBeVisible({ timeout: 15_000 });
      await expect(el.getByRole('table').locator('tbody tr')).not.toHaveCount(0);
      // The table's scrolling box: focusable and named after the table.
      const region = el.getByRole('region', { name: /^Futures of the last run/ });
      await expect(region).toHaveAttribute('tabindex', '0');
    }
    await axe(page);
  });
}

test('keyboard only: reach a Run button with Tab, run with Enter and Space, step with arrows', async ({ page }) => {
  await page.goto('/?speed=10');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  // The skip link comes first.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the demos' })).toBeFocused();
  // Tab through to the first Run button; every stop must show a focus ring.
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
    });
    expect(info.outline, `focus visible on "${info.text}"`).toBe(true);
    found = info.text === 'Run: call without .await';
  }
  expect(found).toBe(true);
  await page.keyboard.press('Enter');
  const lazy = demo(page, /Lazy futures/);
  await lineAt(lazy, 'Dropped the Future without awaiting it.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await lineAt(lazy, 'Task finished');
  // Step through with the keyboard.
  await lazy.getByRole('button', { name: /Next event/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await expect(lazy.locator('.step-info')).toContainText('Event 2 of');
});

test('the demo nav jumps to each demo', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Demos' }).getByRole('link', { name: 'select!' }).click();
  await expect(page).toHaveURL(/#demo-select$/);
});

test('the log is a polite live region; each line carries its time', async ({ page }) => {
  await page.goto('/?speed=10');
  const log = demo(page, /join!/).getByRole('log');
  await expect(log).toHaveAttribute('aria-live', 'polite');
  // The table comes with the views, when the first run starts.
  await demo(page, /join!/).getByRole('button', { name: 'Run concurrently (join!)' }).click();
  const table = demo(page, /join!/).getByRole('table');
  await expect(table.locator('caption')).toContainText('Futures of the last run');
  expect(await table.locator('th[scope=col]').count()).toBe(12);
});

test('360 px: no sideways scrolling; code panes scroll inside themselves; targets ≥ 44 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/?speed=10');
  await demo(page, /select!/).getByRole('button', { name: /^Run select!/ }).click();
  await lineAt(demo(page, /select!/), 'the Product branch won');
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const pre = demo(page, /join!/).locator('pre.code').first();
  expect(await pre.evaluate((p) => getComputedStyle(p).overflowX)).toBe('auto');
  for (const b of await page.getByRole('button').all()) {
    if (!(await b.isVisible())) continue;
    const box = await b.boundingBox();
    expect(box.height, await b.innerText()).toBeGreaterThanOrEqual(44);
  }
});

test('1440 px: lesson code and output side by side', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const s = demo(page, /join!/);
  const code = await s.locator('.source').boundingBox();
  const out = await s.getByRole('log').boundingBox();
  expect(out.x).toBeGreaterThan(code.x + code.width - 1);
});

test('reduced motion: nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?speed=10');
  const s = demo(page, /join!/);
  await s.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await lineAt(s, 'Result 2: Product');
  const animated = await page.evaluate(() => document.getAnimations().length);
  expect(animated).toBe(0);
});

test('the dark toggle is remembered, and harmless where storage is blocked', async ({ page, context }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.locator('#theme-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(21, 23, 26)');
  // Storage blocked: the toggle still works for this page.
  const blocked = await context.newPage();
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await blocked.goto('/');
  await blocked.locator('#theme-toggle').click();
  await expect(blocked.locator('html')).toHaveAttribute('data-theme', /dark|light/);
  await blocked.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe: Your code loaded, with a warning shown and after a run, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // A program with a warning, so the diagnostics and the editor's underline are on the page too.
    const source = '#[tokio::main]\nasync fn main() {\n    let unused = 1;\n    println!("hi");\n}\n';
    await page.goto(`/?speed=10&code=${Buffer.from(source).toString('base64url')}`);
    const s = demo(page, /Your code/);
    await expect(s.getByRole('textbox', { name: 'Rust code' })).toBeVisible();
    await s.getByRole('button', { name: 'Run', exact: true }).click();
    await lineAt(s, 'hi');
    await expect(s.locator('.diagnostic.warning')).toHaveCount(1);
    await expect(s.locator('.ed-lint-warning')).not.toHaveCount(0);
    await axe(page, '#your-code');
  });
}
