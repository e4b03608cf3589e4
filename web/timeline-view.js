// Owns: the timeline picture (SVG), one row per future (or per name, for huge runs) on a shared
// time axis. States are written in words beside the marks, never colour alone.
//
// It is incremental: sync() reads only the events that arrived since the last call and appends
// their marks to the rows they touch. What moves with time moves without the main thread: the "now"
// line (and the live labels beside it) is one group translated by a Web Animation, and each bar
// still growing (a life, an open pending stretch) is drawn to the end of the axis and scaled from
// its start by another, all timed from the run's start, so the compositor moves them in step and
// no frame is drawn between events. With reduced motion (or no Web Animations), tick() moves the
// same elements instead: the group by one transform, each bar by one attribute.
// The whole picture is rebuilt only when its geometry changes: a new width, a longer axis,
// grouping switched on, or a finished run. Nothing here decides when to draw: RunViews (views.js)
// calls it, and not at all while hidden.
import { s } from './dom.js';
import { ENDINGS, ms } from './model.js';

const AXIS = 26;
/** Below this width (px) the name goes above the bar instead of beside it, so phones keep a usable axis. */
const NARROW = 560;

function tickStep(spanMs) {
  for (const step of [10, 25, 50, 100, 250, 500, 1000, 2000, 5000, 10000, 30000, 60000]) {
    if (spanMs / step <= 8) return step;
  }
  return 120000;
}

export class TimelineView {
  constructor(label) {
    this.svg = s('svg', { class: 'timeline', viewBox: `0 0 720 ${AXIS + 30}`, role: 'img', 'aria-label': label });
    this.el = this.svg;
    this.width = 720; // the element's CSS width, kept by RunViews' ResizeObserver
    this.startedAt = 0; // performance.now() (ms) at the run's time 0, the origin of the animations
    this.animated = false; // moving parts run as Web Animations (set by begin())
    this.onOverflow = null; // called when a run outlasts the axis (the "now" line reached its end)
    this.anims = new Set();
    this.clear();
  }

  /** A run begins at `startedAt` (performance.now() ms). */
  begin(startedAt) {
    this.startedAt = startedAt;
    this.animated = typeof Element.prototype.animate === 'function' && !matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.clear();
  }

  /** Empties the picture (a new run begins). */
  clear() {
    this.stopAnimations();
    this.svg.replaceChildren();
    this.svg.setAttribute('viewBox', `0 0 ${this.width} ${AXIS + 30}`);
    this.geo = null; // geometry the rows were drawn with
    this.rows = new Map(); // row of the model (a life or a Group) → its drawing
    this.order = []; // rows top to bottom
    this.growing = new Set(); // bars that grow with time (see grow())
    this.seen = 0; // model events already drawn
    this.stale = true;
    this.cursorEls = [];
  }

  /** The geometry for `model` at `spanUs`; rows draw at the element's real width, so text keeps its size. */
  geometry(model, spanUs) {
    const W = Math.max(280, Math.round(this.width) || 720);
    const narrow = W < NARROW;
    const LABEL = narrow ? 18 : 150; // name column (on phones, room for the first tick's label)
    const END_TEXT = narrow ? 18 : 250; // room for "✗ dropped while pending at 1001 ms"
    const span = Math.max(spanUs, 50_000);
    return {
      W, narrow, LABEL, ROW: narrow ? 60 : 30, span, grouped: model.grouped,
      x: (t) => LABEL + (Math.min(t, span) / span) * (W - LABEL - END_TEXT),
    };
  }

  /**
   * Brings the picture up to date with `model` at time `nowUs`, on an axis of `spanUs`: appends what
   * the new events changed, or rebuilds everything if the geometry changed.
   */
  sync(model, nowUs, spanUs) {
    const geo = this.geometry(model, spanUs);
    const g0 = this.geo;
    if (!g0 || g0.W !== geo.W || g0.span !== geo.span || g0.grouped !== geo.grouped) {
      this.rebuild(model, nowUs, geo);
      return;
    }
    // Rows touched by the new events (10,000 events of one name touch one row).
    const dirty = new Set();
    for (let i = this.seen; i < model.size; i++) {
      const r = model.rowOf(model.fids[i]);
      if (r) dirty.add(r);
    }
    this.seen = model.size;
    let added = false;
    for (const r of dirty) {
      let row = this.rows.get(r);
      if (!row) {
        row = this.addRow(r);
        added = true;
      }
      if (row.kind === 'group' && row.group.n > 1 !== row.many) { this.rebuild(model, nowUs, geo); return; }
      row.update(model, nowUs);
    }
    if (added) this.drawAxis();
    this.tick(model, nowUs);
    this.stale = false;
  }

