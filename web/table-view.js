// Owns: the timeline's text alternative, one row per future (or per name, for huge runs, by the
// same grouping as the timeline: RunModel.rows()), with real headers and a caption. Screen reader
// users and the tests read this, so it is kept current on events, visible or not; only rows touched
// by new events are rewritten, and a cell is written only when its text changed.
import { h } from './dom.js';
import { ms } from './model.js';

const COLUMNS = ['Future', 'Created at', 'First poll', 'Polls', 'Wakes', 'Ended at', 'How it ended'];

export class TableView {
  constructor(caption) {
    this.tbody = h('tbody');
    this.el = h('table', { class: 'futures' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
      this.tbody);
    this.clear();
  }

  clear() {
    this.tbody.replaceChildren();
    this.trs = new Map(); // row (a life or a Group of the model) → <tr>
    this.seen = 0;
    this.grouped = false;
    this.current = null;
  }

  /** Rewrites the rows that events since the last call touched (all of them if `all`). */
  sync(model, all = false) {
    if (model.grouped !== this.grouped) {
      // 10,000 rows become one per name: start over.
      this.tbody.replaceChildren();
      this.trs = new Map();
      this.grouped = model.grouped;
      all = true;
    }
    const rows = new Set();
    if (all) for (const r of model.rows()) rows.add(r);
    else for (let i = this.seen; i < model.size; i++) { const r = model.rowOf(model.fids[i]); if (r) rows.add(r); }
    this.seen = model.size;
    for (const row of rows) {
      let tr = this.trs.get(row);
      if (!tr) {
        tr = h('tr', {}, h('th', { scope: 'row' }), ...COLUMNS.slice(1).map(() => h('td')));
        this.trs.set(row, tr);
        this.tbody.append(tr);
      }
      const values = row.isGroup ? groupValues(row, model) : lifeValues(row, model);
      values.forEach((v, i) => { const cell = tr.cells[i]; if (cell.textContent !== v) cell.textContent = v; });
    }
  }

  /** Highlights the row of the step-through's current future (null: none). */
  setCurrent(model, future) {
    if (this.current) { this.current.classList.remove('current'); this.current.removeAttribute('aria-current'); }
    this.current = future === null ? null : this.trs.get(model.rowOf(future)) || null;
    if (this.current) { this.current.classList.add('current'); this.current.setAttribute('aria-current', 'true'); }
  }
}

function lifeValues(f, model) {
  const ending = f.ending ?? (model.state === 'running' ? (f.firstPoll === null ? 'not polled yet' : 'pending') : '—');
  return [f.name, ms(f.created), f.firstPoll === null ? '—' : ms(f.firstPoll), String(f.polls.length),
    String(f.wakes.length), f.end === null ? '—' : ms(f.end), ending];
}

function groupValues(g, model) {
  if (g.n === 1) return lifeValues(g.lives[0], model);
  return [`${g.name} ×${g.n}`, ms(g.created), g.firstPoll === null ? '—' : ms(g.firstPoll), String(g.polls), String(g.wakes),
    g.lastEnd === null ? '—' : `last at ${ms(g.lastEnd)}`,
    g.over ? g.ending : [...[...g.endings].map(([e, n]) => `${n} ${e}`), `${g.n - g.ended} still alive`].join(', ')];
}
