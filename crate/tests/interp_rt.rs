//! The interpreter's runtime (`interp::rt`) against real Tokio.
//!
//! Each scenario below was first run with real Tokio 1.54 (`current_thread`, `start_paused = true`,
//! or a real clock where the program blocks) in a scratch project outside the repository; the
//! expected transcript in each test is what Tokio printed, `"<ms> <text>"` per line, joined by `|`.
//! The scenarios are ported here as plain Rust `async` blocks on [`Rt`] under a [`VirtualHost`].
//!
//! Beyond these, a differential run (a scratch program, not part of the repository) generated
//! 30,000 random programs of spawns, sleeps, yields, `join!`, biased `select!`, timeouts, aborts,
//! intervals and bounded, unbounded and oneshot channels, and ran each on Tokio 1.54 and on [`Rt`]:
//! it found one difference, now fixed and pinned by `a_send_out_of_budget_keeps_its_permit`, and
//! then none in 612,677 printed lines.
#![cfg(all(feature = "interp", not(target_arch = "wasm32")))]

use async_playground::interp::rt::{
    join, mpsc, oneshot, select, try_join, BoxFut, Branch, Flavor, JoinHandle, Limits, Panic, Rt,
    Turn, VirtualHost, NO_RUNTIME,
};
use async_playground::trace::{Event, Kind, Sink, Tracer};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

/// The trace events of a run: (kind, future id, text).
#[derive(Clone, Default)]
struct Events(Rc<RefCell<Vec<(Kind, u32, String)>>>);

impl Sink for Events {
    fn event(&self, e: &Event<'_>) {
        self.0
            .borrow_mut()
            .push((e.kind, e.future, e.text.to_owned()));
    }
}

impl Events {
    fn kinds(&self, kind: Kind) -> Vec<(u32, String)> {
        let events = self.0.borrow();
        let matching = events.iter().filter(|e| e.0 == kind);
        matching.map(|e| (e.1, e.2.clone())).collect()
    }
}

/// The program's stdout: `"<ms> <text>"` lines, stamped with the runtime's program time.
#[derive(Clone)]
struct Out {
    rt: Rt,
    lines: Rc<RefCell<Vec<String>>>,
}

impl Out {
    fn p(&self, text: impl AsRef<str>) {
        let line = format!("{} {}", self.rt.now_us() / 1000, text.as_ref());
        self.lines.borrow_mut().push(line);
    }
}

struct Prog {
    rt: Rt,
    host: VirtualHost,
    out: Out,
    events: Events,
}

fn prog_with(limits: Limits, seed: u64) -> Prog {
    let host = VirtualHost::new();
    let events = Events::default();
    let tracer = Tracer::new(host.clock(), events.clone());
    let rt = Rt::new(
        tracer,
        Rc::new(host.clone()),
        Flavor::CurrentThread,
        seed,
        limits,
    );
    let out = Out {
        rt: rt.clone(),
        lines: Rc::default(),
    };
    Prog {
        rt,
        host,
        out,
        events,
    }
}

fn prog() -> Prog {
    prog_with(Limits::default(), 7)
}

impl Prog {
    /// Runs `main` to its end on the virtual clock; returns the transcript and how it ended.
    fn run<F, M>(&self, main: M) -> (String, Turn)
    where
        M: FnOnce(Rt, Out) -> F,
        F: Future<Output = ()> + 'static,
    {
        let fut = main(self.rt.clone(), self.out.clone());
        self.rt.block_on(Box::pin(async move {
            fut.await;
            Ok(())
        }));
        let end = self.host.drive(&self.rt);
        (self.out.lines.borrow().join("|"), end)
    }
}

/// Runs `main`, checks it returned normally, returns the transcript.
///
/// It runs it twice: in as few turns as possible, and again with one poll per turn, which must not
/// change anything (a turn resumes Tokio's loop exactly where the last one stopped).
fn transcript<F, M>(main: M) -> String
where
    M: Fn(Rt, Out) -> F,
    F: Future<Output = ()> + 'static,
{
    let (lines, end) = prog().run(&main);
    assert_eq!(end, Turn::Finished { exit_code: 0 });
    let one_poll = Limits {
        polls_per_turn: 1,
        ..Limits::default()
    };
    let (sliced, end) = prog_with(one_poll, 7).run(&main);
    assert_eq!(end, Turn::Finished { exit_code: 0 });
    assert_eq!(sliced, lines, "one poll per turn changed the run");
    lines
}

/// `tokio::spawn` as the evaluator calls it: through the current runtime.
fn spawn<T: 'static>(fut: impl Future<Output = T> + 'static) -> JoinHandle<T> {
    let rt = Rt::try_current().expect("inside the runtime");
    rt.spawn(Box::pin(async move { Ok(fut.await) }))
}

fn boxed<T>(f: impl Future<Output = T> + 'static) -> BoxFut<T> {
    Box::pin(f)
}

const MS: u64 = 1000;

/// Spawned tasks first run when main awaits; `yield_now` wakes are deferred to after the park and
/// come back last-in first-out (`Defer::wake` pops), so b2 comes before a2.
#[test]
fn spawn_runs_at_next_await_and_yield_wakes_are_lifo() {
    let t = transcript(|rt, o| async move {
        let o1 = o.clone();
        let rt1 = rt.clone();
        spawn(async move {
            o1.p("a1");
            rt1.yield_now().await;
            o1.p("a2");
        });
        let (o2, rt2) = (o.clone(), rt.clone());
        spawn(async move {
            o2.p("b1");
            rt2.yield_now().await;
            o2.p("b2");
        });
        o.p("main1");
        rt.yield_now().await;
        o.p("main2");
        rt.sleep(10 * MS).await;
        o.p("main3");
    });
    assert_eq!(t, "0 main1|0 a1|0 b1|0 main2|0 b2|0 a2|10 main3");
}

