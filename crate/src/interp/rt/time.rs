//! Timers: `tokio::time::{sleep, sleep_until, timeout, interval}`.
//!
//! Tokio's timer wheel counts whole milliseconds since the runtime started (`TimeSource`): a
//! deadline is rounded *up* to its millisecond tick (`deadline_to_tick` adds 999,999 ns), and a
//! timer fires when the driver processes a tick at or past it. A `Sleep` registers with the wheel
//! at its first poll (`Sleep::poll_elapsed`), not when it is created; a deadline already processed
//! by then fires at once (`Wheel::insert` answers `Elapsed`), so `sleep(Duration::ZERO)` is ready
//! at its first poll without yielding.

use super::sched::Inner;
use super::{coop, BoxFut, Rt};
use crate::trace::Kind;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{ready, Context, Poll, Waker};

/// One registered timer.
#[derive(Default)]
pub(super) struct Entry {
    fired: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

/// The wheel: registered timers ordered by (tick, registration order).
#[derive(Default)]
pub(super) struct Timers {
    map: BTreeMap<(u64, u64), Rc<Entry>>,
    seq: u64,
    /// The last tick processed (`Wheel::elapsed`).
    elapsed: u64,
}

impl Timers {
    /// Registers a timer for `tick`; `None` if that tick was already processed (fire at once).
    fn register(&mut self, tick: u64) -> Option<((u64, u64), Rc<Entry>)> {
        if tick <= self.elapsed {
            return None;
        }
        self.seq += 1;
        let key = (tick, self.seq);
        let entry = Rc::new(Entry::default());
        self.map.insert(key, entry.clone());
        Some((key, entry))
    }

    fn deregister(&mut self, key: (u64, u64)) {
        self.map.remove(&key);
    }

    /// The earliest registered tick.
    pub(super) fn next_tick(&self) -> Option<u64> {
        self.map.keys().next().map(|k| k.0)
    }

    /// Fires every timer due at `now`, in order, and returns their wakers (to wake with nothing
    /// borrowed).
    pub(super) fn take_due(&mut self, now: u64) -> Vec<Waker> {
        let mut wakers = Vec::new();
        while let Some(entry) = self.map.first_entry() {
            if entry.key().0 > now {
                break;
            }
            let e = entry.remove();
            e.fired.set(true);
            let waker = e.waker.borrow_mut().take();
            wakers.extend(waker);
        }
        self.elapsed = self.elapsed.max(now);
        wakers
    }

    pub(super) fn clear(&mut self) {
        self.map.clear();
    }
}

/// `deadline_to_tick`: µs since start → the millisecond tick it falls in, rounded up.
fn tick_of(deadline_us: u64) -> u64 {
    deadline_us.div_ceil(1000)
}

/// `tokio::time::Sleep`: ready once program time reaches its deadline. Dropping it cancels the timer.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Sleep {
    rt: Weak<Inner>,
    deadline_us: u64,
    /// When the wait began (µs of program time): `sleep(d)` was called, or an `Interval`'s previous
    /// tick. Only for the runtime's events, which say how long the task waits ([`Kind::Armed`]).
    since_us: u64,
    state: SleepState,
}

enum SleepState {
    /// Not registered yet (never polled, or `reset` by an `Interval`).
    Idle,
    Registered((u64, u64), Rc<Entry>),
    Elapsed,
}

impl Sleep {
    /// The deadline, µs of program time.
    pub fn deadline_us(&self) -> u64 {
        self.deadline_us
    }

    /// `Sleep::is_elapsed`.
    pub fn is_elapsed(&self) -> bool {
        match &self.state {
            SleepState::Elapsed => true,
            SleepState::Registered(_, e) => e.fired.get(),
            SleepState::Idle => false,
        }
    }

    /// `Sleep::reset`: a new deadline, registered with the wheel at once (not at the next poll).
    pub fn reset(&mut self, deadline_us: u64) {
        if let Some(rt) = self.rt.upgrade() {
            self.since_us = Rt(rt).now_us();
        }
        self.deregister();
        self.deadline_us = deadline_us;
        self.register();
    }

    /// `reset_without_timer` (what `Interval` does): the new deadline registers at the next poll.
    fn reset_lazy(&mut self, deadline_us: u64) {
        self.since_us = self.deadline_us;
        self.deregister();
        self.deadline_us = deadline_us;
    }

