//! Every lesson on a real event loop (browser or Node), shared by `web.rs` and `node.rs`.
//! Durations are shortened (via `speed` or short fetches) so the suite takes seconds. Lower bounds
//! on times are strict (a timer never fires early); upper bounds are generous, because these
//! machines are shared and noisy.

use async_playground::clock::Speed;
use async_playground::lessons::Plan;
use async_playground::run_on_event_loop;
use async_playground::trace::{Event, Kind, Sink};
use futures::channel::oneshot;
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[cfg(feature = "interp")]
pub mod code;

/// Slack allowed after a planned time, in ms.
pub const LATE_MS: u64 = 400;

#[derive(Clone, Debug)]
pub struct Rec {
    pub t_ms: u64,
    pub kind: Kind,
    pub future: u32,
    pub text: String,
}

#[derive(Clone, Default)]
struct Recorder {
    log: Rc<RefCell<Vec<Rec>>>,
    over: Rc<RefCell<Option<oneshot::Sender<()>>>>,
}

impl Sink for Recorder {
    fn event(&self, e: &Event<'_>) {
        self.log.borrow_mut().push(Rec {
            t_ms: e.t_us / 1000,
            kind: e.kind,
            future: e.future,
            text: e.text.to_string(),
        });
        if matches!(e.kind, Kind::Done | Kind::Stopped) {
            if let Some(tx) = self.over.borrow_mut().take() {
                let _ = tx.send(());
            }
        }
    }
}

pub struct Outcome {
    pub log: Vec<Rec>,
}

impl Outcome {
    pub fn lines(&self) -> Vec<&str> {
        self.log
            .iter()
            .filter(|r| r.kind == Kind::Line)
            .map(|r| r.text.as_str())
            .collect()
    }
    pub fn at(&self, text: &str) -> u64 {
        self.log
            .iter()
            .find(|r| r.kind == Kind::Line && r.text == text)
            .unwrap_or_else(|| panic!("no line {text:?} in {:?}", self.lines()))
            .t_ms
    }
    pub fn id_of(&self, name: &str) -> u32 {
        self.log
            .iter()
            .find(|r| r.kind == Kind::Created && r.text == name)
            .unwrap()
            .future
    }
    pub fn kinds_of(&self, name: &str) -> Vec<Kind> {
        let id = self.id_of(name);
        self.log
            .iter()
            .filter(|r| r.future == id && r.kind != Kind::Line && !r.kind.is_runtime())
            .map(|r| r.kind)
            .collect()
    }
    pub fn end_of(&self, name: &str) -> (Kind, u64) {
        let id = self.id_of(name);
        let r = self
            .log
            .iter()
            .rev()
            .find(|r| r.future == id && r.kind != Kind::Line)
            .unwrap();
        (r.kind, r.t_ms)
    }
}

/// Declares one `#[wasm_bindgen_test]` per lesson check below; `all_lesson_tests!()` holds the one list
/// that `web.rs` and `node.rs` both run.
#[macro_export]
macro_rules! lesson_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            async fn $name() {
                common::$name().await
            }
        )*
    };
}

/// Every lesson check, for `web.rs` (browser) and `node.rs` (Node).
#[macro_export]
macro_rules! all_lesson_tests {
    () => {
        lesson_tests!(
            lazy_call_never_runs_the_body,
            lazy_await_runs_it,
            sleep_waits_without_blocking,
            join_takes_the_longest_not_the_sum,
            the_lessons_own_words_at_default_durations,
            sequential_adds_up,
            select_drops_the_loser_and_it_never_prints,
            no_await_never_runs_my_task,
            spawn_local_runs_my_task,
            blocking_delays_the_timer_and_sleeping_does_not,
            stop_cancels_every_timer_and_no_line_follows,
            restarting_1000_times_leaves_no_timer,
            a_thousand_tasks_finish_in_about_one_sleep,
            compiled_lessons_print_what_tokio_printed,
        );
    };
}

pub fn within(t: u64, planned: u64) -> bool {
    t + 2 >= planned && t <= planned + LATE_MS
}

/// Runs `variant` to its end, then waits `linger_ms` more so that a line that should never come
/// would have had time to.
pub async fn run(variant: &str, user: u32, product: u32, speed: u32, linger_ms: u32) -> Outcome {
    let rec = Recorder::default();
    let (tx, rx) = oneshot::channel();
    *rec.over.borrow_mut() = Some(tx);
    let run =
        run_on_event_loop(variant, Plan::new(user, product, Speed(speed)), rec.clone()).unwrap();
    rx.await.unwrap();
    assert!(run.is_over());
    TimeoutFuture::new(linger_ms).await;
    let log = rec.log.borrow().clone();
    Outcome { log }
}

