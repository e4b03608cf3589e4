//! The generator's self-contained statements that use your own types and `tokio::sync`: a struct
//! with methods, an enum with data, a trait with `dyn` dispatch, `impl Drop`, `Arc<Mutex<T>>`
//! (Tokio's and std's), `Semaphore`, `Notify`, `RwLock`, `Barrier`, `watch`, `broadcast` and
//! `JoinSet`. Each is one [`Feature`]: the items it declares (named after its statement's id, so
//! that two never clash) and the statements it runs, with its durations drawn like the rest.
//!
//! Every one is deterministic under Tokio's current-thread runtime on its paused clock (the oracle
//! runs every program there): lock, permit and notification queues are FIFO, tasks are polled in
//! the order they are woken, and timers that fire together are polled in Tokio's fixed order. A
//! waiter that might never be woken waits under a `timeout`, so that no program stalls.
//! Every item is used, every field read, every variant built: the programs stay warning-free.

use super::{indent, Gen, NAMES};
use std::fmt::Write;

/// One self-contained statement over your own types or `tokio::sync`.
#[derive(Clone, Debug)]
pub enum Feature {
    /// A struct with `new`, a `&mut self` and a `&self` method, and a free fn taking `&mut`.
    Counter(Vec<CounterOp>),
    /// A `#[derive(Debug, Clone, PartialEq)]` enum with data (variant, value), matched.
    Shapes(Vec<(u64, u32, u32)>, usize, usize),
    /// A trait with a default method, two implementors, `Box<dyn …>` and `&dyn …`; a sleep between
    /// calls when `Some`.
    Traits(Vec<(bool, u32)>, Option<u64>),
    /// A type with a printing `impl Drop`.
    Drops(Vec<DropOp>),
    /// `Arc<tokio::sync::Mutex<_>>`: main holds it for `Some(ms)` first; tasks (wait, hold); of
    /// a counter (0), a `Vec` (1) or a struct of your own with `&mut self` methods (2).
    Mutex(Option<u64>, Vec<(u64, u64)>, u64),
    /// `Arc<std::sync::Mutex<Vec<_>>>` locked without awaiting: tasks (wait, scoped guard).
    StdMutex(Vec<(u64, bool)>),
    /// `Semaphore::new(permits)`: tasks (wait, hold, permits asked).
    Semaphore(u32, Vec<(u64, u64, u32)>),
    /// `Notify`: a stored permit first when `true`; waiters' waits; the notifier's sleeps; a final
    /// `notify_waiters` when `true`.
    Notify(bool, Vec<u64>, Vec<u64>, bool),
    /// `RwLock`: tasks (writes, wait, hold).
    RwLock(Vec<(bool, u64, u64)>),
    /// `Barrier`: one task per wait.
    Barrier(Vec<u64>),
    /// `watch`: the receiver task's pause after each change; the sender's (wait, value). One
    /// waiting receiver only: Tokio parks a watch's receivers on one of 8 `Notify`s chosen at
    /// random (`BigNotify`), so two woken by one `send` run in a random order. (`Barrier` waits on
    /// a watch too: its tasks print after distinct sleeps.)
    Watch(u64, Vec<(u64, u32)>),
    /// `broadcast` of capacity `cap`: subscribers' pauses; the sender's (wait, value).
    Broadcast(usize, Vec<u64>, Vec<(u64, u32)>),
    /// `JoinSet`: tasks (sleep, panics); `join_next` until empty.
    JoinSet(Vec<(u64, bool)>),
}

/// One step of [`Feature::Counter`].
#[derive(Clone, Debug)]
pub enum CounterOp {
    Add(u32),
    Twice(u32),
    Show,
    Sleep(u64),
}

/// One step of [`Feature::Drops`].
#[derive(Clone, Debug)]
pub enum DropOp {
    /// `let _dI_K = …;`: dropped at the end of the enclosing block.
    Hold(usize),
    /// `let _ = …;`: dropped at once.
    Temp,
    /// `slot = …;`: the old value dropped on reassignment (the first one declares it).
    Slot,
    /// `drop(_dI_K);` of an earlier `Hold`.
    Drop(usize),
    /// A held value moved into a detached task that prints it after `ms`. (Moved into a local of
    /// the task first: a block that borrows only its field `x.name` is refused by rustc without
    /// `move`, which the checker cannot tell yet, see the mutants.)
    Move(usize, u64),
    Sleep(u64),
}