  /** Draws everything again from the model. */
  rebuild(model, nowUs, geo = this.geometry(model, this.geo ? this.geo.span : 0)) {
    this.stopAnimations();
    this.svg.replaceChildren();
    this.geo = geo;
    this.nowX = undefined;
    this.rows = new Map();
    this.order = [];
    this.growing = new Set();
    this.axisLayer = s('g', { class: 'axis-layer' });
    this.rowLayer = s('g', { class: 'rows' });
    // What moves with time in one group: the "now" line and the live labels beside it.
    this.nowLayer = s('g', { class: 'now-layer' });
    this.nowLine = s('line', { class: 'now', x1: 0, x2: 0, y1: 0, y2: 0 });
    this.nowLayer.append(this.nowLine);
    this.cursorLayer = s('g', { class: 'cursor-layer' });
    this.svg.append(this.axisLayer, this.rowLayer, this.nowLayer, this.cursorLayer);
    if (model.state === 'running' && this.animated) {
      const { x, span } = geo;
      const a = this.nowLayer.animate([{ transform: `translateX(${x(0)}px)` }, { transform: `translateX(${x(span)}px)` }],
        { duration: span / 1000, easing: 'linear', fill: 'forwards' });
      a.startTime = this.startedAt;
      a.onfinish = () => { if (this.anims.has(a) && this.onOverflow) this.onOverflow(); };
      this.anims.add(a);
    }
    for (const r of model.rows()) this.addRow(r).update(model, nowUs);
    this.seen = model.size;
    this.drawAxis();
    this.tick(model, nowUs);
    this.stale = false;
  }

  stopAnimations() {
    for (const a of this.anims) a.cancel();
    this.anims.clear();
  }

  /**
   * Starts growing `el` (a rect by its width, a line by its x2) from `x0`, which "now" passed at
   * run time `t0Us`, so that its right end stays on the "now" line. Returns a handle for stopGrowing().
   */
  grow(el, attr, x0, t0Us) {
    const g = { el, attr, x0, anim: null };
    this.growing.add(g);
    if (this.animated) {
      const { x, span } = this.geo;
      // Drawn to the end of the axis, scaled from its start: scaleX is linear in time exactly as
      // the "now" line's position is, so the two stay together.
      el.setAttribute(attr, attr === 'width' ? Math.max(x(span) - x0, 1) : Math.max(x(span), x0 + 1));
      el.style.transformOrigin = `${x0}px 0px`;
      const t0 = Math.min(t0Us, span - 1000);
      g.anim = el.animate([{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }],
        { duration: (span - t0) / 1000, easing: 'linear', fill: 'forwards' });
      g.anim.startTime = this.startedAt + t0 / 1000;
      this.anims.add(g.anim);
    } else if (this.nowX !== undefined) this.growTo(g, this.nowX);
    return g;
  }

  growTo(g, nx) {
    g.el.setAttribute(g.attr, g.attr === 'width' ? Math.max(nx - g.x0, 1) : Math.max(nx, g.x0 + 1));
  }

  /** Stops growing `g` and fixes its right end at `end` (px). */
  stopGrowing(g, end) {
    if (!g) return;
    this.growing.delete(g);
    if (g.anim) {
      g.anim.cancel();
      this.anims.delete(g.anim);
      g.el.style.transformOrigin = '';
    }
    this.growTo(g, end);
  }

  addRow(r) {
    const i = this.order.length;
    const row = r.isGroup ? new GroupRow(this, r, i) : new LifeRow(this, r, i);
    this.rows.set(r, row);
    this.order.push(row);
    this.rowLayer.append(row.g);
    return row;
  }

  /** The axis, its ticks and the grid: redrawn when the number of rows changes (the axis moves down). */
  drawAxis() {
    const { W, LABEL, ROW, span, x } = this.geo;
    const height = AXIS + Math.max(this.order.length, 1) * ROW + 6;
    this.axisY = height - AXIS + 4;
    this.svg.setAttribute('viewBox', `0 0 ${W} ${height}`);
    const parts = [s('line', { class: 'axis', x1: LABEL, x2: x(span), y1: this.axisY, y2: this.axisY })];
    const step = tickStep(span / 1000);
    for (let t = 0; t <= span / 1000 + 1e-9; t += step) {
      const tx = x(t * 1000);
      parts.push(s('line', { class: 'grid', x1: tx, x2: tx, y1: 0, y2: this.axisY }));
      parts.push(s('text', { class: 'tick', x: tx, y: this.axisY + 16, 'text-anchor': 'middle' }, t >= 1000 ? `${t / 1000} s` : `${t} ms`));
    }
    this.axisLayer.replaceChildren(...parts);
    this.nowLine.setAttribute('y2', this.axisY);
  }

