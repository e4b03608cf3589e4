//! Errors and warnings, rendered the way rustc renders them.

use std::fmt::Write;

/// How bad a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The program cannot run.
    Error,
    /// The program runs, but rustc would warn about this.
    Warning,
}

/// One error or warning, with the place it points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub level: Level,
    /// The headline, e.g. "unused variable: `future`".
    pub message: String,
    /// 1-based line of the start.
    pub line: u32,
    /// 1-based column of the start, counted in chars like rustc.
    pub column: u32,
    /// 1-based line of the (exclusive) end.
    pub end_line: u32,
    /// 1-based column of the (exclusive) end.
    pub end_column: u32,
    /// Lines rendered after the snippet, each with its kind: "note: ...", "help: ...".
    pub notes: Vec<String>,
}

/// A place in `main.rs`: 1-based lines and columns (chars), end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// 1-based line of the start.
    pub line: u32,
    /// 1-based column of the start.
    pub column: u32,
    /// 1-based line of the end.
    pub end_line: u32,
    /// 1-based exclusive column of the end.
    pub end_column: u32,
}

impl Span {
    /// The span of a syn/proc-macro2 token or node.
    pub fn of(s: proc_macro2::Span) -> Span {
        let (a, b) = (s.start(), s.end());
        // proc-macro2 columns are 0-based; rustc's are 1-based.
        Span {
            line: clamp(a.line),
            column: clamp(a.column.saturating_add(1)),
            end_line: clamp(b.line),
            end_column: clamp(b.column.saturating_add(1)),
        }
    }

    /// `main.rs:L:C`.
    pub fn at(&self) -> String {
        format!("main.rs:{}:{}", self.line, self.column)
    }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX).max(1)
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Level::Error, span, message)
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Level::Warning, span, message)
    }

    fn new(level: Level, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level,
            message: message.into(),
            line: span.line,
            column: span.column,
            end_line: span.end_line,
            end_column: span.end_column,
            notes: Vec::new(),
        }
    }

    /// Adds a line after the snippet; `note` starts with its kind ("note: ", "help: ").
    pub fn with(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// rustc style:
    ///
    /// ```text
    /// warning: unused variable: `future`
    ///  --> main.rs:8:9
    ///   |
    /// 8 |     let future = my_async_task();
    ///   |         ^^^^^^
    ///   |
    ///   = help: if this is intentional, prefix it with an underscore: `_future`
    /// ```
    pub fn render(&self, source: &str) -> String {
        let kind = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        let num = self.line.to_string();
        let pad = " ".repeat(num.len());
        let mut out = String::new();
        let _ = writeln!(out, "{kind}: {}", self.message);
        let _ = writeln!(out, "{pad}--> main.rs:{}:{}", self.line, self.column);
        let _ = writeln!(out, "{pad} |");
        let line_idx = usize::try_from(self.line)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        if let Some(text) = source.lines().nth(line_idx) {
            let text = text.trim_end();
            let _ = writeln!(out, "{num} | {text}");
            let width = text.chars().count() as u32;
            let start = self.column.saturating_sub(1).min(width);
            let end = if self.end_line == self.line {
                self.end_column.saturating_sub(1).min(width)
            } else {
                width
            };
            let carets = end.saturating_sub(start).max(1) as usize;
            // Tabs keep their width under the caret line, as rustc does by copying them.
            let lead: String = text
                .chars()
                .take(start as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "{pad} | {lead}{}", "^".repeat(carets));
        }
        if !self.notes.is_empty() {
            let _ = writeln!(out, "{pad} |");
            for note in &self.notes {
                let _ = writeln!(out, "{pad} = {note}");
            }
        }
        out
    }
}