/// Timers due at the same tick: the woken `main` (the `block_on` future) runs first, then the tasks
/// in timer order; a timer's order is its first poll, not its creation.
#[test]
fn equal_deadlines_main_first_then_registration_order() {
    let t = transcript(|rt, o| async move {
        for name in ["A", "B"] {
            let (o, rt) = (o.clone(), rt.clone());
            spawn(async move {
                rt.sleep(100 * MS).await;
                o.p(name);
            });
        }
        rt.yield_now().await; // the tasks register their timers before main does
        rt.sleep(100 * MS).await;
        o.p("main");
        let (o1, rt1) = (o.clone(), rt.clone());
        let a = spawn(async move {
            let s = rt1.sleep(50 * MS);
            rt1.yield_now().await;
            s.await;
            o1.p("C (created first, polled second)");
        });
        let (o2, rt2) = (o.clone(), rt.clone());
        let b = spawn(async move {
            rt2.sleep(50 * MS).await;
            o2.p("D");
        });
        a.await.unwrap();
        b.await.unwrap();
    });
    assert_eq!(
        t,
        "100 main|100 A|100 B|150 D|150 C (created first, polled second)"
    );
}

/// `event_interval` = 61: a yielded `main` gets its turn back after 61 tasks, not after all 100.
#[test]
fn main_runs_again_after_event_interval_tasks() {
    let t = transcript(|rt, o| async move {
        for i in 0..100 {
            let o = o.clone();
            spawn(async move { o.p(format!("t{i}")) });
        }
        rt.yield_now().await;
        o.p("main");
    });
    let expected: Vec<String> = (0..61)
        .map(|i| format!("0 t{i}"))
        .chain(["0 main".to_owned()])
        .collect();
    assert_eq!(t, expected.join("|"));
}

/// Task ids start at 1; `JoinError` prints as Tokio's; an aborted task is not finished until the
/// scheduler reaches it.
#[test]
fn join_handles_ids_panics_and_abort() {
    let t = transcript(|rt, o| async move {
        let h = spawn(async { 5 });
        o.p(format!("id {}", h.id()));
        o.p(format!("ok {:?}", h.await));
        let h: JoinHandle<i32> = rt.spawn(boxed(async {
            Err(Panic {
                message: "boom".into(),
                line: 74,
                column: 13,
            })
        }));
        let e = h.await.unwrap_err();
        o.p(format!("{e}"));
        o.p(format!("{e:?}"));
        let (o1, rt1) = (o.clone(), rt.clone());
        let h = spawn(async move {
            rt1.sleep(1000 * MS).await;
            o1.p("never");
        });
        rt.sleep(10 * MS).await;
        h.abort();
        o.p(format!("finished right after abort: {}", h.is_finished()));
        let e = h.await.unwrap_err();
        o.p(format!("{e}"));
        o.p(format!("{e:?}"));
    });
    assert_eq!(
        t,
        "0 id 1|0 ok Ok(5)|0 task 2 panicked with message \"boom\"|\
         0 JoinError::Panic(Id(2), \"boom\", ...)|10 finished right after abort: false|\
         10 task 3 was cancelled|10 JoinError::Cancelled(Id(3))"
    );
}

/// `join!`'s rotating start: poll 1 starts at a, poll 2 at b, poll 3 at c (c finishes silently).
#[test]
fn join_rotates_its_first_branch() {
    let t = transcript(|rt, o| async move {
        let branch = |name: &'static str, n: u32| {
            let (o, rt) = (o.clone(), rt.clone());
            boxed(async move {
                for i in 0..n {
                    o.p(format!("{name}{i}"));
                    rt.yield_now().await;
                }
            })
        };
        join(vec![branch("a", 3), branch("b", 3), branch("c", 2)], false).await;
        o.p("joined");
    });
    assert_eq!(t, "0 a0|0 b0|0 c0|0 b1|0 c1|0 a1|0 a2|0 b2|0 joined");
}

/// `join!(biased; ..)` always starts at the first branch.
#[test]
fn biased_join_always_starts_first() {
    let t = transcript(|rt, o| async move {
        let branch = |name: &'static str| {
            let (o, rt) = (o.clone(), rt.clone());
            boxed(async move {
                for i in 0..2 {
                    o.p(format!("{name}{i}"));
                    rt.yield_now().await;
                }
                name
            })
        };
        let names = join(vec![branch("a"), branch("b")], true).await;
        o.p(names.join(","));
    });
    assert_eq!(t, "0 a0|0 b0|0 a1|0 b1|0 a,b");
}

/// `try_join!` stops at the first error and drops the other branches.
#[test]
fn try_join_stops_at_the_first_error() {
    let t = transcript(|rt, o| async move {
        let (o1, rt1) = (o.clone(), rt.clone());
        let slow = boxed(async move {
            rt1.sleep(50 * MS).await;
            o1.p("slow done (never)");
            Ok::<u32, String>(1)
        });
        let rt2 = rt.clone();
        let failing = boxed(async move {
            rt2.sleep(10 * MS).await;
            Err::<u32, String>("bad".into())
        });
        let r = try_join(vec![slow, failing], false).await;
        o.p(format!("{r:?}"));
        let oks = try_join(
            vec![boxed(async { Ok::<u32, ()>(1) }), boxed(async { Ok(2) })],
            false,
        );
        o.p(format!("{:?}", oks.await));
    });
    assert_eq!(t, "10 Err(\"bad\")|10 Ok([1, 2])");
}

/// A deadline already reached is ready at the first poll (no yield); deadlines round up to the ms.
#[test]
fn sleep_zero_does_not_yield_and_deadlines_round_up() {
    let t = transcript(|rt, o| async move {
        let o1 = o.clone();
        spawn(async move { o1.p("task") });
        rt.sleep(0).await;
        o.p("after sleep(0)");
        rt.sleep(1500).await;
        o.p("after 1.5ms");
        rt.sleep(MS).await;
        o.p("after 1ms more");
    });
    assert_eq!(t, "0 after sleep(0)|0 task|2 after 1.5ms|3 after 1ms more");
}

