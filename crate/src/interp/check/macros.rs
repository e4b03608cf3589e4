//! Macros: the ones whose arguments are expressions are read (printing and formatting with
//! their inline `{name}` arguments, `vec!`, `assert!`, `join!`, `select!`); any other macro is
//! opaque, and every local it names is left alone from then on.

use super::errors;
use super::scope::{OfParam, State, Use};
use super::ty::Ty;
use super::walk::{Phase, Walker};
use crate::interp::diag::Span;
use proc_macro2::{TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, Token};

type Args = Punctuated<Expr, Token![,]>;

/// A positional format argument: its type, its span, and the type parameter it is, if any.
type Arg = (Ty, Span, Option<OfParam>);

/// One branch of `select!`.
struct Branch {
    pat: syn::Pat,
    fut: Expr,
    cond: Option<Expr>,
    body: Expr,
}

fn parse_select(input: ParseStream) -> syn::Result<(Vec<Branch>, Option<Expr>)> {
    let mut branches = Vec::new();
    let mut els = None;
    while !input.is_empty() {
        if input.peek(syn::Ident) && input.peek2(Token![;]) {
            input.parse::<syn::Ident>()?;
            input.parse::<Token![;]>()?;
            continue;
        }
        if input.peek(Token![else]) {
            input.parse::<Token![else]>()?;
            input.parse::<Token![=>]>()?;
            els = Some(input.parse::<Expr>()?);
            if input.peek(Token![,]) {
                input.parse::<Token![,]>()?;
            }
            continue;
        }
        let pat = syn::Pat::parse_multi_with_leading_vert(input)?;
        input.parse::<Token![=]>()?;
        let fut: Expr = input.parse()?;
        let mut cond = None;
        if input.peek(Token![,]) && input.peek2(Token![if]) {
            input.parse::<Token![,]>()?;
            input.parse::<Token![if]>()?;
            cond = Some(input.parse::<Expr>()?);
        }
        input.parse::<Token![=>]>()?;
        let body: Expr = if input.peek(syn::token::Brace) {
            Expr::Block(input.parse()?)
        } else {
            input.parse()?
        };
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
        branches.push(Branch {
            pat,
            fut,
            cond,
            body,
        });
    }
    Ok((branches, els))
}

