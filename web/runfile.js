// "Save run" / "Open a saved run": a run as a small JSON file, and a strict reader for it.
// Browser-free. The reader either returns a whole run or one sentence saying what is wrong, so a
// malformed or foreign file never reaches the views (no half-drawn timeline).
//
// The file:
//   {
//     "format": "async-playground-run", "version": 1,
//     "program": { "demo": "join", "variant": "join/join", "params": { "user": 3000, "product": 1000, "speed": 1 } }
//             or { "code": "<the Rust source>", "params": { "speed": 1 } },
//     "hidden": false,          // the tab was hidden during the run, so timers were throttled
//     "stalled": false,         // the run stopped because nothing could ever wake its tasks
//     "events": [[kind, future, tUs, text?], …]   // exactly as Rust reported them, in order
//   }
// `kind` is trace::Kind's number (crate/src/trace.rs, mirrored in model.js); a Created event always
// carries its future's name. Times are integer µs since Run. Parameters are the values a person
// would type (speed 1 = the lesson's pace), so opening a file re-checks them with the same validator
// as the URL (crate/src/params.rs).
import { K } from './model.js';

export const FORMAT = 'async-playground-run';
export const VERSION = 1;
/** Bigger than any real run (a 10,000-task run is ~2 MB); a file over this is refused unread. */
export const MAX_BYTES = 32 * 1024 * 1024;
const MAX_EVENTS = 1_000_000;
const MAX_TEXT = 10_000;
const MAX_SOURCE = 200_000;
const MAX_T = 24 * 3600 * 1e6; // a day in µs: no run here lasts that long
const MAX_ID = 2 ** 32 - 1; // future ids are u32 in Rust
// wasm-bindgen's enums map names to numbers and numbers back to names: keep the numbers.
const KIND_NAMES = Object.fromEntries(Object.entries(K).filter(([, n]) => typeof n === 'number').map(([name, n]) => [n, name]));
const KINDS = new Set(Object.keys(KIND_NAMES).map(Number));
const ENDS = new Set([K.Done, K.Stopped, K.Crashed]);
const NEEDS_TEXT = new Set([K.Created, K.Line, K.Stderr, K.Note, K.UserDrop]);
const DROPS = new Set([K.DroppedNeverPolled, K.DroppedPending, K.Dropped]);
const PARAMS = ['user', 'product', 'speed'];

/** The JSON text of a run file. One event per line: a file a person can read and diff. */
export function serializeRun({ program, events, hidden = false, stalled = false }) {
  const head = JSON.stringify({ format: FORMAT, version: VERSION, program, hidden, stalled }, null, 1);
  const body = events.map((e) => JSON.stringify(e)).join(',\n');
  return `${head.slice(0, -2)},\n"events": [\n${body}\n]\n}\n`;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInt = (v, lo, hi) => Number.isInteger(v) && v >= lo && v <= hi;

class Malformed extends Error {}
const fail = (sentence) => { throw new Malformed(sentence); };

/**
 * Reads a run file. Returns `{ ok: true, run: { program, events, hidden, stalled } }`, or
 * `{ ok: false, error }` where `error` is one sentence for the person who opened it.
 *
 * @param {string} text  the file's content
 * @param {object} [o]
 * @param {Set<string>} [o.variants]  the demo variants this page can show (`join/join`, …)
 * @param {(name: string, value: string) => unknown} [o.check]  the parameter validator; throws a
 *   sentence for a bad value (the wasm `check`)
 */
export function parseRun(text, { variants, check } = {}) {
  try {
    return { ok: true, run: read(text, variants, check) };
  } catch (e) {
    if (e instanceof Malformed) return { ok: false, error: e.message };
    throw e;
  }
}

function read(text, variants, check) {
  if (typeof text !== 'string') fail('This file could not be read as text.');
  if (text.length > MAX_BYTES) fail(`This file is ${Math.round(text.length / 1e6)} MB, too big to be a saved run (at most ${MAX_BYTES / 1024 / 1024} MB).`);
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail(`This file is not a saved run: it is not valid JSON (${e.message}).`);
  }
  if (!isObject(data) || !('format' in data)) fail(`This JSON file is not a saved run: it has no "format": "${FORMAT}".`);
  if (data.format !== FORMAT) fail(`This file is a “${String(data.format).slice(0, 60)}” file, not a saved async-playground run.`);
  if (!Number.isInteger(data.version)) fail('This run file has no version number.');
  if (data.version !== VERSION) fail(`This run file is version ${data.version}, but this page reads version ${VERSION} only.`);
  const program = readProgram(data.program, variants, check);
  for (const flag of ['hidden', 'stalled']) {
    if (flag in data && typeof data[flag] !== 'boolean') fail(`In this run file, "${flag}" must be true or false.`);
  }
  const events = readEvents(data.events);
  return { program, events, hidden: data.hidden === true, stalled: data.stalled === true };
}

function readProgram(p, variants, check) {
  if (!isObject(p)) fail('This run file does not say which program ran (no "program").');
  const params = readParams(p.params, check);
  if ('code' in p) {
    if (typeof p.code !== 'string' || p.code.length > MAX_SOURCE) fail(`In this run file, "code" must be the program's source, at most ${MAX_SOURCE} characters.`);
    return { code: p.code, params };
  }
  if (typeof p.demo !== 'string' || typeof p.variant !== 'string' || !p.variant.startsWith(`${p.demo}/`)) {
    fail('This run file names no demo it ran (a "demo" and its "variant", or the "code").');
  }
  if (variants && !variants.has(p.variant)) fail(`This run file is of a demo this page does not have (“${p.variant.slice(0, 60)}”).`);
  return { demo: p.demo, variant: p.variant, params };
}

