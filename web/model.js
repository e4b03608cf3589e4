// Owns: a run's recorded events and the facts derived from them (each future's life, the lives
// grouped by name, printed lines, timer lateness). The views read it; only Rust writes it, through
// the run's event callback, so every time shown is a measured one.
//
// Public shape (used by the views, the session and "Your code"):
//   new RunModel({ variant?, plan?, label? })   one run; `variant`/`plan` only for lesson demos
//   model.add(kind, future, tUs, text)          ingest one event, in the order Rust reports them
//   model.size, model.event(i), model.kinds / fids / times   the events, as columns
//   model.futures (id → Life), model.groups (name → Group), model.rows(), model.rowOf(id)  what the views draw
//   model.state ('running' | 'done' | 'stopped' | 'crashed'), model.over, model.endT
import { Kind } from 'virtual:wasm-glue';

/** Event kinds: `trace::Kind` in crate/src/trace.rs, exported to JS by wasm-bindgen (never copied). */
export const K = Kind;

/** How a future's life ended, in words (never colour alone). */
export const ENDINGS = Object.freeze({
  ready: 'ready',
  pending: 'dropped while pending',
  never: 'never polled',
});

/**
 * Above this many futures, the views show one row per name instead of one per future (10,000
 * `sleep_task`s become one row). One threshold for the timeline and the table alike.
 */
export const GROUP_ABOVE = 24;

/**
 * The polls and wakes of a future never polled or woken: shared and frozen, so that creating 10,000
 * futures in one task allocates no arrays (add() gives a future its own on the first push).
 */
const NONE = Object.freeze([]);

/** The lives of every future of one name, kept up to date as events arrive (never recomputed). */
class Group {
  constructor(name, index) {
    this.isGroup = true; // a row of the views is a Group or a single life
    this.name = name;
    this.index = index; // order of first appearance: the row order
    this.lives = [];
    this.created = Infinity;
    this.firstPoll = null;
    this.lastEnd = null;
    this.ended = 0;
    this.pending = 0; // members pending right now
    this.polls = 0;
    this.wakes = 0;
    this.endings = new Map(); // ending → count
    this.endTimes = []; // when each member finished (ready) or was dropped, in arrival order
  }

  get n() { return this.lives.length; }
  /** Every member has ended. */
  get over() { return this.ended === this.lives.length; }
  /** "10000 ready", "3 ready, 1 dropped while pending": only once every member ended. */
  get ending() {
    if (!this.over) return null;
    if (this.n === 1) return this.lives[0].ending;
    return [...this.endings.entries()].map(([e, n]) => `${n} ${e}`).join(', ');
  }
}

export class RunModel {
  /** @param {{variant?: string, plan?: {user:number, product:number, speed:number}, label?: string}} [meta] */
  constructor(meta = {}) {
    this.variant = meta.variant ?? null;
    this.plan = meta.plan ?? null; // { user, product, speed } as used for this run (lesson demos)
    this.label = meta.label ?? null;
    // Events are kept in columns (plain number arrays), not one object each: a 10,000-future run has
    // about 70,000 of them, and objects would keep the garbage collector busy while it draws.
    this.kinds = [];
    this.fids = [];
    this.times = []; // µs since Run
    this.texts = new Map(); // event index → text, for the few events that have one
    this.futures = new Map(); // id → Life
    this.groups = new Map(); // name → Group
    this.lines = []; // printed lines: { i, t, kind, future, text }, kind Line or Stderr
    this.notes = []; // the playground's own sentences (Kind.Note)
    this.drops = []; // user `Drop`s that ran (Kind.UserDrop): { i, t, future, text: the type }
    this.state = 'running'; // running | done | stopped | crashed
    this.endT = null;
    this.hidden = false; // the tab was hidden during the run (timers throttled)
    this.lastName = undefined;
  }

  /** How many events were recorded. */
  get size() { return this.kinds.length; }

  get over() { return this.state !== 'running'; }

  /** True when the views show one row per name (see GROUP_ABOVE). */
  get grouped() { return this.futures.size > GROUP_ABOVE; }

  /** Event `i` as an object `{ i, t, kind, future, text }`. */
  event(i) {
    return { i, t: this.times[i], kind: this.kinds[i], future: this.fids[i], text: this.texts.get(i) };
  }

