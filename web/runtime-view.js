// Owns: the runtime's place on the page. RuntimeView keeps a RuntimeFold (runtime-model.js) of the
// run and draws two things from it:
//   - the timeline's top lane, "runtime": which task is being polled, or that the runtime is parked
//     until the timer at T (RuntimeLane, drawn into TimelineView's lane layer);
//   - the queue panel beside the stepper: the task being polled, the run queue in order, the timers
//     armed and the tasks waiting on something else, at the current instant. It is a labelled
//     region ("Runtime queue") that a screen reader reads on demand; nothing in it is live, so it
//     never talks over the stepper, whose sentence is the one announcement per step.
// Loaded with import() by views.js when a run begins, so a page that runs nothing never evaluates it.
import { h, s } from './dom.js';
import { K, ms } from './model.js';
import { RuntimeFold, explainRuntime, isRuntime, runtimeAt, taskName, taskNames } from './runtime-model.js';

/** At most this many items per list of the panel; the rest are counted ("… and 9,990 more"). */
const SHOWN = 12;

export class RuntimeView {
  /** @param {{ title: string, onStep: (delta: number) => void }} o  onStep jumps to the previous/next decision */
  constructor({ title, onStep }) {
    this.fold = null;
    this.model = null;
    this.lane = new RuntimeLane(this);
    const list = (tag, label) => h(tag, { class: 'rt-list', 'aria-label': label });
    this.nowEl = h('p', { class: 'rt-now' }, 'The runtime has not started.');
    this.queueEl = list('ol', 'Run queue, in order');
    this.timersEl = list('ul', 'Timers armed');
    this.waitingEl = list('ul', 'Tasks waiting on something else');
    this.prev = h('button', { type: 'button', class: 'step' }, '◀ Prev decision');
    this.next = h('button', { type: 'button', class: 'step' }, 'Next decision ▶');
    this.prev.addEventListener('click', () => onStep(-1));
    this.next.addEventListener('click', () => onStep(1));
    this.el = h('div', { class: 'runtime-panel', role: 'region', 'aria-label': `Runtime queue of ${title}`, hidden: true },
      h('p', { class: 'rt-title' }, 'The runtime at this instant'),
      this.nowEl,
      h('div', { class: 'rt-part' }, h('span', { class: 'rt-head' }, 'Run queue'), this.queueEl),
      h('div', { class: 'rt-part' }, h('span', { class: 'rt-head' }, 'Timers armed'), this.timersEl),
      h('div', { class: 'rt-part' }, h('span', { class: 'rt-head' }, 'Waiting on something else'), this.waitingEl),
      h('div', { class: 'rt-nav' }, this.prev, this.next));
    this.drawn = new Map(); // element → text it shows, so unchanged parts are not touched
  }

  /** A run begins. */
  begin(model) {
    this.model = model;
    this.fold = new RuntimeFold(model.variant !== null);
    this.wakes = this.at = this.ex = null; // nothing of the last run is kept
    this.el.hidden = true;
    this.lane.reset();
  }

  /** The live state: takes in the new events and shows the runtime now (called at most once a frame). */
  live(model) {
    if (model !== this.model) this.begin(model);
    this.fold.sync(model);
    if (!model.hasRuntime) return;
    this.el.hidden = false;
    this.show(this.fold, model.over ? taskNames(model) : null, model.size - 1);
    // At the end of a finished run, "Next decision" starts again from its first.
    this.prev.disabled = !model.over;
    this.next.disabled = !model.over;
  }

  /** Shows the runtime just after event `i` of the finished run (-1: before the first). */
  showAt(model, i) {
    if (!model.hasRuntime) return;
    this.el.hidden = false;
    this.at = foldTo(this.at, model, i);
    this.show(this.at.fold, taskNames(model), i);
    this.prev.disabled = nextDecision(model, i, -1) === -1;
    this.next.disabled = nextDecision(model, i, 1) === -1;
  }

  /** The sentence for event `i` (runtime-model.js), for the stepper. */
  explain(model, i) {
    if (!isRuntime(model.kinds[i])) return null;
    this.ex = foldTo(this.ex, model, i - 1);
    return explainRuntime(model, i, this.ex.fold);
  }

