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

export class YourCode {
  /**
   * @param {object} o
   * @param {string} o.source       the program shown first
   * @param {string|null} o.starter its starter id, if it is one
   * @param {() => number} o.speed  the speed, in thousandths
   * @param {string} [o.id]         the section's id
   * @param {Document|ShadowRoot} [o.root]  where it lives (an element's shadow root)
   * @param {() => void} [o.onChange]
   */
  constructor(o) {
    this.o = o;
    this.view = null;
    this.loading = null;
    const headingId = nextId('h-code');
    this.heading = h('h2', { id: headingId, tabindex: '-1' }, TITLE);
    this.placeholder = h('pre', { class: 'code placeholder', tabindex: '0', 'aria-label': 'Rust code (loading the editor)' }, o.source);
    this.body = h('div', { class: 'code-body' },
      h('p', { class: 'status', 'aria-live': 'polite' }, 'The editor loads when you get here…'), this.placeholder);
    this.el = h('section', { class: 'your-code', id: o.id || null, 'aria-labelledby': headingId },
      this.heading, this.body);
    // Load on the first sign of interest: near the viewport, a pointer or focus inside.
    const load = () => this.load();
    this.el.addEventListener('pointerdown', load, { once: true });
    this.el.addEventListener('focusin', load, { once: true });
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) load();
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
  async open({ starter = null, source = null, encoded = null }, { scroll = false } = {}) {
    if (scroll) this.el.scrollIntoView({ block: 'start' });
    // ?code= and the element's code attribute: base64url, decoded by code.js (throws a sentence).
    if (encoded !== null) source = (await loadCodeModule()).decodeCode(encoded);
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
    if (this.view) this.view.destroy();
  }
}
