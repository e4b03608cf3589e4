// The demo's output: one list item per printed line, "+N ms" then the lesson's words. A polite live
// region, so a screen reader hears each new line once, with its time.
import { h } from './dom.js';
import { stamp } from './model.js';

export class LogView {
  constructor(label) {
    this.el = h('ol', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': label });
  }

  clear() { this.el.replaceChildren(); }

  line(tUs, text, cls) {
    const li = h('li', { class: cls || null }, h('span', { class: 't' }, stamp(tUs)), ' ', h('span', { class: 'msg' }, text));
    this.el.append(li);
    return li;
  }
}
