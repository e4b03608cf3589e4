//! The interpreter of "Your code", natively under the virtual clock: the lesson's programs verbatim,
//! every construct of the subset, every error message and every limit, and a fuzz of `check` and
//! `run_virtual` that must never panic.
#![cfg(feature = "interp")]

use async_playground::interp::{
    check, run_virtual, run_virtual_with, start, Diagnostic, Level, Limits, Stream, Transcript,
};
use async_playground::trace::{Event, Kind, Sink, Tracer};
use std::cell::RefCell;
use std::rc::Rc;

/// Runs `src` and returns "T ms|text" per line (stderr lines prefixed with "E ").
fn lines(src: &str) -> Vec<String> {
    let t = run(src);
    t.lines
        .iter()
        .map(|l| {
            let e = if l.stream == Stream::Stderr { "E " } else { "" };
            format!("{}|{e}{}", l.t_us / 1000, l.text)
        })
        .collect()
}

fn run(src: &str) -> Transcript {
    match run_virtual(src, 7) {
        Ok(t) => t,
        Err(d) => panic!("{}", d.iter().map(|d| d.render(src)).collect::<String>()),
    }
}

/// Only the printed text, in order.
fn text(src: &str) -> Vec<String> {
    run(src).lines.into_iter().map(|l| l.text).collect()
}

/// The errors of a program that must not run.
fn errors(src: &str) -> Vec<Diagnostic> {
    match run_virtual(src, 7) {
        Ok(t) => panic!("expected errors, ran: {t:?}"),
        Err(d) => d,
    }
}

fn tokio_main(body: &str) -> String {
    format!(
        "use tokio::time::{{sleep, Duration, Instant}};\nuse tokio::sync::{{mpsc, oneshot}};\n\n#[tokio::main]\nasync fn main() {{\n{body}\n}}\n"
    )
}

