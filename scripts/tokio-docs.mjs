// Tokio's own documentation examples as a scratch test of "Your code" (issue 17). Dev-only: not in
// `npm test`.
//
//   node scripts/tokio-docs.mjs [--out DIR] [--extract-only] [--no-oracle]
//
// 1. Extracts the runnable examples from the doc comments of Tokio's `time`, `sync`, `task`, the
//    macros and `runtime/task` (the version pinned by tests/oracle/runner/Cargo.lock, from cargo's
//    registry) into DIR (default /tmp/tokio-docs), one NAME.rs each, wrapped as rustdoc wraps them
//    (`fn main() { … }` around a body without `main`, hidden `# ` lines kept). Skipped: `no_run`,
//    `ignore`, `compile_fail`, non-Rust blocks, and examples that need crates the runner lacks
//    (tokio-stream, tokio-util…). `should_panic` ones are kept: Tokio panics there too.
// 2. Records each with real Tokio: `oracle docs DIR` (tests/oracle/src/docs.rs) writes
//    NAME.tokio.json beside it; an example that does not compile there is dropped, as rustdoc would
//    fail it (cfg'd-out unstable APIs and the like).
// 3. Runs each through the interpreter and compares (`survey` in crate/tests/interp_tokio.rs):
//    same / refused (grouped by first message) / panic / different, out of N.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = path.resolve(flag("--out") ?? "/tmp/tokio-docs");

function tokioSource() {
  const lock = fs.readFileSync(path.join(root, "tests/oracle/runner/Cargo.lock"), "utf8");
  const version = lock.match(/name = "tokio"\nversion = "([^"]+)"/)[1];
  const registry = path.join(os.homedir(), ".cargo/registry/src");
  for (const index of fs.readdirSync(registry)) {
    const dir = path.join(registry, index, `tokio-${version}`);
    if (fs.existsSync(dir)) return dir;
  }
  throw new Error(`tokio ${version} is not in cargo's registry: build tests/oracle once`);
}

function walk(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith(".rs"));
}

// The doc examples of one file: [{ line, attrs, code }].
function examples(file) {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const found = [];
  let block = null;
  lines.forEach((raw, i) => {
    const m = raw.match(/^\s*\/\/[\/!] ?(.*)$/);
    if (!m) {
      block = null;
      return;
    }
    const text = m[1];
    const fence = text.match(/^\s*```(.*)$/);
    if (fence && !block) {
      block = { line: i + 1, attrs: fence[1].trim(), code: [] };
    } else if (fence && block) {
      found.push(block);
      block = null;
    } else if (block) {
      block.code.push(text);
    }
  });
  return found;
}

const SKIP_ATTRS = ["no_run", "ignore", "compile_fail", "text", "toml", "console", "sh"];
// `flavor = "local"` is the unstable `LocalRuntime` (the runner's rewrite to `current_thread` would
// change its meaning); the rest need crates or I/O the runner and the playground lack.
const FOREIGN = ['flavor = "local"', "tokio_stream", "tokio_util", "tokio_test", "loom", "tracing", "std::net", "tokio::net", "tokio::fs",
  "tokio::io", "tokio::process", "tokio::signal", "reqwest", "hyper", "rand::", "bytes::", "serde", "mini_redis"];

// Rustdoc's treatment: hidden lines shown, `##` unescaped, a body without `fn main` wrapped.
function program(block) {
  const code = block.code
    .map((l) => {
      const t = l.trimStart();
      if (t === "#") return "";
      if (t.startsWith("# ")) return l.replace("# ", "");
      if (t.startsWith("##")) return l.replace("##", "#");
      return l;
    })
    .join("\n");
  // `#[cfg(not(target_family = "wasm"))] { … }` around a whole example (hidden lines) makes rustdoc
  // wrap it, and its own `main` is then never called; a learner pasting it would drop the wrapper.
  const cfg = code.match(/^\s*#\[cfg\([^\n]*\)\]\s*\n\s*\{\s*\n([\s\S]*)\n\s*\}\s*$/);
  if (cfg) return program({ code: cfg[1].split("\n") });
  if (/\bfn main\s*\(/.test(code)) return code + "\n";
  const attrs = [];
  const body = [];
  for (const l of code.split("\n")) {
    if (/^\s*#!\[/.test(l) || /^\s*extern crate/.test(l)) attrs.push(l);
    else body.push(l);
  }
  return [...attrs, "fn main() {", ...body, "}", ""].join("\n");
}

function extract() {
  const src = tokioSource();
  const dirs = ["time", "sync", "task", "macros", "runtime/task"].map((d) => path.join(src, "src", d));
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const skipped = {};
  let n = 0;
  for (const file of dirs.flatMap(walk).sort()) {
    if (file.includes("/tests/")) continue;
    const rel = path.relative(path.join(src, "src"), file);
    const stem = rel.replace(/\.rs$/, "").replace(/[\/.-]/g, "_");
    examples(file).forEach((b, k) => {
      const attrs = b.attrs.split(",").map((a) => a.trim());
      const why =
        attrs.find((a) => SKIP_ATTRS.includes(a)) ??
        attrs.find((a) => a && a !== "rust" && a !== "should_panic" && a !== "ignore-wasm" && !a.startsWith("edition")) ??
        FOREIGN.find((f) => b.code.some((l) => l.includes(f)));
      if (why) {
        skipped[why] = (skipped[why] ?? 0) + 1;
        return;
      }
      const name = `${stem}_${String(k).padStart(2, "0")}`;
      fs.writeFileSync(path.join(out, `${name}.rs`), `// tokio/src/${rel}:${b.line}\n${program(b)}`);
      n += 1;
    });
  }
  console.log(`extracted ${n} examples into ${out}; skipped ${JSON.stringify(skipped)}`);
}

extract();
if (args.includes("--extract-only")) process.exit(0);
if (!args.includes("--no-oracle")) {
  execFileSync("cargo", ["run", "-q", "--manifest-path", "tests/oracle/Cargo.toml", "--", "docs", out], {
    cwd: root,
    stdio: "inherit",
  });
}
const r = spawnSync(
  "cargo",
  ["test", "-q", "--features", "interp", "--test", "interp_tokio", "survey", "--", "--ignored", "--nocapture"],
  { cwd: path.join(root, "crate"), stdio: "inherit", env: { ...process.env, TOKIO_DOCS: out } },
);
process.exit(r.status ?? 1);
