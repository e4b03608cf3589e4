//! Every limit that keeps a learner's program from hurting the page, in one place (the way Rhai's
//! `Engine` keeps `max_operations`, `max_call_levels` and `max_string_size` together).
//!
//! Each limit, when reached, produces one sentence (a [`crate::trace::Kind::Note`]) and stops the
//! run; none of them panics the wasm.

/// The limits of one run. [`Limits::default`] is what the page uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest source accepted, in bytes.
    pub max_source_bytes: usize,
    /// Deepest nesting of brackets in the source: `syn`'s parser recurses on each level, and a
    /// pathological input must not overflow the wasm stack before any other check runs.
    pub max_nesting: usize,
    /// Real time (µs, wall clock, not speed-scaled) one poll may run without reaching an `.await` that is pending. Time spent in
    /// `std::thread::sleep` does not count: that blocking is what the learner asked for.
    pub max_poll_us: u64,
    /// How many evaluation steps run between two looks at the host clock.
    pub ops_per_clock_check: u32,
    /// Most evaluation steps in one poll: the same stop as `max_poll_us` where time does not move
    /// while computing (`run_virtual`'s clock).
    pub max_poll_ops: u64,
    /// Longest program time `run_virtual` simulates, µs (a program that sleeps in a loop forever
    /// would otherwise never end).
    pub max_virtual_us: u64,
    /// Most task polls `run_virtual` runs (an endless `loop { yield_now().await }` never reaches
    /// a time limit on a virtual clock). The page has Stop instead.
    pub max_virtual_polls: u64,
    /// Deepest interpreted call stack (function calls and closure calls).
    pub max_call_depth: u32,
    /// Most tasks alive at once (enforced by the runtime).
    pub max_tasks: usize,
    /// Printed lines (stdout and stderr) that are kept; the rest are counted.
    pub max_lines: usize,
    /// Most elements of one `Vec`.
    pub max_vec_len: usize,
    /// Most bytes of one `String`.
    pub max_string_bytes: usize,
    /// Most elements and bytes created in bulk (`vec![x; n]`, ranges made into `Vec`s,
    /// `repeat`) over a whole run.
    pub max_bulk_alloc: usize,
    /// Longest single `std::thread::sleep`, µs.
    pub max_block_us: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_source_bytes: 64 * 1024,
            max_nesting: 64,
            max_poll_us: 2_000_000,
            ops_per_clock_check: 4096,
            max_poll_ops: 20_000_000,
            max_virtual_us: 3_600_000_000,
            max_virtual_polls: 2_000_000,
            max_call_depth: 100,
            max_tasks: 100_000,
            max_lines: 10_000,
            max_vec_len: 1_000_000,
            max_string_bytes: 4 * 1024 * 1024,
            max_bulk_alloc: 8_000_000,
            max_block_us: 10_000_000,
        }
    }
}

impl Limits {
    /// The sentence for a source that is too long.
    pub fn source_too_long(&self, bytes: usize) -> String {
        format!(
            "The program is {bytes} bytes long; the playground accepts up to {} KB.",
            self.max_source_bytes / 1024
        )
    }

    /// The sentence for a poll that never reached an `.await`.
    pub fn poll_too_long(&self) -> String {
        format!(
            "Stopped: one poll ran for {} s without reaching an `.await` that waits. Under Tokio this \
             task would block its worker thread forever, and no other task on that thread would run.",
            self.max_poll_us / 1_000_000
        )
    }

    /// The sentence for a virtual run that went on too long.
    pub fn virtual_too_long(&self) -> String {
        format!(
            "Stopped after {} minutes of program time: the program did not end by itself.",
            self.max_virtual_us / 60_000_000
        )
    }

    /// The sentence for too deep a recursion.
    pub fn call_too_deep(&self) -> String {
        format!(
            "Stopped: calls nested deeper than {} levels, the playground's limit (each level of an \
             interpreted call uses the page's own stack, which is small).",
            self.max_call_depth
        )
    }

    /// The sentence for too many live tasks.
    pub fn too_many_tasks(&self) -> String {
        format!(
            "Stopped: more than {} tasks alive at once is more than the playground runs.",
            self.max_tasks
        )
    }

    /// The sentence for a `Vec` or `String` that grew too large.
    pub fn too_much_memory(&self, what: &str) -> String {
        let max = if what == "String" {
            format!("{} MB", self.max_string_bytes / (1024 * 1024))
        } else {
            format!("{} elements", self.max_vec_len)
        };
        format!("Stopped: a `{what}` grew past the playground's limit of {max}.")
    }

    /// The sentence for a `std::thread::sleep` that is too long.
    pub fn block_too_long(&self, us: u64) -> String {
        format!(
            "Stopped: `std::thread::sleep` of {} would freeze the page; the playground allows at most {} s.",
            crate::interp::fmt::duration_debug(u128::from(us) * 1000),
            self.max_block_us / 1_000_000
        )
    }

    /// The sentence for the lines beyond [`Limits::max_lines`].
    pub fn lines_dropped(&self, dropped: u64) -> String {
        format!(
            "The program printed {dropped} more lines after the first {}; they are not shown.",
            self.max_lines
        )
    }
}
