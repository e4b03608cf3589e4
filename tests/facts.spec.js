// One source of truth: the demo facts the page shows (web/demos.js, as rendered) and the Rust that
// runs (crate/src/lessons/mod.rs VARIANTS, params.rs) must agree. Fails when a variant exists on
// one side only, when a demo name is not accepted by `?demo=` (or the types and README disagree),
// when an event kind is missing from the wasm's exported `Kind`, or when a predicted duration is
// not what the real run takes.
import { readFileSync } from 'node:fs';
import { test, expect, demo } from './fixtures.js';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** The Rust side, from the raw wasm-bindgen glue that dist/ ships beside the page. */
async function rustFacts(page) {
  return page.evaluate(async () => {
    const glue = await import('/async_playground.js');
    await glue.default({ module_or_path: new URL('/async_playground_bg.wasm', location.href) });
    const names = ['lazy', 'sleep', 'join', 'select', 'no-await', 'blocking', 'many', 'test', 'nope'];
    const accepted = names.filter((n) => { try { glue.check('demo', n); return true; } catch { return false; } });
    return { variants: glue.variants().split(' '), accepted, kind: { ...glue.Kind } };
  });
}

/** The page side: each section's demo name, its Run buttons' variants and predicted ms. */
async function pageFacts(page) {
  // Lesson demos only: the "Your code" section (data-demo="code") has no variants or prediction.
  return page.evaluate(() => [...document.querySelectorAll('section.demo:not([data-demo="code"])')].map((s) => ({
    demo: s.dataset.demo,
    variants: [...s.querySelectorAll('button.run')].map((b) => ({ id: b.dataset.variant, label: b.textContent })),
    predicted: s.querySelector('.prediction').textContent,
  })));
}

test('the page and the Rust agree on every demo, variant and demo name', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  const rust = await rustFacts(page);
  const shown = await pageFacts(page);
  expect(shown.flatMap((s) => s.variants.map((v) => v.id))).toEqual(rust.variants);
  const demos = shown.map((s) => s.demo);
  // ?demo= accepts exactly the page's demos (derived in Rust from the variant ids).
  expect(rust.accepted).toEqual(demos);
  expect(demos).toEqual([...new Set(rust.variants.map((v) => v.split('/')[0]))]);
  // The element's TypeScript type and the README list the same names.
  const union = /type AsyncPlaygroundDemo = ([^;]+);/.exec(read('types/async-playground.d.ts'))[1];
  expect(union.split('|').map((s) => s.trim().replace(/'/g, ''))).toEqual(demos);
  const readme = /Attributes: `demo` \(([^)]+)\)/.exec(read('README.md'))[1];
  expect(readme.split(', ').map((s) => s.replace(/`/g, ''))).toEqual(demos);
});

test('event kinds come from the wasm: every kind trace.rs defines, with its number', async ({ page }) => {
  await page.goto('/');
  const rust = await rustFacts(page);
  const src = read('crate/src/trace.rs');
  const body = /pub enum Kind \{([\s\S]*?)\n\}/.exec(src)[1];
  const declared = Object.fromEntries([...body.matchAll(/^\s*(\w+) = (\d+),/gm)].map((m) => [m[1], Number(m[2])]));
  expect(Object.keys(declared).length).toBeGreaterThanOrEqual(14);
  for (const [name, n] of Object.entries(declared)) expect(rust.kind[name], name).toBe(n);
  // No copy of the numbers in the page's sources or the bench: they import Kind from the glue.
  for (const f of ['web/model.js', 'bench/bench.js']) {
    expect(read(f), f).toMatch(/import [^;]*\bKind\b[^;]* from 'virtual:/);
    expect(read(f), f).not.toMatch(/Line: 8|=== 8\b|LINE = 8/);
  }
});

test('each prediction is what the real run takes', async ({ page }) => {
  test.setTimeout(90_000);
  // 2×: short runs, yet far enough apart (join 1.5 s, sequential 2 s, select 0.5 s) that a swapped
  // prediction fails.
  await page.goto('/?speed=2');
  await expect(page.locator('body')).toHaveClass(/wasm-ready/);
  const shown = await pageFacts(page);
  const predicted = {};
  for (const s of shown) {
    for (const v of s.variants) {
      const part = v.label.replace(/^Run:? ?/, '');
      const m = new RegExp(`${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ~(\\d+) ms`).exec(s.predicted);
      expect(m, `${v.id} in "${s.predicted}"`).not.toBeNull();
      predicted[v.id] = Number(m[1]);
    }
  }
  // Round by round: one variant per demo at once (blocking alone: it freezes the page on purpose).
  // Starting and finishing 10,000 timers takes its own time on a shared machine: "many" gets more room.
  const rounds = [0, 1].map((k) => shown.filter((s) => s.demo !== 'blocking' && s.variants[k]).map((s) => s.variants[k].id));
  rounds.push(...shown.filter((s) => s.demo === 'blocking').flatMap((s) => s.variants.map((v) => [v.id])));
  for (const round of rounds) {
    const measured = await page.evaluate((ids) => Promise.all(ids.map((id) => new Promise((resolve) => {
      const button = document.querySelector(`button.run[data-variant="${id}"]`);
      const section = button.closest('section');
      const out = section.querySelector('.measured');
      const obs = new MutationObserver(() => {
        const m = /the run took (\d+) ms/.exec(out.textContent);
        if (m) { obs.disconnect(); resolve([id, Number(m[1])]); }
      });
      button.click();
      obs.observe(out, { childList: true, characterData: true, subtree: true });
    }))), round);
    for (const [id, ms] of measured) {
      expect(ms, `${id}: measured ${ms} ms, predicted ${predicted[id]} ms`).toBeGreaterThanOrEqual(predicted[id] - 2);
      expect(ms, `${id}: measured ${ms} ms, predicted ${predicted[id]} ms`).toBeLessThanOrEqual(predicted[id] + (id.startsWith('many/') ? 1500 : 450));
    }
  }
  await expect(demo(page, /join!/).locator('.measured')).toContainText('Measured');
});
