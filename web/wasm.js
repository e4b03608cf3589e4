// Loads the wasm once per page, shared by the page and every <async-playground> element.
// The .wasm is found next to the script that loaded us (import.meta.url), so the built files work
// from any folder or host.
import init, { start, check } from 'virtual:wasm-glue';

let loading = null;

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
      return { start, check };
    })();
  }
  return loading;
}