/// A bounded channel's capacity: the producer waits for a permit each receive hands back.
#[test]
fn bounded_channel_backpressure() {
    let t = transcript(|_rt, o| async move {
        let (tx, rx) = mpsc::channel::<u32>(2);
        let o1 = o.clone();
        spawn(async move {
            for i in 0..5 {
                o1.p(format!("send {i}"));
                tx.send(i).await.unwrap();
                o1.p(format!("sent {i}"));
            }
        });
        while let Some(v) = rx.recv().await {
            o.p(format!("recv {v}"));
        }
        o.p("closed");
    });
    assert_eq!(
        t,
        "0 send 0|0 sent 0|0 send 1|0 sent 1|0 send 2|0 recv 0|0 recv 1|0 sent 2|0 send 3|\
         0 sent 3|0 send 4|0 recv 2|0 recv 3|0 sent 4|0 recv 4|0 closed"
    );
}

/// Waiting senders are served first come, first served.
#[test]
fn bounded_channel_two_senders() {
    let t = transcript(|rt, o| async move {
        let (tx, rx) = mpsc::channel::<u32>(1);
        for k in 0..2 {
            let (tx, o) = (tx.clone(), o.clone());
            spawn(async move {
                for i in 0..3 {
                    tx.send(k * 10 + i).await.unwrap();
                    o.p(format!("{k} sent {}", k * 10 + i));
                }
            });
        }
        drop(tx);
        rt.sleep(5 * MS).await;
        while let Some(v) = rx.recv().await {
            o.p(format!("recv {v}"));
            rt.sleep(MS).await;
        }
        o.p("closed");
    });
    assert_eq!(
        t,
        "0 0 sent 0|5 recv 0|5 0 sent 1|6 recv 1|6 1 sent 10|7 recv 10|7 0 sent 2|8 recv 2|\
         8 1 sent 11|9 recv 11|9 1 sent 12|10 recv 12|11 closed"
    );
}

/// Tokio's coop budget: after 128 completed receives, `recv` is Pending and main is deferred, so
/// task B gets to run between message 127 and 128.
#[test]
fn coop_budget_interleaves_a_busy_receiver() {
    let t = transcript(|rt, o| async move {
        let (tx, rx) = mpsc::unbounded_channel::<u32>();
        for i in 0..300 {
            tx.send(i).unwrap();
        }
        drop(tx);
        let (o1, rt1) = (o.clone(), rt.clone());
        spawn(async move {
            for _ in 0..4 {
                o1.p("B");
                rt1.yield_now().await;
            }
        });
        while let Some(v) = rx.recv().await {
            if v % 50 == 0 || v == 127 || v == 128 {
                o.p(format!("recv {v}"));
            }
        }
        o.p("done");
    });
    assert_eq!(
        t,
        "0 recv 0|0 recv 50|0 recv 100|0 recv 127|0 B|0 recv 128|0 recv 150|0 recv 200|\
         0 recv 250|0 B|0 done"
    );
}

/// `timeout`: the inner future is polled first, so a value ready at the deadline wins.
#[test]
fn timeout_prefers_the_value_at_the_deadline() {
    let t = transcript(|rt, o| async move {
        let r = rt.timeout(10 * MS, boxed(rt.sleep(10 * MS))).await;
        o.p(format!("equal: {r:?}"));
        let r = rt.timeout(5 * MS, boxed(rt.sleep(10 * MS))).await;
        o.p(format!("short: {r:?}"));
        if let Err(e) = r {
            o.p(format!("{e}"));
        }
    });
    assert_eq!(
        t,
        "10 equal: Ok(())|15 short: Err(Elapsed(()))|15 deadline has elapsed"
    );
}

/// `select!` with `biased;` takes the first ready branch; a refutable pattern that fails disables
/// its branch; with every branch disabled, `else` runs.
#[test]
fn select_biased_and_else() {
    let t = transcript(|rt, o| async move {
        let branches = vec![
            Branch::new(boxed(rt.sleep(10 * MS))),
            Branch::new(boxed(rt.sleep(10 * MS))),
        ];
        match select(branches, true, rt.rng()).await {
            Some((0, ())) => o.p("a"),
            other => o.p(format!("b {other:?}")),
        }
        let (tx, rx) = mpsc::channel::<u32>(4);
        tx.send(1).await.unwrap();
        drop(tx);
        let rx = Rc::new(rx);
        loop {
            let rx = rx.clone();
            let recv = boxed(async move { rx.recv().await });
            let branch = Branch::new(recv).accept(|v: &Option<u32>| v.is_some());
            match select(vec![branch], false, rt.rng()).await {
                Some((_, v)) => o.p(format!("got {}", v.unwrap())),
                None => {
                    o.p("else");
                    break;
                }
            }
        }
    });
    assert_eq!(t, "10 a|10 got 1|10 else");
}

/// `interval` with the default `MissedTickBehavior::Burst`: missed ticks fire at once, then the
/// schedule continues from the original start.
#[test]
fn interval_bursts_after_missed_ticks() {
    let t = transcript(|rt, o| async move {
        let iv = rt.interval(10 * MS);
        for i in 0..5 {
            iv.tick().await;
            o.p(format!("tick {i}"));
            if i == 1 {
                rt.sleep(25 * MS).await;
            }
        }
    });
    assert_eq!(t, "0 tick 0|10 tick 1|35 tick 2|35 tick 3|40 tick 4");
}

