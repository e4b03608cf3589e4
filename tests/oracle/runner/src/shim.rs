//! The oracle runner's shim: what every recorded program runs inside. Included at the top of the
//! generated `main.rs`, before the programs' modules, so that its `println!`-family macros shadow
//! std's in every program (a `macro_rules!` macro in textual scope beats the prelude's).
//!
//! Each printed line goes to the real stdout as one record, `<t_ns> <o|e> <text>`: one ordered
//! stream for stdout and stderr (two pipes would lose their interleaving), each line stamped with
//! the runtime's clock — Tokio's paused clock when the program runs under it, so paused times are
//! exact.

#[allow(unused_macros)]
macro_rules! println {
    () => { $crate::__oracle::emit(false, ::std::string::String::from("\n")) };
    ($($arg:tt)*) => {{
        let mut line = ::std::format!($($arg)*);
        line.push('\n');
        $crate::__oracle::emit(false, line)
    }};
}
#[allow(unused_macros)]
macro_rules! print {
    ($($arg:tt)*) => { $crate::__oracle::emit(false, ::std::format!($($arg)*)) };
}
#[allow(unused_macros)]
macro_rules! eprintln {
    () => { $crate::__oracle::emit(true, ::std::string::String::from("\n")) };
    ($($arg:tt)*) => {{
        let mut line = ::std::format!($($arg)*);
        line.push('\n');
        $crate::__oracle::emit(true, line)
    }};
}
#[allow(unused_macros)]
macro_rules! eprint {
    ($($arg:tt)*) => { $crate::__oracle::emit(true, ::std::format!($($arg)*)) };
}

/// Stamping, the panic hook, and `main`'s exit status.
pub(crate) mod __oracle {
    use std::io::Write;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Mutex;

    /// Where time 0 is: the runtime clock's reading when the runtime was built (see
    /// `__oracle_tokio`), or the process's start for a plain `fn main`.
    static BASE: Mutex<Option<tokio::time::Instant>> = Mutex::new(None);
    /// Text printed without its newline yet, per stream (stdout, stderr).
    static PARTIAL: Mutex<[String; 2]> = Mutex::new([String::new(), String::new()]);
    /// Whether the program asked for the multi-thread runtime (the oracle runs every program on the
    /// current-thread one; this only names the panicking thread as Tokio's workers are named).
    static MULTI_THREAD: AtomicBool = AtomicBool::new(false);
    /// Whether the program runs on Tokio's paused clock (see `stamp_ns`).
    static PAUSED: AtomicBool = AtomicBool::new(false);
    /// The latest stamp.
    static LAST_NS: Mutex<u128> = Mutex::new(0);

    pub(crate) fn set_base(now: tokio::time::Instant) {
        *BASE.lock().unwrap() = Some(now);
    }

    fn stamp_ns() -> u128 {
        let mut last = LAST_NS.lock().unwrap();
        // A paused-clock program outside its runtime (a plain `fn main`, or `main`'s `Err` printed
        // after the runtime is gone) is on no clock at all: computation takes no time, as in the
        // interpreter's virtual clock, so its lines keep the latest time.
        if PAUSED.load(Ordering::Relaxed) && tokio::runtime::Handle::try_current().is_err() {
            return *last;
        }
        let base = BASE.lock().unwrap().expect("base set before main");
        // Under the paused clock, inside the runtime, this is Tokio's virtual time.
        let t = tokio::time::Instant::now()
            .saturating_duration_since(base)
            .as_nanos();
        *last = t;
        t
    }

    /// Prints `text`: each completed line becomes one record stamped now. A line is stamped when
    /// its newline is printed (`print!("a"); …; println!("b")` is one line, "ab", at `println!`).
    pub(crate) fn emit(stderr: bool, text: String) {
        let t = stamp_ns();
        let mut partial = PARTIAL.lock().unwrap();
        let buf = &mut partial[stderr as usize];
        buf.push_str(&text);
        while let Some(i) = buf.find('\n') {
            let line: String = buf.drain(..=i).collect();
            record(t, stderr, &line[..i]);
        }
    }