/// The ```rust blocks of the lesson, verbatim.
fn lesson_blocks() -> Vec<String> {
    let md = include_str!("../../lesson/async-and-await.md");
    let mut blocks = Vec::new();
    let mut cur: Option<String> = None;
    for line in md.lines() {
        match (&mut cur, line.trim_start()) {
            (None, l) if l.starts_with("```rust") => cur = Some(String::new()),
            (Some(_), l) if l.starts_with("```") => blocks.extend(cur.take()),
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

#[derive(Clone, Default)]
struct Events(Rc<RefCell<Vec<(Kind, u32, String)>>>);

impl Sink for Events {
    fn event(&self, e: &Event<'_>) {
        self.0
            .borrow_mut()
            .push((e.kind, e.future, e.text.to_string()));
    }
}

/// Runs `src` with a tracer and returns its events (virtual host).
fn events(src: &str) -> Vec<(Kind, u32, String)> {
    let host = async_playground::interp::rt::VirtualHost::new();
    let ev = Events::default();
    let tracer = Tracer::new(host.clone().clock(), ev.clone());
    let session = start(src, tracer, Rc::new(host.clone()), 1).expect("runs");
    let rt_turn = host.clone();
    loop {
        match session.turn() {
            async_playground::interp::Turn::WaitUntil(at) => rt_turn.advance_to(at),
            async_playground::interp::Turn::Again => {}
            _ => break,
        }
    }
    let v = ev.0.borrow().clone();
    v
}

// ------------------------------------------------------------------------------------ the lesson

#[test]
fn the_lesson_has_four_rust_blocks() {
    assert_eq!(lesson_blocks().len(), 4);
}

#[test]
fn lesson_plain_main_prints_nothing_and_warns_unused_variable() {
    let src = &lesson_blocks()[0];
    let t = run(src);
    assert!(t.lines.is_empty(), "{t:?}");
    assert_eq!(t.exit_code, 0);
    assert_eq!(t.warnings.len(), 1, "{:?}", t.warnings);
    let w = &t.warnings[0];
    assert_eq!(w.message, "unused variable: `future`");
    assert_eq!((w.line, w.column, w.end_line, w.end_column), (8, 9, 8, 15));
    assert!(w
        .notes
        .contains(&"help: if this is intentional, prefix it with an underscore: `_future`".into()));
    assert_eq!(
        w.render(src),
        "warning: unused variable: `future`\n --> main.rs:8:9\n  |\n8 |     let future = my_async_task();\n  |         ^^^^^^\n  |\n  = note: `#[warn(unused_variables)]` (part of `#[warn(unused)]`) on by default\n  = help: if this is intentional, prefix it with an underscore: `_future`\n"
    );
    // The future is created, then dropped at the end of main's scope without a poll.
    let ev = events(src);
    let kinds: Vec<Kind> = ev.iter().map(|e| e.0).collect();
    assert_eq!(kinds, [Kind::Created, Kind::DroppedNeverPolled, Kind::Done]);
    assert_eq!(ev[0].2, "my_async_task");
}

#[test]
fn lesson_sleep() {
    assert_eq!(
        lines(&lesson_blocks()[1]),
        ["0|Start of program.", "2000|End of program after waiting."]
    );
}

#[test]
fn lesson_join() {
    assert_eq!(
        lines(&lesson_blocks()[2]),
        [
            "0|Fetching data concurrently...",
            "1000|Product data fetched after 1s.",
            "3000|User data fetched after 3s.",
            "3000|Total execution time is ~3s, not 4s.",
            "3000|Result 1: User",
            "3000|Result 2: Product",
        ]
    );
}

#[test]
fn lesson_no_await() {
    let src = &lesson_blocks()[3];
    let t = run(src);
    assert_eq!(lines(src), ["0|Starting program.", "0|Finished program."]);
    assert_eq!(t.warnings.len(), 1);
    let w = &t.warnings[0];
    assert_eq!(
        w.message,
        "unused implementer of `Future` that must be used"
    );
    assert_eq!((w.line, w.column, w.end_column), (14, 5, 14));
    assert_eq!(
        w.notes[0],
        "note: futures do nothing unless you `.await` or poll them"
    );
    // `my_task();` makes the future and drops it in the same statement.
    let ev = events(src);
    let mine: Vec<Kind> = ev
        .iter()
        .filter(|e| {
            e.1 == ev
                .iter()
                .find(|e| e.2 == "my_task")
                .map(|e| e.1)
                .unwrap_or(0)
        })
        .map(|e| e.0)
        .collect();
    assert_eq!(mine, [Kind::Created, Kind::DroppedNeverPolled]);
    let order: Vec<String> = ev
        .iter()
        .filter(|e| matches!(e.0, Kind::Line | Kind::Created | Kind::DroppedNeverPolled))
        .map(|e| format!("{:?} {}", e.0, e.2))
        .collect();
    assert_eq!(
        order,
        [
            "Created main",
            "Line Starting program.",
            "Created my_task",
            "DroppedNeverPolled ",
            "Line Finished program."
        ]
    );
}

// ------------------------------------------------------------------------------------ constructs

#[test]
fn arithmetic_and_integers() {
    let src = tokio_main(
        r#"
    let a = 7;
    let b: u8 = 250;
    let c = 2u64.pow(10);
    println!("{} {} {} {}", a + 3 * 2, a / 2, a % 4, -a);
    println!("{} {}", b as u32 + 10, c);
    println!("{} {}", 300i32 as u8, -1i32 as u32);
    println!("{}", 7.0 / 2.0);
    println!("{} {}", 1u32.checked_sub(2).is_none(), 5u8.saturating_sub(9));
    let mut n = 0;
    n += 5;
    n *= 3;
    n -= 1;
    println!("{n} {}", n << 2);
    "#,
    );
    assert_eq!(
        text(&src),
        [
            "13 3 3 -7",
            "260 1024",
            "44 4294967295",
            "3.5",
            "true 0",
            "14 56"
        ]
    );
}

#[test]
fn integer_overflow_panics_like_rust() {
    let src = tokio_main("    let x: u8 = 255;\n    let y = x + 1;\n    println!(\"{y}\");");
    let t = run(&src);
    assert_eq!(t.exit_code, 101);
    let texts: Vec<&str> = t.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "",
            "thread 'main' panicked at main.rs:7:13:",
            "attempt to add with overflow",
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"
        ]
    );
    assert!(t.lines.iter().all(|l| l.stream == Stream::Stderr));
    let div = tokio_main("    let z = 0;\n    println!(\"{}\", 10 / z);");
    assert_eq!(text(&div)[2], "attempt to divide by zero");
    let default_i32 =
        tokio_main("    let mut n = 2147483600;\n    n += 100;\n    println!(\"{n}\");");
    assert_eq!(text(&default_i32)[2], "attempt to add with overflow");
}

#[test]
fn control_flow() {
    let src = tokio_main(
        r#"
    let mut total = 0;
    for i in 0..5 { if i == 3 { continue; } total += i; }
    for i in 1..=3 { total += i; }
    let mut k = 0;
    while k < 3 { k += 1; }
    let found = loop { k += 1; if k > 10 { break k * 2; } };
    'outer: for a in 0..3 { for b in 0..3 { if a * b == 2 { println!("pair {a} {b}"); break 'outer; } } }
    let v = vec![10, 20, 30];
    for x in &v { total += x; }
    let mut it = vec![1, 2];
    while let Some(x) = it.pop() { print!("{x} "); }
    println!();
    println!("{total} {k} {found}");
    let grade = match total { 0 => "zero", 1..=9 => "small", n if n > 100 => "big", _ => "medium" };
    println!("{grade}");
    let label = if total > 5 { "many" } else { "few" };
    println!("{label}");
    "#,
    );
    assert_eq!(
        text(&src),
        ["pair 1 2", "2 1 ", "73 11 22", "medium", "many"]
    );
}

#[test]
fn functions_tuples_options_results_and_question_mark() {
    let src = r#"
use tokio::time::{sleep, Duration};

fn split(n: u32) -> (u32, u32) {
    (n / 10, n % 10)
}

fn parse(s: &str) -> Result<u32, String> {
    match s {
        "one" => Ok(1),
        "two" => Ok(2),
        other => Err(format!("unknown: {other}")),
    }
}

async fn sum(a: &str, b: &str) -> Result<u32, String> {
    sleep(Duration::from_millis(5)).await;
    let x = parse(a)?;
    let y = parse(b)?;
    Ok(x + y)
}

fn first_even(v: &Vec<i32>) -> Option<i32> {
    for x in v {
        if x % 2 == 0 {
            return Some(*x);
        }
    }
    None
}

#[tokio::main]
async fn main() {
    let (tens, ones) = split(42);
    println!("{tens} {ones}");
    println!("{:?}", sum("one", "two").await);
    println!("{:?}", sum("one", "six").await);
    println!("{:?} {:?}", first_even(&vec![1, 3, 4]), first_even(&vec![1]));
    let r: Result<u32, String> = Ok(3);
    if let Ok(n) = r {
        println!("ok {n}");
    }
    println!("{}", Some(5).unwrap_or(0) + None.unwrap_or(1));
    println!("{}", parse("zzz").is_err());
    let t = (1, "a", 2.5);
    println!("{} {} {}", t.0, t.1, t.2);
}
"#;
    assert_eq!(
        lines(src),
        [
            "0|4 2",
            "5|Ok(3)",
            "10|Err(\"unknown: six\")",
            "10|Some(4) None",
            "10|ok 3",
            "10|6",
            "10|true",
            "10|1 a 2.5"
        ]
    );
}