/// Aborting a task waiting on a timer: it is cancelled when the scheduler reaches it (after main
/// yields), and equal deadlines fire in registration order ("other" registered at 0, "tick" at 10).
#[test]
fn abort_waiting_task() {
    let t = transcript(|rt, o| async move {
        let (o1, rt1) = (o.clone(), rt.clone());
        let h = spawn(async move {
            loop {
                rt1.sleep(10 * MS).await;
                o1.p("tick");
            }
        });
        let (o2, rt2) = (o.clone(), rt.clone());
        spawn(async move {
            rt2.sleep(20 * MS).await;
            o2.p("other");
        });
        rt.sleep(25 * MS).await;
        h.abort();
        o.p(format!("aborted, finished={}", h.is_finished()));
        rt.yield_now().await;
        o.p(format!("after yield, finished={}", h.is_finished()));
        o.p(format!("{:?}", h.await));
    });
    assert_eq!(
        t,
        "10 tick|20 other|20 tick|25 aborted, finished=false|25 after yield, finished=true|\
         25 Err(JoinError::Cancelled(Id(1)))"
    );
}

/// Channel errors print as Tokio's.
#[test]
fn channel_errors() {
    let t = transcript(|_rt, o| async move {
        let (tx, rx) = mpsc::channel::<u32>(1);
        drop(rx);
        let e = tx.send(1).await.unwrap_err();
        o.p(format!("{e} / {e:?}"));
        let (tx, rx) = oneshot::channel::<u32>();
        drop(tx);
        let e = rx.await.unwrap_err();
        o.p(format!("{e} / {e:?}"));
        let (tx, rx) = oneshot::channel::<u32>();
        drop(rx);
        o.p(format!("{:?}", tx.send(3)));
    });
    assert_eq!(
        t,
        "0 channel closed / SendError { .. }|0 channel closed / RecvError(())|0 Err(3)"
    );
}

/// A task wakes main with a oneshot while other tasks are queued: the queue runs first, then main,
/// whose return drops the yielded sender before it prints again.
#[test]
fn main_woken_by_a_task_runs_after_the_queue() {
    let (t, end) = prog().run(|rt, o| async move {
        let (tx, rx) = oneshot::channel::<()>();
        let (o1, rt1) = (o.clone(), rt.clone());
        spawn(async move {
            rt1.sleep(10 * MS).await;
            o1.p("task timer");
        });
        let (o2, rt2) = (o.clone(), rt.clone());
        spawn(async move {
            rt2.sleep(10 * MS).await;
            o2.p("sender");
            tx.send(()).unwrap();
            rt2.yield_now().await;
            o2.p("sender after yield");
        });
        let (o3, rt3) = (o.clone(), rt.clone());
        spawn(async move {
            rt3.sleep(10 * MS).await;
            o3.p("third");
        });
        rx.await.unwrap();
        o.p("main woken");
    });
    assert_eq!(t, "10 task timer|10 sender|10 third|10 main woken");
    assert_eq!(end, Turn::Finished { exit_code: 0 });
}

/// After blocking (`std::thread::sleep`) past several deadlines, the timers fire in one park in
/// deadline order, after main. (Real Tokio on a real clock; the times are Tokio's, rounded.)
#[test]
fn blocking_then_due_timers_fire_in_deadline_order() {
    let t = transcript(|rt, o| async move {
        for (name, ms) in [("A 30", 30), ("B 10", 10), ("C 20", 20)] {
            let (o, rt) = (o.clone(), rt.clone());
            spawn(async move {
                rt.sleep(ms * MS).await;
                o.p(name);
            });
        }
        rt.yield_now().await;
        rt.block(50 * MS);
        o.p("blocked");
        rt.yield_now().await;
        o.p("main");
        rt.sleep(MS).await;
    });
    assert_eq!(t, "50 blocked|50 main|50 B 10|50 C 20|50 A 30");
}

/// A finishing task wakes the `JoinHandle`'s main, which runs after the tasks already queued.
#[test]
fn join_handle_wakes_main_after_the_queue() {
    let t = transcript(|rt, o| async move {
        let (o1, rt1) = (o.clone(), rt.clone());
        let h = spawn(async move {
            rt1.sleep(10 * MS).await;
            o1.p("task done");
            7
        });
        let (o2, rt2) = (o.clone(), rt.clone());
        spawn(async move {
            rt2.sleep(10 * MS).await;
            o2.p("second");
        });
        let v = h.await.unwrap();
        o.p(format!("main got {v}"));
    });
    assert_eq!(t, "10 task done|10 second|10 main got 7");
}

// ---- The playground's own rules: shutdown, stop, limits, stalls. ----

/// When main returns, every task still alive is dropped, one Note says so, then Done.
#[test]
fn shutdown_drops_tasks_with_one_note() {
    let p = prog();
    let tracer = p.rt.tracer().clone();
    let (t, end) = p.run(|rt, o| async move {
        let rt1 = rt.clone();
        let tracer1 = tracer.clone();
        spawn(tracer.trace("sleeper", async move {
            rt1.sleep(1000 * MS).await;
        }));
        spawn(tracer1.trace("never_polled", async {}));
        o.p("main returns");
    });
    assert_eq!(t, "0 main returns");
    assert_eq!(end, Turn::Finished { exit_code: 0 });
    let notes = p.events.kinds(Kind::Note);
    assert_eq!(
        notes,
        [(
            0,
            "When main returns, Tokio's runtime shuts down and drops every task still running: \
             2 tasks dropped."
                .to_owned()
        )]
    );
    // Both futures were dropped without ever running: main never yielded.
    assert_eq!(p.events.kinds(Kind::DroppedNeverPolled).len(), 2);
    let kinds: Vec<Kind> = p.events.0.borrow().iter().map(|e| e.0).collect();
    assert_eq!(kinds.last(), Some(&Kind::Done));
    // Finished stays finished.
    assert_eq!(p.rt.turn(), Turn::Finished { exit_code: 0 });
    assert_eq!(p.rt.live_tasks(), 0);
}

