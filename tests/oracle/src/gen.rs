//! A generator of valid Tokio programs from the playground's subset, for differential testing:
//! trees of `sleep`, `yield_now`, `tokio::join!`, `tokio::select!` (biased or not), `tokio::spawn`
//! (awaited, aborted, or left to the runtime's shutdown), `timeout`, helper `async fn`s, `mpsc` and
//! `oneshot` channels, panics in tasks and in `main`, and prints; and (in [`features`]) your own
//! structs, enums, traits and `impl Drop`, `Arc<Mutex<T>>`, `tokio::sync`'s primitives and
//! `JoinSet`. Seeded: the same seed gives the same programs.
//!
//! Every generated program is deterministic under real Tokio (its transcript never depends on
//! Tokio's random `select!` start), so that a difference is the interpreter's:
//! - an unbiased `select!`'s branches start with sleeps of distinct lengths and do not await again,
//!   so one branch wins alone and none prints before its first sleep (see [`Gen::deterministic`]);
//! - everything else in Tokio's current-thread scheduler is deterministic, ties included.
//!
//! Half of the programs draw durations from a wide range (exact ties are rare); the other half from
//! a few round values, so that timers fire together: ties are where scheduling-order bugs hide.

use crate::runner::Program;
use std::fmt::Write;

mod features;
use features::Feature;

/// SplitMix64: small, seedable, good enough for shapes and durations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// One statement of a generated block.
#[derive(Clone, Debug)]
pub enum Stmt {
    /// `println!("…")`.
    Print(String),
    /// `sleep(Duration::from_millis(ms)).await;`
    Sleep(u64),
    /// `yield_now().await;`
    Yield,
    /// `let jN = tokio::join!(async {…}, …); println!(…, jN);`
    Join(usize, Vec<Block>),
    /// `let sN = tokio::select! { [biased;] v = async {…} => v, … }; println!(…, sN);`
    Select(usize, bool, Vec<Block>),
    /// `let hN = tokio::spawn(async move {…});` (awaited or aborted by a later statement), or a bare
    /// `tokio::spawn(…);` left running (when main ends first, the runtime drops it).
    Spawn(usize, Block, bool),
    /// `println!("hN: {:?}", hN.await);`
    AwaitHandle(usize),
    /// `hN.abort();`
    Abort(usize),
    /// `let tN = timeout(Duration::from_millis(ms), async {…}).await; println!(…, tN);`
    Timeout(usize, u64, Block),
    /// `let cN = helperK(ms).await; println!(…);`
    Call(usize, usize, u64),
    /// `panic!("…")`, only as the last statement of a spawned task's block (or of `main`).
    Panic(String),
    /// An mpsc channel of capacity `cap`: a spawned producer sends each value after its sleep, the
    /// block consumes until every sender is gone, sleeping `ms` after each message.
    Channel(usize, usize, Vec<(u64, u32)>, u64),
    /// A oneshot channel: a spawned task sends `value` after `ms`; the block awaits the receiver.
    Oneshot(usize, u64, u32),
    /// Your own types or `tokio::sync` (see [`features`]): items of its own, statements.
    Feature(usize, Feature),
}

/// An async block: statements, then a `u32` value.
#[derive(Clone, Debug)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub value: u32,
}

/// A generated program: helper `async fn`s and `main`'s block.
#[derive(Clone, Debug)]
pub struct GenProgram {
    pub name: String,
    pub current_thread: bool,
    pub helpers: Vec<Block>,
    pub main: Vec<Stmt>,
}

const NAMES: [&str; 12] = [
    "ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen", "ibis", "jay", "koi", "lynx",
];

/// Builds programs with fresh identifiers.
pub struct Gen<'r> {
    rng: &'r mut Rng,
    next_id: usize,
    ties: bool,
    helpers: usize,
}