#[test]
fn formatting_like_rust() {
    let src = tokio_main(
        r#"
    let name = "Ferris";
    let pi = 3.14159;
    let n = 42;
    println!("[{:>8}] [{:<6}] [{:^7}] [{:*^9}]", name, n, "mid", "x");
    println!("[{:.2}] [{:8.3}] [{:08.2}] [{:+}]", pi, pi, -pi, n);
    println!("{name} has {n} {0} {0:?}", "crabs");
    println!("{:05} {:x} {:#x} {:b} {:#o}", 42, 255, 255, 5, 8);
    println!("{:?} {:?} {:?}", Some("x"), Ok::<i32, String>(42), vec![1, 2]);
    println!("{:?} {:?} {:?}", Duration::from_millis(1500), Duration::from_millis(3), Duration::new(1, 1));
    println!("{:?} {:?} {}", 1.0, 0.1 + 0.2, 1e21);
    println!("{:?} {:?}", 'c', "q\"uote\n");
    println!("{{literal}} {:width$}|", 7, width = 4);
    println!("{:#?}", (1, "a"));
    println!("{:.1?}", Duration::from_millis(1234));
    let s = format!("{}-{}", "a", 1);
    println!("{s} {}", s.len());
    "#,
    );
    assert_eq!(
        text(&src),
        [
            "[  Ferris] [42    ] [  mid  ] [****x****]",
            "[3.14] [   3.142] [-0003.14] [+42]",
            "Ferris has 42 crabs \"crabs\"",
            "00042 ff 0xff 101 0o10",
            "Some(\"x\") Ok(42) [1, 2]",
            "1.5s 3ms 1.000000001s",
            "1.0 0.30000000000000004 1000000000000000000000",
            "'c' \"q\\\"uote\\n\"",
            "{literal}    7|",
            "(",
            "    1,",
            "    \"a\",",
            ")",
            "1.2s",
            "a-1 3",
        ]
    );
}

#[test]
fn strings_and_vecs() {
    let src = tokio_main(
        r#"
    let mut s = String::from("hello");
    s.push_str(", world");
    s += "!";
    let t = s.clone() + " again";
    println!("{s} | {t} | {} | {}", s.len(), s.to_uppercase());
    let mut v: Vec<u64> = Vec::new();
    v.push(3);
    v.push(1);
    v.push(2);
    v.sort();
    println!("{:?} {} {:?} {:?}", v, v.len(), v.first(), v.get(9));
    v[0] = 10;
    let total: u64 = v.iter().sum();
    let doubled: Vec<u64> = v.iter().map(|x| x * 2).collect();
    println!("{total} {:?} {}", doubled, v.contains(&2));
    for (i, x) in v.iter().enumerate() { print!("{i}:{x} "); }
    println!();
    let words = vec!["a", "b", "c"];
    println!("{}", words.join("-"));
    let evens: Vec<i32> = (1..=6).filter(|x| x % 2 == 0).collect();
    println!("{:?}", evens);
    "#,
    );
    assert_eq!(
        text(&src),
        [
            "hello, world! | hello, world! again | 13 | HELLO, WORLD!",
            "[1, 2, 3] 3 Some(1) None",
            "15 [20, 4, 6] true",
            "0:10 1:2 2:3 ",
            "a-b-c",
            "[2, 4, 6]"
        ]
    );
}

#[test]
fn index_out_of_bounds_and_unwrap_none_panic() {
    let src = tokio_main("    let v = vec![1, 2, 3];\n    println!(\"{}\", v[5]);");
    assert_eq!(
        text(&src)[1..3],
        [
            "thread 'main' panicked at main.rs:7:20:",
            "index out of bounds: the len is 3 but the index is 5"
        ]
    );
    let none = tokio_main("    let x: Option<u32> = None;\n    x.unwrap();");
    assert_eq!(
        text(&none)[1..3],
        [
            "thread 'main' panicked at main.rs:7:7:",
            "called `Option::unwrap()` on a `None` value"
        ]
    );
    let expect = tokio_main(
        "    let r: Result<u32, String> = Err(\"bad\".to_string());\n    r.expect(\"needed it\");",
    );
    assert_eq!(text(&expect)[2], "needed it: \"bad\"");
}

#[test]
fn sequential_awaits_add_up() {
    let src = tokio_main(
        "    sleep(Duration::from_millis(300)).await;\n    println!(\"a\");\n    sleep(Duration::from_secs(1)).await;\n    println!(\"b\");",
    );
    assert_eq!(lines(&src), ["300|a", "1300|b"]);
}

#[test]
fn join_polls_in_tokio_order_with_yield_now() {
    let src = r#"
use tokio::task::yield_now;

async fn worker(name: &str) {
    for i in 0..3 {
        println!("{name} {i}");
        yield_now().await;
    }
}

#[tokio::main]
async fn main() {
    tokio::join!(worker("a"), worker("b"));
}
"#;
    // Tokio's join! rotates the branch it polls first on each poll.
    assert_eq!(text(src), ["a 0", "b 0", "b 1", "a 1", "a 2", "b 2"]);
    let fut = src.replace("tokio::join!", "futures::join!");
    assert_eq!(text(&fut), ["a 0", "b 0", "a 1", "b 1", "a 2", "b 2"]);
}

