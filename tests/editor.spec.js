// The editor itself (web/code/editor.js): a textarea over a highlighted <pre>. Its keys, that their
// edits stay undoable, that keyboard users can leave it, and that the two layers stay aligned.
import { test, expect, demo } from './fixtures.js';

const code = (page) => demo(page, /Your code/);
const editor = (page) => code(page).getByRole('textbox', { name: 'Rust code' });

/** Opens the page with `source` in the editor, focused, the caret at the end. */
async function open(page, source) {
  await page.goto(`/?code=${Buffer.from(source, 'utf8').toString('base64url')}`);
  await expect(editor(page)).toHaveValue(source);
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
}

test('Enter keeps the indentation and adds a level after {; } outdents; Tab indents, Shift+Tab outdents; all undoable', async ({ page }) => {
  await open(page, 'fn main() {');
  await page.keyboard.press('Enter');
  await page.keyboard.type('let x = 1;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('}');
  await expect(editor(page)).toHaveValue('fn main() {\n    let x = 1;\n}');
  // Between brackets, Enter puts the closer on its own line.
  await editor(page).fill('fn f() {}');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.keyboard.type('g();');
  await expect(editor(page)).toHaveValue('fn f() {\n    g();\n}');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  await expect(editor(page)).toHaveValue('fn f() {\n        g();\n}');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(editor(page)).toHaveValue('fn f() {\ng();\n}');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor(page)).toHaveValue('fn f() {\n    g();\n}');
  // The text is mirrored as the textarea's content, for readers of textContent.
  await expect(editor(page)).toContainText('g();');
});

test('Ctrl+/ comments the selected lines out and back in', async ({ page }) => {
  await open(page, 'fn main() {\n    a();\n    b();\n}');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+/');
  await expect(editor(page)).toHaveValue('// fn main() {\n//     a();\n//     b();\n// }');
  await page.keyboard.press('ControlOrMeta+/');
  await expect(editor(page)).toHaveValue('fn main() {\n    a();\n    b();\n}');
});

test('keyboard users are not trapped: Esc then Tab leaves the editor, and its description says so', async ({ page }) => {
  await open(page, 'fn main() {}\n');
  await page.keyboard.press('Tab');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor(page)).not.toBeFocused();
  await expect(editor(page)).toHaveValue('fn main() {}\n    ');
  await expect(editor(page)).toHaveAccessibleDescription(/press Esc, then Tab/);
});

test('picking a starter is an edit: Ctrl+Z in the editor brings the program back', async ({ page }) => {
  const mine = 'fn main() { /* mine */ }\n';
  await open(page, mine);
  // From the menu, with the keyboard: focus stays there.
  await code(page).getByLabel('Starter program').focus();
  await code(page).getByLabel('Starter program').selectOption('channel');
  await expect(editor(page)).toContainText('mpsc');
  await expect(code(page).getByLabel('Starter program')).toBeFocused();
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor(page)).toHaveValue(mine);
});

for (const scheme of ['light', 'dark']) {
  test(`the textarea's text lies on the highlighted text, wrapped lines included, ${scheme}, 360 px`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    const source = `#[tokio::main]\nasync fn main() {\n\tlet s = "${'wrap '.repeat(30)}";\n    println!("{}", s);\n}\n`;
    await open(page, source);
    const box = await page.evaluate(() => {
      const ta = document.querySelector('.ed-input');
      const pre = document.querySelector('.ed-hl');
      const [a, b] = [ta.getBoundingClientRect(), pre.getBoundingClientRect()];
      const font = (el) => { const s = getComputedStyle(el); return [s.fontFamily, s.fontSize, s.lineHeight, s.paddingLeft, s.paddingTop, s.tabSize, s.whiteSpace]; };
      return { same: [a.x, a.y, a.width, a.height].join() === [b.x, b.y, b.width, b.height].join(), fonts: [font(ta), font(pre)], scrolled: ta.scrollTop + ta.scrollLeft, lines: pre.children.length };
    });
    expect(box.same).toBe(true);
    expect(box.fonts[0]).toEqual(box.fonts[1]);
    expect(box.scrolled).toBe(0);
    expect(box.lines).toBe(6);
    // Where the caret is, so is the text: the end of the long line, measured in both layers.
    const [caret, text] = await page.evaluate(() => {
      const ta = document.querySelector('.ed-input');
      const line = document.querySelector('.ed-hl').children[2];
      const r = document.createRange();
      r.selectNodeContents(line);
      const rects = [...r.getClientRects()];
      return [ta.getBoundingClientRect().height, rects[rects.length - 1].bottom - ta.getBoundingClientRect().top];
    });
    expect(text).toBeLessThan(caret);
  });
}

test('line numbers: one per line, two digits on one line, the caret\'s line marked', async ({ page }) => {
  await open(page, `${'// a line\n'.repeat(11)}fn main() {}`);
  const gutter = await page.evaluate(() => [...document.querySelectorAll('.ed-hl > div')].map((d) => {
    const s = getComputedStyle(d, '::before');
    return [s.content, s.height === getComputedStyle(d).lineHeight, d.classList.contains('active')];
  }));
  expect(gutter.length).toBe(12);
  expect(gutter[11]).toEqual(['counter(ln)', true, true]);
  expect(gutter[9][1]).toBe(true);
  expect(gutter.filter(([, , active]) => active)).toHaveLength(1);
});

test('the caret stays in view: the editor scrolls to it, and the textarea never scrolls apart from the colours', async ({ page }) => {
  await open(page, `fn main() {\n${'    step();\n'.repeat(60)}}`);
  const last = page.locator('.ed-hl > div').last();
  await expect(last).toBeInViewport();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  await page.keyboard.type('done();');
  await expect(page.locator('.ed-hl > div').last()).toBeInViewport();
  const scrolled = await page.evaluate(() => {
    const ta = document.querySelector('.ed-input');
    return [ta.scrollTop, document.querySelector('.ed').scrollTop > 0];
  });
  expect(scrolled).toEqual([0, true]);
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(page.locator('.ed-hl > div').first()).toBeInViewport();
});

test('the bracket at the caret and its partner are marked; brackets in strings do not count', async ({ page }) => {
  await open(page, 'fn main() { let s = "}"; f(1); }');
  await page.keyboard.press('ControlOrMeta+End');
  await expect(page.locator('.ed-match')).toHaveText(['{', '}']);
  await page.keyboard.press('Home');
  await expect(page.locator('.ed-match')).toHaveCount(0);
});
