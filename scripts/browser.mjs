// Owns: how every script gets a browser and a server, written once. Playwright's config
// (playwright.config.js), the bench (bench/run.mjs) and the screenshots (scripts/screenshots.mjs)
// all launch Debian's Chromium with these options and serve dist/ with scripts/serve.mjs.
import { join } from 'node:path';
import { createStaticServer } from './serve.mjs';

export const root = join(import.meta.dirname, '..');

/** Debian's Chromium (Playwright's own download cannot run here); CHROMIUM_PATH picks another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for a headless run on a shared CI machine: no sandbox (root in a container), no GPU, no network chatter. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Playwright launch options, with `extra` flags appended. */
export const launchOptions = (extra = []) => ({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extra] });

/** Launches Chromium through playwright-core. */
export async function launchChromium(extra = []) {
  const { chromium } = await import('playwright-core');
  return chromium.launch(launchOptions(extra));
}

/**
 * Serves `dir` (default dist/) on 127.0.0.1, in this process, as scripts/serve.mjs does.
 * Resolves to `{ url, close() }`; port 0 picks a free one.
 */
export function serve(dir = join(root, 'dist'), { port = 0, csp = false } = {}) {
  const server = createStaticServer({ dir, csp });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
