// End-to-end tests in real headless Chromium (Debian's /usr/bin/chromium: Playwright's own browser
// download cannot run here) against the release dist/ built by `npm run build`.
import { defineConfig } from '@playwright/test';
import { launchOptions } from './scripts/browser.mjs';

// site: dist/ as any static host serves it; csp: the same files under the strict CSP.
// mdbook: the test book of tests/mdbook.spec.js, served by that spec itself.
// PLAYWRIGHT_PORT moves all three (to run two checkouts' tests side by side on one machine).
const BASE = Number(process.env.PLAYWRIGHT_PORT || 4173);
export const PORTS = { site: BASE, csp: BASE + 1, mdbook: BASE + 2 };
const serve = (port, extra = '') => ({
  command: `node scripts/serve.mjs --port ${port} --quiet ${extra}`,
  url: `http://127.0.0.1:${port}/index.html`,
  reuseExistingServer: false,
  timeout: 20_000,
});

export default defineConfig({
  testDir: 'tests',
  testMatch: /.*\.spec\.js/,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Timing assertions are generous, but two Chromium workers on a shared 2-core CI machine starve each
  // other's timers; CI runs one at a time and retries a failure once (a retried pass is reported as flaky).
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORTS.site}`,
    browserName: 'chromium',
    launchOptions: launchOptions(),
  },
  webServer: [
    serve(PORTS.site),
    serve(PORTS.csp, '--csp'),
  ],
});
