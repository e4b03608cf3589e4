// The runtime, seen: the timeline's "runtime" lane, the queue panel beside the stepper, and the one
// sentence per decision, on the lesson's four programs (join!, sleep, select!, spawn) and in Your
// code; a saved run reopens with its lane; the Perfetto export has the runtime's own track.
import { readFileSync } from 'node:fs';
import { test, expect, demo } from './fixtures.js';

const code = (page) => demo(page, /Your code/);
const b64url = (source) => Buffer.from(source, 'utf8').toString('base64url');

/** Runs `button` in section `s` and waits for the end of the run. */
async function runToEnd(s, button) {
  await s.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
  await expect(s.getByText(/What just happened\?/)).toBeVisible({ timeout: 20_000 });
}

/** Steps decision by decision with the panel's button; returns every sentence the stepper said. */
async function decisions(s, max = 40, until = null) {
  const next = s.getByRole('button', { name: 'Next decision ▶' });
  const info = s.locator('.step-info');
  const said = [];
  for (let k = 0; k < max; k++) {
    if (await next.isDisabled()) break;
    const before = await info.textContent();
    await next.click();
    await expect(info).not.toHaveText(before);
    const now = await info.textContent();
    if (said.includes(now)) break;
    said.push(now);
    if (until && until.test(now)) break;
    if (/shuts down|The run is over/.test(now) || /hands the thread back/.test(now) && said.length > 6) break;
  }
  return said;
}

