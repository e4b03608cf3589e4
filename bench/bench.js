// The bench page: the same work in Rust (the release lessons, plus the bench-only scale exports) and
// in plain JavaScript with setTimeout and Promises, in the same page, driven by bench/run.mjs.
import init, { Kind, start, bench_sleeps_joined, bench_sleeps_spawned, bench_ready_joined } from 'virtual:bench-glue';

const DONE = new Set([Kind.Done, Kind.Stopped, Kind.Crashed]);

/** Runs a Rust lesson variant; resolves to the ms of each printed line since start. */
function rustLines(variant, user, product, speedMilli) {
  return new Promise((resolve) => {
    const lines = [];
    const handle = start(variant, user, product, speedMilli, (kind, _future, tUs) => {
      if (kind === Kind.Line) lines.push(tUs / 1000);
      if (DONE.has(kind)) queueMicrotask(() => { handle.free(); resolve(lines); });
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The same demos in plain JS: line times in ms since start, measured the same way. */
const JS = {
  async 'join/join'(u, p) {
    const t0 = performance.now(); const lines = []; const say = () => lines.push(performance.now() - t0);
    say();
    await Promise.all([sleep(u).then(say), sleep(p).then(say)]);
    say(); say(); say();
    return lines;
  },
  async 'join/sequential'(u, p) {
    const t0 = performance.now(); const lines = []; const say = () => lines.push(performance.now() - t0);
    say(); await sleep(u); say(); await sleep(p); say(); say(); say();
    return lines;
  },
  async 'select/select'(u, p) {
    const t0 = performance.now(); const lines = []; const say = () => lines.push(performance.now() - t0);
    say();
    await Promise.race([sleep(u).then(say), sleep(p).then(say)]);
    say();
    return lines;
  },
  async 'sleep/run'() {
    const t0 = performance.now(); const lines = []; const say = () => lines.push(performance.now() - t0);
    say(); await sleep(200); say();
    return lines;
  },
  async 'no-await/spawn'() {
    const t0 = performance.now(); const lines = []; const say = () => lines.push(performance.now() - t0);
    say(); const task = sleep(100).then(say); say(); await task;
    return lines;
  },
};

/** Planned line times (ms) at user 300, product 100, speed 10 (sleep 2 s → 200, my_task 1 s → 100). */
export const PLANNED = {
  'join/join': [0, 100, 300, 300, 300, 300],
  'join/sequential': [0, 300, 400, 400, 400, 400],
  'select/select': [0, 100, 100],
  'sleep/run': [0, 200],
  'no-await/spawn': [0, 0, 100],
};

window.bench = {
  async fidelity(variant, lang) {
    return lang === 'rust' ? rustLines(variant, 3000, 1000, 10000) : JS[variant](300, 100);
  },
  async scale(kind, lang, n) {
    const t0 = performance.now();
    if (kind === 'sleeps-joined') {
      if (lang === 'rust') await bench_sleeps_joined(n, 50);
      else await Promise.all(Array.from({ length: n }, () => sleep(50)));
    } else if (kind === 'sleeps-spawned') {
      if (lang === 'rust') await bench_sleeps_spawned(n, 50);
      else {
        await new Promise((resolve) => {
          let left = n;
          for (let i = 0; i < n; i++) setTimeout(() => { if (--left === 0) resolve(); }, 50);
        });
      }
    } else if (kind === 'ready-joined') {
      if (lang === 'rust') await bench_ready_joined(n);
      else await Promise.all(Array.from({ length: n }, (_, i) => Promise.resolve(i)));
    }
    return performance.now() - t0;
  },
  PLANNED,
};

await init({ module_or_path: new URL('./async_playground_bg.wasm', import.meta.url) });
document.getElementById('status').textContent = 'ready';

/** The plain-JS baseline for smoothness: long tasks while 10,000 timers are started at once. */
window.bench.jsLongTasks = async (n) => {
  const long = [];
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); });
  obs.observe({ type: 'longtask' });
  await Promise.all(Array.from({ length: n }, () => sleep(1000)));
  await sleep(100);
  obs.disconnect();
  return long;
};
