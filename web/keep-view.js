// Owns: the controls of "A run you can keep", and nothing about runs: Export to Perfetto, Save run,
// Open a saved run (with the sentence for a file it refuses), the time slider under the timeline,
// and Replay at a chosen speed. It reports what the person asked for through callbacks; the caller
// (views.js) does it.
//
//   const keep = new KeepView({ title: 'join!', onExport, onSave, onOpen: (text, name) => …, onScrub: (tUs) => … });
//   keep.setRun(endUs)   // a finished run of endUs µs: enables the slider, Export and Save
//   keep.setRun(null)    // no finished run (one in flight, or none yet)
//   keep.setTime(tUs)    // moves the slider without calling onScrub (the stepper moved)
//   keep.refuse(sentence)
//   container.append(timeline, keep.scrubber, …, keep.buttons)
import { h } from './dom.js';
import { MAX_BYTES } from './runfile.js';

/** Replay speeds offered; 1 = the run's own pace. */
const SPEEDS = [0.25, 0.5, 1, 2, 4, 10];

const secs = (us) => `${(us / 1e6).toFixed(us < 10e6 ? 2 : 1)} s`;

/**
 * Offers `text` as a file download named `name` (no request: a blob: URL, revoked after). Not tried
 * where the host page said the frame's sandbox blocks downloads (KeepView.downloaded says so instead).
 */
