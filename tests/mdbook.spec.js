// The README's mdBook recipe, with a real mdBook (scripts/setup.sh test installs it): the element in a
// chapter's Markdown, and ```rust,async-playground blocks made runnable in place by additional-js
// alone, on a top-level and a nested page.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, lines, lineAt } from './fixtures.js';
import { PORTS } from '../playwright.config.js';
import { root, serve } from '../scripts/browser.mjs';

const dist = join(root, 'dist');
const work = join(root, 'target', 'mdbook-test');
const BOOK = `http://127.0.0.1:${PORTS.mdbook}`;

test.describe.configure({ mode: 'serial' });
let server;

test.beforeAll(async () => {
  // Exactly the recipe: the loader beside book.toml, the rest in src/ (copied as is by mdBook).
  rmSync(work, { recursive: true, force: true });
  cpSync(join(root, 'tests', 'mdbook'), work, { recursive: true });
  mkdirSync(join(work, 'async-playground'));
  cpSync(join(dist, 'embed-loader.js'), join(work, 'async-playground', 'embed-loader.js'));
  mkdirSync(join(work, 'src', 'async-playground'));
  for (const f of ['embed.js', 'later.js', 'async_playground_bg.wasm', 'code.js', 'corpus.js', 'async_playground_interp_bg.wasm']) {
    cpSync(join(dist, f), join(work, 'src', 'async-playground', f));
  }
  const mdbook = process.env.MDBOOK || join(process.env.HOME, '.cargo', 'bin', 'mdbook');
  try {
    execFileSync(mdbook, ['build', work, '--dest-dir', join(work, 'book')], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`mdbook build failed (run bash scripts/setup.sh test to install mdBook): ${err.stderr || err.message}`);
  }
  server = await serve(join(work, 'book'), { port: PORTS.mdbook });
});

test.afterAll(async () => { if (server) await server.close(); });

test('a chapter: the element and a rust,async-playground block both run', async ({ page }) => {
  await page.goto(`${BOOK}/chapter.html`);
  // The hashed loader was found and loaded embed.js from its own folder.
  const demo = page.locator('async-playground[demo=lazy]');
  await demo.getByRole('button', { name: 'Run with .await' }).click();
  await lineAt(demo, 'Task finished');

  const block = page.locator('async-playground:not([demo])');
  await expect(block).toHaveCount(1);
  await expect(page.locator('main pre > code.async-playground')).toHaveCount(0);
  const box = block.getByRole('textbox', { name: 'Rust code' });
  await expect(box).toContainText('if a < 2 && a > 0 {');
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await lineAt(block, 'done after 200 ms');
  expect((await lines(block)).map(([, t]) => t).slice(0, 2)).toEqual(['<ok> & running in the book', 'done after 200 ms']);
  // An ordinary Rust block is left alone.
  await expect(page.locator('main pre > code.language-rust')).toHaveText('fn main() {}');
});

test('a nested chapter finds the same files', async ({ page }) => {
  await page.goto(`${BOOK}/nested/spawn.html`);
  const block = page.locator('async-playground');
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await lineAt(block, 'the task returned 42');
});
