// Gzipped sizes of what a visitor downloads, checked against bench/budget.json with --check.
// The budget sits a little above the measured size, so growth is a conscious decision.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
/** Gzipped size (level 9) of dist/`f`. */
export const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;

export function sizes() {
  // Everything dist/index.html loads (the page, its script, styles, icon and the wasm).
  const page = ['index.html', 'app.js', 'styles.css', 'favicon.svg', 'async_playground_bg.wasm'];
  return {
    wasm_gz: gz('async_playground_bg.wasm'),
    page_total_gz: page.reduce((n, f) => n + gz(f), 0),
    embed_js_gz: gz('embed.js'),
    // The lesson demos' views, Tokio's transcripts and the kept run (later.js), fetched by app.js and
    // embed.js when a demo's first run starts, never with the first load.
    later_js_gz: gz('later.js'),
    // "Your code", fetched on first use only: the editor bundle and the interpreter's wasm.
    code_js_gz: gz('code.js'),
    interp_wasm_gz: gz('async_playground_interp_bg.wasm'),
    // Tokio's transcripts of the corpus programs, imported by code.js only when the editor holds one.
    corpus_js_gz: gz('corpus.js'),
    code_total_gz: gz('code.js') + gz('async_playground_interp_bg.wasm'),
    // What Your code's first use with a run fetches on a page where no demo has run yet: the above
    // and later.js (its timeline, table and step-through are the demos' own, imported with the section).
    code_with_views_gz: gz('code.js') + gz('async_playground_interp_bg.wasm') + gz('later.js'),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = sizes();
  const budget = JSON.parse(readFileSync(join(root, 'bench', 'budget.json'), 'utf8'));
  let over = false;
  for (const [k, v] of Object.entries(s)) {
    const b = budget[k];
    const flag = b !== undefined && v > b ? '  OVER BUDGET' : '';
    if (flag) over = true;
    console.log(`size: ${k.padEnd(15)} ${String(v).padStart(7)} B gzipped${b !== undefined ? ` (budget ${b} B)` : ''}${flag}`);
  }
  if (process.argv.includes('--check') && over) {
    console.error('size: over budget. If the growth is wanted, raise bench/budget.json in the same commit and say why.');
    process.exit(1);
  }
}
