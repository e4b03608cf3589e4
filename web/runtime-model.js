// Owns: the runtime's state at any event of a run, folded from its events (crate/src/trace.rs, the
// kinds from Kind.Taken on), and the one sentence that explains each decision. Browser-free.
//
// The runtime's events name *tasks* by a key (`future` of the event): the interpreter's Tokio task
// id (0 = `main`, Tokio's block_on future), or for the lessons the Run's task number. The Poll that
// follows a Taken is the task's top future, which gives the task its name.
//
//   const fold = new RuntimeFold(lesson);   // lesson: wasm-bindgen-futures' queue, not Tokio's
//   fold.sync(model);                       // takes in the model's events since the last call
//   fold.polling, fold.queued(), fold.timers, fold.waiting(), fold.parked, fold.lane
//   runtimeAt(model, i)                     // a fold of events 0..i (the stepper's position)
//   explainRuntime(model, i)                // the sentence for event i
import { K, ms } from './model.js';

/** True for the runtime's own events, whose `future` is a task key. */
export const isRuntime = (kind) => kind >= K.Taken && kind <= K.Shutdown;

const num = (text) => (text ? Number(text) : null);
/** An Armed or Disarmed event's text, `DEADLINE N [WAIT]` (crate/src/trace.rs). */
const timerOf = (text = '') => {
  const [deadline, n, wait] = text.split(' ').map(Number);
  return { deadline, n, wait };
};

/**
 * `1 s`, `250 ms`: a duration the way the lesson writes it. A timer registers at its first poll, a
 * little after `sleep()` was called, so what it waits from then is rounded to 10 ms (2999 ms is the
 * program's `sleep(3 s)`).
 */
export function span(us) {
  const m = us >= 100_000 ? Math.round(us / 10_000) * 10 : Math.round(us / 1000);
  return m >= 1000 && m % 100 === 0 ? `${m / 1000} s` : `${m} ms`;
}

export class RuntimeFold {
  /** @param {boolean} lesson  the run is a compiled lesson (wasm-bindgen-futures), not the interpreter */
  constructor(lesson) {
    this.lesson = lesson;
    this.seen = 0;
    this.tasks = new Map(); // key → { key, root, name, status: queued|polling|waiting|done, by }
    this.byRoot = new Map(); // top future id → task
    this.q = []; // task keys in queue order from this.head (the interpreter's main aside: mainReady)
    this.head = 0;
    this.inQueue = new Set();
    this.mainReady = false;
    this.polling = null; // the task being polled
    this.taking = null; // a Taken whose task's top future is not yet known
    this.timers = []; // { key, deadline, armedAt } in firing order
    this.parked = null; // { t, until } while the runtime sleeps
    this.lane = []; // { kind: 'poll' | 'park', key, t0, t1, until } for the timeline's lane
    this.over = false;
    this.last = null; // the last poll that ended: { task, ready, t, i }
    this.lastFired = null; // when timers last fired
  }

  task(key) {
    let task = this.tasks.get(key);
    if (!task) {
      task = { key, root: null, name: null, status: 'new', by: null };
      this.tasks.set(key, task);
    }
    return task;
  }

  /** Takes in events from this.seen to `upTo` (default: every event of `model`). */
  sync(model, upTo = model.size - 1) {
    for (let i = this.seen; i <= upTo; i++) this.add(model, i);
    this.seen = Math.max(this.seen, upTo + 1);
    return this;
  }

  add(model, i) {
    const kind = model.kinds[i];
    const id = model.fids[i];
    const t = model.times[i];
    switch (kind) {
      case K.Poll:
        if (this.taking && this.taking.root === null) {
          this.taking.root = id;
          this.taking.name = model.futures.get(id)?.name ?? null;
          this.byRoot.set(id, this.taking);
        }
        this.taking = null;
        return;
      case K.Pending:
      case K.Ready: {
        const task = this.byRoot.get(id);
        if (!task || this.polling !== task) return;
        task.status = kind === K.Ready ? 'done' : (task.status === 'queued' ? 'queued' : 'waiting');
        this.last = { task, ready: kind === K.Ready, t, i };
        this.polling = null;
        this.closePoll(t);
        return;
      }
      case K.Done:
      case K.Stopped:
      case K.Crashed:
        this.over = true;
        this.polling = null;
        this.closePoll(t);
        this.closePark(t);
        return;
      default:
        if (!isRuntime(kind)) return;
    }
    const text = model.texts.get(i);
    const task = kind === K.Parked || kind === K.Fired || kind === K.Shutdown ? null : this.task(id);
    if (kind !== K.Parked && kind !== K.Armed && kind !== K.Disarmed && kind !== K.Budget) this.closePark(t);
    switch (kind) {
      case K.Taken:
        this.closePoll(t);
        if (id === 0 && !this.lesson) this.mainReady = false;
        else if (this.inQueue.delete(id)) {
          if (this.q[this.head] === id) this.head++;
          else this.q.splice(this.q.indexOf(id, this.head), 1);
        }
        task.status = 'polling';
        this.polling = task;
        this.taking = task.root === null ? task : null;
        this.lane.push({ kind: 'poll', key: id, task, t0: t, t1: null });
        break;
      case K.Queued:
        task.by = text ?? '';
        if (task.status === 'polling') break; // woken during its own poll: queued when it returns
        task.status = 'queued';
        if (id === 0 && !this.lesson) this.mainReady = true;
        else if (!this.inQueue.has(id)) {
          this.inQueue.add(id);
          this.q.push(id);
        }
        break;
      case K.Armed:
        insertTimer(this.timers, { key: id, ...timerOf(text), armedAt: t });
        break;
      case K.Disarmed: {
        const { n } = timerOf(text);
        const at = this.timers.findIndex((x) => x.n === n);
        if (at !== -1) this.timers.splice(at, 1);
        break;
      }
      case K.Fired:
        this.timers.splice(0, num(text) ?? 0);
        this.lastFired = t;
        break;
      case K.Parked:
        this.closePoll(t);
        this.parked = { t, until: num(text) };
        this.lane.push({ kind: 'park', t0: t, t1: null, until: this.parked.until });
        break;
      case K.Shutdown:
        this.q = [];
        this.head = 0;
        this.inQueue.clear();
        this.mainReady = false;
        this.timers = [];
        break;
      default:
        break;
    }
  }