#[wasm_bindgen(inline_js = "
export function install_timer_count() {
  if (globalThis.__apTimers) return;
  const live = new Set();
  const set = globalThis.setTimeout, clear = globalThis.clearTimeout;
  globalThis.setTimeout = function (f, ms, ...a) {
    const id = set(function () { live.delete(key(id)); return f.apply(this, arguments); }, ms, ...a);
    live.add(key(id));
    return id;
  };
  globalThis.clearTimeout = function (id) { live.delete(key(id)); return clear(id); };
  function key(id) { return typeof id === 'object' && id !== null ? id[Symbol.toPrimitive] ? Number(id) : id : id; }
  globalThis.__apTimers = live;
}
export function live_timers() { return globalThis.__apTimers.size; }
")]
extern "C" {
    /// Wraps the global setTimeout/clearTimeout to count timers still pending.
    pub fn install_timer_count();
    /// Timers set and neither fired nor cleared.
    pub fn live_timers() -> u32;
}

use Kind::*;

pub async fn lazy_call_never_runs_the_body() {
    let o = run("lazy/call", 0, 0, 1000, 50).await;
    assert_eq!(
        o.lines(),
        vec![
            "Called my_async_task(): got a Future, nothing ran.",
            "Dropped the Future without awaiting it."
        ]
    );
    assert_eq!(
        o.kinds_of("my_async_task"),
        vec![Created, DroppedNeverPolled]
    );
}

pub async fn lazy_await_runs_it() {
    let o = run("lazy/await", 0, 0, 1000, 0).await;
    assert_eq!(
        o.lines(),
        vec!["my_async_task is running.", "Task finished"]
    );
    assert_eq!(
        o.kinds_of("my_async_task"),
        vec![Created, Poll, Ready, Dropped]
    );
}

pub async fn sleep_waits_without_blocking() {
    // 2 s at 10× = 200 ms.
    let o = run("sleep/run", 0, 0, 10_000, 0).await;
    assert_eq!(
        o.lines(),
        vec!["Start of program.", "End of program after waiting."]
    );
    assert!(o.at("Start of program.") < 50);
    let end = o.at("End of program after waiting.");
    assert!(within(end, 200), "ended at {end} ms, planned 200");
    assert_eq!(
        o.kinds_of("main"),
        vec![Created, Poll, Pending, Woken, Poll, Ready, Dropped]
    );
}

pub async fn join_takes_the_longest_not_the_sum() {
    let o = run("join/join", 300, 100, 1000, 0).await;
    assert_eq!(
        o.lines(),
        vec![
            "Fetching data concurrently...",
            "Product data fetched after 0.1s.",
            "User data fetched after 0.3s.",
            "Total execution time is ~0.3s, not 0.4s.",
            "Result 1: User",
            "Result 2: Product",
        ]
    );
    assert!(within(o.at("Product data fetched after 0.1s."), 100));
    let user = o.at("User data fetched after 0.3s.");
    assert!(
        within(user, 300),
        "user at {user} ms, planned 300 (sequential would be 400)"
    );
    assert!(user < 390);
}

pub async fn the_lessons_own_words_at_default_durations() {
    // 3 s / 1 s at 10×: the tutorial's exact lines, at 300 / 100 ms.
    let o = run("join/join", 3000, 1000, 10_000, 0).await;
    assert_eq!(
        o.lines()[1..4],
        [
            "Product data fetched after 1s.",
            "User data fetched after 3s.",
            "Total execution time is ~3s, not 4s."
        ]
    );
}

pub async fn sequential_adds_up() {
    let o = run("join/sequential", 300, 100, 1000, 0).await;
    assert!(within(o.at("User data fetched after 0.3s."), 300));
    let product = o.at("Product data fetched after 0.1s.");
    assert!(within(product, 400), "product at {product} ms, planned 400");
    let (_, user_end) = o.end_of("fetch_user_data");
    let product_created = o
        .log
        .iter()
        .find(|r| r.kind == Created && r.text == "fetch_product_data")
        .unwrap()
        .t_ms;
    assert!(
        product_created >= user_end,
        "back to back: product created after user ended"
    );
}

pub async fn select_drops_the_loser_and_it_never_prints() {
    install_timer_count();
    let before = live_timers();
    let o = run("select/select", 300, 100, 1000, 400).await;
    assert_eq!(
        o.lines(),
        vec![
            "Racing the two fetches with select!...",
            "Product data fetched after 0.1s.",
            "select! is done: the Product branch won; the other fetch was dropped.",
        ]
    );
    let (kind, t) = o.end_of("fetch_user_data");
    assert_eq!(kind, DroppedPending);
    assert!(
        within(t, 100),
        "the loser is dropped when the winner finishes ({t} ms)"
    );
    assert_eq!(
        live_timers(),
        before,
        "the loser's timer was cleared, not left to fire"
    );
}

