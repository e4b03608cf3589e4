// The body of the "Your code" section, built when the section is first used: the starter menu, the
// editor, Run/Stop, the diagnostics, the live log, and the lessons' own timeline, table and
// step-through views fed by the same event stream as the demos. Those views come as the demos' do:
// in later.js, imported when the first run starts or a saved run is opened (views-slot.js), so code.js
// does not carry a second copy of them and the editor is ready without them.
import { h, nextId } from '../dom.js';
import { ENDINGS, ms } from '../model.js';
import { RunSession } from '../session.js';
import { ViewsSlot, loadLater } from '../views-slot.js';
import { speedLabel } from '../params.js';
import { DEMOS, demoById } from '../demos.js';
import { encodeCode } from './base64url.js';
import { createEditor } from './editor.js';
import { loadInterp, warmUpInterp } from './interp.js';
import { STARTERS } from 'virtual:starters';
import { CORPUS_KEYS } from 'virtual:corpus';
import { fnv1a64, verdictPanel } from '../verdict.js';
import css from './code.css';

let sheets = null;
/** Adds this section's styles to `root` (the page, or an element's shadow root) once (the views' come with them). */
function adoptStyles(root) {
  if (!sheets) {
    // Constructable stylesheets, like the element's: they pass a strict CSP.
    sheets = [css].map((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
  }
  const missing = sheets.filter((s) => !root.adoptedStyleSheets.includes(s));
  if (missing.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing];
}

/** Said where storage is blocked (edits cannot be kept across reloads). */
const NOT_KEPT = 'This browser blocks this page’s storage, so edits are not kept: a reload brings the starter back (Copy link keeps a program).';

let corpus = null;
/**
 * Imports corpus.js (Tokio's transcripts of every corpus program, most of the bytes that would
 * otherwise be in code.js) once, from beside this script, when the editor first holds a corpus program.
 */
function loadCorpus() {
  if (!corpus) {
    corpus = import(new URL('./corpus.js', import.meta.url).href).then((m) => m.CORPUS, (err) => {
      corpus = null;
      throw err;
    });
  }
  return corpus;
}

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
   * @param {{save(source: string, starter: string|null): void, blocked: boolean}|null} [o.keep]
   *   keeps the program as it is edited (your-code.js KeptProgram)
   * @param {{source: string, starter: string|null}} [o.home]  the section's own starter, for Reset
   */
  constructor(o) {
    Object.assign(this, { getSpeed: o.speed, onChange: o.onChange || (() => {}) });
    this.keep = o.keep || null;
    this.home = o.home || { source: o.source, starter: o.starter };
    /** The starter the program came from (kept with it; Reset brings it back), or null. */
    this.cameFrom = o.starter || null;
    this.crashed = false;
    // The demos' own run machinery and views: this section only adds the editor and its chrome.
    // Save run keeps the source each run ran (its meta's `source`); Open a saved run shows one again.
    this.views = new ViewsSlot({ title: o.title, lines: 6, open: (text, name) => this.openRun(text, name).catch((err) => this.views.failed(err)) });
    this.session = new RunSession({ listeners: [this.views, this] });
    this.build(o);
  }

  build(o) {
    adoptStyles(o.root || document);
    const menuId = nextId('starter');
    this.menu = h('select', { id: menuId, name: 'starter' },
      h('option', { value: '' }, 'Your own program'),
      STARTERS.map((s) => h('option', { value: s.id }, s.title)));
    // A kept program edited from a starter came from it, but is no longer it.
    this.menu.value = o.starter && starterById(o.starter)?.source === o.source ? o.starter : '';
    this.menu.addEventListener('change', () => { if (this.menu.value) this.open(starterById(this.menu.value)); });
    this.copyButton = h('button', { type: 'button', class: 'copy-code' }, 'Copy link to this program');
    this.copyButton.addEventListener('click', () => this.copyLink());
    this.copyStatus = h('p', { class: 'note copy-status', 'aria-live': 'polite' });
    this.resetButton = h('button', { type: 'button', class: 'reset-code' }, 'Reset to the starter');
    this.resetButton.addEventListener('click', () => this.reset());
    // Where storage is blocked, say so: a reload brings the starter back.
    this.keepNote = h('p', { class: 'note keep-note', 'aria-live': 'polite' },
      this.keep && this.keep.blocked ? NOT_KEPT : '');

    this.editorBox = h('div', { class: 'editor' });
    // A named group: aria-label on a plain div is prohibited (axe aria-prohibited-attr).
    this.diagnostics = h('div', { class: 'diagnostics', role: 'group', 'aria-label': 'Errors and warnings' });

    this.runButton = h('button', { type: 'button', class: 'run', 'aria-keyshortcuts': 'Control+Enter Meta+Enter' }, 'Run');
    this.runButton.addEventListener('click', () => this.run());
    this.stopButton = h('button', { type: 'button', class: 'stop', disabled: true }, 'Stop');
    this.stopButton.addEventListener('click', () => this.session.stop());
    this.status = h('p', { class: 'status', 'aria-live': 'polite' }, 'Loading the editor and the interpreter…');
    this.error = h('p', { class: 'error', role: 'alert', hidden: true });
    this.measured = h('p', { class: 'measured' });
    this.happened = h('p', { class: 'happened' });
    // "What real Tokio printed", when the editor holds one of the oracle's corpus programs.
    this.verdictSlot = h('div', { class: 'verdict-slot' });
    this.verdictFor = null;
    this.views.log.el.tabIndex = 0; // it scrolls (up to 10,000 lines): keyboard users must reach it

    o.body.replaceChildren(
      h('p', { class: 'intro' }, 'Edit a Tokio program, or pick a starter, and press Run: it is interpreted on this page’s event loop with Tokio’s rules, and traced like the demos.'),
      h('div', { class: 'cols' },
        h('div', { class: 'source' },
          h('div', { class: 'code-toolbar' }, h('label', { for: menuId }, 'Starter program'), this.menu, this.copyButton, this.resetButton),
          this.copyStatus,
          this.keepNote,
          this.editorBox,
          this.diagnostics),
        h('div', { class: 'run-area' },
          h('div', { class: 'controls' }, h('div', { class: 'buttons' }, this.runButton, this.stopButton),
            h('p', { class: 'note' }, 'Ctrl+Enter (⌘+Enter) in the editor runs too.')),
          this.status,
          this.error,
          h('h3', {}, 'Output'),
          this.views.log.el,
          this.measured,
          this.happened,
          this.verdictSlot)),
      this.views.details);

    this.interp = loadInterp();
    // The views (later.js, 27 KB gz) at once, beside the interpreter's far larger wasm, so they are in
    // before Run can be pressed: arriving in the middle of a first run, their compile and first layout
    // made its first lines late by tens to hundreds of ms on a loaded machine.
    this.views.load().catch((err) => this.views.failed(err));
    this.editor = createEditor(this.editorBox, {
      doc: o.source,
      root: o.root,
      onRun: () => this.run(),
      check: async (source) => this.check(await this.interp, source),
      onDiagnostics: (diagnostics, source) => { if (source === this.source) this.showDiagnostics(diagnostics); },
      onChange: () => {
        if (this.menu.value && this.source !== starterById(this.menu.value).source) this.menu.value = '';
        this.kept();
        this.updateVerdict();
        this.onChange();
      },
    });
    this.updateVerdict();
    this.interp.then(
      () => {
        if (!this.session.model && !this.crashed) this.status.textContent = 'Ready. Edit the program, then press Run.';
        // The interpreter warmed up while the page is idle (skipped if a run has begun already).
        warmUpInterp();
      },
      (err) => this.fail(`Your code cannot run: ${err.message}`),
    );
  }

  /**
   * The diagnostics of `source`, remembered for the last source checked. Run checks the program it is
   * about to run; the editor's linter, due 400 ms after the last edit, would check the same source
   * again in the middle of that run (a full parse and check, tens of ms on a cold page: a first run's
   * lines came 60 ms late). With this, it finds the answer already there.
   */
  check(api, source) {
    if (this.checked && this.checked.source === source) return this.checked.diagnostics;
    const diagnostics = api.checkCode(source);
    this.checked = { source, diagnostics };
    return diagnostics;
  }

  /** The program in the editor. */
  get source() { return this.editor.value; }

  /** Puts `starter` ({ id, source }) or a plain source in the editor. Never runs it. */
  open(starter) {
    const source = typeof starter === 'string' ? starter : starter.source;
    this.menu.value = typeof starter === 'string' ? (STARTERS.find((s) => s.source === source)?.id ?? '') : starter.id;
    this.cameFrom = this.menu.value || null;
    this.editor.value = source; // an edit: Ctrl+Z in the editor brings the last program back
    this.kept();
    this.onChange();
  }

  /** "Reset to the starter": the starter the program came from, else the section's own. */
  reset() {
    const s = (this.cameFrom && starterById(this.cameFrom)) || (this.home.starter && starterById(this.home.starter));
    this.open(s || this.home.source);
    this.focus();
  }

  /** Keeps the program as it now is (localStorage, per page: your-code.js). */
  kept() {
    if (!this.keep) return;
    this.keep.save(this.source, this.cameFrom);
    if (this.keep.blocked && !this.keepNote.textContent) {
      this.keepNote.textContent = NOT_KEPT;
    }
  }

  focus() { this.editor.focus(); }

  /**
   * Shows Tokio's transcript when the source is, byte for byte, a corpus program (tests/programs: the
   * oracle's `source_fnv`; nothing is normalised, so an edited program is no longer claimed), and
   * nothing otherwise. Rebuilt only when the match changes, so an open panel stays open while typing.
   */
  updateVerdict() {
    const fnv = fnv1a64(this.source);
    const key = CORPUS_KEYS.has(fnv) ? fnv : null;
    if (key === this.verdictFor) return;
    this.verdictFor = key;
    this.verdictSlot.replaceChildren();
    if (!key) return;
    loadCorpus().then((c) => {
      if (this.verdictFor === key) this.verdictSlot.replaceChildren(verdictPanel([{ transcript: c[key] }]));
    }, (err) => {
      // A host that did not copy corpus.js beside code.js: no panel, and nothing else breaks.
      console.warn(`async-playground: Tokio's transcripts could not be loaded: ${err && err.message ? err.message : err}`);
    });
  }

  get running() { return this.session.running; }

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

  /** Checks the program, shows its errors and warnings, and runs it if it has no error. */
  async run() {
    if (this.crashed) return;
    const source = this.source;
    let api;
    try {
      api = await this.interp;
    } catch (err) {
      this.fail(`Your code cannot run: ${err.message}`);
      return;
    }
    const diagnostics = this.check(api, source);
    this.showDiagnostics(diagnostics);
    const errors = diagnostics.filter((d) => d.level === 'error').length;
    this.error.hidden = true;
    if (errors) {
      this.session.release();
      this.setRunning(false);
      this.status.textContent = `The program has ${errors === 1 ? 'an error' : `${errors} errors`} (below the editor), so it did not run.`;
      this.happened.textContent = lessonWord(diagnostics);
      return;
    }
    this.refused = null;
    const speed = this.getSpeed();
    await this.session.run({
      ready: this.interp,
      start: (interp, onEvent) => {
        try {
          return interp.runCode(source, speed, seed(), onEvent);
        } catch (err) {
          // Refused before it started (a limit, such as the source's size): its diagnostics say why.
          if (Array.isArray(err)) this.refused = [...diagnostics, ...err];
          throw err;
        }
      },
      meta: { label: 'Your code', plan: { speed }, source },
    });
  }

  /**
   * "Open a saved run": puts its program in the editor and shows the run in the same views, running
   * nothing. A file that is not a run of Your code gets a sentence instead, and the last run stays.
   */
  async openRun(text, name) {
    const [{ parseRun }, views] = await Promise.all([loadLater(), this.views.load()]);
    const r = parseRun(text, { variants: new Set(DEMOS.flatMap((d) => d.variants.map((v) => v.id))) });
    if (!r.ok) {
      views.keep.refuse(`${name}: ${r.error}`);
      return;
    }
    const { program, events, hidden, stalled } = r.run;
    if (program.code === undefined) {
      views.keep.refuse(`${name} is a run of the “${demoById(program.demo).title}” demo: open it there.`);
      return;
    }
    // Only a label here: nothing runs, so the speed it ran at is only told, not used.
    const speed = Number.isFinite(program.params.speed) && program.params.speed > 0 ? Math.round(program.params.speed * 1000) : 1000;
    this.open(program.code);
    this.session.load({ events, hidden, stalled, meta: { label: 'Your code', plan: { speed }, source: program.code, file: name } });
  }

  // ---- RunSession listener: the section's own chrome ----

  begin(model, meta) {
    this.measured.textContent = '';
    this.happened.textContent = '';
    this.error.hidden = true;
    this.loaded = meta && meta.loaded ? meta : null;
    if (!this.loaded) this.setRunning(true);
  }

  end(model) {
    this.setRunning(false);
    this.measured.textContent = model.state === 'done' ? `Measured: the run took ${ms(model.endT)}.`
      : model.state === 'stopped' ? `Stopped after ${ms(model.endT)}.` : '';
    const said = model.state === 'crashed' ? '' : `What just happened? ${summary(model)}`;
    this.happened.textContent = said;
    // The lints' sentences, once the views have them (they find them when the run ends; the first
    // run's end may come before later.js is in).
    if (said) {
      this.views.lintsOf(model).then((lints) => {
        if (lints.length && this.session.model === model) this.happened.textContent = [said, ...lints.map((l) => l.sentence)].join(' ');
      });
    }
    if (this.loaded) {
      this.status.textContent = `Showing the saved run in ${this.loaded.file}: nothing was run again. Press Run to run the program now.`;
      this.measured.textContent = this.measured.textContent.replace(/^Measured:/, 'Measured when it was recorded:');
    }
  }

  /** The interpreter itself panicked (a bug, never the program's own panic): this wasm is unusable now. */
  crash(model, message) {
    this.crashed = true;
    this.runButton.disabled = true;
    this.fail(`The interpreter crashed — reload the page to use Your code again; the demos still work. (${message})`);
  }

  fail(message) {
    if (this.refused) {
      this.showDiagnostics(this.refused);
      this.refused = null;
      this.setRunning(false);
      this.status.textContent = 'The program did not start (see below the editor).';
      return;
    }
    this.setRunning(false);
    this.error.textContent = message;
    this.error.hidden = false;
    this.status.textContent = 'Not running.';
  }

  setRunning(on) {
    this.stopButton.disabled = !on;
    if (on) this.status.textContent = `Running at ${speedLabel(this.getSpeed())}… Press Stop, or Run to restart.`;
    else if (this.session.model) {
      this.status.textContent = this.session.model.state === 'stopped' ? 'Stopped.' : 'Finished. Run again, or step through the events below.';
    }
  }

  destroy() {
    this.session.destroy();
    this.views.destroy();
    this.editor.destroy();
  }
}

/**
 * "What just happened?" for a program rustc refuses with an error the lesson (Tokio's tutorial,
 * "Spawning") has a word for: one sentence, pointing at the line. Empty for the others: their
 * rustc message says it.
 */
function lessonWord(diagnostics) {
  const d = diagnostics.find((x) => x.level === 'error');
  if (!d) return '';
  const at = `line ${d.line}`;
  if (d.code === 'E0373') {
    return `What just happened? rustc refused to run it: the spawned task may outlive the function that started it, but it borrows a local at ${at}. A task spawned with tokio::spawn must own its data ('static): add move, so that the task takes ownership of what it uses.`;
  }
  if (/cannot be sent between threads safely/.test(d.message)) {
    return `What just happened? rustc refused to run it: tokio::spawn may move a task to another thread at any .await, so everything it holds across an .await must be Send, and the value at ${at} is not (an Rc, a RefCell borrow or a std MutexGuard). Drop it before the .await, or use Arc or tokio::sync::Mutex.`;
  }
  if (d.code === 'E0597') {
    return `What just happened? rustc refused to run it: the value borrowed at ${at} is dropped when the function returns, while the spawned task may still use it. Move it into the task instead.`;
  }
  return '';
}

/** "What just happened?" for any program: how long, and how each future's life ended. */
function summary(model) {
  const count = new Map();
  for (const f of model.futures.values()) count.set(f.ending, (count.get(f.ending) || 0) + 1);
  const endings = [ENDINGS.ready, ENDINGS.pending, ENDINGS.never].filter((e) => count.get(e)).map((e) => `${count.get(e)} ${e}`);
  const n = model.futures.size;
  const drops = model.drops.length
    ? ` Drop ran ${model.drops.length === 1 ? 'once' : `${model.drops.length} times`}: ${model.drops.map((d) => `${d.text} at ${ms(d.t)}`).join(', ')}.`
    : '';
  return `The run took ${ms(model.endT)}; ${n === 1 ? '1 future' : `${n} futures`} took part${endings.length ? ` (${endings.join(', ')})` : ''}.${drops}`;
}
