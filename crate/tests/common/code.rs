//! "Your code" on a real event loop (feature `interp`): the lesson's own Tokio programs, taken from
//! `lesson/async-and-await.md` itself, interpreted through the same glue as the page
//! (`run_code_on_event_loop`: `Session::turn` driven by `MessageChannel` and `setTimeout`).

use super::{within, Rec, Recorder};
use async_playground::interp::{self, Level};
use async_playground::trace::{Kind, Tracer};
use async_playground::{browser_clock, run_code_on_event_loop};
use futures::channel::oneshot;

/// The lesson's ```rust blocks, verbatim.
fn lesson_block(needle: &str) -> &'static str {
    const LESSON: &str = include_str!("../../../lesson/async-and-await.md");
    LESSON
        .split("```rust\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .find(|b| b.contains(needle))
        .unwrap_or_else(|| panic!("no lesson block contains {needle:?}"))
}

/// Ten times as fast as Tokio: the lesson's 3 s take 300 ms.
const SPEED: u32 = 10_000;

/// Interprets `source` to its end at [`SPEED`]; times in the result are program ms (real × 10).
async fn run(source: &str) -> Vec<Rec> {
    let rec = Recorder::default();
    let (tx, rx) = oneshot::channel();
    *rec.over.borrow_mut() = Some(tx);
    let handle =
        run_code_on_event_loop(source, SPEED, 1, Tracer::new(browser_clock(), rec.clone()))
            .unwrap_or_else(|d| {
                panic!(
                    "refused: {:?}",
                    d.iter().map(|d| d.render(source)).collect::<Vec<_>>()
                )
            });
    rx.await.unwrap();
    assert!(handle.over());
    let log = rec.log.borrow().clone();
    // Program time starts with main's first poll: the tracer's clock also counts the parsing, which in
    // this unoptimised test build takes a noticeable while.
    let start = log
        .iter()
        .find(|r| r.kind == Kind::Poll)
        .map_or(0, |r| r.t_ms);
    log.into_iter()
        .map(|r| Rec {
            t_ms: r.t_ms.saturating_sub(start) * u64::from(SPEED) / 1000,
            ..r
        })
        .collect()
}

fn lines(log: &[Rec]) -> Vec<(u64, &str)> {
    log.iter()
        .filter(|r| r.kind == Kind::Line)
        .map(|r| (r.t_ms, r.text.as_str()))
        .collect()
}

/// Checks each line's text and (program) time, with the lessons' slack scaled by the speed.
fn expect(log: &[Rec], want: &[(u64, &str)]) {
    let got = lines(log);
    let texts: Vec<&str> = got.iter().map(|l| l.1).collect();
    let wanted: Vec<&str> = want.iter().map(|l| l.1).collect();
    assert_eq!(texts, wanted);
    for ((t, text), (planned, _)) in got.iter().zip(want) {
        // within() allows LATE_MS of real lateness; at 10× that is 10 × as much program time.
        assert!(
            within(*t / 10, *planned / 10),
            "{text:?} at {t} ms, planned {planned} ms"
        );
    }
}

pub async fn code_lazy_block_prints_nothing_and_warns() {
    let source = lesson_block("fn my_async_task");
    let warnings = interp::check(source);
    assert!(
        warnings.iter().any(|d| matches!(d.level, Level::Warning)
            && d.message.contains("unused variable: `future`")),
        "{:?}",
        warnings
            .iter()
            .map(|d| d.render(source))
            .collect::<Vec<_>>()
    );
    let log = run(source).await;
    expect(&log, &[]);
}

pub async fn code_sleep_block() {
    let log = run(lesson_block("Start of program.")).await;
    expect(
        &log,
        &[
            (0, "Start of program."),
            (2000, "End of program after waiting."),
        ],
    );
}

pub async fn code_join_block() {
    let log = run(lesson_block("join!(fetch_user_data()")).await;
    expect(
        &log,
        &[
            (0, "Fetching data concurrently..."),
            (1000, "Product data fetched after 1s."),
            (3000, "User data fetched after 3s."),
            (3000, "Total execution time is ~3s, not 4s."),
            (3000, "Result 1: User"),
            (3000, "Result 2: Product"),
        ],
    );
    // Each fetch is a traced future named after its function.
    for name in ["fetch_user_data", "fetch_product_data"] {
        assert!(
            log.iter()
                .any(|r| r.kind == Kind::Created && r.text == name),
            "{name} not traced"
        );
    }
}

pub async fn code_no_await_block_never_prints_my_task() {
    let source = lesson_block("async fn my_task");
    assert!(interp::check(source).iter().any(|d| d
        .message
        .contains("unused implementer of `Future` that must be used")));
    let log = run(source).await;
    expect(&log, &[(0, "Starting program."), (0, "Finished program.")]);
    let id = log
        .iter()
        .find(|r| r.kind == Kind::Created && r.text == "my_task")
        .expect("my_task traced")
        .future;
    assert!(log
        .iter()
        .any(|r| r.future == id && r.kind == Kind::DroppedNeverPolled));
}

pub async fn code_stop_drops_everything_and_no_line_follows() {
    let rec = Recorder::default();
    let source = lesson_block("join!(fetch_user_data()");
    let Ok(handle) =
        run_code_on_event_loop(source, SPEED, 1, Tracer::new(browser_clock(), rec.clone()))
    else {
        panic!("the join block was refused");
    };
    gloo_timers::future::TimeoutFuture::new(20).await;
    handle.stop();
    assert!(handle.over());
    gloo_timers::future::TimeoutFuture::new(400).await;
    let log = rec.log.borrow();
    let texts: Vec<&str> = log
        .iter()
        .filter(|r| r.kind == Kind::Line)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(texts, vec!["Fetching data concurrently..."]);
    assert!(log.iter().any(|r| r.kind == Kind::Stopped));
}

/// Every "Your code" check, for `web.rs` and `node.rs`.
#[macro_export]
macro_rules! all_code_tests {
    () => {
        code_tests!(
            code_lazy_block_prints_nothing_and_warns,
            code_sleep_block,
            code_join_block,
            code_no_await_block_never_prints_my_task,
            code_stop_drops_everything_and_no_line_follows,
        );
    };
}

/// Declares one `#[wasm_bindgen_test]` per check.
#[macro_export]
macro_rules! code_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            async fn $name() {
                common::code::$name().await
            }
        )*
    };
}
