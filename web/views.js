// Owns: the views of one run and when they draw. RunViews builds the log, the timeline (with its
// legend), the futures table and the stepper, listens to a RunSession, and decides what to draw:
//   - the log appends each line the moment it is printed;
//   - the table rewrites the rows an event touched, in the microtask after the events (a batch of
//     10,000 events is one rewrite; a stream of them, at most every CALM_MS), visible or not: it is
//     the text screen readers read;
//   - the timeline appends the marks of new events at the next animation frame; what moves with
//     time (the "now" line, growing bars) is moved by the compositor (Web Animations), so between
//     events no frame is drawn at all (with reduced motion: a step four times a second instead).
//     It draws nothing while its <details> is closed or it is off-screen (IntersectionObserver),
//     and catches up when shown.
// Where the elements go is the caller's business: `log.el` and `details` are placed by it.
//
// Once a run is over (or opened from a file), it can be kept (KeepView, keep-view.js): the table gets
// its statistics and lint badges, Export to Perfetto and Save run download it, and the time slider
// under the timeline (or the stepper) shows the log, table and stepper as they were at an instant.
//
//   const views = new RunViews({ title: 'join!', lines: 6 });
//   container.append(views.log.el, views.details);
//   const session = new RunSession({ listeners: [views] });
//   session.run({ ..., meta: { predictedUs: 3e6 } });   // predictedUs sets the first axis length
import { h } from './dom.js';
import { LogView } from './log-view.js';
import { TimelineView, legend } from './timeline-view.js';
import { TableView } from './table-view.js';
import { placeGlossary } from './glossary.js';
import { Stepper } from './stepper.js';
import { K } from './model.js';
import { KeepView, download } from './keep-view.js';
import { StatsFold, futureStats } from './stats.js';
import { LintFold, lintsByFuture } from './lints.js';
import { toTrace } from './perfetto.js';
import { eventTuples, serializeRun } from './runfile.js';
import { Replay } from './replay.js';

/** Save run's default: a run of Your code (its meta carries the source it ran) is saved as code. */
const codeProgram = (model, meta) => (typeof meta.source === 'string'
  ? { code: meta.source, params: meta.plan && meta.plan.speed ? { speed: meta.plan.speed / 1000 } : {} }
  : null);

/** A log that shows nothing: adopt() replays events the real log has shown already. */
const QUIET_LOG = { begin() {}, event() {}, end() {} };

/** The shortest axis: a run that takes no time still gets a readable one. */
const MIN_SPAN_US = 50_000;
/**
 * While events pour in (10,000 timers firing, each its own task), the table and the timeline take
 * them in at most this often (ms). The first event after a calm spell is shown at once.
 */
const CALM_MS = 100;
/** While a run is in flight, the runtime's queue panel is brought up to date at most this often (ms). */
const LIVE_MS = 250;
/** Without animations (reduced motion), "now" steps this often (ms) while a run is in flight. */
const STEP_MS = 250;