  /**
   * Moves what moves with time to `nowUs`: the "now" layer, and the bars still growing. Animated,
   * the compositor does this and there is nothing to do.
   */
  tick(model, nowUs) {
    if (!this.geo) return;
    const running = model.state === 'running';
    this.nowLayer.style.display = running && !this.cursorEls.length ? '' : 'none';
    if (!running || this.animated) return;
    const nx = this.geo.x(nowUs);
    if (nx === this.nowX) return;
    this.nowX = nx;
    this.nowLayer.setAttribute('transform', `translate(${nx.toFixed(1)} 0)`);
    for (const g of this.growing) this.growTo(g, nx);
  }

  /** Marks the step-through cursor (an event, or null) on the timeline. */
  setCursor(model, e) {
    for (const el of this.cursorEls) el.remove();
    this.cursorEls = [];
    for (const row of this.order) row.g.classList.remove('current');
    if (!e || !this.geo) {
      if (this.nowLayer) this.nowLayer.style.display = model && model.state === 'running' ? '' : 'none';
      return;
    }
    const cx = this.geo.x(e.t);
    this.cursorEls.push(s('line', { class: 'cursor', x1: cx, x2: cx, y1: 0, y2: this.axisY }));
    // A ring on the very mark the step is about, so "this is when it was polled" has a place to point at.
    const row = this.rows.get(model.rowOf(e.future));
    if (row) {
      row.g.classList.add('current');
      this.cursorEls.push(s('circle', { class: 'cursor-ring', cx, cy: row.mid, r: 9 }));
    }
    this.cursorLayer.append(...this.cursorEls);
    this.nowLayer.style.display = 'none';
  }
}

/** Rows share their frame: background, name, and where the bar's middle is. */
class Row {
  constructor(view, name, i) {
    const { W, narrow, ROW } = view.geo;
    this.view = view;
    this.y = i * ROW + 6;
    this.mid = narrow ? this.y + 46 : this.y + ROW / 2 - 3;
    this.g = s('g', { class: 'row' });
    this.nameEl = s('text', { class: 'name', x: 6, y: narrow ? this.y + 13 : this.mid + 4 }, name);
    this.g.append(s('rect', { class: 'row-bg', x: 0, y: this.y, width: W, height: ROW - 2 }), this.nameEl);
    this.life = s('line', { class: 'life', y1: this.mid, y2: this.mid });
    // Pending bars under the poll and wake marks, whatever order they arrive in.
    this.under = s('g');
    this.g.append(this.life, this.under);
    this.endEl = null;
    this.liveEl = null;
  }

  /** The label of a row still alive: beside the "now" line, or under the name on phones. */
  setLive(text) {
    const { narrow } = this.view.geo;
    if (text === null) {
      if (this.liveEl) this.liveEl.remove();
      this.liveEl = null;
      return;
    }
    if (!this.liveEl) {
      this.liveEl = narrow
        ? s('text', { class: 'end live', x: 6, y: this.y + 28 })
        : s('text', { class: 'end live', x: 4, y: this.mid + 4 });
      (narrow ? this.g : this.view.nowLayer).append(this.liveEl);
    }
    if (this.liveEl.textContent !== text) this.liveEl.textContent = text;
  }

  /** The ending, in words, once: "✓ ready at 1001 ms". */
  setEnd(ok, words, ex) {
    if (this.endEl) return;
    const { narrow } = this.view.geo;
    this.setLive(null);
    if (narrow) {
      this.g.append(s('text', { class: 'end mark', x: ex, y: this.mid + 4, 'text-anchor': 'middle' }, ok ? '✓' : '✗'));
      this.endEl = s('text', { class: `end ${ok ? 'ok' : 'bad'}`, x: 6, y: this.y + 28 }, words);
    } else {
      this.endEl = s('text', { class: `end ${ok ? 'ok' : 'bad'}`, x: ex + 4, y: this.mid + 4 }, words);
    }
    this.g.append(this.endEl);
  }
}

/** One future's row: its life line, polls, pending stretches and wakes, appended as they happen. */
class LifeRow extends Row {
  constructor(view, f, i) {
    super(view, f.name, i);
    this.kind = 'life';
    this.f = f;
    this.polls = 0; // polls drawn
    this.wakes = 0; // wakes drawn
    this.drops = 0; // user Drops drawn
    this.pollCols = new Set();
    this.wakeCols = new Set();
    this.stretch = null; // the last pending rect: { el, a (px), ta (µs at a), b (px), growing }
    this.open = false; // the last stretch is still pending (grows with time)
    this.lifeGrowing = null;
    this.life.setAttribute('x1', view.geo.x(f.created));
    this.life.setAttribute('x2', view.geo.x(f.created) + 1);
  }

