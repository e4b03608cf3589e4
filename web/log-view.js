// The demo's output: one list item per printed line, "+N ms" then the lesson's words. A polite live
// region, so a screen reader hears each new line once, with its time.
import { h } from './dom.js';
import { stamp } from './model.js';

export class LogView {
  constructor(label) {
    // The live region wraps the list (a role on the <ol> itself would hide its list semantics).
    this.list = h('ol');
    this.el = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': label }, this.list);
  }

  clear() { this.list.replaceChildren(); }

  line(tUs, text, cls) {
    const li = h('li', { class: cls || null }, h('span', { class: 't' }, stamp(tUs)), ' ', h('span', { class: 'msg' }, text));
    this.list.append(li);
    return li;
  }
}
