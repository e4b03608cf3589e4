//! Operators and comparisons on your own types: `Add`, `Sub`, .., `AddAssign`, `Neg`, `Index`,
//! and `PartialEq`/`PartialOrd`/`Ord` by hand or derived.

use super::*;
use crate::interp::mem::{self, Place};
use crate::interp::types;

impl Interp {
    /// What `Value::equals`/`Value::compare` ask of your types' hand-written `PartialEq`, `Ord`
    /// and `PartialOrd` (see [`types::CmpHook`]).
    pub(super) fn cmp_hook(&self) -> types::CmpHook {
        let me = self.clone();
        Rc::new(move |a: &Value, b: &Value, eq: bool| {
            let reg = me.reg();
            let pairs: &[(&str, &str)] = if eq {
                &[("PartialEq", "eq")]
            } else {
                &[("Ord", "cmp"), ("PartialOrd", "partial_cmp")]
            };
            for (tr, name) in pairs {
                if let Some(m) = reg.trait_method(a, tr, name) {
                    let def = m.def.clone();
                    let at = def.span;
                    return me.call_sync(def, vec![a.clone(), b.clone()], at).ok();
                }
            }
            None
        })
    }

    /// `Ordering` between two values: a user `Ord`/`PartialOrd` impl, else the derived order.
    pub(super) fn compare_values(
        &self,
        l: &Value,
        r: &Value,
        at: Span,
    ) -> R<Option<std::cmp::Ordering>> {
        let reg = self.reg();
        for (tr, name) in [("Ord", "cmp"), ("PartialOrd", "partial_cmp")] {
            if let Some(m) = reg.trait_method(l, tr, name) {
                let v = self.call_sync(m.def.clone(), vec![l.clone(), r.clone()], at)?;
                return Ok(match v {
                    Value::Opt(Some(x)) => types::as_ordering(&x),
                    Value::Opt(None) => None,
                    x => types::as_ordering(&x),
                });
            }
        }
        Ok(l.compare(r))
    }

    /// A binary operator with a value of your type: its `Add`/`Sub`/.. impl, `PartialEq`
    /// (hand-written or derived), `PartialOrd`.
    pub(super) fn user_binop(&self, op: BinOp, l: Value, r: Value, at: Span) -> R {
        let (l, r) = (mem::deref(l), mem::deref(r));
        let reg = self.reg();
        let arith = match op {
            BinOp::Add => Some(("Add", "add")),
            BinOp::Sub => Some(("Sub", "sub")),
            BinOp::Mul => Some(("Mul", "mul")),
            BinOp::Div => Some(("Div", "div")),
            BinOp::Rem => Some(("Rem", "rem")),
            _ => None,
        };
        if let Some((tr, name)) = arith {
            let Some(m) = reg.trait_method(&l, tr, name) else {
                return Err(self.panic(at, format!("cannot apply `{name}` to `{}`", l.type_name())));
            };
            return self.call_sync(m.def.clone(), vec![l, r], at);
        }
        match op {
            BinOp::Eq | BinOp::Ne => {
                let eq = match reg.trait_method(&l, "PartialEq", "eq") {
                    Some(m) => truthy(&self.call_sync(m.def.clone(), vec![l, r], at)?),
                    None => l.equals(&r),
                };
                Ok(Value::Bool(eq == (op == BinOp::Eq)))
            }
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                use std::cmp::Ordering::*;
                let o = self.compare_values(&l, &r, at)?;
                Ok(Value::Bool(match (op, o) {
                    (_, None) => false,
                    (BinOp::Lt, Some(o)) => o == Less,
                    (BinOp::Le, Some(o)) => o != Greater,
                    (BinOp::Gt, Some(o)) => o == Greater,
                    (_, Some(o)) => o != Less,
                }))
            }
            _ => Err(self.panic(
                at,
                format!("cannot apply this operator to `{}`", l.type_name()),
            )),
        }
    }

    /// `a op= b` with `a` of your type: its `AddAssign` (..), else `a = a op b`.
    pub(super) fn user_assign_op(&self, op: BinOp, old: Value, v: Value, at: Span) -> R {
        let reg = self.reg();
        let tr = match op {
            BinOp::Add => Some(("AddAssign", "add_assign")),
            BinOp::Sub => Some(("SubAssign", "sub_assign")),
            BinOp::Mul => Some(("MulAssign", "mul_assign")),
            BinOp::Div => Some(("DivAssign", "div_assign")),
            _ => None,
        };
        if let Some(m) = tr.and_then(|(tr, name)| reg.trait_method(&old, tr, name)) {
            // `add_assign(&mut self, ..)` changes a place: a temporary one, read back.
            let slot = Place::root(mem::alloc(old));
            self.call_sync(m.def.clone(), vec![Value::reference(slot.clone()), v], at)?;
            return slot.read().map_err(|e| self.mem_err(at, e));
        }
        self.user_binop(op, old, v, at)
    }

    /// `-x`, `!x` with `x` of your type.
    pub(super) fn user_unop(&self, op: UnOp, v: Value, at: Span) -> R {
        let (tr, name) = match op {
            UnOp::Neg => ("Neg", "neg"),
            UnOp::Not => ("Not", "not"),
            UnOp::Deref => return Ok(v),
        };
        let reg = self.reg();
        let Some(m) = reg.trait_method(&v, tr, name) else {
            return Err(self.panic(at, format!("cannot apply `{name}` to `{}`", v.type_name())));
        };
        self.call_sync(m.def.clone(), vec![v], at)
    }

    /// `x[i]` with `x` of your type: its `Index` impl.
    pub(super) fn user_index(&self, v: Value, i: Value, at: Span) -> R {
        let reg = self.reg();
        let Some(m) = reg.trait_method(&v, "Index", "index") else {
            return Err(self.panic(at, format!("cannot index into `{}`", v.type_name())));
        };
        self.call_sync(m.def.clone(), vec![v, i], at)
    }
}