  show(fold, names, i) {
    const nameOf = (task) => (names ? taskName(names, task.key) : task.name ?? taskName(new Map(), task.key));
    let now;
    if (fold.polling) now = `Polling ${nameOf(fold.polling)}.`;
    else if (fold.parked) {
      now = fold.parked.until !== null
        ? `Parked: nothing is ready; waiting for the timer at ${ms(fold.parked.until)}.`
        : (fold.lesson ? 'Parked: the browser’s event loop waits for a timer.' : 'Parked: nothing is ready and no timer is armed.');
    } else if (fold.over) now = 'The run is over.';
    else now = 'Between polls: choosing the next task.';
    this.text(this.nowEl, now);
    // Only what is shown is put into words: a 10,000-task run has 10,000 of each.
    const queued = fold.queued(SHOWN);
    this.items(this.queueEl, queued.map((t) => (t.key === 0 && !fold.lesson ? `${nameOf(t)} (block_on: polled first)` : nameOf(t))), queued.total, 'empty');
    const timers = fold.timers.slice(0, SHOWN);
    this.items(this.timersEl, timers.map((x) => `${ms(x.deadline)}: ${nameOf(fold.task(x.key))}`), fold.timers.length, fold.lesson ? 'not visible (browser timers)' : 'none');
    const timed = new Set();
    for (const x of fold.timers) timed.add(x.key);
    const waiting = fold.waiting(SHOWN, (t) => !timed.has(t.key));
    this.items(this.waitingEl, waiting.map((t) => {
      const on = names ? this.waitingOn(t.key, i) : null;
      return on ? `${nameOf(t)}: ${on}` : nameOf(t);
    }), waiting.total, 'none');
  }

  /** What task `key`, waiting after event `i`, was waiting for: told by the wake that ended it. */
  waitingOn(key, i) {
    const m = this.model && this.model.over ? this.model : null;
    if (!m) return null;
    if (!this.wakes || this.wakes.model !== m) {
      const by = new Map(); // key → [[index, text]] of its Queued events
      for (let j = 0; j < m.size; j++) {
        if (m.kinds[j] !== K.Queued) continue;
        const k = m.fids[j];
        if (!by.has(k)) by.set(k, []);
        by.get(k).push([j, m.texts.get(j) ?? '']);
      }
      this.wakes = { model: m, by };
    }
    const next = (this.wakes.by.get(key) || []).find(([j]) => j > i);
    if (!next) return 'never woken again';
    const [who, k, via] = next[1].split(' ');
    const names = taskNames(m);
    if (who === 'task') {
      const other = taskName(names, Number(k));
      return via === 'channel' ? `a channel (${other} wakes it)` : via === 'join' ? `${other} to finish (its JoinHandle)` : via === 'lock' ? `a lock (${other} releases it)` : `${other} (wakes it)`;
    }
    return who === 'timer' ? 'a timer' : who === 'yield' ? 'the next park (it yielded)' : null;
  }

  text(el, value) {
    if (this.drawn.get(el) === value) return;
    this.drawn.set(el, value);
    el.textContent = value;
  }

  /** Shows `lines` (the first of `total`) in list `el`, or `empty` in words. */
  items(el, lines, total, empty) {
    const shown = total > lines.length ? [...lines, `… and ${(total - lines.length).toLocaleString('en')} more`] : lines;
    const key = shown.join('\n') || `(${empty})`;
    if (this.drawn.get(el) === key) return;
    this.drawn.set(el, key);
    el.replaceChildren(...(shown.length ? shown.map((l) => h('li', {}, l)) : [h('li', { class: 'rt-empty' }, empty)]));
  }
}

/**
 * A fold of `model` up to event `i`: `prev` carried on if it is behind (stepping forward costs one
 * event), else a new one from the start.
 */
function foldTo(prev, model, i) {
  const fold = prev && prev.model === model && prev.i <= i ? prev.fold : runtimeAt(model, -1);
  fold.sync(model, i);
  return { model, i, fold };
}

/** The index of the runtime decision after (delta 1) or before (-1) event `i`, or -1 if none. */
export function nextDecision(model, i, delta) {
  for (let j = i + delta; j >= 0 && j < model.size; j += delta) if (isRuntime(model.kinds[j])) return j;
  return -1;
}