#[test]
fn select_first_wins_and_drops_the_loser() {
    let src = tokio_main(
        r#"
    let r = tokio::select! {
        _ = sleep(Duration::from_millis(500)) => "slow",
        _ = sleep(Duration::from_millis(100)) => "fast",
    };
    println!("{r}");
    sleep(Duration::from_millis(1000)).await;
    println!("done");
    "#,
    );
    assert_eq!(lines(&src), ["100|fast", "1100|done"]);
}

#[test]
fn select_biased_else_and_patterns() {
    let src = tokio_main(
        r#"
    let ready = async { 1 };
    let also = async { 2 };
    let r = tokio::select! {
        biased;
        x = ready => x,
        y = also => y,
    };
    println!("{r}");
    let none = async { None::<u32> };
    let r = tokio::select! {
        Some(v) = none => v,
        else => 99,
    };
    println!("{r}");
    let flag = false;
    let r = tokio::select! {
        _ = sleep(Duration::from_millis(5)), if flag => "never",
        _ = sleep(Duration::from_millis(50)) => "guarded out",
    };
    println!("{r}");
    "#,
    );
    assert_eq!(lines(&src), ["0|1", "0|99", "50|guarded out"]);
}

#[test]
fn select_in_a_loop_with_a_channel() {
    let src = tokio_main(
        r#"
    let (tx, mut rx) = mpsc::channel::<u32>(8);
    tokio::spawn(async move {
        for i in 1..=3 {
            sleep(Duration::from_millis(100)).await;
            tx.send(i).await.unwrap();
        }
    });
    let deadline = sleep(Duration::from_millis(250));
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            _ = &mut deadline => { println!("deadline"); break; }
            Some(v) = rx.recv() => println!("got {v}"),
        }
    }
    "#,
    );
    // `tokio::pin!` keeps the sleep where it is: `&mut deadline` polls the same timer each time.
    assert_eq!(lines(&src), ["100|got 1", "200|got 2", "250|deadline"]);
    let src = tokio_main(
        r#"
    let (tx, mut rx) = mpsc::channel::<u32>(8);
    tokio::spawn(async move {
        for i in 1..=3 {
            sleep(Duration::from_millis(100)).await;
            tx.send(i).await.unwrap();
        }
    });
    loop {
        tokio::select! {
            Some(v) = rx.recv() => println!("got {v}"),
            _ = sleep(Duration::from_millis(150)) => { println!("quiet"); break; }
        }
    }
    println!("closed");
    "#,
    );
    assert_eq!(
        lines(&src),
        [
            "100|got 1",
            "200|got 2",
            "300|got 3",
            "450|quiet",
            "450|closed"
        ]
    );
}

#[test]
fn spawn_join_handles_and_shutdown() {
    let src = tokio_main(
        r#"
    let mut handles = Vec::new();
    for i in 1..=3u64 {
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(100 * (4 - i))).await;
            println!("task {i} done");
            i * 10
        }));
    }
    for h in handles {
        let v = h.await.unwrap();
        println!("joined {v}");
    }
    tokio::spawn(async {
        sleep(Duration::from_secs(5)).await;
        println!("never: the runtime shuts down first");
    });
    sleep(Duration::from_millis(10)).await;
    println!("main ends");
    "#,
    );
    let t = run(&src);
    assert_eq!(
        lines(&src),
        [
            "100|task 3 done",
            "200|task 2 done",
            "300|task 1 done",
            "300|joined 10",
            "300|joined 20",
            "300|joined 30",
            "310|main ends"
        ]
    );
    assert_eq!(t.notes.len(), 1, "{:?}", t.notes);
    assert!(t.notes[0].contains("1 task dropped"), "{:?}", t.notes);
}

#[test]
fn spawned_panic_becomes_a_join_error() {
    let src = tokio_main(
        r#"
    let h = tokio::spawn(async {
        sleep(Duration::from_millis(10)).await;
        panic!("boom {}", 7);
    });
    match h.await {
        Ok(()) => println!("fine"),
        Err(e) => println!("error: {e} / {}", e.is_panic()),
    }
    "#,
    );
    let t = run(&src);
    assert_eq!(t.exit_code, 0);
    let texts: Vec<String> = t.lines.iter().map(|l| l.text.clone()).collect();
    assert_eq!(
        texts,
        [
            "",
            "thread 'tokio-runtime-worker' panicked at main.rs:9:9:",
            "boom 7",
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
            "error: task 1 panicked with message \"boom 7\" / true"
        ]
    );
    let ct = src.replace(
        "#[tokio::main]",
        "#[tokio::main(flavor = \"current_thread\")]",
    );
    assert_eq!(text(&ct)[1], "thread 'main' panicked at main.rs:9:9:");
}

#[test]
fn abort_and_timeout() {
    let src = tokio_main(
        r#"
    let h = tokio::spawn(async { sleep(Duration::from_secs(10)).await; });
    sleep(Duration::from_millis(100)).await;
    h.abort();
    println!("{:?}", h.await);
    let slow = tokio::time::timeout(Duration::from_millis(50), sleep(Duration::from_secs(1))).await;
    println!("{:?}", slow);
    let fast = tokio::time::timeout(Duration::from_millis(50), async { 5 }).await;
    println!("{:?}", fast);
    if let Err(e) = slow { println!("{e}"); }
    "#,
    );
    assert_eq!(
        lines(&src),
        [
            "100|Err(JoinError::Cancelled(Id(1)))",
            "150|Err(Elapsed(()))",
            "150|Ok(5)",
            "150|deadline has elapsed"
        ]
    );
}

