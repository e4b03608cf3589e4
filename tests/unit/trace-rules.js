// The Trace Event Format's rules that a viewer relies on, checked on a parsed trace. Shared by the
// unit tests and the end-to-end test of the Export button. Returns the problems found, in words.
export function traceProblems(trace) {
  const problems = [];
  if (!trace || !Array.isArray(trace.traceEvents)) return ['no traceEvents array'];
  const events = trace.traceEvents;
  const key = (e) => `${e.pid}/${e.tid}`;
  const named = new Set();
  const slices = new Map(); // track → X events
  let lastTs = -Infinity;
  for (const [i, e] of events.entries()) {
    if (typeof e.ph !== 'string' || !Number.isInteger(e.pid) || !Number.isInteger(e.tid)) problems.push(`event ${i}: no ph, pid or tid`);
    if (e.ph === 'M') {
      if (e.name === 'thread_name') named.add(key(e));
      continue;
    }
    // Times are µs; these come from integer µs, so they stay integers.
    if (!Number.isInteger(e.ts) || e.ts < 0) problems.push(`event ${i}: ts ${e.ts} is not whole µs`);
    if (e.ts < lastTs) problems.push(`event ${i}: ts goes back in time`);
    lastTs = e.ts;
    if (e.ph === 'X') {
      if (!Number.isInteger(e.dur) || e.dur < 0) problems.push(`event ${i}: X without a whole, non-negative dur`);
      if (!slices.has(key(e))) slices.set(key(e), []);
      slices.get(key(e)).push(e);
    } else if (e.ph === 'i') {
      if (!['t', 'p', 'g'].includes(e.s)) problems.push(`event ${i}: instant without scope`);
    } else if (!['s', 'f'].includes(e.ph)) {
      problems.push(`event ${i}: unexpected phase ${e.ph}`);
    }
  }
  // Every track with events has a name.
  for (const e of events) if (e.ph !== 'M' && !named.has(key(e))) { problems.push(`track ${key(e)} has no thread_name`); break; }
  // Slices on one track nest: each starts after the previous ends, or ends inside it.
  for (const [track, xs] of slices) {
    const stack = [];
    for (const x of xs) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= x.ts) stack.pop();
      const top = stack[stack.length - 1];
      if (top && x.ts + x.dur > top.ts + top.dur) problems.push(`track ${track}: slice at ${x.ts} overlaps the one at ${top.ts} without nesting`);
      stack.push(x);
    }
  }
  // Every flow has both ends, with one id, one category, and a slice at each end (same track, same
  // ts: how DevTools binds them; Perfetto and chrome://tracing bind s to its enclosing slice, f with
  // bp "e" likewise).
  const flows = new Map();
  for (const e of events) {
    if (e.ph !== 's' && e.ph !== 'f') continue;
    const f = flows.get(e.id) || {};
    if (f[e.ph]) problems.push(`flow ${e.id}: two ${e.ph} events`);
    f[e.ph] = e;
    flows.set(e.id, f);
    const bound = (slices.get(key(e)) || []).some((x) => x.ts === e.ts);
    if (!bound) problems.push(`flow ${e.id}: its ${e.ph} at ${e.ts} on ${key(e)} has no slice starting there`);
  }
  for (const [id, f] of flows) {
    if (!f.s || !f.f) { problems.push(`flow ${id} has only one end`); continue; }
    if (f.s.cat !== f.f.cat) problems.push(`flow ${id}: its ends have different categories`);
    if (f.f.bp !== 'e') problems.push(`flow ${id}: its f does not bind to the enclosing slice`);
    if (f.s.ts > f.f.ts) problems.push(`flow ${id}: goes back in time`);
  }
  return problems;
}
