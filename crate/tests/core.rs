//! The browser-free core, stepped by hand: no timers, no browser. Futures are driven with
//! `poll!` / a `LocalPool`, the way futures-rs tests itself, and time is a `VirtualClock`.
#![cfg(not(target_arch = "wasm32"))]

use async_playground::clock::{Speed, VirtualClock};
use async_playground::lessons::{Plan, Wait};
use async_playground::params::{parse_demo, parse_duration, parse_speed};
use async_playground::run::{named, say, spawn_local, Run, Spawner};
use async_playground::trace::{Event, Kind, Sink, Tracer};
use futures::executor::{block_on, LocalPool};
use futures::task::LocalSpawnExt;
use futures::{join, pin_mut, poll, select, FutureExt};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// An owned copy of an event.
#[derive(Clone, Debug, PartialEq)]
struct Rec {
    t_ms: u64,
    kind: Kind,
    future: u32,
    text: String,
}

#[derive(Clone, Default)]
struct Log(Rc<RefCell<Vec<Rec>>>);

impl Sink for Log {
    fn event(&self, e: &Event<'_>) {
        self.0.borrow_mut().push(Rec {
            t_ms: e.t_us / 1000,
            kind: e.kind,
            future: e.future,
            text: e.text.to_string(),
        });
    }
}

impl Log {
    fn kinds_of(&self, future: u32) -> Vec<Kind> {
        self.0
            .borrow()
            .iter()
            .filter(|r| r.future == future && !r.kind.is_runtime())
            .map(|r| r.kind)
            .collect()
    }
    fn lines(&self) -> Vec<String> {
        self.0
            .borrow()
            .iter()
            .filter(|r| r.kind == Kind::Line)
            .map(|r| r.text.clone())
            .collect()
    }
    fn all(&self) -> Vec<Rec> {
        self.0.borrow().clone()
    }
}

/// A future that is pending until opened by hand, like a timer the test fires itself.
#[derive(Clone, Default)]
struct Gate(Rc<RefCell<(bool, Option<Waker>)>>);