#[test]
fn channels() {
    let src = tokio_main(
        r#"
    let (tx, mut rx) = mpsc::channel(2);
    for id in 0..2 {
        let tx = tx.clone();
        tokio::spawn(async move {
            sleep(Duration::from_millis(10 * (id + 1))).await;
            tx.send(format!("hello from {id}")).await.unwrap();
        });
    }
    drop(tx);
    while let Some(msg) = rx.recv().await {
        println!("{msg}");
    }
    println!("all senders gone");
    let (otx, orx) = oneshot::channel();
    tokio::spawn(async move { otx.send(42).unwrap(); });
    println!("{:?}", orx.await);
    let (utx, mut urx) = mpsc::unbounded_channel();
    utx.send(1).unwrap();
    utx.send(2).unwrap();
    println!("{:?} {:?}", urx.recv().await, urx.recv().await);
    "#,
    );
    assert_eq!(
        lines(&src),
        [
            "10|hello from 0",
            "20|hello from 1",
            "20|all senders gone",
            "20|Ok(42)",
            "20|Some(1) Some(2)"
        ]
    );
}

#[test]
fn join_all_and_closures() {
    let src = r#"
use futures::future::join_all;
use tokio::time::{sleep, Duration};

async fn work(i: u64) -> u64 {
    sleep(Duration::from_millis(i * 100)).await;
    i * i
}

#[tokio::main]
async fn main() {
    let jobs: Vec<_> = (1..=3).map(|i| work(i)).collect();
    let out = join_all(jobs).await;
    println!("{:?}", out);
    let add = |a: u64, b: u64| a + b;
    println!("{}", add(2, 3));
}
"#;
    assert_eq!(lines(src), ["300|[1, 4, 9]", "300|5"]);
}

#[test]
fn blocking_sleep_blocks_everything() {
    let src = tokio_main(
        r#"
    let timer = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        println!("timer fired");
    });
    tokio::task::yield_now().await;
    std::thread::sleep(Duration::from_millis(300));
    println!("unblocked");
    timer.await.unwrap();
    "#,
    );
    assert_eq!(lines(&src), ["300|unblocked", "300|timer fired"]);
}

#[test]
fn instant_and_elapsed() {
    let src = tokio_main(
        r#"
    let start = Instant::now();
    sleep(Duration::from_millis(1500)).await;
    let e = start.elapsed();
    println!("{} {} {:?}", e.as_millis(), e.as_secs_f64(), e);
    println!("{}", e.as_secs());
    "#,
    );
    assert_eq!(text(&src), ["1500 1.5 1.5s", "1"]);
}

#[test]
fn print_without_newline_and_stderr() {
    let src = tokio_main(
        "    print!(\"a\");\n    print!(\"b\\nc\");\n    eprintln!(\"err\");\n    println!(\"!\");\n    println!(\"x\\ny\");",
    );
    let t = run(&src);
    let got: Vec<(Stream, &str)> = t
        .lines
        .iter()
        .map(|l| (l.stream, l.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Stream::Stdout, "ab"),
            (Stream::Stderr, "err"),
            (Stream::Stdout, "c!"),
            (Stream::Stdout, "x"),
            (Stream::Stdout, "y")
        ]
    );
}

#[test]
fn plain_main_spawn_panics_with_tokios_message() {
    let src = "fn main() {\n    println!(\"hi\");\n    tokio::spawn(async {});\n}\n";
    let t = run(src);
    assert_eq!(t.exit_code, 101);
    assert_eq!(
        t.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>()[..4],
        [
            "hi",
            "",
            "thread 'main' panicked at main.rs:3:5:",
            "there is no reactor running, must be called from the context of a Tokio 1.x runtime"
        ]
    );
}

#[test]
fn consts_intervals_and_try_join() {
    let src = r#"
use tokio::time::{interval, sleep, Duration};

const STEP: u64 = 100;

async fn ok_after(ms: u64) -> Result<u64, String> {
    sleep(Duration::from_millis(ms)).await;
    Ok(ms)
}

async fn fail_after(ms: u64) -> Result<u64, String> {
    sleep(Duration::from_millis(ms)).await;
    Err(format!("failed at {ms}"))
}

#[tokio::main]
async fn main() {
    let mut ticker = interval(Duration::from_millis(STEP));
    for _ in 0..3 {
        ticker.tick().await;
        println!("tick");
    }
    println!("{:?}", tokio::try_join!(ok_after(10), ok_after(20)));
    println!("{:?}", tokio::try_join!(ok_after(50), fail_after(10)));
}
"#;
    assert_eq!(
        lines(src),
        [
            "0|tick",
            "100|tick",
            "200|tick",
            "220|Ok((10, 20))",
            "230|Err(\"failed at 10\")"
        ]
    );
}

#[test]
fn main_returning_err_prints_error() {
    let src = "#[tokio::main]\nasync fn main() -> Result<(), String> {\n    Err(\"nope\".to_string())\n}\n";
    let t = run(src);
    assert_eq!(t.lines[0].text, "Error: \"nope\"");
    assert_eq!(t.lines[0].stream, Stream::Stderr);
    assert_eq!(t.exit_code, 1);
}

#[test]
fn stalled_program_is_reported() {
    let src = tokio_main(
        "    let (_tx, mut rx) = mpsc::channel::<u32>(1);\n    println!(\"waiting\");\n    rx.recv().await;",
    );
    let t = run(&src);
    assert!(t.stalled);
    assert_eq!(text(&src), ["waiting"]);
}

