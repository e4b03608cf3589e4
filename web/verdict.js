// Owns: the "What real Tokio printed" panel (issue 12, "Tokio is the judge"): the transcript real
// Tokio recorded for a program (tests/programs/NAME.tokio.json, read by scripts/build.mjs), its lines
// as `+N ms text`, which Tokio and clock recorded it, and, where this page's run differs, the lines it
// adds and why (tests/programs/differences.json: the one list `npm test` also holds the page to).
//
// It is a <details>, closed at first: a reference to compare against, not a second output. Its lines
// are a plain list, never a role="log" (the contract's logs are the page's own runs), and it has no
// button at all, so nothing in a section but the Run buttons has a name beginning with "Run".
import { h } from './dom.js';

/**
 * FNV-1a, 64-bit, of the UTF-8 bytes of `text`, as 16 hex digits: the oracle's `source_fnv`, which
 * says which corpus program a source is (byte for byte, nothing normalised).
 */
export function fnv1a64(text) {
  // Two 32-bit halves with Math.imul instead of BigInt: this runs on every edit in "Your code".
  // 64-bit prime 0x100000001b3 = 2^40 + 0x1b3, so h * p = h * 0x1b3 + (h << 40).
  let hi = 0xcbf29ce4 >>> 0;
  let lo = 0x84222325 >>> 0;
  for (const b of new TextEncoder().encode(text)) {
    lo = (lo ^ b) >>> 0;
    // (hi:lo) * 0x1b3: lo's product may overflow 32 bits, its carry goes to hi.
    const loMul = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(loMul / 0x100000000);
    const hiMul = (Math.imul(hi, 0x1b3) + carry) >>> 0;
    // + (hi:lo) << 40: only lo's low 24 bits reach hi (bits 40..63).
    hi = (hiMul + ((lo << 8) >>> 0)) >>> 0;
    lo = loMul >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** `+1000 ms`, as the page's own logs write times. */
const time = (t) => `+${t} ms`;

/**
 * The panel for one transcript, or for several (a demo's variants, each under its own heading).
 * @param {Array<{heading?: string, transcript: object, setting?: string}>} runs
 *   transcript: { program, tokio, clock, exit, stalled, lines: [[t_ms, stderr 0/1, text]],
 *   differences?: [{ extra: string[], reason: string }] }; setting: the inputs it was recorded with.
 */
export function verdictPanel(runs) {
  return h('details', { class: 'verdict' },
    h('summary', {}, 'What real Tokio printed'),
    runs.map((r) => transcriptView(r)));
}

/** One transcript (see verdictPanel), under its heading if it has one. */
export function transcriptView({ heading, transcript: t, setting }) {
  const clock = t.clock === 'paused'
    ? 'its paused clock, which is exact'
    : 'the real clock (the program blocks or reads the wall clock, so times vary by a few ms)';
  const ended = t.stalled ? 'it stalled: every task waited forever' : `it exited with status ${t.exit}`;
  // The oracle runs every program on the current-thread runtime, whatever its #[tokio::main] asks for
  // (differences.json's normalizations: the browser has one thread), so that is the runtime named.
  const note = `Recorded from tests/programs/${t.program} by Tokio ${t.tokio} on the current-thread runtime and ${clock}${setting ? `, ${setting}` : ''}; ${ended}.`;
  const extra = new Set((t.differences || []).flatMap((d) => d.extra));
  const body = t.lines.length
    ? h('ol', { class: 'verdict-lines', 'aria-label': `Lines Tokio printed${heading ? ` for ${heading}` : ''}` },
      t.lines.map(([ms, stderr, text]) => h('li', { class: stderr ? 'stderr' : null },
        h('span', { class: 'time' }, time(ms)), ' ',
        stderr ? h('span', { class: 'stream' }, '[stderr] ') : null,
        text)))
    : h('p', { class: 'verdict-empty' }, 'Tokio printed nothing.');
  const diffs = (t.differences || []).map((d) => h('div', { class: 'verdict-diff' },
    h('p', {}, h('strong', {}, 'This page differs: '), `its run also prints ${d.extra.map((x) => `“${x}”`).join(' and ')}, which Tokio does not.`),
    h('p', {}, h('strong', {}, 'Why: '), d.reason)));
  const same = extra.size
    ? null
    : h('p', { class: 'note' }, 'This page’s run prints the same lines in the same order, at these times at 1× speed, give or take the event loop’s few ms (npm test checks it).');
  return h('div', { class: 'verdict-run' },
    heading ? h('h4', {}, heading) : null,
    h('p', { class: 'note' }, note),
    body,
    ...diffs,
    same);
}
