// Owns: the lifecycle of a run, and nothing about how it looks. One session per place that runs
// things (a demo section, the "Your code" editor): it starts a run with a *start function*, feeds
// its events to a RunModel and to listeners, stops it, frees its wasm handle, ignores the events
// of runs it superseded, and turns a Rust panic into one `crash` call.
//
//   const session = new RunSession({ listeners: [views, chrome] });
//   await session.run({
//     ready: loadWasm(),                                   // awaited first; a rejection → fail()
//     start: (api, onEvent) => api.start('join/join', 3000, 1000, 1000, onEvent),  // → a RunHandle
//     meta: { variant: 'join/join', plan },                // goes to new RunModel(meta)
//   });
//   session.stop(); session.destroy();
//
// `start` gets whatever `ready` resolved to, and must call the wasm synchronously and return its
// handle (an object with stop(), free() and `over`), as `start` and `run_code` both do. Listeners
// are plain objects with any of these methods, called in order:
//   begin(model, meta)                 a run starts (before its first event)
//   event(model, kind, future, tUs, text)  after the model ingested the event
//   end(model)                         the run finished, was stopped, or crashed (once per run)
//   crash(model, message)              Rust panicked in this run (after end)
//   fail(message, error)               the run could not start: `ready` rejected, or `start` threw
//                                      (`error` is what was thrown: a "Your code" start may throw
//                                      its diagnostics)
// Sentences name the thing that runs: `new RunSession({ name: 'This program' })` (default 'This demo').
import { K, RunModel } from './model.js';

export class RunSession {
  /** @param {{ listeners?: object[], name?: string }} [o] */
  constructor(o = {}) {
    this.listeners = o.listeners || [];
    this.name = o.name || 'This demo';
    this.model = null;
    this.handle = null;
    this.token = 0; // bumped by every run() and destroy(): a stale await sees it changed
    this.ended = null; // the model whose end() was reported
    // Honest timing: browsers throttle timers in hidden tabs (to 1 s, later to once a minute).
    this.onVisibility = () => {
      if (document.visibilityState === 'hidden' && this.running) this.model.hidden = true;
    };
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  get running() { return !!(this.model && !this.model.over); }

  notify(method, ...args) {
    for (const l of this.listeners) {
      if (typeof l[method] !== 'function') continue;
      try {
        l[method](...args);
      } catch (err) {
        // One broken view must not stop the run or the other views.
        console.error(`async-playground: a view failed in ${method}`, err);
      }
    }
  }

  /**
   * Starts a run, first stopping the one in flight. Resolves once started (or refused).
   * @param {{ ready?: Promise<any>, start: (api: any, onEvent: Function) => any, meta?: object }} o
   */
  async run({ ready, start, meta = {} }) {
    const token = ++this.token;
    this.release();
    let api;
    try {
      api = await ready;
    } catch (err) {
      if (token === this.token) this.notify('fail', `${this.name} cannot run: ${err && err.message ? err.message : err}`, err);
      return;
    }
    if (token !== this.token) return; // another press came while the wasm was loading
    const model = new RunModel(meta);
    model.hidden = document.visibilityState === 'hidden';
    this.model = model;
    this.notify('begin', model, meta);
    try {
      this.handle = start(api, (kind, future, t, text) => {
        // Events of a superseded run (e.g. the drops reported by its Stop) are not this run's.
        if (this.model !== model) return;
        model.add(kind, future, t, text);
        // The hot path (10,000 futures report 20,000 events in one task): no argument arrays.
        for (const l of this.listeners) {
          if (typeof l.event !== 'function') continue;
          try {
            l.event(model, kind, future, t, text);
          } catch (err) {
            console.error('async-playground: a view failed in event', err);
          }
        }
        if (kind === K.Crashed) this.crash(model, text);
        else if (kind === K.Done || kind === K.Stopped) this.end(model);
      });
    } catch (err) {
      this.handle = null;
      this.model = null;
      this.notify('fail', `${this.name} crashed (${err && err.message ? err.message : err}). Reload the page to try again.`, err);
      return;
    }
    // A run can end inside start() (lazy/call prints, drops and is Done at once).
    if (this.model === model && model.over) this.end(model);
  }

  /**
   * Shows a recorded run (an opened file) without running anything: the listeners get begin (with
   * `meta.loaded` true), every event, and end, at once, as if it had just run. `events` are checked
   * tuples (runfile.js parseRun), so the model never holds half a run.
   */
  load({ events, meta = {}, hidden = false, stalled = false }) {
    ++this.token;
    this.release();
    const model = new RunModel(meta);
    model.hidden = hidden;
    model.stalled = stalled;
    this.model = model;
    this.notify('begin', model, { ...meta, loaded: true });
    for (const [kind, future, t, text] of events) {
      model.add(kind, future, t, text);
      this.notify('event', model, kind, future, t, text);
    }
    this.end(model);
  }

  /** Reports the end of `model`'s run once, and frees its handle after the wasm call returns. */
  end(model) {
    if (this.model !== model || this.ended === model) return;
    this.ended = model;
    const handle = this.handle;
    this.handle = null;
    // Free the handle once the current wasm call (which reported this event) has returned. A
    // crashed run's handle is stopped and freed by crash() instead.
    if (handle && model.state !== 'crashed') queueMicrotask(() => handle.free());
    this.notify('end', model);
  }

  /** Rust panicked in this run: report it, and drop what is left of the run (clearing its timers). */
  crash(model, message) {
    const handle = this.handle; // taken before end() lets go of it
    this.end(model);
    this.notify('crash', model, message);
    // Not from inside the panic hook's call: the wasm is mid-trap; stop on the next task.
    if (handle) setTimeout(() => { try { handle.stop(); handle.free(); } catch { /* already gone */ } }, 0);
  }

  /** Stops the run in flight, if any: its futures are dropped and `Stopped` is reported. */
  stop() {
    if (this.handle) this.handle.stop();
  }

  /** Lets go of the current run: stops it if still going and frees its handle, silently. */
  release() {
    const old = this.handle;
    this.handle = null;
    this.model = null; // from here on its events (its Stop's drops) are ignored
    if (old && !old.over) old.stop();
    if (old) old.free();
  }

  /** Stops everything this session started. It can still run() again. */
  destroy() {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.token++;
    this.release();
  }
}
