// Owns: what the futures table's statistics mean, said once. The table's column headers carry each
// definition (their hover text and accessible description) and link to its entry in one glossary:
// one per page (in the place page.js leaves for it after the demos), or one per <async-playground>
// element, inside its shadow root (embed.js), where a link to the document's fragment could not
// reach. The first table shown there puts it in (placeGlossary): a page never run has no table.
import { h, nextId } from './dom.js';

/** What each statistic means, one sentence each (tokio-console's task stats: see stats.js). */
export const STATS = Object.freeze([
  { key: 'polls', label: 'Polls', definition: 'Polls: how many times the executor called the future’s poll method.' },
  { key: 'wakes', label: 'Wakes', definition: 'Wakes: how many times its waker was called to ask for another poll (wakes before the same poll count once).' },
  { key: 'busy', label: 'Busy', definition: 'Busy: the time spent inside poll, running its code and the code of the futures it polls.' },
  { key: 'scheduled', label: 'Scheduled', definition: 'Scheduled: the time from each wake to the poll it asked for, ready to run but waiting for its turn.' },
  { key: 'idle', label: 'Idle', definition: 'Idle: the rest of its life, from creation to drop, waiting with nothing to do (for a timer, or for another future).' },
  { key: 'longest', label: 'Longest poll', definition: 'Longest poll: its longest single call to poll; over 50 ms and the page freezes, because nothing else can run meanwhile.' },
]);

/** The id of a statistic's glossary entry (unique in its document or shadow root: one glossary each). */
export const entryId = (key) => `glossary-${key}`;

/**
 * The glossary: a <dl> of the definitions. `heading: true` (the page) makes it a section with its own
 * heading; otherwise (an element) a <details>, closed until a column header's link opens it.
 */
export function glossary({ heading = false } = {}) {
  const list = h('dl', { class: 'stat-defs' }, STATS.flatMap((s) => [
    h('dt', { id: entryId(s.key), tabindex: '-1' }, s.label),
    h('dd', {}, s.definition.slice(s.label.length + 2)),
  ]));
  const title = 'What the futures tables’ columns mean';
  if (!heading) return h('details', { class: 'glossary' }, h('summary', {}, title), list);
  const id = nextId('h-glossary');
  return h('section', { class: 'glossary', id: 'glossary', 'aria-labelledby': id }, h('h2', { id }, title), list);
}

/**
 * Puts the glossary in the `.glossary-slot` of `node`'s page or shadow root, once: the first views to
 * show a table there do it (views.js), so it comes with the tables rather than with the first load.
 */
export function placeGlossary(node) {
  const root = node.getRootNode();
  const slot = root.querySelector ? root.querySelector('.glossary-slot') : null;
  if (slot) slot.replaceWith(glossary({ heading: root === document }));
}

/**
 * A link of a column header to its entry: followed by hand, in the header's own root (a shadow root's
 * ids are out of reach of the document's fragment), opening the glossary if it is a closed <details>.
 */
export function followEntry(event) {
  const a = event.target.closest && event.target.closest('a[data-glossary]');
  if (!a) return;
  const root = a.getRootNode();
  const entry = (root.getElementById ? root.getElementById(a.dataset.glossary) : null) || document.getElementById(a.dataset.glossary);
  if (!entry) return; // no glossary on this page: the header's own description still says it
  event.preventDefault();
  const details = entry.closest('details');
  if (details) details.open = true;
  entry.scrollIntoView({ block: 'center' });
  entry.focus({ preventScroll: true });
}
