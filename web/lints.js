// Lints that teach: patterns in a run's events that usually mean a mistake, each with a badge for
// the future's table row and one sentence for "What just happened?". Browser-free.
//
// Their meaning follows tokio-console's warnings (tokio-console/src/warnings.rs): `LostWaker` ("This
// task has lost its waker, and will never be woken again") and `NeverYielded` (one poll that keeps
// the thread too long). tokio-console sees tasks, not every future, and judges a live process; a
// recorded run lets us add two lessons of the tutorial: a future never polled, and one dropped while
// still pending.
//
// Events are tuples `[kind, future, tUs, text]` in the order Rust reported them (see runfile.js).
import { K } from './model.js';

/** One poll longer than this (µs) blocks the event loop: nothing else on the page runs meanwhile. */
export const LONG_POLL_US = 50_000;

/** The lints, by key: the badge's words and what the badge says on hover. */
export const LINTS = Object.freeze({
  'never-polled': { badge: 'never polled', title: 'Created and dropped without a single poll: its body never ran.' },
  'dropped-pending': { badge: 'dropped while pending', title: 'Dropped in the middle of a wait: the rest of its body never ran.' },
  'long-poll': { badge: 'long poll', title: `One poll took over ${LONG_POLL_US / 1000} ms: it blocked the event loop.` },
  'lost-waker': { badge: 'lost waker', title: 'Still pending at the end with no wake to come: nothing will ever poll it again.' },
});

const ms = (us) => `${Math.round(us / 1000)} ms`;

/**
 * The lints, folded one event at a time (so a view can keep them as a run goes). `add` takes the
 * events in the order Rust reports them; `finish` returns `[{ key, future, name, t, sentence }]` in
 * the order they happened (`t` in µs). `stalled` says the run stopped because nothing could ever
 * wake its tasks again (the interpreter's `Turn::Stalled`, also recognised in the events themselves,
 * see `noteThenDrops`): its pending futures then lost their
 * wakers, even if Stop or the runtime's shutdown dropped them afterwards.
 */
export class LintFold {
  constructor() {
    this.futures = new Map(); // id → { id, name, created, state, pollStart, childTime, wokenSince }
    this.stack = []; // the polls in progress, innermost last (polls nest: one thread)
    this.rootId = null; // the run's first future: main
    this.rootDone = false; // main has finished: later drops are the runtime shutting down
    this.found = []; // lints whose sentence is known
    this.drops = []; // drops while pending: { f, t, cause, by, wokenSince }
    this.undecided = []; // drops outside any poll, until the next event says why (see add)
    this.over = null; // the run's end: { kind, t }
    this.latest = 0; // the latest time seen: the end of a recording that never ended
    // The interpreter stops a program that stalled (crate/src/web/code.rs, Turn::Stalled) by saying
    // so in a Note, then dropping every task and reporting Stopped; Stop pressed by a person has no
    // Note before it. So a Note followed only by drops, then Stopped, means the run stalled.
    this.noteThenDrops = false;
    this.stalled = false;
  }