impl Gen<'_> {
    fn id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id
    }

    fn ms(&mut self) -> u64 {
        if self.ties {
            [0, 10, 10, 20, 50, 100][self.rng.below(6) as usize]
        } else {
            1 + self.rng.below(300)
        }
    }

    fn label(&mut self, what: &str) -> String {
        let n = NAMES[self.rng.below(NAMES.len() as u64) as usize];
        let id = self.id();
        format!("{n}{id} {what}")
    }

    /// A block of 1..=`width` statements, nesting up to `depth` more levels.
    fn block(&mut self, depth: u32, width: u64, in_task: bool) -> Block {
        let n = 1 + self.rng.below(width);
        let mut stmts = Vec::new();
        let mut handles: Vec<usize> = Vec::new();
        for _ in 0..n {
            stmts.push(self.stmt(depth, &mut handles));
        }
        // Every handle is awaited (or aborted then awaited) before the block ends, unless left alone.
        for h in handles {
            if self.rng.chance(25) {
                stmts.push(Stmt::Abort(h));
            }
            stmts.push(Stmt::AwaitHandle(h));
        }
        if in_task && self.rng.chance(10) {
            let what = self.label("panics");
            stmts.push(Stmt::Panic(what));
        }
        Block {
            stmts,
            value: self.rng.below(100) as u32,
        }
    }

    fn stmt(&mut self, depth: u32, handles: &mut Vec<usize>) -> Stmt {
        let leaf = depth == 0 || self.rng.chance(45);
        if leaf {
            return match self.rng.below(24) {
                0..=7 => Stmt::Sleep(self.ms()),
                8..=10 => Stmt::Yield,
                13 => {
                    let id = self.id();
                    let cap = 1 + self.rng.below(3) as usize;
                    let n = 1 + self.rng.below(4);
                    let sends = (0..n)
                        .map(|_| (self.ms(), self.rng.below(100) as u32))
                        .collect();
                    let ms = if self.rng.chance(50) { 0 } else { self.ms() };
                    Stmt::Channel(id, cap, sends, ms)
                }
                14 => {
                    let id = self.id();
                    let ms = self.ms();
                    Stmt::Oneshot(id, ms, self.rng.below(100) as u32)
                }
                20..=23 => {
                    let id = self.id();
                    Stmt::Feature(id, self.feature())
                }
                11..=12 if self.helpers > 0 => {
                    let id = self.id();
                    let ms = self.ms();
                    Stmt::Call(id, self.rng.below(self.helpers as u64) as usize, ms)
                }
                _ => Stmt::Print(self.label("says hi")),
            };
        }
        let width = 3;
        match self.rng.below(10) {
            0..=2 => {
                let id = self.id();
                let k = 2 + self.rng.below(2);
                let branches = (0..k)
                    .map(|_| self.block(depth - 1, width, false))
                    .collect();
                Stmt::Join(id, branches)
            }
            3..=4 => {
                let id = self.id();
                let biased = self.rng.chance(50);
                let k = 2 + self.rng.below(2);
                let branches = if biased {
                    (0..k)
                        .map(|_| self.block(depth - 1, width, false))
                        .collect()
                } else {
                    self.unbiased_branches(k)
                };
                Stmt::Select(id, biased, branches)
            }
            5..=7 => {
                let id = self.id();
                let body = self.block(depth - 1, width, true);
                let awaited = self.rng.chance(75);
                if awaited {
                    handles.push(id);
                }
                Stmt::Spawn(id, body, awaited)
            }
            _ => {
                let id = self.id();
                let ms = self.ms();
                Stmt::Timeout(id, ms, self.block(depth - 1, width, false))
            }
        }
    }

    /// Branches of an unbiased `select!`: distinct first sleeps, then prints only.
    fn unbiased_branches(&mut self, k: u64) -> Vec<Block> {
        let mut used = Vec::new();
        (0..k)
            .map(|_| {
                let mut ms = 1 + self.rng.below(200);
                while used.contains(&ms) {
                    ms += 1;
                }
                used.push(ms);
                let mut stmts = vec![Stmt::Sleep(ms)];
                for _ in 0..self.rng.below(3) {
                    stmts.push(Stmt::Print(self.label("won")));
                }
                Block {
                    stmts,
                    value: self.rng.below(100) as u32,
                }
            })
            .collect()
    }
}

/// `count` programs from `seed`: the first half without planned ties, the second half with them.
pub fn generate_many(seed: u64, count: usize) -> Vec<GenProgram> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|i| generate(&mut rng, format!("g{i:03}"), i >= count / 2))
        .collect()
}

