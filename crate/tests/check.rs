//! The checker (`interp::check`): programs rustc rejects are refused with rustc's code at rustc's
//! line, and no program rustc accepts is refused.
#![cfg(feature = "interp")]

use async_playground::interp::{self, Limits};

fn judge(src: &str) -> Vec<interp::Diagnostic> {
    interp::check::check(src, &Limits::default())
}

/// Every corpus program compiles with rustc: the checker must find nothing in it.
#[test]
fn the_corpus_passes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/programs");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let src = std::fs::read_to_string(&path).unwrap();
            let found = judge(&src);
            assert!(
                found.is_empty(),
                "{}: {}",
                path.display(),
                found.iter().map(|d| d.render(&src)).collect::<String>()
            );
            n += 1;
        }
    }
    assert!(n > 30);
}

/// Prints what the checker says of the files of `CHECK_DIR` (a debugging aid).
#[test]
fn show_dir() {
    let Ok(dir) = std::env::var("CHECK_DIR") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let src = std::fs::read_to_string(&path).unwrap();
        println!("=== {}", path.display());
        for d in judge(&src) {
            print!("{}", d.render(&src));
        }
    }
}

/// A deeply nested expression is given up quietly (the lowering refuses it), within a thread's
/// default stack.
#[test]
fn deep_nesting_is_left_to_the_lowering() {
    let deep = format!("fn main() {{ let x = {}true; }}", "!".repeat(200));
    let found = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || judge(&deep))
        .unwrap()
        .join()
        .unwrap();
    assert!(found.is_empty());
}

/// A program's name, its source, and rustc's errors (code, line).
type Rejected = (&'static str, &'static str, &'static [(&'static str, u32)]);

