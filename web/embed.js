// <async-playground demo="join" user="3000" product="1000" speed="1">: one demo, in an open shadow
// root, for course sites. Every element on a page shares one wasm instance; each has its own runs.
import { rust, tokio } from 'virtual:sources';
import css from './styles.css';
import { h } from './dom.js';
import { demoById } from './demos.js';
import { DemoView } from './demo-view.js';
import { loadWasm } from './wasm.js';
import { DEFAULTS, readParams } from './params.js';

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
  static observedAttributes = ['demo', 'user', 'product', 'speed'];

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

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'demo' || !this.view) this.render();
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
    this.view = new DemoView({
      demo, sources: { rust, tokio }, wasm: this.wasm, speed: () => this.speed,
      durations: { user: values.user, product: values.product },
    });
    this.notices = notices;
    this.shadowRoot.replaceChildren(h('div', { class: 'embed' }, notices, this.view.el));
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
    this.view.setDurations({ user: values.user, product: values.product });
  }
}

if (!customElements.get('async-playground')) customElements.define('async-playground', AsyncPlayground);