/// One program.
pub fn generate(rng: &mut Rng, name: String, ties: bool) -> GenProgram {
    let helpers = rng.below(3) as usize;
    let mut g = Gen {
        rng,
        next_id: 0,
        ties,
        helpers,
    };
    // Helpers call no helper (an `async fn` cannot recurse without boxing).
    g.helpers = 0;
    let helper_blocks = (0..helpers).map(|_| g.block(1, 3, false)).collect();
    g.helpers = helpers;
    let depth = 1 + g.rng.below(3) as u32;
    let mut main = g.block(depth, 5, false).stmts;
    // Rarely, main itself panics at its end: exit status 101, and the runtime drops its tasks.
    if g.rng.chance(4) {
        let what = g.label("main panics");
        main.push(Stmt::Panic(what));
    }
    // Every helper is called at least once (an unused one only brings a dead-code warning).
    for k in 0..helpers {
        if !calls(&main, k) {
            let id = g.id();
            let ms = g.ms();
            main.insert(0, Stmt::Call(id, k, ms));
        }
    }
    let current_thread = g.rng.chance(30);
    GenProgram {
        name,
        current_thread,
        helpers: helper_blocks,
        main,
    }
}

impl GenProgram {
    /// The program's source, the way a person would write it.
    pub fn render(&self) -> String {
        let mut body = String::new();
        for s in &self.main {
            render_stmt(&mut body, s, 1);
        }
        let mut helpers = String::new();
        for (k, h) in self.helpers.iter().enumerate() {
            let _ = writeln!(helpers, "async fn helper{k}(ms: u64) -> u32 {{");
            helpers.push_str("    sleep(Duration::from_millis(ms)).await;\n");
            for s in &h.stmts {
                render_stmt(&mut helpers, s, 1);
            }
            let _ = writeln!(helpers, "    {}\n}}\n", h.value);
        }
        let mut items = String::new();
        walk(&self.main, &mut |s| {
            if let Stmt::Feature(id, f) = s {
                add_items(&mut items, f, *id);
            }
        });
        for h in &self.helpers {
            walk(&h.stmts, &mut |s| {
                if let Stmt::Feature(id, f) = s {
                    add_items(&mut items, f, *id);
                }
            });
        }
        let all = format!("{helpers}{body}");
        let mut out = String::new();
        if all.contains("Arc::") {
            out.push_str("use std::sync::Arc;\n");
        }
        let mut time = Vec::new();
        if all.contains("sleep(") {
            time.push("sleep");
        }
        if all.contains("timeout(") {
            time.push("timeout");
        }
        if all.contains("Duration::") {
            time.push("Duration");
        }
        if !time.is_empty() {
            let _ = writeln!(out, "use tokio::time::{{{}}};", time.join(", "));
        }
        if all.contains("yield_now()") {
            out.push_str("use tokio::task::yield_now;\n");
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&items);
        out.push_str(&helpers);
        if self.current_thread {
            out.push_str("#[tokio::main(flavor = \"current_thread\")]\n");
        } else {
            out.push_str("#[tokio::main]\n");
        }
        out.push_str("async fn main() {\n    println!(\"main starts\");\n");
        out.push_str(&body);
        if !matches!(self.main.last(), Some(Stmt::Panic(_))) {
            out.push_str("    println!(\"main ends\");\n");
        }
        out.push_str("}\n");
        out
    }

    /// As a program for the runner.
    pub fn program(&self) -> Program {
        Program {
            name: self.name.clone(),
            source: self.render(),
        }
    }

    /// Number of statements, the size that shrinking reduces.
    pub fn size(&self) -> usize {
        fn count(stmts: &[Stmt]) -> usize {
            stmts
                .iter()
                .map(|s| {
                    1 + match s {
                        Stmt::Join(_, b) | Stmt::Select(_, _, b) => {
                            b.iter().map(|b| count(&b.stmts)).sum()
                        }
                        Stmt::Spawn(_, b, _) | Stmt::Timeout(_, _, b) => count(&b.stmts),
                        Stmt::Channel(_, _, sends, _) => sends.len(),
                        _ => 0,
                    }
                })
                .sum()
        }
        count(&self.main)
            + self
                .helpers
                .iter()
                .map(|h| 1 + count(&h.stmts))
                .sum::<usize>()
    }

    /// Whether Tokio's transcript cannot depend on its random `select!` start (see the module docs).
    pub fn deterministic(&self) -> bool {
        fn ok(stmts: &[Stmt]) -> bool {
            stmts.iter().all(|s| match s {
                Stmt::Select(_, false, branches) => {
                    let mut firsts = Vec::new();
                    for b in branches {
                        match b.stmts.first() {
                            Some(Stmt::Sleep(ms)) if !firsts.contains(ms) => firsts.push(*ms),
                            _ => return false,
                        }
                        if !b.stmts[1..].iter().all(|s| matches!(s, Stmt::Print(_))) {
                            return false;
                        }
                    }
                    true
                }
                Stmt::Join(_, b) | Stmt::Select(_, true, b) => b.iter().all(|b| ok(&b.stmts)),
                Stmt::Spawn(_, b, _) | Stmt::Timeout(_, _, b) => ok(&b.stmts),
                _ => true,
            })
        }
        ok(&self.main) && self.helpers.iter().all(|h| ok(&h.stmts))
    }