impl Gen<'_> {
    fn few(&mut self, min: u64, max: u64) -> usize {
        (min + self.rng.below(max - min + 1)) as usize
    }

    /// A random feature.
    pub(super) fn feature(&mut self) -> Feature {
        match self.rng.below(13) {
            0 => {
                let mut ops = vec![CounterOp::Add(self.rng.below(10) as u32)];
                ops.push(CounterOp::Twice(self.rng.below(10) as u32));
                for _ in 0..self.rng.below(4) {
                    ops.push(match self.rng.below(4) {
                        0 => CounterOp::Add(self.rng.below(10) as u32),
                        1 => CounterOp::Twice(self.rng.below(10) as u32),
                        2 => CounterOp::Show,
                        _ => CounterOp::Sleep(self.ms()),
                    });
                }
                let n = ops.len() as u64;
                ops.swap(self.rng.below(n) as usize, self.rng.below(n) as usize);
                Feature::Counter(ops)
            }
            1 => {
                let mut shapes: Vec<(u64, u32, u32)> = (0..3)
                    .map(|v| (v, self.rng.below(6) as u32, self.rng.below(6) as u32))
                    .collect();
                for _ in 0..self.rng.below(3) {
                    shapes.push((
                        self.rng.below(3),
                        self.rng.below(6) as u32,
                        self.rng.below(6) as u32,
                    ));
                }
                let n = shapes.len() as u64;
                for i in 0..shapes.len() {
                    shapes.swap(i, self.rng.below(n) as usize);
                }
                let a = self.rng.below(n) as usize;
                let b = self.rng.below(n) as usize;
                Feature::Shapes(shapes, a, b)
            }
            2 => {
                let mut zoo = vec![(true, self.rng.below(20) as u32), (false, 0)];
                if self.rng.chance(50) {
                    zoo.push((self.rng.chance(50), self.rng.below(20) as u32));
                }
                if self.rng.chance(50) {
                    zoo.swap(0, 1);
                }
                let pause = self.rng.chance(50).then(|| self.ms());
                Feature::Traits(zoo, pause)
            }
            3 => {
                let mut ops = Vec::new();
                let mut held: Vec<usize> = Vec::new();
                for k in 0..self.few(2, 6) {
                    let any = if k == 0 { 4 } else { 7 };
                    ops.push(match self.rng.below(any) {
                        0 | 1 => {
                            held.push(k);
                            DropOp::Hold(k)
                        }
                        2 => DropOp::Temp,
                        3 => DropOp::Slot,
                        4 if !held.is_empty() => {
                            DropOp::Drop(held.remove(self.rng.below(held.len() as u64) as usize))
                        }
                        5 if !held.is_empty() => {
                            let h = held.remove(self.rng.below(held.len() as u64) as usize);
                            DropOp::Move(h, self.ms())
                        }
                        _ => DropOp::Sleep(self.ms()),
                    });
                }
                Feature::Drops(ops)
            }
            4 => {
                let hold = self.rng.chance(30).then(|| self.ms());
                let tasks = (0..self.few(2, 4))
                    .map(|_| (self.ms(), self.ms()))
                    .collect();
                Feature::Mutex(hold, tasks, self.rng.below(3))
            }
            5 => Feature::StdMutex(
                (0..self.few(2, 4))
                    .map(|_| (self.ms(), self.rng.chance(50)))
                    .collect(),
            ),
            6 => {
                let permits = 1 + self.rng.below(3) as u32;
                let tasks = (0..self.few(2, 5))
                    .map(|_| {
                        let n = if self.rng.chance(25) {
                            1 + self.rng.below(permits as u64) as u32
                        } else {
                            1
                        };
                        (self.ms(), self.ms(), n)
                    })
                    .collect();
                Feature::Semaphore(permits, tasks)
            }
            7 => {
                let waiters: Vec<u64> = (0..self.few(1, 3)).map(|_| self.ms()).collect();
                let notifies = (0..self.few(1, waiters.len() as u64 + 1))
                    .map(|_| self.ms())
                    .collect();
                Feature::Notify(self.rng.chance(30), waiters, notifies, self.rng.chance(30))
            }
            8 => Feature::RwLock(
                (0..self.few(2, 5))
                    .map(|_| (self.rng.chance(40), self.ms(), self.ms()))
                    .collect(),
            ),
            9 => Feature::Barrier((0..self.few(1, 4)).map(|_| self.ms()).collect()),
            10 => Feature::Watch(
                self.ms(),
                (0..self.few(1, 4))
                    .map(|_| (self.ms(), self.rng.below(100) as u32))
                    .collect(),
            ),
            11 => Feature::Broadcast(
                self.few(1, 3),
                (0..self.few(1, 3)).map(|_| self.ms()).collect(),
                (0..self.few(1, 5))
                    .map(|_| (self.ms(), self.rng.below(100) as u32))
                    .collect(),
            ),
            _ => Feature::JoinSet(
                (0..self.few(1, 4))
                    .map(|_| (self.ms(), self.rng.chance(15)))
                    .collect(),
            ),
        }
    }
}

