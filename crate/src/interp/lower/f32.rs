//! `f32` is refused before the run: its values print with `f32`'s own shortest digits
//! (`0.1f32 + 0.2f32` prints `0.3`, where `f64` prints `0.30000000000000004`), and the
//! interpreter's floats are `f64`s. Better refused than printed wrong.

use super::*;
use proc_macro2::{TokenStream, TokenTree};

/// The first `f32` of the program (a type, a path such as `f32::MAX`, or a literal's suffix).
pub(super) fn first_f32(source: &str) -> Option<Diagnostic> {
    let tokens: TokenStream = source.parse().ok()?;
    find(tokens).map(|at| {
        not_available(at, "`f32`").with("help: use `f64`, which this playground runs as Rust does")
    })
}

fn find(tokens: TokenStream) -> Option<Span> {
    for t in tokens {
        match t {
            TokenTree::Group(g) => {
                if let Some(at) = find(g.stream()) {
                    return Some(at);
                }
            }
            TokenTree::Ident(i) if i == "f32" => return Some(span(&i)),
            TokenTree::Literal(l) => {
                let text = l.to_string();
                let number = text.starts_with(|c: char| c.is_ascii_digit());
                if number && text.ends_with("f32") {
                    return Some(span(&l));
                }
            }
            _ => {}
        }
    }
    None
}
