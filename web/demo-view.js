// Owns: the wiring of one lesson demo section (page and <async-playground> element alike): its
// heading, intro and code panes, the duration inputs and prediction, the Run/Stop buttons and
// status, the "page responsive?" ticker, and the measured / "What just happened?" lines. The run
// itself is a RunSession (session.js); the log, timeline, table and stepper are RunViews (views.js),
// loaded with the first run (views-slot.js); the demo's facts come from demos.js.
import { h, nextId } from './dom.js';
import { ms } from './model.js';
import { RunSession } from './session.js';
import { ViewsSlot, loadLater } from './views-slot.js';
import { sourcePanes } from './source-view.js';
import { DEMOS, TEST_PANIC, demoById, predictedUs, variantById } from './demos.js';
import { DEFAULTS, speedLabel } from './params.js';

/** Every variant a saved run may name (a file of another demo gets a sentence naming its section). */
const VARIANTS = new Set(DEMOS.flatMap((d) => d.variants.map((v) => v.id)));

export class DemoView {
  /**
   * @param {object} o
   * @param {object} o.demo      an entry of DEMOS
   * @param {object} o.sources   { rust, tokio } token lists, and `verdictIds`: the variants whose
   *   tutorial program real Tokio recorded (their transcripts load with later.js)
   * @param {Promise} o.wasm     resolves to the wasm API { start, check }
   * @param {() => number} o.speed  the speed to use, in thousandths
   * @param {{user:number, product:number}} o.durations  initial durations (already checked)
   * @param {() => void} [o.onChange]  called when a setting changes (the page's Copy link uses it)
   * @param {boolean} [o.testPanic]  adds the test-only crash button (the page's ?test=panic)
   */
  constructor(o) {
    Object.assign(this, { demo: o.demo, wasm: o.wasm, getSpeed: o.speed, onChange: o.onChange || (() => {}) });
    this.durations = { ...o.durations };
    this.variants = o.testPanic ? [...this.demo.variants, TEST_PANIC] : this.demo.variants;
    this.views = new ViewsSlot({
      title: this.demo.title,
      lines: this.demo.lines,
      program: (model) => (model.variant && model.plan ? {
        demo: this.demo.id,
        variant: model.variant,
        // As a person would type them (speed 1 = the lesson's pace), to be checked again on opening.
        params: { user: model.plan.user, product: model.plan.product, speed: model.plan.speed / 1000 },
      } : null),
      open: (text, name) => this.open(text, name),
    });
    this.session = new RunSession({ listeners: [this.views, this] });
    this.build(o.sources);
  }