    /// Every program one step smaller: one statement (with the statements that use it) or one
    /// branch removed, anywhere. Used to shrink a program that differs.
    pub fn shrink_candidates(&self) -> Vec<GenProgram> {
        let mut out = Vec::new();
        for i in 0..self.helpers.len() {
            // A helper goes with its calls.
            let mut p = self.clone();
            p.helpers.remove(i);
            p.main = drop_calls(&p.main, i);
            out.push(p);
        }
        for (i, h) in self.helpers.iter().enumerate() {
            for stmts in variants(&h.stmts) {
                let mut p = self.clone();
                p.helpers[i].stmts = stmts;
                out.push(p);
            }
        }
        for stmts in variants(&self.main) {
            let mut p = self.clone();
            p.main = stmts;
            out.push(p);
        }
        out.retain(|p| p.deterministic());
        out
    }
}

/// A feature's items, a blank line after them.
fn add_items(items: &mut String, f: &Feature, id: usize) {
    let text = f.items(id);
    if !text.is_empty() {
        items.push_str(&text);
        items.push('\n');
    }
}

/// Calls `f` on every statement of `stmts`, nested ones included, in order.
fn walk<'a>(stmts: &'a [Stmt], f: &mut impl FnMut(&'a Stmt)) {
    for s in stmts {
        f(s);
        match s {
            Stmt::Join(_, b) | Stmt::Select(_, _, b) => b.iter().for_each(|b| walk(&b.stmts, f)),
            Stmt::Spawn(_, b, _) | Stmt::Timeout(_, _, b) => walk(&b.stmts, f),
            _ => {}
        }
    }
}

/// Whether `stmts` call helper `k` anywhere.
fn calls(stmts: &[Stmt], k: usize) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::Call(_, h, _) => *h == k,
        Stmt::Join(_, b) | Stmt::Select(_, _, b) => b.iter().any(|b| calls(&b.stmts, k)),
        Stmt::Spawn(_, b, _) | Stmt::Timeout(_, _, b) => calls(&b.stmts, k),
        _ => false,
    })
}

/// `stmts` without calls to helper `k`, and with later helpers renumbered.
fn drop_calls(stmts: &[Stmt], k: usize) -> Vec<Stmt> {
    stmts
        .iter()
        .filter(|s| !matches!(s, Stmt::Call(_, h, _) if *h == k))
        .map(|s| match s {
            Stmt::Call(id, h, ms) if *h > k => Stmt::Call(*id, h - 1, *ms),
            Stmt::Join(id, b) => {
                Stmt::Join(*id, b.iter().map(|b| drop_calls_block(b, k)).collect())
            }
            Stmt::Select(id, biased, b) => Stmt::Select(
                *id,
                *biased,
                b.iter().map(|b| drop_calls_block(b, k)).collect(),
            ),
            Stmt::Spawn(id, b, a) => Stmt::Spawn(*id, drop_calls_block(b, k), *a),
            Stmt::Timeout(id, ms, b) => Stmt::Timeout(*id, *ms, drop_calls_block(b, k)),
            s => s.clone(),
        })
        .collect()
}

fn drop_calls_block(b: &Block, k: usize) -> Block {
    Block {
        stmts: drop_calls(&b.stmts, k),
        value: b.value,
    }
}