/// Programs rustc rejects, with the errors rustc 1.95 gave (code, line), in its order. The
/// checker's first error is rustc's first, and it reports nothing rustc does not.
const REJECTED: &[Rejected] = &[
    (
        "a1",
        r#"#[tokio::main]
async fn main() {
    let v = vec![1, 2, 3];
    for i in 0..3 {
        tokio::spawn(async move {
            println!("{} {:?}", i, v);
        });
    }
    let s = String::from("x");
    let h1 = tokio::spawn(async move { println!("{}", s); });
    let h2 = tokio::spawn(async move { println!("{}", s); });
    let _ = (h1.await, h2.await);
}
"#,
        &[("E0382", 5), ("E0382", 11)],
    ),
    (
        "a2",
        r#"fn main() {
    let s = String::from("x");
    let t = std::thread::spawn(move || println!("{}", s));
    println!("{}", s.len());
    t.join().unwrap();
    let h = std::thread::spawn(|| 1);
    let a = h.join();
    let b = h.join();
    let mut s2 = String::new();
    loop {
        println!("{}", s2);
        drop(s2);
    }
}
"#,
        &[("E0382", 4), ("E0382", 8), ("E0382", 11)],
    ),
    (
        "a3",
        r#"struct User { name: String, age: u32, email: String }
#[derive(Debug)]
struct P(i32);
fn main() {
    let u = User { name: String::new(), mail: String::new() };
    let w = User { name: String::new() };
    let z = User { };
    let q = User { name: String::new(), age: 1, email: String::new(), agee: 3 };
    let n = Foo::new();
    let m = foo::bar();
    let x = missing;
    let y = Missing;
    Bar(1);
}
fn f(x: i32) { x = 5; }
fn g() -> u32 {
    let v = 3;
    v.await
}
"#,
        &[
            ("E0425", 11),
            ("E0425", 12),
            ("E0728", 18),
            ("E0560", 5),
            ("E0063", 6),
            ("E0063", 7),
            ("E0560", 8),
            ("E0433", 9),
            ("E0433", 10),
            ("E0425", 13),
            ("E0384", 15),
        ],
    ),
    (
        "a4",
        r#"async fn fetch() -> u32 { 1 }
async fn go() {
    let x: i32 = "5".parse()?;
    let s: String = "hello";
    let n: i32 = 1.5;
    let m: String = 5;
    let b: bool = 1;
}
fn take(s: String, n: u64) {}
fn main() {
    take("abc", 1);
    take(String::new(), "x");
    take(String::new(), 1.0);
    let c = || fetch().await;
}
"#,
        &[
            ("E0728", 14),
            ("E0277", 3),
            ("E0308", 4),
            ("E0308", 5),
            ("E0308", 6),
            ("E0308", 7),
            ("E0308", 11),
            ("E0308", 12),
            ("E0308", 13),
        ],
    ),
    (
        "a5",
        r#"use std::rc::Rc;
use tokio::sync::mpsc;
#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel::<i32>(8);
    drop(tx);
    while let Some(x) = rx.recv().await {}
    let a = 1;
    let b = "s";
    let h = tokio::spawn(async {
        println!("{} {}", a, b);
    });
    let rc = Rc::new(5);
    tokio::spawn(async move {
        println!("{}", rc);
    });
}
"#,
        &[("", 14)],
    ),
    (
        "c1",
        r#"async fn main() {
    println!("hi");
}
"#,
        &[("E0752", 1)],
    ),
    (
        "c2",
        r#"async fn process(s: &str) {
    tokio::spawn(async move {
        println!("{s}");
    });
}
fn count() -> u32 {
    "three"
}
fn name() -> String {
    return "x";
}
#[tokio::main]
async fn main() {
    process("a").await;
    let v: Option<String> = Some(String::new());
    println!("{}", v.len());
    println!("{}", count());
}
"#,
        &[("E0521", 2), ("E0308", 7), ("E0308", 10), ("E0624", 16)],
    ),
    (
        "c3",
        r#"use std::sync::{Arc, Mutex};
#[tokio::main]
async fn main() {
    let data = Arc::new(Mutex::new(Vec::new()));
    let mut handles = vec![];
    for i in 0..3 {
        handles.push(tokio::spawn(async move {
            data.lock().unwrap().push(i);
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
}
"#,
        &[("E0382", 7)],
    ),
    (
        "c4",
        r#"use tokio::time::{sleep, Duration};
#[tokio::main]
async fn main() {
    let items = vec![1, 2, 3];
    items.iter().for_each(|i| {
        sleep(Duration::from_millis(*i)).await;
    });
    let count = 0;
    for i in items {
        count += i;
    }
    println!("{count}");
}
"#,
        &[("E0728", 6)],
    ),
    (
        "d1",
        r#"struct User { name: String }
fn make() -> &str { "x" }
fn pick(a: &str, b: &str, c: &str) -> &str { a }
fn main() {
    let u = User { name: String::from("a") };
    println!("{:?}", u);
    println!("{}", u);
    let t = (1, 2);
    println!("{}", t);
    let o = Some(1);
    println!("{} {}", o, u.name);
}
"#,
        &[
            ("E0106", 2),
            ("E0106", 3),
            ("E0277", 6),
            ("E0277", 7),
            ("E0277", 9),
            ("E0277", 11),
        ],
    ),
    (
        "e0061",
        r#"fn add(a: i32, b: i32) -> i32 { a + b }
async fn f(x: u64) {}
#[tokio::main]
async fn main() {
    println!("{}", add(1));
    f(1, 2).await;
}
"#,
        &[("E0061", 5), ("E0061", 6)],
    ),
    (
        "e0277",
        r#"fn five() -> i32 { 5 }
#[tokio::main]
async fn main() {
    let x = five().await;
    println!("{}", x);
}
"#,
        &[("E0277", 4)],
    ),
    (
        "e0277m",
        r#"#[tokio::main]
async fn main() {
    let n: i32 = "5".parse()?;
    println!("{}", n);
}
"#,
        &[("E0277", 3)],
    ),
    (
        "e0277q",
        r#"fn main() {
    let n: i32 = "5".parse()?;
    println!("{}", n);
}
"#,
        &[("E0277", 2)],
    ),
    (
        "e0308",
        r#"async fn fetch_user_data() -> String {
    String::from("user")
}
fn add(a: i32, b: i32) -> i32 { a + b }
#[tokio::main]
async fn main() {
    let user: String = fetch_user_data();
    println!("{}", user);
    println!("{}", add("1", 2));
}
"#,
        &[("E0308", 7), ("E0308", 9)],
    ),
    (
        "e0373",
        r#"#[tokio::main]
async fn main() {
    let v = vec![1, 2, 3];
    let handle = tokio::spawn(async {
        println!("Here's a vec: {:?}", v);
    });
    handle.await.unwrap();
}
"#,
        &[("E0373", 4)],
    ),
    (
        "e0373t",
        r#"use std::thread;
fn main() {
    let v = vec![1, 2, 3];
    let handle = thread::spawn(|| {
        println!("Here's a vec: {:?}", v);
    });
    handle.join().unwrap();
}
"#,
        &[("E0373", 4)],
    ),
    (
        "e0382",
        r#"#[tokio::main]
async fn main() {
    let name = String::from("alice");
    let h = tokio::spawn(async move {
        println!("task has {}", name);
    });
    println!("main still has {}", name);
    h.await.unwrap();
}
"#,
        &[("E0382", 7)],
    ),
    (
        "e0382b",
        r#"fn consume(s: String) -> usize { s.len() }
fn main() {
    let s = String::from("hi");
    let n = consume(s);
    println!("{} {}", n, s);
    let v = vec![1];
    for _ in 0..2 {
        drop(v);
    }
    let a = String::new();
    let b = a;
    let c = a;
    println!("{b}{c}");
}
"#,
        &[("E0382", 5), ("E0382", 8), ("E0382", 12)],
    ),
    (
        "e0384",
        r#"fn main() {
    let total = 100;
    total = 300;
    println!("{}", total);
    let x;
    x = 1;
    x = 2;
    println!("{x}");
}
"#,
        &[("E0384", 3), ("E0384", 7)],
    ),
    (
        "e0425",
        r#"#[tokio::main]
async fn main() {
    println!("{}", countr);
    undefined_fn();
    let count = 1;
    println!("{cont}");
}
"#,
        &[("E0425", 3), ("E0425", 6), ("E0425", 4)],
    ),
    (
        "e0433",
        r#"#[tokio::main]
async fn main() {
    sleep(Duration::from_millis(10)).await;
    tokio::time::sleep(Duration::from_millis(10)).await;
}
"#,
        &[("E0425", 3), ("E0433", 3), ("E0433", 4)],
    ),
    (
        "e0499",
        r#"fn main() {
    let mut s = String::new();
    let a = &mut s;
    let b = &mut s;
    a.push('x');
    b.push('y');
    let mut v = vec![1, 2];
    let first = &v[0];
    v.push(3);
    println!("{}", first);
}
"#,
        &[("E0499", 4), ("E0502", 9)],
    ),
    (
        "e0596",
        r#"fn main() {
    let v = Vec::new();
    v.push(1);
    let s = String::new();
    s.push_str("a");
    let n = 5;
    let r = &mut n;
    *r += 1;
    println!("{:?} {} {}", v, s, n);
}
"#,
        &[("E0596", 3), ("E0596", 5), ("E0596", 7)],
    ),
    (
        "e0597",
        r#"#[tokio::main]
async fn main() {
    let v = vec![1, 2, 3];
    let r = &v;
    tokio::spawn(async move {
        println!("{:?}", r);
    });
}
"#,
        &[("E0597", 4)],
    ),
    (
        "e0599",
        r#"async fn fetch() -> String {
    String::from("user")
}
#[tokio::main]
async fn main() {
    let n = fetch().len();
    println!("{}", n);
}
"#,
        &[("E0599", 6)],
    ),
    (
        "e0728",
        r#"async fn f() -> u32 { 1 }
fn main() {
    let x = f().await;
    println!("{x}");
}
"#,
        &[("E0728", 3)],
    ),
    (
        "f1",
        r#"struct Counter { count: u32 }
impl Counter {
    fn new() -> Self { Counter { count: 0 } }
    fn increment(&mut self) { self.count += 1; }
    fn into_count(self) -> u32 { self.count }
}
fn show(c: Counter) { println!("{}", c.count); }
fn main() {
    let c = Counter::new();
    c.increment();
    c.reset();
    println!("{}", c.total);
}
"#,
        &[("E0599", 11), ("E0609", 12)],
    ),
    (
        "f2",
        r#"struct Counter { count: u32 }
impl Counter {
    fn into_count(self) -> u32 { self.count }
}
fn show(c: Counter) { println!("{}", c.count); }
fn main() {
    let c = Counter { count: 1 };
    show(c);
    println!("{}", c.count);
    let d = Counter { count: 2 };
    let n = d.into_count();
    let m = d.into_count();
    println!("{n} {m}");
}
"#,
        &[("E0382", 9), ("E0382", 12)],
    ),
    (
        "forloop",
        r#"#[tokio::main]
async fn main() {
    let names = vec![String::from("a"), String::from("b")];
    for n in names {
        println!("{n}");
    }
    println!("{}", names.len());
}
"#,
        &[("E0382", 7)],
    ),
    (
        "g1",
        r#"use std::sync::{Arc, Mutex};
#[tokio::main]
async fn main() {
    let counter = Arc::new(Mutex::new(0));
    let c = counter.clone();
    let h = tokio::spawn(async move {
        c.lock().unwrap() += 1;
    });
    h.await.unwrap();
}
"#,
        &[("E0368", 7)],
    ),
    (
        "g2",
        r#"#[tokio::main]
async fn main() {
    let h = tokio::spawn(async { 5 });
    let v: i32 = h.await;
    println!("{v}");
}
"#,
        &[("E0308", 4)],
    ),
    (
        "g3",
        r#"#[tokio::main]
async fn main() {
    let h = tokio::spawn(|| async { println!("hi") });
    h.await.unwrap();
}
"#,
        &[("E0277", 3)],
    ),
    (
        "g4",
        r#"use std::sync::{Arc, Mutex};
fn main() {
    let counter = Arc::new(Mutex::new(0));
    let mut g = counter.lock();
    *g += 1;
    let mut n = counter.lock().unwrap();
    n += 1;
}
"#,
        &[("E0614", 5), ("E0368", 7)],
    ),
    (
        "handle_twice",
        r#"#[tokio::main]
async fn main() {
    let h = tokio::spawn(async { 5 });
    let a = h.await.unwrap();
    let b = h.await.unwrap();
    println!("{a} {b}");
}
"#,
        &[("E0382", 5)],
    ),
    (
        "multi373",
        r#"#[tokio::main]
async fn main() {
    let a = 1;
    let b = String::from("s");
    let h = tokio::spawn(async {
        println!("{} {}", a, b);
    });
    h.await.unwrap();
}
"#,
        &[("E0373", 5), ("E0373", 5)],
    ),
    (
        "oneshot",
        r#"use tokio::sync::oneshot;
#[tokio::main]
async fn main() {
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        tx.send(1).unwrap();
        tx.send(2).unwrap();
    });
    println!("{:?}", rx.await);
}
"#,
        &[("E0382", 7)],
    ),
    (
        "rx",
        r#"use tokio::sync::mpsc;
#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel::<i32>(8);
    tokio::spawn(async move {
        tx.send(1).await.unwrap();
    });
    while let Some(x) = rx.recv().await {
        println!("{x}");
    }
}
"#,
        &[("E0596", 8)],
    ),
    (
        "send_guard",
        r#"use std::sync::{Arc, Mutex};
use tokio::time::{sleep, Duration};
#[tokio::main]
async fn main() {
    let data = Arc::new(Mutex::new(0));
    let d = data.clone();
    let h = tokio::spawn(async move {
        let mut guard = d.lock().unwrap();
        *guard += 1;
        sleep(Duration::from_millis(10)).await;
    });
    h.await.unwrap();
}
"#,
        &[("", 7)],
    ),
    (
        "send_rc",
        r#"use std::rc::Rc;
use tokio::time::{sleep, Duration};
#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let rc = Rc::new("hello");
        sleep(Duration::from_millis(10)).await;
        println!("{}", rc);
    }).await.unwrap();
}
"#,
        &[("", 5)],
    ),
    (
        "send_refcell",
        r#"use std::cell::RefCell;
use tokio::time::{sleep, Duration};
#[tokio::main]
async fn main() {
    let h = tokio::spawn(async move {
        let cell = RefCell::new(1);
        let b = cell.borrow_mut();
        sleep(Duration::from_millis(10)).await;
        println!("{}", b);
    });
    h.await.unwrap();
}
"#,
        &[("", 5), ("", 5)],
    ),
    (
        "tx_moved_in_loop",
        r#"use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    for id in 1..=3 {
        tokio::spawn(async move {
            sleep(Duration::from_millis(40 * id)).await;
            tx.send(format!("worker {id} reporting")).unwrap();
        });
    }
    // Drop our own sender: otherwise the channel never closes.
    drop(tx);
    let mut count = 0;
    while let Some(report) = rx.recv().await {
        count += 1;
        println!("{report}");
    }
    println!("{count} reports, channel closed");
}
"#,
        &[("E0382", 14)],
    ),
    (
        "v7_drop_guard",
        r#"use std::sync::{Arc, Mutex};
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let data = Arc::new(Mutex::new(0));
    let d = data.clone();
    let h = tokio::spawn(async move {
        {
            let mut g = d.lock().unwrap();
            *g += 1;
        }
        sleep(Duration::from_millis(1)).await;
        let v = *d.lock().unwrap();
        println!("{v}");
    });
    h.await.unwrap();
    let d2 = data.clone();
    tokio::spawn(async move {
        let mut g = d2.lock().unwrap();
        *g += 1;
        drop(g);
        sleep(Duration::from_millis(1)).await;
    }).await.unwrap();
    let mut guard = data.lock().unwrap();
    *guard += 1;
    println!("{}", *guard);
}
"#,
        &[("", 19)],
    ),
];