  closePoll(t) {
    const seg = this.lane[this.lane.length - 1];
    if (seg && seg.kind === 'poll' && seg.t1 === null) seg.t1 = t;
  }

  closePark(t) {
    if (!this.parked) return;
    this.parked = null;
    const seg = this.lane[this.lane.length - 1];
    if (seg && seg.kind === 'park' && seg.t1 === null) seg.t1 = t;
  }

  /**
   * The tasks waiting for something (not queued, not running, not finished), in key order: at most
   * `max` of them that `keep` accepts, and how many it accepts in all.
   */
  waiting(max = Infinity, keep = () => true) {
    const out = [];
    let n = 0;
    for (const task of this.tasks.values()) {
      if (task.status !== 'waiting' || !keep(task)) continue;
      n++;
      if (out.length < max) out.push(task);
    }
    out.total = n;
    return out;
  }

  /** The first task key in the queue, or undefined. */
  get first() { return this.q[this.head]; }

  /**
   * The run queue in order, as tasks (the interpreter's `main` first when woken: block_on polls it
   * first): at most `max`, with the queue's length as `total`.
   */
  queued(max = Infinity) {
    const out = this.q.slice(this.head, this.head + max).map((k) => this.tasks.get(k));
    if (this.mainReady) out.unshift(this.tasks.get(0));
    out.total = this.q.length - this.head + (this.mainReady ? 1 : 0);
    return out;
  }
}

/** Inserts timer `x` after every timer due no later (firing order: deadline, then arming order). */
function insertTimer(timers, x) {
  let lo = 0;
  let hi = timers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timers[mid].deadline <= x.deadline) lo = mid + 1;
    else hi = mid;
  }
  timers.splice(lo, 0, x);
}

/** The name of task `key`: its top future's name, known once it was first polled. */
export function taskName(names, key) {
  return names.get(key) ?? (key === 0 ? 'main' : `task ${key}`);
}

/** Every task's name in a finished run (a task is named by its first poll, which may come later). */
export function taskNames(model) {
  if (model.taskNames && model.taskNames.size_ === model.size) return model.taskNames;
  const names = new Map();
  let taking = null;
  for (let i = 0; i < model.size; i++) {
    const kind = model.kinds[i];
    if (kind === K.Taken) taking = names.has(model.fids[i]) ? null : model.fids[i];
    else if (kind === K.Poll && taking !== null) {
      names.set(taking, model.futures.get(model.fids[i])?.name ?? `task ${taking}`);
      taking = null;
    }
  }
  names.size_ = model.size;
  model.taskNames = names;
  return names;
}

/** The runtime after event `i` of `model` (a fresh fold; the caller may cache it and go on). */
export function runtimeAt(model, i, lesson = model.variant !== null) {
  return new RuntimeFold(lesson).sync(model, i);
}

const QUEUE = (lesson) => (lesson ? 'wasm-bindgen-futures’ queue' : 'the run queue');

/** What carried a wake, in words: `task 3 channel` → "sent on a channel". */
const VIA = { channel: 'used a channel', join: 'finished', lock: 'released a lock' };

/**
 * One sentence, in the lesson's words, for the runtime's event `i` (null for other events).
 * `fold` may be the runtime just before `i` (runtimeAt(model, i - 1)); made if not given.
 */