export class RunViews {
  /**
   * @param {object} o
   * @param {string} o.title   names the log, timeline and table for screen readers
   * @param {number} [o.lines] log lines to reserve (see LogView)
   * @param {(model, meta) => object|null} [o.program]  what ran, for Save run (runfile.js "program");
   *   null: it cannot be saved. By default, a run whose meta has `source` (Your code) is saved as code.
   * @param {(text: string, fileName: string) => void} [o.open]  opens a saved run's file (Open a saved run)
   * @param {LogView} [o.log]  the log, if it is already on the page (views-slot.js: the lessons load
   *   these views when their first run starts, and their log shows lines before that)
   */
  constructor({ title, lines = 4, program = codeProgram, open = null, log = null }) {
    this.title = title;
    this.program = program;
    this.keep = new KeepView({
      title,
      onExport: () => this.exportRun(),
      onSave: () => this.saveRun(),
      onOpen: (text, name) => (open ? open(text, name) : this.keep.refuse('Saved runs cannot be opened here.')),
      onScrub: (t) => this.scrubTo(t),
    });
    this.log = log || new LogView(`Output of ${title}`, lines);
    this.timeline = new TimelineView(`Timeline of the futures in ${title}; the table below lists the same facts`);
    // The run outlasted the axis: spanFor() grows it, and the next drawing rebuilds on the new one.
    this.timeline.onOverflow = () => { this.timeline.stale = true; this.schedule(); };
    this.table = new TableView(`Futures of the last run of ${title}`);
    this.stepper = new Stepper((e) => this.moveCursor(e));
    this.figure = h('figure', { class: 'timeline-figure', tabindex: '0', 'aria-label': `Timeline of ${title}. Use the left and right arrow keys to step through events.` },
      this.timeline.el, h('figcaption', {}, legend()));
    this.stepper.keys(this.figure);
    // The runtime's lane and queue panel (runtime-view.js) come with the first run: a page that runs
    // nothing never evaluates them. The panel sits right after the stepper.
    this.runtimeSlot = h('div', { class: 'runtime-slot' });
    this.details = h('details', { class: 'futures-details', open: true },
      h('summary', {}, 'The futures’ lives: timeline'), this.figure, this.keep.scrubber, this.stepper.el, this.runtimeSlot,
      this.table.el, this.keep.buttons);
    this.runtime = null; // RuntimeView, once loaded

    this.model = null;
    this.frame = 0; // requestAnimationFrame id
    this.timer = 0; // setTimeout id of a drawing put off (CALM_MS, STEP_MS)
    this.lastDraw = -Infinity;
    this.tableQueued = false;
    this.tableTimer = 0;
    this.lastTable = -Infinity;
    this.onScreen = false; // until the IntersectionObserver says otherwise
    this.details.addEventListener('toggle', () => this.schedule());
    if (typeof IntersectionObserver === 'function') {
      // Half a screen of margin: what is about to scroll into view is drawn already, so a reader
      // scrolling down finds the picture complete rather than watching it catch up.
      this.io = new IntersectionObserver((entries) => {
        this.onScreen = entries[entries.length - 1].isIntersecting;
        this.schedule();
      }, { rootMargin: '50% 0px' });
      this.io.observe(this.figure);
    } else this.onScreen = true;
    // The timeline draws at its real pixel width, so text keeps its size: redraw when it changes.
    if (typeof ResizeObserver === 'function') {
      this.ro = new ResizeObserver((entries) => {
        const w = entries[entries.length - 1].contentRect.width;
        if (w > 0 && Math.round(w) !== Math.round(this.timeline.width)) {
          this.timeline.width = w;
          this.timeline.stale = true;
          this.schedule();
        }
      });
      this.ro.observe(this.timeline.el);
    }
  }

  /** The timeline can be seen: its <details> is open and it is on screen. */
  get visible() { return this.onScreen && this.details.open; }

  /** µs since the run began (its end, once over). */
  now() {
    const m = this.model;
    return m.over ? m.endT : performance.now() * 1000 - this.startedAt;
  }

  /**
   * The axis length: the predicted duration (with a little room), so bars grow into a stable axis;
   * if a run outlasts it, the axis grows by half at once (one redraw) rather than every frame.
   */
  spanFor(nowUs) {
    const m = this.model;
    if (m.over) return Math.max(this.predictedUs * 1.05, m.endT, MIN_SPAN_US);
    if (nowUs > this.span) this.span = nowUs * 1.5;
    return this.span;
  }

  // ---- RunSession listener ----

  begin(model, meta = {}) {
    this.model = model;
    this.meta = meta;
    this.startedAt = performance.now() * 1000;
    this.predictedUs = meta.predictedUs ?? 0;
    this.cursor = null;
    this.span = Math.max(this.predictedUs * 1.05, MIN_SPAN_US);
    this.log.begin(model);
    placeGlossary(this.details);
    this.timeline.begin(this.startedAt / 1000);
    this.table.clear();
    this.stepper.reset(model);
    this.keep.setRun(null);
    this.keep.refuse(null);
    this.kept = null;
    // Statistics and lints are folded as events arrive, so the end of a 10,000-task run costs no
    // pass over its 70,000 events.
    this.statsFold = new StatsFold();
    this.lintFold = new LintFold();
    if (this.runtime) this.runtime.begin(model);
    else this.loadRuntime();
    this.schedule();
  }

  /** Loads the runtime's lane and panel (once), then shows the current run in them. */
  loadRuntime() {
    if (this.runtimeLoading) return;
    this.runtimeLoading = import('./runtime-view.js').then(({ RuntimeView, nextDecision }) => {
      const rt = new RuntimeView({ title: this.title, onStep: (d) => this.stepDecision(d, nextDecision) });
      this.runtime = rt;
      this.runtimeSlot.append(rt.el);
      this.timeline.lane = rt.lane;
      this.stepper.explainRuntime = (m, i) => rt.explain(m, i);
      this.stepper.keys(rt.el);
      if (this.model) {
        rt.begin(this.model);
        this.timeline.stale = true;
        if (this.model.over) {
          rt.live(this.model);
          if (this.details.open) this.drawTimeline();
        } else this.schedule();
      }
    }, (err) => console.error('async-playground: the runtime view could not load', err));
  }