    fn register(&mut self) {
        let Some(rt) = self.rt.upgrade() else {
            return; // the runtime is gone: never fires, like a task dropped at shutdown
        };
        let registered = rt.timers.borrow_mut().register(tick_of(self.deadline_us));
        self.state = match registered {
            Some((key, entry)) => {
                Rt(rt).timer_event(Kind::Armed, key.0, key.1, self.since_us);
                SleepState::Registered(key, entry)
            }
            None => SleepState::Elapsed,
        };
    }

    fn deregister(&mut self) {
        if let SleepState::Registered(key, entry) =
            std::mem::replace(&mut self.state, SleepState::Idle)
        {
            if !entry.fired.get() {
                if let Some(rt) = self.rt.upgrade() {
                    if let Ok(mut timers) = rt.timers.try_borrow_mut() {
                        timers.deregister(key);
                        Rt(rt.clone()).timer_event(Kind::Disarmed, key.0, key.1, 0);
                    }
                }
            }
        }
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        ready!(coop::poll_proceed(cx));
        if let SleepState::Idle = self.state {
            self.register();
        }
        match &self.state {
            SleepState::Elapsed => {}
            SleepState::Registered(_, e) if e.fired.get() => {}
            SleepState::Registered(_, e) => {
                *e.waker.borrow_mut() = Some(cx.waker().clone());
                return Poll::Pending;
            }
            SleepState::Idle => return Poll::Pending, // no runtime: never
        }
        coop::made_progress();
        Poll::Ready(())
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        self.deregister();
    }
}

impl fmt::Debug for Sleep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sleep {{ deadline_us: {} }}", self.deadline_us)
    }
}

/// `tokio::time::error::Elapsed`, printed as Tokio prints it.
///
/// ```
/// use async_playground::interp::rt::Elapsed;
/// assert_eq!(Elapsed.to_string(), "deadline has elapsed");
/// assert_eq!(format!("{Elapsed:?}"), "Elapsed(())");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Elapsed;

impl fmt::Display for Elapsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("deadline has elapsed")
    }
}

impl fmt::Debug for Elapsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Elapsed(())")
    }
}

impl std::error::Error for Elapsed {}

/// `tokio::time::Timeout`: the inner future's output, or [`Elapsed`] if the deadline came first.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Timeout<T> {
    value: BoxFut<T>,
    delay: Sleep,
}

impl<T> Future for Timeout<T> {
    type Output = Result<T, Elapsed>;

    // `tokio/src/time/timeout.rs`: the inner future is polled first, so a value ready at the deadline
    // wins; if polling it used up the coop budget, the delay is still polled, unconstrained.
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let had_budget_before = coop::has_budget();
        if let Poll::Ready(v) = self.value.as_mut().poll(cx) {
            return Poll::Ready(Ok(v));
        }
        let has_budget_now = coop::has_budget();
        let delay = Pin::new(&mut self.delay);
        let poll_delay = |cx: &mut Context<'_>| delay.poll(cx).map(|()| Err(Elapsed));
        if had_budget_before && !has_budget_now {
            coop::unconstrained(|| poll_delay(cx))
        } else {
            poll_delay(cx)
        }
    }
}

/// `tokio::time::Interval`. Cheap to clone: the evaluator's value and the [`Tick`] future share it.
#[derive(Clone)]
pub struct Interval(Rc<RefCell<IntervalState>>);

struct IntervalState {
    delay: Sleep,
    period_us: u64,
    missed: MissedTickBehavior,
}

/// `tokio::time::MissedTickBehavior`: what a tick more than 5 ms late does to the next deadline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MissedTickBehavior {
    /// Keep the schedule: the missed ticks fire at once, one after the other (the default).
    #[default]
    Burst,
    /// Start the schedule again one period after now.
    Delay,
    /// Keep the schedule's phase, skipping the ticks that were missed.
    Skip,
}

impl MissedTickBehavior {
    // `MissedTickBehavior::next_timeout` (`tokio/src/time/interval.rs`).
    fn next_timeout(self, timeout: u64, now: u64, period: u64) -> u64 {
        match self {
            MissedTickBehavior::Burst => timeout + period,
            MissedTickBehavior::Delay => now + period,
            MissedTickBehavior::Skip => now + (period - (now - timeout) % period),
        }
    }
}

impl Interval {
    /// `Interval::tick()`: resolves to the tick's deadline (µs of program time).
    pub fn tick(&self) -> Tick {
        Tick(self.0.clone())
    }

