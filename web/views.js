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
//   const views = new RunViews({ title: 'join!', lines: 6 });
//   container.append(views.log.el, views.details);
//   const session = new RunSession({ listeners: [views] });
//   session.run({ ..., meta: { predictedUs: 3e6 } });   // predictedUs sets the first axis length
import { h } from './dom.js';
import { LogView } from './log-view.js';
import { TimelineView, legend } from './timeline-view.js';
import { TableView } from './table-view.js';
import { Stepper } from './stepper.js';

/** The shortest axis: a run that takes no time still gets a readable one. */
const MIN_SPAN_US = 50_000;
/**
 * While events pour in (10,000 timers firing, each its own task), the table and the timeline take
 * them in at most this often (ms). The first event after a calm spell is shown at once.
 */
const CALM_MS = 100;
/** Without animations (reduced motion), "now" steps this often (ms) while a run is in flight. */
const STEP_MS = 250;

export class RunViews {
  /**
   * @param {object} o
   * @param {string} o.title   names the log, timeline and table for screen readers
   * @param {number} [o.lines] log lines to reserve (see LogView)
   */
  constructor({ title, lines = 4 }) {
    this.log = new LogView(`Output of ${title}`, lines);
    this.timeline = new TimelineView(`Timeline of the futures in ${title}; the table below lists the same facts`);
    // The run outlasted the axis: spanFor() grows it, and the next drawing rebuilds on the new one.
    this.timeline.onOverflow = () => { this.timeline.stale = true; this.schedule(); };
    this.table = new TableView(`Futures of the last run of ${title}`);
    this.stepper = new Stepper((e) => this.moveCursor(e));
    this.figure = h('figure', { class: 'timeline-figure', tabindex: '0', 'aria-label': `Timeline of ${title}. Use the left and right arrow keys to step through events.` },
      this.timeline.el, h('figcaption', {}, legend()));
    this.stepper.keys(this.figure);
    this.details = h('details', { class: 'futures-details', open: true },
      h('summary', {}, 'The futures’ lives: timeline'), this.figure, this.stepper.el, this.table.el);

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
  get visible() { return this.details.open && this.onScreen; }

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
    this.startedAt = performance.now() * 1000;
    this.predictedUs = meta.predictedUs ?? 0;
    this.cursor = null;
    this.span = Math.max(this.predictedUs * 1.05, MIN_SPAN_US);
    this.log.begin(model);
    this.timeline.begin(this.startedAt / 1000);
    this.table.clear();
    this.stepper.reset(model);
    this.schedule();
  }

  event(model, kind, future, t, text) {
    this.log.event(model, kind, future, t, text);
    this.queueTable();
    this.timeline.stale = true;
    this.schedule();
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
    // The finished picture, on its final axis, drawn now if the timeline is open (even off-screen:
    // it is one drawing, and what a reader scrolls to must be complete).
    this.cancelFrames();
    this.timeline.stale = true;
    if (this.details.open) this.drawTimeline();
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
    if (this.model && this.visible) this.drawTimeline();
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
    this.table.setCurrent(m, e ? e.future : null);
  }

  /** Stops drawing and observing (the element was removed). */
  destroy() {
    this.cancelFrames();
    clearTimeout(this.tableTimer);
    this.timeline.stopAnimations();
    this.model = null;
    if (this.io) this.io.disconnect();
    if (this.ro) this.ro.disconnect();
  }
}
