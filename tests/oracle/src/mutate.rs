//! Rejected programs made by the generator: a valid generated program with one learner's slip, and
//! rustc's verdict on it compared with the checker's (`oracle differential`, feature `interp`).
//!
//! The slips ([`Slip`]) are the ones the lesson's readers make:
//! - a `move` dropped from an `async move` block: rustc refuses it (E0373) when a spawned task then
//!   borrows a local, and accepts it when the block captures nothing;
//! - a second use after a move: a `JoinHandle` or a oneshot receiver awaited twice, a `Sender`
//!   dropped after it moved into its producer task (E0382);
//! - an `.await` removed: refused when the future's output is used (E0277, E0308, E0599), accepted
//!   with a warning when it is not (`sleep(…);`, or a `JoinHandle` printed with `{:?}`).
//!
//! Each mutant is judged by rustc ([`crate::rustc::judge`], one batch) and by the checker: where
//! rustc refuses, the checker must refuse with rustc's first error's code at its line; where rustc
//! accepts, the checker must not refuse.

use crate::gen::{GenProgram, Rng};
use crate::runner::Program;
use async_playground::interp::{self, Level};

/// One slip, at one place of a rendered program.
#[derive(Clone, Copy, Debug)]
enum Slip {
    /// `async move {` → `async {` at this byte offset.
    DropMove(usize),
    /// This line (0-based) repeated: a value awaited twice.
    AwaitTwice(usize),
    /// `drop(txN);` after this line (the channel's "closed" print).
    DropSender(usize, usize),
    /// `.await` removed at this byte offset.
    RemoveAwait(usize),
}

/// A generated program with one slip.
pub struct Mutant {
    /// The mutant, named `mNNN`.
    pub program: Program,
    /// What was changed, for the report.
    pub what: String,
}

/// Slips the checker cannot judge yet, by a text of the line they would be made on (a known gap of
/// the checker, `check/infer.rs`, that rustc would refuse). None now: `tokio::sync`'s futures and
/// guards, `timeout` over `Notify::notified`, a `Vec` of `JoinHandle`s filled by `push` and a
/// borrowed `watch::Receiver` are all typed (`check/tokio_futures.rs`). Add a line's text here
/// only with the gap it stands for.
const UNJUDGED: &[&str] = &[];

/// Whether the line around byte `at` of `src` is one of the [`UNJUDGED`] ones.
fn unjudged(src: &str, at: usize) -> bool {
    let start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = src[at..].find('\n').map_or(src.len(), |i| at + i);
    UNJUDGED.iter().any(|u| src[start..end].contains(u))
}

/// Every place of `src` where `kind` (0: move, 1: second use, 2: await) can slip.
fn sites(src: &str, kind: u64) -> Vec<Slip> {
    match kind {
        0 => src
            .match_indices("async move {")
            .filter(|(i, _)| !unjudged(src, *i))
            .map(|(i, _)| Slip::DropMove(i))
            .collect(),
        1 => src
            .lines()
            .enumerate()
            .filter_map(|(i, l)| {
                let l = l.trim_start();
                if l.starts_with("println!(\"task ") && l.contains(".await)")
                    || l.starts_with("println!(\"oneshot ")
                {
                    return Some(Slip::AwaitTwice(i));
                }
                let id = l
                    .strip_prefix("println!(\"channel ")?
                    .strip_suffix(": closed\");")?;
                Some(Slip::DropSender(i, id.parse().ok()?))
            })
            .collect(),
        _ => src
            .match_indices(".await")
            .filter(|(i, _)| !unjudged(src, *i))
            .map(|(i, _)| Slip::RemoveAwait(i))
            .collect(),
    }
}

/// `src` with `slip`, and a description of it.
fn apply(src: &str, slip: Slip) -> (String, String) {
    let line_of = |at: usize| src[..at].matches('\n').count() + 1;
    match slip {
        Slip::DropMove(at) => (
            format!(
                "{}async {{{}",
                &src[..at],
                &src[at + "async move {".len()..]
            ),
            format!("dropped the `move` of line {}", line_of(at)),
        ),
        Slip::RemoveAwait(at) => (
            format!("{}{}", &src[..at], &src[at + ".await".len()..]),
            format!("removed the `.await` of line {}", line_of(at)),
        ),
        Slip::AwaitTwice(i) | Slip::DropSender(i, _) => {
            let mut out = String::new();
            for (k, l) in src.lines().enumerate() {
                out.push_str(l);
                out.push('\n');
                if k == i {
                    let indent = &l[..l.len() - l.trim_start().len()];
                    match slip {
                        Slip::DropSender(_, id) => {
                            out.push_str(&format!("{indent}drop(tx{id});\n"))
                        }
                        _ => {
                            out.push_str(l);
                            out.push('\n');
                        }
                    }
                }
            }
            let what = match slip {
                Slip::DropSender(_, id) => format!("dropped `tx{id}` after line {}", i + 1),
                _ => format!("repeated line {} (awaits twice)", i + 1),
            };
            (out, what)
        }
    }
}