  /** Jumps the stepper to the previous (-1) or next (1) decision of the runtime. */
  stepDecision(delta, nextDecision) {
    const m = this.model;
    if (!m || !m.over) return;
    // From the run's end (the panel shows it when nothing is stepped to), Next starts at the first.
    const from = this.cursor ? this.stepper.cursor : (delta > 0 ? -1 : m.size);
    const i = nextDecision(m, from, delta);
    if (i !== -1) this.moveCursor(this.stepper.goTo(i));
  }

  event(model, kind, future, t, text) {
    if (kind >= K.Taken) {
      // The runtime's decisions: only the lane and the panel (runtime-view.js) read them, when they
      // draw. They come in the middle of the futures' events, which ask for that drawing; only a
      // park (the last event before the runtime waits) asks for it itself.
      this.timeline.stale = true;
      if (kind === K.Parked) this.schedule();
      return;
    }
    this.log.event(model, kind, future, t, text);
    // A Created without text repeats the previous name (model.js): take the name the model resolved.
    const name = kind === K.Created ? model.futures.get(future).name : text;
    this.statsFold.add(kind, future, t, name);
    this.lintFold.add(kind, future, t, name);
    this.queueTable();
    this.timeline.stale = true;
    this.schedule();
  }

  /**
   * Takes over a run already under way, or over, whose lines the log shows already: these views were
   * loaded after it began (views-slot.js). The timeline, table, stepper and statistics catch up on
   * its events at once; the log is left as it is.
   */
  adopt(model, meta = {}) {
    const { log } = this;
    this.log = QUIET_LOG;
    try {
      this.begin(model, meta);
      for (let i = 0; i < model.size; i++) {
        const e = model.event(i);
        this.event(model, e.kind, e.future, e.t, e.text);
      }
      if (model.over) this.end(model);
    } finally {
      this.log = log;
    }
  }

  /** The table takes in new events after the current ones (a microtask), or CALM_MS after the last time. */
  queueTable() {
    if (this.tableQueued) return;
    this.tableQueued = true;
    const run = () => {
      this.tableQueued = false;
      this.tableTimer = 0;
      this.lastTable = performance.now();
      if (this.model) this.table.sync(this.model);
    };
    const wait = this.lastTable + CALM_MS - performance.now();
    if (wait <= 0) queueMicrotask(run);
    else this.tableTimer = setTimeout(run, wait);
  }

  end(model) {
    this.log.end(model);
    clearTimeout(this.tableTimer);
    this.tableQueued = false;
    this.table.sync(model, true); // "pending" becomes "—" in rows that never ended
    this.stepper.update();
    this.keepRun(model);
    // The queue panel's final words: after the run's last line is on screen (a huge run's are many).
    if (this.runtime) setTimeout(() => { if (this.model === model && !this.cursor) this.runtime.live(model); }, 0);
    // The finished picture, on its final axis, drawn now if the timeline is open (even off-screen:
    // it is one drawing, and what a reader scrolls to must be complete).
    this.cancelFrames();
    this.timeline.stale = true;
    if (this.details.open) this.drawTimeline();
  }

  /** The run could not start (its start function threw): nothing of it is drawn any more. */
  fail() {
    this.cancelFrames();
    this.timeline.stopAnimations();
    this.model = null;
  }

  // ---- drawing ----