  update(model, nowUs) {
    const { x } = this.view.geo;
    const f = this.f;
    const x1 = x(f.created);
    // Pending stretches (waiting, handed back to the event loop) and polls (running). Marks closer
    // than a pixel are merged, so a future polled 10,000 times costs at most one mark per pixel.
    for (; this.polls < f.polls.length; this.polls++) {
      const p = f.polls[this.polls];
      if (this.open) this.closeStretch(x(p.start));
      const px = Math.round(x(p.start));
      const w = x(p.end) - x(p.start);
      if (!(w < 2 && this.pollCols.has(px))) {
        this.pollCols.add(px);
        // Hover text for mouse users (the table below is the accessible alternative).
        this.g.append(s('rect', { class: 'running', x: px - 1, y: this.mid - 8, width: Math.max(w, 2), height: 16 },
          s('title', {}, `${f.name} polled at ${ms(p.start)} → ${p.ready ? 'Ready' : 'Pending'}`)));
      }
      if (!p.ready) this.openStretch(x(p.end), p.end);
    }
    if (this.open && (f.pollStart !== null || f.end !== null)) this.closeStretch(x(f.pollStart ?? f.end));
    for (; this.wakes < f.wakes.length; this.wakes++) {
      const px = Math.round(x(f.wakes[this.wakes]));
      if (this.wakeCols.has(px)) continue;
      this.wakeCols.add(px);
      this.g.append(s('circle', { class: 'wake', cx: px, cy: this.mid - 10, r: 3.5 }, s('title', {}, `${f.name} woken at ${ms(f.wakes[this.wakes])}`)));
    }
    for (; this.drops < f.drops.length; this.drops++) {
      const d = f.drops[this.drops];
      const px = Math.round(x(d.t));
      this.g.append(s('rect', { class: 'drop', x: px - 3, y: this.mid + 7, width: 6, height: 6 }, s('title', {}, `${f.name} dropped a ${d.text} at ${ms(d.t)}`)));
    }
    if (f.ending) {
      this.endLife(Math.max(x(f.end), x1 + 1));
      const ok = f.ending === ENDINGS.ready;
      const when = f.ending === ENDINGS.never ? `, dropped at ${ms(f.end)}` : ` at ${ms(ok ? (f.readyAt ?? f.end) : f.end)}`;
      this.setEnd(ok, `${ok ? '✓' : '✗'} ${f.ending}${when}`, x(f.end));
    } else if (model.state === 'running') {
      if (!this.lifeGrowing) this.lifeGrowing = this.view.grow(this.life, 'x2', x1, f.created);
      this.setLive(f.firstPoll === null ? 'not polled yet' : (f.pendingSince !== null ? 'pending…' : 'running'));
    } else {
      // A finished run whose future was never dropped (a leaked task): its line ends at the end.
      this.endLife(Math.max(x(nowUs), x1 + 1));
      if (this.open) this.closeStretch(x(nowUs));
      this.setLive(null);
    }
  }

  endLife(x2) {
    this.view.stopGrowing(this.lifeGrowing, x2);
    this.lifeGrowing = null;
    this.life.setAttribute('x2', x2);
  }

  /** A pending stretch starts at `a` px (time `ta` µs), or the previous one goes on if it is within a pixel. */
  openStretch(a, ta) {
    let st = this.stretch;
    if (!st || a - st.b >= 1) {
      const el = s('rect', { class: 'pending', x: a, y: this.mid - 6, width: 1, height: 12 },
        s('title', {}, `${this.f.name} pending: waiting, with the event loop free`));
      this.under.append(el);
      st = this.stretch = { el, a, ta, b: a };
    }
    st.growing = this.view.grow(st.el, 'width', st.a, st.ta);
    this.open = true;
  }

  closeStretch(b) {
    const st = this.stretch;
    st.b = Math.max(st.b, b);
    this.view.stopGrowing(st.growing, st.a + Math.max(st.b - st.a, 1));
    st.growing = null;
    this.open = false;
  }
}

