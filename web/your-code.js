// The "Your code" section as the first load has it: a heading, a sentence and the program as plain
// text. The editor and the interpreter (code.js and its wasm, together several times the page's first
// load) are fetched when the section comes near the viewport, is touched, or is asked for (an Edit
// button, ?code=), then build the section's body in place.
import { h, nextId } from './dom.js';

export const TITLE = 'Your code: run your own Tokio program';

let module = null;
/** Imports code.js once, from beside this script, so any folder or host works. */
export function loadCodeModule() {
  if (!module) {
    module = import(new URL('./code.js', import.meta.url).href).catch((err) => {
      module = null;
      throw err;
    });
  }
  return module;
}

/**
 * The learner's program kept in localStorage under `key` as it is edited, with the starter it came
 * from: `{ source, starter }`. Each page (and each element of a page) has its own key. Storage may be
 * blocked (a sandboxed frame, a privacy setting): then `blocked` is true, nothing is kept, nothing throws.
 */
export class KeptProgram {
  constructor(key) {
    this.key = key;
    this.blocked = false;
    this.value = null;
    try {
      const v = JSON.parse(localStorage.getItem(key) || 'null');
      if (v && typeof v.source === 'string') this.value = { source: v.source, starter: typeof v.starter === 'string' ? v.starter : null };
    } catch (err) {
      // A SecurityError (storage blocked) means nothing can be kept; a damaged entry is just ignored.
      if (!(err instanceof SyntaxError)) this.blocked = true;
    }
  }

  save(source, starter) {
    if (this.blocked) return;
    this.value = { source, starter };
    try {
      localStorage.setItem(this.key, JSON.stringify(this.value));
    } catch {
      this.blocked = true; // blocked, or full: say so rather than pretend
    }
  }
}

/** 32-bit FNV-1a of `text`, in hex: tells apart the keys of elements with different programs. */
export function hash32(text) {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return x.toString(16);
}

export class YourCode {
  /**
   * @param {object} o
   * @param {string} o.source       the program shown first
   * @param {string|null} o.starter its starter id, if it is one
   * @param {() => number} o.speed  the speed, in thousandths
   * @param {string} [o.id]         the section's id
   * @param {Document|ShadowRoot} [o.root]  where it lives (an element's shadow root)
   * @param {() => void} [o.onChange]
   * @param {string} [o.keep]  the localStorage key the program is kept under as it is edited; what is
   *   kept there is shown instead of `source` (the starter, which "Reset to the starter" brings back)
   */
  constructor(o) {
    this.o = o;
    this.view = null;
    this.loading = null;
    this.keeper = o.keep ? new KeptProgram(o.keep) : null;
    /** What was kept from an earlier visit (null: nothing), shown in place of the starter. */
    this.kept = this.keeper && this.keeper.value;
    if (this.kept) this.pending = { source: this.kept.source, starter: this.kept.starter };
    const headingId = nextId('h-code');
    this.heading = h('h2', { id: headingId, tabindex: '-1' }, TITLE);
    this.placeholder = h('pre', { class: 'code placeholder', tabindex: '0', 'aria-label': 'Rust code (loading the editor)' }, this.pending ? this.pending.source : o.source);
    this.body = h('div', { class: 'code-body' },
      h('p', { class: 'status', 'aria-live': 'polite' }, 'The editor loads when you get here…'), this.placeholder);
    this.el = h('section', { class: 'your-code', id: o.id || null, 'aria-labelledby': headingId },
      this.heading, this.body);
    // Load on the first sign of interest: near the viewport, a pointer or focus inside.
    const load = () => this.load();
    this.el.addEventListener('pointerdown', load, { once: true });
    this.el.addEventListener('focusin', load, { once: true });
    if (typeof IntersectionObserver === 'function') {
      // Coming near the viewport is a guess, not a use: while a demo on the page runs, the guess waits.
      // Compiling code.js and the interpreter's wasm takes the main thread for tens of ms, and a run's
      // timers would fire that much late (a first run's lines, scrolled past on the way here).
      const whenCalm = () => {
        if (this.loading) return;
        if (document.querySelector('.demo.is-running')) this.calmTimer = setTimeout(whenCalm, 250);
        else load();
      };
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) whenCalm();
      }, { rootMargin: '600px 0px' });
      this.observer.observe(this.el);
    }
  }

  /** Builds the editor and the rest (once); resolves to the CodeView. */
  load() {
    if (!this.loading) {
      if (this.observer) this.observer.disconnect();
      performance.mark('async-playground:code-start');
      this.loading = loadCodeModule().then((m) => {
        const source = this.pending?.source ?? this.o.source;
        const starter = this.pending ? this.pending.starter : this.o.starter;
        this.view = new m.CodeView({
          body: this.body, source, starter, speed: this.o.speed, title: 'Your code', root: this.o.root, onChange: this.o.onChange,
          keep: this.keeper, home: { source: this.o.source, starter: this.o.starter },
        });
        this.pending = null;
        return m.loadInterp().then(() => {
          performance.measure('async-playground:code', 'async-playground:code-start');
          return this.view;
        }, () => this.view);
      }, (err) => {
        this.body.firstChild.textContent = `The editor could not be loaded: ${err && err.message ? err.message : err}. The program is shown as text.`;
        this.body.firstChild.classList.add('error');
        throw err;
      });
    }
    return this.loading;
  }

  /**
   * Opens a program in the editor: `{ starter: id }` (a starter program, e.g. a demo's Tokio original)
   * or `{ source }` or `{ encoded }` (base64url). Never runs it. With `scroll`, brings the section into view and focuses the editor.
   */
  async open({ starter = null, source = null, encoded = null }, { scroll = false, home = false } = {}) {
    if (scroll) this.el.scrollIntoView({ block: 'start' });
    // ?code= and the element's code attribute: base64url, decoded by code.js (throws a sentence).
    if (encoded !== null) source = (await loadCodeModule()).decodeCode(encoded);
    if (home) {
      // The element's own program (its code attribute, or the demo whose Edit was pressed): the starter
      // that Reset brings back. What was kept from an earlier visit wins over it; a ?code= link (not
      // `home`) wins over what was kept.
      this.o.source = source ?? '';
      this.o.starter = starter;
      if (this.view) this.view.home = { source: this.o.source, starter };
      if (this.kept) return this.load();
    }
    if (source !== null && !this.view) {
      this.pending = { source, starter: null };
      this.placeholder.textContent = source;
    }
    const view = await this.load();
    if (starter) {
      const s = (await loadCodeModule()).starterById(starter);
      if (s) view.open(s);
    } else if (source !== null) {
      view.open(source);
    }
    if (scroll) {
      this.el.scrollIntoView({ block: 'start' });
      view.focus();
    }
    return view;
  }

  /** The program now in the editor (or the one about to be). */
  get source() { return this.view ? this.view.source : (this.pending?.source ?? this.o.source); }

  destroy() {
    if (this.observer) this.observer.disconnect();
    clearTimeout(this.calmTimer);
    if (this.view) this.view.destroy();
  }
}
