// `node --import ./tests/unit/setup.mjs --test tests/unit/`: lets the unit tests import web/ as the
// build bundles it. web/model.js takes the event kinds from the wasm-bindgen glue through the
// bundler's `virtual:wasm-glue` (one source of truth: trace::Kind in Rust); here that name resolves to
// the glue the build wrote (target/pkg). The glue's enums are plain JS: no wasm is loaded.
import { register } from 'node:module';

register('./glue-resolve.mjs', import.meta.url);