/** The row of every future of one name (huge runs): the span they were pending, and when they ended. */
class GroupRow extends Row {
  constructor(view, group, i) {
    super(view, group.n > 1 ? `${group.name} ×${group.n}` : group.name, i);
    this.kind = 'group';
    this.group = group;
    this.many = group.n > 1;
    if (!this.many) {
      // A name with one future is drawn as that future's own row.
      this.inner = new LifeRow(view, group.lives[0], i);
      this.g = this.inner.g;
      return;
    }
    this.pend = s('rect', { class: 'pending', y: this.mid - 6, width: 1, height: 12 });
    this.under.append(this.pend);
    this.bins = new Map(); // px → { n, el }: when members finished, as a density strip
    this.most = 1;
    this.ends = 0;
    this.lifeGrowing = null;
    this.pendGrowing = null;
  }

  update(model, nowUs) {
    if (!this.many) {
      this.inner.update(model, nowUs);
      return;
    }
    const { x } = this.view.geo;
    const g = this.group;
    this.nameEl.textContent = `${g.name} ×${g.n}`;
    this.x1 = x(g.created);
    this.life.setAttribute('x1', this.x1);
    // The members were pending from the first poll of any of them.
    const fromT = g.firstPoll ?? g.created;
    if (fromT !== this.fromT) {
      this.fromT = fromT;
      this.from = x(fromT);
      this.pend.setAttribute('x', this.from);
      this.view.stopGrowing(this.pendGrowing, this.from + 1);
      this.pendGrowing = null;
    }
    const touched = new Set();
    for (; this.ends < g.endTimes.length; this.ends++) {
      const bx = Math.round(x(g.endTimes[this.ends]));
      let bin = this.bins.get(bx);
      if (!bin) {
        bin = { n: 0, el: s('rect', { class: 'running', x: bx - 0.5, width: 1.5 }) };
        this.bins.set(bx, bin);
        this.g.append(bin.el);
      }
      bin.n++;
      touched.add(bin);
      if (bin.n > this.most) this.most = bin.n;
    }
    // Heights are relative to the fullest bin: if that changed, every bin is rescaled.
    const rescale = this.drawnMost !== this.most;
    this.drawnMost = this.most;
    for (const bin of rescale ? this.bins.values() : touched) {
      const hgt = 3 + 11 * (bin.n / this.most);
      bin.el.setAttribute('y', this.mid + 6 - hgt);
      bin.el.setAttribute('height', hgt);
    }
    if (g.over) {
      this.fix(x(g.lastEnd));
      const ok = g.endings.size === 1 && g.endings.has(ENDINGS.ready);
      this.setEnd(ok, `${ok ? '✓' : '✗'} ${g.ending}`, x(g.lastEnd));
    } else if (model.state === 'running') {
      if (!this.lifeGrowing) this.lifeGrowing = this.view.grow(this.life, 'x2', this.x1, g.created);
      if (!this.pendGrowing) this.pendGrowing = this.view.grow(this.pend, 'width', this.from, fromT);
      this.setLive(g.firstPoll === null ? 'not polled yet' : (g.pending > 0 ? 'pending…' : 'running'));
    } else {
      this.fix(x(nowUs));
      this.setLive(null);
    }
  }

  /** The life line and the pending span end at `nx` px. */
  fix(nx) {
    this.view.stopGrowing(this.lifeGrowing, Math.max(nx, this.x1 + 1));
    this.view.stopGrowing(this.pendGrowing, this.from + Math.max(nx - this.from, 1));
    this.lifeGrowing = this.pendGrowing = null;
    this.life.setAttribute('x2', Math.max(nx, this.x1 + 1));
    this.pend.setAttribute('width', Math.max(nx - this.from, 1));
  }
}

/** The legend: what each mark means, in words. */
export function legend() {
  const item = (cls, shape, text) => {
    const icon = s('svg', { class: 'legend-icon', viewBox: '0 0 20 14', 'aria-hidden': 'true' }, shape);
    const li = document.createElement('li');
    li.className = cls;
    li.append(icon, text);
    return li;
  };
  const ul = document.createElement('ul');
  ul.className = 'legend';
  ul.append(
    item('lg-running', s('rect', { class: 'running', x: 8, y: 0, width: 4, height: 14 }), 'polled (running)'),
    item('lg-pending', s('rect', { class: 'pending', x: 1, y: 3, width: 18, height: 8 }), 'Pending (waiting; the event loop is free)'),
    item('lg-wake', s('circle', { class: 'wake', cx: 10, cy: 7, r: 4 }), 'woken'),
    item('lg-end', s('text', { class: 'end ok', x: 2, y: 12 }, '✓'), 'ready'),
    item('lg-end', s('text', { class: 'end bad', x: 2, y: 12 }, '✗'), 'dropped while pending / never polled'),
  );
  return ul;
}