// ------------------------------------------------------------------------------------ diagnostics

/// (source, message, line, column) for programs outside the subset or wrong.
#[test]
fn every_error_message() {
    let cases: &[(&str, &str, u32, u32)] = &[
        (
            "use std::fs::read_to_string;\nfn main() {}\n",
            "`std::fs::read_to_string` is not available in this playground",
            1,
            5,
        ),
        (
            "fn main() {\n    let s = std::fs::read_to_string(\"x\");\n}\n",
            "`std::fs::read_to_string` is not available in this playground",
            2,
            13,
        ),
        ("fn main() {\n    let x = 1\n}\n", "expected `;`", 3, 1),
        (
            "macro_rules! m {\n    () => {};\n}\nfn main() {}\n",
            "a `macro_rules!` is not available in this playground",
            1,
            1,
        ),
        (
            "fn helper() {}\n",
            "`main` function not found in crate `main`",
            1,
            1,
        ),
        (
            "async fn main() {}\n",
            "`main` function is not allowed to be `async`",
            1,
            1,
        ),
        (
            "fn main() {\n    sleep(1);\n}\n",
            "cannot find function `sleep` in this scope",
            2,
            5,
        ),
        (
            "fn main() {\n    println!(\"{}\", y);\n}\n",
            "cannot find value `y` in this scope",
            2,
            20,
        ),
        (
            "fn main() {\n    println!(\"{} {}\", 1);\n}\n",
            "2 positional arguments in format string, but there is 1 argument",
            2,
            14,
        ),
        (
            "fn main() {\n    println!(\"{missing}\");\n}\n",
            "cannot find value `missing` in this scope",
            2,
            // rustc points at the name inside the string.
            16,
        ),
        (
            "fn main() {\n    let v = vec![1];\n    v.iter().intersperse(0);\n}\n",
            "the method `intersperse` is not available in this playground",
            3,
            14,
        ),
        (
            "fn main() {\n    let x = 5u7;\n}\n",
            "invalid suffix `u7` for number literal",
            2,
            13,
        ),
        (
            "fn main() {\n    my_macro!();\n}\n",
            "the macro `my_macro!` is not available in this playground",
            2,
            5,
        ),
        (
            "fn main() {\n    let (ref mut a, b) = (1, 2);\n}\n",
            "`ref mut` in a pattern is not available in this playground",
            2,
            14,
        ),
        (
            "fn main() {\n    println!(\"{\");\n}\n",
            "invalid format string: expected `}` but string was terminated",
            2,
            14,
        ),
    ];
    let more: &[(&str, &str, u32, u32)] = &[
        (
            // `f32` prints with its own shortest digits: refused rather than printed as `f64`.
            "fn main() {\n    let x = 0.1f32 + 0.2;\n}\n",
            "`f32` is not available in this playground",
            2,
            13,
        ),
        (
            "fn main() {\n    let f = async { 1 };\n    f.await;\n}\n",
            "`await` is only allowed inside `async` functions and blocks",
            3,
            7,
        ),
    ];
    for (src, msg, line, col) in cases.iter().chain(more) {
        let e = errors(src);
        let d = e
            .iter()
            .find(|d| d.message == *msg)
            .unwrap_or_else(|| panic!("{src}: no `{msg}` in {e:#?}"));
        assert_eq!((d.line, d.column), (*line, *col), "{src}: {d:?}");
        assert_eq!(d.level, Level::Error);
        let r = d.render(src);
        // The checker's errors carry rustc's code: `error[E0425]: ...`.
        let code = d.code().map(|c| format!("[{c}]")).unwrap_or_default();
        assert!(r.starts_with(&format!("error{code}: {msg}\n")), "{r}");
        assert!(r.contains(&format!("--> main.rs:{line}:{col}\n")), "{r}");
    }
    // "Not available" names the item and then says, in one line, what is available.
    let d = &errors(cases[0].0)[0];
    assert_eq!(d.notes.len(), 1);
    assert!(d.notes[0].starts_with("note: this playground runs"));
    let hint = &errors(cases[6].0)[0];
    assert_eq!(
        hint.notes,
        // rustc's own hint (it suggests std's, not Tokio's).
        ["help: consider importing this function: `use std::thread::sleep;`"]
    );
}

#[test]
fn rendered_like_rustc() {
    let src = "fn main() {\n    let s = std::fs::read_to_string(\"x\");\n}\n";
    let d = &errors(src)[0];
    let r = d.render(src);
    let mut lines = r.lines();
    assert_eq!(
        lines.next(),
        Some("error: `std::fs::read_to_string` is not available in this playground")
    );
    assert_eq!(lines.next(), Some(" --> main.rs:2:13"));
    assert_eq!(lines.next(), Some("  |"));
    assert_eq!(
        lines.next(),
        Some("2 |     let s = std::fs::read_to_string(\"x\");")
    );
    assert_eq!(
        lines.next(),
        Some("  |             ^^^^^^^^^^^^^^^^^^^^^^^")
    );
    assert_eq!(lines.next(), Some("  |"));
    assert!(lines.next().is_some_and(|l| l.starts_with("  = note: ")));
}

#[test]
fn warnings_unused_mut_and_prefixed_names() {
    let src = "fn main() {\n    let mut a = 1;\n    let _b = 2;\n    let mut c = 0;\n    c += a;\n    println!(\"{c}\");\n}\n";
    let w = check(src);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].message, "variable does not need to be mutable");
    assert_eq!((w[0].line, w[0].column, w[0].end_column), (2, 9, 14));
    assert!(w[0].notes.contains(&"help: remove this `mut`".to_string()));
}

