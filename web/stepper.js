// Owns: step-through of a finished run, one event at a time (Prev/Next buttons, or ← → on the
// stepper or on any element given to keys()), each with a one-line explanation (model.js explain).
// It knows nothing about the timeline or the table: it calls onMove(event | null) and RunViews
// moves their cursors.
import { h } from './dom.js';
import { explain, ms } from './model.js';

const IDLE = 'After a run, step through its events here (or with the ← → keys).';

export class Stepper {
  /** @param {(e: {i:number, t:number, kind:number, future:number, text?:string} | null) => void} onMove */
  constructor(onMove) {
    this.onMove = onMove;
    this.model = null;
    this.cursor = -1;
    this.explainRuntime = null; // (model, i) => sentence | null, set by views.js
    this.prev = h('button', { type: 'button', class: 'step', disabled: true, 'aria-keyshortcuts': 'ArrowLeft' }, '◀ Prev event');
    this.next = h('button', { type: 'button', class: 'step', disabled: true, 'aria-keyshortcuts': 'ArrowRight' }, 'Next event ▶');
    this.info = h('p', { class: 'step-info', 'aria-live': 'polite' }, IDLE);
    this.prev.addEventListener('click', () => this.step(-1));
    this.next.addEventListener('click', () => this.step(1));
    this.el = h('div', { class: 'stepper', role: 'group', 'aria-label': 'Step through the run' }, this.prev, this.next, this.info);
    this.keys(this.el);
  }

  /** Lets ← → step through the run while focus is inside `el`. */
  keys(el) {
    el.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      if (!this.model || !this.model.over) return;
      this.step(e.key === 'ArrowRight' ? 1 : -1);
      e.preventDefault();
    });
  }

  /** A run began (`model`) or none is shown (null): nothing to step through until it ends. */
  reset(model) {
    this.model = model;
    this.cursor = -1;
    this.update();
  }

  /** Enables the buttons if the run is over. */
  update() {
    const m = this.model;
    const ready = !!(m && m.over && m.size);
    this.prev.disabled = !ready || this.cursor <= 0;
    this.next.disabled = !ready || this.cursor >= m.size - 1;
    if (!ready) this.info.textContent = IDLE;
  }

  step(delta) {
    const m = this.model;
    if (!m || !m.over || !m.size) return;
    this.onMove(this.goTo(this.cursor + delta));
  }

  /**
   * Shows event `i` (clamped to the run) without reporting a move: the time slider moved, and it
   * moves the other views itself. Returns the event shown, or null if there is none.
   */
  goTo(i) {
    const m = this.model;
    if (!m || !m.over || !m.size) return null;
    this.cursor = Math.max(-1, Math.min(m.size - 1, i));
    if (this.cursor < 0) {
      this.info.textContent = 'The start of the run: nothing has happened yet.';
      this.update();
      return null;
    }
    const e = m.event(this.cursor);
    // The runtime's decisions are explained by runtime-view.js, once it is loaded (views.js).
    const words = (this.explainRuntime && this.explainRuntime(m, this.cursor)) || explain(m, e);
    this.info.textContent = `Event ${this.cursor + 1} of ${m.size}, at ${ms(e.t)}: ${words}`;
    this.update();
    return e;
  }
}
