// Scrubbing a finished run: its state at any instant, computed from the recorded events alone (no
// re-execution), so a time slider can move through it and "Replay" can play it back. Browser-free.
//
// The state at instant t is the fold of the events reported up to t, in the order Rust reported
// them. "Reported up to t" is measured by the running maximum of the times, not each event's own
// time: a Woken is reported lazily, just before the poll it asked for, but stamped earlier, when its
// waker fired (crate/src/trace.rs). Using the running maximum makes every instant a prefix of the
// stream, so the slider and the stepper (which walks the same stream) always agree.
import { K, ENDINGS } from './model.js';

/** What a future is doing at an instant, in words (never colour alone). */
export const STATUS = Object.freeze({
  created: 'not polled yet', // as the table says it during a run
  polling: 'being polled',
  pending: 'pending',
  scheduled: 'woken, waiting for its poll',
  ready: 'ready',
  dropped: ENDINGS.pending, // dropped while pending
  never: ENDINGS.never,
});

export class Replay {
  /** @param {Array} events  tuples `[kind, future, tUs, text]`, as in runfile.js */
  constructor(events) {
    this.events = events;
    // reported[i]: the time by which event i had been reported (the running maximum).
    this.reported = new Float64Array(events.length);
    let max = 0;
    for (let i = 0; i < events.length; i++) {
      max = Math.max(max, events[i][2]);
      this.reported[i] = max;
    }
  }

  /** When the run ended (its last event), µs. */
  get end() { return this.events.length ? this.reported[this.events.length - 1] : 0; }

  /** The index of the last event reported by instant `t` (µs), or -1 before the first. */
  indexAt(t) {
    let lo = 0;
    let hi = this.events.length; // first index reported after t
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.reported[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** The first instant after `t` at which an event was reported, or null at the end. */
  next(t) {
    const i = this.indexAt(t) + 1;
    return i < this.events.length ? this.reported[i] : null;
  }

  /** The last instant before `t` at which an event was reported, or null at the start. */
  prev(t) {
    let lo = 0;
    let hi = this.events.length; // first index reported at or after t
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.reported[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.reported[lo - 1] : null;
  }

  /** The instant at which event `i` had been reported, µs: where the slider goes for step `i`. */
  timeOf(i) { return i < 0 ? 0 : this.reported[Math.min(i, this.events.length - 1)]; }

  /**
   * The run at instant `t`: `{ t, index, lines, futures, over }`. `lines` are the printed lines so
   * far (`{ t, future, text, stderr }`); `futures` maps id → `{ id, name, created, status }` for each
   * future created so far; `over` says whether the run had ended.
   */
  stateAt(t) {
    return this.stateAtIndex(this.indexAt(t), t);
  }

  /** The run just after event `index` (the stepper's position), as stateAt; `t` defaults to its time. */
  stateAtIndex(index, t = this.timeOf(index)) {
    const lines = [];
    const futures = new Map();
    let over = false;
    for (let i = 0; i <= index; i++) {
      const [kind, id, at, text] = this.events[i];
      const f = futures.get(id);
      switch (kind) {
        case K.Created: futures.set(id, { id, name: text, created: at, status: 'created' }); break;
        case K.Poll: if (f) f.status = 'polling'; break;
        case K.Pending: if (f) f.status = 'pending'; break;
        case K.Ready: if (f) f.status = 'ready'; break;
        case K.Woken: if (f && f.status === 'pending') f.status = 'scheduled'; break;
        case K.DroppedNeverPolled: if (f) f.status = 'never'; break;
        case K.DroppedPending: if (f) f.status = 'dropped'; break;
        case K.Line:
        case K.Stderr: lines.push({ t: at, future: id, text, stderr: kind === K.Stderr }); break;
        case K.Done:
        case K.Stopped:
        case K.Crashed: over = true; break;
        default: break; // Dropped keeps 'ready': finished, then freed
      }
    }
    for (const f of futures.values()) f.words = STATUS[f.status];
    return { t, index, lines, futures, over };
  }
}
