// Owns: a run's output, one list item per line, "+N ms" then the words. A polite live region, so a
// screen reader hears each new line once, with its time. Lines are appended as they arrive (never
// redrawn); the list is cleared when a run begins.
//
// As a session listener it shows, for each event: printed lines (Kind.Line), stderr lines
// (Kind.Stderr, class "stderr"), the playground's own sentences (Kind.Note, class "note") and the
// Stop sentence. Anything else can be added with line(tUs, text, cls).
import { h } from './dom.js';
import { K, stamp } from './model.js';

export class LogView {
  /**
   * @param {string} label   the log's accessible name ("Output of …")
   * @param {number} [lines] lines to reserve, so the layout does not jump as lines arrive
   */
  constructor(label, lines = 4) {
    // The live region wraps the list (a role on the <ol> itself would hide its list semantics).
    this.list = h('ol');
    this.el = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': label }, this.list);
    this.el.style.setProperty('--lines', lines);
    this.items = [];
  }

  clear() {
    this.list.replaceChildren();
    this.items = []; // [tUs, li], in the order printed (so in time order)
  }

  /** Appends one line; `cls` is null, "note" (the playground speaking) or "stderr". */
  line(tUs, text, cls) {
    const li = h('li', { class: cls || null }, h('span', { class: 't' }, stamp(tUs)), ' ', h('span', { class: 'msg' }, text));
    this.list.append(li);
    this.items.push([tUs, li]);
    return li;
  }

  /** Shows only the lines printed by instant `tUs` (the time slider); Infinity shows them all. */
  showUntil(tUs) {
    for (const [t, li] of this.items) {
      const hide = t > tUs;
      if (li.hidden !== hide) li.hidden = hide;
    }
  }

  // Session listener.
  begin() { this.clear(); }

  event(model, kind, future, t, text) {
    if (kind === K.Line) this.line(t, text ?? '');
    else if (kind === K.Stderr) this.line(t, text ?? '', 'stderr');
    else if (kind === K.Note) this.line(t, text ?? '', 'note');
    else if (kind === K.Stopped) this.line(t, 'Stopped: every future of this run was dropped.', 'note');
  }

  end(model) {
    if (model.hidden) {
      this.line(model.endT, 'Timings affected: the tab was in the background, where browsers slow timers down.', 'note');
    }
  }
}
