//! Differential testing (`oracle differential`, feature `interp`): generated programs run through
//! real Tokio (one build for all of them) and through the interpreter's virtual clock
//! (`async_playground::interp::run_virtual`); their transcripts must be identical: the same lines,
//! streams and order, the same times (both clocks are exact: Tokio's paused one and the virtual
//! one; differences.json's `paused_ms` of slack), the same exit status, the same rustc warnings.
//!
//! A program that differs is shrunk: statements and branches are removed while the result still
//! differs (each round's candidates are built as one binary), and the smallest is printed.

use crate::gen::{self, GenProgram};
use crate::mutate;
use crate::runner::{self, Program};
use crate::transcript::Transcript;
use async_playground::interp;
use std::time::{Duration, Instant};

/// How long shrinking may take before it prints the smallest program found so far.
const SHRINK_BUDGET: Duration = Duration::from_secs(240);

/// The interpreter's run of `source` as a transcript (errors as a description).
fn interpret(source: &str, seed: u64) -> Result<Transcript, String> {
    match interp::run_virtual(source, seed) {
        Err(diags) => Err(diags
            .iter()
            .map(|d| d.render(source))
            .collect::<Vec<_>>()
            .join("\n")),
        Ok(t) => Ok(Transcript {
            program: String::new(),
            source_fnv: String::new(),
            tokio: String::new(),
            flavor: String::new(),
            clock: "paused".into(),
            exit: if t.stalled { None } else { Some(t.exit_code) },
            stalled: t.stalled,
            lines: t
                .lines
                .iter()
                .map(|l| crate::transcript::Line {
                    t_ms: l.t_us as f64 / 1000.0,
                    stream: match l.stream {
                        interp::Stream::Stdout => "stdout",
                        interp::Stream::Stderr => "stderr",
                    }
                    .into(),
                    text: l.text.clone(),
                })
                .collect(),
            warnings: t
                .warnings
                .iter()
                .map(|w| crate::transcript::Warning {
                    message: w.message.clone(),
                    line: w.line,
                    column: w.column,
                    end_line: w.end_line,
                    end_column: w.end_column,
                    notes: Vec::new(),
                })
                .collect(),
        }),
    }
}

/// The first difference between Tokio's transcript and the interpreter's, if any.
pub fn difference(tokio: &Transcript, ours: &Result<Transcript, String>) -> Option<String> {
    let ours = match ours {
        Err(e) => return Some(format!("the interpreter refused the program:\n{e}")),
        Ok(t) => t,
    };
    for (i, a) in tokio.lines.iter().enumerate() {
        let Some(b) = ours.lines.get(i) else {
            return Some(format!(
                "line {}: Tokio printed {:?} at {} ms ({}), the interpreter nothing more",
                i + 1,
                a.text,
                a.t_ms,
                a.stream
            ));
        };
        if a.text != b.text || a.stream != b.stream {
            return Some(format!(
                "line {}: Tokio printed {:?} ({}) at {} ms, the interpreter {:?} ({}) at {} ms",
                i + 1,
                a.text,
                a.stream,
                a.t_ms,
                b.text,
                b.stream,
                b.t_ms
            ));
        }
        if (a.t_ms - b.t_ms).abs() > crate::tolerances().0 {
            return Some(format!(
                "line {} {:?}: Tokio printed it at {} ms, the interpreter at {} ms",
                i + 1,
                a.text,
                a.t_ms,
                b.t_ms
            ));
        }
    }
    if let Some(b) = ours.lines.get(tokio.lines.len()) {
        return Some(format!(
            "line {}: the interpreter printed {:?} at {} ms, Tokio nothing more",
            tokio.lines.len() + 1,
            b.text,
            b.t_ms
        ));
    }
    if tokio.stalled != ours.stalled || tokio.exit != ours.exit {
        return Some(format!(
            "Tokio: exit {:?}, stalled {}; the interpreter: exit {:?}, stalled {}",
            tokio.exit, tokio.stalled, ours.exit, ours.stalled
        ));
    }
    let key = |t: &Transcript| -> Vec<(String, u32, u32)> {
        t.warnings
            .iter()
            .map(|w| (w.message.clone(), w.line, w.column))
            .collect()
    };
    if key(tokio) != key(ours) {
        return Some(format!(
            "warnings: rustc {:?}, the interpreter {:?}",
            key(tokio),
            key(ours)
        ));
    }
    None
}