/// A panicking main ends with exit code 101, and the note says why the tasks went.
#[test]
fn main_panic_exits_101() {
    let p = prog();
    let rt = p.rt.clone();
    p.rt.block_on(Box::pin(async move {
        let rt1 = rt.clone();
        spawn(async move { rt1.sleep(MS).await });
        rt.yield_now().await;
        Err(Panic {
            message: "boom".into(),
            line: 1,
            column: 1,
        })
    }));
    assert_eq!(p.host.drive(&p.rt), Turn::Finished { exit_code: 101 });
    let notes = p.events.kinds(Kind::Note);
    assert_eq!(notes.len(), 1);
    assert!(notes[0].1.starts_with("When main panics"), "{notes:?}");
    assert!(notes[0].1.ends_with("1 task dropped."), "{notes:?}");
}

/// Stop drops main and every task at once and reports Stopped, not Done; their timers go too.
#[test]
fn stop_drops_everything() {
    let p = prog();
    let rt = p.rt.clone();
    let tracer = p.rt.tracer().clone();
    p.rt.block_on(Box::pin(async move {
        let rt1 = rt.clone();
        spawn(tracer.trace("worker", async move { rt1.sleep(500 * MS).await }));
        rt.sleep(1000 * MS).await;
        Ok(())
    }));
    assert_eq!(p.rt.turn(), Turn::WaitUntil(500 * MS));
    p.rt.stop();
    assert_eq!(p.rt.live_tasks(), 0);
    assert_eq!(p.events.kinds(Kind::DroppedPending).len(), 1);
    let kinds: Vec<Kind> = p.events.0.borrow().iter().map(|e| e.0).collect();
    assert_eq!(kinds.last(), Some(&Kind::Stopped));
    assert!(!kinds.contains(&Kind::Done));
    assert!(matches!(p.rt.turn(), Turn::Finished { .. }));
}

/// Waiting with no timer and no ready task: Tokio would hang; the runtime says Stalled.
#[test]
fn waiting_forever_is_stalled() {
    let (t, end) = prog().run(|_rt, o| async move {
        let (_tx, rx) = mpsc::channel::<u32>(1);
        o.p("waiting");
        rx.recv().await;
        o.p("never");
    });
    assert_eq!(t, "0 waiting");
    assert_eq!(end, Turn::Stalled);
}

/// More live tasks than the limit: the run stops with a clear Note and the halt exit code.
#[test]
fn too_many_tasks_stop_the_run() {
    let limits = Limits {
        max_tasks: 10,
        ..Limits::default()
    };
    let p = prog_with(limits, 1);
    let (t, end) = p.run(|rt, o| async move {
        for i in 0..20 {
            let rt = rt.clone();
            spawn(async move { rt.sleep(MS).await });
            if Rt::try_current().unwrap().is_halted() {
                o.p(format!("halted at {i}"));
                break;
            }
        }
        rt.yield_now().await;
        o.p("never");
    });
    assert_eq!(t, "0 halted at 10");
    assert!(matches!(end, Turn::Finished { exit_code } if exit_code != 0));
    let notes = p.events.kinds(Kind::Note);
    assert_eq!(notes.len(), 1);
    assert!(notes[0].1.contains("more than 10 tasks"), "{notes:?}");
}

/// Outside a turn there is no current runtime, and the error is Tokio's exact message.
#[test]
fn no_runtime_outside_a_turn() {
    assert!(Rt::current().is_none());
    assert_eq!(
        Rt::try_current().err(),
        Some("there is no reactor running, must be called from the context of a Tokio 1.x runtime")
    );
    assert_eq!(Rt::try_current().err(), Some(NO_RUNTIME));
}

/// The time slice: a turn that blocks longer than the slice hands back `Again`.
#[test]
fn a_long_turn_yields_to_the_page() {
    let p = prog();
    let rt = p.rt.clone();
    let out = p.out.clone();
    p.rt.block_on(Box::pin(async move {
        for i in 0..3 {
            let (rt, out) = (rt.clone(), out.clone());
            spawn(async move {
                rt.block(20 * MS); // longer than the 10 ms slice
                out.p(format!("task {i}"));
            });
        }
        rt.sleep(100 * MS).await;
        Ok(())
    }));
    let mut turns = Vec::new();
    loop {
        let turn = p.rt.turn();
        turns.push(turn);
        match turn {
            Turn::Again => {}
            Turn::WaitUntil(at) => p.host.advance_to(at),
            _ => break,
        }
    }
    assert_eq!(
        turns,
        [
            Turn::Again,
            Turn::Again,
            Turn::Again,
            Turn::WaitUntil(100 * MS),
            Turn::Finished { exit_code: 0 }
        ]
    );
    assert_eq!(
        p.out.lines.borrow().join("|"),
        "20 task 0|40 task 1|60 task 2"
    );
}

/// `select!` without `biased;` starts at a random branch, reproducibly from the seed, and drops the
/// losers before the winner's value is returned.
#[test]
fn select_random_start_is_seeded_and_drops_losers() {
    let winners = |seed: u64| {
        let p = prog_with(Limits::default(), seed);
        let wins = Rc::new(RefCell::new(Vec::new()));
        let w = wins.clone();
        p.run(|rt, _o| async move {
            for _ in 0..40 {
                let branches = (0..3).map(|_| Branch::new(boxed(async {}))).collect();
                let (i, ()) = select(branches, false, rt.rng()).await.unwrap();
                w.borrow_mut().push(i);
            }
        });
        let v = wins.borrow().clone();
        v
    };
    let a = winners(42);
    assert_eq!(a, winners(42));
    assert_ne!(a, winners(43));
    for i in 0..3 {
        assert!(a.contains(&i), "branch {i} never won: {a:?}");
    }

    // The loser is dropped (DroppedPending) before select returns.
    let p = prog();
    let tracer = p.rt.tracer().clone();
    let events = p.events.clone();
    let (t, _) = p.run(|rt, o| async move {
        let slow = boxed(tracer.trace("slow", rt.sleep(100 * MS)));
        let fast = boxed(tracer.trace("fast", rt.sleep(10 * MS)));
        let branches = vec![Branch::new(slow), Branch::new(fast)];
        let (i, ()) = select(branches, false, rt.rng()).await.unwrap();
        let dropped = events.kinds(Kind::DroppedPending).len();
        o.p(format!("winner {i}, dropped pending {dropped}"));
    });
    assert_eq!(t, "10 winner 1, dropped pending 1");
}

