// A course author's own program in <async-playground> (a child <pre><code>), embed.html?code=, and the
// element's Edit button; all under the strict CSP.
import { test, expect, lines, lineAt, watchCsp } from './fixtures.js';
import { PORTS } from '../playwright.config.js';

const CSP = `http://127.0.0.1:${PORTS.csp}`;
const b64url = (source) => Buffer.from(source, 'utf8').toString('base64url');

test('the element runs the program of its <pre><code> child, with < and & intact, under the strict CSP', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${CSP}/examples/code.html`);
  const el = page.locator('async-playground');
  const box = el.getByRole('textbox', { name: 'Rust code' });
  await expect(box).toContainText('async fn greet(name: &str, ms: u64)');
  await expect(box).toContainText('if n < 5 && n > 1 {');
  // The light-DOM <pre> is not shown once the element has rendered.
  await expect(page.locator('async-playground > pre')).toBeHidden();
  await el.getByRole('button', { name: 'Run', exact: true }).click();
  await lineAt(el, 'main returns: the runtime drops the late task');
  const out = (await lines(el)).map(([, t]) => t);
  expect(out).toEqual(['<a> says hi after 100 ms', '<b> says hi after 800 ms', 'main returns: the runtime drops the late task',
    ...out.slice(3)]);
  expect(out.join('\n')).not.toContain('late> says hi');
  await expect(el.getByRole('table')).toContainText('greet');
  expect(await violations()).toEqual([]);
});

test('embed.html?code= shows the program in the editor and does not run it', async ({ page }) => {
  const source = '#[tokio::main]\nasync fn main() {\n    println!("from the frame");\n}\n';
  await page.goto(`${CSP}/embed.html?code=${b64url(source)}`);
  const el = page.locator('async-playground');
  await expect(el.getByRole('textbox', { name: 'Rust code' })).toContainText('println!("from the frame");');
  await page.waitForTimeout(800);
  await expect(el.getByRole('log').getByRole('listitem')).toHaveCount(0);
  await el.getByRole('button', { name: 'Run', exact: true }).click();
  await lineAt(el, 'from the frame');
});

test('Edit on an element\'s demo turns it into Your code with the demo\'s Tokio program', async ({ page }) => {
  await page.goto(`${CSP}/examples/plain.html`);
  const el = page.locator('async-playground[demo=select]');
  await el.getByRole('button', { name: /^Edit/ }).click();
  await expect(el.getByRole('textbox', { name: 'Rust code' })).toContainText('tokio::select!');
  // The other element is untouched.
  await expect(page.locator('async-playground[demo=join]').getByRole('button', { name: 'Run concurrently (join!)' })).toBeVisible();
});

test('an element keeps its own edited program across a reload; the other elements keep theirs', async ({ page }) => {
  await page.goto(`${CSP}/examples/code.html`);
  const el = page.locator('async-playground');
  const box = el.getByRole('textbox', { name: 'Rust code' });
  await expect(box).toContainText('async fn greet(name: &str, ms: u64)');
  await box.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n// edited in the element\n');
  await page.reload();
  await expect(el.getByRole('textbox', { name: 'Rust code' })).toContainText('// edited in the element');
  await el.getByRole('button', { name: 'Reset to the starter' }).click();
  await expect(el.getByRole('textbox', { name: 'Rust code' })).not.toContainText('// edited in the element');
  await expect(el.getByRole('textbox', { name: 'Rust code' })).toContainText('async fn greet(name: &str, ms: u64)');
  // embed.html keeps its own, apart from the element on the course page.
  const source = '#[tokio::main]\nasync fn main() {\n    println!("frame");\n}\n';
  await page.goto(`${CSP}/embed.html?code=${b64url(source)}`);
  const frameBox = page.locator('async-playground').getByRole('textbox', { name: 'Rust code' });
  await expect(frameBox).toContainText('println!("frame");');
  await frameBox.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('// frame edit\n');
  await page.reload();
  await expect(page.locator('async-playground').getByRole('textbox', { name: 'Rust code' })).toContainText('// frame edit');
  await page.goto(`${CSP}/examples/code.html`);
  await expect(el.getByRole('textbox', { name: 'Rust code' })).not.toContainText('// frame edit');
});
