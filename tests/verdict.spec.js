// "What real Tokio printed" (issue 12, "Tokio is the judge"): beside each lesson demo's output, the
// transcript real Tokio recorded for the tutorial's program (tests/programs/*.tokio.json), the
// differences.json entries marked with their reasons, and in Your code the transcript of any corpus
// program the editor holds. Expectations are read from those files, the same ones `npm test` compares
// the page's runs against, so this test follows a re-recording.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, demo, lineAt } from './fixtures.js';

const programs = new URL('./programs/', import.meta.url);
const transcript = (name) => JSON.parse(readFileSync(new URL(`${name}.tokio.json`, programs), 'utf8'));
const sourceOf = (name) => readFileSync(new URL(`${name}.rs`, programs), 'utf8');
const differences = JSON.parse(readFileSync(new URL('differences.json', programs), 'utf8'));
const b64url = (source) => Buffer.from(source, 'utf8').toString('base64url');
/** A transcript's lines as the panel writes them. */
const shown = (t) => t.lines.map((l) => `+${Math.round(l.t_ms)} ms ${l.stream === 'stderr' ? '[stderr] ' : ''}${l.text}`.trim());

/** Opens the section's "What real Tokio printed" panel and returns it. */
async function openVerdict(section) {
  const panel = section.locator('details.verdict');
  await expect(panel).toHaveCount(1);
  await panel.getByText('What real Tokio printed', { exact: true }).click();
  await expect(panel).toHaveAttribute('open', '');
  // The transcripts come with later.js, imported when the panel first opens: wait until they are drawn.
  await expect(panel.locator('.verdict-run').first()).toBeVisible();
  return panel;
}
const itemsOf = async (list) => (await list.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
const variantOf = (panel, label) => panel.locator('.verdict-run').filter({ has: panel.page().getByRole('heading', { name: `For “${label}”` }) });

test('the join! demo shows the lines real Tokio printed for the tutorial program, with their times', async ({ page }) => {
  await page.goto('/');
  const section = demo(page, /join!/);
  const panel = await openVerdict(section);
  const concurrent = variantOf(panel, 'Run concurrently (join!)');
  const list = concurrent.getByRole('list');
  const items = await itemsOf(list);
  expect(items).toContain('+1000 ms Product data fetched after 1s.');
  expect(items).toContain('+3000 ms Total execution time is ~3s, not 4s.');
  expect(items).toEqual(shown(transcript('lesson_3')));
  // Which Tokio, which clock, which durations.
  const t = transcript('lesson_3');
  await expect(concurrent).toContainText(`by Tokio ${t.tokio}`);
  await expect(concurrent).toContainText(`${t.clock} clock`);
  await expect(concurrent).toContainText('fetch_user_data waiting 3000 ms and fetch_product_data 1000 ms');
  // The sequential variant has its own program's transcript.
  expect(await itemsOf(variantOf(panel, 'Run sequentially').getByRole('list'))).toEqual(shown(transcript('join_sequential')));
  // A reference, not a run: no log, and nothing but the Run buttons has a name beginning with "Run".
  await expect(panel.getByRole('log')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Run/ })).toHaveCount(0);
  await expect(section.getByRole('button', { name: /^Run/ })).toHaveCount(2);
});

test('no-await: the spawn variant marks the line the page prints and Tokio does not, and says why', async ({ page }) => {
  await page.goto('/?speed=10');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  const section = demo(page, /no-await/);
  const panel = await openVerdict(section);
  const spawn = variantOf(panel, 'Run with spawn_local');
  const listed = differences.differences.find((d) => d.variant === 'no-await/spawn');
  expect(await itemsOf(spawn.getByRole('list'))).toEqual(shown(transcript('no_await_spawn')));
  for (const line of listed.extra) {
    await expect(spawn.locator('.verdict-diff')).toContainText(`also prints “${line}”, which Tokio does not`);
    // Tokio's own lines never include it.
    await expect(spawn.getByRole('list')).not.toContainText(line);
  }
  await expect(spawn.locator('.verdict-diff')).toContainText(`Why: ${listed.reason}`);
  // The variant with no listed difference says it matches instead.
  const call = variantOf(panel, 'Run without .await');
  await expect(call.locator('.verdict-diff')).toHaveCount(0);
  await expect(call).toContainText('prints the same lines');
  // And the difference is real: the page's run does print the line.
  await section.getByRole('button', { name: 'Run with spawn_local' }).click();
  await lineAt(section, listed.extra[0]);
});

test('lazy/call: Tokio printed nothing, and the narration lines are marked as the page\'s own', async ({ page }) => {
  await page.goto('/');
  const panel = await openVerdict(demo(page, /Lazy futures/));
  const call = variantOf(panel, 'Run: call without .await');
  expect(transcript('lesson_1').lines).toEqual([]);
  await expect(call).toContainText('Tokio printed nothing.');
  for (const line of differences.differences.find((d) => d.variant === 'lazy/call').extra) {
    await expect(call.locator('.verdict-diff')).toContainText(line);
  }
});