export function download(name, text, type = 'application/json') {
  if (document.documentElement.dataset.downloads === 'blocked') return;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export class KeepView {
  /**
   * @param {object} o
   * @param {string} o.title  names the controls for screen readers (the demo's title)
   * @param {() => void} o.onExport
   * @param {() => void} o.onSave
   * @param {(text: string, fileName: string) => void} o.onOpen
   * @param {(tUs: number) => void} o.onScrub
   */
  constructor(o) {
    Object.assign(this, { onExport: o.onExport, onSave: o.onSave, onOpen: o.onOpen, onScrub: o.onScrub });
    this.end = null;
    this.playing = 0; // the animation frame of a replay in progress
    this.exportButton = h('button', { type: 'button', disabled: true, title: 'Downloads this run as Chrome Trace Event JSON, which opens in ui.perfetto.dev and chrome://tracing' }, 'Export to Perfetto');
    this.saveButton = h('button', { type: 'button', disabled: true, title: 'Downloads this run as a small file you can open here again' }, 'Save run');
    this.openButton = h('button', { type: 'button' }, 'Open a saved run');
    this.file = h('input', { type: 'file', accept: '.json,application/json', hidden: true, 'aria-label': 'Saved run file' });
    this.error = h('p', { class: 'error', role: 'alert', hidden: true });
    // Beside the buttons: a download the browser will drop (a sandbox without allow-downloads).
    this.blocked = h('p', { class: 'note download-note', role: 'status' });
    this.exportButton.addEventListener('click', () => this.onExport());
    this.saveButton.addEventListener('click', () => this.onSave());
    this.openButton.addEventListener('click', () => this.file.click());
    this.file.addEventListener('change', () => this.read());

    // The value is the instant in ms (fractions allowed: events are µs apart). The arrow keys go to
    // the previous or next event, Page Up/Down move a tenth of the run, Home and End go to its ends.
    this.slider = h('input', {
      type: 'range', class: 'scrub', min: '0', max: '0', step: 'any', value: '0', disabled: true,
      'aria-label': `Time in the run of ${o.title}`, 'aria-valuetext': 'No finished run yet',
    });
    this.slider.addEventListener('keydown', (e) => this.key(e));
    this.readout = h('output', { class: 'scrub-time', 'aria-hidden': 'true' }, '');
    this.slider.addEventListener('input', () => { this.pause(); this.scrub(this.timeOfSlider()); });
    this.replayButton = h('button', { type: 'button', disabled: true }, 'Replay');
    this.replayButton.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    this.speed = h('select', { 'aria-label': 'Replay rate' },
      SPEEDS.map((s) => h('option', { value: String(s), selected: s === 1 }, `${s}×`)));

    // Two parts, placed by the caller: the scrubber goes right under the timeline.
    this.scrubber = h('div', { class: 'scrubber' }, this.slider, this.readout, this.replayButton, this.speed);
    this.buttons = h('div', { class: 'keep-buttons' },
      h('div', { role: 'group', 'aria-label': `Keep the run of ${o.title}` }, this.exportButton, this.saveButton, this.openButton, this.file),
      this.error, this.blocked);
  }

  /**
   * A file was just offered for download. Inside a sandboxed frame (origin "null") the browser drops it
   * silently unless the frame's sandbox has allow-downloads; the frame cannot see its own sandbox, so
   * it says so when the host page told it (embed-frame.js: <html data-downloads>) or may be the case.
   */
  downloaded() {
    const told = document.documentElement.dataset.downloads;
    const sandboxed = window.parent !== window && self.origin === 'null';
    this.blocked.textContent = told === 'blocked'
      ? 'Downloads are blocked here: this frame’s sandbox lacks allow-downloads, so no file was saved. The page around it must allow them.'
      : told !== 'allowed' && sandboxed
        ? 'If no file arrives, this frame’s sandbox blocks downloads: the page around it must add allow-downloads to it.'
        : '';
  }

  /**
   * A finished run lasting `endUs` (null: none, or one in flight): enables what needs one. `nav`
   * gives the instants of the events around a time: `{ next(tUs), prev(tUs) }`, each µs or null.
   */
  setRun(endUs, nav = null) {
    this.pause();
    this.end = endUs;
    this.nav = nav;
    const none = endUs === null;
    for (const b of [this.exportButton, this.saveButton, this.replayButton, this.slider]) b.disabled = none;
    this.slider.max = String(none ? 0 : endUs / 1000);
    this.slider.value = this.slider.max;
    this.label(none ? null : endUs);
  }

  /** Moves the slider to `tUs` without reporting it (the stepper or a replay moved the cursor). */
  setTime(tUs) {
    if (this.end === null) return;
    this.slider.value = String(tUs / 1000);
    this.label(tUs);
  }

  timeOfSlider() { return Math.min(this.end || 0, Number(this.slider.value) * 1000); }

  key(e) {
    if (this.end === null) return;
    const t = this.timeOfSlider();
    let to = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') to = this.nav ? this.nav.next(t) : null;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') to = this.nav ? this.nav.prev(t) : null;
    else if (e.key === 'PageUp') to = Math.min(this.end, t + this.end / 10);
    else if (e.key === 'PageDown') to = Math.max(0, t - this.end / 10);
    else return; // Home, End and the rest: the range input's own behaviour
    e.preventDefault();
    if (to === null) return;
    this.pause();
    this.setTime(to);
    this.scrub(to);
  }

  label(tUs) {
    const text = tUs === null ? 'No finished run yet' : `${secs(tUs)} of ${secs(this.end)}`;
    this.slider.setAttribute('aria-valuetext', text);
    this.readout.textContent = tUs === null ? '' : text;
  }

  scrub(tUs) {
    this.label(tUs);
    this.onScrub(tUs);
  }

  /** Plays the run from the slider's instant (from the start if at the end), at the chosen speed. */
  play() {
    if (this.end === null) return;
    let t = this.timeOfSlider();
    if (t >= this.end) t = 0;
    let last = performance.now();
    this.replayButton.textContent = 'Pause';
    const frame = (now) => {
      t = Math.min(this.end, t + (now - last) * 1000 * Number(this.speed.value));
      last = now;
      this.setTime(t);
      this.onScrub(t);
      this.playing = t < this.end ? requestAnimationFrame(frame) : 0;
      if (!this.playing) this.replayButton.textContent = 'Replay';
    };
    this.playing = requestAnimationFrame(frame);
  }

  pause() {
    if (this.playing) cancelAnimationFrame(this.playing);
    this.playing = 0;
    this.replayButton.textContent = 'Replay';
  }

  /** Shows the sentence saying why a file was not opened (null: hides it). */
  refuse(sentence) {
    this.error.hidden = !sentence;
    this.error.textContent = sentence || '';
  }

  async read() {
    const f = this.file.files && this.file.files[0];
    this.file.value = ''; // the same file can be opened again
    if (!f) return;
    if (f.size > MAX_BYTES) { this.refuse(`${f.name} is ${Math.round(f.size / 1e6)} MB, too big to be a saved run.`); return; }
    let text;
    try {
      text = await f.text();
    } catch {
      this.refuse(`${f.name} could not be read.`);
      return;
    }
    this.refuse(null);
    this.onOpen(text, f.name);
  }

  destroy() { this.pause(); }
}
