// The playground page (index.html): every demo of the lesson, the shared speed control, shareable
// links, and the theme toggle.
import { rust, tokio } from 'virtual:sources';
import { h } from './dom.js';
import { DEMOS, demoById } from './demos.js';
import { DemoView } from './demo-view.js';
import { loadWasm } from './wasm.js';
import { DEFAULTS, readParams, speedLabel } from './params.js';
import { initTheme } from './theme.js';

const SPEEDS = [500, 1000, 2000, 10000];

async function main() {
  const root = document.getElementById('demos');
  const notices = document.getElementById('notices');
  const wasm = loadWasm();
  // Let the (preloaded) wasm finish instantiating before the main thread gets busy building the
  // demos: its continuation would otherwise queue behind that work, and the first Run would wait.
  // If it fails, the page is still built: the code panes stay readable and the failure is reported.
  await wasm.catch(() => {});
  let speed = DEFAULTS.speed;
  let focusedDemo = null;

  initTheme(document.getElementById('theme-toggle'));

  // Speed control.
  const speedSelect = document.getElementById('speed');
  const speedNote = document.getElementById('speed-note');
  const setSpeedOptions = () => {
    const values = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);
    speedSelect.replaceChildren(...values.map((v) => h('option', { value: String(v), selected: v === speed }, speedLabel(v))));
    speedNote.textContent = speed === 1000 ? 'Time runs as in the lesson (1×).' : `Time runs ${speedLabel(speed)} as fast as in the lesson; times shown are still measured.`;
  };

  const testPanic = new URLSearchParams(location.search).get('test') === 'panic';
  const views = DEMOS.map((demo) => new DemoView({
    demo, sources: { rust, tokio }, wasm, speed: () => speed, testPanic: testPanic && demo.id === 'join',
    durations: { user: DEFAULTS.user, product: DEFAULTS.product },
    onChange: () => { focusedDemo = demo.id; },
  }));
  root.replaceChildren(...views.map((v) => v.el));
  for (const v of views) v.el.addEventListener('click', () => { focusedDemo = v.demo.id; });
  setSpeedOptions();

  speedSelect.addEventListener('change', () => {
    speed = Number(speedSelect.value);
    setSpeedOptions();
    for (const v of views) v.updatePrediction();
    if (views.some((v) => v.running)) speedNote.textContent += ' Runs in flight keep their speed; the new one applies to the next run.';
  });

  // Shareable state.
  const copy = document.getElementById('copy-link');
  const copyStatus = document.getElementById('copy-status');
  copy.addEventListener('click', async () => {
    const v = views.find((x) => x.demo.id === focusedDemo) || views.find((x) => x.demo.durations);
    const url = new URL(location.href);
    url.search = '';
    url.hash = '';
    if (focusedDemo) url.searchParams.set('demo', focusedDemo);
    url.searchParams.set('user', String(v.durations.user));
    url.searchParams.set('product', String(v.durations.product));
    url.searchParams.set('speed', String(speed / 1000));
    const text = url.toString();
    copy.dataset.url = text;
    try {
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = `Link copied: ${text}`;
    } catch {
      copyStatus.textContent = `Copy this link: ${text}`;
    }
  });

  // URL parameters, checked by the Rust validator.
  let api;
  try {
    api = await wasm;
  } catch (err) {
    notices.append(h('p', { class: 'error' }, `The demos cannot run: ${err.message}`));
    document.body.classList.add('no-wasm');
    return;
  }
  const q = new URLSearchParams(location.search);
  const { values, errors } = readParams(api.check, {
    user: q.get('user'), product: q.get('product'), speed: q.get('speed'), demo: q.get('demo'),
  });
  for (const message of errors) notices.append(h('p', { class: 'error' }, message));
  speed = values.speed;
  setSpeedOptions();
  for (const v of views) {
    v.setDurations({ user: values.user, product: values.product });
  }
  if (values.demo) {
    focusedDemo = values.demo;
    const v = views.find((x) => x.demo.id === values.demo);
    if (v && demoById(values.demo)) {
      v.el.classList.add('focused');
      v.el.scrollIntoView({ block: 'start' });
      v.heading.focus({ preventScroll: true });
    }
  }
  document.body.classList.add('wasm-ready');
}

main().catch((err) => console.error('async-playground: the page failed to start', err));
