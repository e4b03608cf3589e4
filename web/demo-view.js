// One demo section: lesson text, the code that runs, Run buttons, the live log, the timeline and its
// table, and step-through. Used by the page and by the <async-playground> element alike.
import { h, nextId } from './dom.js';
import { K, RunModel, explain, ms } from './model.js';
import { LogView } from './log-view.js';
import { TimelineView, legend } from './timeline-view.js';
import { TableView } from './table-view.js';
import { sourcePanes } from './source-view.js';
import { story } from './story.js';
import { speedLabel } from './params.js';

const PREDICT = {
  'lazy/call': () => 0,
  'lazy/await': () => 0,
  'sleep/run': () => 2000,
  'join/join': (p) => Math.max(p.user, p.product),
  'join/sequential': (p) => p.user + p.product,
  'select/select': (p) => Math.min(p.user, p.product),
  'no-await/call': () => 0,
  'no-await/spawn': () => 1000,
  'blocking/blocking': () => 2000,
  'blocking/sleep': () => 2000,
  'many/1000': () => 1000,
  'many/10000': () => 1000,
  'test/panic': () => 10,
};
const WHY = { 'join/join': 'the longest fetch', 'join/sequential': 'the sum of both fetches', 'select/select': 'the shortest fetch' };
/** Lines each demo prints at most, to reserve the log's height so nothing jumps as lines arrive. */
const LINES = { lazy: 3, sleep: 2, join: 6, select: 3, 'no-await': 3, blocking: 3, many: 2 };

export class DemoView {
  /**
   * @param {object} o
   * @param {object} o.demo      an entry of DEMOS
   * @param {object} o.sources   { rust, tokio } token lists
   * @param {Promise} o.wasm     resolves to { start, check }
   * @param {() => number} o.speed  the speed to use, in thousandths
   * @param {{user:number, product:number}} o.durations  initial durations (already checked)
   * @param {() => void} [o.onChange]  called when a setting changes (the page's Copy link uses it)
   * @param {boolean} [o.testPanic]  adds the test-only crash button (the page's ?test=panic)
   */
  constructor(o) {
    Object.assign(this, { demo: o.demo, wasm: o.wasm, getSpeed: o.speed, onChange: o.onChange || (() => {}) });
    // Honest timing: browsers throttle timers in hidden tabs (to 1 s, later to once a minute).
    this.onVisibility = () => { if (document.visibilityState === 'hidden') this.markHidden(); };
    document.addEventListener('visibilitychange', this.onVisibility);
    this.durations = { ...o.durations };
    this.handle = null;
    this.model = null;
    this.token = 0;
    this.frame = 0;
    this.cursor = -1;
    this.build(o.sources, o);
  }

