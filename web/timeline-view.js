// The live timeline: one row per future on a shared time axis, drawn as events arrive (redrawn at
// most once per animation frame). States are written in words beside the marks, never colour alone.
import { s } from './dom.js';
import { ENDINGS, ms } from './model.js';

const AXIS = 26;
/** Below this width (px) the name goes above the bar instead of beside it, so phones keep a usable axis. */
const NARROW = 560;
/** Above this many futures, rows with the same name are drawn as one aggregated row. */
const MAX_ROWS = 24;

function tickStep(spanMs) {
  for (const step of [10, 25, 50, 100, 250, 500, 1000, 2000, 5000, 10000, 30000, 60000]) {
    if (spanMs / step <= 8) return step;
  }
  return 120000;
}

/** Rows to draw: each future, or (for huge runs) one row per name, with the spread of its members. */
function rows(model) {
  const all = [...model.futures.values()];
  if (all.length <= MAX_ROWS) return all.map((f) => ({ ...f, count: 1 }));
  const groups = new Map();
  for (const f of all) {
    if (!groups.has(f.name)) groups.set(f.name, []);
    groups.get(f.name).push(f);
  }
  return [...groups.values()].map((members) => {
    if (members.length === 1) return { ...members[0], count: 1 };
    const first = members[0];
    const min = (xs) => xs.reduce((a, b) => Math.min(a, b), Infinity);
    const max = (xs) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
    const ended = members.filter((f) => f.end !== null);
    const endings = new Map();
    for (const f of ended) endings.set(f.ending, (endings.get(f.ending) || 0) + 1);
    const firstPolls = members.map((f) => f.firstPoll).filter((t) => t !== null);
    return {
      ...first,
      name: `${first.name} ×${members.length}`,
      count: members.length,
      ids: members.map((f) => f.id),
      created: min(members.map((f) => f.created)),
      firstPoll: firstPolls.length ? min(firstPolls) : null,
      end: ended.length === members.length ? max(ended.map((f) => f.end)) : null,
      ending: ended.length === members.length
        ? [...endings.entries()].map(([e, n]) => (endings.size > 1 ? `${n} ${e}` : e)).join(', ') : null,
      polls: [],
      wakes: [],
      // When members finished: drawn as a density strip instead of 10,000 marks.
      endTimes: ended.map((f) => f.readyAt ?? f.end),
      pendingSince: members.some((f) => f.pendingSince !== null) ? min(firstPolls) : null,
    };
  });
}

export class TimelineView {
  constructor(label) {
    this.svg = s('svg', { class: 'timeline', viewBox: `0 0 720 ${AXIS + 30}`, role: 'img', 'aria-label': label });
    this.el = this.svg;
    this.idsToRow = new Map();
  }

  clear() {
    this.svg.replaceChildren();
    this.svg.setAttribute('viewBox', `0 0 720 ${AXIS + 30}`);
  }

