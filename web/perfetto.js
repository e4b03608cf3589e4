// A run as Chrome Trace Event JSON, which opens in ui.perfetto.dev and chrome://tracing.
// Format: "Trace Event Format" (Google, 2016), the JSON object form `{ traceEvents: [...] }`.
// Browser-free, so the unit tests check the file's structure against the format's rules.
//
// - one track (a "thread") per future, named by an `M` thread_name event, plus one "JS event loop"
//   track for what happens outside every poll (a timer firing, the run ending);
// - one `X` complete slice per poll, named `poll → Pending` or `poll → Ready`;
// - `i` instants for created, woken, dropped and printed lines;
// - `s`/`f` flow arrows from the slice that woke a future to the poll the wake asked for;
// - one "runtime" track (tid 0, on top) when the run reported the runtime's decisions: a slice per
//   task the runtime polled (`poll main`) and per park (`parked until 1000 ms`), as the page's lane.
//
// Who woke whom is inferred from the times: a wake stamped while a poll was running was made by that
// poll's code (the innermost one: polls nest, there is one thread); any other wake came from the
// event loop (a timer's callback). Only the times can say this: Rust reports a Woken lazily, just
// before the woken future's next poll, stamped with the time its waker fired (crate/src/trace.rs).
// A wake stamped at the very µs a poll began counts as the event loop's: the browser's clock is
// coarse, and a timer's wake is followed at once by the poll of the task it woke.
//
// Flow ends are placed at the exact start of the slices they bind to: DevTools pairs a flow event
// with the slice of equal ts on its track, and Perfetto and chrome://tracing bind `s` to the slice
// enclosing it and `f` with `bp: "e"` likewise. At equal ts, slices come first in the array.
import { K } from './model.js';
import { RuntimeFold, taskName, taskNames } from './runtime-model.js';

const PID = 1;
const LOOP_TID = 1;
/** A future's track: ids start at 1, and tid 1 is the event loop. */
export const tidOf = (future) => future + 1;

const INSTANT = {
  [K.Created]: 'created',
  [K.Woken]: 'woken',
  [K.DroppedNeverPolled]: 'dropped, never polled',
  [K.DroppedPending]: 'dropped while pending',
  [K.Dropped]: 'dropped',
};
const RUN_END = { [K.Done]: 'run done', [K.Stopped]: 'run stopped', [K.Crashed]: 'run crashed' };

/**
 * Polls and wakes of a run, paired up: `polls` is every poll `{ future, start, end, ready }` (end null
 * if it never returned); `wakes` is every wake `{ future, t, by, poll }` where `by` is the index in
 * `polls` of the poll whose code woke it (null: the event loop) and `poll` the index of the poll it
 * asked for (null: none came, e.g. it had finished or was dropped first).
 */
export function pollsAndWakes(events) {
  const polls = [];
  const wakes = [];
  const open = new Map(); // future → index in polls of its poll in progress
  const waiting = new Map(); // future → index in wakes of its wake not yet answered by a poll
  for (const [kind, future, t] of events) {
    switch (kind) {
      case K.Poll: {
        const p = polls.push({ future, start: t, end: null, ready: false }) - 1;
        open.set(future, p);
        const w = waiting.get(future);
        if (w !== undefined) { wakes[w].poll = p; waiting.delete(future); }
        break;
      }
      case K.Pending:
      case K.Ready: {
        const p = open.get(future);
        if (p !== undefined) { polls[p].end = t; polls[p].ready = kind === K.Ready; open.delete(future); }
        break;
      }
      case K.Woken:
        waiting.set(future, wakes.push({ future, t, by: null, poll: null }) - 1);
        break;
      case K.DroppedNeverPolled:
      case K.DroppedPending:
      case K.Dropped:
        waiting.delete(future);
        break;
      default:
        break;
    }
  }
  attributeWakes(polls, wakes);
  return { polls, wakes };
}

/** Sets each wake's `by`: the innermost poll with start < t ≤ end, by one sweep over both, sorted. */
function attributeWakes(polls, wakes) {
  const byStart = polls.map((_, i) => i).filter((i) => polls[i].end !== null)
    .sort((a, b) => polls[a].start - polls[b].start || polls[b].end - polls[a].end);
  const byTime = wakes.map((_, i) => i).sort((a, b) => wakes[a].t - wakes[b].t);
  const stack = []; // nested polls that started before the current wake, innermost last
  let next = 0;
  for (const w of byTime) {
    const t = wakes[w].t;
    while (next < byStart.length && polls[byStart[next]].start < t) {
      const p = polls[byStart[next++]];
      while (stack.length && polls[stack[stack.length - 1]].end < p.end) stack.pop();
      stack.push(byStart[next - 1]);
    }
    while (stack.length && polls[stack[stack.length - 1]].end < t) stack.pop();
    wakes[w].by = stack.length ? stack[stack.length - 1] : null;
  }
}

/**
 * The Trace Event JSON object for a run. `events` are tuples `[kind, future, tUs, text]`; `title`
 * names the process track (the demo or "Your code"). Times stay in µs, the format's unit.
 */