  build(sources, o) {
    const d = this.demo;
    const headingId = nextId(`h-${d.id}`);
    this.heading = h('h2', { id: headingId, tabindex: '-1' }, d.title);
    this.log = new LogView(`Output of ${d.title}`);
    this.log.el.style.setProperty('--lines', LINES[d.id] || 4);
    this.timeline = new TimelineView(`Timeline of the futures in ${d.title}; the table below lists the same facts`);
    this.table = new TableView(`Futures of the last run of ${d.title}`);
    this.status = h('p', { class: 'status' }, 'Ready. Press a Run button.');
    this.progress = h('progress', { class: 'progress', max: '1', value: '0', 'aria-label': 'Run progress', hidden: true });
    this.predicted = h('p', { class: 'prediction' });
    this.measured = h('p', { class: 'measured' });
    this.happened = h('p', { class: 'happened' });
    this.error = h('p', { class: 'error', role: 'alert', hidden: true });
    this.stopButton = h('button', { type: 'button', class: 'stop', disabled: true }, 'Stop');
    this.stopButton.addEventListener('click', () => this.stop());

    const variants = o.testPanic ? [...d.variants, { id: 'test/panic', label: 'Run: crash this demo (test only)' }] : d.variants;
    this.variants = variants;
    this.runButtons = variants.map((v) => {
      const b = h('button', { type: 'button', class: 'run', 'data-variant': v.id }, v.label);
      b.addEventListener('click', () => this.run(v.id));
      return b;
    });

    const controls = h('div', { class: 'controls' });
    if (d.durations) controls.append(this.durationInputs());
    controls.append(h('div', { class: 'buttons' }, ...this.runButtons, this.stopButton));

    this.ticker = null;
    if (d.ticker) {
      this.tickCount = h('output', { class: 'tick-count' }, '0');
      this.ticker = h('p', { class: 'ticker' }, 'Page responsive? Counter ticking every 100 ms: ', this.tickCount);
    }

    // Step-through of a finished run.
    this.prev = h('button', { type: 'button', class: 'step', disabled: true, 'aria-keyshortcuts': 'ArrowLeft' }, '◀ Prev event');
    this.next = h('button', { type: 'button', class: 'step', disabled: true, 'aria-keyshortcuts': 'ArrowRight' }, 'Next event ▶');
    this.stepInfo = h('p', { class: 'step-info', 'aria-live': 'polite' }, 'After a run, step through its events here (or with the ← → keys).');
    this.prev.addEventListener('click', () => this.step(-1));
    this.next.addEventListener('click', () => this.step(1));
    const figure = h('figure', { class: 'timeline-figure', tabindex: '0', 'aria-label': `Timeline of ${d.title}. Use the left and right arrow keys to step through events.` },
      this.timeline.el, h('figcaption', {}, legend()));
    const onKey = (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        if (!this.model || !this.model.over) return;
        this.step(e.key === 'ArrowRight' ? 1 : -1);
        e.preventDefault();
      }
    };
    figure.addEventListener('keydown', onKey);
    // Redraw at the new width when the layout changes (the timeline draws at its real pixel width).
    if (typeof ResizeObserver === 'function') new ResizeObserver(() => { if (this.model) this.draw(); }).observe(figure);
    const stepper = h('div', { class: 'stepper', role: 'group', 'aria-label': 'Step through the run' }, this.prev, this.next, this.stepInfo);
    stepper.addEventListener('keydown', onKey);