// ------------------------------------------------------------------------------------ limits

fn small() -> Limits {
    Limits {
        max_poll_ops: 200_000,
        ..Limits::default()
    }
}

fn note_of(src: &str, limits: Limits) -> String {
    let t = run_virtual_with(src, 1, limits).expect("runs");
    assert_eq!(t.notes.len(), 1, "{t:?}");
    t.notes[0].clone()
}

#[test]
fn limit_source_size() {
    let src = format!("fn main() {{}}\n//{}\n", "x".repeat(70_000));
    let e = errors(&src);
    assert!(e[0].message.contains("accepts up to 64 KB"), "{e:?}");
}

#[test]
fn limit_nesting() {
    let src = format!(
        "fn main() {{ let x = {}1{}; }}",
        "(".repeat(500),
        ")".repeat(500)
    );
    let e = errors(&src);
    assert!(e[0].message.contains("nested more than"), "{e:?}");
}

#[test]
fn limit_busy_poll() {
    let src = tokio_main("    let mut n: u64 = 0;\n    loop { n += 1; }");
    let note = note_of(&src, small());
    assert!(note.contains("block its worker thread forever"), "{note}");
}

#[test]
fn limit_recursion() {
    // Debug builds use ~10x the stack per interpreted call of a release (wasm) build.
    let note = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            let src = "fn f(n: u64) -> u64 { f(n + 1) }\nfn main() { f(0); }\n";
            note_of(src, small())
        })
        .expect("thread")
        .join()
        .expect("no overflow");
    assert!(
        note.contains("calls nested deeper than 100 levels"),
        "{note}"
    );
}

#[test]
fn limit_thread_sleep() {
    let src = "fn main() {\n    std::thread::sleep(std::time::Duration::from_secs(11));\n}\n";
    let note = note_of(src, small());
    assert!(note.contains("at most 10 s"), "{note}");
}

#[test]
fn limit_vec_growth() {
    let src = tokio_main(
        "    let mut v = Vec::new();\n    loop { v.push(1); tokio::task::yield_now().await; }",
    );
    let limits = Limits {
        max_vec_len: 1000,
        ..small()
    };
    let note = note_of(&src, limits);
    assert!(note.contains("`Vec` grew past"), "{note}");
    let s = tokio_main("    let s = \"ab\".repeat(100000000);");
    let note = note_of(&s, small());
    assert!(note.contains("`String` grew past"), "{note}");
}

#[test]
fn limit_printed_lines() {
    let src = "fn main() {\n    for i in 0..25 { println!(\"{i}\"); }\n}\n";
    let limits = Limits {
        max_lines: 10,
        ..small()
    };
    let t = run_virtual_with(src, 1, limits).expect("runs");
    assert_eq!(t.lines.len(), 10);
    assert_eq!(
        t.notes,
        ["The program printed 15 more lines after the first 10; they are not shown."]
    );
}

#[test]
fn limit_live_tasks() {
    let src = tokio_main("    loop { tokio::spawn(async { sleep(Duration::from_secs(1)).await; }); tokio::task::yield_now().await; }");
    let limits = Limits {
        max_tasks: 50,
        ..small()
    };
    let note = note_of(&src, limits);
    assert!(note.contains("more than 50 tasks"), "{note}");
}

#[test]
fn limit_endless_virtual_run() {
    let src = tokio_main("    loop { sleep(Duration::from_secs(60)).await; }");
    let limits = Limits {
        max_virtual_us: 600_000_000,
        ..small()
    };
    let note = note_of(&src, limits);
    assert!(note.contains("did not end by itself"), "{note}");
}

// ------------------------------------------------------------------------------------ fuzz

#[cfg(not(target_arch = "wasm32"))]
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn fuzz_limits() -> Limits {
        Limits {
            max_poll_ops: 20_000,
            max_virtual_us: 60_000_000,
            max_lines: 200,
            max_vec_len: 10_000,
            max_string_bytes: 100_000,
            max_call_depth: 12,
            max_tasks: 200,
            ..Limits::default()
        }
    }

    fn corpus() -> Vec<String> {
        let mut c = lesson_blocks();
        c.push(tokio_main(
            "    let (tx, mut rx) = mpsc::channel(4);\n    tokio::spawn(async move { tx.send(1u8).await.unwrap(); });\n    let r = tokio::select! { Some(v) = rx.recv() => v, _ = sleep(Duration::from_millis(5)) => 0 };\n    println!(\"{r:>4} {:?}\", vec![Some(1), None]);",
        ));
        c
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
            let _ = check(&s);
            let _ = run_virtual_with(&s, 1, fuzz_limits());
        }

        #[test]
        fn rust_like_tokens_never_panic(s in proptest::collection::vec(
            prop_oneof![
                Just("fn"), Just("main"), Just("()"), Just("{"), Just("}"), Just("let"), Just("x"),
                Just("="), Just("1"), Just(";"), Just("async"), Just(".await"), Just("println!(\"{}\", x)"),
                Just("tokio::spawn("), Just(")"), Just("loop"), Just("if"), Just("#[tokio::main]"),
                Just("sleep(Duration::from_millis(1))"), Just("+"), Just("u8::MAX"), Just("-"),
                Just("vec![1, 2]"), Just("[9]"), Just("match"), Just("=>"), Just("_"), Just(","),
            ], 0..60)) {
            let s = s.join(" ");
            let _ = check(&s);
            let _ = run_virtual_with(&s, 1, fuzz_limits());
        }

        #[test]
        fn mutated_programs_never_panic(which in 0usize..6, at in 0usize..2000, del in 0usize..8, ins in "\\PC{0,6}") {
            let c = corpus();
            let src = &c[which % c.len()];
            let mut chars: Vec<char> = src.chars().collect();
            let at = at % (chars.len() + 1);
            let end = (at + del).min(chars.len());
            chars.splice(at..end, ins.chars());
            let s: String = chars.into_iter().collect();
            let _ = check(&s);
            let _ = run_virtual_with(&s, 3, fuzz_limits());
        }
    }
}