  add(kind, id, t, text) {
    // A drop outside every poll is explained by what follows it: Stop drops everything and then
    // reports Stopped; anything else (Done, a Note, more work) means the runtime shut down (after
    // main returned) or its owner let go of it.
    const dropping = kind === K.Woken || kind === K.DroppedPending || kind === K.DroppedNeverPolled || kind === K.Dropped;
    if (this.undecided.length && !dropping) {
      for (const d of this.undecided) d.cause = kind === K.Stopped ? 'stop' : d.cause;
      this.undecided = [];
    }
    if (kind === K.Stopped && this.noteThenDrops) this.stalled = true;
    if (kind === K.Note) this.noteThenDrops = true;
    else if (!dropping) this.noteThenDrops = false;
    const f = this.futures.get(id);
    switch (kind) {
      case K.Created:
        this.futures.set(id, { id, name: text, created: t, state: 'created', pollStart: null, childTime: 0, wokenSince: false });
        if (this.rootId === null) this.rootId = id;
        break;
      case K.Poll:
        if (!f) break;
        f.state = 'polling';
        f.pollStart = t;
        f.childTime = 0;
        f.wokenSince = false;
        this.stack.push(id);
        break;
      case K.Pending:
      case K.Ready: {
        if (!f) break;
        this.stack.pop();
        const d = t - (f.pollStart ?? t);
        // Blame the future whose own code ran that long, not every future it was nested in: main's
        // poll lasts as long as the busy loop inside blocking_wait's poll, but main did not block.
        const own = d - f.childTime;
        if (own > LONG_POLL_US) {
          this.found.push({
            key: 'long-poll', future: id, name: f.name, t: f.pollStart,
            sentence: `${f.name} ran for ${ms(own)} inside one poll (from ${ms(f.pollStart)}) without returning to the event loop: no timer, click or other future could run meanwhile. Over ${LONG_POLL_US / 1000} ms blocks the event loop; await a sleep instead of a busy wait.`,
          });
        }
        const parent = this.futures.get(this.stack[this.stack.length - 1]);
        if (parent) parent.childTime += d;
        f.state = kind === K.Ready ? 'ready' : 'pending';
        f.pollStart = null;
        if (kind === K.Ready && id === this.rootId) this.rootDone = true;
        break;
      }
      case K.Woken:
        if (f) f.wokenSince = true;
        break;
      case K.DroppedNeverPolled:
        if (!f) break;
        this.found.push({
          key: 'never-polled', future: id, name: f.name, t,
          sentence: `${f.name} was created at ${ms(f.created)} and dropped without ever being polled: a future does nothing until it is awaited (or spawned), so its body never ran.`,
        });
        f.state = 'dropped';
        break;
      case K.DroppedPending: {
        if (!f) break;
        const by = this.futures.get(this.stack[this.stack.length - 1]);
        const drop = { f, t, by, wokenSince: f.wokenSince, cause: by ? 'parent' : this.rootDone ? 'shutdown' : 'other' };
        this.drops.push(drop);
        if (!by) this.undecided.push(drop);
        f.state = 'dropped';
        break;
      }
      case K.Dropped:
        if (f) f.state = 'dropped';
        break;
      case K.Done:
      case K.Stopped:
      case K.Crashed:
        if (this.over === null) this.over = { kind, t };
        break;
      default:
        break;
    }
    if (t > this.latest) this.latest = t;
  }

  /** Every lint found, in the order they happened. */
  finish({ stalled = false } = {}) {
    stalled = stalled || this.stalled;
    const found = [...this.found];
    for (const { f, t, by, cause, wokenSince } of this.drops) {
      if (stalled && !wokenSince && (cause === 'stop' || cause === 'shutdown')) {
        found.push({
          key: 'lost-waker', future: f.id, name: f.name, t,
          sentence: `${f.name} was still pending when the run stalled, and nothing held its waker: it could never be woken again, so it waited forever (until ${cause === 'stop' ? 'Stop' : 'the runtime shut down'} dropped it).`,
        });
      }
      const why = {
        parent: `${by?.name} dropped it during its poll (as select! drops every branch but the winner)`,
        stop: 'Stop dropped every future of the run at once and cleared its timers',
        shutdown: 'main had returned, and the runtime shutting down drops every task still running',
        other: 'its owner let go of it',
      }[cause];
      found.push({
        key: 'dropped-pending', future: f.id, name: f.name, t, cause,
        sentence: `${f.name} was dropped while pending at ${ms(t)}: ${why}, so the rest of its body never ran.`,
      });
    }
    // Still pending at the end of the recording, never woken since: nothing will poll it again.
    const end = this.over ? this.over.t : this.latest;
    const finished = this.over !== null && this.over.kind !== K.Crashed;
    for (const f of this.futures.values()) {
      if (f.state === 'pending' && !f.wokenSince && (finished || stalled)) {
        found.push({
          key: 'lost-waker', future: f.id, name: f.name, t: end,
          sentence: `${f.name} was still pending when the run ended, with no wake to come: nothing held its waker, so nothing will ever poll it again.`,
        });
      }
    }
    return found.sort((a, b) => a.t - b.t);
  }
}

/** Every lint of a run of tuples `[kind, future, tUs, text]` (LintFold over them). */
export function lint(events, { stalled = false } = {}) {
  const fold = new LintFold();
  for (const e of events) fold.add(e[0], e[1], e[2], e[3]);
  return fold.finish({ stalled });
}

/** The lints of each future: Map id → [key, …], without repeats, for the table's badges. */
export function lintsByFuture(found) {
  const by = new Map();
  for (const l of found) {
    const keys = by.get(l.future) || [];
    if (!keys.includes(l.key)) keys.push(l.key);
    by.set(l.future, keys);
  }
  return by;
}
