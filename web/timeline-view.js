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

/** Rows to draw: each future, or (for huge runs) one row per name. */
function rows(model) {
  const all = [...model.futures.values()];
  if (all.length <= MAX_ROWS) return all.map((f) => ({ ...f, count: 1 }));
  const groups = new Map();
  for (const f of all) {
    const g = groups.get(f.name);
    if (!g) {
      groups.set(f.name, { ...f, polls: [], wakes: [], count: 1, endings: new Map([[f.ending, 1]]), ids: [f.id] });
      groups.get(f.name).polls = f.polls.slice(0, 0);
    } else {
      g.count += 1;
      g.created = Math.min(g.created, f.created);
      g.firstPoll = g.firstPoll === null ? f.firstPoll : (f.firstPoll === null ? g.firstPoll : Math.min(g.firstPoll, f.firstPoll));
      g.end = g.end === null || f.end === null ? null : Math.max(g.end, f.end);
      g.endings.set(f.ending, (g.endings.get(f.ending) || 0) + 1);
      g.ids.push(f.id);
    }
  }
  for (const g of groups.values()) {
    const [ending] = [...g.endings.entries()].sort((a, b) => b[1] - a[1])[0];
    g.ending = g.end === null ? null : ending;
    g.name = `${g.name} ×${g.count}`;
  }
  return [...groups.values()];
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
    const LABEL = narrow ? 8 : 150; // name column
    const END_TEXT = narrow ? 8 : 190; // room for "✗ dropped while pending at 1001 ms"
    const ROW = narrow ? 46 : 30;
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
      const mid = narrow ? y + 32 : y + ROW / 2 - 3;
      (f.ids || [f.id]).forEach((id) => this.idsToRow.set(id, i));
      const g = s('g', { class: `row${cursor && this.idsToRow.get(cursor.future) === i ? ' current' : ''}` });
      g.append(s('rect', { class: 'row-bg', x: 0, y, width: W, height: ROW - 2 }));
      const nameText = s('text', { class: 'name', x: 6, y: narrow ? y + 13 : mid + 4 }, f.name);
      g.append(nameText);
      const endT = f.end ?? nowUs;
      // The life: a thin line from creation to drop.
      g.append(s('line', { class: 'life', x1: x(f.created), x2: Math.max(x(endT), x(f.created) + 1), y1: mid, y2: mid }));
      // Pending stretches (waiting, handed back to the event loop) and polls (running).
      f.polls.forEach((p, k) => {
        if (!p.ready) {
          const next = f.polls[k + 1];
          const until = next ? next.start : (f.pollStart ?? f.end ?? nowUs);
          g.append(s('rect', { class: 'pending', x: x(p.end), y: mid - 6, width: Math.max(x(until) - x(p.end), 1), height: 12 }));
        }
      });
      f.polls.forEach((p) => {
        g.append(s('rect', { class: 'running', x: x(p.start) - 1, y: mid - 8, width: Math.max(x(p.end) - x(p.start), 2), height: 16 }));
      });
      f.wakes.forEach((t) => g.append(s('circle', { class: 'wake', cx: x(t), cy: mid - 10, r: 3.5 })));
      if (f.ending) {
        const ex = x(f.end);
        const ok = f.ending === ENDINGS.ready;
        const words = `${ok ? '✓' : '✗'} ${f.ending}${f.count > 1 ? '' : ` at ${ms(f.end)}`}`;
        if (narrow) {
          g.append(s('text', { class: 'end mark', x: ex, y: mid + 4, 'text-anchor': 'middle' }, ok ? '✓' : '✗'));
          nameText.append(s('tspan', { class: `end ${ok ? 'ok' : 'bad'}` }, ` ${words}`));
        } else {
          g.append(s('text', { class: `end ${ok ? 'ok' : 'bad'}`, x: ex + 4, y: mid + 4 }, words));
        }
      } else if (model.state === 'running') {
        const state = f.firstPoll === null ? 'not polled yet' : (f.pendingSince !== null ? 'pending…' : 'running');
        if (narrow) nameText.append(s('tspan', { class: 'end live' }, ` ${state}`));
        else g.append(s('text', { class: 'end live', x: x(endT) + 4, y: mid + 4 }, state));
      }
      parts.push(g);
    });

    if (cursor) {
      const cx = x(cursor.t);
      parts.push(s('line', { class: 'cursor', x1: cx, x2: cx, y1: 0, y2: axisY }));
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