test('demos with no tutorial program get no panel, rather than an invented one', async ({ page }) => {
  await page.goto('/');
  const variants = new Set(differences.lessons.map((l) => l.variant));
  for (const [name, ids] of [[/Blocking the event loop/, ['blocking/blocking', 'blocking/sleep']], [/Tasks are cheap/, ['many/1000', 'many/10000']]]) {
    for (const id of ids) expect(variants.has(id)).toBe(false);
    await expect(demo(page, name).locator('details.verdict')).toHaveCount(0);
  }
});

test('the first load carries no transcript; the lessons\' come with later.js, the corpus with corpus.js', async ({ page }) => {
  await page.goto('/');
  const app = await (await page.request.get('/app.js')).text();
  const later = await (await page.request.get('/later.js')).text();
  const code = await (await page.request.get('/code.js')).text();
  const corpus = await (await page.request.get('/corpus.js')).text();
  // The lessons' transcripts, and the panel that shows them, load when a panel is first opened.
  expect(app).not.toContain('Recorded from tests/programs/');
  expect(later).toContain('Recorded from tests/programs/');
  expect(later).not.toContain(transcript('task_panic').source_fnv);
  // A corpus program that is no lesson variant's.
  const other = transcript('task_panic');
  expect(differences.lessons.some((l) => l.program === 'task_panic')).toBe(false);
  expect(app).not.toContain(other.source_fnv);
  expect(app).not.toContain('main is still running');
  // code.js knows which programs have a transcript; the transcripts are in corpus.js, imported on a match.
  expect(code).toContain(other.source_fnv);
  expect(code).not.toContain('main is still running');
  expect(corpus).toContain(other.source_fnv);
  expect(corpus).toContain('main is still running');
  expect(app).toContain('Product data fetched after 1s.');
});

test('Your code: the join! demo\'s Edit button opens the lesson\'s program, shown with Tokio\'s transcript; an edit hides it', async ({ page }) => {
  await page.goto('/');
  await demo(page, /join!/).getByRole('button', { name: /^Edit/ }).click();
  const code = demo(page, /Your code/);
  const box = code.getByRole('textbox', { name: 'Rust code' });
  await expect(box).toContainText('join!(fetch_user_data()');
  const panel = await openVerdict(code);
  expect(await itemsOf(panel.getByRole('list'))).toEqual(shown(transcript('lesson_3')));
  await expect(panel).toContainText('tests/programs/lesson_3.rs');
  // One character more and it is no longer the program Tokio ran: no claim is made about it.
  await box.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('// mine');
  await expect(code.locator('details.verdict')).toHaveCount(0);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(code.locator('details.verdict')).toHaveCount(1);
});

test('Your code: a corpus program opened with ?code= shows its transcript, stderr marked', async ({ page }) => {
  await page.goto(`/?code=${b64url(sourceOf('task_panic'))}`);
  const code = demo(page, /Your code/);
  await expect(code.getByRole('textbox', { name: 'Rust code' })).toContainText('panic!("boom")');
  const panel = await openVerdict(code);
  const t = transcript('task_panic');
  expect(await itemsOf(panel.getByRole('list'))).toEqual(shown(t));
  expect(t.lines.some((l) => l.stream === 'stderr')).toBe(true);
  await expect(panel.getByRole('listitem').filter({ hasText: '[stderr] boom' })).toHaveCount(1);
});

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
for (const scheme of ['light', 'dark']) {
  test(`axe: every panel open, demos and Your code, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/?code=${b64url(sourceOf('stderr_mix'))}`);
    const code = demo(page, /Your code/);
    await expect(code.getByRole('textbox', { name: 'Rust code' })).toBeVisible();
    await expect(code.locator('details.verdict')).toHaveCount(1);
    const panels = page.locator('details.verdict');
    expect(await panels.count()).toBe(6); // lazy, sleep, join!, select!, no-await, Your code
    await panels.evaluateAll((all) => { for (const d of all) d.open = true; });
    // The lessons' transcripts come with later.js, imported when a panel first opens: axe must see
    // them drawn (it raced them once, reporting on half-filled panels).
    for (let i = 0; i < 6; i++) await expect(panels.nth(i).locator('.verdict-run').first()).toBeVisible();
    await page.addScriptTag({ path: axePath });
    // What this spec adds, the panels (tests/a11y.spec.js checks the rest of the page).
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run({ include: [...document.querySelectorAll('details.verdict')] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      const checked = r.passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0;
      return { checked, list: r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`) };
    });
    expect(violations.checked, 'axe looked at the panels\' text').toBeGreaterThan(20);
    expect(violations.list).toEqual([]);
  });
}