  build(sources) {
    const d = this.demo;
    const headingId = nextId(`h-${d.id}`);
    this.heading = h('h2', { id: headingId, tabindex: '-1' }, d.title);
    this.status = h('p', { class: 'status' }, 'Ready. Press a Run button.');
    // Progress towards the predicted end: a bar the compositor fills (a Web Animation of its scale),
    // so it costs no frame; aria-valuenow is updated on events.
    this.progressBar = h('span', { class: 'progress-bar' });
    this.progress = h('span', { class: 'progress', role: 'progressbar', 'aria-label': 'Run progress', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0', hidden: true }, this.progressBar);
    this.predicted = h('p', { class: 'prediction' });
    this.measured = h('p', { class: 'measured' });
    this.happened = h('p', { class: 'happened' });
    this.error = h('p', { class: 'error', role: 'alert', hidden: true });
    this.stopButton = h('button', { type: 'button', class: 'stop', disabled: true }, 'Stop');
    this.stopButton.addEventListener('click', () => this.session.stop());

    this.runButtons = this.variants.map((v) => {
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
          this.views.log.el,
          this.measured,
          this.happened,
          this.verdict(sources.verdictIds))),
      this.views.details);
    this.updatePrediction();
  }

  /**
   * "What real Tokio printed" for the variants whose tutorial program the oracle recorded
   * (differences.json's `lessons`), or nothing: a demo the tutorial has no program for gets no panel
   * rather than an invented one.
   */
  verdict(ids = []) {
    if (!this.demo.variants.some((v) => ids.includes(v.id))) return null;
    // Closed at first: its transcripts are built from later.js when it is first opened.
    const panel = h('details', { class: 'verdict' }, h('summary', {}, 'What real Tokio printed'));
    let filled = false;
    panel.addEventListener('toggle', () => {
      if (!panel.open || filled) return;
      filled = true;
      loadLater().then((m) => panel.append(...m.transcripts(this.demo)), (err) => {
        filled = false;
        panel.append(h('p', { class: 'error' }, `The transcript could not be loaded: ${err.message}.`));
      });
    });
    return panel;
  }

  durationInputs() {
    const field = (name, label) => {
      const id = nextId(`${this.demo.id}-${name}`);
      const msg = h('span', { class: 'field-error', id: `${id}-err`, role: 'alert' });
      const input = h('input', { id, name, type: 'text', inputmode: 'numeric', autocomplete: 'off', value: String(this.durations[name]), size: '6', 'aria-describedby': `${id}-err` });
      input.addEventListener('change', () => this.setDuration(name, input, msg));
      return h('div', { class: 'field' }, h('label', { for: id }, label), input, h('span', { class: 'unit' }, 'ms'), msg);
    };
    const u = field('user', 'fetch_user_data waits');
    const p = field('product', 'fetch_product_data waits');
    this.inputs = { user: u.querySelector('input'), product: p.querySelector('input') };
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

  get running() { return this.session.running; }

  updatePrediction() {
    const speed = this.getSpeed();
    const parts = this.demo.variants.map((v) => {
      const real = Math.round(predictedUs(v, { ...this.durations, speed }) / 1000);
      return `${v.label.replace(/^Run:? ?/, '')}: ~${real} ms${v.why ? ` (${v.why})` : ''}`;
    });
    this.predicted.textContent = `Predicted at ${speedLabel(speed)}: ${parts.join('; ')}.`;
  }

  /** Runs variant `id` (e.g. "join/join") with the current durations and speed. */
  run(id) {
    const variant = variantById(id);
    const plan = { user: this.durations.user, product: this.durations.product, speed: this.getSpeed() };
    return this.session.run({
      ready: this.wasm,
      start: (api, onEvent) => api.start(id, plan.user, plan.product, plan.speed, onEvent),
      meta: { variant: id, plan, label: variant.label, predictedUs: predictedUs(variant, plan) },
    });
  }

  /**
   * "Open a saved run": shows a run file of this demo in this section, running nothing. A file that
   * is not a run of this demo gets a sentence instead, and the last run stays on screen.
   */
  async open(text, name) {
    let check;
    try {
      ({ check } = await this.wasm);
    } catch {
      check = undefined; // the file is still checked, but for its parameters' ranges
    }
    const [{ parseRun }, views] = await Promise.all([loadLater(), this.views.load()]);
    const r = parseRun(text, { variants: VARIANTS, check });
    if (!r.ok) {
      views.keep.refuse(`${name}: ${r.error}`);
      return;
    }
    const { program, events, hidden, stalled } = r.run;
    if (program.demo !== this.demo.id) {
      const where = program.demo ? `the “${demoById(program.demo).title}” demo` : 'Your code';
      views.keep.refuse(`${name} is a run of ${where}: open it there.`);
      return;
    }
    const variant = variantById(program.variant);
    const p = program.params;
    const plan = {
      user: p.user ?? DEFAULTS.user,
      product: p.product ?? DEFAULTS.product,
      speed: p.speed === undefined ? DEFAULTS.speed : Math.round(p.speed * 1000),
    };
    this.session.load({
      events, hidden, stalled,
      meta: { variant: program.variant, plan, label: variant.label, predictedUs: predictedUs(variant, plan), file: name },
    });
  }

  // ---- RunSession listener: the section's own chrome ----

  event(model, kind, future, t) {
    const pct = this.predictedUs > 0 ? Math.round(Math.min(t / this.predictedUs, 1) * 100) : 0;
    if (pct !== this.pct) this.progress.setAttribute('aria-valuenow', String((this.pct = pct)));
  }

  begin(model, meta) {
    this.measured.textContent = '';
    this.happened.textContent = '';
    this.error.hidden = true;
    this.predictedUs = meta.predictedUs;
    this.loaded = meta.loaded ? meta : null;
    if (!meta.loaded) this.setRunning(true, meta);
  }

  end(model) {
    this.setRunning(false);
    this.measured.textContent = model.state === 'crashed' ? '' : model.state === 'done'
      ? `Measured: the run took ${ms(model.endT)}${model.hidden ? ' (timings affected: tab was in the background)' : ''}.`
      : `Stopped after ${ms(model.endT)}.`;
    if (this.loaded) {
      this.status.textContent = `Showing the saved run in ${this.loaded.file} (“${this.loaded.label}”): nothing was run again.`;
      this.measured.textContent = this.measured.textContent.replace(/^Measured:/, 'Measured when it was recorded:');
    }
    // A frozen page shows as missing ticks: a 100 ms interval should tick about endT/100 times.
    const ticks = this.ticker && model.state === 'done'
      ? `The counter ticked ${this.ticks} ${this.ticks === 1 ? 'time' : 'times'} in ${ms(model.endT)} (about ${Math.floor(model.endT / 100_000)} if the page never froze).`
      : null;
    // The sentence (happened.js) and the lints come with later.js, which the run's start imported
    // (the first run's end may come before it is in); the lints' sentences go before the counter's.
    Promise.all([loadLater(), this.views.lintsOf(model)]).then(([m, lints]) => {
      if (this.session.model !== model) return;
      this.happened.textContent = [`What just happened? ${m.whatHappened(model)}`, ...lints.map((l) => l.sentence), ticks].filter(Boolean).join(' ');
    }, () => {
      if (ticks && this.session.model === model) this.happened.textContent = ticks;
    });
  }

  crash(model, message) {
    this.fail(`This demo crashed — reload the page to use it again. (${message})`);
    for (const b of this.runButtons) b.disabled = true;
  }

  fail(message) {
    this.setRunning(false);
    this.error.textContent = message;
    this.error.hidden = false;
    this.status.textContent = 'Not running.';
  }

  setRunning(on, meta) {
    this.stopButton.disabled = !on;
    this.progress.hidden = !on;
    this.el.classList.toggle('is-running', on);
    for (const b of this.runButtons) b.setAttribute('aria-pressed', String(on && b.dataset.variant === meta.variant));
    if (this.progressAnim) this.progressAnim.cancel();
    this.progressAnim = null;
    this.stopTicker();
    if (on) {
      this.status.textContent = `Running “${meta.label}”… Press Stop, or a Run button to restart.`;
      this.progress.setAttribute('aria-valuenow', String((this.pct = 0)));
      if (this.predictedUs > 0 && typeof this.progressBar.animate === 'function' && !matchMedia('(prefers-reduced-motion: reduce)').matches) {
        this.progressAnim = this.progressBar.animate([{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }],
          { duration: this.predictedUs / 1000, easing: 'linear', fill: 'forwards' });
      }
      this.startTicker();
    } else {
      this.status.textContent = this.session.model && this.session.model.state === 'stopped' ? 'Stopped.' : 'Finished. Run again, or step through the events below.';
    }
  }

  startTicker() {
    if (!this.ticker) return;
    this.ticks = 0;
    this.tickCount.textContent = '0';
    this.tickTimer = setInterval(() => { this.tickCount.textContent = String(++this.ticks); }, 100);
  }

  stopTicker() {
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.tickTimer = 0;
  }

  /** Stops everything this view started: its run, its frames, its timers. */
  destroy() {
    this.session.destroy();
    this.views.destroy();
    if (this.progressAnim) this.progressAnim.cancel();
    this.stopTicker();
  }
}