pub async fn no_await_never_runs_my_task() {
    let o = run("no-await/call", 0, 0, 10_000, 250).await;
    assert_eq!(o.lines(), vec!["Starting program.", "Finished program."]);
    assert!(o.at("Finished program.") < 50);
    assert_eq!(o.kinds_of("my_task"), vec![Created, DroppedNeverPolled]);
}

pub async fn spawn_local_runs_my_task() {
    let o = run("no-await/spawn", 0, 0, 10_000, 0).await;
    assert_eq!(
        o.lines(),
        vec![
            "Starting program.",
            "Finished program.",
            "This line will never be printed."
        ]
    );
    let t = o.at("This line will never be printed.");
    assert!(
        within(t, 100),
        "my_task printed at {t} ms, planned 100 (1 s at 10×)"
    );
    assert_eq!(o.end_of("main").0, Dropped);
    assert_eq!(o.end_of("my_task").0, Dropped);
}

pub async fn blocking_delays_the_timer_and_sleeping_does_not() {
    let o = run("blocking/blocking", 0, 0, 10_000, 0).await;
    let late: u64 = timer_late(&o);
    assert!(
        late >= 90,
        "the 100 ms timer fired only after the 200 ms busy loop: {late} ms late"
    );
    let o = run("blocking/sleep", 0, 0, 10_000, 0).await;
    let late = timer_late(&o);
    assert!(
        late < 90,
        "with sleep().await the timer fires on time: {late} ms late"
    );
}

fn timer_late(o: &Outcome) -> u64 {
    let line = o
        .lines()
        .into_iter()
        .find(|l| l.starts_with("Timer fired"))
        .unwrap()
        .to_string();
    line.trim_start_matches("Timer fired ")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub async fn stop_cancels_every_timer_and_no_line_follows() {
    install_timer_count();
    let before = live_timers();
    let rec = Recorder::default();
    let run = run_on_event_loop(
        "join/join",
        Plan::new(300, 100, Speed::REAL_TIME),
        rec.clone(),
    )
    .unwrap();
    TimeoutFuture::new(20).await;
    assert!(live_timers() >= before + 2, "both fetches' timers are set");
    run.stop();
    assert_eq!(live_timers(), before, "Stop cleared both timers");
    let n = rec.log.borrow().len();
    TimeoutFuture::new(400).await;
    assert_eq!(rec.log.borrow().len(), n, "nothing happened after Stop");
    let log = rec.log.borrow();
    assert_eq!(log.last().unwrap().kind, Stopped);
    assert_eq!(
        log.iter().filter(|r| r.kind == DroppedPending).count(),
        3,
        "main and both fetches"
    );
}

pub async fn restarting_1000_times_leaves_no_timer() {
    install_timer_count();
    let before = live_timers();
    for _ in 0..1000 {
        let run = run_on_event_loop(
            "join/join",
            Plan::new(300, 100, Speed::REAL_TIME),
            Recorder::default(),
        )
        .unwrap();
        TimeoutFuture::new(0).await; // let it start its timers
        run.stop();
    }
    assert_eq!(live_timers(), before);
}

pub async fn a_thousand_tasks_finish_in_about_one_sleep() {
    // 1,000 tasks of 1 s at 10× = 100 ms each, all at once.
    let o = run("many/1000", 0, 0, 10_000, 0).await;
    let done = o.at("All 1000 tasks finished: about one sleep's time, not 1000 sleeps.");
    assert!(
        within(done, 100),
        "all done at {done} ms, one sleep is 100 ms"
    );
    let created = o
        .log
        .iter()
        .filter(|r| r.kind == Created && r.text == "sleep_task")
        .count();
    let finished = o.log.iter().filter(|r| r.kind == Dropped).count();
    assert_eq!(created, 1000);
    assert_eq!(finished, 1001, "every task and main ended normally");
}

/// Real Tokio's transcripts of the lessons' programs (recorded by `npm run oracle`), by program name.
/// Which lesson variant is compared with which program, the tolerances, and every listed difference
/// come from `tests/programs/differences.json`, the one place for them.
const TOKIO_TRANSCRIPTS: [(&str, &str); 8] = [
    (
        "lesson_1",
        include_str!("../../../tests/programs/lesson_1.tokio.json"),
    ),
    (
        "lesson_2",
        include_str!("../../../tests/programs/lesson_2.tokio.json"),
    ),
    (
        "lesson_3",
        include_str!("../../../tests/programs/lesson_3.tokio.json"),
    ),
    (
        "lesson_4",
        include_str!("../../../tests/programs/lesson_4.tokio.json"),
    ),
    (
        "lazy_await",
        include_str!("../../../tests/programs/lazy_await.tokio.json"),
    ),
    (
        "join_sequential",
        include_str!("../../../tests/programs/join_sequential.tokio.json"),
    ),
    (
        "select_race",
        include_str!("../../../tests/programs/select_race.tokio.json"),
    ),
    (
        "no_await_spawn",
        include_str!("../../../tests/programs/no_await_spawn.tokio.json"),
    ),
];
const DIFFERENCES: &str = include_str!("../../../tests/programs/differences.json");

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("valid JSON")
}
fn field(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}
fn items(v: &JsValue) -> Vec<JsValue> {
    js_sys::Array::from(v).iter().collect()
}
fn text_of(v: &JsValue) -> String {
    v.as_string().expect("a string")
}
fn num(v: &JsValue) -> f64 {
    v.as_f64().expect("a number")
}