/**
 * The timeline's top lane: the runtime polling a task, or parked. It appends the marks of new
 * segments (closing the one left open) and is drawn again whole only when the geometry changed,
 * like the futures' rows. Marks closer than a pixel are merged: 20,000 polls cost one mark a pixel.
 */
class RuntimeLane {
  constructor(view) {
    this.view = view;
    this.reset();
  }

  reset() {
    this.geoKey = '';
    this.n = 0; // segments drawn
    this.marks = { poll: null, park: null }; // the last mark of each kind: { el, x0, x1 }
    this.open = null; // the segment still open at the last drawing, and the mark it is in
  }

  /** True if the step-through cursor on event `e` belongs on this lane. */
  owns(e) { return isRuntime(e.kind); }

  /** Draws the lane into `g` (the timeline's lane layer) at row `y`, middle `mid`, with `geo`. */
  draw(g, model, nowUs, geo, y, mid) {
    const fold = this.view.fold;
    if (!fold) return;
    const key = `${geo.W}/${geo.span}/${y}/${model.over}`;
    if (key !== this.geoKey || !g.childNodes.length) {
      this.reset();
      this.geoKey = key;
      const { W, ROW, narrow } = geo;
      g.replaceChildren(
        s('rect', { class: 'row-bg', x: 0, y, width: W, height: ROW - 2 }),
        s('text', { class: 'name rt-lane-name', x: 6, y: narrow ? y + 13 : mid + 4 }, 'runtime'),
      );
    }
    // A huge run (its rows grouped by name) draws its lane once, at the end: live, its thousands of
    // polls would only smear into one bar, and drawing them costs the run's own speed.
    if (model.grouped && !model.over) return;
    if (model.grouped && this.later !== model) {
      // ... and in the task after the end, so that the run's last line is not held up by it.
      this.later = model;
      setTimeout(() => { if (g.isConnected) this.draw(g, model, nowUs, geo, y, mid); }, 0);
      return;
    }
    fold.sync(model);
    const { x } = geo;
    const names = model.over ? taskNames(model) : null;
    const end = model.over ? model.endT : (model.size ? model.times[model.size - 1] : 0);
    const endOf = (seg) => x(seg.t1 ?? (seg.kind === 'park' && seg.until !== null && !model.over ? seg.until : end));
    if (this.open) {
      // The segment left open last time: its end is known now (or it reaches further).
      const { seg, mark } = this.open;
      this.extend(mark, endOf(seg));
      if (seg.t1 !== null) this.open = null;
    }
    const lane = fold.lane;
    for (; this.n < lane.length; this.n++) {
      const seg = lane[this.n];
      const x0 = x(seg.t0);
      const x1 = Math.max(endOf(seg), x0 + 1.5);
      let mark = this.marks[seg.kind];
      if (mark && x0 < mark.x1 + 1) {
        // Within a pixel of the last mark of its kind: that mark grows instead (one mark a pixel).
        this.extend(mark, x1);
      } else {
        const poll = seg.kind === 'poll';
        const words = poll
          ? (names ? taskName(names, seg.key) : seg.task.name ?? taskName(new Map(), seg.key))
          : (seg.until !== null ? `parked until ${ms(seg.until)}` : 'parked');
        const el = poll
          ? s('rect', { class: 'running rt-poll', x: x0, y: mid - 8, width: x1 - x0, height: 16 },
            s('title', {}, `the runtime polls ${words} at ${ms(seg.t0)}`))
          : s('rect', { class: 'pending rt-park', x: x0, y: mid - 6, width: x1 - x0, height: 12 },
            s('title', {}, `${words}: nothing is ready`));
        g.append(el);
        if (x1 - x0 > (poll ? 8 : 7) * words.length + 8) {
          g.append(s('text', { class: 'rt-label', x: x0 + 4, y: poll ? mid + 4 : mid - 9 }, words));
        }
        mark = this.marks[seg.kind] = { el, x0, x1 };
      }
      if (seg.t1 === null) this.open = { seg, mark };
    }
  }

  /** Makes `mark` reach `x1` (px), if that is further. */
  extend(mark, x1) {
    if (x1 <= mark.x1 + 0.25) return;
    mark.x1 = x1;
    mark.el.setAttribute('width', x1 - mark.x0);
  }
}