fn show(t: &Transcript) -> String {
    let mut s = String::new();
    for l in &t.lines {
        s.push_str(&format!(
            "  {:>8} ms {} {}\n",
            l.t_ms,
            if l.stream == "stderr" { "!" } else { " " },
            l.text
        ));
    }
    s.push_str(&format!("  exit {:?}, stalled {}\n", t.exit, t.stalled));
    s
}

/// What counts as "differs": the checker refuses the program (which rustc accepted: Tokio ran it),
/// a real difference, or, to exercise the shrinker itself (`--pretend-differ TEXT`), any program
/// whose Tokio transcript has a line containing TEXT.
fn differs(
    source: &str,
    tokio: &Transcript,
    ours: &Result<Transcript, String>,
    pretend: Option<&str>,
) -> Option<String> {
    let refused = mutate::checker_errors(source);
    if !refused.is_empty() {
        let list: Vec<String> = refused
            .iter()
            .map(|(_, line, head)| format!("line {line}: {head}"))
            .collect();
        return Some(format!(
            "rustc accepts it, the checker refuses it: {}",
            list.join("; ")
        ));
    }
    if let Some(text) = pretend {
        return tokio
            .lines
            .iter()
            .any(|l| l.text.contains(text))
            .then(|| format!("(pretend) Tokio printed a line containing {text:?}"));
    }
    difference(tokio, ours)
}

/// Runs the differential test; returns the process's exit status.
/// `mutants`: how many of the generator's slips ([`mutate`]) rustc and the checker judge (0: none).
pub fn run(seed: u64, count: usize, pretend: Option<&str>, mutants: usize) -> i32 {
    let started = Instant::now();
    let programs = gen::generate_many(seed, count);
    let sources: Vec<Program> = programs.iter().map(GenProgram::program).collect();
    let tokio = match runner::record("generated", &sources) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "oracle: the generated programs did not compile (a generator bug):\n{}",
                e.0
            );
            return 1;
        }
    };
    let mut failures: Vec<(usize, String)> = Vec::new();
    for (i, (p, t)) in sources.iter().zip(&tokio).enumerate() {
        let ours = interpret(&p.source, i as u64);
        if let Some(d) = differs(&p.source, t, &ours, pretend) {
            failures.push((i, d));
        }
    }
    println!(
        "oracle differential: {} generated programs (seed {seed}), {} identical, {} differ ({:.0} s)",
        count,
        count - failures.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    // rustc is the judge too: the generator's slips, judged by rustc and by the checker.
    let mut status = 0;
    if mutants > 0 {
        let started = Instant::now();
        match mutate::compare(&mutate::mutants(&programs, seed, mutants)) {
            Err(e) => {
                eprintln!("oracle: judging the mutants failed:\n{e}");
                status = 1;
            }
            Ok((bad, summary)) => {
                println!(
                    "oracle differential: {summary} ({:.0} s)",
                    started.elapsed().as_secs_f64()
                );
                for b in bad.iter().take(20) {
                    println!("  {b}");
                }
                if !bad.is_empty() {
                    status = 1;
                }
            }
        }
    }
    if failures.is_empty() {
        return status;
    }
    for (i, d) in failures.iter().take(20) {
        println!("  {}: {d}", programs[*i].name);
    }
    // Shrink the smallest failing program.
    let (first, _) = failures
        .iter()
        .min_by_key(|(i, _)| programs[*i].size())
        .unwrap();
    let small = shrink(
        programs[*first].clone(),
        started,
        pretend,
        kind(&failures.iter().find(|(i, _)| i == first).unwrap().1),
    );
    let p = small.program();
    let t = &runner::record("shrink-final", std::slice::from_ref(&p))
        .expect("a shrunk program compiles")[0];
    let ours = interpret(&p.source, 0);
    println!(
        "\nThe smallest program that differs (from {}, shrunk to {} statements):\n\n{}",
        programs[*first].name,
        small.size(),
        p.source
    );
    println!("Tokio printed:\n{}", show(t));
    match &ours {
        Ok(o) => println!("The interpreter printed:\n{}", show(o)),
        Err(e) => println!("The interpreter refused it:\n{e}"),
    }
    if let Some(d) = differs(&p.source, t, &ours, pretend) {
        println!("First difference: {d}");
    }
    1
}