/// Programs rustc accepts that use what the checker looks at (moves into tasks, guards, channels,
/// your own types): it must say nothing.
const ACCEPTED: &[(&str, &str)] = &[
    (
        "v1",
        r#"use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::time::{sleep, Duration};

#[derive(Debug, Clone)]
struct User {
    name: String,
    age: u32,
}

impl User {
    fn new(name: &str, age: u32) -> Self {
        User { name: name.to_string(), age }
    }
    fn birthday(&mut self) {
        self.age += 1;
    }
    fn greet(&self) -> String {
        format!("hi {}", self.name)
    }
}

#[tokio::main]
async fn main() {
    let db = Arc::new(Mutex::new(HashMap::new()));
    let mut handles = Vec::new();
    for i in 0..3 {
        let db = Arc::clone(&db);
        handles.push(tokio::spawn(async move {
            {
                let mut map = db.lock().unwrap();
                map.insert(i, format!("v{i}"));
            }
            sleep(Duration::from_millis(10)).await;
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let mut u = User::new("ann", 3);
    u.birthday();
    println!("{} {}", u.greet(), u.age);
    let guard = db.lock().unwrap();
    println!("{}", guard.len());
    drop(guard);
    let v2 = u.clone();
    let users = vec![u, v2];
    for user in &users {
        println!("{:?}", user);
    }
    println!("{}", users.len());
}
"#,
    ),
    (
        "v10",
        r#"use std::sync::Arc;
use tokio::sync::{mpsc, Semaphore, Notify, RwLock};
use tokio::task::JoinSet;

async fn job(id: usize, sem: Arc<Semaphore>) -> usize {
    let _permit = sem.acquire().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    id
}

#[tokio::main]
async fn main() {
    let sem = Arc::new(Semaphore::new(2));
    let mut set = JoinSet::new();
    for id in 0..4 {
        set.spawn(job(id, sem.clone()));
    }
    while let Some(r) = set.join_next().await {
        println!("{}", r.unwrap());
    }
    let notify = Arc::new(Notify::new());
    let n2 = notify.clone();
    let h = tokio::spawn(async move { n2.notified().await; 1 });
    notify.notify_one();
    println!("{}", h.await.unwrap());
    let lock = Arc::new(RwLock::new(vec![1]));
    {
        let mut w = lock.write().await;
        w.push(2);
    }
    println!("{:?}", *lock.read().await);
    let (tx, mut rx) = mpsc::unbounded_channel();
    let producer = tokio::spawn(async move {
        for i in 0..3 { tx.send(i).unwrap(); }
    });
    producer.await.unwrap();
    let mut got = vec![];
    while let Ok(v) = rx.try_recv() { got.push(v); }
    println!("{:?}", got);
    let name = String::from("n");
    let greet = |prefix: &str| format!("{prefix} {name}");
    println!("{}", greet("hi"));
    println!("{name}");
    let nums = vec![1, 2, 3];
    let handle = std::thread::spawn(move || nums.iter().sum::<i32>());
    println!("{}", handle.join().unwrap());
    let shared = Arc::new(std::sync::Mutex::new(0));
    let s2 = Arc::clone(&shared);
    tokio::task::spawn_blocking(move || {
        *s2.lock().unwrap() += 1;
    }).await.unwrap();
    println!("{}", shared.lock().unwrap());
}
"#,
    ),
    (
        "v11",
        r#"trait Animal {
    fn name(&self) -> String;
    fn speak(&self) -> String { format!("{} speaks", self.name()) }
}
struct Dog;
struct Cat { lives: u8 }
impl Animal for Dog { fn name(&self) -> String { "dog".into() } }
impl Animal for Cat { fn name(&self) -> String { format!("cat{}", self.lives) } }

fn describe(a: &dyn Animal) -> String { a.speak() }
fn largest<T: PartialOrd + Copy>(xs: &[T]) -> T {
    let mut m = xs[0];
    for &x in xs { if x > m { m = x; } }
    m
}
struct Stack<T> { items: Vec<T> }
impl<T: std::fmt::Debug> Stack<T> {
    fn new() -> Self { Stack { items: Vec::new() } }
    fn push(&mut self, t: T) { self.items.push(t); }
    fn pop(&mut self) -> Option<T> { self.items.pop() }
}
mod util {
    pub fn double(x: i32) -> i32 { x * 2 }
    pub mod inner { pub const K: i32 = 3; }
}
use util::inner::K;

fn main() {
    let zoo: Vec<Box<dyn Animal>> = vec![Box::new(Dog), Box::new(Cat { lives: 9 })];
    for a in zoo.iter() { println!("{}", describe(a.as_ref())); }
    println!("{}", largest(&[1, 5, 3]));
    let mut st: Stack<i32> = Stack::new();
    st.push(1);
    println!("{:?}", st.pop());
    println!("{} {}", util::double(K), crate::util::double(1));
    let c = Cat { lives: 3 };
    let Cat { lives } = c;
    println!("{lives}");
    let v: Vec<i32> = (1..=3).collect();
    let evens: Vec<_> = v.iter().filter(|x| *x % 2 == 0).cloned().collect();
    println!("{:?}", evens);
    let o = Some(3);
    if let Some(n) = o { println!("{n}"); }
    println!("{:?}", o);
    let s = "text";
    let owned: String = s.to_string();
    let t = owned;
    let owned = 5;
    println!("{t} {owned}");
}
"#,
    ),
    (
        "v12",
        r#"use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::{broadcast, watch, mpsc};
use tokio::time::{timeout, Duration, Instant};

trait Service {
    async fn call(&self, x: u32) -> u32;
}
struct Doubler;
impl Service for Doubler {
    async fn call(&self, x: u32) -> u32 { x * 2 }
}
struct Handler { f: Box<dyn Fn(u32) -> u32 + Send + Sync> }
impl Handler {
    const LIMIT: u32 = 10;
    fn run(&self, x: u32) -> u32 { (self.f)(x).min(Self::LIMIT) }
}
fn first_word(s: &str) -> &str { s.split(' ').next().unwrap_or("") }
fn get<'a>(m: &'a HashMap<String, u32>, k: &str) -> Option<&'a u32> { m.get(k) }

#[tokio::main]
async fn main() {
    let d = Doubler;
    println!("{}", d.call(4).await);
    let h = Handler { f: Box::new(|x| x + 1) };
    println!("{}", h.run(3));
    let mut counts: HashMap<String, u32> = HashMap::new();
    for w in "a b a".split(' ') {
        *counts.entry(w.to_string()).or_insert(0) += 1;
    }
    println!("{:?} {}", get(&counts, "a"), first_word("x y"));
    let (btx, mut brx) = broadcast::channel(4);
    btx.send(1).unwrap();
    println!("{}", brx.recv().await.unwrap());
    let (wtx, wrx) = watch::channel(0);
    wtx.send(5).unwrap();
    println!("{}", *wrx.borrow());
    let start = Instant::now();
    let r = timeout(Duration::from_millis(5), async { 1 }).await;
    println!("{:?} {}", r, start.elapsed().as_millis() < 1000);
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    let shared = Arc::new(String::from("shared"));
    for i in 0..3 {
        let tx = tx.clone();
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let _ = tx.send(i + shared.len() as u32).await;
        });
    }
    drop(tx);
    let mut got = Vec::new();
    loop {
        tokio::select! {
            biased;
            Some(v) = rx.recv() => got.push(v),
            else => break,
        }
    }
    got.sort();
    println!("{:?}", got);
    let opt = Some(5);
    let Some(n) = opt else { return };
    let msg = match n {
        x @ 1..=5 => format!("small {x}"),
        _ => String::from("big"),
    };
    println!("{msg}");
    let v = vec![1, 2, 3];
    let mut sum = 0;
    v.iter().for_each(|x| sum += x);
    let mut add = |x: i32| sum += x;
    add(1);
    println!("{sum}");
    let result: Result<u32, String> = Ok(3);
    if let Ok(x) = result {
        println!("{x}");
    } else if let Err(e) = &result {
        println!("{e}");
    }
    println!("{}", matches!(opt, Some(3..=9)));
    let text = String::from("hello world");
    let word = first_word(&text);
    println!("{word}");
    let mut data = vec![3, 1];
    data.sort_by(|a, b| b.cmp(a));
    let biggest = data[0];
    data.push(biggest + 1);
    println!("{:?}", data);
}
"#,
    ),
    (
        "v13",
        r#"use std::sync::{Arc, Mutex};
use std::thread;

#[derive(Debug, Clone, PartialEq)]
enum State { Idle, Busy(u32) }

struct Machine { state: State, log: Vec<String> }
impl Machine {
    fn step(&mut self) -> &State {
        self.state = match self.state {
            State::Idle => State::Busy(1),
            State::Busy(n) if n < 3 => State::Busy(n + 1),
            State::Busy(_) => State::Idle,
        };
        self.log.push(format!("{:?}", self.state));
        &self.state
    }
}

fn parse_all(items: &[&str]) -> Result<Vec<i32>, std::num::ParseIntError> {
    let mut out = Vec::new();
    for s in items {
        let n = s.parse::<i32>()?;
        out.push(n);
    }
    Ok(out)
}

fn main() {
    let mut m = Machine { state: State::Idle, log: vec![] };
    for _ in 0..4 { m.step(); }
    println!("{:?}", m.log);
    let counter = Arc::new(Mutex::new(0));
    let mut handles = vec![];
    for _ in 0..4 {
        let c = Arc::clone(&counter);
        handles.push(thread::spawn(move || {
            let mut g = c.lock().unwrap();
            *g += 1;
        }));
    }
    for h in handles { h.join().unwrap(); }
    println!("{}", *counter.lock().unwrap());
    println!("{:?}", parse_all(&["1", "2"]));
    let mut s = String::new();
    {
        let r = &mut s;
        r.push('x');
    }
    s.push('y');
    let words = vec!["a".to_string(), "b".to_string()];
    let lens: Vec<usize> = words.iter().map(|w| w.len()).collect();
    let first = words.into_iter().next();
    println!("{:?} {:?} {s}", lens, first);
    let mut cache: Option<String> = None;
    let val = cache.get_or_insert_with(|| String::from("c"));
    val.push('!');
    println!("{:?}", cache);
    let x = 5;
    let x = x * 2;
    let y;
    match x { 10 => y = "ten", _ => y = "other" }
    println!("{x} {y}");
    let mut it = vec![1, 2].into_iter();
    while let Some(v) = it.next() { println!("{v}"); }
    let nested = vec![vec![1], vec![2, 3]];
    let flat: Vec<i32> = nested.into_iter().flatten().collect();
    println!("{:?}", flat);
    let state = State::Busy(2);
    if state == State::Busy(2) { println!("busy"); }
    let s2 = state.clone();
    drop(state);
    println!("{:?}", s2);
}
"#,
    ),
    (
        "v2",
        r#"use tokio::sync::{mpsc, oneshot, Mutex};
use std::sync::Arc;

async fn worker(id: u32, tx: mpsc::Sender<String>) {
    tx.send(format!("worker {id}")).await.unwrap();
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(10);
    for id in 0..3 {
        let tx = tx.clone();
        tokio::spawn(worker(id, tx));
    }
    drop(tx);
    while let Some(msg) = rx.recv().await {
        println!("{msg}");
    }
    let (otx, orx) = oneshot::channel::<u32>();
    tokio::spawn(async move {
        let _ = otx.send(5);
    });
    let v = orx.await.unwrap();
    println!("{v}");
    let counter = Arc::new(Mutex::new(0));
    let c = counter.clone();
    let h = tokio::spawn(async move {
        let mut g = c.lock().await;
        *g += 1;
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        *g += 1;
    });
    h.await.unwrap();
    println!("{}", *counter.lock().await);
}
"#,
    ),
    (
        "v3",
        r#"use std::rc::Rc;
use std::cell::RefCell;
use tokio::time::{sleep, Duration};

trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String { String::from("shape") }
}
struct Circle { r: f64 }
impl Shape for Circle {
    fn area(&self) -> f64 { 3.14 * self.r * self.r }
}
fn total<T: Shape>(items: &[T]) -> f64 {
    items.iter().map(|s| s.area()).sum()
}
enum Msg { Quit, Move { x: i32, y: i32 }, Write(String) }

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let shared = Rc::new(RefCell::new(vec![1, 2]));
    let s2 = Rc::clone(&shared);
    sleep(Duration::from_millis(1)).await;
    s2.borrow_mut().push(3);
    println!("{:?}", shared.borrow());
    let cs = vec![Circle { r: 1.0 }, Circle { r: 2.0 }];
    println!("{:.2} {}", total(&cs), cs[0].name());
    let msgs = vec![Msg::Quit, Msg::Move { x: 1, y: 2 }, Msg::Write("hi".into())];
    for m in msgs {
        match m {
            Msg::Quit => println!("quit"),
            Msg::Move { x, y } => println!("{x} {y}"),
            Msg::Write(s) => println!("{s}"),
        }
    }
    let local = tokio::task::LocalSet::new();
    let rc = Rc::new(5);
    local.run_until(async move {
        tokio::task::spawn_local(async move {
            sleep(Duration::from_millis(1)).await;
            println!("{}", rc);
        }).await.unwrap();
    }).await;
}
"#,
    ),
    (
        "v4",
        r#"use std::time::Duration;

fn parse(s: &str) -> Result<u32, std::num::ParseIntError> {
    let n: u32 = s.parse()?;
    Ok(n * 2)
}

async fn fetch(id: u32) -> Option<String> {
    tokio::time::sleep(Duration::from_millis(5)).await;
    if id > 0 { Some(format!("item{id}")) } else { None }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = parse("21")?;
    println!("{n}");
    let mut s = String::new();
    let x;
    if n > 10 { x = 1; } else { x = 2; }
    s.push_str("a");
    let r = &mut s;
    r.push('b');
    println!("{s} {x}");
    let item = fetch(1).await;
    match item {
        Some(v) => println!("{v}"),
        None => println!("none"),
    }
    let mut opt = Some(String::from("x"));
    if let Some(v) = opt.take() { println!("{v}"); }
    let name = String::from("bob");
    let greeting = if n > 0 { name } else { String::from("nobody") };
    println!("{greeting}");
    let data = vec![1, 2, 3];
    let h = tokio::spawn(async move { data.iter().sum::<i32>() });
    println!("{}", h.await?);
    let text = String::from("a b c");
    let words: Vec<&str> = text.split(' ').collect();
    println!("{:?}", words);
    let mut count = 0;
    let mut inc = || count += 1;
    inc();
    inc();
    println!("{count}");
    let v = vec![String::from("a")];
    let first = v[0].clone();
    println!("{first} {}", v.len());
    let res = tokio::select! {
        a = fetch(2) => a,
        _ = tokio::time::sleep(Duration::from_millis(100)) => None,
    };
    println!("{:?}", res);
    let (a, b) = tokio::join!(fetch(3), fetch(4));
    println!("{:?} {:?}", a, b);
    Ok(())
}
"#,
    ),
    (
        "v5",
        r#"use std::thread;
use std::sync::mpsc;

#[derive(Clone, Copy, Debug)]
struct P { x: i32, y: i32 }

fn take(p: P) -> i32 { p.x + p.y }

fn main() {
    let p = P { x: 1, y: 2 };
    let a = take(p);
    let b = take(p);
    println!("{a} {b} {:?}", p);
    let (tx, rx) = mpsc::channel();
    let h = thread::spawn(move || {
        tx.send(5).unwrap();
    });
    println!("{}", rx.recv().unwrap());
    h.join().unwrap();
    let s = String::from("x");
    let t = s;
    let s = String::from("y");
    println!("{s} {t}");
    let mut v = vec![3, 1, 2];
    v.sort();
    let total: i32 = v.iter().sum();
    println!("{total}");
    let mut acc = String::new();
    for i in 0..3 {
        let piece = format!("{i}");
        acc = acc + &piece;
    }
    println!("{acc}");
    let mut buf = String::new();
    loop {
        buf.push('a');
        if buf.len() > 3 { break; }
    }
    let moved;
    loop {
        let z = String::from("z");
        moved = z;
        break;
    }
    println!("{moved} {buf}");
    let nums = [1, 2, 3];
    let doubled: Vec<i32> = nums.iter().map(|n| n * 2).collect();
    println!("{:?}", doubled);
    thread::scope(|sc| {
        sc.spawn(|| println!("{:?}", nums));
    });
    let mut items = vec![String::from("q")];
    while let Some(it) = items.pop() {
        println!("{it}");
    }
    let val = String::from("w");
    let c = move || println!("{val}");
    c();
    c();
    let label = "static";
    let h2 = thread::spawn(move || println!("{label}"));
    h2.join().unwrap();
}
"#,
    ),
    (
        "v6",
        r#"use tokio::time::{sleep, Duration, Instant};
use std::sync::Arc;
use tokio::sync::Mutex;

struct Counter { n: u64 }
impl Counter {
    async fn bump(&mut self) { self.n += 1; sleep(Duration::from_millis(1)).await; }
}

async fn run(c: Arc<Mutex<Counter>>) {
    let mut g = c.lock().await;
    g.bump().await;
}

async fn compute(x: u64) -> u64 { x * 2 }

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let c = Arc::new(Mutex::new(Counter { n: 0 }));
    let hs: Vec<_> = (0..3).map(|_| tokio::spawn(run(c.clone()))).collect();
    for h in hs { h.await.unwrap(); }
    println!("{}", c.lock().await.n);
    let futs = vec![compute(1), compute(2)];
    let outs = futures::future::join_all(futs).await;
    println!("{:?} {:?}", outs, start.elapsed() > Duration::ZERO);
    let f = compute(5);
    let r = f.await;
    println!("{r}");
    let mut interval = tokio::time::interval(Duration::from_millis(2));
    for _ in 0..2 { interval.tick().await; }
    let task = tokio::spawn(async { 42 });
    let out = task.await.unwrap();
    println!("{out}");
    let msg = String::from("m");
    let handle = tokio::spawn(async move {
        sleep(Duration::from_millis(1)).await;
        msg.len()
    });
    println!("{}", handle.await.unwrap());
    let v: Vec<u64> = Vec::new();
    let total: u64 = v.iter().copied().sum();
    println!("{total}");
    let name = "static str";
    tokio::spawn(async move { println!("{name}"); }).await.unwrap();
}
"#,
    ),
    (
        "v8",
        r#"use std::collections::HashMap;
#[derive(Debug, Default)]
struct Inventory { items: HashMap<String, u32>, log: Vec<String> }
impl Inventory {
    fn add(&mut self, name: &str, n: u32) {
        *self.items.entry(name.to_string()).or_insert(0) += n;
        self.log.push(format!("add {name}"));
    }
    fn count(&self, name: &str) -> u32 { self.items.get(name).copied().unwrap_or(0) }
}
fn longest<'a>(a: &'a str, b: &'a str) -> &'a str { if a.len() > b.len() { a } else { b } }
fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 { f(x) }
fn make_adder(n: i32) -> impl Fn(i32) -> i32 { move |x| x + n }
fn boxed() -> Box<dyn Fn(i32) -> i32> { Box::new(|x| x * 3) }
const LIMIT: u32 = 10;
static GREETING: &str = "hello";
fn main() {
    let mut inv = Inventory::default();
    inv.add("apple", 3);
    inv.add("apple", 2);
    println!("{} {:?}", inv.count("apple"), inv.log);
    println!("{}", longest("ab", "abc"));
    println!("{}", apply(|x| x + 1, 2));
    let add5 = make_adder(5);
    println!("{} {}", add5(1), boxed()(2));
    println!("{LIMIT} {GREETING}");
    let mut grid = vec![vec![0; 3]; 2];
    grid[1][2] = 5;
    println!("{:?}", grid);
    let mut s = String::from("abc");
    let len = s.len();
    s.truncate(len - 1);
    let t = &s;
    println!("{t} {}", s);
    let opt: Option<&str> = None;
    println!("{}", opt.unwrap_or("none"));
    let mut nums = vec![1, 2, 3];
    for n in nums.iter_mut() { *n *= 2; }
    let last = nums.last().unwrap();
    println!("{last}");
    nums.push(4);
    let x: u64 = 5;
    let y = x as f64 / 2.0;
    println!("{y}");
    let tuple = (1, String::from("t"));
    let (a, b) = tuple;
    println!("{a} {b}");
}
"#,
    ),
    (
        "v9",
        r#"use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::collections::VecDeque;

struct Ready(u32);
impl Future for Ready {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        Poll::Ready(self.0)
    }
}
struct Point { x: i32, y: i32 }
impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}
#[derive(Default, Debug)]
struct Config { name: String, retries: u32, verbose: bool }