/// `count` mutants of `base` (in turn), each with one slip chosen by `seed`.
pub fn mutants(base: &[GenProgram], seed: u64, count: usize) -> Vec<Mutant> {
    let mut rng = Rng::new(seed ^ 0x6d75_7461_6e74);
    let mut out = Vec::new();
    if base.is_empty() {
        return out;
    }
    for p in base.iter().cycle().take(base.len() * 4) {
        if out.len() == count {
            break;
        }
        let src = p.render();
        let all = sites(&src, rng.below(3));
        if all.is_empty() {
            continue;
        }
        let slip = all[rng.below(all.len() as u64) as usize];
        let (source, what) = apply(&src, slip);
        out.push(Mutant {
            program: Program {
                name: format!("m{:03}", out.len()),
                source,
            },
            what: format!("{}, {what}", p.name),
        });
    }
    out
}

/// The checker's errors for `source`, as (code, line, rendered first line). The code is read from
/// the rendering (`error[E0382]: …`), whichever way `Diagnostic` carries it.
pub fn checker_errors(source: &str) -> Vec<(Option<String>, u32, String)> {
    interp::check(source)
        .iter()
        .filter(|d| d.level == Level::Error)
        .map(|d| {
            let rendered = d.render(source);
            let head = rendered.lines().next().unwrap_or("").to_string();
            let code = head
                .strip_prefix("error[")
                .and_then(|r| r.split_once(']'))
                .map(|(c, _)| c.to_string());
            (code, d.line, head)
        })
        .collect()
}

/// rustc's verdict on each mutant against the checker's; the failures, and a summary line.
pub fn compare(mutants: &[Mutant]) -> Result<(Vec<String>, String), String> {
    let programs: Vec<Program> = mutants.iter().map(|m| m.program.clone()).collect();
    let verdicts = crate::rustc::judge("mutants", &programs)?;
    let mut failures = Vec::new();
    let (mut refused, mut same, mut accepted, mut passed) = (0, 0, 0, 0);
    for (m, v) in mutants.iter().zip(&verdicts) {
        let ours = checker_errors(&m.program.source);
        let show = |o: &[(Option<String>, u32, String)]| {
            o.iter()
                .map(|(_, line, head)| format!("line {line}: {head}"))
                .collect::<Vec<_>>()
                .join("; ")
        };
        match v.errors.first() {
            None => {
                accepted += 1;
                if ours.is_empty() {
                    passed += 1;
                } else {
                    failures.push(format!(
                        "{} ({}): rustc accepts it, the checker refuses it: {}",
                        m.program.name,
                        m.what,
                        show(&ours)
                    ));
                }
            }
            Some(first) => {
                refused += 1;
                if ours
                    .iter()
                    .any(|(code, line, _)| *code == first.code && *line == first.line)
                {
                    same += 1;
                } else {
                    failures.push(format!(
                        "{} ({}): rustc: {} at line {}: {}; the checker: {}",
                        m.program.name,
                        m.what,
                        first.code.as_deref().unwrap_or("(no code)"),
                        first.line,
                        first.message,
                        if ours.is_empty() {
                            "no error".to_string()
                        } else {
                            show(&ours)
                        }
                    ));
                }
            }
        }
    }
    let summary = format!(
        "{} mutants: rustc refused {refused}, the checker {same} of them with rustc's code at rustc's line; \
         rustc accepted {accepted}, the checker {passed} of them",
        mutants.len()
    );
    Ok((failures, summary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gen::generate_many;

    #[test]
    fn every_slip_changes_the_program_and_the_same_seed_gives_the_same_mutants() {
        let base = generate_many(11, 30);
        let a = mutants(&base, 11, 40);
        assert_eq!(a.len(), 40);
        let b = mutants(&base, 11, 40);
        for (m, n) in a.iter().zip(&b) {
            assert_eq!(m.program.source, n.program.source);
        }
        for m in &a {
            let name = m.what.split(',').next().unwrap();
            let p = base.iter().find(|p| p.name == name).unwrap();
            assert_ne!(m.program.source, p.render(), "{}", m.what);
        }
        // All three kinds of slip occur.
        for kind in ["`move`", "twice", "`tx", "`.await`"] {
            assert!(a.iter().any(|m| m.what.contains(kind)), "no mutant {kind}");
        }
    }
}