export function toTrace(events, { title = 'async-playground run' } = {}) {
  const meta = [
    { ph: 'M', pid: PID, tid: LOOP_TID, name: 'process_name', args: { name: title } },
    { ph: 'M', pid: PID, tid: LOOP_TID, name: 'thread_name', args: { name: 'JS event loop' } },
    { ph: 'M', pid: PID, tid: LOOP_TID, name: 'thread_sort_index', args: { sort_index: 0 } },
  ];
  const timed = []; // [event, order at equal ts: slices 0, flows 1, instants 2]
  const names = new Map();
  let end = 0;
  for (const [kind, future, t, text] of events) {
    end = Math.max(end, t);
    if (kind === K.Created) {
      names.set(future, text);
      meta.push(
        { ph: 'M', pid: PID, tid: tidOf(future), name: 'thread_name', args: { name: `${text} #${future}` } },
        { ph: 'M', pid: PID, tid: tidOf(future), name: 'thread_sort_index', args: { sort_index: future } },
      );
    }
    const tid = names.has(future) ? tidOf(future) : LOOP_TID;
    if (INSTANT[kind] !== undefined) {
      timed.push([{ ph: 'i', s: 't', pid: PID, tid, ts: t, name: INSTANT[kind], cat: 'future' }, 2]);
    } else if (kind === K.Line || kind === K.Stderr) {
      const name = `${kind === K.Stderr ? 'eprintln' : 'println'}: ${text}`;
      timed.push([{ ph: 'i', s: 't', pid: PID, tid, ts: t, name, cat: 'output', args: { text } }, 2]);
    } else if (kind === K.Note) {
      timed.push([{ ph: 'i', s: 't', pid: PID, tid: LOOP_TID, ts: t, name: text, cat: 'note' }, 2]);
    } else if (RUN_END[kind] !== undefined) {
      const e = { ph: 'i', s: 'p', pid: PID, tid: LOOP_TID, ts: t, name: RUN_END[kind], cat: 'run' };
      if (kind === K.Crashed) e.args = { message: text };
      timed.push([e, 2]);
    }
  }

  const { polls, wakes } = pollsAndWakes(events);
  const counts = new Map();
  for (const p of polls) {
    const n = (counts.get(p.future) || 0) + 1;
    counts.set(p.future, n);
    // A poll that never returned (the run crashed inside it) lasts to the end of the recording.
    const stop = p.end ?? end;
    const name = p.end === null ? 'poll (never returned)' : p.ready ? 'poll → Ready' : 'poll → Pending';
    timed.push([{
      ph: 'X', pid: PID, tid: tidOf(p.future), ts: p.start, dur: stop - p.start, name, cat: 'poll',
      args: { future: names.get(p.future), poll: n },
    }, 0]);
  }

  // One slice on the event loop's track for each instant it woke futures, so its arrows have a start.
  const loopSlices = new Set();
  let flow = 0;
  for (const w of wakes) {
    if (w.poll === null) continue; // nothing to point at: no poll came after this wake
    flow += 1;
    let from;
    if (w.by === null) {
      if (!loopSlices.has(w.t)) {
        loopSlices.add(w.t);
        timed.push([{ ph: 'X', pid: PID, tid: LOOP_TID, ts: w.t, dur: 0, name: 'event loop: wake', cat: 'loop' }, 0]);
      }
      from = { tid: LOOP_TID, ts: w.t };
    } else {
      from = { tid: tidOf(polls[w.by].future), ts: polls[w.by].start };
    }
    const to = polls[w.poll];
    const name = `wakes ${names.get(w.future)}`;
    timed.push([{ ph: 's', pid: PID, tid: from.tid, ts: from.ts, id: flow, cat: 'wake', name }, 1]);
    timed.push([{ ph: 'f', bp: 'e', pid: PID, tid: tidOf(to.future), ts: to.start, id: flow, cat: 'wake', name }, 1]);
  }

  runtimeTrack(events, end, meta, timed);

  timed.sort((a, b) => a[0].ts - b[0].ts || a[1] - b[1]);
  return { traceEvents: [...meta, ...timed.map(([e]) => e)], displayTimeUnit: 'ms' };
}

/** The runtime's track (tid 0): the timeline's "runtime" lane as slices (web/runtime-model.js). */
function runtimeTrack(events, end, meta, timed) {
  const model = { kinds: [], fids: [], times: [], texts: new Map(), futures: new Map(), size: events.length, variant: null };
  let any = false;
  events.forEach(([kind, future, t, text], i) => {
    model.kinds.push(kind);
    model.fids.push(future);
    model.times.push(t);
    if (text !== undefined) model.texts.set(i, text);
    if (kind === K.Created) model.futures.set(future, { name: text });
    if (kind >= K.Taken && kind <= K.Shutdown) any = true;
  });
  if (!any) return;
  const RT = 0;
  meta.push(
    { ph: 'M', pid: PID, tid: RT, name: 'thread_name', args: { name: 'runtime' } },
    { ph: 'M', pid: PID, tid: RT, name: 'thread_sort_index', args: { sort_index: -1 } },
  );
  const names = taskNames(model);
  for (const seg of new RuntimeFold(false).sync(model).lane) {
    const stop = seg.t1 ?? end;
    const name = seg.kind === 'poll' ? `poll ${taskName(names, seg.key)}` : seg.until !== null ? `parked until ${Math.round(seg.until / 1000)} ms` : 'parked';
    timed.push([{ ph: 'X', pid: PID, tid: RT, ts: seg.t0, dur: Math.max(0, stop - seg.t0), name, cat: 'runtime' }, 0]);
  }
}
