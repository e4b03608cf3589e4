// Loads the wasm once per page, shared by the page and every <async-playground> element.
// The .wasm is found next to the script that loaded us (import.meta.url), so the built files work
// from any folder or host.
import init, { start, check } from 'virtual:wasm-glue';

let loading = null;
/** Set by the first real start: a warm-up is pointless (and in the way) once a run has begun. */
let started = false;

/** Resolves to the wasm API `{ start, check }`, or rejects with an Error a person can read. */
export function loadWasm() {
  if (!loading) {
    loading = (async () => {
      if (typeof WebAssembly !== 'object') {
        throw new Error('this browser does not run WebAssembly; the code below is still readable.');
      }
      const url = new URL('./async_playground_bg.wasm', import.meta.url);
      performance.mark('async-playground:wasm-start');
      let exports;
      try {
        exports = await init({ module_or_path: url });
      } catch (err) {
        throw new Error(`the WebAssembly module (${url.pathname}) could not be loaded: ${err && err.message ? err.message : err}. `
          + 'Check that the server sends .wasm files as application/wasm.');
      }
      // Fetch + compile + instantiate, for the benchmark (and anyone curious in DevTools).
      performance.measure('async-playground:wasm', 'async-playground:wasm-start');
      // Read by the leak test and the benchmark: wasm memory only grows, so growth means a leak.
      globalThis.asyncPlaygroundDiagnostics = Object.freeze({ wasmMemoryBytes: () => exports.memory.buffer.byteLength });
      return {
        // The benchmark's switch (bench/run.mjs) is read here, when a run starts, not in the wasm.
        start: (variant, user, product, speed, onEvent) => {
          started = true;
          return start(variant, user, product, speed, onEvent, globalThis.__asyncPlaygroundNoRuntimeEvents === true);
        },
        check,
      };
    })();
  }
  return loading;
}

/**
 * Compiles ahead, while the page is idle after loading, what a first run would otherwise compile in
 * the middle of itself: V8 compiles a wasm function (and a JS function) at its first call, so a first
 * join! run paid for spawning, polling, timers, wakes, Ready and drops between the press of Run and
 * its timers' start, and its lines came that much later than a second run's. This runs join! once,
 * with 0 ms fetches and nothing drawn (`onEvent` may fold the events into a throwaway model, to warm
 * that too), then frees it. Skipped if a run has begun already; never runs twice.
 */
export function warmUp(onEvent = () => {}) {
  const idle = globalThis.requestIdleCallback || ((f) => setTimeout(f, 200));
  loadWasm().then(() => idle(() => {
    if (started) return;
    started = true;
    // For the benchmark (and DevTools): when the warm-up ran, to tell whether a first run came after it.
    performance.mark('async-playground:warm-up');
    let handle;
    try {
      handle = start('join/join', 0, 0, 1000, onEvent);
    } catch {
      return; // nothing to warm: the demos report their own failures
    }
    // Its 0 ms timers fire at once; then drop what is left and free it, outside any wasm call.
    setTimeout(() => {
      try {
        handle.stop();
        handle.free();
      } catch { /* already gone */ }
    }, 100);
  }, { timeout: 2000 }), () => {});
}