    /// The period, µs.
    pub fn period_us(&self) -> u64 {
        self.0.borrow().period_us
    }

    /// `reset_at(deadline)` (and `reset`, `reset_immediately`, `reset_after`, which compute it):
    /// the next tick is at `deadline_us`.
    pub fn reset_at(&self, deadline_us: u64) {
        self.0.borrow_mut().delay.reset(deadline_us);
    }

    /// `set_missed_tick_behavior`.
    pub fn set_missed_tick_behavior(&self, b: MissedTickBehavior) {
        self.0.borrow_mut().missed = b;
    }

    /// `missed_tick_behavior`.
    pub fn missed_tick_behavior(&self) -> MissedTickBehavior {
        self.0.borrow().missed
    }
}

/// The future of [`Interval::tick`].
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Tick(Rc<RefCell<IntervalState>>);

impl Future for Tick {
    type Output = u64;

    // `Interval::poll_tick` (`tokio/src/time/interval.rs`): wait for the delay, then set the next
    // deadline one period after this one, unless the tick is more than 5 ms late: then the
    // `MissedTickBehavior` decides.
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        let mut state = self.0.borrow_mut();
        ready!(Pin::new(&mut state.delay).poll(cx));
        let timeout = state.delay.deadline_us;
        let now = state.delay.rt.upgrade().map(|rt| Rt(rt).now_us());
        let next = match now {
            Some(now) if now > timeout + 5_000 => {
                state.missed.next_timeout(timeout, now, state.period_us)
            }
            _ => timeout.saturating_add(state.period_us),
        };
        state.delay.reset_lazy(next);
        Poll::Ready(timeout)
    }
}

impl Rt {
    /// `tokio::time::sleep(d)`: the deadline is set now; the timer registers at the first poll.
    pub fn sleep(&self, d_us: u64) -> Sleep {
        self.sleep_until(self.now_us().saturating_add(d_us))
    }

    /// `tokio::time::sleep_until(deadline)`, µs of program time.
    pub fn sleep_until(&self, deadline_us: u64) -> Sleep {
        Sleep {
            rt: Rc::downgrade(&self.0),
            deadline_us,
            since_us: self.now_us(),
            state: SleepState::Idle,
        }
    }

    /// `tokio::time::timeout(d, f)`.
    pub fn timeout<T>(&self, d_us: u64, f: BoxFut<T>) -> Timeout<T> {
        Timeout {
            value: f,
            delay: self.sleep(d_us),
        }
    }

    /// `tokio::time::interval_at(start, period)`. `period_us` must be non-zero (Tokio panics with
    /// "`period` must be non-zero."; the evaluator reports that).
    pub fn interval_at(&self, start_us: u64, period_us: u64) -> Interval {
        Interval(Rc::new(RefCell::new(IntervalState {
            delay: self.sleep_until(start_us),
            period_us,
            missed: MissedTickBehavior::Burst,
        })))
    }

    /// `tokio::time::interval(period)`: the first tick completes at once.
    pub fn interval(&self, period_us: u64) -> Interval {
        self.interval_at(self.now_us(), period_us)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use std::task::Wake;

    /// A waker that writes its number to a shared log.
    struct Flag(u32, Arc<Mutex<Vec<u32>>>);

    impl Wake for Flag {
        fn wake(self: Arc<Self>) {
            self.1.lock().unwrap().push(self.0);
        }
    }

    #[test]
    fn deadlines_round_up_to_the_millisecond() {
        assert_eq!(tick_of(0), 0);
        assert_eq!(tick_of(1), 1);
        assert_eq!(tick_of(1000), 1);
        assert_eq!(tick_of(1500), 2);
    }

    #[test]
    fn due_timers_fire_by_deadline_then_registration() {
        let mut timers = Timers::default();
        let log = Arc::new(Mutex::new(Vec::new()));
        for (n, tick) in [(1, 30), (2, 10), (3, 30), (4, 20), (5, 40)] {
            let (_, entry) = timers.register(tick).unwrap();
            *entry.waker.borrow_mut() = Some(Waker::from(Arc::new(Flag(n, log.clone()))));
        }
        for w in timers.take_due(30) {
            w.wake();
        }
        assert_eq!(*log.lock().unwrap(), [2, 4, 1, 3]);
        assert_eq!(timers.next_tick(), Some(40));
        // A tick already processed is not registered: it fires at once.
        assert!(timers.register(30).is_none());
        assert!(timers.register(31).is_some());
    }
}
