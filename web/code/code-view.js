// The body of the "Your code" section, built when the section is first used: the starter menu, the
// editor, Run/Stop, the diagnostics, the live log, and the lessons' own timeline, table and
// step-through views fed by the same event stream as the demos.
import { h, nextId } from '../dom.js';
import { K, RunModel, explain, ms } from '../model.js';
import { LogView } from '../log-view.js';
import { TimelineView, legend } from '../timeline-view.js';
import { TableView } from '../table-view.js';
import { story } from '../story.js';
import { speedLabel } from '../params.js';
import { encodeCode } from './base64url.js';
import { createEditor, setSource } from './editor.js';
import { loadInterp } from './interp.js';
import { STARTERS } from 'virtual:starters';
import css from './code.css';

let sheet = null;
/** Adds this section's styles to `root` (the page, or an element's shadow root) once. */
function adoptStyles(root) {
  if (!sheet) {
    // A constructable stylesheet, like the element's: it passes a strict CSP.
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Event kinds the lessons never send (crate/src/trace.rs: Kind::Stderr, Kind::Note). */
const STDERR = K.Stderr ?? 12;
const NOTE = K.Note ?? 13;

export const starterById = (id) => STARTERS.find((s) => s.id === id);

/** A seed for select!'s random choices: a different race each run, as with Tokio. */
const seed = () => crypto.getRandomValues(new Uint32Array(1))[0];

export class CodeView {
  /**
   * @param {object} o
   * @param {HTMLElement} o.body   where to build (inside the section, after its heading)
   * @param {string} o.source      the initial program
   * @param {string|null} o.starter  the starter it is, if any
   * @param {() => number} o.speed   the speed, in thousandths
   * @param {string} o.title       the section's title, for the views' labels
   * @param {Document|ShadowRoot} [o.root]
   * @param {() => void} [o.onChange]  the program changed (Copy link follows it)
   */
  constructor(o) {
    Object.assign(this, { getSpeed: o.speed, onChange: o.onChange || (() => {}) });
    this.handle = null;
    this.model = null;
    this.frame = 0;
    this.cursor = -1;
    this.crashed = false;
    this.build(o);
  }

  build(o) {
    adoptStyles(o.root || document);
    const menuId = nextId('starter');
    this.menu = h('select', { id: menuId, name: 'starter' },
      h('option', { value: '' }, 'Your own program'),
      STARTERS.map((s) => h('option', { value: s.id }, s.title)));
    this.menu.value = o.starter || '';
    this.menu.addEventListener('change', () => { if (this.menu.value) this.open(starterById(this.menu.value)); });
    this.copyButton = h('button', { type: 'button', class: 'copy-code' }, 'Copy link to this program');
    this.copyButton.addEventListener('click', () => this.copyLink());
    this.copyStatus = h('p', { class: 'note copy-status', 'aria-live': 'polite' });

    this.editorBox = h('div', { class: 'editor' });
    this.diagnostics = h('div', { class: 'diagnostics', 'aria-label': 'Errors and warnings' });

    this.runButton = h('button', { type: 'button', class: 'run', 'aria-keyshortcuts': 'Control+Enter Meta+Enter' }, 'Run');
    this.runButton.addEventListener('click', () => this.run());
    this.stopButton = h('button', { type: 'button', class: 'stop', disabled: true }, 'Stop');
    this.stopButton.addEventListener('click', () => this.stop());
    this.status = h('p', { class: 'status', 'aria-live': 'polite' }, 'Loading the editor and the interpreter…');
    this.error = h('p', { class: 'error', role: 'alert', hidden: true });
    this.log = new LogView(`Output of ${o.title}`);
    this.log.el.tabIndex = 0; // it scrolls (up to 10,000 lines): keyboard users must reach it
    this.measured = h('p', { class: 'measured' });
    this.happened = h('p', { class: 'happened' });

    this.timeline = new TimelineView(`Timeline of the futures in ${o.title}; the table below lists the same facts`);
    this.table = new TableView(`Futures of the last run of ${o.title}`);
    this.prev = h('button', { type: 'button', class: 'step', disabled: true, 'aria-keyshortcuts': 'ArrowLeft' }, '◀ Prev event');
    this.next = h('button', { type: 'button', class: 'step', disabled: true, 'aria-keyshortcuts': 'ArrowRight' }, 'Next event ▶');
    this.stepInfo = h('p', { class: 'step-info', 'aria-live': 'polite' }, 'After a run, step through its events here (or with the ← → keys).');
    this.prev.addEventListener('click', () => this.step(-1));
    this.next.addEventListener('click', () => this.step(1));
    const onKey = (e) => {
      if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && this.model && this.model.over) {
        this.step(e.key === 'ArrowRight' ? 1 : -1);
        e.preventDefault();
      }
    };
    const figure = h('figure', { class: 'timeline-figure', tabindex: '0', 'aria-label': `Timeline of ${o.title}. Use the left and right arrow keys to step through events.` },
      this.timeline.el, h('figcaption', {}, legend()));
    figure.addEventListener('keydown', onKey);
    if (typeof ResizeObserver === 'function') new ResizeObserver(() => { if (this.model) this.draw(); }).observe(figure);
    const stepper = h('div', { class: 'stepper', role: 'group', 'aria-label': 'Step through the run' }, this.prev, this.next, this.stepInfo);
    stepper.addEventListener('keydown', onKey);

    o.body.replaceChildren(
      h('p', { class: 'intro' }, 'Edit a Tokio program, or pick a starter, and press Run: it is interpreted on this page’s event loop with Tokio’s rules, and traced like the demos.'),
      h('div', { class: 'cols' },
        h('div', { class: 'source' },
          h('div', { class: 'code-toolbar' }, h('label', { for: menuId }, 'Starter program'), this.menu, this.copyButton),
          this.copyStatus,
          this.editorBox,
          this.diagnostics),
        h('div', { class: 'run-area' },
          h('div', { class: 'controls' }, h('div', { class: 'buttons' }, this.runButton, this.stopButton),
            h('p', { class: 'note' }, 'Ctrl+Enter (⌘+Enter) in the editor runs too.')),
          this.status,
          this.error,
          h('h3', {}, 'Output'),
          this.log.el,
          this.measured,
          this.happened)),
      h('details', { class: 'futures-details', open: true },
        h('summary', {}, 'The futures’ lives: timeline'),
        figure, stepper, this.table.el));

    this.interp = loadInterp();
    this.editor = createEditor(this.editorBox, {
      doc: o.source,
      root: o.root,
      onRun: () => this.run(),
      check: async (source) => (await this.interp).checkCode(source),
      onDiagnostics: (diagnostics, source) => { if (source === this.source) this.showDiagnostics(diagnostics); },
      onChange: () => {
        if (this.menu.value && this.source !== starterById(this.menu.value).source) this.menu.value = '';
        this.onChange();
      },
    });
    this.interp.then(
      () => { if (!this.model && !this.crashed) this.status.textContent = 'Ready. Edit the program, then press Run.'; },
      (err) => this.fail(`Your code cannot run: ${err.message}`),
    );
  }

  /** The program in the editor. */
  get source() { return this.editor.state.doc.toString(); }

  /** Puts `starter` ({ id, source }) or a plain source in the editor. Never runs it. */
  open(starter) {
    const source = typeof starter === 'string' ? starter : starter.source;
    if (source !== this.source) setSource(this.editor, source);
    this.menu.value = typeof starter === 'string' ? (STARTERS.find((s) => s.source === source)?.id ?? '') : starter.id;
    this.onChange();
  }

  focus() { this.editor.focus(); }

  get running() { return !!(this.model && !this.model.over); }

  showDiagnostics(diagnostics) {
    this.diagnostics.replaceChildren(...diagnostics.map((d) => h('pre', { class: `diagnostic ${d.level}` }, d.rendered)));
  }

  async copyLink() {
    const url = new URL(location.href);
    url.search = '';
    url.hash = '';
    url.searchParams.set('code', encodeCode(this.source));
    const text = url.toString();
    this.copyButton.dataset.url = text;
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus.textContent = 'Link copied: it opens this program in the editor (it does not run by itself).';
    } catch {
      this.copyStatus.textContent = `Copy this link: ${text}`;
    }
  }

  async run() {
    if (this.crashed) return;
    this.stopCurrent();
    let api;
    try {
      api = await this.interp;
    } catch (err) {
      this.fail(`Your code cannot run: ${err.message}`);
      return;
    }
    const source = this.source;
    const diagnostics = api.checkCode(source);
    this.showDiagnostics(diagnostics);
    const errors = diagnostics.filter((d) => d.level === 'error').length;
    this.error.hidden = true;
    if (errors) {
      this.status.textContent = `The program has ${errors === 1 ? 'an error' : `${errors} errors`}; see below the editor. Nothing ran.`;
      return;
    }
    const speed = this.getSpeed();
    const model = new RunModel('code', { speed });
    this.model = model;
    this.cursor = -1;
    this.log.clear();
    this.timeline.clear();
    this.table.clear();
    this.measured.textContent = '';
    this.happened.textContent = '';
    this.setStepper();
    model.hidden = document.visibilityState === 'hidden';
    this.setRunning(true);
    try {
      this.handle = api.runCode(source, speed, seed(), (kind, future, tUs, text) => {
        if (this.model !== model) return; // a superseded run (its Stop's drops) is not this one
        try {
          this.onEvent(model, kind, future, tUs, text);
        } catch (err) {
          console.error('async-playground: a view failed', err);
        }
      });
    } catch (err) {
      this.handle = null;
      if (Array.isArray(err)) {
        // Refused before it started (e.g. a limit): the diagnostics say why.
        this.model = null;
        this.showDiagnostics([...diagnostics.filter((d) => d.level !== 'error'), ...err]);
        this.setRunning(false);
        this.status.textContent = 'The program did not start; see below the editor.';
        return;
      }
      this.crash(model, err && err.message ? err.message : String(err));
      return;
    }
    if (this.model === model && model.over) this.finish(model);
  }

  onEvent(model, kind, future, t, text) {
    model.add(kind, future, t, text);
    if (kind === K.Line) this.log.line(t, text ?? '');
    else if (kind === STDERR) this.log.line(t, text ?? '', 'stderr');
    else if (kind === NOTE) this.log.line(t, text ?? '', 'note');
    else if (kind === K.Stopped) this.log.line(t, 'Stopped: every future of this run was dropped.', 'note');
    if (kind === K.Crashed) this.crash(model, text);
    else if (kind === K.Done || kind === K.Stopped) this.finish(model);
    else this.schedule();
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
      if (this.running) this.schedule();
    });
  }

  draw() {
    const m = this.model;
    if (!m) return;
    const cur = this.cursor >= 0 ? m.event(this.cursor) : null;
    const now = m.over ? m.endT : performance.now() * 1000 - this.startedAt;
    // No plan to predict from: the axis grows in steps (1 s, 2 s, 5 s, 10 s…) so bars keep their scale.
    const span = m.over ? Math.max(m.endT, 1) : niceSpan(now);
    this.timeline.render(m, now, span, cur);
    this.table.render(m, cur ? cur.future : null);
  }

  finish(model) {
    if (this.model !== model || this.finished === model) return;
    this.finished = model;
    const handle = this.handle;
    this.handle = null;
    // Free the run once the wasm call that reported this event has returned.
    if (handle && model.state !== 'crashed') queueMicrotask(() => handle.free());
    this.setRunning(false);
    if (model.hidden) this.log.line(model.endT, 'Timings affected: the tab was in the background, where browsers slow timers down.', 'note');
    this.measured.textContent = model.state === 'done' ? `Measured: the run took ${ms(model.endT)}.` : model.state === 'stopped' ? `Stopped after ${ms(model.endT)}.` : '';
    this.happened.textContent = `What just happened? ${story(model)}`;
    this.setStepper();
    this.draw();
  }

  setRunning(on) {
    this.stopButton.disabled = !on;
    if (on) {
      this.status.textContent = `Running at ${speedLabel(this.getSpeed())}… Press Stop, or Run to restart.`;
      this.startedAt = performance.now() * 1000;
      this.schedule();
    } else if (this.model) {
      this.status.textContent = this.model.state === 'stopped' ? 'Stopped.' : 'Finished. Run again, or step through the events below.';
    }
  }

  stop() {
    if (this.handle) this.handle.stop();
  }

  stopCurrent() {
    const old = this.handle;
    this.handle = null;
    if (old && !old.over) old.stop();
    if (old) old.free();
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
    const why = explain(m, e) || (e.text ? `“${e.text}”` : '');
    this.stepInfo.textContent = `Event ${this.cursor + 1} of ${m.size}, at ${ms(e.t)}: ${why}`;
    this.setStepper();
    this.draw();
  }

  /** The interpreter itself panicked (a bug, never the program's panic): this wasm is unusable now. */
  crash(model, message) {
    const handle = this.handle;
    this.finish(model);
    this.crashed = true;
    this.runButton.disabled = true;
    this.fail(`The interpreter crashed — reload the page to use Your code again; the demos still work. (${message})`);
    if (handle) setTimeout(() => { try { handle.stop(); handle.free(); } catch { /* already gone */ } }, 0);
  }

  fail(message) {
    this.error.textContent = message;
    this.error.hidden = false;
    this.status.textContent = 'Not running.';
  }

  destroy() {
    this.stopCurrent();
    this.model = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.editor.destroy();
  }
}

function niceSpan(us) {
  for (const s of [1, 2, 5, 10, 20, 30, 60, 120, 300, 600]) if (us <= s * 1e6 * 0.9) return s * 1e6;
  return us * 1.2;
}
