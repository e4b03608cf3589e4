// The demos: what each section says and which Run buttons it has. The code itself comes from
// crate/src/lessons at build time.

const MAPPING = {
  sleep: ['tokio::time::sleep', 'gloo_timers::future::sleep'],
  join: ['tokio::join!', 'futures::join!'],
  select: ['tokio::select!', 'futures::select!'],
  spawn: ['tokio::spawn', 'wasm_bindgen_futures::spawn_local'],
  main: ['#[tokio::main]', 'the browser’s event loop (Run spawns main)'],
};

export const DEMOS = [
  {
    id: 'lazy',
    title: 'Lazy futures: calling an async fn runs nothing',
    file: 'lazy',
    tokio: 'lazy',
    intro: 'Calling my_async_task() only builds a Future, an inert recipe. Its body runs when the Future is polled, which is what .await does. Dropped without being polled, it never runs at all.',
    variants: [
      { id: 'lazy/call', label: 'Run: call without .await' },
      { id: 'lazy/await', label: 'Run with .await' },
    ],
    mapping: [MAPPING.main],
  },
  {
    id: 'sleep',
    title: 'Sleep: waiting while the page stays free',
    file: 'sleep',
    tokio: 'sleep',
    intro: 'sleep(…).await gives control back to the event loop until a timer fires. The page stays responsive for the whole wait: the counter keeps ticking.',
    variants: [{ id: 'sleep/run', label: 'Run sleep for 2s' }],
    ticker: true,
    mapping: [MAPPING.sleep, MAPPING.main],
  },
  {
    id: 'join',
    title: 'join!: run futures concurrently',
    file: 'join',
    tokio: 'join',
    intro: 'Both fetches start together and join! waits for both, so the run takes as long as the longest fetch, not the sum. Run them sequentially to feel the difference.',
    variants: [
      { id: 'join/join', label: 'Run concurrently (join!)', predict: 'max' },
      { id: 'join/sequential', label: 'Run sequentially', predict: 'sum' },
    ],
    durations: true,
    mapping: [MAPPING.join, MAPPING.sleep, MAPPING.main],
  },
  {
    id: 'select',
    title: 'select!: race futures, drop the losers',
    file: 'select',
    tokio: null,
    intro: 'select! finishes as soon as the first branch does and drops the others: the user fetch is cancelled mid-wait and its line never prints. Like tokio::select!, futures::select! picks at random among branches that are ready in the same poll; select_biased! checks them in order instead.',
    variants: [{ id: 'select/select', label: 'Run select!', predict: 'min' }],
    durations: true,
    mapping: [MAPPING.select, MAPPING.sleep, MAPPING.main],
  },
  {
    id: 'no-await',
    title: 'The no-await pitfall',
    file: 'no_await',
    tokio: 'no-await',
    intro: 'A future that is created and dropped never runs. Spawning it hands it to the event loop, which polls it to the end. (Under Tokio, main returning would stop the runtime, so you would also await the JoinHandle; in a page the event loop outlives main.)',
    variants: [
      { id: 'no-await/call', label: 'Run without .await' },
      { id: 'no-await/spawn', label: 'Run with spawn_local' },
    ],
    mapping: [MAPPING.spawn, MAPPING.sleep, MAPPING.main],
  },
  {
    id: 'blocking',
    title: 'Blocking the event loop',
    file: 'blocking',
    tokio: null,
    intro: 'An async fn that waits by spinning (like calling std::thread::sleep in async code) never gives control back: no timer fires, no click is handled, the counter freezes. The same wait with sleep().await lets the 1s timer fire on time.',
    variants: [
      { id: 'blocking/blocking', label: 'Run blocking wait' },
      { id: 'blocking/sleep', label: 'Run with sleep().await' },
    ],
    ticker: true,
    mapping: [MAPPING.sleep],
  },
  {
    id: 'many',
    title: 'Tasks are cheap: thousands of futures at once',
    file: 'many',
    tokio: null,
    intro: 'A task is a future handed to the event loop: a small state machine, not a thread. Spawn a thousand (or ten thousand) tasks that each sleep 1s: they all wait together, and the run takes about one sleep’s time. The timeline groups them by name.',
    variants: [
      { id: 'many/1000', label: 'Run 1,000 tasks' },
      { id: 'many/10000', label: 'Run 10,000 tasks' },
    ],
    mapping: [MAPPING.spawn, MAPPING.sleep],
  },
];

export const demoById = (id) => DEMOS.find((d) => d.id === id);
