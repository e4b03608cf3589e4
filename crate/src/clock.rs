//! The time source and the speed control. Browser-free.
//!
//! Every timestamp in a run is *measured*: in the page the clock reads `performance.now()`, in native
//! tests it is a [`VirtualClock`] that the test moves by hand. Time is kept as integer microseconds,
//! because formatting floats in wasm costs kilobytes and µs are exact enough for a lesson about seconds.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A monotonic time source, in microseconds since an arbitrary origin.
///
/// It is `Send + Sync` because wakers must be (see `trace.rs`): a waker records the time it fired.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> u64 + Send + Sync>);

impl Clock {
    /// A clock that reads `now` each time it is asked.
    pub fn new(now: impl Fn() -> u64 + Send + Sync + 'static) -> Self {
        Clock(Arc::new(now))
    }

    /// The current time in µs.
    pub fn now_us(&self) -> u64 {
        (self.0)()
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Clock")
    }
}

/// A clock for tests: it only moves when told to.
///
/// ```
/// use async_playground::clock::VirtualClock;
/// let v = VirtualClock::default();
/// let clock = v.clock();
/// v.advance_ms(1000);
/// assert_eq!(clock.now_us(), 1_000_000);
/// ```
#[derive(Clone, Default, Debug)]
pub struct VirtualClock(Arc<AtomicU64>);

impl VirtualClock {
    /// A [`Clock`] reading this virtual time.
    pub fn clock(&self) -> Clock {
        let t = self.0.clone();
        Clock::new(move || t.load(Ordering::SeqCst))
    }

    /// Moves time forward by `ms` milliseconds.
    pub fn advance_ms(&self, ms: u64) {
        self.0.fetch_add(ms * 1000, Ordering::SeqCst);
    }
}

/// How many times faster than the lesson's real time a run goes, in thousandths (1000 = 1×).
///
/// Thousandths keep the arithmetic in integers; 0.1×–100× is 100–100_000.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speed(pub u32);

impl Speed {
    /// The lesson's own time: 1×.
    pub const REAL_TIME: Speed = Speed(1000);

    /// How long a wait of `lesson_ms` (lesson time) really lasts at this speed, rounded to whole ms
    /// because that is what `setTimeout` takes.
    ///
    /// ```
    /// use async_playground::clock::Speed;
    /// assert_eq!(Speed(2000).real_ms(3000), 1500);
    /// assert_eq!(Speed(500).real_ms(1000), 2000);
    /// ```
    pub fn real_ms(self, lesson_ms: u32) -> u32 {
        let real = (u64::from(lesson_ms) * 1000 + u64::from(self.0) / 2) / u64::from(self.0.max(1));
        // params.rs bounds lesson_ms ≤ 60 000 and speed ≥ 0.1×, so this is ≤ 600 000 ms; the clamp only
        // guards against a caller bypassing validation (setTimeout fires at once above 2^31−1).
        real.min(i32::MAX as u64) as u32
    }

    /// [`Speed::real_ms`] as a [`Duration`].
    pub fn real(self, lesson_ms: u32) -> Duration {
        Duration::from_millis(u64::from(self.real_ms(lesson_ms)))
    }
}

impl Default for Speed {
    fn default() -> Self {
        Speed::REAL_TIME
    }
}