/** The lane and the panel exist and the panel names the runtime's state. */
async function expectLaneAndPanel(s) {
  const svg = s.locator('svg.timeline');
  await expect(svg.locator('.lane-layer')).toContainText('runtime');
  expect(await svg.locator('.lane-layer .rt-poll').count()).toBeGreaterThan(0);
  const panel = s.getByRole('region', { name: /^Runtime queue/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Run queue, in order' })).toBeAttached();
  await expect(panel.getByRole('list', { name: 'Timers armed' })).toBeAttached();
  await expect(panel.getByRole('list', { name: 'Tasks waiting on something else' })).toBeAttached();
  return panel;
}

test('join! (lesson): the lane, the panel, and a sentence for each decision of wasm-bindgen-futures’ queue', async ({ page }) => {
  await page.goto('/?speed=4');
  const s = demo(page, /join!/);
  await runToEnd(s, 'Run concurrently (join!)');
  const panel = await expectLaneAndPanel(s);
  const next = s.getByRole('button', { name: 'Next decision ▶' });
  const info = s.locator('.step-info');
  await next.click();
  await expect(info).toContainText('Run pressed: main is spawned onto wasm-bindgen-futures’ queue.');
  await expect(panel.getByRole('list', { name: 'Run queue, in order' })).toHaveText('main');
  await next.click();
  await expect(info).toContainText('The runtime starts: main is first in wasm-bindgen-futures’ queue, so it is polled.');
  await expect(panel).toContainText('Polling main');
  await next.click();
  await expect(info).toContainText('main reached an .await that is not ready: it returned Pending, so the runtime looks for another task. Nothing is ready');
  await expect(panel).toContainText(/Parked/);
  await expect(panel.getByRole('list', { name: 'Tasks waiting on something else' })).toContainText('main: a timer');
  // The stepper's sentence is the one live announcement; the panel is read on demand.
  await expect(s.locator('.step-info')).toHaveAttribute('aria-live', 'polite');
  expect(await panel.getAttribute('aria-live')).toBeNull();
});

test('Your code, join!: from "main is polled" to "the runtime parks until 1 s", with the queue at each step', async ({ page }) => {
  await page.goto('/?speed=4');
  const s = code(page);
  await s.scrollIntoViewIfNeeded();
  await expect(s.getByRole('textbox', { name: 'Rust code' })).toContainText('join!(fetch_user_data(), fetch_product_data())');
  await runToEnd(s, 'Run');
  const panel = await expectLaneAndPanel(s);
  const next = s.getByRole('button', { name: 'Next decision ▶' });
  const info = s.locator('.step-info');
  await next.click();
  await expect(info).toContainText('The runtime starts: it polls main, the future that block_on runs.');
  await expect(panel).toContainText('Polling main');
  await next.click();
  await expect(info).toContainText(/main awaited sleep\(3 s\): a timer is armed for \d+ ms/);
  await next.click();
  await expect(info).toContainText(/main awaited sleep\(1 s\): a timer is armed for \d+ ms/);
  // At 4×, 1 s of the program's time is 250 ms of the run's (and of its timeline's) clock, 3 s 750 ms.
  const timers = panel.getByRole('list', { name: 'Timers armed' }).getByRole('listitem');
  await expect(timers).toHaveText([/^\d+ ms: main$/, /^\d+ ms: main$/]);
  const [first, last] = (await timers.allTextContents()).map((t) => parseInt(t, 10));
  expect(last - first).toBeGreaterThanOrEqual(495);
  expect(last - first).toBeLessThanOrEqual(505);
  await next.click();
  await expect(info).toContainText(`main awaited sleep(1 s): it returned Pending, so the runtime looks for another task. Nothing is ready (the run queue is empty), so the runtime parks until the timer at ${first} ms.`);
  await expect(panel).toContainText(`Parked: nothing is ready; waiting for the timer at ${first} ms.`);
  // The keyboard does the same: Enter on the focused button steps to the next decision.
  await next.focus();
  await page.keyboard.press('Enter');
  // (Both timers, if the machine was too busy to wake the runtime before the second was due.)
  await expect(info).toContainText(/the runtime's timer driver fires (the timer that is|2 timers that are) due/);
  await expect(panel.getByRole('list', { name: 'Timers armed' })).not.toContainText(`${first} ms: main`);
});

test('Your code, spawn: tasks queued by main, woken by their timers, and main woken by their JoinHandles', async ({ page }) => {
  const source = readFileSync(new URL('../web/starters/spawn.rs', import.meta.url), 'utf8').replace(/from_secs\((\d)\)/g, 'from_millis($100)');
  await page.goto(`/?code=${b64url(source)}`);
  const s = code(page);
  await runToEnd(s, 'Run');
  const panel = await expectLaneAndPanel(s);
  const said = await decisions(s, 30);
  const all = said.join('\n');
  expect(all).toContain('main spawned work: it goes to the back of the run queue, and first runs when main reaches an .await that is not ready.');
  expect(all).toMatch(/work is first in the run queue, so it is polled next\./);
  expect(all).toContain('work finished, which woke main: the runtime will poll it first, as the block_on future.');
  expect(all).toContain('main returned, so the runtime shuts down and drops every task still alive.');
  await expect(panel).toBeVisible();
});

test('Your code: a task waiting on a channel is shown waiting for it', async ({ page }) => {
  const source = `use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(1);
    let consumer = tokio::spawn(async move {
        let got = rx.recv().await;
        println!("got {:?}", got);
    });
    sleep(Duration::from_millis(200)).await;
    tx.send(7).await.unwrap();
    consumer.await.unwrap();
}
`;
  await page.goto(`/?code=${b64url(source)}`);
  const s = code(page);
  await runToEnd(s, 'Run');
  const panel = await expectLaneAndPanel(s);
  const said = await decisions(s, 12, /parks until/);
  const all = said.join('\n');
  expect(all).toContain('main awaited sleep(200 ms): it returned Pending, so the runtime looks for another task. async block at main.rs:7:33 is first in the run queue, so it is polled next.');
  expect(all).toMatch(/async block at main\.rs:7:33 reached an \.await that is not ready: it returned Pending, so the runtime looks for another task\. Nothing is ready \(the run queue is empty\), so the runtime parks until the timer at \d+ ms\./);
  await expect(panel.getByRole('list', { name: 'Tasks waiting on something else' })).toContainText(/async block at .*: a channel \(main wakes it\)/);
});

for (const [name, heading, button] of [['sleep', /Sleep/, /^Run sleep/], ['select!', /select!/, /^Run select!/], ['spawn', /no-await/, 'Run with spawn_local']]) {
  test(`${name} (lesson): the runtime lane, the panel and the sentences`, async ({ page }) => {
    await page.goto('/?speed=4');
    const s = demo(page, heading);
    await runToEnd(s, button);
    await expectLaneAndPanel(s);
    const said = await decisions(s, 8);
    expect(said[0]).toContain('Run pressed: main is spawned onto wasm-bindgen-futures’ queue.');
    expect(said.join('\n')).toMatch(/so wasm-bindgen-futures hands the thread back to the browser/);
    if (name === 'spawn') expect(said.join('\n')).toMatch(/main spawned my_task: it goes to the back of wasm-bindgen-futures’ queue/);
  });
}

test('a saved run reopens with its runtime lane; the Perfetto export has a runtime track', async ({ page }) => {
  const source = '#[tokio::main]\nasync fn main() {\n    tokio::time::sleep(tokio::time::Duration::from_millis(50)).await;\n    println!("slept");\n}\n';
  await page.goto(`/?code=${b64url(source)}`);
  const s = code(page);
  await runToEnd(s, 'Run');
  await expectLaneAndPanel(s);
  const [trace] = await Promise.all([page.waitForEvent('download'), s.getByRole('button', { name: /Perfetto/ }).click()]);
  const json = JSON.parse(readFileSync(await trace.path(), 'utf8'));
  const track = json.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'runtime');
  expect(track).toBeTruthy();
  const slices = json.traceEvents.filter((e) => e.ph === 'X' && e.tid === track.tid).map((e) => e.name);
  // main polled twice, parked between (unless the machine was so busy that the timer was due by then).
  expect(slices.filter((n) => n === 'poll main')).toHaveLength(2);
  expect(slices.filter((n) => n !== 'poll main').every((n) => /^parked until \d+ ms$/.test(n))).toBe(true);
  const [saved] = await Promise.all([page.waitForEvent('download'), s.getByRole('button', { name: 'Save run' }).click()]);
  const text = readFileSync(await saved.path(), 'utf8');
  expect(JSON.parse(text).events.some(([k]) => k === 14)).toBe(true);

  await page.goto('/');
  const fresh = code(page);
  await fresh.scrollIntoViewIfNeeded();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), fresh.getByRole('button', { name: /Open/ }).click()]);
  await chooser.setFiles({ name: 'mine.run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(fresh.getByRole('log')).toContainText('slept');
  await expectLaneAndPanel(fresh);
  await fresh.getByRole('button', { name: 'Next decision ▶' }).click();
  await expect(fresh.locator('.step-info')).toContainText('The runtime starts: it polls main, the future that block_on runs.');
});
