// A run you can keep: per-future stats and lints, Export to Perfetto, Save run / Open a saved run,
// the time slider and Replay. The files the page downloads are read back and checked.
import { readFileSync } from 'node:fs';
import { test, expect, demo, lines, futuresTable, msOf, near } from './fixtures.js';
import { traceProblems } from './unit/trace-rules.js';
import { PORTS } from '../playwright.config.js';

const finished = (s) => expect(s.getByText(/What just happened\?/)).toBeVisible({ timeout: 15_000 });

async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

async function runJoin(page, query = '') {
  await page.goto(`/${query}`);
  const s = demo(page, /join!/);
  await s.getByRole('button', { name: 'Run concurrently (join!)' }).click();
  await finished(s);
  return s;
}

test("Export to Perfetto: join!'s futures each have a track, with a slice per poll at the measured times", async ({ page }) => {
  const s = await runJoin(page);
  const table = await futuresTable(s);
  const { name, text } = await downloadOf(page, () => s.getByRole('button', { name: /Perfetto|Export/ }).click());
  expect(name).toMatch(/\.json$/);
  const trace = JSON.parse(text);
  expect(traceProblems(trace)).toEqual([]);
  const tracks = Object.fromEntries(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [e.args.name.replace(/ #\d+$/, ''), e.tid]));
  expect(Object.keys(tracks)).toEqual(expect.arrayContaining(['JS event loop', 'main', 'fetch_user_data', 'fetch_product_data']));
  const slices = (future) => trace.traceEvents.filter((e) => e.ph === 'X' && e.tid === tracks[future]);
  const product = slices('fetch_product_data');
  const user = slices('fetch_user_data');
  expect(product.map((x) => x.name)).toEqual(['poll → Pending', 'poll → Ready']);
  // join! polls every branch when one wakes: the user fetch is polled at ~1 s too, still pending.
  expect(user.map((x) => x.name)).toEqual(['poll → Pending', 'poll → Pending', 'poll → Ready']);
  const at = (x) => Math.round(x.ts / 1000); // ms
  expect(at(product[0])).toBe(msOf(table.fetch_product_data['First poll']));
  expect(at(user[0])).toBe(msOf(table.fetch_user_data['First poll']));
  // The fetches' last polls: after their sleeps (never early), and where the table says they ended.
  const end = (x) => Math.round((x.ts + x.dur) / 1000);
  near(at(product[1]), 1000, 2000);
  near(at(user[2]), 3000, 2000);
  expect(Math.abs(end(product[1]) - msOf(table.fetch_product_data['Ended at']))).toBeLessThanOrEqual(1);
  expect(Math.abs(end(user[2]) - msOf(table.fetch_user_data['Ended at']))).toBeLessThanOrEqual(1);
  expect(Math.abs(at(user[1]) - at(product[1]))).toBeLessThanOrEqual(1);
  // The timers' wakes are arrows from the event loop's track to the polls they asked for.
  const arrowsIn = trace.traceEvents.filter((e) => e.ph === 'f' && e.tid === tracks.fetch_product_data);
  expect(arrowsIn.map((f) => f.ts)).toEqual([product[1].ts]);
  const from = trace.traceEvents.find((e) => e.ph === 's' && e.id === arrowsIn[0].id);
  expect(from.tid).toBe(tracks['JS event loop']);
  // Printed lines are instants on the track of the future that printed them.
  expect(trace.traceEvents.some((e) => e.ph === 'i' && e.tid === tracks.fetch_product_data && e.name.includes('Product data fetched'))).toBe(true);
});

test('Save run, then Open it in a fresh page: the same table, log and steps, with nothing run again', async ({ page }) => {
  const s = await runJoin(page, '?speed=4');
  const table = await futuresTable(s);
  const log = await lines(s);
  const saved = await downloadOf(page, () => s.getByRole('button', { name: 'Save run' }).click());
  expect(saved.name).toMatch(/\.json$/);
  expect(JSON.parse(saved.text)).toMatchObject({ format: 'async-playground-run', version: 1, program: { variant: 'join/join' } });

  await page.goto('/');
  const t = demo(page, /join!/);
  await openFile(page, t, saved.name, saved.text);
  await finished(t);
  expect(await futuresTable(t)).toEqual(table);
  // The same measured times to the ms: a new run would have measured its own.
  expect(await lines(t)).toEqual(log);
  await expect(t.getByRole('button', { name: /Next event/ })).toBeEnabled();
  await expect(t.locator('svg.timeline')).toContainText('fetch_user_data');
});

async function openFile(page, s, name, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), s.getByRole('button', { name: /Open/ }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('the time slider at 1.5 s in join!: fetch_product_data finished, fetch_user_data pending', async ({ page }) => {
  // A join! run recorded in Chromium (fetches ended at 1048 and 3003 ms), opened: the same instants
  // every time, whatever the load on the machine running the test.
  await page.goto('/');
  const s = demo(page, /join!/);
  await openFile(page, s, 'join.run.json', readFileSync(new URL('./unit/runs/join.run.json', import.meta.url), 'utf8'));
  await finished(s);
  const slider = s.getByRole('slider');
  await slider.fill('1500');
  await expect(slider).toHaveAttribute('aria-valuetext', '1.50 s of 3.00 s');
  let t = await futuresTable(s);
  expect(t.fetch_product_data['How it ended']).toBe('ready');
  expect(t.fetch_user_data['How it ended']).toBe('pending');
  expect(t.fetch_user_data['Ended at']).toBe('—');
  expect((await lines(s)).map(([, text]) => text)).toEqual(['Fetching data concurrently...', 'Product data fetched after 1s.']);
  // The stepper is at the last event before 1.5 s: main pending again, once the product fetch ended.
  await expect(s.locator('.step-info')).toHaveText(/^Event 20 of 33, at 1049 ms: main polled → Pending/);

  // From the keyboard: Home is the start, the arrows go event to event, End the finished run.
  await slider.press('Home');
  expect(await lines(s)).toEqual([]);
  expect(Object.keys(await futuresTable(s))).toEqual(['main']);
  await slider.press('ArrowRight');
  await expect(s.locator('.step-info')).toHaveText(/^Event 2 of 33, at 1 ms: main polled for the first time/);
  expect((await lines(s)).length).toBe(0);
  await slider.press('ArrowRight');
  expect(await lines(s)).toEqual([[1, 'Fetching data concurrently...']]);
  await slider.press('ArrowLeft');
  expect((await lines(s)).length).toBe(0);
  await slider.press('End');
  t = await futuresTable(s);
  expect(t.fetch_user_data['How it ended']).toBe('ready');
  expect((await lines(s)).length).toBe(6);
});

test('the time slider on a live join! run: between the fetches’ ends, one is finished and one pending', async ({ page }) => {
  const s = await runJoin(page, '?speed=2');
  const before = await futuresTable(s);
  const between = (msOf(before.fetch_product_data['Ended at']) + msOf(before.fetch_user_data['Ended at'])) / 2;
  const slider = s.getByRole('slider');
  await expect(slider).toBeEnabled();
  await slider.fill(String(between));
  const t = await futuresTable(s);
  expect(t.fetch_product_data['How it ended']).toBe('ready');
  expect(t.fetch_user_data['How it ended']).toBe('pending');
  expect(Number(t.fetch_user_data.Polls)).toBe(2);
  expect((await lines(s)).length).toBe(2);
});

test('Replay plays the run back at the chosen speed, and can be paused', async ({ page }) => {
  const s = await runJoin(page, '?speed=4'); // a run of ~750 ms
  const slider = s.getByRole('slider');
  // At 0.25×, the replay lasts ~3 s: it starts from the beginning, so the log empties, then fills.
  await s.getByRole('combobox', { name: 'Replay rate' }).selectOption('0.25');
  await s.getByRole('button', { name: 'Replay' }).click();
  await expect(s.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => (await lines(s)).length, { timeout: 5_000 }).toBeLessThan(6);
  await s.getByRole('button', { name: 'Pause' }).click();
  const paused = await slider.getAttribute('aria-valuetext');
  const shown = (await lines(s)).length;
  await page.waitForTimeout(500);
  expect(await slider.getAttribute('aria-valuetext')).toBe(paused);
  expect((await lines(s)).length).toBe(shown);
  // From the keyboard, at 4×: it resumes where it was paused and plays to the end.
  await s.getByRole('combobox', { name: 'Replay rate' }).selectOption('4');
  await s.getByRole('button', { name: 'Replay' }).press('Enter');
  await expect.poll(async () => (await lines(s)).length, { timeout: 10_000 }).toBe(6);
  await expect(s.getByRole('button', { name: 'Replay' })).toBeVisible();
  await expect(slider).toHaveAttribute('aria-valuetext', /^(\d\.\d\d) s of \1 s$/);
});

test('lints: no-await shows "never polled", select! "dropped while pending", blocking "long poll"', async ({ page }) => {
  await page.goto('/?speed=4');
  const cases = [
    [/no-await/, 'Run without .await', 'my_task', 'never polled', /my_task was created at \d+ ms and dropped without ever being polled/],
    [/select!/, 'Run select!', 'fetch_user_data', 'dropped while pending', /fetch_user_data was dropped while pending at \d+ ms: main dropped it during its poll/],
    [/Blocking/, 'Run blocking wait', 'blocking_wait', 'long poll', /blocking_wait ran for \d+ ms inside one poll/],
  ];
  for (const [section, button, future, badge, sentence] of cases) {
    const s = demo(page, section);
    await s.getByRole('button', { name: button }).click();
    await finished(s);
    const t = await futuresTable(s);
    // A starved test machine can stretch any poll past 50 ms ("long poll"): only this lesson's badge is checked.
    expect(t[future].Warnings.split(', ')).toContain(badge);
    await expect(s.getByText(sentence)).toBeVisible();
    for (const [name, row] of Object.entries(t)) if (name !== future) expect(row.Warnings.split(', '), name).not.toContain(badge);
  }
});

test('the stats: columns, their definitions on the page, and each row in words on hover', async ({ page }) => {
  const s = await runJoin(page, '?speed=4');
  const t = await futuresTable(s);
  for (const col of ['Busy', 'Scheduled', 'Idle', 'Longest poll']) expect(t.fetch_user_data[col]).toMatch(/^\d+ (µs|ms)$/);
  // Each statistic's header says what it means, and links to the page's one glossary.
  await expect(s.getByRole('columnheader', { name: 'Busy' })).toHaveAttribute('title', /^Busy: the time spent inside poll/);
  await expect(s.getByRole('columnheader', { name: 'Scheduled' })).toHaveAttribute('title', /^Scheduled: the time from each wake to the poll it asked for/);
  await expect(s.getByRole('columnheader', { name: 'Idle' })).toHaveAttribute('title', /^Idle: the rest of its life/);
  await s.getByRole('columnheader', { name: 'Idle' }).getByRole('link').click();
  await expect(page.locator('#glossary #glossary-idle')).toBeFocused();
  await expect(page.locator('#glossary dd')).toHaveCount(6);
  // Said once on the page, not under each of the eight tables.
  await expect(page.getByText(/the time spent inside poll/)).toHaveCount(1);
  const row = s.getByRole('table').getByRole('row').filter({ hasText: 'fetch_user_data' });
  await expect(row).toHaveAttribute('title', /^fetch_user_data: 3 polls, 1 wake; busy .* scheduled .* idle .* longest poll/);
});

test('a malformed or foreign file gets a sentence, and the last run stays on screen', async ({ page }) => {
  const s = await runJoin(page, '?speed=4');
  const before = await futuresTable(s);
  const open = (name, text) => openFile(page, s, name, text);
  await open('broken.json', '{"format": "async-playground-run", "version": 1, "events": [');
  await expect(s.getByRole('alert').filter({ hasText: /not valid JSON/ })).toBeVisible();
  await open('trace.json', JSON.stringify({ traceEvents: [] }));
  await expect(s.getByRole('alert').filter({ hasText: /not a saved run: it has no "format"/ })).toBeVisible();
  await open('bad.json', JSON.stringify({ format: 'async-playground-run', version: 1, program: { demo: 'join', variant: 'join/join' }, events: [[1, 7, 0]] }));
  await expect(s.getByRole('alert').filter({ hasText: /event 1 \(Poll\) names future 7, which was never created/ })).toBeVisible();
  expect(await futuresTable(s)).toEqual(before);
});

test('the element keeps runs too, under the strict CSP: Export, Save, Open and the slider in its shadow root', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${PORTS.csp}/examples/plain.html`);
  const el = page.locator('async-playground[demo=select]');
  await el.evaluate((e) => e.setAttribute('speed', '4'));
  await el.getByRole('button', { name: /^Run select!/ }).click();
  await expect(el.getByText(/What just happened\?.*dropped while pending/)).toBeVisible({ timeout: 15_000 });
  const trace = JSON.parse((await downloadOf(page, () => el.getByRole('button', { name: /Perfetto/ }).click())).text);
  expect(traceProblems(trace)).toEqual([]);
  const saved = await downloadOf(page, () => el.getByRole('button', { name: 'Save run' }).click());
  const table = await futuresTable(el);
  expect(table.fetch_user_data.Warnings.split(', ')).toContain('dropped while pending');
  await el.getByRole('slider').press('Home');
  expect(await lines(el)).toEqual([]);
  await openFile(page, el, saved.name, saved.text);
  await expect(el.getByText(/Showing the saved run/)).toBeVisible();
  expect(await futuresTable(el)).toEqual(table);
});

test('Your code: a run saved, then opened again, shows its program, log and table', async ({ page }) => {
  const program = 'use tokio::time::{sleep, Duration};\n\n#[tokio::main]\nasync fn main() {\n    println!("start");\n    sleep(Duration::from_millis(200)).await;\n    println!("end");\n}\n';
  await page.goto(`/?code=${Buffer.from(program, 'utf8').toString('base64url')}`);
  const s = demo(page, /Your code/);
  const editor = s.getByRole('textbox', { name: 'Rust code' });
  await expect(editor).toContainText('from_millis(200)');
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  await finished(s);
  const table = await futuresTable(s);
  const log = await lines(s);
  expect(log.map(([, t]) => t)).toEqual(['start', 'end']);
  const saved = await downloadOf(page, () => s.getByRole('button', { name: 'Save run' }).click());
  expect(JSON.parse(saved.text).program.code).toBe(program);

  await page.goto('/');
  const t = demo(page, /Your code/);
  await t.scrollIntoViewIfNeeded();
  await expect(t.getByRole('textbox', { name: 'Rust code' })).toBeVisible();
  await openFile(page, t, saved.name, saved.text);
  await expect(t.getByText(/Showing the saved run in .*nothing was run again/)).toBeVisible();
  await expect(t.getByRole('textbox', { name: 'Rust code' })).toContainText('from_millis(200)');
  expect(await futuresTable(t)).toEqual(table);
  expect(await lines(t)).toEqual(log);
  await t.getByRole('slider').press('Home');
  expect(await lines(t)).toEqual([]);

  // A demo's run opened here gets a sentence, not a half-drawn view.
  const join = readFileSync(new URL('./unit/runs/join.run.json', import.meta.url), 'utf8');
  await openFile(page, t, 'join.run.json', join);
  await expect(t.getByRole('alert').filter({ hasText: /join\.run\.json is a run of the “join!.*” demo: open it there\./ })).toBeVisible();
});

test('Your code: a program that stalls (waits on a channel nobody will send on) gets the lost waker lint', async ({ page }) => {
  const program = 'use tokio::sync::mpsc;\n\n#[tokio::main]\nasync fn main() {\n    let (tx, mut rx) = mpsc::channel::<i32>(1);\n    println!("waiting");\n    let got = rx.recv().await;\n    println!("{got:?}");\n    drop(tx);\n}\n';
  await page.goto(`/?code=${Buffer.from(program, 'utf8').toString('base64url')}`);
  const s = demo(page, /Your code/);
  await expect(s.getByRole('textbox', { name: 'Rust code' })).toContainText('mpsc::channel');
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  await finished(s);
  const t = await futuresTable(s);
  expect(t.main.Warnings.split(', ')).toEqual(expect.arrayContaining(['lost waker', 'dropped while pending']));
  await expect(s.getByText(/main was still pending when the run stalled, and nothing held its waker/)).toBeVisible();
});
