// Owns: every fact about each lesson demo that the page needs, in one place: its title and intro,
// which Rust file and Tokio original it shows, its Run buttons (variant ids, labels, predicted
// durations) and how many log lines it prints. Its "What just happened?" sentence, needed only once a
// run has ended, is in happened.js (later.js).
//
// The Rust half is `VARIANTS` in crate/src/lessons/mod.rs (the variant ids and the `main` each
// runs; `?demo=` accepts the demo part of those ids). tests/facts.spec.js fails when the two
// disagree: a variant missing on either side, a demo name the validator does not accept, or a
// predicted duration the real run does not match.
const MAPPING = {
  sleep: ['tokio::time::sleep', 'gloo_timers::future::sleep'],
  join: ['tokio::join!', 'futures::join!'],
  select: ['tokio::select!', 'futures::select!'],
  spawn: ['tokio::spawn', 'wasm_bindgen_futures::spawn_local'],
  main: ['#[tokio::main]', 'the browser’s event loop (Run spawns main)'],
};

/**
 * @typedef {object} Variant
 * @property {string} id       `demo/variant`, as in crate/src/lessons/mod.rs VARIANTS
 * @property {string} label    the Run button's text (begins with "Run")
 * @property {(p: {user:number, product:number}) => number} predict  lesson ms the run should take
 * @property {string} [why]    what the prediction is, in words
 */

/** @type {Array<{id:string, title:string, file:string, tokio:string|null, tokioNote?:string, intro:string, variants:Variant[], durations?:boolean, ticker?:boolean, lines:number, mapping:string[][]}>} */
export const DEMOS = [
  {
    id: 'lazy',
    title: 'Lazy futures: calling an async fn runs nothing',
    file: 'lazy',
    tokio: 'lazy',
    intro: 'Calling my_async_task() only builds a Future, an inert recipe. Its body runs when the Future is polled, which is what .await does. Dropped without being polled, it never runs at all.',
    lines: 3,
    variants: [
      { id: 'lazy/call', label: 'Run: call without .await', predict: () => 0 },
      { id: 'lazy/await', label: 'Run with .await', predict: () => 0 },
    ],
    mapping: [MAPPING.main],
  },
  {
    id: 'sleep',
    title: 'Sleep: waiting while the page stays free',
    file: 'sleep',
    tokio: 'sleep',
    intro: 'sleep(…).await gives control back to the event loop until a timer fires. The page stays responsive for the whole wait: the counter keeps ticking.',
    lines: 2,
    variants: [{ id: 'sleep/run', label: 'Run sleep for 2s', predict: () => 2000 }],
    ticker: true,
    mapping: [MAPPING.sleep, MAPPING.main],
  },
  {
    id: 'join',
    title: 'join!: run futures concurrently',
    file: 'join',
    tokio: 'join',
    intro: 'Both fetches start together and join! waits for both, so the run takes as long as the longest fetch, not the sum. Run them sequentially to feel the difference.',
    lines: 6,
    variants: [
      { id: 'join/join', label: 'Run concurrently (join!)', predict: (p) => Math.max(p.user, p.product), why: 'the longest fetch' },
      { id: 'join/sequential', label: 'Run sequentially', predict: (p) => p.user + p.product, why: 'the sum of both fetches' },
    ],
    durations: true,
    mapping: [MAPPING.join, MAPPING.sleep, MAPPING.main],
  },
  {
    id: 'select',
    title: 'select!: race futures, drop the losers',
    file: 'select',
    tokio: null,
    tokioNote: 'The tutorial describes tokio::select! in words only: “similar [to join!], but it completes as soon as one of the futures finishes.”',
    intro: 'select! finishes as soon as the first branch does and drops the others: the user fetch is cancelled mid-wait and its line never prints. Like tokio::select!, futures::select! picks at random among branches that are ready in the same poll; select_biased! checks them in order instead.',
    lines: 3,
    variants: [{ id: 'select/select', label: 'Run select!', predict: (p) => Math.min(p.user, p.product), why: 'the shortest fetch' }],
    durations: true,
    mapping: [MAPPING.select, MAPPING.sleep, MAPPING.main],
  },
  {
    id: 'no-await',
    title: 'The no-await pitfall',
    file: 'no_await',
    tokio: 'no-await',
    intro: 'A future that is created and dropped never runs. Spawning it hands it to the event loop, which polls it to the end. (Under Tokio, main returning would stop the runtime, so you would also await the JoinHandle; in a page the event loop outlives main.)',
    lines: 3,
    variants: [
      { id: 'no-await/call', label: 'Run without .await', predict: () => 0 },
      { id: 'no-await/spawn', label: 'Run with spawn_local', predict: () => 1000 },
    ],
    mapping: [MAPPING.spawn, MAPPING.sleep, MAPPING.main],
  },
  {
    id: 'blocking',
    title: 'Blocking the event loop',
    file: 'blocking',
    tokio: null,
    tokioNote: 'This section is not in the tutorial: it shows a mistake the tutorial warns about (blocking instead of awaiting).',
    intro: 'An async fn that waits by spinning (like calling std::thread::sleep in async code) never gives control back: no timer fires, no click is handled, the counter freezes. The same wait with sleep().await lets the 1s timer fire on time.',
    lines: 3,
    variants: [
      { id: 'blocking/blocking', label: 'Run blocking wait', predict: () => 2000 },
      { id: 'blocking/sleep', label: 'Run with sleep().await', predict: () => 2000 },
    ],
    ticker: true,
    mapping: [MAPPING.sleep],
  },
  {
    id: 'many',
    title: 'Tasks are cheap: thousands of futures at once',
    file: 'many',
    tokio: null,
    tokioNote: 'This section is not in the tutorial: it makes its point that a runtime “manages all the Futures efficiently” visible.',
    intro: 'A task is a future handed to the event loop: a small state machine, not a thread. Spawn a thousand (or ten thousand) tasks that each sleep 1s: they all wait together, and the run takes about one sleep’s time. The timeline groups them by name.',
    lines: 2,
    variants: [
      { id: 'many/1000', label: 'Run 1,000 tasks', predict: () => 1000 },
      { id: 'many/10000', label: 'Run 10,000 tasks', predict: () => 1000 },
    ],
    mapping: [MAPPING.spawn, MAPPING.sleep],
  },
];

/** The page's `?test=panic` button (join! only): not a lesson, so not in DEMOS. */
export const TEST_PANIC = Object.freeze({ id: 'test/panic', label: 'Run: crash this demo (test only)', predict: () => 10 });

export const demoById = (id) => DEMOS.find((d) => d.id === id);

/** The variant `id` (`join/join`), or TEST_PANIC, or undefined. */
export const variantById = (id) => (id === TEST_PANIC.id ? TEST_PANIC : DEMOS.flatMap((d) => d.variants).find((v) => v.id === id));

/** Real µs a variant should take at `speed` (thousandths), from its lesson-ms prediction. */
export const predictedUs = (variant, plan) => (variant.predict(plan) * 1e6) / plan.speed;