    this.el = h('section', { class: 'demo', id: `demo-${d.id}`, 'aria-labelledby': headingId, 'data-demo': d.id },
      this.heading,
      h('p', { class: 'intro' }, d.intro),
      h('div', { class: 'cols' },
        sourcePanes(d, sources),
        h('div', { class: 'run-area' },
          controls,
          this.predicted,
          h('div', { class: 'status-row' }, this.status, this.progress),
          this.error,
          this.ticker,
          h('h3', {}, 'Output'),
          this.log.el,
          this.measured,
          this.happened)),
      h('details', { class: 'futures-details', open: true },
        h('summary', {}, 'The futures’ lives: timeline'),
        figure, stepper, this.table.el));
    this.updatePrediction();
  }

  durationInputs() {
    const field = (name, label) => {
      const id = nextId(`${this.demo.id}-${name}`);
      const msg = h('span', { class: 'field-error', id: `${id}-err`, role: 'alert' });
      const input = h('input', { id, name, type: 'text', inputmode: 'numeric', autocomplete: 'off', value: String(this.durations[name]), size: '6', 'aria-describedby': `${id}-err` });
      input.addEventListener('change', () => this.setDuration(name, input, msg));
      return h('div', { class: 'field' }, h('label', { for: id }, label), input, h('span', { class: 'unit' }, 'ms'), msg);
    };
    this.inputs = {};
    const u = field('user', 'fetch_user_data waits');
    const p = field('product', 'fetch_product_data waits');
    this.inputs.user = u.querySelector('input');
    this.inputs.product = p.querySelector('input');
    return h('div', { class: 'durations' }, u, p);
  }

  async setDuration(name, input, msg) {
    const { check } = await this.wasm;
    try {
      this.durations[name] = check(name, input.value);
      input.removeAttribute('aria-invalid');
      msg.textContent = this.running ? 'Applies to the next run.' : '';
    } catch (message) {
      input.setAttribute('aria-invalid', 'true');
      msg.textContent = `${message}; keeping ${this.durations[name]} ms.`;
    }
    this.updatePrediction();
    this.onChange();
  }

  /** Sets durations from outside (URL, attributes), already checked. */
  setDurations(durations) {
    Object.assign(this.durations, durations);
    if (this.inputs) for (const k of ['user', 'product']) this.inputs[k].value = String(this.durations[k]);
    this.updatePrediction();
  }

  get running() { return !!(this.model && !this.model.over); }

  updatePrediction() {
    const speed = this.getSpeed();
    const parts = this.demo.variants.map((v) => {
      const real = Math.round(PREDICT[v.id](this.durations) * 1000 / speed);
      return `${v.label.replace(/^Run:? ?/, '')}: ~${real} ms${WHY[v.id] ? ` (${WHY[v.id]})` : ''}`;
    });
    this.predicted.textContent = `Predicted at ${speedLabel(speed)}: ${parts.join('; ')}.`;
  }

  async run(variant) {
    const token = ++this.token;
    this.stopCurrent();
    let api;
    try {
      api = await this.wasm;
    } catch (err) {
      this.fail(`This demo cannot run: ${err.message}`);
      return;
    }
    if (token !== this.token) return; // another press came while the wasm was loading
    const plan = { user: this.durations.user, product: this.durations.product, speed: this.getSpeed() };
    const model = new RunModel(variant, plan);
    this.model = model;
    this.cursor = -1;
    this.log.clear();
    this.timeline.clear();
    this.table.clear();
    this.measured.textContent = '';
    this.happened.textContent = '';
    this.error.hidden = true;
    this.setStepper();
    this.predictedUs = PREDICT[variant](plan) * 1e6 / plan.speed;
    model.hidden = document.visibilityState === 'hidden';
    this.setRunning(true, variant);
    try {
      this.handle = api.start(variant, plan.user, plan.product, plan.speed, (kind, future, t, text) => {
        // Events of a superseded run (e.g. the drops reported by its Stop) are not this run's.
        if (this.model !== model) return;
        try {
          this.onEvent(model, kind, future, t, text);
        } catch (err) {
          console.error('async-playground: a view failed', err);
        }
      });
    } catch (err) {
      this.handle = null;
      this.setRunning(false);
      this.fail(`This demo crashed (${err && err.message ? err.message : err}). Reload the page to try again.`);
    }
    if (this.model === model && model.over) this.finish(model);
  }

  onEvent(model, kind, future, t, text) {
    model.add(kind, future, t, text);
    // Lines are written the moment Rust prints them; the timeline waits for the next frame.
    if (kind === K.Line) this.log.line(t, text ?? '');
    if (kind === K.Stopped) this.log.line(t, 'Stopped: every future of this run was dropped.', 'note');
    if (kind === K.Crashed) this.crash(model, text);
    else if (kind === K.Done || kind === K.Stopped) this.finish(model);
    else this.schedule();
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
      if (this.running) this.schedule(); // keep the "now" line and pending bars moving
    });
  }

  draw() {
    const m = this.model;
    if (!m) return;
    const cur = this.cursor >= 0 ? m.event(this.cursor) : null;
    const now = m.over ? m.endT : performance.now() * 1000 - this.startedAt;
    this.timeline.render(m, now, Math.max(this.predictedUs * 1.05, m.endT ?? 0), cur);
    this.table.render(m, cur ? cur.future : null);
    if (!m.over) this.progress.value = this.predictedUs > 0 ? Math.min(now / this.predictedUs, 1) : 0;
  }

  finish(model) {
    if (this.model !== model || this.finished === model) return;
    this.finished = model;
    const handle = this.handle;
    this.handle = null;
    // Free the wasm handle once the current wasm call (which reported this event) has returned.
    // A crashed run's handle is stopped and freed by crash() instead.
    if (handle && model.state !== 'crashed') queueMicrotask(() => handle.free());
    this.setRunning(false);
    if (model.hidden) {
      this.log.line(model.endT, 'Timings affected: the tab was in the background, where browsers slow timers down.', 'note');
    }
    this.measured.textContent = model.state === 'crashed' ? '' : model.state === 'done'
      ? `Measured: the run took ${ms(model.endT)}${model.hidden ? ' (timings affected: tab was in the background)' : ''}.`
      : `Stopped after ${ms(model.endT)}.`;
    this.happened.textContent = `What just happened? ${story(model)}`;
    if (this.ticker && model.state === 'done') {
      // A frozen page shows here as missing ticks: a 100 ms interval should tick about endT/100 times.
      const expected = Math.floor(model.endT / 100_000);
      this.happened.textContent += ` The counter ticked ${this.ticks} ${this.ticks === 1 ? 'time' : 'times'} in ${ms(model.endT)} (about ${expected} if the page never froze).`;
    }
    this.setStepper();
    this.draw();
  }

  setRunning(on, variant) {
    this.stopButton.disabled = !on;
    this.progress.hidden = !on;
    this.el.classList.toggle('is-running', on);
    for (const b of this.runButtons) b.setAttribute('aria-pressed', String(on && b.dataset.variant === variant));
    if (on) {
      const label = this.variants.find((v) => v.id === variant).label;
      this.status.textContent = `Running “${label}”… Press Stop, or a Run button to restart.`;
      this.startedAt = performance.now() * 1000;
      this.startTicker();
      this.schedule();
    } else {
      this.status.textContent = this.model && this.model.state === 'stopped' ? 'Stopped.' : 'Finished. Run again, or step through the events below.';
      this.stopTicker();
    }
  }

  startTicker() {
    if (!this.ticker) return;
    this.stopTicker();
    this.ticks = 0;
    this.tickCount.textContent = '0';
    this.tickTimer = setInterval(() => { this.tickCount.textContent = String(++this.ticks); }, 100);
  }

  stopTicker() {
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.tickTimer = 0;
  }

  /** Stops the run in flight, if any. */
  stop() {
    if (this.handle) this.handle.stop();
  }

  stopCurrent() {
    const old = this.handle;
    this.handle = null;
    if (old && !old.over) old.stop();
    if (old) old.free();
  }

  /** Marks the current run, if any, as affected by the tab being hidden. */
  markHidden() {
    if (this.running) this.model.hidden = true;
  }

  setStepper() {
    const m = this.model;
    const ready = !!(m && m.over && m.size);
    this.prev.disabled = !ready || this.cursor <= 0;
    this.next.disabled = !ready || this.cursor >= m.size - 1;
    if (!ready) this.stepInfo.textContent = 'After a run, step through its events here (or with the ← → keys).';
  }

  step(delta) {
    const m = this.model;
    if (!m || !m.over || !m.size) return;
    this.cursor = Math.max(0, Math.min(m.size - 1, this.cursor + delta));
    const e = m.event(this.cursor);
    this.stepInfo.textContent = `Event ${this.cursor + 1} of ${m.size}, at ${ms(e.t)}: ${explain(m, e)}`;
    this.setStepper();
    this.draw();
  }

  /** Rust panicked in this run: say so here, and drop what is left of the run (clearing its timers). */
  crash(model, message) {
    const handle = this.handle; // taken before finish() lets go of it
    this.finish(model);
    this.fail(`This demo crashed — reload the page to use it again. (${message})`);
    this.crashed = true;
    for (const b of this.runButtons) b.disabled = true;
    // Not from inside the panic hook's call: the wasm is mid-trap; stop on the next task.
    if (handle) setTimeout(() => { try { handle.stop(); handle.free(); } catch { /* already gone */ } }, 0);
  }

  fail(message) {
    this.error.textContent = message;
    this.error.hidden = false;
    this.status.textContent = 'Not running.';
  }

  /** Stops everything this view started: its run, its frame, its ticker. */
  destroy() {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.token++;
    this.stopCurrent();
    this.model = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.stopTicker();
  }
}
