// What each bundle is made of: reads esbuild's metafiles (node scripts/build.mjs --skip-wasm --meta)
// and prints, per output file, the minified bytes each package (or our own web/ file) contributes.
// Usage: node scripts/meta.mjs [output-name-filter]   e.g. node scripts/meta.mjs code
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'target', 'meta');
const filter = process.argv[2] ?? '';
/** A module's owner: its npm package (scoped ones whole), else its path under the repository. */
const owner = (path) => {
  const m = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return m ? m[1] : path.replace(/^.*?(web|target)\//, '$1/');
};
for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  const { outputs } = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  for (const [out, o] of Object.entries(outputs)) {
    if (!out.endsWith('.js') || !out.includes(filter)) continue;
    const by = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(o.inputs)) by.set(owner(input), (by.get(owner(input)) ?? 0) + bytesInOutput);
    console.log(`${out}: ${o.bytes} B minified`);
    for (const [k, v] of [...by].sort((a, b) => b[1] - a[1])) if (v > 0) console.log(`  ${String(v).padStart(8)}  ${k}`);
  }
}
