// The playground page (index.html): every demo of the lesson, the shared speed control, shareable
// links, and the theme toggle.
import { rust, tokio, verdictIds } from 'virtual:sources';
import { h } from './dom.js';
import { DEMOS, demoById } from './demos.js';
import { DemoView } from './demo-view.js';
import { loadWasm, warmUp } from './wasm.js';
import { RunModel } from './model.js';
import { DEFAULTS, readParams, speedLabel } from './params.js';
import { initTheme } from './theme.js';
import { YourCode, loadCodeModule } from './your-code.js';

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
    demo, sources: { rust, tokio, verdictIds }, wasm, speed: () => speed, testPanic: testPanic && demo.id === 'join',
    durations: { user: DEFAULTS.user, product: DEFAULTS.product },
    onChange: () => { focusedDemo = demo.id; },
  }));
  // "Your code": the editor and the interpreter load on first use (see your-code.js).
  const code = new YourCode({
    id: 'your-code', source: tokio.join.map(([, text]) => text).join(''), starter: 'join', speed: () => speed,
    // Kept as it is edited, per page (a ?code= link still wins: it is opened below).
    keep: `async-playground:code:${location.pathname}`,
    onChange: () => { focusedDemo = 'code'; },
  });
  // Each demo opens its Tokio program there: the lesson's original, or a Tokio version of the demo.
  for (const v of views) {
    const edit = h('button', { type: 'button', class: 'edit' }, 'Edit as a Tokio program in Your code');
    edit.addEventListener('click', () => { focusedDemo = 'code'; code.open({ starter: v.demo.id }, { scroll: true }); });
    v.el.querySelector('.source').append(edit);
  }
  // The statistics' definitions, once for every table on the page (their headers link here): put in
  // by the first table shown (glossary.js placeGlossary).
  root.replaceChildren(...views.map((v) => v.el), code.el, h('div', { class: 'glossary-slot' }));
  for (const v of views) v.el.addEventListener('click', () => { focusedDemo = v.demo.id; });
  code.el.addEventListener('click', () => { focusedDemo = 'code'; });
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
    // Last used "Your code": the link carries the program (it opens in the editor, never runs by itself).
    if (focusedDemo === 'code') url.searchParams.set('code', (await loadCodeModule()).encodeCode(code.source));
    else if (focusedDemo) url.searchParams.set('demo', focusedDemo);
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
  if (q.has('code')) {
    focusedDemo = 'code';
    code.open({ encoded: q.get('code') }, { scroll: true }).catch((err) => {
      notices.append(h('p', { class: 'error' }, `${err.message}, so the editor shows a starter program instead.`));
    });
  }
  speed = values.speed;
  setSpeedOptions();
  for (const v of views) {
    v.setDurations({ user: values.user, product: values.product });
  }
  if (values.demo && !q.has('code')) {
    focusedDemo = values.demo;
    const v = views.find((x) => x.demo.id === values.demo);
    if (v && demoById(values.demo)) {
      v.el.classList.add('focused');
      v.el.scrollIntoView({ block: 'start' });
      v.heading.focus({ preventScroll: true });
    }
  }
  document.body.classList.add('wasm-ready');
  // What a first run would compile in its own first milliseconds, compiled now while the page is idle
  // (wasm.js), its events folded into a throwaway model so the model's code is warm too.
  const warm = new RunModel({});
  warmUp((kind, future, t, text) => warm.add(kind, future, t, text));
}

main().catch((err) => console.error('async-playground: the page failed to start', err));