fn consume(s: String) -> usize { s.len() }

#[tokio::main]
async fn main() {
    println!("{}", Ready(3).await);
    println!("{}", Point { x: 1, y: 2 });
    let c = Config { name: "x".into(), ..Default::default() };
    println!("{:?} {} {}", c, c.retries, c.verbose);
    let mut s = String::from("a");
    for i in 0..3 {
        let n = consume(s);
        s = format!("{n}{i}");
    }
    println!("{s}");
    let mut q = VecDeque::new();
    q.push_back(1);
    while let Some(x) = q.pop_front() {
        if x < 3 { q.push_back(x + 1); }
    }
    let text = String::from("hello");
    let r = &text;
    println!("{r}");
    let moved = text;
    println!("{moved}");
    let mut v = vec![1, 2, 3];
    let first = v[0];
    v.push(first);
    v.push(v.len() as i32);
    let total = v.iter().fold(0, |a, b| a + b);
    println!("{total} {x}", x = 5);
    let width = 6;
    println!("{:>width$}|{:<1$}|", "r", 3);
    let mut a = 1;
    let mut b = 2;
    std::mem::swap(&mut a, &mut b);
    let (mut p, q2) = (1, 2);
    p += q2;
    println!("{a} {b} {p}");
    let label;
    loop {
        label = "done";
        break;
    }
    'outer: for i in 0..3 {
        for j in 0..3 {
            if i * j > 2 { break 'outer; }
        }
    }
    println!("{label}");
    let data = vec![String::from("a"), String::from("b")];
    for d in &data { println!("{d}"); }
    let joined = data.join(",");
    println!("{joined} {}", data.len());
    let maybe: Option<String> = None;
    let value = match maybe {
        Some(v) => v,
        None => return,
    };
    println!("{value}");
}
"#,
    ),
];