#[test]
fn warnings_unused_imports_like_rustc() {
    let src = "use std::time::Instant;\nuse tokio::time::{sleep, Duration, timeout};\nuse tokio::join;\n\nfn main() {\n    let _d = Duration::from_secs(1);\n}\n";
    let w = check(src);
    let got: Vec<(String, u32, u32, u32)> = w
        .iter()
        .map(|d| (d.message.clone(), d.line, d.column, d.end_column))
        .collect();
    assert_eq!(
        got,
        [
            ("unused import: `std::time::Instant`".to_string(), 1, 5, 23),
            (
                "unused imports: `sleep` and `timeout`".to_string(),
                2,
                19,
                24
            ),
            ("unused import: `tokio::join`".to_string(), 3, 5, 16),
        ]
    );
    assert_eq!(
        w[0].notes,
        ["note: `#[warn(unused_imports)]` (part of `#[warn(unused)]`) on by default"]
    );
    // Used through a path, a type, a macro or a trait method: no warning.
    let used = "use tokio::sync::mpsc;\nuse tokio::time::Duration;\nuse tokio::join;\nuse futures::FutureExt;\n\nasync fn f(_d: Duration) {}\n\n#[tokio::main]\nasync fn main() {\n    let (_tx, _rx) = mpsc::channel::<u8>(1);\n    join!(f(Duration::ZERO).fuse());\n}\n";
    assert_eq!(check(used), []);
}

#[test]
fn parse_and_step_by() {
    let src = "fn main() {\n    println!(\"{:?} {:?} {:?}\", \"42\".parse::<u32>(), \"x1\".parse::<u8>(), \"300\".parse::<u8>());\n    match \"abc\".parse::<i32>() { Ok(n) => println!(\"{n}\"), Err(e) => println!(\"error: {e}\") }\n    println!(\"{:?} {:?}\", \"2.5\".parse::<f64>(), \"\".parse::<f64>());\n    let n: u64 = \"7\".trim().parse().unwrap();\n    println!(\"{}\", n + 1);\n    for i in (0..10).step_by(3) { print!(\"{i} \"); }\n    println!();\n}\n";
    assert_eq!(
        text(src),
        [
            "Ok(42) Err(ParseIntError { kind: InvalidDigit }) Err(ParseIntError { kind: PosOverflow })",
            "error: invalid digit found in string",
            "Ok(2.5) Err(ParseFloatError { kind: Empty })",
            "8",
            "0 3 6 9 "
        ]
    );
}

#[test]
fn mut_references_write_back() {
    let src = "fn grow(v: &mut Vec<u32>, n: u32) {\n    for i in 0..n { v.push(i); }\n}\nfn bump(x: &mut u32) { *x += 10; }\nfn total(v: &Vec<u32>) -> u32 { v.iter().sum() }\nfn main() {\n    let mut v = Vec::new();\n    grow(&mut v, 3);\n    let mut x = 1;\n    bump(&mut x);\n    println!(\"{:?} {} {}\", v, x, total(&v));\n}\n";
    assert_eq!(text(src), ["[0, 1, 2] 11 3"]);
    assert_eq!(check(src), []);
}

#[test]
fn stdout_flush_is_accepted() {
    let src = "use std::io::{self, Write};\nfn main() {\n    print!(\"Loading...\");\n    io::stdout().flush().unwrap();\n    println!(\"done\");\n}\n";
    assert_eq!(text(src), ["Loading...done"]);
    assert_eq!(check(src), []);
}

#[test]
fn limit_total_bulk_allocation() {
    let src = "fn main() {\n    let mut all = Vec::new();\n    loop { all.push(vec![0u8; 900000]); }\n}\n";
    let note = note_of(src, small());
    assert!(note.contains("`Vec` grew past"), "{note}");
}

#[test]
fn limit_operator_chains_and_deep_expressions() {
    // Either would make a syntax tree deep enough to overflow the wasm stack.
    let chain = format!("fn main() {{ let x = 1{}; }}", " + 1".repeat(10_000));
    let e = errors(&chain);
    assert!(
        e[0].message.contains("more than 256 operators in a row"),
        "{e:?}"
    );
    let deep = format!("fn main() {{ let x = {}true; }}", "!".repeat(200));
    let e = errors(&deep);
    assert_eq!(
        e[0].message,
        "this expression nests too deeply for the playground"
    );
    let fine = format!(
        "fn main() {{ let x = 1{}; println!(\"{{x}}\"); }}",
        " + 1".repeat(50)
    );
    assert_eq!(text(&fine), ["51"]);
}

#[test]
fn limit_endless_yield_loop_in_a_virtual_run() {
    let src = tokio_main("    loop { tokio::task::yield_now().await; }");
    let limits = Limits {
        max_virtual_polls: 5_000,
        ..small()
    };
    let note = note_of(&src, limits);
    assert!(note.contains("still running after"), "{note}");
}
