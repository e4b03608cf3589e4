//! Padding a formatted value to its width (fill, alignment, sign-aware zeros), and `Debug`'s
//! way with a width: each leaf is padded (`{:5?}` of `Some(1)` is `Some(    1)`).

use super::ast::Hole;
use std::cell::RefCell;

thread_local! {
    /// The hole whose width `Debug`'s leaves take, while one is being formatted.
    static LEAF: RefCell<Option<(Hole, Option<usize>)>> = const { RefCell::new(None) };
}

/// Runs `f` (which formats with [`super::fmt::debug`]) with the leaves padded as `h` says.
pub fn with_leaves(h: &Hole, width: Option<usize>, f: impl FnOnce()) {
    let old = LEAF.with(|l| l.replace(Some((h.clone(), width))));
    f();
    LEAF.with(|l| *l.borrow_mut() = old);
}

/// A leaf of `Debug` output: padded when a width is in force.
pub fn leaf(out: &mut String, body: String, numeric: bool) {
    let spec = LEAF.with(|l| l.borrow_mut().take());
    match &spec {
        Some((h, width)) => pad(out, body, h, *width, numeric),
        None => out.push_str(&body),
    }
    LEAF.with(|l| *l.borrow_mut() = spec);
}

/// `body` into `out`, signed and padded as hole `h` says.
pub fn pad(out: &mut String, body: String, h: &Hole, width: Option<usize>, numeric: bool) {
    let mut body = body;
    if h.plus && numeric && !body.starts_with('-') {
        body.insert(0, '+');
    }
    let len = body.chars().count();
    let Some(width) = width.filter(|w| *w > len) else {
        out.push_str(&body);
        return;
    };
    let pad = width - len;
    if h.zero && numeric {
        // Sign-aware zero padding: the sign (and 0x) stay in front of the zeros.
        let split = body
            .find(|c: char| c.is_ascii_digit())
            .map(|i| {
                if body
                    .get(i..i + 2)
                    .is_some_and(|p| p == "0x" || p == "0b" || p == "0o")
                    && h.alternate
                {
                    i + 2
                } else {
                    i
                }
            })
            .unwrap_or(0);
        let (sign, digits) = body.split_at(split.min(body.len()));
        out.push_str(sign);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(digits);
        return;
    }
    let align = h.align.unwrap_or(if numeric { '>' } else { '<' });
    let (before, after) = match align {
        '>' => (pad, 0),
        '^' => (pad / 2, pad - pad / 2),
        _ => (0, pad),
    };
    out.extend(std::iter::repeat_n(h.fill, before));
    out.push_str(&body);
    out.extend(std::iter::repeat_n(h.fill, after));
}
