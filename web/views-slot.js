// Owns: a lesson demo's views until they are loaded. The first load carries the log (LogView) and a
// placeholder for the rest; the timeline, the futures table, the step-through and "a run you can
// keep" (RunViews in views.js, with the statistics, lints, Perfetto export, run files and replay,
// and the verdict panel's transcripts) come in later.js, imported when the first run starts, a saved
// run is opened, or the transcripts are asked for. A first visit that only reads runs none of it.
//
// As a session listener it stands in for RunViews: events go to the log at once and to the views
// once they are there; the views catch up on a run that began before they came (RunViews.adopt).
//
//   const slot = new ViewsSlot({ title: 'join!', lines: 6, program, open });
//   container.append(slot.log.el, slot.details);   // slot.details is replaced in place when loaded
//   new RunSession({ listeners: [slot, chrome] });
//   (await slot.load()).keep.refuse('…');           // the RunViews, loaded
import { h } from './dom.js';
import { LogView } from './log-view.js';

let later = null;
/** Imports later.js once, from beside this script (any folder or host works, as for code.js). */
export function loadLater() {
  if (!later) {
    later = import(new URL('./later.js', import.meta.url).href).catch((err) => {
      later = null;
      throw err;
    });
  }
  return later;
}

export class ViewsSlot {
  /** @param {object} o  RunViews' options: { title, lines, program, open } */
  constructor(o) {
    this.o = o;
    this.views = null;
    this.loading = null;
    this.model = null;
    this.meta = null;
    this.log = new LogView(`Output of ${o.title}`, o.lines);
    // Before the first run: what will be here, and the one control that needs no run.
    const open = h('button', { type: 'button' }, 'Open a saved run');
    // The file picker opens from the real control once the views are in (the click's activation
    // outlives the import).
    open.addEventListener('click', () => this.load().then((v) => v.keep.openButton.click(), (err) => this.failed(err)));
    this.error = h('p', { class: 'error', role: 'alert', hidden: true });
    this.details = h('details', { class: 'futures-details', open: true },
      h('summary', {}, 'The futures’ lives: timeline'),
      h('p', { class: 'note' }, 'The timeline, the table of the futures and the step-through appear when a run starts.'),
      h('div', { class: 'keep-buttons' }, open, this.error));
  }

  /** Loads the views (once), puts them in the placeholder's place, and catches them up on the run. */
  load() {
    if (!this.loading) {
      this.loading = loadLater().then((m) => {
        if (this.destroyed) return null;
        m.adoptViewsCss(this.details.getRootNode());
        this.views = new m.RunViews({ ...this.o, log: this.log });
        this.details.replaceWith(this.views.details);
        this.details = this.views.details;
        if (this.model) this.views.adopt(this.model, this.meta);
        return this.views;
      }, (err) => {
        this.loading = null;
        throw err;
      });
    }
    return this.loading;
  }

  failed(err) {
    this.error.hidden = false;
    this.error.textContent = `The timeline could not be loaded: ${err && err.message ? err.message : err}.`;
  }

  /** The lints of `model`'s finished run, once the views have it (empty if another run came since). */
  lintsOf(model) {
    return this.load().then((v) => (v && v.model === model ? v.lints : []), () => []);
  }

  // ---- RunSession listener ----

  begin(model, meta) {
    this.model = model;
    this.meta = meta;
    if (this.views) this.views.begin(model, meta);
    else {
      this.log.begin(model);
      // After the run has started (its timers set): the import is not in the way of its start.
      setTimeout(() => this.load().catch((err) => this.failed(err)), 0);
    }
  }

  event(model, kind, future, t, text) {
    if (this.views) this.views.event(model, kind, future, t, text);
    else this.log.event(model, kind, future, t, text);
  }

  end(model) {
    if (this.views) this.views.end(model);
    else this.log.end(model);
  }

  fail() {
    if (this.views) this.views.fail();
    this.model = null;
  }

  destroy() {
    this.destroyed = true;
    if (this.views) this.views.destroy();
  }
}