  /** Ingests one event. */
  add(kind, future, t, text) {
    const i = this.kinds.length;
    this.kinds.push(kind);
    this.fids.push(future);
    this.times.push(t);
    if (text !== undefined && kind !== K.Created) this.texts.set(i, text); // names live on the futures
    const f = this.futures.get(future);
    switch (kind) {
      case K.Created: {
        // A Created without text repeats the previous name (Rust sends a repeated name only once).
        if (text !== undefined) this.lastName = text;
        const name = this.lastName;
        let g = this.groups.get(name);
        if (!g) this.groups.set(name, (g = new Group(name, this.groups.size)));
        const life = {
          id: future, name, created: t, polls: NONE, wakes: NONE, drops: NONE, firstPoll: null,
          readyAt: null, end: null, ending: null, pendingSince: null, pollStart: null, group: g,
        };
        this.futures.set(future, life);
        g.lives.push(life);
        if (t < g.created) g.created = t;
        break;
      }
      case K.Poll:
        if (f.firstPoll === null) {
          f.firstPoll = t;
          if (f.group.firstPoll === null || t < f.group.firstPoll) f.group.firstPoll = t;
        }
        f.pollStart = t;
        if (f.pendingSince !== null) f.group.pending--;
        f.pendingSince = null;
        break;
      case K.Pending:
      case K.Ready:
        if (f.polls === NONE) f.polls = [];
        f.polls.push({ start: f.pollStart ?? t, end: t, ready: kind === K.Ready });
        f.group.polls++;
        f.pollStart = null;
        if (kind === K.Pending) {
          f.pendingSince = t;
          f.group.pending++;
        } else f.readyAt = t;
        break;
      case K.Woken:
        if (f.wakes === NONE) f.wakes = [];
        f.wakes.push(t);
        f.group.wakes++;
        break;
      case K.DroppedNeverPolled:
      case K.DroppedPending:
      case K.Dropped: {
        const g = f.group;
        f.end = t;
        if (f.pendingSince !== null) g.pending--;
        f.pendingSince = null;
        f.ending = kind === K.Dropped ? ENDINGS.ready : kind === K.DroppedPending ? ENDINGS.pending : ENDINGS.never;
        g.ended++;
        g.endings.set(f.ending, (g.endings.get(f.ending) || 0) + 1);
        g.endTimes.push(f.readyAt ?? t);
        if (g.lastEnd === null || t > g.lastEnd) g.lastEnd = t;
        break;
      }
      case K.Line:
      case K.Stderr:
        this.lines.push({ i, t, kind, future, text: text ?? '' });
        break;
      case K.Note:
        this.notes.push({ i, t, text: text ?? '' });
        break;
      case K.UserDrop:
        this.drops.push({ i, t, future, text: text ?? '' });
        if (f) {
          if (f.drops === NONE) f.drops = [];
          f.drops.push({ t, text: text ?? '' });
        }
        break;
      case K.Done:
      case K.Stopped:
      case K.Crashed:
        if (this.state === 'running') {
          this.state = kind === K.Done ? 'done' : kind === K.Stopped ? 'stopped' : 'crashed';
          this.endT = t;
        }
        break;
      default:
        break;
    }
  }

  /**
   * What the timeline and the table show, in order: each future's life, or (above GROUP_ABOVE
   * futures) each name's Group (`isGroup`). Views key their rows by these objects.
   */
  rows() {
    return [...(this.grouped ? this.groups : this.futures).values()];
  }

  /** The row (see rows()) that shows future `id`, or undefined for run-level events. */
  rowOf(id) {
    const f = this.futures.get(id);
    return f && this.grouped ? f.group : f;
  }

  /** Index of the first event of `kind` for `future`, or -1. */
  firstIndex(future, kind) {
    for (let i = 0; i < this.kinds.length; i++) if (this.fids[i] === future && this.kinds[i] === kind) return i;
    return -1;
  }

  /** The first future called `name`, or null. */
  byName(name) {
    const g = this.groups.get(name);
    return g ? g.lives[0] : null;
  }

  /**
   * How late the timer `name` was woken, in µs, given that it was set for `plannedUs` when first
   * polled: its first wake minus (first poll + plan). Null if it was never polled or never woken.
   */
  lateness(name, plannedUs) {
    const f = this.byName(name);
    if (!f || f.firstPoll === null || !f.wakes.length) return null;
    return Math.max(0, f.wakes[0] - f.firstPoll - plannedUs);
  }
}

/** `+1001 ms`: the contract's timestamp, measured µs rounded to whole ms. */
export const stamp = (tUs) => `+${Math.round(tUs / 1000)} ms`;
/** `1001 ms` */
export const ms = (tUs) => `${Math.round(tUs / 1000)} ms`;

/** One sentence explaining an event, for step-through. */
export function explain(model, e) {
  const f = model.futures.get(e.future);
  const n = f ? f.name : 'the run';
  switch (e.kind) {
    case K.Created: return `${n} created: calling the async fn built a Future; nothing in its body has run yet.`;
    case K.Poll: return model.firstIndex(e.future, K.Poll) === e.i
      ? `${n} polled for the first time: its body starts running.`
      : `${n} polled again: it resumes where it last waited.`;
    case K.Pending: return `${n} polled → Pending: it is waiting (its waker is stored with a timer or a child future); control goes back to the event loop.`;
    case K.Ready: return `${n} polled → Ready: it finished and handed back its value.`;
    case K.Woken: {
      const ready = model.firstIndex(e.future, K.Ready);
      return ready !== -1 && ready < e.i
        ? `${n} woken after it had finished: dropping a cancelled timer closes its channel, which wakes whoever waited on it. A finished future is never polled again, so nothing happens.`
        : `${n} woken: what it waited for happened, so it asks the executor to poll it again.`;
    }
    case K.DroppedNeverPolled: return `${n} dropped without ever being polled: its body never ran.`;
    case K.DroppedPending: return `${n} dropped while pending: cancelled mid-wait; its timer was cleared, and its remaining code never runs.`;
    case K.Dropped: return `${n} dropped after finishing: its memory is freed.`;
    case K.Line: return `${n} printed “${e.text}”.`;
    case K.Stderr: return `${n} printed to stderr: “${e.text}”.`;
    case K.Note: return `The playground says: ${e.text}`;
    case K.UserDrop: return `${n} dropped a ${e.text}: its Drop::drop ran here (at the end of its scope, its statement, or a drop() call).`;
    case K.Done: return 'Every task of the run has finished: the run is over.';
    case K.Stopped: return 'Stopped: every future of the run was dropped at once, clearing its timers.';
    case K.Crashed: return `The Rust code panicked: ${e.text}`;
    default: return '';
  }
}