/// A disabled branch (`, if false`) is never polled; all disabled → `None` (else).
#[test]
fn select_disabled_branches() {
    let t = transcript(|rt, o| async move {
        let polled = Rc::new(RefCell::new(false));
        let p2 = polled.clone();
        let disabled = Branch::new(boxed(async move {
            *p2.borrow_mut() = true;
            1
        }))
        .enabled(false);
        let r = select(vec![disabled], false, rt.rng()).await;
        o.p(format!("{r:?} polled={}", polled.borrow()));
    });
    assert_eq!(t, "0 None polled=false");
}

// ---- Programs of the oracle corpus (tests/programs/NAME.rs and NAME.tokio.json, recorded by the
// oracle with real Tokio 1.54), ported to plain async Rust: the runtime's half of the comparison. ----

/// tests/programs/spawn_order.rs: three tasks yield and come back in reverse (LIFO `defer`).
#[test]
fn corpus_spawn_order() {
    let t = transcript(|rt, o| async move {
        for i in 1..=3 {
            let (o, rt) = (o.clone(), rt.clone());
            spawn(async move {
                o.p(format!("task {i} runs"));
                rt.yield_now().await;
                o.p(format!("task {i} runs again"));
            });
        }
        o.p("spawned three tasks; none has run yet");
        rt.yield_now().await;
        o.p("main after one yield");
        rt.yield_now().await;
        o.p("main after two yields");
        rt.yield_now().await;
        o.p("main after three yields");
    });
    assert_eq!(
        t,
        "0 spawned three tasks; none has run yet|0 task 1 runs|0 task 2 runs|0 task 3 runs|\
         0 main after one yield|0 task 3 runs again|0 task 2 runs again|0 task 1 runs again|\
         0 main after two yields|0 main after three yields"
    );
}

/// tests/programs/join_equal_timers.rs: three equal timers in one `join!` wake together; the second
/// poll of the join starts at branch b.
#[test]
fn corpus_join_equal_timers() {
    let t = transcript(|rt, o| async move {
        let named_sleep = |name: &'static str, ms: u64| {
            let (o, rt) = (o.clone(), rt.clone());
            async move {
                rt.sleep(ms * MS).await;
                o.p(format!("{name} woke at {ms} ms"));
                name
            }
        };
        let r = join(
            vec![
                boxed(named_sleep("a", 100)),
                boxed(named_sleep("b", 100)),
                boxed(named_sleep("c", 100)),
            ],
            false,
        )
        .await;
        o.p(format!("{r:?}"));
        let handles = vec![spawn(named_sleep("t1", 50)), spawn(named_sleep("t2", 50))];
        for h in handles {
            h.await.unwrap();
        }
    });
    assert_eq!(
        t,
        "100 b woke at 100 ms|100 c woke at 100 ms|100 a woke at 100 ms|100 [\"a\", \"b\", \"c\"]|\
         150 t1 woke at 50 ms|150 t2 woke at 50 ms"
    );
}

/// tests/programs/mpsc_close.rs: at 300 ms, sender b's timer (registered at 150) fires before
/// sender a's (registered at 200); the channel closes when the last sender is dropped.
#[test]
fn corpus_mpsc_close() {
    let t = transcript(|rt, o| async move {
        let (tx, rx) = mpsc::channel::<String>(8);
        let tx2 = tx.clone();
        let (o1, rt1) = (o.clone(), rt.clone());
        spawn(async move {
            for i in 0..3 {
                rt1.sleep(100 * MS).await;
                tx.send(format!("a{i}")).await.unwrap();
            }
            o1.p("sender a done");
        });
        let (o2, rt2) = (o.clone(), rt.clone());
        spawn(async move {
            for i in 0..2 {
                rt2.sleep(150 * MS).await;
                tx2.send(format!("b{i}")).await.unwrap();
            }
            o2.p("sender b done");
        });
        while let Some(msg) = rx.recv().await {
            o.p(format!("got {msg}"));
        }
        o.p("channel closed");
    });
    assert_eq!(
        t,
        "100 got a0|150 got b0|200 got a1|300 sender b done|300 sender a done|300 got b1|\
         300 got a2|300 channel closed"
    );
}

/// tests/programs/select_loop.rs: a biased `select!` in a loop, a fresh 50 ms sleep each time.
#[test]
fn corpus_select_loop() {
    let t = transcript(|rt, o| async move {
        let (tx, rx) = mpsc::channel::<u32>(4);
        let rt1 = rt.clone();
        spawn(async move {
            for i in 0..3 {
                rt1.sleep(70 * MS).await;
                tx.send(i).await.unwrap();
            }
        });
        let rx = Rc::new(rx);
        let mut idle = 0;
        loop {
            let rx1 = rx.clone();
            let recv = boxed(async move { Some(rx1.recv().await) });
            let sleep = boxed({
                let s = rt.sleep(50 * MS);
                async move {
                    s.await;
                    None
                }
            });
            let branches = vec![Branch::new(recv), Branch::new(sleep)];
            match select(branches, true, rt.rng()).await {
                Some((0, Some(Some(v)))) => o.p(format!("message {v}")),
                Some((0, _)) => {
                    o.p("sender gone");
                    break;
                }
                _ => {
                    idle += 1;
                    o.p(format!("idle {idle}"));
                }
            }
        }
    });
    assert_eq!(
        t,
        "50 idle 1|70 message 0|120 idle 2|140 message 1|190 idle 3|210 message 2|210 sender gone"
    );
}

