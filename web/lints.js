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
 * Every lint of a run. Returns `[{ key, future, name, t, sentence }]` in the order they happened
 * (`t` in µs). `stalled` says the run stopped because nothing could ever wake its tasks again (the
 * interpreter's `Turn::Stalled`): its pending futures then lost their wakers even if Stop dropped them.
 */
export function lint(events, { stalled = false } = {}) {
  const found = [];
  const futures = new Map(); // id → { name, state, pollStart, selfTime, wokenSince }
  const stack = []; // the polls in progress, innermost last (polls nest: one thread)
  let rootDone = false; // the run's first future (main) has finished: later drops are shutdown drops
  let rootId = null;
  let over = null; // Done | Stopped | Crashed, once seen

  // Where a drop came from: the poll that was running (select!, a timeout, a dropped JoinHandle), the
  // Stop button (the run reports Stopped right after dropping everything), or the runtime shutting
  // down after main returned.
  const dropCause = (i) => {
    if (stack.length) return { cause: 'parent', by: futures.get(stack[stack.length - 1]) };
    for (let j = i + 1; j < events.length; j++) {
      const k = events[j][0];
      if (k === K.Stopped) return { cause: 'stop' };
      if (k === K.Done || k === K.Crashed || k === K.Note) break;
      if (k !== K.DroppedPending && k !== K.DroppedNeverPolled && k !== K.Dropped && k !== K.Woken) break;
    }
    return { cause: rootDone ? 'shutdown' : 'other' };
  };

  for (let i = 0; i < events.length; i++) {
    const [kind, id, t, text] = events[i];
    const f = futures.get(id);
    switch (kind) {
      case K.Created:
        futures.set(id, { id, name: text, created: t, state: 'created', pollStart: null, childTime: 0, wokenSince: false });
        if (rootId === null) rootId = id;
        break;
      case K.Poll:
        if (!f) break;
        f.state = 'polling';
        f.pollStart = t;
        f.childTime = 0;
        f.wokenSince = false;
        stack.push(id);
        break;
      case K.Pending:
      case K.Ready: {
        if (!f) break;
        stack.pop();
        const d = t - (f.pollStart ?? t);
        // Blame the future whose own code ran that long, not every future it was nested in: main's
        // poll lasts as long as the busy loop inside blocking_wait's poll, but main did not block.
        const own = d - f.childTime;
        if (own > LONG_POLL_US) {
          found.push({
            key: 'long-poll', future: id, name: f.name, t: f.pollStart,
            sentence: `${f.name} ran for ${ms(own)} inside one poll (from ${ms(f.pollStart)}) without returning to the event loop: no timer, click or other future could run meanwhile. Over ${LONG_POLL_US / 1000} ms blocks the event loop; await a sleep instead of a busy wait.`,
          });
        }
        const parent = futures.get(stack[stack.length - 1]);
        if (parent) parent.childTime += d;
        f.state = kind === K.Ready ? 'ready' : 'pending';
        f.pollStart = null;
        if (kind === K.Ready && id === rootId) rootDone = true;
        break;
      }
      case K.Woken:
        if (f) f.wokenSince = true;
        break;
      case K.DroppedNeverPolled:
        if (!f) break;
        found.push({
          key: 'never-polled', future: id, name: f.name, t,
          sentence: `${f.name} was created at ${ms(f.created)} and dropped without ever being polled: a future does nothing until it is awaited (or spawned), so its body never ran.`,
        });
        f.state = 'dropped';
        break;
      case K.DroppedPending: {
        if (!f) break;
        const { cause, by } = dropCause(i);
        const lost = stalled && !f.wokenSince && (cause === 'stop' || cause === 'shutdown');
        if (lost) {
          found.push({
            key: 'lost-waker', future: id, name: f.name, t,
            sentence: `${f.name} was still pending when the run stalled, and nothing held its waker: it could never be woken again, so it waited forever (until ${cause === 'stop' ? 'Stop' : 'the runtime shut down'} dropped it).`,
          });
        }
        const why = {
          parent: `${by?.name ?? 'the future polling it'} dropped it during its poll (as select! drops every branch but the winner)`,
          stop: 'Stop dropped every future of the run at once and cleared its timers',
          shutdown: 'main had returned, and the runtime shutting down drops every task still running',
          other: 'its owner let go of it',
        }[cause];
        found.push({
          key: 'dropped-pending', future: id, name: f.name, t, cause,
          sentence: `${f.name} was dropped while pending at ${ms(t)}: ${why}, so the rest of its body never ran.`,
        });
        f.state = 'dropped';
        break;
      }
      case K.Dropped:
        if (f) f.state = 'dropped';
        break;
      case K.Done:
      case K.Stopped:
      case K.Crashed:
        if (over === null) over = { kind, t };
        break;
      default:
        break;
    }
  }

  // Still pending at the end of the recording, never woken since: nothing will poll it again.
  let end = over ? over.t : 0;
  if (!over) for (const e of events) end = Math.max(end, e[2]);
  const finished = over !== null && over.kind !== K.Crashed;
  for (const f of futures.values()) {
    if (f.state === 'pending' && !f.wokenSince && (finished || stalled)) {
      found.push({
        key: 'lost-waker', future: f.id, name: f.name, t: end,
        sentence: `${f.name} was still pending when the run ended, with no wake to come: nothing held its waker, so nothing will ever poll it again.`,
      });
    }
  }
  return found.sort((a, b) => a.t - b.t);
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