export function explainRuntime(model, i, fold = runtimeAt(model, i - 1)) {
  const kind = model.kinds[i];
  if (!isRuntime(kind)) return null;
  const key = model.fids[i];
  const text = model.texts.get(i) ?? '';
  const t = model.times[i];
  const names = taskNames(model);
  const name = taskName(names, key);
  const lesson = fold.lesson;
  const q = QUEUE(lesson);
  switch (kind) {
    case K.Taken: {
      if (fold.lane.length === 0) {
        return text === 'block_on'
          ? 'The runtime starts: it polls main, the future that block_on runs.'
          : `The runtime starts: ${name} is first in ${q}, so it is polled.`;
      }
      const why = text === 'block_on'
        ? `${name} was woken, and the runtime polls main (the block_on future) before the queue`
        : `${name} is ${fold.first === key ? 'first' : 'next'} in ${q}`;
      return `${before(model, i, fold, names)}${why}, so it is polled next.`;
    }
    case K.Queued: {
      const [who, by, via] = text.split(' ');
      const where = key === 0 && !lesson ? 'the runtime will poll it first, as the block_on future' : `it goes to the back of ${q}`;
      if (who === 'spawn') return `${taskName(names, Number(by))} spawned ${name}: ${where}, and first runs when ${taskName(names, Number(by))} reaches an .await that is not ready.`;
      if (who === 'start') return `Run pressed: ${name} is spawned onto ${q}.`;
      if (who === 'timer') {
        const due = fold.lastFired;
        return `${lesson ? 'A timer fired' : `The timer at ${ms(due ?? t)} fired`}: ${name} is woken, so ${where}.`;
      }
      if (who === 'yield') return `${name} yielded (yield_now or its coop budget): the runtime wakes it after the park, so ${where}.`;
      if (who === 'self') return `${name} woke itself while being polled: it is queued again as soon as its poll returns.`;
      if (who === 'task') {
        const waker = taskName(names, Number(by));
        return `${waker} ${VIA[via] ?? 'woke it'}, which woke ${name}: ${where}.`;
      }
      return `${name} is woken: ${where}.`;
    }
    case K.Armed: {
      const { deadline, wait } = timerOf(text);
      return `${name} awaited sleep(${span(wait)}): a timer is armed for ${ms(deadline)}, and ${name} will be woken then.`;
    }
    case K.Disarmed: return `${name} dropped a timer for ${ms(timerOf(text).deadline)} before it fired (a losing select! branch, or a timeout that was not needed): it is disarmed.`;
    case K.Fired: {
      const n = Number(text);
      return `It is ${ms(t)}: the runtime's timer driver fires ${n === 1 ? 'the timer that is' : `${n} timers that are`} due.`;
    }
    case K.Parked:
      if (text) return `${before(model, i, fold, names)}Nothing is ready (${q} is empty), so the runtime parks until the timer at ${ms(Number(text))}.`;
      return before(model, i, fold, names) + (lesson
        ? `Nothing is ready (${q} is empty), so wasm-bindgen-futures hands the thread back to the browser, which sleeps until a timer fires.`
        : 'Nothing is ready and no timer is armed: the runtime parks, and nothing can ever wake it.');
    case K.Budget: return `${name} used up its coop budget (128 operations in one poll): Tokio's resources now answer Pending, so it yields at its next .await on one of them.`;
    case K.Shutdown:
      return text === 'limit'
        ? 'A limit stopped the program: the runtime shuts down and drops every task still alive.'
        : `${text === 'main panicked' ? 'main panicked' : 'main returned'}, so the runtime shuts down and drops every task still alive.`;
    default: return null;
  }
}

/**
 * What the poll just before decision `i` left: "main awaited sleep(1 s): it returned Pending, so the
 * runtime looks for another task. " (with its trailing space), or '' if no poll ended since the last
 * decision.
 */
function before(model, i, fold, names) {
  const last = fold.last;
  if (!last || last.i < lastDecision(model, i)) return '';
  const prev = taskName(names, last.task.key);
  if (last.ready) return `${prev} finished (Ready), so the runtime looks for another task. `;
  const awaited = awaitedBy(model, last.task.key, last.i);
  return `${prev}${awaited ? ` awaited ${awaited}` : ' reached an .await that is not ready'}: it returned Pending, so the runtime looks for another task. `;
}

/** The index of the runtime decision (Taken, Parked, Shutdown) before `i`, or -1. */
function lastDecision(model, i) {
  for (let j = i - 1; j >= 0; j--) {
    const k = model.kinds[j];
    if (k === K.Taken || k === K.Parked || k === K.Shutdown) return j;
  }
  return -1;
}

/** What task `key` was left waiting on by its poll ending at event `end`: `sleep(1 s)`, or null. */
function awaitedBy(model, key, end) {
  for (let j = end; j >= 0; j--) {
    const k = model.kinds[j];
    if (k === K.Taken) break;
    if (k === K.Armed && model.fids[j] === key) return `sleep(${span(timerOf(model.texts.get(j)).wait)})`;
  }
  return null;
}