    fn record(t: u128, stderr: bool, line: &str) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{t} {} {line}", if stderr { 'e' } else { 'o' });
        let _ = out.flush();
    }

    /// Unfinished lines at exit are printed as they are (a terminal would show them too).
    fn flush_partial() {
        let t = stamp_ns();
        let mut partial = PARTIAL.lock().unwrap();
        for (i, buf) in partial.iter_mut().enumerate() {
            if !buf.is_empty() {
                let line = std::mem::take(buf);
                record(t, i == 1, &line);
            }
        }
    }

    /// What `main` returned, as a process exit status, the way `std::process::Termination` does.
    pub(crate) trait Exit {
        fn code(self) -> i32;
    }
    impl Exit for () {
        fn code(self) -> i32 {
            0
        }
    }
    impl<E: std::fmt::Debug> Exit for Result<(), E> {
        fn code(self) -> i32 {
            match self {
                Ok(()) => 0,
                Err(e) => {
                    emit(true, format!("Error: {e:?}\n"));
                    1
                }
            }
        }
    }

    /// The default panic hook of Rust 1.95, minus two things that cannot be reproduced: the OS
    /// thread id it prints after the thread's name, and the path (`src/main.rs` → `main.rs`, the
    /// playground's file name). `record --check` compares this against the real default hook.
    fn hook(info: &std::panic::PanicHookInfo<'_>) {
        static FIRST_PANIC: AtomicBool = AtomicBool::new(true);
        let current = std::thread::current();
        let mut name = current.name().unwrap_or("<unnamed>");
        // A spawned task under the multi-thread flavor runs on a worker thread so named.
        if MULTI_THREAD.load(Ordering::Relaxed) && tokio::task::try_id().is_some() {
            name = "tokio-runtime-worker";
        }
        let location = match info.location() {
            Some(l) => {
                let file = l.file();
                // `src/bin/../programs/NAME.rs`, the program's own file.
                let file = if file.starts_with("src/bin/../programs/") {
                    "main.rs"
                } else {
                    file
                };
                format!("{file}:{}:{}", l.line(), l.column())
            }
            None => "<unknown>".to_string(),
        };
        let payload = info.payload();
        let msg = if let Some(s) = payload.downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "Box<dyn Any>".to_string()
        };
        let mut text = format!("\nthread '{name}' panicked at {location}:\n{msg}\n");
        if FIRST_PANIC.swap(false, Ordering::Relaxed) {
            text.push_str(
                "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
            );
        }
        emit(true, text);
    }

    /// Runs one program's `main` and returns the process's exit status.
    pub(crate) fn run(main: fn() -> i32, multi_thread: bool, paused: bool) -> i32 {
        MULTI_THREAD.store(multi_thread, Ordering::Relaxed);
        PAUSED.store(paused, Ordering::Relaxed);
        set_base(tokio::time::Instant::now());
        // `record --check` runs panicking programs once more with Rust's own hook, to check `hook`.
        if std::env::var_os("ORACLE_DEFAULT_HOOK").is_none() {
            std::panic::set_hook(Box::new(hook));
        }
        let result = std::panic::catch_unwind(main);
        flush_partial();
        // A panic that leaves `main` exits with 101, as Rust's own `main` does.
        result.unwrap_or(101)
    }
}

/// What `#[tokio::main(crate = "crate::__oracle_tokio", …)]` builds its runtime with: Tokio's
/// `Builder`, plus one thing: when the runtime is built, time 0 is set to its clock's reading, so
/// that paused-clock stamps are exact multiples of Tokio's 1 ms timer tick.
pub(crate) mod __oracle_tokio {
    pub mod runtime {
        pub struct Builder(tokio::runtime::Builder);
        impl Builder {
            pub fn new_current_thread() -> Builder {
                Builder(tokio::runtime::Builder::new_current_thread())
            }
            pub fn start_paused(mut self, paused: bool) -> Builder {
                self.0.start_paused(paused);
                self
            }
            pub fn enable_all(mut self) -> Builder {
                self.0.enable_all();
                self
            }
            pub fn build(mut self) -> std::io::Result<tokio::runtime::Runtime> {
                let rt = self.0.build()?;
                let _in_runtime = rt.enter();
                crate::__oracle::set_base(tokio::time::Instant::now());
                Ok(rt)
            }
        }
    }
}
