// Loads the interpreter's wasm (the crate built with the `interp` feature) once, on first use. The
// .wasm is found next to code.js (import.meta.url), like the lessons' wasm next to app.js.
import init, { check_code as checkCode, run_code as runCode } from 'virtual:interp-glue';

let loading = null;

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
      return { checkCode, runCode };
    })();
  }
  return loading;
}
