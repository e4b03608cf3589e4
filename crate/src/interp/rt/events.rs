//! The runtime's own events (`trace::Kind::Taken` and after): what the page's "runtime" lane and
//! queue panel draw. The scheduler (`sched.rs`), the timers (`time.rs`), the wakers (`task.rs`) and
//! the coop budget (`coop.rs`) call these at the points where Tokio makes each decision; everything
//! about putting a decision into the trace's words lives here.

use super::sched::State;
use super::Rt;
use crate::trace::Kind;
use std::cell::Cell;

/// The task key of `main` (the `block_on` future) in the runtime's events ([`Kind::Taken`]).
pub(crate) const MAIN_KEY: u32 = 0;
/// No task is being polled.
pub(super) const NO_TASK: u32 = u32::MAX;

/// Why wakers fire while no task is polled: the cause [`Kind::Queued`] names.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Waking {
    /// Inside a poll (the task polled is the waker), or outside everything.
    Other,
    /// Firing the timers that are due.
    Timer,
    /// Waking the tasks that yielded (Tokio's `defer` list).
    Yield,
}

thread_local! {
    /// What carries the wake being made ([`via`]): a channel, a lock, a `JoinHandle`.
    static VIA: Cell<&'static str> = const { Cell::new("") };
    /// The text of [`Rt::timer_event`], kept between events.
    static SCRATCH: Cell<String> = const { Cell::new(String::new()) };
}

/// Runs `wake` (which wakes a task) saying what carried the wake, e.g. `via("channel", || w.wake())`:
/// the [`Kind::Queued`] event then reads `task 3 channel`. A helper for the sync primitives.
pub(super) fn via<R>(what: &'static str, wake: impl FnOnce() -> R) -> R {
    let outer = VIA.with(|v| v.replace(what));
    let r = wake();
    VIA.with(|v| v.set(outer));
    r
}

impl Rt {
    /// `prefix`, then the task key being polled in words for [`Kind::Queued`]: its number, or
    /// `outside` between polls (`spawn 3`, `spawn outside`).
    pub(super) fn spawn_text(&self, prefix: &str) -> String {
        let mut s = String::with_capacity(prefix.len() + 10);
        s.push_str(prefix);
        match self.0.polling.get() {
            NO_TASK => s.push_str("outside"),
            key => push_num(&mut s, u64::from(key)),
        }
        s
    }

    /// Reports that task `key` was woken and pushed on the queue now, saying by whom (see
    /// [`Kind::Queued`]) from what the runtime is doing: firing timers, waking yielded tasks, or
    /// polling a task (itself, or another), plus what carried the wake ([`via`]).
    pub(super) fn queued(&self, key: u32) {
        if self.0.state.get() != State::Running || !self.0.events.get() {
            return; // shutting down: dropped futures wake their peers, but nothing runs again
        }
        let text = match (self.0.waking.get(), self.0.polling.get()) {
            (Waking::Timer, _) => "timer",
            (Waking::Yield, _) => "yield",
            (Waking::Other, NO_TASK) => "outside",
            (Waking::Other, p) if p == key => "self",
            (Waking::Other, p) => {
                let text = match VIA.with(Cell::get) {
                    "" => format!("task {p}"),
                    via => format!("task {p} {via}"),
                };
                return self.emit_queued(key, &text);
            }
        };
        self.emit_queued(key, text);
    }

    pub(super) fn emit_queued(&self, key: u32, text: &str) {
        self.event(Kind::Queued, key, text);
    }

    /// Reports one of the runtime's decisions, unless [`Rt::without_events`].
    pub(super) fn event(&self, kind: Kind, key: u32, text: &str) {
        if self.0.events.get() {
            self.0.tracer.runtime(kind, key, text);
        }
    }

    /// No runtime events for this run: a plain `fn main` has no Tokio runtime to show.
    pub fn without_events(&self) {
        self.0.events.set(false);
    }

    /// Program time `deadline_us` on the tracer's clock (the run's µs, as every event's time).
    pub(super) fn on_tracer_clock(&self, deadline_us: u64) -> u64 {
        let delay = self
            .0
            .host
            .real_us(deadline_us.saturating_sub(self.now_us()));
        self.0.tracer.elapsed_us().saturating_add(delay)
    }

    /// Reports a timer armed ([`Kind::Armed`]) or dropped unfired ([`Kind::Disarmed`]) by the task
    /// being polled: `tick` is its deadline in whole ms of program time, `n` its number.
    /// `since_us` is when the wait began (program µs), for [`Kind::Armed`]'s WAIT.
    pub(super) fn timer_event(&self, kind: Kind, tick: u64, n: u64, since_us: u64) {
        if !self.0.events.get() || self.0.state.get() != State::Running {
            return;
        }
        let key = match self.0.polling.get() {
            NO_TASK => MAIN_KEY,
            key => key,
        };
        let deadline_us = tick.saturating_mul(1000);
        let at = self.on_tracer_clock(deadline_us);
        // One text reused for every timer: 10,000 sleeps would allocate 20,000 otherwise.
        let mut text = SCRATCH.with(Cell::take);
        text.clear();
        push_num(&mut text, at);
        text.push(' ');
        push_num(&mut text, n);
        if kind == Kind::Armed {
            text.push(' ');
            push_num(&mut text, deadline_us.saturating_sub(since_us));
        }
        self.event(kind, key, &text);
        SCRATCH.with(|s| s.set(text));
    }

    /// Reports that the task being polled spent its coop budget ([`Kind::Budget`]).
    pub(super) fn budget_spent(&self) {
        let key = self.0.polling.get();
        if key != NO_TASK {
            self.event(Kind::Budget, key, "");
        }
    }
}

/// Appends `n` in decimal: the events of 10,000 timers and tasks cost a `format!` each otherwise,
/// which was most of an event's price (issue 16 §6).
fn push_num(s: &mut String, n: u64) {
    let mut digits = [b'0'; 20];
    let mut k = digits.len();
    let mut n = n;
    for d in digits.iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        n /= 10;
        k -= 1;
        if n == 0 {
            break;
        }
    }
    s.push_str(std::str::from_utf8(digits.get(k..).unwrap_or_default()).unwrap_or_default());
}
