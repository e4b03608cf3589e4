// Loads the interpreter's wasm (the crate built with the `interp` feature) once, on first use. The
// .wasm is found next to code.js (import.meta.url), like the lessons' wasm next to app.js.
import init, { check_code as checkCode, run_code as runCode } from 'virtual:interp-glue';

let loading = null;
/** Set by the first real run: a warm-up is pointless (and in the way) once one has begun. */
let started = false;
let warmed = false;

/** Resolves to `{ checkCode, runCode }`, or rejects with an Error a person can read. */
export function loadInterp() {
  if (!loading) {
    loading = (async () => {
      const url = new URL('./async_playground_interp_bg.wasm', import.meta.url);
      try {
        await init({ module_or_path: url });
      } catch (err) {
        loading = null; // a later try may succeed (e.g. the network came back)
        throw new Error(`the interpreter (${url.pathname}) could not be loaded: ${err && err.message ? err.message : err}`);
      }
      return {
        checkCode,
        runCode: (...args) => {
          started = true;
          return runCode(...args);
        },
      };
    })();
  }
  return loading;
}

// What a first run would otherwise compile in its own first milliseconds: V8 compiles each wasm
// function at its first call, and the interpreter's parser, checker, lowering, evaluator and runtime
// are a large wasm. A learner's first run paid for them between the press of Run and its timers' start,
// so every line of it came that much late (tens of ms on a loaded machine, where a second run's were a
// few). The program uses what most do: async fns, sleep, join!, spawn, format! and println!.
const WARM = `use std::time::Duration;
async fn wait(ms: u64) -> String {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    format!("{} ms", ms)
}
#[tokio::main]
async fn main() {
    let (a, b) = tokio::join!(wait(0), wait(0));
    let handle = tokio::spawn(async move { vec![a, b].len() });
    println!("{:?}", handle.await.unwrap());
}
`;

/**
 * Runs WARM once, with nothing drawn, while the page is idle after the interpreter is ready (as the
 * lessons' web/wasm.js warmUp does for theirs), then stops and frees it. Skipped if a run has begun;
 * never runs twice, whatever the number of Your code sections on the page. Resolves when done.
 */
export function warmUpInterp() {
  if (warmed) return Promise.resolve();
  warmed = true;
  const idle = globalThis.requestIdleCallback || ((f) => setTimeout(f, 200));
  return loadInterp().then(() => new Promise((resolve) => idle(() => {
    if (started) return resolve();
    let handle;
    try {
      handle = runCode(WARM, 1000, 1, () => {});
    } catch {
      return resolve(); // refused or failed: nothing to warm, and the section reports its own failures
    }
    // Its 0 ms timers fire at once; then drop what is left and free it, outside any wasm call.
    setTimeout(() => {
      try {
        handle.stop();
        handle.free();
      } catch { /* already gone */ }
      resolve();
    }, 100);
  }, { timeout: 2000 })), () => {});
}
