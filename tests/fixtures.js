// The shared fixture: every end-to-end test fails on any console error or warning, uncaught
// exception, failed request (404s included), or request leaving the page's own origins.
import { test as base, expect } from '@playwright/test';
import { PORTS } from '../playwright.config.js';

const OWN = new Set(Object.values(PORTS).map((p) => `http://127.0.0.1:${p}`));

export const test = base.extend({
  problems: async ({}, use) => { await use([]); },
  page: async ({ page, problems }, use) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('requestfailed', (r) => {
      // A navigation (goto, reload) cancels the old page's requests still in flight, e.g. its favicon:
      // that is ERR_ABORTED, not a failure of the site.
      if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['data:', 'blob:'].includes(u.protocol) && !OWN.has(u.origin)) problems.push(`left the origin: ${r.url()}`);
    });
    await use(page);
    expect(problems, 'console errors, failed or foreign requests').toEqual([]);
  },
});
export { expect };

/** The demo section whose heading matches `name`. */
export const demo = (page, name) => page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name }) });

/** The log's lines as [ms, text] pairs. */
export async function lines(section) {
  const items = await section.getByRole('log').getByRole('listitem').allInnerTexts();
  return items.map((t) => {
    const m = /^\+(\d+) ms\s+(.*)$/s.exec(t.trim());
    if (!m) throw new Error(`a log line without a "+N ms" time: ${t}`);
    return [Number(m[1]), m[2]];
  });
}

/** Waits for `text` in the section's log; returns its time in ms. */
export async function lineAt(section, text, timeout = 15_000) {
  const item = section.getByRole('log').getByRole('listitem').filter({ hasText: text });
  await expect(item).toHaveCount(1, { timeout });
  const t = await item.innerText();
  return Number(/^\+(\d+) ms/.exec(t.trim())[1]);
}

/** Generous bounds on a measured time: never early, late by at most `late` ms. */
export function near(t, planned, late = 600) {
  expect(t, `measured ${t} ms, planned ${planned} ms`).toBeGreaterThanOrEqual(planned - 2);
  expect(t, `measured ${t} ms, planned ${planned} ms`).toBeLessThanOrEqual(planned + late);
}

/** The futures table as objects keyed by column header. */
export async function futuresTable(section) {
  const table = section.getByRole('table');
  const headers = await table.locator('thead th').allInnerTexts();
  const rows = await table.locator('tbody tr').all();
  const out = {};
  for (const r of rows) {
    const cells = await r.locator('th, td').allInnerTexts();
    out[cells[0]] = Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
  }
  return out;
}
export const msOf = (s) => Number(/(\d+) ms/.exec(s)[1]);

/** Records CSP violations from the start of the page's life; call the returned function to read them. */
export async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return async () => page.evaluate(() => window.__cspViolations);
}
