// Memory measurement shared by the leak test (tests/leaks.spec.js) and the benchmark (bench/run.mjs):
// what a page holds after garbage collection, and a driver that runs demos back to back.

/** JS heap in use after two full GCs, and the wasm memory size, of `page` (through CDP). */
export async function memoryAfterGc(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => globalThis.asyncPlaygroundDiagnostics.wasmMemoryBytes());
  return { heap: usedSize, wasm };
}

/**
 * Presses the Run button of each `[variant, times]` in `plan`, `times` times in a row, each time
 * waiting until the run has finished (its "What just happened?" is written).
 */
export function runVariants(page, plan) {
  return page.evaluate(async (steps) => {
    for (const [variant, times] of steps) {
      const button = document.querySelector(`button.run[data-variant="${variant}"]`);
      const happened = button.closest('section').querySelector('.happened');
      for (let i = 0; i < times; i++) {
        await new Promise((resolve) => {
          const obs = new MutationObserver(() => { if (happened.textContent) { obs.disconnect(); resolve(); } });
          button.click(); // clears .happened synchronously once the wasm is loaded; the run fills it
          obs.observe(happened, { childList: true, characterData: true, subtree: true });
        });
      }
    }
  }, plan);
}