/// What kind of difference `d` is: a refusal by the checker, rustc's warnings, or what the run
/// printed. Shrinking keeps the kind: a candidate that only differs in another way (a helper left
/// uncalled, and rustc's dead-code warning) is another bug, not a smaller copy of this one.
fn kind(d: &str) -> u8 {
    if d.starts_with("rustc accepts it") {
        0
    } else if d.starts_with("warnings:") {
        1
    } else {
        2
    }
}

/// Greedy shrinking: each round builds every one-step-smaller candidate in one binary, keeps the
/// smallest that still differs in the same [`kind`] of way, and stops when none does (or the budget
/// is spent).
fn shrink(mut current: GenProgram, started: Instant, pretend: Option<&str>, k: u8) -> GenProgram {
    let mut round = 0;
    while started.elapsed() < SHRINK_BUDGET {
        round += 1;
        let mut candidates = current.shrink_candidates();
        if candidates.is_empty() {
            break;
        }
        for (k, c) in candidates.iter_mut().enumerate() {
            c.name = format!("s{k:03}");
        }
        let programs: Vec<Program> = candidates.iter().map(GenProgram::program).collect();
        let Ok(tokio) = runner::record("shrink", &programs) else {
            eprintln!("oracle: a shrink candidate did not compile; stopping at this size");
            break;
        };
        let best = candidates
            .into_iter()
            .zip(&programs)
            .zip(&tokio)
            .filter(|((_, p), t)| {
                differs(&p.source, t, &interpret(&p.source, 0), pretend)
                    .is_some_and(|d| pretend.is_some() || kind(&d) == k)
            })
            .map(|((c, _), _)| c)
            .min_by_key(GenProgram::size);
        match best {
            Some(c) => {
                eprintln!("oracle: shrink round {round}: {} statements", c.size());
                current = c;
            }
            None => break,
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Line;

    fn transcript(lines: &[(f64, &str, &str)]) -> Transcript {
        Transcript {
            program: String::new(),
            source_fnv: String::new(),
            tokio: String::new(),
            flavor: String::new(),
            clock: "paused".into(),
            exit: Some(0),
            stalled: false,
            lines: lines
                .iter()
                .map(|(t, s, x)| Line {
                    t_ms: *t,
                    stream: s.to_string(),
                    text: x.to_string(),
                })
                .collect(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn difference_sees_text_stream_time_order_length_and_exit() {
        let tokio = transcript(&[(0.0, "stdout", "a"), (100.0, "stdout", "b")]);
        assert_eq!(difference(&tokio, &Ok(tokio.clone())), None);
        let within = transcript(&[(0.0, "stdout", "a"), (101.0, "stdout", "b")]);
        assert_eq!(difference(&tokio, &Ok(within)), None);
        for other in [
            transcript(&[(0.0, "stdout", "a"), (102.0, "stdout", "b")]),
            transcript(&[(0.0, "stdout", "a"), (100.0, "stderr", "b")]),
            transcript(&[(0.0, "stdout", "b"), (100.0, "stdout", "a")]),
            transcript(&[(0.0, "stdout", "a")]),
            transcript(&[
                (0.0, "stdout", "a"),
                (100.0, "stdout", "b"),
                (100.0, "stdout", "c"),
            ]),
        ] {
            assert!(difference(&tokio, &Ok(other)).is_some());
        }
        let mut panicked = tokio.clone();
        panicked.exit = Some(101);
        assert!(difference(&tokio, &Ok(panicked)).is_some());
        assert!(difference(&tokio, &Err("refused".into())).is_some());
    }
}