  /**
   * Draws `model` at time `nowUs` (the end for a finished run). `spanUs` is the axis length: at least
   * the predicted duration, so bars grow into a stable axis instead of rescaling every frame.
   */
  render(model, nowUs, spanUs, cursor) {
    const list = rows(model);
    // Draw at the element's real width, so text keeps its size instead of scaling with the box.
    const W = Math.max(280, Math.round(this.svg.getBoundingClientRect().width) || 720);
    const narrow = W < NARROW;
    const LABEL = narrow ? 18 : 150; // name column (on phones, room for the first tick's label)
    const END_TEXT = narrow ? 18 : 250; // room for "✗ dropped while pending at 1001 ms"
    const ROW = narrow ? 60 : 30;
    const span = Math.max(spanUs, nowUs, 50_000);
    const x = (t) => LABEL + (Math.min(t, span) / span) * (W - LABEL - END_TEXT);
    const height = AXIS + Math.max(list.length, 1) * ROW + 6;
    this.svg.setAttribute('viewBox', `0 0 ${W} ${height}`);
    const parts = [];

    // Axis with ticks in ms.
    const step = tickStep(span / 1000);
    const axisY = height - AXIS + 4;
    parts.push(s('line', { class: 'axis', x1: LABEL, x2: x(span), y1: axisY, y2: axisY }));
    for (let t = 0; t <= span / 1000 + 1e-9; t += step) {
      const tx = x(t * 1000);
      parts.push(s('line', { class: 'grid', x1: tx, x2: tx, y1: 0, y2: axisY }));
      parts.push(s('text', { class: 'tick', x: tx, y: axisY + 16, 'text-anchor': 'middle' }, t >= 1000 ? `${t / 1000} s` : `${t} ms`));
    }

    this.idsToRow.clear();
    list.forEach((f, i) => {
      const y = i * ROW + 6;
      const mid = narrow ? y + 46 : y + ROW / 2 - 3;
      (f.ids || [f.id]).forEach((id) => this.idsToRow.set(id, i));
      const g = s('g', { class: `row${cursor && this.idsToRow.get(cursor.future) === i ? ' current' : ''}` });
      g.append(s('rect', { class: 'row-bg', x: 0, y, width: W, height: ROW - 2 }));
      const nameText = s('text', { class: 'name', x: 6, y: narrow ? y + 13 : mid + 4 }, f.name);
      g.append(nameText);
      const endT = f.end ?? nowUs;
      // The life: a thin line from creation to drop.
      g.append(s('line', { class: 'life', x1: x(f.created), x2: Math.max(x(endT), x(f.created) + 1), y1: mid, y2: mid }));
      // Pending stretches (waiting, handed back to the event loop) and polls (running). Marks closer
      // than a pixel are merged, so a future polled 10,000 times costs at most one mark per pixel.
      let stretch = null;
      const flush = () => {
        if (stretch) {
          g.append(s('rect', { class: 'pending', x: stretch[0], y: mid - 6, width: Math.max(stretch[1] - stretch[0], 1), height: 12 },
            s('title', {}, `${f.name} pending: waiting, with the event loop free`)));
        }
        stretch = null;
      };
      f.polls.forEach((p, k) => {
        if (p.ready) return;
        const next = f.polls[k + 1];
        const [a, b] = [x(p.end), x(next ? next.start : (f.pollStart ?? f.end ?? nowUs))];
        if (stretch && a - stretch[1] < 1) stretch[1] = Math.max(stretch[1], b);
        else { flush(); stretch = [a, b]; }
      });
      flush();
      const columns = new Set();
      f.polls.forEach((p) => {
        const px = Math.round(x(p.start));
        const w = x(p.end) - x(p.start);
        if (w < 2 && columns.has(px)) return;
        columns.add(px);
        // Hover text for mouse users (the table below is the accessible alternative).
        g.append(s('rect', { class: 'running', x: px - 1, y: mid - 8, width: Math.max(w, 2), height: 16 },
          s('title', {}, `${f.name} polled at ${ms(p.start)} → ${p.ready ? 'Ready' : 'Pending'}`)));
      });
      const wakeColumns = new Set();
      f.wakes.forEach((t) => {
        const px = Math.round(x(t));
        if (wakeColumns.has(px)) return;
        wakeColumns.add(px);
        g.append(s('circle', { class: 'wake', cx: px, cy: mid - 10, r: 3.5 }, s('title', {}, `${f.name} woken at ${ms(t)}`)));
      });
      if (f.count > 1) {
        // An aggregated row: the span in which members were pending, and a strip of when they finished.
        const from = f.firstPoll ?? f.created;
        g.append(s('rect', { class: 'pending', x: x(from), y: mid - 6, width: Math.max(x(f.end ?? nowUs) - x(from), 1), height: 12 }));
        const bins = new Map();
        for (const t of f.endTimes) {
          const bx = Math.round(x(t));
          bins.set(bx, (bins.get(bx) || 0) + 1);
        }
        const most = Math.max(1, ...bins.values());
        for (const [bx, n] of bins) {
          const hgt = 3 + 11 * (n / most);
          g.append(s('rect', { class: 'running', x: bx - 0.5, y: mid + 6 - hgt, width: 1.5, height: hgt }));
        }
      }
      if (f.ending) {
        const ex = x(f.end);
        const ok = f.ending === ENDINGS.ready;
        const when = f.count > 1 ? '' : f.ending === ENDINGS.never ? `, dropped at ${ms(f.end)}` : ` at ${ms(ok ? (f.readyAt ?? f.end) : f.end)}`;
        const words = `${ok ? '✓' : '✗'} ${f.ending}${when}`;
        if (narrow) {
          g.append(s('text', { class: 'end mark', x: ex, y: mid + 4, 'text-anchor': 'middle' }, ok ? '✓' : '✗'));
          g.append(s('text', { class: `end ${ok ? 'ok' : 'bad'}`, x: 6, y: y + 28 }, words));
        } else {
          g.append(s('text', { class: `end ${ok ? 'ok' : 'bad'}`, x: ex + 4, y: mid + 4 }, words));
        }
      } else if (model.state === 'running') {
        const state = f.firstPoll === null ? 'not polled yet' : (f.pendingSince !== null ? 'pending…' : 'running');
        if (narrow) g.append(s('text', { class: 'end live', x: 6, y: y + 28 }, state));
        else g.append(s('text', { class: 'end live', x: x(endT) + 4, y: mid + 4 }, state));
      }
      parts.push(g);
    });

    if (cursor) {
      const cx = x(cursor.t);
      parts.push(s('line', { class: 'cursor', x1: cx, x2: cx, y1: 0, y2: axisY }));
      // A ring on the very mark the step is about, so "this is when it was polled" has a place to point at.
      const row = this.idsToRow.get(cursor.future);
      if (row !== undefined) {
        const cy = row * ROW + 6 + (narrow ? 46 : ROW / 2 - 3);
        parts.push(s('circle', { class: 'cursor-ring', cx, cy, r: 9 }));
      }
    } else if (model.state === 'running') {
      const nx = x(nowUs);
      parts.push(s('line', { class: 'now', x1: nx, x2: nx, y1: 0, y2: axisY }));
    }
    this.svg.replaceChildren(...parts);
  }
}

/** The legend: what each mark means, in words. */
export function legend() {
  const item = (cls, shape, text) => {
    const icon = s('svg', { class: 'legend-icon', viewBox: '0 0 20 14', 'aria-hidden': 'true' }, shape);
    const li = document.createElement('li');
    li.className = cls;
    li.append(icon, text);
    return li;
  };
  const ul = document.createElement('ul');
  ul.className = 'legend';
  ul.append(
    item('lg-running', s('rect', { class: 'running', x: 8, y: 0, width: 4, height: 14 }), 'polled (running)'),
    item('lg-pending', s('rect', { class: 'pending', x: 1, y: 3, width: 18, height: 8 }), 'Pending (waiting; the event loop is free)'),
    item('lg-wake', s('circle', { class: 'wake', cx: 10, cy: 7, r: 4 }), 'woken'),
    item('lg-end', s('text', { class: 'end ok', x: 2, y: 12 }, '✓'), 'ready'),
    item('lg-end', s('text', { class: 'end bad', x: 2, y: 12 }, '✗'), 'dropped while pending / never polled'),
  );
  return ul;
}
