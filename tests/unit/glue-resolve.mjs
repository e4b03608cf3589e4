// Module resolution hook for the unit tests (see setup.mjs).
import { existsSync } from 'node:fs';

const glue = new URL('../../target/pkg/async_playground.js', import.meta.url);

export async function resolve(specifier, context, next) {
  if (specifier !== 'virtual:wasm-glue') return next(specifier, context);
  if (!existsSync(glue)) {
    throw new Error('The unit tests need the wasm-bindgen glue (target/pkg/async_playground.js): run `npm run build` first.');
  }
  return { url: glue.href, shortCircuit: true };
}