#[test]
fn rejected_programs_get_rustcs_errors() {
    for (name, src, rustc) in REJECTED {
        let found = judge(src);
        let mine: Vec<(&str, u32)> = found
            .iter()
            .map(|d| (d.code().unwrap_or(""), d.line))
            .collect();
        let shown = found.iter().map(|d| d.render(src)).collect::<String>();
        assert_eq!(mine.first(), rustc.first(), "{name}: {shown}");
        for m in &mine {
            assert!(rustc.contains(m), "{name}: {m:?} is not rustc's: {shown}");
        }
    }
}

#[test]
fn accepted_programs_pass() {
    for (name, src) in ACCEPTED {
        let found = judge(src);
        assert!(
            found.is_empty(),
            "{name}: {}",
            found.iter().map(|d| d.render(src)).collect::<String>()
        );
    }
}

/// The rejected corpus (tests/programs/rejected/, with what rustc said in `*.rustc.json`): the
/// checker never reports an error rustc did not, and finds rustc's first error in most programs.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_rejected_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/programs/rejected");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let (mut total, mut first) = (0, 0);
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Ok(json) = std::fs::read_to_string(path.with_extension("rustc.json")) else {
            continue;
        };
        let rustc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let theirs: Vec<(Option<String>, u64)> = rustc["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let code = e["code"].as_str().map(str::to_string);
                (code, e["line"].as_u64().unwrap())
            })
            .collect();
        let src = std::fs::read_to_string(&path).unwrap();
        let found = judge(&src);
        let mine: Vec<(Option<String>, u64)> = found
            .iter()
            .map(|d| (d.code().map(str::to_string), u64::from(d.line)))
            .collect();
        for m in &mine {
            assert!(
                theirs.contains(m),
                "{}: {m:?} is not rustc's {theirs:?}",
                path.display()
            );
        }
        total += 1;
        if !mine.is_empty() && mine.first() == theirs.first() {
            first += 1;
        }
    }
    assert!(
        first * 10 >= total * 8,
        "rustc's first error in {first} of {total}"
    );
}
