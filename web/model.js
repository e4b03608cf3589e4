// A run's recorded events, folded into per-future lives. The views read this; only Rust writes it
// (through the event callback), so every time shown is a measured one.

/** Event kinds: the wire format of `trace::Kind` in crate/src/trace.rs. */
export const K = Object.freeze({
  Created: 0, Poll: 1, Pending: 2, Ready: 3, Woken: 4,
  DroppedNeverPolled: 5, DroppedPending: 6, Dropped: 7, Line: 8, Done: 9, Stopped: 10, Crashed: 11,
  Stderr: 12, Note: 13,
});

/** How a future's life ended, in words (never colour alone). */
export const ENDINGS = Object.freeze({
  ready: 'ready',
  pending: 'dropped while pending',
  never: 'never polled',
});

export class RunModel {
  constructor(variant, plan) {
    this.variant = variant;
    this.plan = plan; // { user, product, speed } as used for this run
    // Events are kept in columns (plain number arrays), not one object each: a 10,000-future run has
    // about 70,000 of them, and objects would keep the garbage collector busy while it draws.
    this.kinds = [];
    this.fids = [];
    this.times = []; // µs since Run
    this.texts = new Map(); // event index → text, for the few events that have one
    this.futures = new Map(); // id → Life
    this.lines = [];
    this.state = 'running'; // running | done | stopped | crashed
    this.endT = null;
    this.hidden = false; // the tab was hidden during the run (timers throttled)
  }

  /** Ingests one event; returns it. */
  /** How many events were recorded. */
  get size() { return this.kinds.length; }

  /** Event `i` as an object `{ i, t, kind, future, text }`. */
  event(i) {
    return { i, t: this.times[i], kind: this.kinds[i], future: this.fids[i], text: this.texts.get(i) };
  }

  add(kind, future, t, text) {
    const i = this.kinds.length;
    this.kinds.push(kind);
    this.fids.push(future);
    this.times.push(t);
    if (text !== undefined && kind !== K.Created) this.texts.set(i, text); // names live on the futures
    const e = kind === K.Line ? { i, t, kind, future, text } : null;
    const f = this.futures.get(future);
    switch (kind) {
      case K.Created:
        // A Created without text repeats the previous name (Rust sends a repeated name only once).
        if (text !== undefined) this.lastName = text;
        this.futures.set(future, {
          id: future, name: this.lastName, created: t, polls: [], wakes: [], firstPoll: null,
          readyAt: null, end: null, ending: null, pendingSince: null, pollStart: null,
        });
        break;
      case K.Poll:
        if (f.firstPoll === null) f.firstPoll = t;
        f.pollStart = t;
        f.pendingSince = null;
        break;
      case K.Pending:
      case K.Ready:
        f.polls.push({ start: f.pollStart ?? t, end: t, ready: kind === K.Ready });
        f.pollStart = null;
        if (kind === K.Pending) f.pendingSince = t;
        else f.readyAt = t;
        break;
      case K.Woken:
        f.wakes.push(t);
        break;
      case K.DroppedNeverPolled:
      case K.DroppedPending:
      case K.Dropped:
        f.end = t;
        f.pendingSince = null;
        f.ending = kind === K.Dropped ? ENDINGS.ready
          : kind === K.DroppedPending ? ENDINGS.pending : ENDINGS.never;
        break;
      case K.Line:
        this.lines.push(e);
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
    return e;
  }

  /** Index of the first event of `kind` for `future`, or -1. */
  firstIndex(future, kind) {
    for (let i = 0; i < this.kinds.length; i++) if (this.fids[i] === future && this.kinds[i] === kind) return i;
    return -1;
  }

  byName(name) {
    for (const f of this.futures.values()) if (f.name === name) return f;
    return null;
  }

  get over() { return this.state !== 'running'; }
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
    case K.Done: return 'Every task of the run has finished: the run is over.';
    case K.Stopped: return 'Stopped: every future of the run was dropped at once, clearing its timers.';
    case K.Crashed: return `The Rust code panicked: ${e.text}`;
    default: return '';
  }
}