/// Every stdout line of the tutorial's programs under real Tokio appears in the compiled lesson's
/// run, in the same order, at the same time (lesson time, run at 1×) within differences.json's
/// tolerance; any other line either way must be listed there with its reason.
pub async fn compiled_lessons_print_what_tokio_printed() {
    let diffs = json(DIFFERENCES);
    let tol = field(&diffs, "tolerance");
    let early = num(&field(&tol, "compiled_early_ms"));
    let late = num(&field(&tol, "compiled_late_ms"));
    let mut failures = Vec::new();
    for lesson in items(&field(&diffs, "lessons")) {
        let variant = text_of(&field(&lesson, "variant"));
        let program = text_of(&field(&lesson, "program"));
        let transcript = TOKIO_TRANSCRIPTS
            .iter()
            .find(|(name, _)| *name == program)
            .unwrap_or_else(|| panic!("add {program}.tokio.json to TOKIO_TRANSCRIPTS"))
            .1;
        let listed = items(&field(&diffs, "differences"))
            .into_iter()
            .find(|d| field(d, "variant").as_string().as_deref() == Some(variant.as_str()));
        let list = |key: &str| -> Vec<String> {
            listed
                .as_ref()
                .map(|d| {
                    let v = field(d, key);
                    if v.is_undefined() {
                        Vec::new()
                    } else {
                        items(&v).iter().map(text_of).collect()
                    }
                })
                .unwrap_or_default()
        };
        let (extra, missing) = (list("extra"), list("missing"));
        let tokio: Vec<(String, f64)> = items(&field(&json(transcript), "lines"))
            .iter()
            .filter(|l| text_of(&field(l, "stream")) == "stdout")
            .map(|l| (text_of(&field(l, "text")), num(&field(l, "t_ms"))))
            .collect();
        let user = num(&field(&lesson, "user")) as u32;
        let product = num(&field(&lesson, "product")) as u32;
        let o = run(&variant, user, product, Speed::REAL_TIME.0, 100).await;
        let compiled: Vec<(&str, f64)> = o
            .log
            .iter()
            .filter(|r| r.kind == Kind::Line)
            .map(|r| (r.text.as_str(), r.t_ms as f64))
            .collect();
        // Walk both in order: each Tokio line is matched by the next compiled line with its text.
        let mut next = 0;
        for (text, t) in &tokio {
            match compiled[next..].iter().position(|(c, _)| c == text) {
                Some(k) => {
                    for (skipped, _) in &compiled[next..next + k] {
                        if !extra.iter().any(|e| e == skipped) {
                            failures.push(format!("{variant}: printed {skipped:?}, which Tokio did not ({program}.rs)"));
                        }
                    }
                    let tc = compiled[next + k].1;
                    if tc + early < *t || tc > t + late {
                        failures.push(format!("{variant}: {text:?} at {tc} ms; Tokio printed it at {t} ms"));
                    }
                    next += k + 1;
                }
                None if missing.contains(text) => {}
                None => failures.push(format!(
                    "{variant}: never printed {text:?} (in that order), which Tokio printed at {t} ms"
                )),
            }
        }
        for (rest, _) in &compiled[next..] {
            if !extra.iter().any(|e| e == rest) {
                failures.push(format!(
                    "{variant}: printed {rest:?}, which Tokio did not ({program}.rs)"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "the compiled lessons differ from real Tokio:\n{}",
        failures.join("\n")
    );
}
