// <async-playground demo="join" user="3000" product="1000" speed="1">: one demo, in an open shadow
// root, for course sites. Every element on a page shares one wasm instance; each has its own runs.
//
// With a program, the element is "Your code" instead: the editor, Run and the views, with that program.
// The program is the text of a child <pre><code> (where the HTML parser has already turned &lt; and
// &amp; back into < and &; the child itself is never shown once the element runs, and is what readers
// see without JavaScript), or the `code` attribute (base64url, as ?code=). A program wins over `demo`,
// `user` and `product`; `speed` applies to both forms.
import { rust, tokio, verdictIds } from 'virtual:sources';
import css from './styles.css';
import { h } from './dom.js';
import { demoById } from './demos.js';
import { DemoView } from './demo-view.js';
import { loadWasm, warmUp } from './wasm.js';
import { DEFAULTS, readParams } from './params.js';
import { YourCode, hash32 } from './your-code.js';

let sheet = null;
function styles() {
  // A constructable stylesheet: no <style> text in the page, so it passes a strict CSP.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

export class AsyncPlayground extends HTMLElement {
  static observedAttributes = ['demo', 'user', 'product', 'speed', 'code'];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styles()];
    this.view = null;
    this.speed = DEFAULTS.speed;
    this.wasm = loadWasm();
    this.generation = 0;
  }

  connectedCallback() { this.render(); }

  disconnectedCallback() {
    // Removing the element stops its run: timers cleared, nothing writes into a detached node.
    this.generation++;
    if (this.view) this.view.destroy();
    this.view = null;
  }

  /** The program a course author put in the element, if any: its `<pre><code>` child's text. */
  program() {
    const code = this.querySelector(':scope > pre > code, :scope > code, :scope > pre');
    return code ? dedent(code.textContent) : null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'demo') this.editing = null;
    if (name === 'demo' || name === 'code' || !this.view) this.render();
    else this.applyParams();
  }

  async render() {
    const generation = ++this.generation;
    if (this.view) this.view.destroy();
    this.view = null;
    const notices = h('div', { class: 'notices' });
    let api = null;
    try {
      api = await this.wasm;
    } catch (err) {
      notices.append(h('p', { class: 'error' }, `The demo cannot run: ${err.message}`));
    }
    if (generation !== this.generation || !this.isConnected) return;
    const { values, errors } = api ? this.params(api) : { values: { ...DEFAULTS, demo: null }, errors: [] };
    for (const message of errors) notices.append(h('p', { class: 'error' }, message));
    const demo = demoById(values.demo || 'join');
    this.speed = values.speed;
    this.notices = notices;
    const program = this.program();
    const encoded = this.getAttribute('code');
    if (program !== null || encoded !== null || this.editing) {
      // The program is kept as it is edited, per page and per element: the element's id (or its place
      // among the page's elements) and its own program, so elements with other programs never share.
      const index = [...document.querySelectorAll('async-playground')].indexOf(this);
      const own = program ?? (encoded !== null ? `code=${encoded}` : `demo=${this.editing}`);
      const keep = `async-playground:code:${location.pathname}:${this.id || index}:${hash32(own)}`;
      this.view = new YourCode({ source: program ?? '', starter: null, speed: () => this.speed, root: this.shadowRoot, keep });
      if (encoded !== null && program === null) {
        this.view.open({ encoded }, { home: true }).catch((err) => notices.append(h('p', { class: 'error' }, err.message)));
      } else if (this.editing) {
        this.view.open({ starter: this.editing }, { home: true });
      }
    } else {
      this.view = new DemoView({
        demo, sources: { rust, tokio, verdictIds }, wasm: this.wasm, speed: () => this.speed,
        durations: { user: values.user, product: values.product },
      });
      // Edit turns this element into "Your code" with the demo's Tokio program.
      const edit = h('button', { type: 'button', class: 'edit' }, 'Edit as a Tokio program');
      edit.addEventListener('click', () => {
        this.editing = demo.id;
        this.render().then(() => this.view.heading.focus());
      });
      this.view.el.querySelector('.source').append(edit);
    }
    // The statistics' definitions, once in this element (its table's headers link here): put in by
    // its first table shown (glossary.js placeGlossary).
    this.shadowRoot.replaceChildren(h('div', { class: 'embed' }, notices, this.view.el, h('div', { class: 'glossary-slot' })));
    // A first run's compiles, done while the page is idle (once per page: wasm.js).
    if (api) warmUp();
  }

  params(api) {
    return readParams(api.check, {
      demo: this.getAttribute('demo'), user: this.getAttribute('user'),
      product: this.getAttribute('product'), speed: this.getAttribute('speed'),
    });
  }

  async applyParams() {
    const api = await this.wasm;
    if (!this.view) return;
    const { values, errors } = this.params(api);
    this.notices.replaceChildren(...errors.map((m) => h('p', { class: 'error' }, m)));
    // A run in flight keeps the settings it started with; say so rather than change it silently.
    if (this.view.running) this.notices.append(h('p', { class: 'note' }, 'New settings apply to the next run.'));
    this.speed = values.speed;
    if (this.view.setDurations) this.view.setDurations({ user: values.user, product: values.product });
  }
}

/** The program as the author wrote it, without the indentation the HTML around it added. */
function dedent(text) {
  const lines = text.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n') + '\n';
}

if (!customElements.get('async-playground')) customElements.define('async-playground', AsyncPlayground);
