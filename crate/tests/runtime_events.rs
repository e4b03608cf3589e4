//! The runtime's own events (`Kind::Taken` and after): what the executor lane and the queue panel
//! draw. Each scenario is a lesson program run on the virtual clock; the events are the scheduler's
//! decisions in Tokio's order (`interp/rt/sched.rs`).
#![cfg(feature = "interp")]

use async_playground::interp::rt::VirtualHost;
use async_playground::interp::{start, Turn};
use async_playground::trace::{Event, Kind, Sink, Tracer};
use std::cell::RefCell;
use std::rc::Rc;

/// One event: kind, future (or task key), µs, text.
type Rec = (Kind, u32, u64, String);

#[derive(Clone, Default)]
struct Events(Rc<RefCell<Vec<Rec>>>);

impl Sink for Events {
    fn event(&self, e: &Event<'_>) {
        self.0
            .borrow_mut()
            .push((e.kind, e.future, e.t_us, e.text.to_string()));
    }
}

/// The runtime events of `src` as `"Kind key text"` strings (ms times left out), and all events.
fn runtime(src: &str) -> (Vec<String>, Vec<Rec>) {
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
    let rt = all
        .iter()
        .filter(|e| e.0.is_runtime())
        .map(|e| format!("{:?} {} {}", e.0, e.1, e.3).trim_end().to_owned())
        .collect();
    (rt, all)
}

const JOIN: &str = r#"
use tokio::time::{sleep, Duration};
async fn fetch_user() -> u32 { sleep(Duration::from_millis(2000)).await; 1 }
async fn fetch_product() -> u32 { sleep(Duration::from_millis(1000)).await; 2 }
#[tokio::main]
async fn main() {
    let (a, b) = tokio::join!(fetch_user(), fetch_product());
    println!("{a} {b}");
}
"#;

#[test]
fn join_main_is_polled_parks_until_1_s_then_2_s() {
    let (rt, all) = runtime(JOIN);
    assert_eq!(
        rt,
        [
            "Taken 0 block_on",
            "Armed 0 2000000 1 2000000",
            "Armed 0 1000000 2 1000000",
            "Parked 0 1000000",
            "Fired 0 1",
            "Queued 0 timer",
            "Taken 0 block_on",
            "Parked 0 2000000",
            "Fired 0 1",
            "Queued 0 timer",
            "Taken 0 block_on",
            "Shutdown 0 main returned",
        ]
    );
    // The Poll right after a Taken is the task's top future: here `main`.
    let taken = all.iter().position(|e| e.0 == Kind::Taken).unwrap();
    let next = all[taken + 1..].iter().find(|e| e.0 == Kind::Poll).unwrap();
    let main = all
        .iter()
        .find(|e| e.0 == Kind::Created && e.3 == "main")
        .unwrap();
    assert_eq!(next.1, main.1);
    // The park is stamped when it happens, the wake at the deadline.
    let park = all.iter().find(|e| e.0 == Kind::Parked).unwrap();
    assert_eq!(park.2, 0);
    let fired = all.iter().find(|e| e.0 == Kind::Fired).unwrap();
    assert_eq!(fired.2, 1_000_000);
}

const SPAWN: &str = r#"
use tokio::time::{sleep, Duration};
async fn worker(i: u64) -> u64 { sleep(Duration::from_millis(100 * i)).await; i }
#[tokio::main]
async fn main() {
    let a = tokio::spawn(worker(1));
    let b = tokio::spawn(worker(2));
    println!("{}", a.await.unwrap() + b.await.unwrap());
}
"#;

#[test]
fn spawned_tasks_are_queued_by_main_and_their_join_handles_wake_main() {
    let (rt, _) = runtime(SPAWN);
    assert_eq!(
        rt,
        [
            "Taken 0 block_on",
            "Queued 1 spawn 0",
            "Queued 2 spawn 0",
            "Taken 1",
            "Armed 1 100000 1 100000",
            "Taken 2",
            "Armed 2 200000 2 200000",
            "Parked 0 100000",
            "Fired 0 1",
            "Queued 1 timer",
            "Taken 1",
            "Queued 0 task 1 join",
            "Taken 0 block_on",
            "Parked 0 200000",
            "Fired 0 1",
            "Queued 2 timer",
            "Taken 2",
            "Queued 0 task 2 join",
            "Taken 0 block_on",
            "Shutdown 0 main returned",
        ]
    );
}

#[test]
fn select_disarms_the_losing_timer() {
    let src = r#"
use tokio::time::{sleep, Duration};
#[tokio::main]
async fn main() {
    tokio::select! {
        _ = sleep(Duration::from_millis(300)) => println!("slow"),
        _ = sleep(Duration::from_millis(100)) => println!("fast"),
    }
}
"#;
    let (rt, _) = runtime(src);
    assert!(rt.contains(&"Disarmed 0 300000 2".to_owned()), "{rt:?}");
    assert_eq!(rt.last().unwrap(), "Shutdown 0 main returned");
}

#[test]
fn a_channel_wake_names_the_sender_and_a_yield_names_itself() {
    let src = r#"
use tokio::sync::mpsc;
#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(1);
    let t = tokio::spawn(async move {
        let v = rx.recv().await;
        println!("{v:?}");
    });
    tokio::task::yield_now().await;
    tx.send(5).await.unwrap();
    t.await.unwrap();
}
"#;
    let (rt, _) = runtime(src);
    assert!(rt.contains(&"Queued 0 yield".to_owned()), "{rt:?}");
    assert!(rt.contains(&"Queued 1 task 0 channel".to_owned()), "{rt:?}");
}

#[test]
fn a_plain_main_has_no_runtime_to_show() {
    let (rt, _) = runtime("fn main() { println!(\"hi\"); }");
    assert!(rt.is_empty(), "{rt:?}");
}