/// On a virtual clock a program that never waits on a timer still hands back after
/// [`Limits::polls_per_turn`] polls, so the caller can stop it.
#[test]
fn an_endless_yield_loop_still_returns_again() {
    let p = prog();
    let rt = p.rt.clone();
    p.rt.block_on(Box::pin(async move {
        loop {
            rt.yield_now().await;
        }
    }));
    for _ in 0..3 {
        assert_eq!(p.rt.turn(), Turn::Again);
    }
    p.rt.stop();
    assert_eq!(p.rt.turn(), Turn::Finished { exit_code: 130 });
}

/// Wakes its task from inside its own poll, once (what `futures`' own `yield_now` does): Tokio
/// queues the task at the back when that poll returns, with no deferral.
struct WakeSelfOnce(bool);

impl Future for WakeSelfOnce {
    type Output = ();

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            return std::task::Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}

/// A task woken during its own poll goes to the back of the queue (after c); main woken during its
/// own poll waits for the queue to empty; a deferred yield waits for the park after that.
#[test]
fn self_wake_requeues_at_the_back() {
    let t = transcript(|rt, o| async move {
        let o1 = o.clone();
        spawn(async move {
            o1.p("a1");
            WakeSelfOnce(false).await;
            o1.p("a2");
        });
        let (o2, rt2) = (o.clone(), rt.clone());
        spawn(async move {
            o2.p("b1");
            rt2.yield_now().await;
            o2.p("b2");
        });
        let o3 = o.clone();
        spawn(async move { o3.p("c1") });
        o.p("main1");
        WakeSelfOnce(false).await;
        o.p("main2");
        rt.sleep(MS).await;
        o.p("main3");
    });
    assert_eq!(t, "0 main1|0 a1|0 b1|0 c1|0 a2|0 main2|0 b2|1 main3");
}

/// A task spawning tasks: they join the back of the queue and run before the spawner resumes.
#[test]
fn spawn_inside_a_task() {
    let t = transcript(|rt, o| async move {
        let o1 = o.clone();
        spawn(async move {
            o1.p("a1");
            let o2 = o1.clone();
            let h = spawn(async move {
                o2.p("inner runs");
                3
            });
            o1.p("a after spawn");
            let o3 = o1.clone();
            spawn(async move { o3.p("b") });
            let v = h.await.unwrap();
            o1.p(format!("a got {v}"));
        });
        o.p("main1");
        rt.sleep(MS).await;
        o.p("main2");
    });
    assert_eq!(
        t,
        "0 main1|0 a1|0 a after spawn|0 inner runs|0 b|0 a got 3|1 main2"
    );
}

/// A `send` that loses a `select!` gives up its place in the queue for a permit: the permit the
/// receive frees goes back to the pool, so `try_send` then succeeds.
#[test]
fn cancelled_send_gives_its_place_back() {
    let t = transcript(|rt, o| async move {
        let (tx, rx) = mpsc::channel::<u32>(1);
        tx.send(1).await.unwrap();
        let send = boxed({
            let s = tx.send(2);
            async move { Some(s.await.is_ok()) }
        });
        let sleep = boxed({
            let s = rt.sleep(10 * MS);
            async move {
                s.await;
                None
            }
        });
        match select(vec![Branch::new(send), Branch::new(sleep)], true, rt.rng()).await {
            Some((0, r)) => o.p(format!("sent 2: {r:?}")),
            _ => o.p("send 2 gave up"),
        }
        o.p(format!("recv {:?}", rx.recv().await));
        o.p(format!("try_send 3: {:?}", tx.try_send(3)));
        o.p(format!("try_send 4: {:?}", tx.try_send(4)));
        o.p(format!("capacity {}", tx.capacity()));
    });
    assert_eq!(
        t,
        "10 send 2 gave up|10 recv Some(1)|10 try_send 3: Ok(())|\
         10 try_send 4: Err(\"Full(..)\")|10 capacity 0"
    );
}

/// Dropping the receiver wakes a sender waiting for room, which then fails.
#[test]
fn dropping_the_receiver_fails_a_waiting_sender() {
    let t = transcript(|rt, o| async move {
        let (tx, rx) = mpsc::channel::<u32>(1);
        tx.send(1).await.unwrap();
        let o1 = o.clone();
        spawn(async move {
            o1.p("sending 2");
            match tx.send(2).await {
                Ok(()) => o1.p("sent 2"),
                Err(e) => o1.p(format!("send failed: {e}")),
            }
        });
        rt.sleep(10 * MS).await;
        drop(rx);
        o.p("receiver dropped");
        rt.sleep(MS).await;
    });
    assert_eq!(
        t,
        "0 sending 2|10 receiver dropped|10 send failed: channel closed"
    );
}

/// Every error of the channels and timers, `{}` and `{:?}`, as Tokio prints them.
#[test]
fn error_texts() {
    let t = transcript(|rt, o| async move {
        let (tx, rx) = mpsc::channel::<u32>(1);
        let (e1, e2) = (rx.try_recv().unwrap_err(), rx.try_recv().unwrap_err());
        o.p(format!("[{e1}] [{e2:?}]"));
        tx.send(1).await.unwrap();
        let e = tx.try_send(2).unwrap_err();
        o.p(format!("[{e}] [{e:?}]"));
        drop(tx);
        rx.recv().await;
        let (e1, e2) = (rx.try_recv().unwrap_err(), rx.try_recv().unwrap_err());
        o.p(format!("[{e1}] [{e2:?}]"));
        let (tx, rx) = mpsc::channel::<u32>(1);
        drop(rx);
        let e = tx.try_send(2).unwrap_err();
        o.p(format!("[{e}] [{e:?}]"));
        let (tx, rx) = mpsc::unbounded_channel::<u32>();
        drop(rx);
        let e = tx.send(2).unwrap_err();
        o.p(format!("[{e}] [{e:?}]"));
        let (_tx, mut rx) = oneshot::channel::<u32>();
        let (e1, e2) = (rx.try_recv().unwrap_err(), rx.try_recv().unwrap_err());
        o.p(format!("[{e1}] [{e2:?}]"));
        let e = rt
            .timeout(MS, boxed(std::future::pending::<()>()))
            .await
            .unwrap_err();
        o.p(format!("[{e}] [{e:?}]"));
        let h = spawn(async { 1 });
        o.p(format!("{h:?}"));
    });
    assert_eq!(
        t,
        "0 [receiving on an empty channel] [Empty]|0 [no available capacity] [\"Full(..)\"]|\
         0 [receiving on a closed channel] [Disconnected]|0 [channel closed] [\"Closed(..)\"]|\
         0 [channel closed] [SendError { .. }]|0 [channel empty] [Empty]|\
         1 [deadline has elapsed] [Elapsed(())]|1 JoinHandle { id: Id(1) }"
    );
}

