//! Futures written by hand (`impl Future`, `Context`, `Waker`, `poll_fn`, futures' combinators):
//! what the corpus (`tests/programs/future_*.rs`, `futures_*.rs`, compared with real Tokio by
//! `oracle.rs`) can't pin: the trace of each `poll` and `wake`, and the refusals before the run.
#![cfg(feature = "interp")]

use async_playground::interp::rt::VirtualHost;
use async_playground::interp::{check, run_virtual, start, Turn};
use async_playground::trace::{Event, Kind, Sink, Tracer};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Default)]
struct Events(Rc<RefCell<Vec<(Kind, u32, String)>>>);

impl Sink for Events {
    fn event(&self, e: &Event<'_>) {
        self.0
            .borrow_mut()
            .push((e.kind, e.future, e.text.to_string()));
    }
}

/// The lifecycle events (kind names) of the future created under `name`.
fn life_of(src: &str, name: &str) -> Vec<String> {
    let host = VirtualHost::new();
    let ev = Events::default();
    let tracer = Tracer::new(host.clock(), ev.clone());
    let session = start(src, tracer, Rc::new(host.clone()), 1).expect("runs");
    loop {
        match session.turn() {
            Turn::WaitUntil(at) => host.advance_to(at),
            Turn::Again => {}
            _ => break,
        }
    }
    let all = ev.0.borrow().clone();
    let id = all
        .iter()
        .find(|e| e.0 == Kind::Created && e.2 == name)
        .map(|e| e.1)
        .unwrap_or_else(|| panic!("no future named {name}"));
    all.iter()
        .filter(|e| e.1 == id && !e.0.is_runtime())
        .map(|e| format!("{:?}", e.0))
        .collect()
}

fn lines(src: &str) -> Vec<String> {
    match run_virtual(src, 7) {
        Ok(t) => t.lines.iter().map(|l| l.text.clone()).collect(),
        Err(d) => panic!(
            "refused: {:?}",
            d.iter().map(|d| d.render(src)).collect::<Vec<_>>()
        ),
    }
}

/// The first error's message and line, if the program is refused before the run.
fn refusal(src: &str) -> Option<(String, u32)> {
    let errors: Vec<_> = check(src)
        .into_iter()
        .filter(|d| d.level == async_playground::interp::Level::Error)
        .collect();
    errors.first().map(|d| (d.message.clone(), d.line))
}

const COUNTDOWN: &str = r#"
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Countdown(u32);

impl Future for Countdown {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            return Poll::Ready(());
        }
        self.0 -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[tokio::main]
async fn main() {
    Countdown(2).await;
    println!("done");
}
"#;

#[test]
fn each_poll_of_a_hand_written_future_is_a_slice_and_each_wake_an_arrow() {
    assert_eq!(
        life_of(COUNTDOWN, "Countdown"),
        [
            "Created", "Poll", "Pending", "Woken", "Poll", "Pending", "Woken", "Poll", "Ready",
            "Dropped"
        ]
    );
}

#[test]
fn a_future_awaited_through_a_reference_stays_in_its_place() {
    let src = r#"
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
struct Twice { left: u32 }
impl Future for Twice {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let this = self.get_mut();
        if this.left == 0 { return Poll::Ready(7); }
        this.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
#[tokio::main]
async fn main() {
    let mut t = Twice { left: 2 };
    let v = (&mut t).await;
    println!("{v} {}", t.left);
    let p = std::task::Poll::Ready(3).map(|x| x + 1);
    println!("{p:?} {}", p.is_ready());
}
"#;
    assert_eq!(lines(src), ["7 0", "Ready(4) true"]);
}

#[test]
fn a_waker_sent_to_a_std_thread_wakes_the_task_when_the_thread_would() {
    let src = r#"
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::thread;
use std::time::Duration;
struct Delay { started: bool }
impl Future for Delay {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.started { return Poll::Ready(()); }
        self.started = true;
        let waker = cx.waker().clone();
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(30));
            waker.wake();
        });
        Poll::Pending
    }
}
#[tokio::main]
async fn main() {
    Delay { started: false }.await;
    println!("woken");
}
"#;
    let t = run_virtual(src, 7).expect("runs");
    let woken = t.lines.iter().find(|l| l.text == "woken").expect("woken");
    assert_eq!(woken.t_us, 30_000);
}

#[test]
fn a_std_thread_elsewhere_or_its_join_handle_is_refused_before_the_run() {
    let in_main = r#"
use std::thread;
fn main() {
    thread::spawn(|| println!("hi"));
    thread::sleep(std::time::Duration::from_millis(10));
}
"#;
    let (message, line) = refusal(in_main).expect("refused");
    assert!(
        message.contains("outside a hand-written `Future::poll`"),
        "{message}"
    );
    assert_eq!(line, 4);
    let handle = r#"
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
struct D;
impl Future for D {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let h = std::thread::spawn(|| 1);
        let _ = h.join();
        Poll::Ready(())
    }
}
#[tokio::main]
async fn main() { D.await; }
"#;
    let (message, line) = refusal(handle).expect("refused");
    assert!(message.contains("thread::spawn"), "{message}");
    assert_eq!(line, 9);
}

#[test]
fn a_self_type_other_than_pin_or_a_reference_is_refused_before_the_run() {
    let src = r#"
struct S;
impl S {
    fn f(self: std::rc::Rc<Self>) {}
}
fn main() {}
"#;
    let (message, line) = refusal(src).expect("refused");
    assert!(message.contains("`self` with this type"), "{message}");
    assert_eq!(line, 4);
}

#[test]
fn poll_of_a_result_maps_its_ok_and_its_err() {
    let src = r#"
use std::task::Poll;
fn main() {
    let p: Poll<Result<u32, String>> = Poll::Ready(Ok(2));
    println!("{:?}", p.clone().map_ok(|x| x + 1));
    let q: Poll<Result<u32, String>> = Poll::Ready(Err("e".to_string()));
    println!("{:?}", q.map_err(|e| e.len()));
    let r: Poll<Result<u32, String>> = Poll::Pending;
    println!("{:?} {}", r.map_ok(|x| x), p.is_ready());
}
"#;
    assert_eq!(
        lines(src),
        ["Ready(Ok(3))", "Ready(Err(1))", "Pending true"]
    );
}

#[test]
fn an_unused_import_of_poll_or_poll_fn_warns_as_rustc_does() {
    let src = r#"
use std::future::poll_fn;
use std::task::{Context, Poll};
#[tokio::main]
async fn main() {
    let _c: Option<&Context<'_>> = None;
}
"#;
    let warnings: Vec<String> = check(src).into_iter().map(|d| d.message).collect();
    assert_eq!(
        warnings,
        [
            "unused import: `std::future::poll_fn`",
            "unused import: `Poll`"
        ]
    );
}
