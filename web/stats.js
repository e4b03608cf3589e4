// Per-future statistics, defined as tokio-console defines its task stats
// (tokio-console/src/state/tasks.rs: `busy`, `scheduled`, `idle`, `total`), computed from a run's
// recorded events. Browser-free: the table, its hover text, the run file and the unit tests share it.
//
// Events are tuples `[kind, future, tUs, text]` in the order Rust reported them (see runfile.js).
// One subtlety of that order: a Woken event is reported lazily, just before the future's next poll
// or drop, but stamped with the time the waker really fired (crate/src/trace.rs, `Probe`). So a
// Woken may carry an earlier time than the event before it; every interval below is measured from
// the stamped times, never from the position in the stream.
import { K } from './model.js';

/** What each statistic means: glossary.js (the first load's part), re-exported for the tests. */
export { STATS } from './glossary.js';

/** `840 µs`, `12 ms`, `2003 ms`: a duration in µs, for the table. */
export function duration(us) {
  if (us < 1000) return `${Math.round(us)} µs`;
  return `${Math.round(us / 1000)} ms`;
}

/** The time the run ended (Done, Stopped or Crashed), else the latest time recorded; 0 if empty. */
export function endTime(events, upTo = events.length - 1) {
  let latest = 0;
  for (let i = 0; i <= upTo; i++) {
    const [kind, , t] = events[i];
    if (kind === K.Done || kind === K.Stopped || kind === K.Crashed) return t;
    if (t > latest) latest = t;
  }
  return latest;
}

/**
 * The statistics, folded one event at a time, so a view can keep them as a run goes (no pass over
 * 70,000 events when a 10,000-task run ends). `add` takes the events in the order Rust reports them;
 * `stats(now)` returns a Map id → { id, name, created, end, polls, wakes, busy, scheduled, idle,
 * total, longest } (µs; `end` null while alive), measuring futures still alive up to `now`, as
 * tokio-console measures a live task up to the present.
 */
export class StatsFold {
  constructor() {
    this.all = new Map();
    // Work in progress (poll start, wake time, finished) lives apart from the results, so the
    // result objects keep one shape.
    this.open = new Map();
  }

  add(kind, id, t, text) {
    if (kind === K.Created) {
      this.all.set(id, { id, name: text, created: t, end: null, polls: 0, wakes: 0, busy: 0, scheduled: 0, idle: 0, total: 0, longest: 0 });
      this.open.set(id, { pollStart: null, wokenAt: null, finished: false });
      return;
    }
    const s = this.all.get(id);
    if (!s) return; // run-level events (future 0), printed lines outside any future
    const o = this.open.get(id);
    switch (kind) {
      case K.Poll:
        s.polls += 1;
        o.pollStart = t;
        if (o.wokenAt !== null) s.scheduled += Math.max(0, t - o.wokenAt);
        o.wokenAt = null;
        break;
      case K.Pending:
      case K.Ready: {
        const d = Math.max(0, t - (o.pollStart ?? t));
        s.busy += d;
        if (d > s.longest) s.longest = d;
        o.pollStart = null;
        if (kind === K.Ready) o.finished = true;
        break;
      }
      case K.Woken:
        s.wakes += 1;
        // A wake after the future finished asks for nothing: no poll will follow, so no waiting.
        if (!o.finished && o.wokenAt === null) o.wokenAt = t;
        break;
      case K.DroppedNeverPolled:
      case K.DroppedPending:
      case K.Dropped:
        // Woken, then dropped before the poll came (select!'s loser, Stop): it waited until the drop.
        if (o.wokenAt !== null) s.scheduled += Math.max(0, t - o.wokenAt);
        o.wokenAt = null;
        s.end = t;
        break;
      default:
        break;
    }
  }

  /** Every future's statistics at `now` (µs): fresh objects; the fold can go on. */
  stats(now) {
    const out = new Map();
    for (const [id, f] of this.all) {
      const s = { ...f };
      // Still alive at `now`: an open poll is busy time so far, an unanswered wake scheduled time so far.
      if (s.end === null) {
        const o = this.open.get(id);
        if (o.pollStart !== null) {
          const d = Math.max(0, now - o.pollStart);
          s.busy += d;
          if (d > s.longest) s.longest = d;
        }
        if (o.wokenAt !== null) s.scheduled += Math.max(0, now - o.wokenAt);
      }
      s.total = Math.max(0, (s.end ?? now) - s.created);
      s.idle = Math.max(0, s.total - s.busy - s.scheduled);
      out.set(id, s);
    }
    return out;
  }
}

/**
 * Statistics of every future, as of event `upTo` (inclusive) and instant `now` (µs): StatsFold over
 * tuples `[kind, future, tUs, text]`.
 */
export function futureStats(events, { upTo = events.length - 1, now = endTime(events, upTo) } = {}) {
  const fold = new StatsFold();
  for (let i = 0; i <= upTo; i++) {
    const e = events[i];
    fold.add(e[0], e[1], e[2], e[3]);
  }
  return fold.stats(now);
}

/** The hover text of a table row: every statistic of one future, in words. */
export function statsTitle(s) {
  return `${s.name}: ${s.polls} ${s.polls === 1 ? 'poll' : 'polls'}, ${s.wakes} ${s.wakes === 1 ? 'wake' : 'wakes'}; `
    + `busy ${duration(s.busy)}, scheduled ${duration(s.scheduled)}, idle ${duration(s.idle)} `
    + `of ${duration(s.total)} alive; longest poll ${duration(s.longest)}.`;
}

/** The statistics of several futures together (a row of 10,000 `sleep_task`s): sums, and the longest poll. */
export function sumStats(list) {
  const sum = { polls: 0, wakes: 0, busy: 0, scheduled: 0, idle: 0, total: 0, longest: 0 };
  for (const s of list) {
    for (const k of ['polls', 'wakes', 'busy', 'scheduled', 'idle', 'total']) sum[k] += s[k];
    sum.longest = Math.max(sum.longest, s.longest);
  }
  return sum;
}