/// The `{name}` arguments of a format string: (name, byte offset in the token's text).
fn inline_args(text: &str) -> Vec<(String, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            if b.get(i + 1) == Some(&b'{') {
                i += 2;
                continue;
            }
            let start = i + 1;
            let mut j = start;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                j += 1;
            }
            let name = &text[start..j];
            if !name.is_empty()
                && !name.starts_with(|c: char| c.is_ascii_digit())
                && matches!(b.get(j), Some(b'}' | b':'))
            {
                out.push((name.to_string(), start));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The placeholders of a format string's token text: (start, end) byte offsets of `{...}`, the
/// argument (empty, an index or a name) and the spec after `:`.
fn placeholders(text: &str) -> Vec<(usize, usize, String, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' if b.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if b.get(i + 1) == Some(&b'}') => i += 2,
            b'{' => {
                let Some(close) = text[i..].find('}') else {
                    return out;
                };
                let inner = &text[i + 1..i + close];
                let (arg, spec) = match inner.split_once(':') {
                    Some((a, s)) => (a.trim(), s),
                    None => (inner.trim(), ""),
                };
                out.push((i, i + close + 1, arg.to_string(), spec.to_string()));
                i += close + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The span of `len` bytes at byte `off` of a token whose text is `text` and span `tok`.
fn sub_span(tok: Span, text: &str, off: usize, len: usize) -> Span {
    let before = &text[..off];
    let lines = before.matches('\n').count() as u32;
    let col = match before.rfind('\n') {
        Some(nl) => before[nl + 1..].chars().count() as u32 + 1,
        None => tok.column + before.chars().count() as u32,
    };
    let n = text[off..off + len].chars().count() as u32;
    Span {
        line: tok.line + lines,
        column: col,
        end_line: tok.line + lines,
        end_column: col + n,
    }
}

impl<'a> Walker<'a> {
    /// Walks a macro call; its type.
    #[inline(never)]
    pub fn mac(&mut self, m: &syn::Macro) -> Ty {
        let name = m
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        match name.as_str() {
            "println" | "print" | "eprintln" | "eprint" | "format" | "panic" | "write"
            | "writeln" | "unreachable" | "todo" | "unimplemented" | "format_args" | "assert"
            | "assert_eq" | "assert_ne" | "debug_assert" | "debug_assert_eq"
            | "debug_assert_ne" => {
                let Ok(args) = Args::parse_terminated.parse2(m.tokens.clone()) else {
                    self.opaque(m.tokens.clone());
                    return Ty::Unknown;
                };
                // `name = value` arguments are names the format string may use.
                let named: Vec<String> = args
                    .iter()
                    .filter_map(|a| match a {
                        Expr::Assign(n) => match &*n.left {
                            Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()),
                            _ => None,
                        },
                        _ => None,
                    })
                    .collect();
                let fmt_at = match name.as_str() {
                    "write" | "writeln" => Some(1),
                    "println" | "print" | "eprintln" | "eprint" | "format" | "panic" => Some(0),
                    _ => None,
                };
                // The format string's place: any other string literal is an argument.
                let str_at = match name.as_str() {
                    "write" | "writeln" | "assert" | "debug_assert" => 1,
                    "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne" => 2,
                    _ => 0,
                };
                let mut positional: Vec<Arg> = Vec::new();
                for (k, a) in args.iter().enumerate() {
                    match a {
                        Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }) if k == str_at => self.format_string(s, &named),
                        Expr::Assign(named) => {
                            self.expr(&named.right, Use::Borrow);
                        }
                        e => {
                            if let Some(idx) = self.path_local(e) {
                                let at = Span::of(crate::interp::span::Spanned::span(e));
                                self.conflict(idx, at, false);
                            }
                            let t = self.expr(e, Use::Borrow);
                            if fmt_at.is_some_and(|f| k > f) {
                                let at = Span::of(crate::interp::span::Spanned::span(e));
                                positional.push((t, at, self.arg_param(e)));
                            }
                        }
                    }
                }
                if let Some(Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                })) = fmt_at.and_then(|f| args.iter().nth(f))
                {
                    self.format_traits(s, &positional, &named);
                }
                match name.as_str() {
                    "format" => Ty::String,
                    "panic" | "unreachable" | "todo" | "unimplemented" => {
                        self.diverged = true;
                        Ty::Unknown
                    }
                    _ => Ty::Unit,
                }
            }
            "vec" => {
                let both = |input: ParseStream| -> syn::Result<(Expr, Expr)> {
                    let a: Expr = input.parse()?;
                    input.parse::<Token![;]>()?;
                    Ok((a, input.parse()?))
                };
                if let Ok((a, n)) = both.parse2(m.tokens.clone()) {
                    let t = self.expr(&a, Use::Move);
                    self.expr(&n, Use::Move);
                    return Ty::Adt("Vec".into(), vec![super::infer::settle(t)]);
                }
                let Ok(args) = Args::parse_terminated.parse2(m.tokens.clone()) else {
                    self.opaque(m.tokens.clone());
                    return Ty::Unknown;
                };
                let mut elem = Ty::Unknown;
                for (i, a) in args.iter().enumerate() {
                    let t = self.expr(a, Use::Move);
                    if i == 0 {
                        elem = super::infer::settle(t);
                    }
                }
                Ty::Adt("Vec".into(), vec![elem])
            }
            "dbg" | "join" | "try_join" => {
                let Ok(args) = Args::parse_terminated.parse2(m.tokens.clone()) else {
                    self.opaque(m.tokens.clone());
                    return Ty::Unknown;
                };
                let mut not_future = None;
                for a in &args {
                    let t = self.expr(a, Use::Move);
                    if not_future.is_none() && super::infer::surely_not_future(&t, self.items) {
                        not_future = Some(t);
                    }
                }
                if let (Some(t), true) = (not_future, name != "dbg") {
                    self.not_future_in_macro(m, &t);
                }
                Ty::Unknown
            }
            "matches" => {
                let first = |input: ParseStream| -> syn::Result<Expr> {
                    let e: Expr = input.parse()?;
                    let _: TokenStream = input.parse()?;
                    Ok(e)
                };
                match first.parse2(m.tokens.clone()) {
                    Ok(e) => {
                        self.expr(&e, Use::Borrow);
                    }
                    Err(_) => self.opaque(m.tokens.clone()),
                }
                Ty::Bool
            }
            "select" => {
                match parse_select.parse2(m.tokens.clone()) {
                    Ok((branches, els)) => self.select(m, &branches, els.as_ref()),
                    Err(_) => self.opaque(m.tokens.clone()),
                }
                Ty::Unknown
            }
            _ => {
                self.opaque(m.tokens.clone());
                Ty::Unknown
            }
        }
    }

    /// E0277 for a value that is not a future given to `join!` or `select!`.
    fn not_future_in_macro(&mut self, m: &syn::Macro, t: &Ty) {
        let ty = t.show();
        let d = crate::interp::Diagnostic::error(
            Span::of(crate::interp::span::Spanned::span(m)),
            format!("`{ty}` is not a future"),
        )
        .with_code("E0277")
        .label(format!("`{ty}` is not a future"))
        .with(format!(
            "help: the trait `Future` is not implemented for `{ty}`"
        ));
        self.report(Phase::Typeck, d);
    }

    fn select(&mut self, m: &syn::Macro, branches: &[Branch], els: Option<&Expr>) {
        let mut not_future = None;
        for b in branches {
            if let Some(c) = &b.cond {
                self.expr(c, Use::Move);
            }
            let t = self.expr(&b.fut, Use::Move);
            if not_future.is_none() && super::infer::surely_not_future(&t, self.items) {
                not_future = Some(t);
            }
        }
        if let Some(t) = not_future {
            self.not_future_in_macro(m, &t);
        }
        let n = branches.len();
        self.branches(&mut |s: &mut Self, k| {
            if k < n {
                let b = &branches[k];
                s.push_scope();
                s.pattern(&b.pat, Ty::Unknown, true, false);
                s.expr(&b.body, Use::Move);
                s.pop_scope();
                Some(())
            } else if k == n {
                if let Some(e) = els {
                    s.expr(e, Use::Move);
                }
                Some(())
            } else {
                None
            }
        });
    }

    /// The inline arguments of a format string are borrows of locals.
    fn format_string(&mut self, s: &syn::LitStr, named: &[String]) {
        let text = s.token().to_string();
        let tok = Span::of(s.span());
        for (name, off) in inline_args(&text) {
            if named.contains(&name) {
                continue;
            }
            let at = sub_span(tok, &text, off, name.len());
            match self.lookup(&name) {
                Some(idx) => {
                    self.conflict(idx, at, false);
                    self.use_local(idx, at, Use::Borrow, None);
                }
                None => {
                    if !self.value_known(&name) && !self.items.open {
                        self.report(Phase::Value, errors::no_value(at, &name));
                    }
                }
            }
        }
    }

    /// E0277 for a `{}` whose argument has no `Display`, or a `{:?}` whose argument (of the
    /// program's own types, or a type parameter without bounds that imply them) has no `Debug`.
    fn format_traits(&mut self, s: &syn::LitStr, args: &[Arg], named: &[String]) {
        let text = s.token().to_string();
        let tok = Span::of(s.span());
        let mut next = 0;
        let all = placeholders(&text);
        // Widths and precisions taken from arguments shift the positions: left to rustc.
        if all.iter().any(|(_, _, _, spec)| spec.contains(['$', '*'])) {
            return;
        }
        for (start, end, arg, spec) in all {
            let at = sub_span(tok, &text, start, end - start);
            // rustc points at an inline `{name}` as a whole, with no second label.
            let (ty, arg_at, param, inline) = match arg.as_str() {
                "" => {
                    next += 1;
                    match args.get(next - 1) {
                        Some((t, s, p)) => (t.clone(), *s, p.clone(), false),
                        None => return,
                    }
                }
                n if n.chars().all(|c| c.is_ascii_digit()) => {
                    match n.parse::<usize>().ok().and_then(|i| args.get(i)) {
                        Some((t, s, p)) => (t.clone(), *s, p.clone(), false),
                        None => return,
                    }
                }
                n if named.iter().any(|m| m == n) => continue,
                n => match self.lookup(n) {
                    Some(i) => {
                        let l = &self.locals[i];
                        let p = match &l.of_param {
                            Some(v @ OfParam::Value(..)) => Some(v.clone()),
                            _ => None,
                        };
                        (l.ty.clone(), at, p, true)
                    }
                    None => continue,
                },
            };
            let debug = spec.contains('?');
            let plain = !debug && !spec.ends_with(['x', 'X', 'o', 'b', 'e', 'E', 'p']);
            if let Some(OfParam::Value(name, amp)) = param {
                if plain || debug {
                    self.unbounded_param(&name, amp, debug, arg_at, (!inline).then_some(at));
                }
                continue;
            }
            let shown = ty.show();
            if plain && self.lacks_display(&ty) {
                let mut d = crate::interp::Diagnostic::error(
                    arg_at,
                    format!("`{shown}` doesn't implement `std::fmt::Display`"),
                )
                .with_code("E0277")
                .label(format!(
                    "`{shown}` cannot be formatted with the default formatter"
                ));
                if !inline {
                    d = d.also(at, "required by this formatting parameter");
                }
                let d = d
                .with(format!("help: the trait `std::fmt::Display` is not implemented for `{shown}`"))
                .with("note: in format strings you may be able to use `{:?}` (or {:#?} for pretty-print) instead");
                self.report(Phase::Typeck, d);
            } else if debug && self.lacks_debug(&ty) {
                let mut d = crate::interp::Diagnostic::error(
                    arg_at,
                    format!("`{shown}` doesn't implement `Debug`"),
                )
                .with_code("E0277")
                .label(format!("`{shown}` cannot be formatted using `{{:?}}` because it doesn't implement `Debug`"));
                if !inline {
                    d = d.also(at, "required by this formatting parameter");
                }
                let d = d
                .with(format!("help: the trait `Debug` is not implemented for `{shown}`"))
                .with(format!("note: add `#[derive(Debug)]` to `{shown}` or manually `impl Debug for {shown}`"));
                self.report(Phase::Typeck, d);
            }
        }
    }

    /// E0277 for a value of type parameter `name` (behind `amp`: `""`, `"&"` or `"&mut "`)
    /// formatted with `{:?}` (`debug`) or `{}`, when no bound of `name` gives it that trait.
    fn unbounded_param(
        &mut self,
        name: &str,
        amp: &str,
        debug: bool,
        arg_at: Span,
        placeholder: Option<Span>,
    ) {
        let Some(&(_, bounded)) = self.bare.iter().find(|(n, _)| n == name) else {
            return;
        };
        let (full, short) = if debug {
            ("Debug", "Debug")
        } else {
            ("std::fmt::Display", "Display")
        };
        let label = if debug {
            format!(
                "`{name}` cannot be formatted using `{{:?}}` because it doesn't implement `Debug`"
            )
        } else {
            format!("`{name}` cannot be formatted with the default formatter")
        };
        let mut d = crate::interp::Diagnostic::error(
            arg_at,
            format!("`{name}` doesn't implement `{full}`"),
        )
        .with_code("E0277")
        .label(label);
        if let Some(at) = placeholder {
            d = d.also(at, "required by this formatting parameter");
        }
        if !debug {
            d = d.with("note: in format strings you may be able to use `{:?}` (or {:#?} for pretty-print) instead");
        }
        if !amp.is_empty() {
            d = d.with(format!(
                "note: required for `{amp}{name}` to implement `{full}`"
            ));
        }
        let further = if bounded { "further " } else { "" };
        d = d.with(format!(
            "help: consider {further}restricting type parameter `{name}` with trait `{short}`"
        ));
        self.report(Phase::Typeck, d);
    }

    fn lacks_display(&self, t: &Ty) -> bool {
        match t {
            // `async fn`/`async` block futures are opaque: neither `Display` nor `Debug` (a
            // forgotten `.await` before printing).
            Ty::Unit | Ty::Tuple(_) | Ty::Future(_) => true,
            Ty::Ref(_, t) => self.lacks_display(t),
            Ty::Adt(n, a) => match n.as_str() {
                "Vec" | "HashMap" | "HashSet" | "VecDeque" | "BTreeMap" | "Option" | "Result"
                | "Duration" | "Instant" => true,
                "Box" | "Rc" | "Arc" => a.first().is_some_and(|t| self.lacks_display(t)),
                n => self.items.structs.contains_key(n) && !self.items.display.contains(n),
            },
            _ => false,
        }
    }

    fn lacks_debug(&self, t: &Ty) -> bool {
        match t {
            Ty::Future(_) => true,
            Ty::Ref(_, t) => self.lacks_debug(t),
            Ty::Adt(n, a) => match n.as_str() {
                "Vec" | "Option" | "Box" | "Rc" | "Arc" | "VecDeque" | "tokio::time::Timeout" => {
                    a.first().is_some_and(|t| self.lacks_debug(t))
                }
                n => {
                    self.items.structs.get(n).is_some_and(|s| !s.debug)
                        && !self.items.debug.contains(n)
                }
            },
            Ty::Tuple(ts) => ts.iter().any(|t| self.lacks_debug(t)),
            _ => false,
        }
    }

    /// A macro the checker does not read: every local it names may be moved or borrowed in it.
    pub fn opaque(&mut self, tokens: TokenStream) {
        for t in tokens {
            match t {
                TokenTree::Ident(i) => {
                    if let Some(idx) = self.lookup(&i.to_string()) {
                        let at = Span::of(i.span());
                        for f in self.frames.iter_mut().rev() {
                            if idx < f.base {
                                f.captures.push((idx, at, Use::Move));
                            } else {
                                break;
                            }
                        }
                        let l = &mut self.locals[idx];
                        l.state = State::Unknown;
                        l.pending.clear();
                        l.loan = None;
                    }
                }
                TokenTree::Group(g) => self.opaque(g.stream()),
                _ => {}
            }
        }
    }
}