  /**
   * Requests a frame if the timeline is visible and has something to draw: new events (at once, or
   * CALM_MS after the last drawing while they pour in), or, without animations, "now" (every STEP_MS).
   */
  schedule() {
    if (this.frame || !this.model || !this.visible) return;
    const t = this.timeline;
    const stepping = !this.model.over && !t.animated;
    if (!t.stale && !stepping) return;
    const now = performance.now();
    const due = Math.max(now, this.lastDraw + (t.stale ? CALM_MS : STEP_MS));
    if (this.timer) {
      if (this.timerDue <= due) return;
      clearTimeout(this.timer);
    }
    const go = () => {
      this.timer = 0;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.lastDraw = performance.now();
        this.draw();
        this.schedule();
      });
    };
    if (due <= now) go();
    else {
      this.timerDue = due;
      this.timer = setTimeout(go, due - now);
    }
  }

  cancelFrames() {
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = this.timer = 0;
  }

  draw() {
    if (this.model && this.visible) {
      this.drawTimeline();
      // The queue panel is text to read, not an animation: while events pour in, at most every
      // LIVE_MS (a 10,000-task run would otherwise re-word it at every frame).
      const now = performance.now();
      // A huge run (rows grouped by name) shows it when it ends, like its lane (runtime-view.js).
      if (this.runtime && !this.cursor && !this.model.grouped && now - (this.lastLive ?? -Infinity) >= LIVE_MS) {
        this.lastLive = now;
        this.runtime.live(this.model);
      }
    }
  }

  /** Brings the timeline up to date: appends, moves, or (new geometry, or a finished run) rebuilds. */
  drawTimeline() {
    const m = this.model;
    const t = this.timeline;
    const now = this.now();
    const span = this.spanFor(now);
    if (m.over) {
      if (t.stale || !t.geo || t.geo.span !== span) {
        t.rebuild(m, now, t.geometry(m, span));
        if (this.cursor) t.setCursor(m, this.cursor);
      }
    } else if (t.stale || !t.geo || t.geo.span !== span) t.sync(m, now, span);
    else t.tick(m, now);
  }

  moveCursor(e) {
    const m = this.model;
    this.cursor = e;
    this.drawTimeline();
    this.timeline.setCursor(m, e);
    this.table.setCurrent(m, e && e.kind < K.Taken ? e.future : null);
    if (this.runtime) this.runtime.showAt(m, e ? e.i : -1);
    // The stepper moved: the slider, log and table follow it to that event.
    if (this.kept && e) {
      const t = this.replay().timeOf(e.i);
      this.keep.setTime(t);
      this.showState(this.replay().stateAtIndex(e.i, t));
    }
  }

  // ---- a run you can keep ----

  /** The run is over: its events, statistics and lints, for the table, the files and the slider. */
  keepRun(model) {
    const lints = this.lintFold.finish({ stalled: !!model.stalled });
    this.kept = { model, lints, tuples: null, replayed: null };
    this.table.setStats(model, this.statsFold.stats(model.endT), lintsByFuture(lints));
    // The slider's arrow keys need the replay: built on first use, like the files.
    const nav = { next: (t) => this.replay().next(t), prev: (t) => this.replay().prev(t) };
    this.keep.setRun(model.endT, nav);
  }

  /** The finished run's events as tuples (runfile.js), made once, when first needed. */
  events() {
    const k = this.kept;
    if (!k.tuples) k.tuples = eventTuples(k.model);
    return k.tuples;
  }

  /** The finished run's Replay (replay.js), made once, when first needed. */
  replay() {
    const k = this.kept;
    if (!k.replayed) k.replayed = new Replay(this.events());
    return k.replayed;
  }

  /** The lints of the finished run, for "What just happened?" (empty until one is over). */
  get lints() { return this.kept ? this.kept.lints : []; }

  /** A name for downloaded files: the demo variant, or "your-code". */
  fileStem() {
    const v = this.kept.model.variant;
    return `async-playground-${v ? v.replace(/[^a-z0-9]+/gi, '-') : 'your-code'}`;
  }

  exportRun() {
    if (!this.kept) return;
    const trace = toTrace(this.events(), { title: `async-playground: ${this.title}` });
    download(`${this.fileStem()}.trace.json`, JSON.stringify(trace));
    this.keep.downloaded();
  }

  saveRun() {
    if (!this.kept) return;
    const { model } = this.kept;
    const events = this.events();
    const program = this.program(model, this.meta);
    if (!program) {
      this.keep.refuse('This run cannot be saved: it does not say which program ran.');
      return;
    }
    download(`${this.fileStem()}.run.json`, serializeRun({ program, events, hidden: model.hidden, stalled: !!model.stalled }));
    this.keep.downloaded();
  }

  /** The time slider moved to `t` (µs): the log, table, stepper and timeline show that instant. */
  scrubTo(t) {
    if (!this.kept) return;
    const { model } = this.kept;
    const replay = this.replay();
    const state = t >= replay.end ? null : replay.stateAt(t);
    const e = this.stepper.goTo(state ? state.index : model.size - 1);
    this.cursor = e ? { ...e, t } : null;
    this.drawTimeline();
    this.timeline.setCursor(model, this.cursor);
    this.table.setCurrent(model, e && e.kind < K.Taken ? e.future : null);
    if (this.runtime) this.runtime.showAt(model, e ? e.i : -1);
    this.showState(state);
  }

  /** Shows the log and table as in `state` (Replay.stateAt), or as the finished run if null. */
  showState(state) {
    const { model } = this.kept;
    const events = this.events();
    this.log.showUntil(state ? state.t : Infinity);
    if (!state) {
      this.table.showAt(model, null);
      return;
    }
    const stats = futureStats(events, { upTo: state.index, now: state.t });
    const lints = new Map();
    for (const l of this.kept.lints) {
      if (l.t > state.t || !state.futures.has(l.future)) continue;
      lints.set(l.future, [...(lints.get(l.future) || []), l.key]);
    }
    this.table.showAt(model, state, stats, lints);
  }

  /** Stops drawing and observing (the element was removed). */
  destroy() {
    this.keep.destroy();
    this.cancelFrames();
    clearTimeout(this.tableTimer);
    this.timeline.stopAnimations();
    this.model = null;
    if (this.io) this.io.disconnect();
    if (this.ro) this.ro.disconnect();
  }
}
