// The timeline's text alternative: one row per future, with real headers and a caption. Screen
// reader users and the tests read this.
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
  }

  clear() { this.tbody.replaceChildren(); }

  render(model, currentFuture) {
    const futures = [...model.futures.values()];
    // A 10,000-future run gets a summary row per name, not 10,000 rows.
    const shown = futures.length > 200 ? summarize(futures) : futures.map((f) => row(f, model));
    this.tbody.replaceChildren(...shown.map((cells) => {
      const current = currentFuture !== null && cells.ids.includes(currentFuture);
      const tr = h('tr', { class: current ? 'current' : null, 'aria-current': current ? 'true' : null });
      cells.values.forEach((v, i) => tr.append(i === 0 ? h('th', { scope: 'row' }, v) : h('td', {}, v)));
      return tr;
    }));
  }
}

function row(f, model) {
  const ending = f.ending ?? (model.state === 'running' ? (f.firstPoll === null ? 'not polled yet' : 'pending') : '—');
  return {
    ids: [f.id],
    values: [f.name, ms(f.created), f.firstPoll === null ? '—' : ms(f.firstPoll), String(f.polls.length),
      String(f.wakes.length), f.end === null ? '—' : ms(f.end), ending],
  };
}

function summarize(futures) {
  const groups = new Map();
  for (const f of futures) {
    const g = groups.get(f.name) || { ids: [], n: 0, polls: 0, wakes: 0, created: Infinity, first: Infinity, end: -Infinity, endings: new Map() };
    g.ids.push(f.id);
    g.n += 1; g.polls += f.polls.length; g.wakes += f.wakes.length;
    g.created = Math.min(g.created, f.created);
    if (f.firstPoll !== null) g.first = Math.min(g.first, f.firstPoll);
    if (f.end !== null) g.end = Math.max(g.end, f.end);
    const e = f.ending ?? 'still alive';
    g.endings.set(e, (g.endings.get(e) || 0) + 1);
    groups.set(f.name, g);
  }
  return [...groups.entries()].map(([name, g]) => ({
    ids: g.ids,
    values: [g.n > 1 ? `${name} ×${g.n}` : name, ms(g.created), g.first === Infinity ? '—' : ms(g.first), String(g.polls), String(g.wakes),
      g.end === -Infinity ? '—' : `${g.n > 1 ? 'last at ' : ''}${ms(g.end)}`,
      g.n > 1 ? [...g.endings.entries()].map(([e, n]) => `${n} ${e}`).join(', ') : [...g.endings.keys()][0]],
  }));
}
