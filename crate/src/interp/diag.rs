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
    /// rustc's code and labels, for the errors the checker (the module `check`) shares with rustc.
    /// Boxed: diagnostics travel in the lowering's recursive `Result`s, whose size is stack.
    pub rustc: Option<Box<Labels>>,
}

/// What rustc adds to a diagnostic: its code and the labels of its spans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    /// rustc's error code ("E0382").
    pub code: Option<&'static str>,
    /// What rustc writes after the primary span's carets ("value borrowed here after move").
    pub label: Option<String>,
    /// rustc's secondary spans, drawn with `-` and their labels ("value moved here").
    pub secondary: Vec<(Span, String)>,
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
            rustc: None,
        }
    }

    /// rustc's error code ("E0382"), if the checker gave one.
    pub fn code(&self) -> Option<&'static str> {
        self.rustc.as_ref().and_then(|r| r.code)
    }

    fn labels(&mut self) -> &mut Labels {
        self.rustc.get_or_insert_with(Box::default)
    }

    /// Sets rustc's error code.
    pub fn with_code(mut self, code: &'static str) -> Diagnostic {
        self.labels().code = Some(code);
        self
    }

    /// Sets the primary span's label.
    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.labels().label = Some(label.into());
        self
    }

    /// Adds a secondary span with its label.
    pub fn also(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.labels().secondary.push((span, label.into()));
        self
    }

    /// The primary span.
    pub fn span(&self) -> Span {
        Span {
            line: self.line,
            column: self.column,
            end_line: self.end_line,
            end_column: self.end_column,
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
        let code = self.code().map(|c| format!("[{c}]")).unwrap_or_default();
        let none = Labels::default();
        let labels = self.rustc.as_deref().unwrap_or(&none);
        // Every annotated line: the primary span first, then the secondary ones.
        let mut marks: Vec<Mark> = vec![Mark::of(self.span(), labels.label.as_deref(), '^')];
        for (s, l) in &labels.secondary {
            marks.push(Mark::of(*s, Some(l), '-'));
        }
        let lines: Vec<&str> = source.lines().collect();
        let mut shown: Vec<u32> = marks.iter().map(|m| m.line).collect();
        crate::interp::sort::sort_by(&mut shown, u32::cmp);
        shown.dedup();
        let widest = shown.last().copied().unwrap_or(self.line).to_string().len();
        let pad = " ".repeat(widest);
        let mut out = String::new();
        let _ = writeln!(out, "{kind}{code}: {}", self.message);
        let _ = writeln!(out, "{pad}--> main.rs:{}:{}", self.line, self.column);
        let _ = writeln!(out, "{pad} |");
        let mut last: Option<u32> = None;
        for &n in &shown {
            let Some(text) = lines.get(n.saturating_sub(1) as usize) else {
                continue;
            };
            match last {
                Some(l) if n == l + 2 => {
                    let between = lines.get(l as usize).map_or("", |t| t.trim_end());
                    let _ = writeln!(out, "{:>widest$} | {between}", l + 1);
                }
                Some(l) if n > l + 2 => {
                    let _ = writeln!(out, "...");
                }
                _ => {}
            }
            last = Some(n);
            let text = text.trim_end();
            let _ = writeln!(out, "{n:>widest$} | {text}");
            let mut here: Vec<&Mark> = marks.iter().filter(|m| m.line == n).collect();
            crate::interp::sort::sort_by_key(&mut here, |m| m.start);
            out.push_str(&underline(text, &here, &pad));
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

/// One span drawn under its line: `^^^` (primary) or `---` (secondary), with its label.
struct Mark<'a> {
    line: u32,
    start: u32,
    end: Option<u32>,
    label: Option<&'a str>,
    ch: char,
}

impl<'a> Mark<'a> {
    fn of(s: Span, label: Option<&'a str>, ch: char) -> Mark<'a> {
        Mark {
            line: s.line,
            start: s.column.saturating_sub(1),
            // A span over several lines is drawn to the end of its first line.
            end: (s.end_line == s.line).then(|| s.end_column.saturating_sub(1)),
            label,
            ch,
        }
    }
}

/// The caret lines of one source line, rustc's way: the rightmost label follows its marks, the
/// others hang below on `|` lines.
fn underline(text: &str, marks: &[&Mark], pad: &str) -> String {
    let width = text.chars().count() as u32;
    // Tabs keep their width under the caret line, as rustc does by copying them.
    let lead = |upto: u32| -> String {
        text.chars()
            .chain(std::iter::repeat(' '))
            .take(upto as usize)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect()
    };
    let mut row: Vec<char> = Vec::new();
    for m in marks {
        let start = m.start.min(width);
        let end = m.end.unwrap_or(width).min(width).max(start + 1);
        while (row.len() as u32) < end {
            row.push(' ');
        }
        for c in &mut row[start as usize..end as usize] {
            if *c == ' ' {
                *c = m.ch;
            }
        }
    }
    let row: String = row.into_iter().collect();
    let mut out = String::new();
    let lead0 = lead(0);
    let base = |r: &str| -> String {
        // Keep the source's tabs before the first mark.
        let first = r.find(|c: char| c != ' ').unwrap_or(0) as u32;
        format!("{}{}", lead(first), &r[first as usize..])
    };
    let labelled: Vec<&&Mark> = marks.iter().filter(|m| m.label.is_some()).collect();
    match labelled.split_last() {
        Some((lastm, rest)) => {
            let _ = writeln!(
                out,
                "{pad} | {}{} {}",
                lead0,
                base(&row),
                lastm.label.unwrap_or("")
            );
            if !rest.is_empty() {
                let mut bars: Vec<char> = vec![' '; row.chars().count()];
                for m in rest.iter() {
                    bars[m.start.min(width) as usize] = '|';
                }
                let bars_s: String = bars.iter().collect();
                for m in rest.iter().rev() {
                    let _ = writeln!(out, "{pad} | {}", base(bars_s.trim_end()));
                    let at = m.start.min(width) as usize;
                    let prefix: String = bars[..at].iter().collect();
                    let _ = writeln!(out, "{pad} | {}{}", base(&prefix), m.label.unwrap_or(""));
                    bars[at] = ' ';
                }
            }
        }
        None => {
            let _ = writeln!(out, "{pad} | {}", base(&row));
        }
    }
    out.lines().map(|l| format!("{}\n", l.trim_end())).collect()
}