/// Every one-step reduction of a statement list (see [`GenProgram::shrink_candidates`]).
fn variants(stmts: &[Stmt]) -> Vec<Vec<Stmt>> {
    let mut out = Vec::new();
    for (i, s) in stmts.iter().enumerate() {
        // Remove statement i, and what refers to its handle.
        let mut v: Vec<Stmt> = stmts.to_vec();
        v.remove(i);
        if let Stmt::Spawn(id, _, _) = s {
            v.retain(|t| !matches!(t, Stmt::AwaitHandle(h) | Stmt::Abort(h) if h == id));
        }
        if matches!(s, Stmt::AwaitHandle(_)) {
            // Keep the program warning-free and the handle's fate the same: drop the abort too.
            if let Stmt::AwaitHandle(h) = s {
                v.retain(|t| !matches!(t, Stmt::Abort(x) if x == h));
                // …and the spawn becomes a bare one (not awaited).
                for t in v.iter_mut() {
                    if let Stmt::Spawn(id, _, awaited) = t {
                        if id == h {
                            *awaited = false;
                        }
                    }
                }
            }
        }
        out.push(v);
        // Reduce inside statement i.
        let inner: Vec<Stmt> = match s {
            Stmt::Join(id, b) => sub_blocks(b)
                .into_iter()
                .map(|b| Stmt::Join(*id, b))
                .collect(),
            Stmt::Select(id, biased, b) => sub_blocks(b)
                .into_iter()
                .map(|b| Stmt::Select(*id, *biased, b))
                .collect(),
            Stmt::Spawn(id, b, a) => variants(&b.stmts)
                .into_iter()
                .map(|st| {
                    Stmt::Spawn(
                        *id,
                        Block {
                            stmts: st,
                            value: b.value,
                        },
                        *a,
                    )
                })
                .collect(),
            Stmt::Timeout(id, ms, b) => variants(&b.stmts)
                .into_iter()
                .map(|st| {
                    Stmt::Timeout(
                        *id,
                        *ms,
                        Block {
                            stmts: st,
                            value: b.value,
                        },
                    )
                })
                .collect(),
            // One send fewer (at least one stays, or the channel's type could not be inferred).
            Stmt::Channel(id, cap, sends, ms) if sends.len() > 1 => (0..sends.len())
                .map(|k| {
                    let mut fewer = sends.clone();
                    fewer.remove(k);
                    Stmt::Channel(*id, *cap, fewer, *ms)
                })
                .collect(),
            _ => Vec::new(),
        };
        for r in inner {
            let mut v = stmts.to_vec();
            v[i] = r;
            out.push(v);
        }
    }
    out
}

/// Branch lists one step smaller: one branch removed (keeping at least one), or one branch reduced.
fn sub_blocks(branches: &[Block]) -> Vec<Vec<Block>> {
    let mut out = Vec::new();
    if branches.len() > 1 {
        for i in 0..branches.len() {
            let mut b = branches.to_vec();
            b.remove(i);
            out.push(b);
        }
    }
    for (i, br) in branches.iter().enumerate() {
        for st in variants(&br.stmts) {
            let mut b = branches.to_vec();
            b[i] = Block {
                stmts: st,
                value: br.value,
            };
            out.push(b);
        }
    }
    out
}

fn indent(level: usize) -> String {
    "    ".repeat(level)
}

fn render_block(out: &mut String, b: &Block, level: usize, mv: bool) {
    let _ = writeln!(out, "async {}{{", if mv { "move " } else { "" });
    for s in &b.stmts {
        render_stmt(out, s, level + 1);
    }
    // A block that ends in a panic never reaches its value.
    if !matches!(b.stmts.last(), Some(Stmt::Panic(_))) {
        let _ = writeln!(out, "{}{}", indent(level + 1), b.value);
    }
    out.push_str(&indent(level));
    out.push('}');
}