impl Feature {
    /// The top-level items this feature declares (empty for those that need none).
    pub fn items(&self, id: usize) -> String {
        match self {
            Feature::Counter(_) => format!(
                "struct Counter{id} {{
    name: String,
    total: u32,
}}

impl Counter{id} {{
    fn new(name: &str) -> Self {{
        Counter{id} {{
            name: name.to_string(),
            total: 0,
        }}
    }}

    fn add(&mut self, n: u32) -> u32 {{
        self.total += n;
        self.total
    }}

    fn show(&self) -> String {{
        format!(\"{{}} has {{}}\", self.name, self.total)
    }}
}}

fn twice{id}(counter: &mut Counter{id}, n: u32) {{
    counter.add(n);
    counter.add(n);
}}
"
            ),
            Feature::Shapes(..) => format!(
                "#[derive(Debug, Clone, PartialEq)]
enum Shape{id} {{
    Dot,
    Circle(u32),
    Rect {{ w: u32, h: u32 }},
}}

impl Shape{id} {{
    fn area(&self) -> u32 {{
        match self {{
            Shape{id}::Dot => 0,
            Shape{id}::Circle(r) => 3 * r * r,
            Shape{id}::Rect {{ w, h }} => w * h,
        }}
    }}

    fn describe(&self) -> String {{
        match self {{
            Shape{id}::Rect {{ w, h }} if w == h => format!(\"square of {{w}}\"),
            Shape{id}::Rect {{ w, .. }} => format!(\"rect {{w}} wide\"),
            Shape{id}::Circle(r @ 0..=2) => format!(\"small circle {{r}}\"),
            other => format!(\"{{:?}}\", other),
        }}
    }}
}}
"
            ),
            Feature::Traits(..) => format!(
                "trait Animal{id} {{
    fn name(&self) -> String;

    fn noise(&self) -> String {{
        format!(\"{{}} makes a sound\", self.name())
    }}
}}

struct Dog{id} {{
    age: u32,
}}

struct Bird{id};

impl Animal{id} for Dog{id} {{
    fn name(&self) -> String {{
        format!(\"dog aged {{}}\", self.age)
    }}
}}

impl Animal{id} for Bird{id} {{
    fn name(&self) -> String {{
        String::from(\"bird\")
    }}

    fn noise(&self) -> String {{
        format!(\"{{}} sings\", self.name())
    }}
}}

fn hear{id}(animal: &dyn Animal{id}) -> String {{
    animal.noise()
}}
"
            ),
            Feature::Drops(_) => format!(
                "struct Noisy{id} {{
    name: String,
}}

impl Drop for Noisy{id} {{
    fn drop(&mut self) {{
        println!(\"drop {id}: {{}}\", self.name);
    }}
}}
"
            ),
            Feature::Mutex(_, _, 2) => format!(
                "#[derive(Debug, Default)]
struct Tally{id} {{
    hits: u32,
    last: Option<usize>,
}}

impl Tally{id} {{
    fn hit(&mut self, who: usize) -> u32 {{
        self.hits += 1;
        self.last = Some(who);
        self.hits
    }}

    fn show(&self) -> String {{
        format!(\"{{}} hits, the last by {{:?}}\", self.hits, self.last)
    }}
}}
"
            ),
            _ => String::new(),
        }
    }

    /// The feature's statements at `level`.
    pub fn render(&self, out: &mut String, id: usize, level: usize) {
        let mut s = String::new();
        self.body(&mut s, id);
        let ind = indent(level);
        for line in s.lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{ind}{line}");
            }
        }
    }

    fn body(&self, s: &mut String, id: usize) {
        let sleep = |ms: u64| format!("sleep(Duration::from_millis({ms})).await;");
        // `[(a, b), …]`, for a task loop.
        fn list<T: std::fmt::Debug>(items: &[T]) -> String {
            let v: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
            format!("[{}]", v.join(", "))
        }
        let join_all = |s: &mut String| {
            let _ = writeln!(s, "for h in hs{id} {{\n    h.await.unwrap();\n}}");
        };
        match self {
            Feature::Counter(ops) => {
                let name = NAMES[id % NAMES.len()];
                let _ = writeln!(s, "let mut k{id} = Counter{id}::new(\"{name}\");");
                for op in ops {
                    let _ = match op {
                        CounterOp::Add(n) => writeln!(
                            s,
                            "println!(\"counter {id}: add {n} gives {{}}\", k{id}.add({n}));"
                        ),
                        CounterOp::Twice(n) => writeln!(s, "twice{id}(&mut k{id}, {n});"),
                        CounterOp::Show => {
                            writeln!(s, "println!(\"counter {id}: {{}}\", k{id}.show());")
                        }
                        CounterOp::Sleep(ms) => writeln!(s, "{}", sleep(*ms)),
                    };
                }
                let _ = writeln!(s, "println!(\"counter {id}: {{}}\", k{id}.show());");
            }
            Feature::Shapes(shapes, a, b) => {
                let v: Vec<String> = shapes
                    .iter()
                    .map(|(k, x, y)| match k {
                        0 => format!("Shape{id}::Dot"),
                        1 => format!("Shape{id}::Circle({x})"),
                        _ => format!("Shape{id}::Rect {{ w: {x}, h: {y} }}"),
                    })
                    .collect();
                let _ = writeln!(s, "let shapes{id} = vec![{}];", v.join(", "));
                let _ = writeln!(
                    s,
                    "for shape in &shapes{id} {{\n    println!(\"shape {id}: {{:?}} is a {{}}, area {{}}\", shape, shape.describe(), shape.area());\n}}"
                );
                let _ = writeln!(s, "let copy{id} = shapes{id}[{a}].clone();");
                let _ = writeln!(s, "println!(\"shape {id}: {{:#?}}\", copy{id});");
                let _ = writeln!(
                    s,
                    "println!(\"shape {id}: {{:?}} == {{:?}}: {{}}\", copy{id}, shapes{id}[{b}], copy{id} == shapes{id}[{b}]);"
                );
            }
            Feature::Traits(zoo, pause) => {
                let v: Vec<String> = zoo
                    .iter()
                    .map(|(dog, age)| {
                        if *dog {
                            format!("Box::new(Dog{id} {{ age: {age} }})")
                        } else {
                            format!("Box::new(Bird{id})")
                        }
                    })
                    .collect();
                let _ = writeln!(
                    s,
                    "let zoo{id}: Vec<Box<dyn Animal{id} + Send + Sync>> = vec![{}];",
                    v.join(", ")
                );
                let _ = writeln!(s, "for animal in &zoo{id} {{");
                let _ = writeln!(s, "    println!(\"trait {id}: {{}}\", animal.noise());");
                if let Some(ms) = pause {
                    let _ = writeln!(s, "    {}", sleep(*ms));
                }
                let _ = writeln!(s, "}}");
                let _ = writeln!(
                    s,
                    "println!(\"trait {id}: {{}} / {{}}\", hear{id}(&Dog{id} {{ age: {} }}), hear{id}(zoo{id}[{}].as_ref()));",
                    zoo.len(),
                    zoo.len() - 1
                );
            }
            Feature::Drops(ops) => {
                let mut slot = false;
                // `mut` only if the slot is assigned again (else rustc warns).
                let slots = ops.iter().filter(|o| matches!(o, DropOp::Slot)).count();
                let decl_slot = if slots > 1 { "let mut " } else { "let " };
                for (k, op) in ops.iter().enumerate() {
                    let name = NAMES[(id + k) % NAMES.len()];
                    let new = format!("Noisy{id} {{ name: String::from(\"{name}{k}\") }}");
                    let _ = match op {
                        DropOp::Hold(h) => writeln!(s, "let _d{id}_{h} = {new};"),
                        DropOp::Temp => writeln!(s, "let _ = {new};"),
                        DropOp::Slot => {
                            let decl = if slot { "" } else { decl_slot };
                            slot = true;
                            writeln!(
                                s,
                                "{decl}slot{id} = {new};\nprintln!(\"drop {id}: slot holds {{}}\", slot{id}.name);"
                            )
                        }
                        DropOp::Drop(h) => writeln!(s, "drop(_d{id}_{h});"),
                        DropOp::Move(h, ms) => writeln!(
                            s,
                            "tokio::spawn(async move {{\n    let held = _d{id}_{h};\n    {}\n    println!(\"drop {id}: task had {{}}\", held.name);\n}});",
                            sleep(*ms)
                        ),
                        DropOp::Sleep(ms) => writeln!(s, "{}", sleep(*ms)),
                    };
                }
                let _ = writeln!(s, "println!(\"drop {id}: scope ends\");");
            }
            Feature::Mutex(hold, tasks, kind) => {
                let (init, change, show) = match kind {
                    0 => ("0u32".to_string(), "*g += 1", "{}"),
                    1 => ("Vec::new()".to_string(), "g.push(i)", "{:?}"),
                    _ => (format!("Tally{id}::default()"), "g.hit(i)", "{:?}"),
                };
                let _ = writeln!(s, "let m{id} = Arc::new(tokio::sync::Mutex::new({init}));");
                if hold.is_some() {
                    let _ = writeln!(s, "let guard{id} = m{id}.lock().await;");
                }
                let _ = writeln!(s, "let mut hs{id} = Vec::new();");
                let _ = writeln!(
                    s,
                    "for (i, (wait, hold)) in {}.into_iter().enumerate() {{
    let m = Arc::clone(&m{id});
    hs{id}.push(tokio::spawn(async move {{
        sleep(Duration::from_millis(wait)).await;
        let mut g = m.lock().await;
        {change};
        println!(\"mutex {id}: task {{i}} has it: {show}\", *g);
        sleep(Duration::from_millis(hold)).await;
        println!(\"mutex {id}: task {{i}} lets go\");
    }}));
}}",
                    list(tasks)
                );
                if let Some(ms) = hold {
                    let _ = writeln!(
                        s,
                        "{}\nprintln!(\"mutex {id}: the holder lets go of {show}\", *guard{id});\ndrop(guard{id});",
                        sleep(*ms)
                    );
                }
                join_all(s);
                let _ = if *kind == 2 {
                    writeln!(
                        s,
                        "println!(\"mutex {id}: finally {{}}\", m{id}.lock().await.show());"
                    )
                } else {
                    writeln!(
                        s,
                        "println!(\"mutex {id}: finally {show}\", *m{id}.lock().await);"
                    )
                };
            }
            Feature::StdMutex(tasks) => {
                let _ = writeln!(
                    s,
                    "let m{id} = Arc::new(std::sync::Mutex::new(Vec::new()));"
                );
                let _ = writeln!(s, "let mut hs{id} = Vec::new();");
                let _ = writeln!(
                    s,
                    "for (i, (wait, scoped)) in {}.into_iter().enumerate() {{
    let m = Arc::clone(&m{id});
    hs{id}.push(tokio::spawn(async move {{
        sleep(Duration::from_millis(wait)).await;
        if scoped {{
            let mut g = m.lock().unwrap();
            g.push(i);
            println!(\"std mutex {id}: task {{i}} sees {{}} items\", g.len());
        }} else {{
            m.lock().unwrap().push(i * 10);
            println!(\"std mutex {id}: task {{i}} pushed\");
        }}
    }}));
}}",
                    list(tasks)
                );
                join_all(s);
                let _ = writeln!(
                    s,
                    "println!(\"std mutex {id}: {{:?}}\", m{id}.lock().unwrap());"
                );
            }
            Feature::Semaphore(permits, tasks) => {
                // `acquire()` where every task asks for one permit (`n` is then 1 in each tuple).
                let acquire = if tasks.iter().all(|t| t.2 == 1) {
                    "sem.acquire()"
                } else {
                    "sem.acquire_many(n)"
                };
                let _ = writeln!(
                    s,
                    "let sem{id} = Arc::new(tokio::sync::Semaphore::new({permits}));"
                );
                let _ = writeln!(s, "let mut hs{id} = Vec::new();");
                let _ = writeln!(
                    s,
                    "for (i, (wait, hold, n)) in {}.into_iter().enumerate() {{
    let sem = Arc::clone(&sem{id});
    hs{id}.push(tokio::spawn(async move {{
        sleep(Duration::from_millis(wait)).await;
        let permit = {acquire}.await.unwrap();
        println!(\"semaphore {id}: task {{i}} got {{n}}, {{}} left\", sem.available_permits());
        sleep(Duration::from_millis(hold)).await;
        drop(permit);
        println!(\"semaphore {id}: task {{i}} gave back {{n}}\");
    }}));
}}",
                    list(tasks)
                );
                join_all(s);
                let _ = writeln!(
                    s,
                    "println!(\"semaphore {id}: {{}} permits\", sem{id}.available_permits());"
                );
            }
            Feature::Notify(stored, waiters, notifies, all) => {
                let _ = writeln!(s, "let n{id} = Arc::new(tokio::sync::Notify::new());");
                if *stored {
                    let _ = writeln!(s, "n{id}.notify_one();");
                }
                let _ = writeln!(s, "let mut hs{id} = Vec::new();");
                let _ = writeln!(
                    s,
                    "for (i, wait) in {}.into_iter().enumerate() {{
    let n = Arc::clone(&n{id});
    hs{id}.push(tokio::spawn(async move {{
        sleep(Duration::from_millis(wait)).await;
        println!(\"notify {id}: task {{i}} waits\");
        match timeout(Duration::from_millis(1000), n.notified()).await {{
            Ok(()) => println!(\"notify {id}: task {{i}} woke\"),
            Err(_) => println!(\"notify {id}: task {{i}} gave up\"),
        }}
    }}));
}}",
                    list(waiters)
                );
                for ms in notifies {
                    let _ = writeln!(
                        s,
                        "{}\nprintln!(\"notify {id}: notify_one\");\nn{id}.notify_one();",
                        sleep(*ms)
                    );
                }
                if *all {
                    let _ = writeln!(
                        s,
                        "println!(\"notify {id}: notify_waiters\");\nn{id}.notify_waiters();"
                    );
                }
                join_all(s);
            }
            Feature::RwLock(tasks) => {
                let _ = writeln!(s, "let rw{id} = Arc::new(tokio::sync::RwLock::new(0u32));");
                let _ = writeln!(s, "let mut hs{id} = Vec::new();");
                let _ = writeln!(
                    s,
                    "for (i, (writes, wait, hold)) in {}.into_iter().enumerate() {{
    let rw = Arc::clone(&rw{id});
    hs{id}.push(tokio::spawn(async move {{
        sleep(Duration::from_millis(wait)).await;
        if writes {{
            let mut w = rw.write().await;
            *w += 1;
            println!(\"rwlock {id}: task {{i}} wrote {{}}\", *w);
            sleep(Duration::from_millis(hold)).await;
        }} else {{
            let r = rw.read().await;
            println!(\"rwlock {id}: task {{i}} read {{}}\", *r);
            sleep(Duration::from_millis(hold)).await;
        }}
        println!(\"rwlock {id}: task {{i}} done\");
    }}));
}}",
                    list(tasks)
                );
                join_all(s);
                let _ = writeln!(
                    s,
                    "println!(\"rwlock {id}: finally {{}}\", *rw{id}.read().await);"
                );
            }
            Feature::Barrier(waits) => {
                let _ = writeln!(
                    s,
                    "let b{id} = Arc::new(tokio::sync::Barrier::new({}));",
                    waits.len()
                );
                let _ = writeln!(s, "let mut hs{id} = Vec::new();");
                let _ = writeln!(
                    s,
                    "for (i, wait) in {}.into_iter().enumerate() {{
    let b = Arc::clone(&b{id});
    hs{id}.push(tokio::spawn(async move {{
        sleep(Duration::from_millis(wait)).await;
        println!(\"barrier {id}: task {{i}} waits\");
        let r = b.wait().await;
        sleep(Duration::from_millis(i as u64)).await;
        println!(\"barrier {id}: task {{i}} passes, leader: {{}}\", r.is_leader());
    }}));
}}",
                    list(waits)
                );
                join_all(s);
            }
            Feature::Watch(pause, sends) => {
                let _ = writeln!(
                    s,
                    "let (tx{id}, rx{id}) = tokio::sync::watch::channel(0u32);"
                );
                let _ = writeln!(
                    s,
                    "let mut rx = rx{id}.clone();
let watcher{id} = tokio::spawn(async move {{
    while rx.changed().await.is_ok() {{
        let v = *rx.borrow();
        println!(\"watch {id}: the task sees {{v}}\");
        {}
    }}
    println!(\"watch {id}: the task sees the sender gone\");
}});",
                    sleep(*pause)
                );
                for (ms, v) in sends {
                    let _ = writeln!(
                        s,
                        "{}\ntx{id}.send({v}).unwrap();\nprintln!(\"watch {id}: sent {v}\");",
                        sleep(*ms)
                    );
                }
                let _ = writeln!(s, "drop(tx{id});");
                let _ = writeln!(s, "watcher{id}.await.unwrap();");
                let _ = writeln!(s, "println!(\"watch {id}: last {{}}\", *rx{id}.borrow());");
            }
            Feature::Broadcast(cap, pauses, sends) => {
                let _ = writeln!(
                    s,
                    "let (tx{id}, _) = tokio::sync::broadcast::channel({cap});"
                );
                let _ = writeln!(s, "let mut hs{id} = Vec::new();");
                let _ = writeln!(
                    s,
                    "for (i, pause) in {}.into_iter().enumerate() {{
    let mut rx = tx{id}.subscribe();
    hs{id}.push(tokio::spawn(async move {{
        loop {{
            match rx.recv().await {{
                Ok(v) => {{
                    println!(\"broadcast {id}: task {{i}} got {{v}}\");
                    sleep(Duration::from_millis(pause)).await;
                }}
                Err(e) => {{
                    println!(\"broadcast {id}: task {{i}}: {{e:?}}\");
                    if e.to_string() == \"channel closed\" {{
                        break;
                    }}
                }}
            }}
        }}
        println!(\"broadcast {id}: task {{i}} sees it closed\");
    }}));
}}",
                    list(pauses)
                );
                for (ms, v) in sends {
                    let _ = writeln!(
                        s,
                        "{}\nprintln!(\"broadcast {id}: sent {v} to {{}}\", tx{id}.send({v}).unwrap_or(0));",
                        sleep(*ms)
                    );
                }
                let _ = writeln!(s, "drop(tx{id});");
                join_all(s);
            }
            Feature::JoinSet(tasks) => {
                // One `spawn` per task, capturing nothing: the checker cannot yet type a loop's
                // tuple pattern, so a slip that drops `move` from a loop's spawn that captures
                // only those would go unjudged (see the mutants).
                let _ = writeln!(s, "let mut set{id} = tokio::task::JoinSet::new();");
                for (i, (ms, fails)) in tasks.iter().enumerate() {
                    let _ = writeln!(s, "set{id}.spawn(async move {{\n    {}", sleep(*ms));
                    if *fails {
                        let _ = writeln!(
                            s,
                            "    if {ms} > 0 {{\n        panic!(\"joinset {id}: task {i} fails\");\n    }}"
                        );
                    }
                    let _ = writeln!(
                        s,
                        "    println!(\"joinset {id}: task {i} done\");\n    {i}\n}});"
                    );
                }
                let _ = writeln!(
                    s,
                    "while let Some(r) = set{id}.join_next().await {{
    match r {{
        Ok(i) => println!(\"joinset {id}: joined {{i}}\"),
        Err(e) => println!(\"joinset {id}: a task panicked: {{}}\", e.is_panic()),
    }}
}}"
                );
            }
        }
    }
}
