//! Macros: `println!`/`format!` and their format strings, `panic!`, `assert!`, `join!`, `select!`.

use super::*;

impl Lowerer<'_> {
    /// Lowers a macro call: printing, formatting, panics, `vec!`, `join!`, `select!`.
    pub(super) fn mac(&mut self, m: &syn::Macro) -> R<Expr> {
        let at = span(m);
        let segs = Self::segments(&m.path);
        let name = segs.last().cloned().unwrap_or_default();
        let full = self.expand(&segs).map(|f| canonical(&f));
        let tokens = m.tokens.clone();
        let kind = match name.as_str() {
            "println" => ExprKind::Print(PrintTo::StdoutLine, self.format(tokens, at, true)?),
            "print" => ExprKind::Print(PrintTo::Stdout, self.format(tokens, at, true)?),
            "eprintln" => ExprKind::Print(PrintTo::StderrLine, self.format(tokens, at, true)?),
            "eprint" => ExprKind::Print(PrintTo::Stderr, self.format(tokens, at, true)?),
            "format" => ExprKind::FormatStr(self.format(tokens, at, false)?),
            "write" => self.write_mac(tokens, at, false)?,
            "writeln" => self.write_mac(tokens, at, true)?,
            "panic" | "unreachable" | "todo" | "unimplemented" => {
                let prefix = match name.as_str() {
                    "unreachable" => "internal error: entered unreachable code",
                    "todo" => "not yet implemented",
                    "unimplemented" => "not implemented",
                    _ => "",
                };
                let msg = if tokens.is_empty() {
                    None
                } else {
                    Some(self.format(tokens, at, false)?)
                };
                ExprKind::Panic(msg, prefix)
            }
            "assert" => {
                let mut args = self.split_args(tokens)?;
                if args.is_empty() {
                    return Err(Diagnostic::error(
                        at,
                        "macro requires a boolean expression as an argument",
                    ));
                }
                let cond = args.remove(0);
                let cond = self.boxed(&cond)?;
                let msg = self.rest_format(args, at)?;
                ExprKind::Assert(cond, msg)
            }
            "assert_eq" | "assert_ne" => {
                let mut args = self.split_args(tokens)?;
                if args.len() < 2 {
                    return Err(Diagnostic::error(
                        at,
                        format!("`{name}!` takes two values to compare"),
                    ));
                }
                let l = args.remove(0);
                let r = args.remove(0);
                let (l, r) = (self.boxed(&l)?, self.boxed(&r)?);
                let msg = self.rest_format(args, at)?;
                ExprKind::AssertEq(l, r, msg, name == "assert_eq")
            }
            // `ready!(p)`: the value of `Poll::Ready(v)`, or `return Poll::Pending`.
            "ready"
                if matches!(
                    full.as_deref(),
                    Some("std::task::ready" | "futures::ready" | "futures::task::ready")
                ) =>
            {
                // Built from a parsed template, not `parse_quote!`: syn's `printing` (and quote)
                // are left out of the wasm (interp/span/).
                let mut e: syn::ExprMatch = syn::parse_str(
                    "match x { crate::std::task::Poll::Ready(__ready) => __ready, \
                     crate::std::task::Poll::Pending => return crate::std::task::Poll::Pending, }",
                )
                .expect("the template of ready! parses");
                *e.expr = syn::parse2(tokens).map_err(|e| syntax_error(&e))?;
                return self.expr(&syn::Expr::Match(e));
            }
            "vec" => {
                let repeat = (|input: ParseStream| {
                    let x: syn::Expr = input.parse()?;
                    input.parse::<Token![;]>()?;
                    let n: syn::Expr = input.parse()?;
                    Ok((x, n))
                })
                .parse2(tokens.clone());
                match repeat {
                    Ok((x, n)) => ExprKind::Repeat(self.boxed(&x)?, self.boxed(&n)?),
                    Err(_) => {
                        let args = self.split_args(tokens)?;
                        ExprKind::Array(self.exprs(&args)?)
                    }
                }
            }
            "join" => {
                let futures = full.as_deref().is_some_and(|f| f.starts_with("futures"));
                // `biased;` polls the branches in order, as `futures::join!` always does.
                let (biased, tokens) = biased_prefix(tokens);
                let args = self.split_args(tokens)?;
                ExprKind::Join(self.exprs(&args)?, futures || biased)
            }
            "select" => self.select(tokens, at)?,
            // `std::pin::pin!(fut)` is the future; `tokio::pin!(a, b)` and `pin_mut!` keep the
            // variables as they are: a future here never moves once polled.
            "pin" | "pin_mut" => {
                let mut args = self.split_args(tokens)?;
                if full.as_deref() == Some("std::pin::pin") && args.len() == 1 {
                    return self.expr(&args.remove(0));
                }
                ExprKind::Tuple(self.exprs(&args)?.into_iter().map(|_| unit(at)).collect())
            }
            "try_join" => {
                let (biased, tokens) = biased_prefix(tokens);
                let args = self.split_args(tokens)?;
                ExprKind::TryJoin(self.exprs(&args)?, biased)
            }
            "matches" => {
                let (e, p, g) = (|input: ParseStream| {
                    let e: syn::Expr = input.parse()?;
                    input.parse::<Token![,]>()?;
                    let p = syn::Pat::parse_multi(input)?;
                    let g = if input.parse::<Option<Token![if]>>()?.is_some() {
                        Some(input.parse::<syn::Expr>()?)
                    } else {
                        None
                    };
                    let _ = input.parse::<Option<Token![,]>>()?;
                    Ok((e, p, g))
                })
                .parse2(tokens)
                .map_err(|e| syntax_error(&e))?;
                let scrut = self.boxed(&e)?;
                let base = self.locals.len();
                let arm = (|| {
                    let pat = self.pat(&p)?;
                    let guard = match &g {
                        Some(g) => Some(self.expr(g)?),
                        None => None,
                    };
                    Ok(Arm {
                        pat,
                        guard,
                        body: Expr {
                            kind: ExprKind::Lit(Lit::Bool(true)),
                            span: at,
                        },
                    })
                })();
                self.end_scope(base);
                let arms = vec![
                    arm?,
                    Arm {
                        pat: Pat::Wild,
                        guard: None,
                        body: Expr {
                            kind: ExprKind::Lit(Lit::Bool(false)),
                            span: at,
                        },
                    },
                ];
                ExprKind::Match(scrut, arms)
            }
            _ => {
                let shown = full.unwrap_or_else(|| segs.join("::"));
                return Err(not_available(at, &format!("the macro `{shown}!`")));
            }
        };
        Ok(Expr { kind, span: at })
    }

    pub(super) fn split_args(&self, tokens: TokenStream) -> R<Vec<syn::Expr>> {
        Punctuated::<syn::Expr, Token![,]>::parse_terminated
            .parse2(tokens)
            .map(|p| p.into_iter().collect())
            .map_err(|e| syntax_error(&e))
    }

    pub(super) fn rest_format(&mut self, args: Vec<syn::Expr>, at: Span) -> R<Option<Format>> {
        if args.is_empty() {
            return Ok(None);
        }
        Ok(Some(self.format_exprs(args, at, false)?))
    }

    /// A format string and its arguments: `"x = {x}, {:>8.2}", y`.
    pub(super) fn format(&mut self, tokens: TokenStream, at: Span, allow_empty: bool) -> R<Format> {
        let args = self.split_args(tokens)?;
        self.format_exprs(args, at, allow_empty)
    }

    /// [`Self::format`] of arguments already parsed (`assert!`'s message after its condition).
    fn format_exprs(&mut self, args: Vec<syn::Expr>, at: Span, allow_empty: bool) -> R<Format> {
        let mut iter = args.into_iter();
        let lit = match iter.next() {
            None if allow_empty => {
                return Ok(Format {
                    pieces: Vec::new(),
                    args: Vec::new(),
                    names: Vec::new(),
                })
            }
            None => {
                return Err(Diagnostic::error(
                    at,
                    "requires at least a format string argument",
                ))
            }
            Some(syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            })) => s,
            Some(other) => {
                return Err(Diagnostic::error(
                    span(&other),
                    "format argument must be a string literal",
                )
                .with("help: you might be missing a string literal to format with: `\"{}\", `"))
            }
        };
        let lit_span = span(&lit);
        let mut out = Format {
            pieces: Vec::new(),
            args: Vec::new(),
            names: Vec::new(),
        };
        for a in iter {
            if let syn::Expr::Assign(asg) = &a {
                if let syn::Expr::Path(p) = &*asg.left {
                    if let Some(id) = p.path.get_ident() {
                        let e = self.expr(&asg.right)?;
                        out.names.push((id.to_string().into(), out.args.len()));
                        out.args.push(e);
                        continue;
                    }
                }
            }
            let e = self.expr(&a)?;
            out.args.push(e);
        }
        let positional = out.args.len() - out.names.len();
        super::super::fmt::parse_format(
            &lit.value(),
            &mut out,
            positional,
            lit_span,
            &mut |name| {
                self.var(name).or_else(|| {
                    // `{GREETING}` captures a `const` or `static` too (marked, then replaced).
                    let c = self.own(&[name.to_string()], |i, p| i.consts.contains(p))?;
                    Some(format!("\0{c}").into())
                })
            },
        )?;
        for a in out.args.iter_mut() {
            if let ExprKind::Var(n) = &a.kind {
                if let Some(c) = n.strip_prefix('\0') {
                    a.kind = ExprKind::ConstRef(c.into());
                }
            }
        }
        Ok(out)
    }

    /// `select! { biased; pat = fut, if cond => handler, ... else => handler }`
    pub(super) fn select(&mut self, tokens: TokenStream, at: Span) -> R<ExprKind> {
        struct RawArm {
            pat: syn::Pat,
            fut: syn::Expr,
            guard: Option<syn::Expr>,
            body: syn::Expr,
        }
        let parsed = (|input: ParseStream| {
            let mut biased = false;
            if input.peek(syn::Ident)
                && input
                    .fork()
                    .parse::<syn::Ident>()
                    .is_ok_and(|i| i == "biased")
            {
                input.parse::<syn::Ident>()?;
                input.parse::<Token![;]>()?;
                biased = true;
            }
            let mut arms = Vec::new();
            let mut otherwise = None;
            while !input.is_empty() {
                let handler = |input: ParseStream| -> syn::Result<syn::Expr> {
                    if input.peek(syn::token::Brace) {
                        let block: syn::Block = input.parse()?;
                        let _ = input.parse::<Option<Token![,]>>()?;
                        Ok(syn::Expr::Block(syn::ExprBlock {
                            attrs: Vec::new(),
                            label: None,
                            block,
                        }))
                    } else {
                        let e: syn::Expr = input.parse()?;
                        if !input.is_empty() {
                            input.parse::<Token![,]>()?;
                        }
                        Ok(e)
                    }
                };
                if input.peek(Token![else]) {
                    input.parse::<Token![else]>()?;
                    input.parse::<Token![=>]>()?;
                    otherwise = Some(handler(input)?);
                    continue;
                }
                let pat = syn::Pat::parse_multi(input)?;
                input.parse::<Token![=]>()?;
                let fut = syn::Expr::parse_without_eager_brace(input)?;
                let guard = if input.peek(Token![,]) && input.peek2(Token![if]) {
                    input.parse::<Token![,]>()?;
                    input.parse::<Token![if]>()?;
                    Some(syn::Expr::parse_without_eager_brace(input)?)
                } else {
                    None
                };
                input.parse::<Token![=>]>()?;
                let body = handler(input)?;
                arms.push(RawArm {
                    pat,
                    fut,
                    guard,
                    body,
                });
            }
            Ok((biased, arms, otherwise))
        })
        .parse2(tokens)
        .map_err(|e| syntax_error(&e))?;
        let (biased, raw, otherwise) = parsed;
        if raw.is_empty() {
            return Err(Diagnostic::error(at, "`select!` needs at least one branch"));
        }
        let mut arms = Vec::new();
        for a in raw {
            let fut = self.expr(&a.fut)?;
            let guard = match &a.guard {
                Some(g) => Some(self.expr(g)?),
                None => None,
            };
            let base = self.locals.len();
            let r = (|| Ok((self.pat(&a.pat)?, self.expr(&a.body)?)))();
            self.end_scope(base);
            let (pat, body) = r?;
            arms.push(SelectArm {
                pat,
                fut,
                guard,
                body,
            });
        }
        let otherwise = match otherwise {
            Some(e) => Some(self.boxed(&e)?),
            None => None,
        };
        Ok(ExprKind::Select(biased, arms, otherwise))
    }
}

/// `()` at `at`.
fn unit(at: Span) -> Expr {
    Expr {
        kind: ExprKind::Tuple(Vec::new()),
        span: at,
    }
}

/// `join!(biased; a, b)`: whether the macro starts with `biased;`, and the tokens after it.
fn biased_prefix(tokens: TokenStream) -> (bool, TokenStream) {
    let mut it = tokens.clone().into_iter();
    match (it.next(), it.next()) {
        (Some(proc_macro2::TokenTree::Ident(i)), Some(proc_macro2::TokenTree::Punct(p)))
            if i == "biased" && p.as_char() == ';' =>
        {
            (true, it.collect())
        }
        _ => (false, tokens),
    }
}
