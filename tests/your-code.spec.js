// "Your code": the editor, Run (button and Ctrl+Enter), the demos' Edit buttons, ?code=, diagnostics,
// every guard of the interpreter, and printed text staying text.
import { readFileSync } from 'node:fs';
import { test, expect, demo, lines, lineAt, near } from './fixtures.js';

const code = (page) => demo(page, /Your code/);
const editor = (page) => code(page).getByRole('textbox', { name: 'Rust code' });
/** base64url (RFC 4648 §5, no padding) of the UTF-8 source, as ?code= wants it. */
const b64url = (source) => Buffer.from(source, 'utf8').toString('base64url');

/** Replaces the editor's program with `source` (as a person would: select all, type over it). */
async function setProgram(page, source) {
  const box = editor(page);
  await box.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // insertText, not type(): the editor keeps each typed newline's indentation.
  await page.keyboard.insertText(source);
  await expect(box).toContainText(source.split('\n')[0]);
}

const main = (body) => `#[tokio::main]\nasync fn main() {\n${body}\n}\n`;

test('the section loads its editor on the way there, not with the page', async ({ page }) => {
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  await page.waitForTimeout(300);
  expect(loaded.filter((p) => /code\.js|interp/.test(p)), 'nothing of Your code on the first load').toEqual([]);
  await code(page).scrollIntoViewIfNeeded();
  await expect(editor(page)).toBeVisible();
  expect(loaded).toContain('/code.js');
  await expect(code(page).getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(code(page).getByRole('log')).toBeAttached();
  await expect(code(page).getByText('Ready. Edit the program, then press Run.')).toBeVisible();
});

test('Run interprets the lesson\'s join! program: its lines, live, at Tokio\'s times', async ({ page }) => {
  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  await expect(editor(page)).toContainText('join!(fetch_user_data(), fetch_product_data())');
  const s = code(page);
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  near(await lineAt(s, 'Fetching data concurrently...'), 0, 150);
  near(await lineAt(s, 'Product data fetched after 1s.'), 1000);
  await expect(s.getByRole('log').getByRole('listitem').filter({ hasText: 'User data fetched' })).toHaveCount(0);
  near(await lineAt(s, 'User data fetched after 3s.'), 3000);
  await lineAt(s, 'Result 2: Product');
  expect((await lines(s)).map(([, t]) => t)).toEqual([
    'Fetching data concurrently...', 'Product data fetched after 1s.', 'User data fetched after 3s.',
    'Total execution time is ~3s, not 4s.', 'Result 1: User', 'Result 2: Product',
  ]);
  // The demos' own views: the table lists the traced fetches, the stepper walks the run.
  await expect(s.getByRole('table')).toContainText('fetch_user_data');
  await expect(s.getByRole('table')).toContainText('fetch_product_data');
  await s.getByRole('button', { name: /Next event/ }).click();
  await expect(s.getByText(/^Event 1 of \d+/)).toBeVisible();
});

test('Ctrl+Enter in the editor runs; Stop drops the run and no line follows', async ({ page }) => {
  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  await setProgram(page, `use tokio::time::{sleep, Duration};\n${main('    println!("one");\n    sleep(Duration::from_secs(2)).await;\n    println!("two");')}`);
  await page.keyboard.press('ControlOrMeta+Enter');
  const s = code(page);
  near(await lineAt(s, 'one'), 0, 150);
  near(await lineAt(s, 'two'), 2000);
  await expect(s.getByText(/^Finished/)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  // The new run's log holds "one" alone until the sleep ends.
  await expect(s.getByRole('log').getByRole('listitem')).toHaveCount(1);
  await s.getByRole('button', { name: 'Stop' }).click();
  await expect(s.getByText(/Stopped: every future of this run was dropped/)).toBeVisible();
  await page.waitForTimeout(2500);
  expect((await lines(s)).map(([, t]) => t)).not.toContain('two');
});

for (const [id, heading, expected] of [
  ['lazy', /Lazy futures/, 'async fn my_async_task() -> String'],
  ['sleep', /^Sleep/, 'println!("Start of program.");'],
  ['join', /join!: run futures/, 'join!(fetch_user_data(), fetch_product_data())'],
  ['select', /select!: race/, 'tokio::select!'],
  ['no-await', /no-await/, 'my_task();'],
  ['blocking', /Blocking the event loop/, 'std::thread::sleep(Duration::from_secs(2));'],
  ['many', /Tasks are cheap/, 'tokio::spawn(sleep_task(i))'],
]) {
  test(`Edit on the ${id} demo opens its Tokio program in the editor, scrolled there, not run`, async ({ page }) => {
    await page.goto('/');
    await demo(page, heading).getByRole('button', { name: /^Edit/ }).click();
    await expect(editor(page)).toContainText(expected);
    await expect(editor(page)).toBeFocused();
    await expect(editor(page)).toBeInViewport();
    await page.waitForTimeout(300);
    await expect(code(page).getByRole('log').getByRole('listitem')).toHaveCount(0);
  });
}

test('?code= fills the editor, scrolls there, and never runs by itself; Copy link carries the program', async ({ page, context }) => {
  const source = main('    println!("héllo from a link <b>&amp;</b>");');
  await page.goto(`/?code=${b64url(source)}`);
  await expect(editor(page)).toContainText('println!("héllo from a link <b>&amp;</b>");');
  await expect(code(page).getByRole('heading', { name: /Your code/ })).toBeInViewport();
  await page.waitForTimeout(1000);
  await expect(code(page).getByRole('log').getByRole('listitem')).toHaveCount(0);

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await code(page).getByRole('button', { name: 'Copy link to this program' }).click();
  const url = new URL(await code(page).getByRole('button', { name: 'Copy link to this program' }).getAttribute('data-url'));
  expect(Buffer.from(url.searchParams.get('code'), 'base64url').toString('utf8')).toBe(source);
  expect(url.searchParams.get('code')).not.toMatch(/[+/=]/);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const pageUrl = new URL(await page.getByRole('button', { name: 'Copy link', exact: true }).getAttribute('data-url'));
  expect(Buffer.from(pageUrl.searchParams.get('code'), 'base64url').toString('utf8')).toBe(source);
});

test('a ?code= that is not base64url gets a sentence, and the page still works', async ({ page }) => {
  await page.goto('/?code=%%%not-base64');
  await expect(page.getByText(/code= is not base64url/)).toBeVisible();
  await expect(editor(page)).toContainText('join!');
});

test('diagnostics: a syntax error and an unsupported item, as rustc writes them, underlined', async ({ page }) => {
  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  const s = code(page);
  await setProgram(page, main('    let x = ;'));
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  const diag = s.locator('.diagnostic').first();
  await expect(diag).toHaveText(/^error/);
  await expect(diag).toContainText(/main\.rs:3:\d+/);
  await expect(s.getByRole('log').getByRole('listitem')).toHaveCount(0);
  await expect(s.locator('.ed-lint-error')).not.toHaveCount(0);

  await setProgram(page, main('    let text = std::fs::read_to_string("x").unwrap();\n    println!("{}", text);'));
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(s.locator('.diagnostic').first()).toHaveText(/^error: `std::fs::read_to_string` is not available in this playground/);
  await expect(s.locator('.diagnostic').first()).toContainText('main.rs:3:');
});

test('rustc is the judge too: a spawned task borrowing a local is refused with E0373, and the lesson says why', async ({ page }) => {
  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  const s = code(page);
  await setProgram(page, main('    let v = vec![1, 2, 3];\n    let handle = tokio::spawn(async {\n        println!("Here\'s a vec: {:?}", v);\n    });\n    handle.await.unwrap();'));
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  const diag = s.locator('.diagnostic').first();
  await expect(diag).toHaveText(/^error\[E0373\]/);
  await expect(diag).toContainText('main.rs:4:');
  await expect(s.getByRole('log').getByRole('listitem')).toHaveCount(0);
  await expect(s.locator('.ed-lint-error')).not.toHaveCount(0);
  await expect(s.locator('.happened')).toContainText(/What just happened\? .*borrows a local at line 4.*move/);
});

test('a warning is shown as rustc shows it, and the program still runs', async ({ page }) => {
  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  const s = code(page);
  await setProgram(page, main('    let unused = 5;\n    println!("ran");'));
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  await lineAt(s, 'ran');
  await expect(s.locator('.diagnostic.warning').first()).toHaveText(/^warning: unused variable: `unused`/);
  await expect(s.locator('.diagnostic.warning').first()).toContainText('main.rs:3:9');
});

test('printed markup stays text', async ({ page }) => {
  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  const s = code(page);
  await setProgram(page, main('    println!("<img src=x onerror=alert(1)> <b>bold</b> &amp; done");'));
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  await lineAt(s, 'done');
  expect((await lines(s))[0][1]).toBe('<img src=x onerror=alert(1)> <b>bold</b> &amp; done');
  await expect(s.getByRole('log').locator('img, b')).toHaveCount(0);
});

test('Save run keeps the program with the run; Open puts both back, running nothing', async ({ page }) => {
  const source = main('    println!("saved line");');
  await page.goto(`/?code=${b64url(source)}`);
  const s = code(page);
  await expect(editor(page)).toContainText('saved line');
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  await lineAt(s, 'saved line');
  await expect(s.getByText(/What just happened\?/)).toBeVisible();
  const log = await lines(s);
  const [download] = await Promise.all([page.waitForEvent('download'), s.getByRole('button', { name: 'Save run' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(text).program.code).toBe(source);

  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  // The edited program was kept across the visit: back to the starter first.
  await code(page).getByRole('button', { name: 'Reset to the starter' }).click();
  await expect(editor(page)).toContainText('join!');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), code(page).getByRole('button', { name: /Open/ }).click()]);
  await chooser.setFiles({ name: 'mine.run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(editor(page)).toContainText('saved line');
  expect(await lines(code(page))).toEqual(log);
});

test.describe('guards: a bad program never hurts the page', () => {
  test('an infinite loop is stopped after about 2 s, and the page keeps working', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/');
    await code(page).scrollIntoViewIfNeeded();
    const s = code(page);
    await setProgram(page, main('    println!("spinning");\n    let mut n: u64 = 0;\n    loop {\n        n += 1;\n    }'));
    const t0 = Date.now();
    await s.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(s.getByRole('log')).toContainText(/would block its worker thread/, { timeout: 20_000 });
    expect(Date.now() - t0).toBeLessThan(15_000);
    // The page answers: a lesson demo still runs.
    const lazy = demo(page, /Lazy futures/);
    await lazy.getByRole('button', { name: 'Run with .await' }).click();
    await lineAt(lazy, 'Task finished');
  });

  test('std::thread::sleep over 10 s is refused', async ({ page }) => {
    await page.goto('/');
    await code(page).scrollIntoViewIfNeeded();
    const s = code(page);
    await setProgram(page, `use std::time::Duration;\n${main('    std::thread::sleep(Duration::from_secs(11));\n    println!("woke");')}`);
    const t0 = Date.now();
    await s.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(s).toContainText(/10 s|10s|ten seconds/, { timeout: 15_000 });
    expect(Date.now() - t0).toBeLessThan(9_000);
    await expect(s.getByRole('log')).not.toContainText('woke');
  });

  test('huge output is capped: the first lines and a count of the rest', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/');
    await code(page).scrollIntoViewIfNeeded();
    const s = code(page);
    // An .await now and then: without one, this loop would be a single 2 s poll (the guard above).
    await setProgram(page, main('    for i in 0..20000 {\n        println!("line {}", i);\n        if i % 200 == 0 {\n            tokio::task::yield_now().await;\n        }\n    }'));
    await s.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(s.getByText(/^Finished/)).toBeVisible({ timeout: 60_000 });
    const items = s.getByRole('log').getByRole('listitem');
    expect(await items.count()).toBeLessThanOrEqual(10_002);
    await expect(items.first()).toContainText('line 0');
    await expect(s.getByRole('log')).toContainText(/10,?000/);
  });

  test('a source over 64 KB is refused with a sentence', async ({ page }) => {
    await page.goto('/');
    await code(page).scrollIntoViewIfNeeded();
    const s = code(page);
    const big = main(`    println!("big");\n${'    // padding padding padding padding padding padding padding\n'.repeat(1200)}`);
    expect(big.length).toBeGreaterThan(64 * 1024);
    // fill, not insertText: Chromium types a pasted text's 1,200 lines into a textarea one by one (30 s).
    await editor(page).fill(big);
    await s.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(s.locator('.diagnostic').first()).toHaveText(/^error.*64/s);
    await expect(s.getByRole('log').getByRole('listitem')).toHaveCount(0);
  });
});

test('a reload keeps the program typed in; ?code= wins over it; Reset brings the starter back', async ({ page }) => {
  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  await expect(editor(page)).toContainText('join!(fetch_user_data(), fetch_product_data())');
  const mine = main('    println!("kept across reloads");');
  await setProgram(page, mine);
  await page.reload();
  await code(page).scrollIntoViewIfNeeded();
  await expect(editor(page)).toContainText('println!("kept across reloads");');
  await expect(editor(page)).not.toContainText('join!(fetch_user_data()');
  // A link's program wins over what was kept (and is kept in its turn).
  await page.goto(`/?code=${b64url(main('    println!("from a link");'))}`);
  await expect(editor(page)).toContainText('println!("from a link");');
  // Reset to the starter: the page's own (the lesson's join!).
  await code(page).getByRole('button', { name: 'Reset to the starter' }).click();
  await expect(editor(page)).toContainText('join!(fetch_user_data(), fetch_product_data())');
  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  await expect(editor(page)).toContainText('join!(fetch_user_data(), fetch_product_data())');
  await expect(code(page).locator('.keep-note')).toHaveText('');
});

test('a starter picked, then edited, is kept with the starter it came from', async ({ page }) => {
  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  await code(page).getByLabel('Starter program').selectOption('channel');
  await expect(editor(page)).toContainText('mpsc');
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n// my note\n');
  await page.reload();
  await code(page).scrollIntoViewIfNeeded();
  await expect(editor(page)).toContainText('// my note');
  await code(page).getByRole('button', { name: 'Reset to the starter' }).click();
  await expect(editor(page)).toContainText('mpsc');
  await expect(editor(page)).not.toContainText('// my note');
  await expect(code(page).getByLabel('Starter program')).toHaveValue('channel');
});

test('storage blocked: the editor still works, and the section says edits are not kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto('/');
  await code(page).scrollIntoViewIfNeeded();
  await expect(code(page).locator('.keep-note')).toContainText('edits are not kept');
  await setProgram(page, main('    println!("not kept");'));
  const s = code(page);
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  await lineAt(s, 'not kept');
});
