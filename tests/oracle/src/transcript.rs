//! What a program printed under real Tokio: the format of `tests/programs/NAME.tokio.json`.
//!
//! ```json
//! {"program": "lesson_3.rs", "source_fnv": "…", "tokio": "1.54.1", "flavor": "multi_thread", "clock": "paused",
//!  "exit": 0, "stalled": false,
//!  "lines": [{"t_ms": 1000.0, "stream": "stdout", "text": "Product data fetched after 1s."}],
//!  "warnings": [{"message": "unused variable: `future`", "line": 9, "column": 9,
//!                "end_line": 9, "end_column": 15, "notes": ["help: if this is intentional, …"]}]}
//! ```
//! - `t_ms`: time since the runtime started. Under the paused clock (`clock: "paused"`) it is Tokio's
//!   virtual time, exact; under `"real"` it is measured, to 0.1 ms.
//! - `flavor`: the runtime the program asked for (`current_thread`, `multi_thread`, or `none` for a
//!   plain `fn main`). The oracle runs every program on the current-thread runtime.
//! - `exit`: the process's exit status (`101` when `main` panicked), `null` when `stalled`.
//! - `stalled`: Tokio never finished (nothing could wake the program); the oracle stopped it.
//! - `warnings`: rustc's, positions 1-based in the program's own lines, columns in chars, end
//!   exclusive, like the interpreter's `Diagnostic`.

use serde::{Deserialize, Serialize};

/// One program's run under real Tokio.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Transcript {
    /// The program's file name in `tests/programs/`.
    pub program: String,
    /// FNV-1a (64-bit, hex) of the program's source when it was recorded: `cargo test` fails when a
    /// program changed and its transcript was not recorded again.
    pub source_fnv: String,
    /// Tokio's version.
    pub tokio: String,
    /// `current_thread`, `multi_thread` or `none`.
    pub flavor: String,
    /// `paused` or `real`.
    pub clock: String,
    /// Exit status; `None` when stalled.
    pub exit: Option<i32>,
    /// Whether Tokio hung and the oracle stopped it.
    pub stalled: bool,
    /// Every printed line, stdout and stderr in the order printed.
    pub lines: Vec<Line>,
    /// rustc's warnings.
    pub warnings: Vec<Warning>,
}

/// FNV-1a, 64-bit, as 16 hex digits: a fingerprint of a program's source (not a security hash).
pub fn fnv1a(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// One printed line.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Line {
    /// Milliseconds since the runtime started.
    pub t_ms: f64,
    /// `stdout` or `stderr`.
    pub stream: String,
    /// The line, without its newline.
    pub text: String,
}

/// One rustc warning.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Warning {
    /// rustc's message, e.g. "unused variable: `future`".
    pub message: String,
    /// 1-based line of the primary span.
    pub line: u32,
    /// 1-based column (chars) of the primary span.
    pub column: u32,
    /// End of the primary span (exclusive).
    pub end_line: u32,
    /// End column (exclusive).
    pub end_column: u32,
    /// rustc's notes and help, as `note: …` / `help: …`.
    pub notes: Vec<String>,
}

impl Transcript {
    /// The JSON written to disk: one line per printed line and per warning, so that diffs read well.
    pub fn to_json(&self) -> String {
        let j = |v: &dyn erased::Json| v.json();
        let list = |items: Vec<String>| {
            if items.is_empty() {
                "[]".to_string()
            } else {
                format!("[\n    {}\n  ]", items.join(",\n    "))
            }
        };
        format!(
            "{{\n  \"program\": {},\n  \"source_fnv\": {},\n  \"tokio\": {},\n  \"flavor\": {},\n  \"clock\": {},\n  \"exit\": {},\n  \"stalled\": {},\n  \"lines\": {},\n  \"warnings\": {}\n}}\n",
            j(&self.program),
            j(&self.source_fnv),
            j(&self.tokio),
            j(&self.flavor),
            j(&self.clock),
            j(&self.exit),
            j(&self.stalled),
            list(self.lines.iter().map(|l| j(l)).collect()),
            list(self.warnings.iter().map(|w| j(w)).collect()),
        )
    }

    /// Whether `other` is the same run, times within `ms + ratio × t` (the oracle's reproducibility).
    pub fn same_as(&self, other: &Transcript, (ms, ratio): (f64, f64)) -> Result<(), String> {
        if self.exit != other.exit || self.stalled != other.stalled {
            return Err(format!(
                "exit {:?}/{:?}, stalled {}/{}",
                self.exit, other.exit, self.stalled, other.stalled
            ));
        }
        if self.warnings != other.warnings {
            return Err("warnings differ".into());
        }
        if self.lines.len() != other.lines.len() {
            return Err(format!(
                "{} lines vs {}",
                self.lines.len(),
                other.lines.len()
            ));
        }
        for (a, b) in self.lines.iter().zip(&other.lines) {
            if a.text != b.text || a.stream != b.stream {
                return Err(format!("{:?} vs {:?}", a.text, b.text));
            }
            if (a.t_ms - b.t_ms).abs() > ms + ratio * a.t_ms.max(b.t_ms) {
                return Err(format!("{:?} at {} vs {} ms", a.text, a.t_ms, b.t_ms));
            }
        }
        Ok(())
    }
}

/// Compact JSON of any serializable value, behind one object-safe trait.
mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).expect("serializes")
        }
    }
}