function readParams(params, check) {
  if (params === undefined) return {};
  if (!isObject(params)) fail('In this run file, "params" must be an object.');
  const out = {};
  for (const [name, value] of Object.entries(params)) {
    if (!PARAMS.includes(name)) fail(`This run file has a parameter this page does not know (“${name.slice(0, 40)}”).`);
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(`In this run file, the parameter ${name} is not a number.`);
    if (check) {
      try {
        check(name, String(value));
      } catch (message) {
        fail(`In this run file, ${message}.`);
      }
    }
    out[name] = value;
  }
  return out;
}

/** Checks every event, and that together they tell a possible life for every future. */
function readEvents(events) {
  if (!Array.isArray(events)) fail('This run file has no list of "events".');
  if (events.length > MAX_EVENTS) fail(`This run file has ${events.length} events, more than any run here makes (at most ${MAX_EVENTS}).`);
  const lives = new Map(); // future → 'created' | 'polling' | 'idle' | 'dropped'
  let last = 0; // the latest time so far, Woken aside (see below)
  let woken = 0; // the latest Woken since then
  let ended = false;
  const out = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const where = `event ${i + 1}`;
    if (!Array.isArray(e) || e.length < 3 || e.length > 4) fail(`In this run file, ${where} is not [kind, future, time, text].`);
    const [kind, future, t, text] = e;
    if (!isInt(kind, 0, 255) || !KINDS.has(kind)) fail(`In this run file, ${where} has an unknown kind (${JSON.stringify(kind)?.slice(0, 20)}).`);
    const name = KIND_NAMES[kind];
    if (!isInt(future, 0, MAX_ID)) fail(`In this run file, ${where} (${name}) names no valid future.`);
    if (!isInt(t, 0, MAX_T)) fail(`In this run file, ${where} (${name}) has no valid time in whole µs.`);
    if (e.length === 4 && (typeof text !== 'string' || text.length > MAX_TEXT)) fail(`In this run file, the text of ${where} (${name}) is not a string of at most ${MAX_TEXT} characters.`);
    if (NEEDS_TEXT.has(kind) && typeof text !== 'string') fail(`In this run file, ${where} (${name}) has no text.`);
    // Rust stamps every event when it is reported, except Woken: it is reported just before the
    // future's next poll or drop but stamped with the time its waker fired, so it may be earlier.
    // So a Woken may be earlier than the events ahead of it, but not later than the one it precedes.
    if (kind === K.Woken) {
      woken = Math.max(woken, t);
    } else {
      if (t < last || t < woken) fail(`In this run file, ${where} (${name}) happens before the event ahead of it: the events are out of order.`);
      last = t;
      woken = 0;
    }
    if (ENDS.has(kind)) {
      if (ended) fail(`In this run file, the run ends twice (${where}).`);
      ended = true;
    }
    checkLife(lives, kind, future, where, name);
    out[i] = e.length === 4 ? [kind, future, t, text] : [kind, future, t];
  }
  if (!ended) fail('This run file holds a run that never ended (no Done, Stopped or Crashed event).');
  return out;
}

function checkLife(lives, kind, future, where, name) {
  const bad = (why) => fail(`In this run file, ${where} (${name}) ${why}.`);
  const life = lives.get(future);
  if (kind === K.Created) {
    if (future === 0) bad('creates future 0, which is the run itself');
    if (life !== undefined) bad(`creates future ${future} a second time`);
    lives.set(future, 'created');
    return;
  }
  const own = kind === K.Poll || kind === K.Pending || kind === K.Ready || kind === K.Woken || DROPS.has(kind);
  if (!own) {
    // Lines, notes and the run's end belong to the run (0) or to a future that exists.
    if (future !== 0 && life === undefined) bad(`names future ${future}, which was never created`);
    return;
  }
  if (life === undefined) bad(`names future ${future}, which was never created`);
  if (life === 'dropped') bad(`happens to future ${future} after it was dropped`);
  if (kind === K.Poll) {
    if (life === 'polling') bad(`polls future ${future} while it is already being polled`);
    lives.set(future, 'polling');
  } else if (kind === K.Pending || kind === K.Ready) {
    if (life !== 'polling') bad(`ends a poll of future ${future} that never began`);
    lives.set(future, 'idle');
  } else if (DROPS.has(kind)) {
    if (kind === K.DroppedNeverPolled && life !== 'created') bad(`says future ${future} was never polled, but it was`);
    if (kind !== K.DroppedNeverPolled && life === 'created') bad(`says future ${future} was polled, but it never was`);
    lives.set(future, 'dropped');
  }
}

/** A run model's events as file tuples, each Created with its future's name. */
export function eventTuples(model) {
  const out = new Array(model.size);
  for (let i = 0; i < model.size; i++) {
    const kind = model.kinds[i];
    const future = model.fids[i];
    const t = model.times[i];
    const text = kind === K.Created ? model.futures.get(future)?.name : model.texts.get(i);
    out[i] = text === undefined ? [kind, future, t] : [kind, future, t, text];
  }
  return out;
}
