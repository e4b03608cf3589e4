// Builds the static site in dist/: the release wasm (wasm-pack + binaryen's wasm-opt), the JS
// bundles, the lesson sources as they are compiled, the pages and styles.
// Usage: node scripts/build.mjs [--skip-wasm] [--meta]   (--skip-wasm reuses target/pkg, for quick UI
// edits; --meta writes esbuild's metafiles to target/meta/, which scripts/meta.mjs breaks down by module)
// Progress goes to stderr, never stdout: `npm pack --json` runs this as prepack, and its stdout must
// stay parseable JSON.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { highlightRust } from './highlight.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = join(root, 'target', 'pkg');
const pkgInterp = join(root, 'target', 'pkg-interp');
const skipWasm = process.argv.includes('--skip-wasm');
const meta = process.argv.includes('--meta');

// npm puts node_modules/.bin first on PATH for scripts; do the same when run directly, so wasm-pack
// finds binaryen@132's wasm-opt and never Debian's wasm-opt 108 (whose output Chromium rejects).
process.env.PATH = `${join(root, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`;

// Two wasm builds of the one crate: the lessons' (loaded by every page) and, with the `interp` feature,
// the "Your code" interpreter's (a Rust parser and the interpreter; loaded only when that section is
// first used, so the lesson page's first load does not carry it).
const WASM = [
  { out: 'async_playground', dir: pkg, features: [] },
  { out: 'async_playground_interp', dir: pkgInterp, features: ['--features', 'interp'] },
];
if (!skipWasm) {
  // Panic locations embed source paths; shorten the long machine-specific ones (the cargo registry,
  // the Rust sysroot) so they cost fewer bytes and reveal nothing about the build machine.
  const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
  const registry = join(process.env.CARGO_HOME || join(process.env.HOME, '.cargo'), 'registry', 'src');
  const indexes = existsSync(registry) ? readdirSync(registry).map((d) => `${join(registry, d)}=crates`) : [];
  // The most specific prefix goes last: when several match, rustc applies the last one.
  const remaps = [`${registry}=crates`, ...indexes, `${sysroot}=rust`, `${root}=.`].map((m) => `--remap-path-prefix=${m}`);
  process.env.RUSTFLAGS = [process.env.RUSTFLAGS, ...remaps].filter(Boolean).join(' ');
  for (const w of WASM) {
    execFileSync('wasm-pack', ['--quiet', 'build', 'crate', '--release', '--target', 'web',
      '--out-dir', relative(join(root, 'crate'), w.dir), '--out-name', w.out, '--no-pack', ...(w.features.length ? ['--', ...w.features] : [])],
    { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
  }
  // The lessons' wasm is part of every first load: one more wasm-opt pass, told that the lowest 1 KB of
  // memory is unused (true of Rust's wasm32 output, whose stack starts at 1 MB and grows down), lets it
  // fold constant addresses into loads and stores; --converge repeats -Oz while it still shrinks.
  // About 0.15 KB gz. The interpreter's wasm keeps Cargo.toml's settings alone.
  const lessons = join(pkg, 'async_playground_bg.wasm');
  execFileSync('wasm-opt', ['--low-memory-unused', '-Oz', '--converge', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-mutable-globals', lessons, '-o', lessons], { stdio: ['ignore', process.stderr, 'inherit'] });
}
for (const w of WASM) {
  if (!existsSync(join(w.dir, `${w.out}_bg.wasm`))) throw new Error(`build: ${w.dir} has no ${w.out}_bg.wasm; build without --skip-wasm first`);
}

// The code panes show the lesson files exactly as compiled (never a hand-pasted copy), highlighted
// here so the page needs no highlighter and no CDN.
const lessonsDir = join(root, 'crate', 'src', 'lessons');
const rust = {};
for (const file of readdirSync(lessonsDir).filter((f) => f.endsWith('.rs') && f !== 'mod.rs')) {
  rust[file.replace(/\.rs$/, '')] = highlightRust(readFileSync(join(lessonsDir, file), 'utf8'));
}
// The Tokio originals come from the lesson itself (lesson/async-and-await.md, a verbatim copy).
const lesson = readFileSync(join(root, 'lesson', 'async-and-await.md'), 'utf8');
const blocks = [...lesson.matchAll(/```rust\n([\s\S]*?)```/g)].map((m) => m[1]);
const pick = (needle) => blocks.find((b) => b.includes(needle));
const tokio = {
  lazy: pick('fn my_async_task'),
  sleep: pick('Start of program.'),
  join: pick('join!(fetch_user_data()'),
  'no-await': pick('async fn my_task'),
};
for (const [k, v] of Object.entries(tokio)) {
  if (!v) throw new Error(`build: no Tokio example for "${k}" found in lesson/async-and-await.md`);
}
// "Your code"'s starter programs: the lesson's own Tokio blocks, verbatim, then Tokio versions of the
// demos the lesson only describes (web/starters/<demo>.rs) and a few more. An id equal to a demo's id is
// what that demo's Edit button opens.
const STARTERS = [
  ['lazy', 'Lazy futures (the lesson)', tokio.lazy],
  ['sleep', 'Sleep (the lesson)', tokio.sleep],
  ['join', 'join! (the lesson)', tokio.join],
  ['no-await', 'The no-await pitfall (the lesson)', tokio['no-await']],
  // The corpus's select! program itself, so the select demo's Edit opens a program real Tokio judged
  // (its transcript shows beside it) instead of a near copy of it.
  ['select', 'select!: race two fetches', readFileSync(join(root, 'tests', 'programs', 'select_race.rs'), 'utf8')],
  ['blocking', 'Blocking: std::thread::sleep in async code'],
  ['many', 'Tasks are cheap: 1,000 spawned tasks'],
  ['spawn', 'tokio::spawn and JoinHandle'],
  ['channel', 'A channel (tokio::sync::mpsc)'],
  ['timeout', 'A timeout (tokio::time::timeout)'],
].map(([id, title, source]) => ({ id, title, source: source ?? readFileSync(join(root, 'web', 'starters', `${id}.rs`), 'utf8') }));
const startersModule = `// Generated by scripts/build.mjs from lesson/async-and-await.md and web/starters/.\n`
  + `export const STARTERS = ${JSON.stringify(STARTERS)};\n`;
for (const k of Object.keys(tokio)) tokio[k] = highlightRust(tokio[k]);

// "What real Tokio printed" (web/verdict.js): the transcripts the oracle recorded (tests/programs/,
// see README "Tokio is the judge"), read here so the page shows the very files `npm test` compares
// against. The lesson variants' few transcripts go in later.js (virtual:sources); the whole corpus,
// keyed by the FNV-1a of each program's source, goes in corpus.js, which "Your code" imports only when
// the editor holds a corpus program byte for byte: code.js carries just the keys (virtual:corpus).
const programsDir = join(root, 'tests', 'programs');
const differences = JSON.parse(readFileSync(join(programsDir, 'differences.json'), 'utf8'));
/** A transcript trimmed to what the panel shows: lines as [t_ms, stderr?, text]. */
const transcriptOf = (program) => {
  const t = JSON.parse(readFileSync(join(programsDir, `${program}.tokio.json`), 'utf8'));
  return {
    program: t.program, tokio: t.tokio, clock: t.clock, exit: t.exit, stalled: t.stalled,
    lines: t.lines.map((l) => [Math.round(l.t_ms), l.stream === 'stderr' ? 1 : 0, l.text]),
  };
};
const verdicts = {};
for (const l of differences.lessons) {
  const diff = differences.differences.filter((d) => d.variant === l.variant);
  verdicts[l.variant] = { ...transcriptOf(l.program), user: l.user, product: l.product, differences: diff.map(({ extra, reason }) => ({ extra, reason })) };
}
const corpus = {};
for (const f of readdirSync(programsDir).filter((n) => n.endsWith('.tokio.json')).sort()) {
  const program = f.replace(/\.tokio\.json$/, '');
  const { source_fnv: fnv } = JSON.parse(readFileSync(join(programsDir, f), 'utf8'));
  corpus[fnv] = transcriptOf(program);
}
const corpusModule = `// Generated by scripts/build.mjs from tests/programs/*.tokio.json: the keys of corpus.js.\n`
  + `export const CORPUS_KEYS = new Set(${JSON.stringify(Object.keys(corpus).join(' '))}.split(' '));\n`;
const corpusFile = `// Generated by scripts/build.mjs from tests/programs/*.tokio.json.\n`
  + `export const CORPUS = ${JSON.stringify(corpus)};\n`;
const sourcesModule = `// Generated by scripts/build.mjs from crate/src/lessons, lesson/async-and-await.md and tests/programs.\n`
  + `export const rust = ${JSON.stringify(rust)};\nexport const tokio = ${JSON.stringify(tokio)};\n`
  + `export const verdicts = ${JSON.stringify(verdicts)};\n`
  // Which variants have a transcript: the first load needs only this (the transcripts come in later.js).
  + `export const verdictIds = ${JSON.stringify(Object.keys(verdicts))};\n`;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

/** `glue`: the wasm-bindgen glue that `virtual:wasm-glue` (model.js's Kind, wasm.js) resolves to. */
const sourcesPlugin = (glue) => ({
  name: 'lesson-sources',
  setup(build) {
    build.onResolve({ filter: /^virtual:sources$/ }, () => ({ path: 'sources', namespace: 'gen' }));
    build.onResolve({ filter: /^virtual:starters$/ }, () => ({ path: 'starters', namespace: 'gen' }));
    build.onResolve({ filter: /^virtual:corpus$/ }, () => ({ path: 'corpus', namespace: 'gen' }));
    build.onLoad({ filter: /.*/, namespace: 'gen' }, (args) => ({ contents: { starters: startersModule, corpus: corpusModule }[args.path] ?? sourcesModule, loader: 'js' }));
    build.onResolve({ filter: /^virtual:wasm-glue$/ }, () => ({ path: glue }));
    build.onResolve({ filter: /^virtual:interp-glue$/ }, () => ({ path: join(pkgInterp, 'async_playground_interp.js') }));
  },
});
/** CSS as shipped: minified (comments are for readers of web/, not for every visitor's download). */
const minCss = async (file) => (await esbuild.transform(readFileSync(file, 'utf8'), { loader: 'css', minify: true })).code;
/** Stylesheets imported as text (the element's and the editor's constructable sheets), minified too. */
const cssPlugin = {
  name: 'min-css',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => ({ contents: await minCss(args.path), loader: 'text' }));
  },
};
/** esbuild.build, keeping the metafile under target/meta/ with --meta (named after the first entry). */
const build = async (options) => {
  const result = await esbuild.build({ ...options, metafile: meta });
  if (meta) {
    mkdirSync(join(root, 'target', 'meta'), { recursive: true });
    writeFileSync(join(root, 'target', 'meta', `${Object.keys(options.entryPoints)[0]}.json`), JSON.stringify(result.metafile));
  }
  return result;
};
const common = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  outdir: dist,
  loader: { '.css': 'text' },
  legalComments: 'none',
  // Module scripts are always decoded as UTF-8, so text need not be \u-escaped (the lesson's ’ and →).
  charset: 'utf8',
  logLevel: 'warning',
};
await build({
  ...common,
  // V8's explicit compile hint (as for later.js below): every function is compiled as the file
  // streams in, off the main thread, rather than at its first call. A first run calls the run
  // session's, the log's and the demo's paths for the first time between the press of Run and its
  // timers' start, where each lazy compile made the first run's lines later than a second run's.
  banner: { js: '//# allFunctionsCalledOnLoad' },
  entryPoints: { app: join(root, 'web', 'page.js'), embed: join(root, 'web', 'embed.js') },
  plugins: [sourcesPlugin(join(pkg, 'async_playground.js')), cssPlugin],
});
// later.js is what a lesson demo needs once it is used (the timeline, table and step-through, the
// kept run's statistics, lints, export, files and replay, and Tokio's transcripts): app.js and
// embed.js import it by URL when a demo's first run starts (web/views-slot.js), so neither first load
// carries it. Only the glue's Kind enum is used from the lessons' glue here; the rest is shaken off.
await build({
  ...common,
  // V8's explicit compile hint: every function of later.js is compiled while it streams in (off the
  // main thread), not at its first call. Its first calls fall inside a demo's first run (the first
  // Ready mark drawn, the first row finished, the run's end), where a lazy compile made lines late.
  banner: { js: '//# allFunctionsCalledOnLoad' },
  entryPoints: { later: join(root, 'web', 'later.js') },
  plugins: [sourcesPlugin(join(pkg, 'async_playground.js')), cssPlugin],
});
// code.js is "Your code" (the editor, the interpreter's glue, the section). app.js and embed.js load it
// with import() on first use, by URL relative to themselves, so it is never part of a first load. Its
// views read event kinds from the interpreter's glue (the same Rust enum), so the lessons' glue is not
// bundled a second time.
await build({
  ...common,
  entryPoints: { code: join(root, 'web', 'code', 'main.js') },
  plugins: [sourcesPlugin(join(pkgInterp, 'async_playground_interp.js')), cssPlugin],
});

cpSync(join(pkg, 'async_playground_bg.wasm'), join(dist, 'async_playground_bg.wasm'));
cpSync(join(pkgInterp, 'async_playground_interp_bg.wasm'), join(dist, 'async_playground_interp_bg.wasm'));
// The raw wasm-bindgen glue too, for anyone who wants the Rust API (`start`, `check`) without our UI;
// the pages themselves use the copy bundled into app.js / embed.js.
for (const f of ['async_playground.js', 'async_playground.d.ts']) cpSync(join(pkg, f), join(dist, f));
// The pages without their indentation (leading whitespace never renders in them: they have no <pre>).
for (const f of ['index.html', 'embed.html']) writeFileSync(join(dist, f), readFileSync(join(root, f), 'utf8').replace(/^[ \t]+/gm, ''));
for (const f of ['favicon.svg', 'embed-frame.js', 'embed-loader.js']) cpSync(join(root, 'web', f), join(dist, f));
writeFileSync(join(dist, 'styles.css'), await minCss(join(root, 'web', 'styles.css')));
writeFileSync(join(dist, 'corpus.js'), corpusFile);
cpSync(join(root, 'web', 'examples'), join(dist, 'examples'), { recursive: true });

const sizes = readdirSync(dist).filter((f) => /\.(js|wasm|css|html)$/.test(f))
  .map((f) => `${f} ${readFileSync(join(dist, f)).length} B`).join(', ');
console.error(`build: dist/ ready (${sizes})`);
