// later.js: what a lesson demo needs only once it is used, imported by views-slot.js (loadLater) when
// its first run starts, a saved run is opened, or "What real Tokio printed" is opened: the timeline,
// table and step-through with "a run you can keep" (views.js: statistics, lints, Perfetto export, run
// files, replay), each demo's "What just happened?" sentence, and the transcripts real Tokio recorded. Built as its own file beside app.js and
// embed.js (scripts/build.mjs), so neither first load carries it.
//
// It bundles its own copies of the small modules it shares with the first load (dom.js, model.js's
// constants and the glue's Kind enum): none of them holds state the two would need to share.
import { verdicts } from 'virtual:sources';
import { transcriptView } from './verdict.js';
import css from './views.css';

export { RunViews } from './views.js';
export { parseRun } from './runfile.js';
export { whatHappened } from './happened.js';

/**
 * The transcripts of `demo`'s variants that the oracle recorded (differences.json's `lessons`), for
 * its "What real Tokio printed" panel: one view each, under its variant's label if it has several.
 */
export function transcripts(demo) {
  return demo.variants.filter((v) => verdicts[v.id]).map((v) => {
    const t = verdicts[v.id];
    return transcriptView({
      heading: demo.variants.length > 1 ? `For “${v.label}”` : undefined,
      transcript: t,
      // The durations matter only where a person can change them; the transcript is of these.
      setting: demo.durations ? `with fetch_user_data waiting ${t.user} ms and fetch_product_data ${t.product} ms` : undefined,
    });
  });
}

let sheet = null;
/** Adds the views' styles (views.css) to `root`, the page or an element's shadow root, once. */
export function adoptViewsCss(root) {
  // A constructable stylesheet, like the element's own: it passes a strict CSP.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