/// Nearly the limit of tasks (100,000), half with a timer and half waiting on a full
/// channel, runs and shuts down in linear time (a quadratic step would take minutes here).
#[test]
fn a_hundred_thousand_tasks_scale() {
    let started = std::time::Instant::now();
    let p = prog();
    let (t, end) = p.run(|rt, o| async move {
        let (tx, rx) = mpsc::channel::<u32>(1);
        tx.try_send(0).unwrap();
        for i in 0..99_998u32 {
            let (rt, tx) = (rt.clone(), tx.clone());
            spawn(async move {
                if i % 2 == 0 {
                    rt.sleep(u64::from(i % 100) * MS).await;
                } else {
                    let _ = tx.send(i).await; // waits forever: the buffer stays full
                }
            });
        }
        // The receiver outlives every sender: spawned last, it is dropped last at shutdown, so
        // the 50,000 waiting sends are dropped while it is still open.
        let rt1 = rt.clone();
        spawn(async move {
            rt1.sleep(1000 * MS).await;
            drop(rx);
        });
        rt.sleep(200 * MS).await;
        o.p(format!("alive {}", rt.live_tasks()));
    });
    assert_eq!(t, "200 alive 50000");
    assert_eq!(end, Turn::Finished { exit_code: 0 });
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
}

/// A `main` returning `Err` exits with 1 (Rust's `Termination` for `Result`), and its tasks are
/// dropped with the "main returns" Note.
#[test]
fn main_returning_err_exits_1() {
    let p = prog();
    let rt = p.rt.clone();
    p.rt.block_on_exit(Box::pin(async move {
        let rt1 = rt.clone();
        spawn(async move { rt1.sleep(MS).await });
        Ok(1)
    }));
    assert_eq!(p.host.drive(&p.rt), Turn::Finished { exit_code: 1 });
    let notes = p.events.kinds(Kind::Note);
    assert_eq!(notes.len(), 1);
    assert!(notes[0].1.starts_with("When main returns"), "{notes:?}");
}

/// A sleep of `Duration::MAX` does not overflow: it waits "forever" (until the caller gives up).
#[test]
fn an_endless_sleep_does_not_overflow() {
    let p = prog();
    let rt = p.rt.clone();
    p.rt.block_on(Box::pin(async move {
        rt.sleep(u64::MAX).await;
        Ok(())
    }));
    assert!(matches!(p.rt.turn(), Turn::WaitUntil(at) if at > 1_000_000_000_000));
    p.rt.stop();
}

/// Found by the differential run against Tokio: a bounded send takes its permit *before* it asks
/// the coop budget (`Acquire::poll`), so a send that runs out of budget keeps its place and a
/// second sender cannot overtake it.
#[test]
fn a_send_out_of_budget_keeps_its_permit() {
    let t = transcript(|_rt, o| async move {
        let (utx, urx) = mpsc::unbounded_channel::<u32>();
        for i in 0..128 {
            utx.send(i).unwrap();
        }
        for _ in 0..128 {
            urx.recv().await; // spends main's whole budget for this poll
        }
        let (tx, rx) = mpsc::channel::<u32>(1);
        let (tx1, tx2) = (tx.clone(), tx.clone());
        let (o1, o2, o3) = (o.clone(), o.clone(), o.clone());
        join(
            vec![
                boxed(async move {
                    tx1.send(1).await.unwrap();
                    o1.p("a sent");
                }),
                boxed(async move {
                    tx2.send(2).await.unwrap();
                    o2.p("b sent");
                }),
                boxed(async move {
                    for _ in 0..2 {
                        let v = rx.recv().await;
                        o3.p(format!("got {v:?}"));
                    }
                }),
            ],
            false,
        )
        .await;
    });
    assert_eq!(t, "0 a sent|0 got Some(1)|0 b sent|0 got Some(2)");
}

/// The run's counts: polls, spawns, the most tasks alive at once, timers fired.
#[test]
fn stats_count_the_run() {
    let p = prog();
    let (_, end) = p.run(|rt, _o| async move {
        let handles: Vec<_> = (1..=3)
            .map(|i| {
                let rt = rt.clone();
                spawn(async move { rt.sleep(i * MS).await })
            })
            .collect();
        for h in handles {
            h.await.unwrap();
        }
    });
    assert_eq!(end, Turn::Finished { exit_code: 0 });
    let s = p.rt.stats();
    assert_eq!((s.spawned, s.max_live, s.timers_fired), (3, 3, 3));
    // main: first poll, then once per finished task; each task: first poll, then its timer.
    assert_eq!(s.polls, 4 + 6);
}

/// `Limits::max_polls` bounds a run that never ends and never waits on a timer.
#[test]
fn max_polls_stops_an_endless_run() {
    let limits = Limits {
        max_polls: Some(1000),
        ..Limits::default()
    };
    let p = prog_with(limits, 1);
    let (_, end) = p.run(|rt, _o| async move {
        loop {
            rt.yield_now().await;
        }
    });
    assert_eq!(end, Turn::Finished { exit_code: 1 });
    assert_eq!(p.rt.stats().polls, 1001);
    let notes = p.events.kinds(Kind::Note);
    assert_eq!(notes.len(), 1);
    assert!(notes[0].1.contains("after 1000 polls"), "{notes:?}");
}