fn render_stmt(out: &mut String, s: &Stmt, level: usize) {
    let ind = indent(level);
    match s {
        Stmt::Print(text) => {
            let _ = writeln!(out, "{ind}println!(\"{text}\");");
        }
        Stmt::Sleep(ms) => {
            let _ = writeln!(out, "{ind}sleep(Duration::from_millis({ms})).await;");
        }
        Stmt::Yield => {
            let _ = writeln!(out, "{ind}yield_now().await;");
        }
        Stmt::Panic(text) => {
            let _ = writeln!(out, "{ind}panic!(\"{text}\");");
        }
        Stmt::Join(id, branches) => {
            let _ = writeln!(out, "{ind}let j{id} = tokio::join!(");
            for b in branches {
                out.push_str(&indent(level + 1));
                render_block(out, b, level + 1, false);
                out.push_str(",\n");
            }
            let _ = writeln!(out, "{ind});");
            let _ = writeln!(out, "{ind}println!(\"join {id}: {{:?}}\", j{id});");
        }
        Stmt::Select(id, biased, branches) => {
            let _ = writeln!(out, "{ind}let s{id} = tokio::select! {{");
            if *biased {
                let _ = writeln!(out, "{}biased;", indent(level + 1));
            }
            for (k, b) in branches.iter().enumerate() {
                let _ = write!(out, "{}v = ", indent(level + 1));
                render_block(out, b, level + 1, false);
                let _ = writeln!(out, " => (\"branch {k}\", v),");
            }
            let _ = writeln!(out, "{ind}}};");
            let _ = writeln!(out, "{ind}println!(\"select {id}: {{:?}}\", s{id});");
        }
        Stmt::Spawn(id, b, awaited) => {
            if *awaited {
                let _ = write!(out, "{ind}let h{id} = tokio::spawn(");
            } else {
                let _ = write!(out, "{ind}tokio::spawn(");
            }
            render_block(out, b, level, true);
            out.push_str(");\n");
        }
        Stmt::AwaitHandle(id) => {
            let _ = writeln!(out, "{ind}println!(\"task {id}: {{:?}}\", h{id}.await);");
        }
        Stmt::Abort(id) => {
            let _ = writeln!(out, "{ind}h{id}.abort();");
        }
        Stmt::Timeout(id, ms, b) => {
            let _ = write!(
                out,
                "{ind}let t{id} = timeout(Duration::from_millis({ms}), "
            );
            render_block(out, b, level, false);
            out.push_str(").await;\n");
            let _ = writeln!(out, "{ind}println!(\"timeout {id}: {{:?}}\", t{id});");
        }
        Stmt::Call(id, k, ms) => {
            let _ = writeln!(out, "{ind}let c{id} = helper{k}({ms}).await;");
            let _ = writeln!(out, "{ind}println!(\"call {id}: {{}}\", c{id});");
        }
        Stmt::Channel(id, cap, sends, ms) => {
            let inner = indent(level + 1);
            let _ = writeln!(
                out,
                "{ind}let (tx{id}, mut rx{id}) = tokio::sync::mpsc::channel({cap});"
            );
            let _ = writeln!(out, "{ind}tokio::spawn(async move {{");
            for (wait, v) in sends {
                let _ = writeln!(out, "{inner}sleep(Duration::from_millis({wait})).await;");
                let _ = writeln!(out, "{inner}tx{id}.send({v}).await.unwrap();");
                let _ = writeln!(out, "{inner}println!(\"channel {id}: sent {v}\");");
            }
            let _ = writeln!(out, "{ind}}});");
            let _ = writeln!(out, "{ind}while let Some(v) = rx{id}.recv().await {{");
            let _ = writeln!(out, "{inner}println!(\"channel {id}: got {{v}}\");");
            if *ms > 0 {
                let _ = writeln!(out, "{inner}sleep(Duration::from_millis({ms})).await;");
            }
            let _ = writeln!(out, "{ind}}}");
            let _ = writeln!(out, "{ind}println!(\"channel {id}: closed\");");
        }
        Stmt::Oneshot(id, ms, v) => {
            let inner = indent(level + 1);
            let _ = writeln!(
                out,
                "{ind}let (tx{id}, rx{id}) = tokio::sync::oneshot::channel();"
            );
            let _ = writeln!(out, "{ind}tokio::spawn(async move {{");
            let _ = writeln!(out, "{inner}sleep(Duration::from_millis({ms})).await;");
            let _ = writeln!(out, "{inner}tx{id}.send({v}).unwrap();");
            let _ = writeln!(out, "{ind}}});");
            let _ = writeln!(
                out,
                "{ind}println!(\"oneshot {id}: {{:?}}\", rx{id}.await);"
            );
        }
        Stmt::Feature(id, f) => f.render(out, *id, level),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_programs() {
        let a: Vec<String> = generate_many(7, 20).iter().map(|p| p.render()).collect();
        let b: Vec<String> = generate_many(7, 20).iter().map(|p| p.render()).collect();
        let c: Vec<String> = generate_many(8, 20).iter().map(|p| p.render()).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn programs_are_deterministic_and_shrink_to_smaller_deterministic_ones() {
        for p in generate_many(3, 40) {
            assert!(p.deterministic(), "{}", p.render());
            for c in p.shrink_candidates() {
                assert!(c.size() < p.size());
                assert!(c.deterministic());
            }
        }
    }

    #[test]
    fn the_second_half_plans_ties() {
        let programs = generate_many(5, 40);
        let sleeps = |p: &GenProgram| {
            p.render()
                .lines()
                .filter(|l| l.contains("from_millis(100))") || l.contains("from_millis(50))"))
                .count()
        };
        let first: usize = programs[..20].iter().map(sleeps).sum();
        let second: usize = programs[20..].iter().map(sleeps).sum();
        assert!(second > first * 2, "round durations: {first} vs {second}");
    }
}
