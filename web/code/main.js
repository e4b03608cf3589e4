// code.js: "Your code", loaded on first use by the page (your-code.js) and by <async-playground>
// elements that carry a program. It holds the editor (editor.js), the interpreter's wasm glue and the section's
// body; the interpreter's .wasm is fetched from beside this file.
export { CodeView, starterById } from './code-view.js';
export { STARTERS } from 'virtual:starters';
export { loadInterp } from './interp.js';
export { encodeCode, decodeCode } from './base64url.js';
