// Owns: the timeline's text alternative, one row per future (or per name, for huge runs, by the
// same grouping as the timeline: RunModel.rows()), with real headers and a caption. Screen reader
// users and the tests read this, so it is kept current on events, visible or not; only rows touched
// by new events are rewritten, and a cell is written only when its text changed.
//
// Once a run is over, setStats() fills the statistics (stats.js: busy, scheduled, idle, longest
// poll), the lint badges (lints.js) and each row's hover text; showAt() shows the run as it was at an
// instant of the time slider (replay.js), and showAt(model, null) the finished run again.
import { h } from './dom.js';
import { ms } from './model.js';
import { STATS, entryId, followEntry } from './glossary.js';
import { duration, statsTitle, sumStats } from './stats.js';
import { LINTS } from './lints.js';

const LIVE = ['Future', 'Created at', 'First poll', 'Polls', 'Wakes', 'Ended at', 'How it ended'];
/** Filled once the run is over (or at the slider's instant): they need the whole run to be measured. */
const LATER = [...STATS.filter((s) => s.key !== 'polls' && s.key !== 'wakes').map((s) => s.label), 'Warnings'];
const COLUMNS = [...LIVE, ...LATER];
const STAT_KEYS = ['busy', 'scheduled', 'idle', 'longest'];

/**
 * A column's header: a statistic's says what it means (its hover text and accessible description)
 * and links to its entry in the glossary (glossary.js), which is printed once, not under every table.
 */
function header(label) {
  const stat = STATS.find((s) => s.label === label);
  if (!stat) return h('th', { scope: 'col' }, label);
  const id = entryId(stat.key);
  return h('th', { scope: 'col', title: stat.definition },
    h('a', { href: `#${id}`, 'data-glossary': id }, label));
}

export class TableView {
  constructor(caption) {
    this.tbody = h('tbody');
    this.table = h('table', { class: 'futures' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, COLUMNS.map(header))),
      this.tbody);
    this.table.addEventListener('click', followEntry);
    // Twelve columns scroll sideways at embed and phone widths: the scrolling box is reachable by
    // keyboard (Tab, then the arrow keys) and named after the table.
    this.el = h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, this.table);
    this.clear();
  }

  clear() {
    this.tbody.replaceChildren();
    this.trs = new Map(); // row (a life or a Group of the model) → <tr>
    this.seen = 0;
    this.grouped = false;
    this.current = null;
    this.stats = null; // the finished run's (setStats), to come back to from the slider
    this.lints = null;
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
      write(tr, row.isGroup ? groupValues(row, model) : lifeValues(row, model));
    }
  }

  /**
   * The finished run's statistics (`stats`: id → futureStats entry) and lints (`lints`: id → keys)
   * in the columns after "How it ended", and each row's hover text.
   */
  setStats(model, stats, lints) {
    this.stats = stats;
    this.lints = lints;
    for (const [row, tr] of this.trs) {
      const ids = idsOf(row);
      const list = ids.map((id) => stats.get(id)).filter(Boolean);
      const s = list.length === 1 ? list[0] : { name: `${list[0]?.name ?? ''} ×${list.length}`, ...sumStats(list) };
      const keys = ids.flatMap((id) => lints.get(id) || []);
      writeLater(tr, s, keys, ids.length > 1);
    }
  }

  /**
   * The run as it was at the slider's instant: `state` from Replay.stateAt, `stats` the statistics
   * up to then, `lints` the lints found by then (id → keys). A null state shows the finished run.
   */
  showAt(model, state, stats, lints) {
    if (!state) {
      this.attach([...this.trs.values()]);
      this.sync(model, true);
      if (this.stats) this.setStats(model, this.stats, this.lints);
      return;
    }
    const shown = [];
    for (const [row, tr] of this.trs) {
      const ids = idsOf(row).filter((id) => state.futures.has(id));
      if (ids.length === 0) continue; // not created yet: no row, as during the run
      shown.push(tr);
      const list = ids.map((id) => stats.get(id));
      const keys = ids.flatMap((id) => lints.get(id) || []);
      if (ids.length === 1) {
        const s = list[0];
        const f = state.futures.get(ids[0]);
        write(tr, [f.name, ms(f.created), s.polls ? ms(model.futures.get(ids[0]).firstPoll) : '—', String(s.polls), String(s.wakes),
          s.end === null ? '—' : ms(s.end), f.words]);
        writeLater(tr, s, keys, false);
      } else {
        const words = new Map();
        for (const id of ids) { const w = state.futures.get(id).words; words.set(w, (words.get(w) || 0) + 1); }
        const sum = sumStats(list);
        let created = Infinity;
        let first = Infinity;
        let last = -Infinity;
        for (const [j, id] of ids.entries()) {
          const fp = model.futures.get(id).firstPoll;
          if (list[j].polls && fp < first) first = fp;
          if (list[j].created < created) created = list[j].created;
          if (list[j].end !== null && list[j].end > last) last = list[j].end;
        }
        write(tr, [`${list[0].name} ×${ids.length}`, ms(created), first === Infinity ? '—' : ms(first),
          String(sum.polls), String(sum.wakes), last === -Infinity ? '—' : `last at ${ms(last)}`,
          [...words].map(([w, n]) => `${n} ${w}`).join(', ')]);
        writeLater(tr, { name: `${list[0].name} ×${ids.length}`, ...sum }, keys, true);
      }
    }
    this.attach(shown);
  }

  /** Puts exactly these rows (in this order) in the table, touching the DOM only if they changed. */
  attach(trs) {
    const now = this.tbody.children;
    if (now.length === trs.length && trs.every((tr, i) => now[i] === tr)) return;
    this.tbody.replaceChildren(...trs);
  }

  /** Highlights the row of the step-through's current future (null: none). */
  setCurrent(model, future) {
    if (this.current) { this.current.classList.remove('current'); this.current.removeAttribute('aria-current'); }
    this.current = future === null ? null : this.trs.get(model.rowOf(future)) || null;
    if (this.current) { this.current.classList.add('current'); this.current.setAttribute('aria-current', 'true'); }
  }
}

/** The ids of the futures a row shows (a row is a life or a Group: model.js rows()). */
function idsOf(row) {
  return row.isGroup ? row.lives.map((f) => f.id) : [row.id];
}

function write(tr, values) {
  values.forEach((v, i) => { const cell = tr.cells[i]; if (cell.textContent !== v) cell.textContent = v; });
}

/** The statistics cells, the badges, and the row's hover text. */
function writeLater(tr, s, keys, grouped) {
  STAT_KEYS.forEach((k, j) => {
    const cell = tr.cells[LIVE.length + j];
    const v = duration(s[k]);
    if (cell.textContent !== v) cell.textContent = v;
  });
  const counts = new Map();
  for (const k of keys) counts.set(k, (counts.get(k) || 0) + 1);
  const badges = [...counts].map(([k, n]) => h('span', { class: `badge lint-${k}`, title: LINTS[k].title }, grouped && n > 1 ? `${n} ${LINTS[k].badge}` : LINTS[k].badge));
  const cell = tr.cells[COLUMNS.length - 1];
  const text = badges.map((b) => b.textContent).join(', ');
  if (cell.textContent !== text) cell.replaceChildren(...badges.flatMap((b, i) => (i ? [', ', b] : [b])));
  tr.title = [statsTitle(s), ...[...counts.keys()].map((k) => `${LINTS[k].badge}: ${LINTS[k].title}`)].join(' ');
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
