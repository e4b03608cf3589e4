// Owns: what watching a run costs in the real page, measured the same way by the bench
// (bench/run.mjs) and its guard (tests/watching.spec.js):
//   - the main thread's busy share while a run is watched (Chromium's TaskDuration over CDP);
//   - DOM nodes at moments of the run (do they grow with frames, or only with events?);
//   - long tasks (over 50 ms: felt as a stutter);
//   - the lateness of the run's printed lines against plain setTimeout in the same page.

/**
 * Runs variant `variant` on `page` (already on the playground, wasm ready) with its timeline open
 * and on screen, and measures while it runs. `samples` are times (ms after Run) at which the DOM
 * nodes are counted; pick them between events to see whether frames alone add nodes.
 * Resolves to { busy, taskMs, wallMs, nodes: [{ at, dom, cdp }], longTasks: [{ at, ms }], lines }
 * (long tasks' `at` is ms after Run was pressed).
 */
export async function watchRun(page, cdp, { variant, samples = [] }) {
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name).value;
    return { task: get('TaskDuration'), time: get('Timestamp'), nodes: get('Nodes') };
  };
  await page.evaluate((id) => {
    const button = document.querySelector(`button.run[data-variant="${id}"]`);
    const section = button.closest('section');
    const details = section.querySelector('details.futures-details');
    details.open = true;
    // Before the demo's first run its views are not loaded yet (views-slot.js): their place is.
    (section.querySelector('figure.timeline-figure') || details).scrollIntoView({ block: 'center' });
    if (window.__watch) window.__watch.observer.disconnect();
    const w = window.__watch = { long: [], section, t0: 0 };
    w.observer = new PerformanceObserver((l) => { for (const e of l.getEntries()) w.long.push({ at: e.startTime - w.t0, ms: e.duration }); });
    w.observer.observe({ type: 'longtask' });
  }, variant);
  await page.waitForTimeout(300); // let the scroll settle and the observers report
  const before = await metric();
  const t0 = Date.now();
  await page.evaluate((id) => {
    const w = window.__watch;
    w.done = new Promise((resolve) => {
      const happened = w.section.querySelector('.happened');
      const obs = new MutationObserver(() => { if (happened.textContent) { obs.disconnect(); resolve(); } });
      obs.observe(happened, { childList: true, characterData: true, subtree: true });
    });
    w.t0 = performance.now();
    document.querySelector(`button.run[data-variant="${id}"]`).click();
  }, variant);
  const nodes = [];
  for (const at of samples) {
    const wait = at - (Date.now() - t0);
    if (wait > 0) await page.waitForTimeout(wait);
    const m = await metric();
    nodes.push({ at, cdp: m.nodes, dom: await page.evaluate(() => document.getElementsByTagName('*').length) });
  }
  await page.evaluate(() => window.__watch.done);
  const after = await metric();
  const long = await page.evaluate(() => window.__watch.long);
  const lines = await page.evaluate(() => [...window.__watch.section.querySelectorAll('[role=log] li')].map((li) => li.textContent));
  return {
    busy: (after.task - before.task) / (after.time - before.time),
    taskMs: (after.task - before.task) * 1000,
    wallMs: (after.time - before.time) * 1000,
    nodes,
    longTasks: long,
    lines,
  };
}

/**
 * Runs join! (speed 1) with its timeline open and on screen, and starts plain setTimeouts of 1 s and
 * 3 s just after join!'s own timers (when its first line is printed, which is before join! polls the
 * fetches: the timeouts are set in the microtask after). Resolves to how late (ms) the 1 s and 3 s
 * lines and the timeouts reached the page: a line's arrival (a MutationObserver on the log) minus
 * (the press of Run + plan), a timeout's callback minus (when it was set + plan). Setting the plain
 * timers second is the fair order: timers due at the same moment fire in the order they were set.
 */
export async function joinLateness(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const button = document.querySelector('button.run[data-variant="join/join"]');
    const section = button.closest('section');
    const details = section.querySelector('details.futures-details');
    details.open = true;
    // Before the demo's first run its views are not loaded yet (views-slot.js): their place is.
    (section.querySelector('figure.timeline-figure') || details).scrollIntoView({ block: 'center' });
    requestAnimationFrame(() => setTimeout(() => {
      const log = section.querySelector('[role=log] ol');
      const out = { rust: {}, js: {} };
      const done = () => out.rust[3000] !== undefined && out.js[3000] !== undefined;
      let t0 = 0;
      let jsStarted = false;
      const obs = new MutationObserver(() => {
        const now = performance.now();
        for (const li of log.children) {
          const text = li.textContent;
          if (!jsStarted && text.includes('Fetching data')) {
            jsStarted = true;
            const t1 = performance.now();
            for (const ms of [1000, 3000]) {
              setTimeout(() => {
                out.js[ms] = performance.now() - t1 - ms;
                if (done()) { obs.disconnect(); resolve(out); }
              }, ms);
            }
          }
          if (text.includes('Product data fetched') && out.rust[1000] === undefined) out.rust[1000] = now - t0 - 1000;
          if (text.includes('User data fetched') && out.rust[3000] === undefined) out.rust[3000] = now - t0 - 3000;
        }
        if (done()) { obs.disconnect(); resolve(out); }
      });
      obs.observe(log, { childList: true });
      t0 = performance.now();
      button.click();
    }, 50));
  }));
}
