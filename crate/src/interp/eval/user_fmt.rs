//! `write!`/`writeln!`, the `fmt::Formatter` a user's `Display`/`Debug` impl receives, and the
//! hook through which std formatting calls those impls (see [`crate::interp::types::fmt`]).

use super::*;
use crate::interp::types::fmt::{self as tfmt, Builder, FormatterRef, FormatterState, Hook};

impl Interp {
    pub(super) async fn e_write(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        let ExprKind::Write(target, f, line) = &e.kind else {
            return Err(self.panic(at, "not a `write!`"));
        };
        let mut text = boxed(self.format(f, env)).await?;
        if *line {
            text.push('\n');
        }
        let place = self.place(target, env).await?;
        let into = |slot: &mut Value| -> R<()> {
            match slot {
                Value::Formatter(f) => {
                    f.borrow_mut().buf.push_str(&text);
                    Ok(())
                }
                Value::Str(s) => {
                    Rc::make_mut(s).push_str(&text);
                    self.check_len(s.len(), "String")
                }
                other => {
                    Err(self.panic(at, format!("cannot `write!` into `{}`", other.type_name())))
                }
            }
        };
        match place {
            Some(p) => {
                // `write!(f, ..)` with `f: &mut String` writes through the reference.
                let p = self.receiver(p, "write", target.span)?;
                self.with_place(&Some(p), target.span, into)?
            }
            None => {
                let mut v = self.eval(target, env).await?;
                into(&mut v)?;
            }
        }
        Ok(Value::ok(Value::Unit))
    }

    /// The methods of a `Formatter` and of the builders `debug_struct` & co. return.
    pub(super) fn formatter_method(
        &self,
        f: &FormatterRef,
        name: &str,
        a: Vec<Value>,
        at: Span,
    ) -> R {
        let ok = Value::ok(Value::Unit);
        let arg = |i: usize| a.get(i).cloned().unwrap_or(Value::Unit);
        let spec = f.borrow().spec.clone();
        let builder = |kind: char, name: String| {
            Value::Formatter(Rc::new(RefCell::new(FormatterState {
                buf: String::new(),
                spec: spec.clone(),
                builder: Some(Builder {
                    kind,
                    name,
                    fields: Vec::new(),
                }),
                parent: Some(f.clone()),
            })))
        };
        let debug = |v: &Value| {
            let mut s = String::new();
            if spec.alternate {
                fmt::debug_pretty(&mut s, v, 0, None);
            } else {
                fmt::debug(&mut s, v, None);
            }
            s
        };
        Ok(match name {
            "write_str" => {
                f.borrow_mut().buf.push_str(&fmt::display(&arg(0), None));
                ok
            }
            "pad" => {
                let s = tfmt::pad(&spec, &fmt::display(&arg(0), None));
                f.borrow_mut().buf.push_str(&s);
                ok
            }
            "alternate" => Value::Bool(spec.alternate),
            "sign_plus" => Value::Bool(spec.plus),
            "width" => Value::Opt(spec.width.map(|w| Box::new(Value::usize(w)))),
            "precision" => Value::Opt(spec.precision.map(|w| Box::new(Value::usize(w)))),
            "fill" => Value::Char(spec.fill),
            "debug_struct" => builder('{', fmt::display(&arg(0), None)),
            "debug_tuple" => builder('(', fmt::display(&arg(0), None)),
            "debug_list" => builder('[', String::new()),
            "field" | "entry" | "entries" => {
                let mut st = f.borrow_mut();
                let Some(b) = st.builder.as_mut() else {
                    return Err(self.panic(at, format!("no method `{name}` on `Formatter`")));
                };
                match (name, b.kind) {
                    ("field", '{') => b
                        .fields
                        .push((Some(fmt::display(&arg(0), None)), debug(&arg(1)))),
                    ("entries", _) => {
                        for x in self.items(arg(0), at)? {
                            b.fields.push((None, debug(&x)));
                        }
                    }
                    _ => b.fields.push((None, debug(&arg(0)))),
                }
                drop(st);
                Value::Formatter(f.clone())
            }
            "finish" => {
                let st = f.borrow();
                let (Some(b), Some(parent)) = (&st.builder, &st.parent) else {
                    return Err(self.panic(at, "no method `finish` on `Formatter`"));
                };
                let s = tfmt::built(b.kind, &b.name, &b.fields, spec.alternate);
                parent.borrow_mut().buf.push_str(&s);
                ok
            }
            _ => return Err(self.panic(at, format!("no method `{name}` on `Formatter`"))),
        })
    }

    /// `self.0.fmt(f)`: a std value formatted with the caller's spec (its width and fill too).
    pub(super) fn fmt_with(&self, v: &Value, f: &FormatterRef) -> R {
        let spec = f.borrow().spec.clone();
        let hole = Hole {
            arg: 0,
            fill: spec.fill,
            align: spec.align,
            plus: spec.plus,
            alternate: spec.alternate,
            zero: spec.zero,
            width: spec.width.map(Count::Is),
            precision: spec.precision.map(Count::Is),
            trait_: spec.trait_,
        };
        let s = fmt::render(&[Piece::Hole(hole)], std::slice::from_ref(v))
            .map_err(|m| tfmt::take_pending().unwrap_or_else(|| self.panic(Span::default(), m)))?;
        if let Some(flow) = tfmt::take_pending() {
            return Err(flow);
        }
        f.borrow_mut().buf.push_str(&s);
        Ok(Value::ok(Value::Unit))
    }

    /// What std formatting calls for a value of your type with a hand-written `Display` or
    /// `Debug`: its `fmt`, run to its end at once.
    pub(super) fn fmt_hook(&self) -> Hook {
        let me = self.clone();
        Rc::new(move |v: &Value, spec: &tfmt::Spec| {
            let trait_ = match spec.trait_ {
                '?' => "Debug",
                ' ' => "Display",
                _ => return None,
            };
            let reg = me.0.program.types.clone();
            let def = reg.trait_method(v, trait_, "fmt")?.def.clone();
            let f = tfmt::formatter(spec.clone());
            let at = def.span;
            match me.call_sync(def, vec![v.clone(), Value::Formatter(f.clone())], at) {
                Ok(_) => Some(Ok(std::mem::take(&mut f.borrow_mut().buf))),
                Err(flow) => Some(Err(flow)),
            }
        })
    }
}