impl Gate {
    fn open(&self) {
        let waker = {
            let mut g = self.0.borrow_mut();
            g.0 = true;
            g.1.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    }
    fn wait(&self) -> GateFuture {
        GateFuture(self.clone())
    }
}

struct GateFuture(Gate);

impl Future for GateFuture {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut g = (self.0).0.borrow_mut();
        if g.0 {
            Poll::Ready(())
        } else {
            g.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

fn tracer() -> (Tracer, Log, VirtualClock) {
    let log = Log::default();
    let clock = VirtualClock::default();
    (Tracer::new(clock.clock(), log.clone()), log, clock)
}

use Kind::*;

#[test]
fn created_is_reported_at_once_and_nothing_else_until_polled() {
    let (tracer, log, _) = tracer();
    let f = tracer.trace("my_async_task", async { 42 });
    assert_eq!(log.all()[0].kind, Created);
    assert_eq!(log.all()[0].text, "my_async_task");
    assert_eq!(log.kinds_of(f.id()), vec![Created]);
    drop(f);
}

#[test]
fn a_future_dropped_unpolled_is_never_polled_and_its_body_never_runs() {
    let (tracer, log, _) = tracer();
    let ran = Rc::new(RefCell::new(false));
    let r = ran.clone();
    let f = tracer.trace("my_task", async move { *r.borrow_mut() = true });
    let id = f.id();
    drop(f);
    assert_eq!(log.kinds_of(id), vec![Created, DroppedNeverPolled]);
    assert!(!*ran.borrow());
}

#[test]
fn polls_report_pending_then_ready_and_wakes_carry_their_own_time() {
    let (tracer, log, clock) = tracer();
    let gate = Gate::default();
    let f = tracer.trace("fetch_product_data", gate.wait());
    let id = f.id();
    block_on(async {
        pin_mut!(f);
        assert_eq!(poll!(f.as_mut()), Poll::Pending);
        clock.advance_ms(1000);
        gate.open(); // the "timer" fires at 1000 ms
        clock.advance_ms(5); // the executor gets round to it a little later
        assert_eq!(poll!(f.as_mut()), Poll::Ready(()));
    });
    assert_eq!(
        log.kinds_of(id),
        vec![Created, Poll, Pending, Woken, Poll, Ready, Dropped]
    );
    let woken = log.all().into_iter().find(|r| r.kind == Woken).unwrap();
    assert_eq!(
        woken.t_ms, 1000,
        "a wake is stamped when it happened, not when reported"
    );
    let ready = log.all().into_iter().find(|r| r.kind == Ready).unwrap();
    assert_eq!(ready.t_ms, 1005);
}

#[test]
fn a_future_dropped_while_pending_says_so() {
    let (tracer, log, _) = tracer();
    let gate = Gate::default();
    let f = tracer.trace("fetch_user_data", gate.wait());
    let id = f.id();
    block_on(async {
        pin_mut!(f);
        assert_eq!(poll!(f.as_mut()), Poll::Pending);
    });
    assert_eq!(
        log.kinds_of(id),
        vec![Created, Poll, Pending, DroppedPending]
    );
}

#[test]
fn a_wake_before_drop_is_still_reported() {
    let (tracer, log, _) = tracer();
    let gate = Gate::default();
    let mut f = Box::pin(tracer.trace("f", gate.wait()));
    let id = f.id();
    let waker = futures::task::noop_waker();
    assert!(f
        .as_mut()
        .poll(&mut Context::from_waker(&waker))
        .is_pending());
    gate.open();
    drop(f);
    assert_eq!(
        log.kinds_of(id),
        vec![Created, Poll, Pending, Woken, DroppedPending]
    );
}

#[test]
fn lines_are_attributed_to_the_future_whose_poll_printed_them() {
    let (tracer, log, _) = tracer();
    let pool = LocalPool::new();
    let spawner = pool.spawner();
    let spawn: Spawner = Rc::new(move |f| spawner.spawn_local(f).unwrap());
    let mut pool = pool;
    let run = Run::start(tracer, spawn, "main", async {
        say("in main");
        named("child", async { say("in child") }).await;
    });
    pool.run_until_stalled();
    assert!(run.is_over());
    let recs = log.all();
    let line = |t: &str| recs.iter().find(|r| r.text == t).unwrap().future;
    assert_eq!(line("in main"), 1);
    assert_eq!(line("in child"), 2);
    assert_eq!(recs.last().unwrap().kind, Done);
}

/// A little executor harness: a run on a LocalPool, gates for timers.
fn run_on_pool(main: impl Future<Output = ()> + 'static) -> (LocalPool, Run, Log, VirtualClock) {
    let (tracer, log, clock) = tracer();
    let pool = LocalPool::new();
    let spawner = pool.spawner();
    let spawn: Spawner = Rc::new(move |f| spawner.spawn_local(f).unwrap());
    let run = Run::start(tracer, spawn, "main", main);
    (pool, run, log, clock)
}

#[test]
fn join_polls_both_branches_and_ends_with_the_longer() {
    let (user, product) = (Gate::default(), Gate::default());
    let (u, p) = (user.clone(), product.clone());
    let (mut pool, run, log, clock) = run_on_pool(async move {
        join!(
            named("fetch_user_data", u.wait()),
            named("fetch_product_data", p.wait())
        );
        say("joined");
    });
    pool.run_until_stalled();
    clock.advance_ms(1000);
    product.open();
    pool.run_until_stalled();
    assert!(!run.is_over());
    // join! re-polls the user branch when product wakes, without user having been woken.
    assert_eq!(log.kinds_of(2), vec![Created, Poll, Pending, Poll, Pending]);
    // join! keeps the output and drops a finished branch at once.
    assert_eq!(
        log.kinds_of(3),
        vec![Created, Poll, Pending, Woken, Poll, Ready, Dropped]
    );
    clock.advance_ms(2000);
    user.open();
    pool.run_until_stalled();
    assert!(run.is_over());
    assert_eq!(log.lines(), vec!["joined"]);
    let joined = log.all().into_iter().find(|r| r.text == "joined").unwrap();
    assert_eq!(joined.t_ms, 3000);
}

#[test]
fn select_drops_the_loser_while_pending_and_its_code_never_runs() {
    let (user, product) = (Gate::default(), Gate::default());
    let (u, p) = (user.clone(), product.clone());
    let (mut pool, run, log, clock) = run_on_pool(async move {
        select! {
            _ = named("fetch_user_data", async move { u.wait().await; say("user line") }).fuse() => say("user won"),
            _ = named("fetch_product_data", p.wait()).fuse() => say("product won"),
        }
    });
    pool.run_until_stalled();
    clock.advance_ms(1000);
    product.open();
    pool.run_until_stalled();
    assert!(run.is_over());
    assert_eq!(*log.kinds_of(2).last().unwrap(), DroppedPending);
    user.open(); // a cleared timer would never fire; even if one did, nothing is left to run
    pool.run_until_stalled();
    assert_eq!(log.lines(), vec!["product won"]);
}

#[test]
fn stop_drops_every_task_at_once_and_nothing_runs_after() {
    let gate = Gate::default();
    let g = gate.clone();
    let g2 = gate.clone();
    let (mut pool, run, log, _) = run_on_pool(async move {
        spawn_local(named("my_task", async move {
            g2.wait().await;
            say("after stop (must not appear)");
        }));
        g.wait().await;
        say("main after stop (must not appear)");
    });
    pool.run_until_stalled();
    assert!(!run.is_over());
    run.stop();
    assert!(run.is_over());
    let n = log.all().len();
    assert_eq!(log.all().last().unwrap().kind, Stopped);
    assert_eq!(*log.kinds_of(1).last().unwrap(), DroppedPending);
    assert_eq!(*log.kinds_of(2).last().unwrap(), DroppedPending);
    gate.open();
    pool.run_until_stalled();
    assert_eq!(log.all().len(), n, "no event after Stop");
    assert!(log.lines().is_empty());
    run.stop(); // idempotent
    assert_eq!(log.all().len(), n);
}

#[test]
fn a_spawned_task_keeps_the_run_going_after_main_returns() {
    let gate = Gate::default();
    let g = gate.clone();
    let (mut pool, run, log, _) = run_on_pool(async move {
        spawn_local(named("my_task", async move {
            g.wait().await;
            say("This line will never be printed.");
        }));
        say("Finished program.");
    });
    pool.run_until_stalled();
    assert!(!run.is_over(), "main returned, my_task is still pending");
    gate.open();
    pool.run_until_stalled();
    assert!(run.is_over());
    assert_eq!(
        log.lines(),
        vec!["Finished program.", "This line will never be printed."]
    );
    assert_eq!(log.all().last().unwrap().kind, Done);
}

#[test]
fn a_run_with_no_awaits_finishes_in_one_poll() {
    let (mut pool, run, log, _) = run_on_pool(async { say("hi") });
    pool.run_until_stalled();
    assert!(run.is_over());
    assert_eq!(log.kinds_of(1), vec![Created, Poll, Line, Ready, Dropped]);
}

#[test]
fn speed_scales_real_waits_but_not_what_the_lesson_says() {
    let plan = Plan::new(3000, 1000, Speed(2000));
    assert_eq!(plan.user.real.as_millis(), 1500);
    assert_eq!(plan.user.to_string(), "3s");
    assert_eq!(Wait::new(2500, Speed::REAL_TIME).to_string(), "2.5s");
    assert_eq!(Wait::new(250, Speed::REAL_TIME).to_string(), "0.25s");
    assert_eq!(Wait::new(0, Speed::REAL_TIME).to_string(), "0s");
    assert_eq!(Speed(100).real_ms(60_000), 600_000);
}

#[test]
fn params_accept_the_documented_ranges() {
    assert_eq!(parse_duration("user", "0"), Ok(0));
    assert_eq!(parse_duration("user", "60000"), Ok(60000));
    assert_eq!(parse_duration("product", " 1000 "), Ok(1000));
    assert_eq!(parse_speed("0.1"), Ok(Speed(100)));
    assert_eq!(parse_speed("100"), Ok(Speed(100_000)));
    assert_eq!(parse_speed("2.25"), Ok(Speed(2250)));
    assert_eq!(parse_demo("no-await"), Ok(4));
}

#[test]
fn demo_names_come_from_the_variants_and_the_message_lists_them_all() {
    use async_playground::lessons::{main_of, Plan, VARIANTS};
    use async_playground::params::{demo_names, DEMO_EXPECTED};
    let names: Vec<_> = demo_names().collect();
    assert_eq!(
        names,
        ["lazy", "sleep", "join", "select", "no-await", "blocking", "many"]
    );
    // "a demo: use lazy, sleep, …, blocking or many"
    let (init, last) = names.split_at(names.len() - 1);
    assert_eq!(
        DEMO_EXPECTED,
        format!("a demo: use {} or {}", init.join(", "), last[0])
    );
    for (i, name) in names.iter().enumerate() {
        assert_eq!(parse_demo(name), Ok(i));
    }
    // Every variant starts (building its future runs none of its body), ids are unique, and the
    // test-only crash is not a demo.
    let plan = Plan::new(3000, 1000, Speed::REAL_TIME);
    for v in VARIANTS {
        assert!(main_of(v.id, plan).is_some(), "{}", v.id);
        assert_eq!(VARIANTS.iter().filter(|w| w.id == v.id).count(), 1);
    }
    assert!(parse_demo("test").is_err());
}

#[test]
fn params_reject_bad_values_with_a_sentence_naming_them() {
    for bad in [
        "-5",
        "NaN",
        "1e400",
        "abc",
        "",
        "1.5",
        "99999999999",
        "60001",
        "+5",
        "0x10",
        "٣",
    ] {
        let e = parse_duration("user", bad).unwrap_err();
        assert_eq!(
            e.message(),
            format!("user={bad} is not a duration: use 0–60000 ms")
        );
    }
    for bad in [
        "0", "0.09", "100.001", "1e400", "NaN", "inf", "", "abc", "-1", "2.", ".5", "1.0001",
    ] {
        let e = parse_speed(bad).unwrap_err();
        assert_eq!(
            e.message(),
            format!("speed={bad} is not a speed: use 0.1–100")
        );
    }
    let e = parse_demo("<img src=x onerror=alert(1)>").unwrap_err();
    assert!(e
        .message()
        .starts_with("demo=<img src=x onerror=alert(1)> is not a demo: use lazy"));
    let long = "9".repeat(1000);
    assert!(parse_duration("user", &long).unwrap_err().message().len() < 120);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn duration_parser_never_panics_and_accepts_only_the_range(s in ".{0,24}") {
            if let Ok(ms) = parse_duration("user", &s) {
                prop_assert!(ms <= 60_000);
                prop_assert_eq!(s.trim().parse::<u32>().ok(), Some(ms));
            }
        }

        #[test]
        fn every_whole_ms_in_range_round_trips(ms in 0u32..=60_000) {
            prop_assert_eq!(parse_duration("user", &ms.to_string()), Ok(ms));
        }

        #[test]
        fn speed_parser_never_panics_and_stays_in_range(s in "[0-9.eE+-]{0,10}|.{0,12}") {
            if let Ok(Speed(m)) = parse_speed(&s) {
                prop_assert!((100..=100_000).contains(&m));
                let f: f64 = s.trim().parse().unwrap();
                prop_assert!((f * 1000.0 - f64::from(m)).abs() < 1e-6);
            }
        }

        #[test]
        fn real_time_never_exceeds_a_safe_timeout(ms in 0u32..=60_000, speed in 100u32..=100_000) {
            prop_assert!(Speed(speed).real_ms(ms) <= 600_000);
        }
    }
}
