//! `Cell`, `RefCell`, `Mutex` and `RwLock` (std's): their rows reach the memory model's
//! `Interp::cell_method` (eval/smart.rs), which knows borrows, guards and poisoning.

use super::{Family, Method, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::value::Value;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Cell(_)),
    methods: METHODS,
};

/// One row per method, all reaching `cell_method` by name; `clone` of a `Mutex` (which has none
/// there) is the value's own clone, as before.
macro_rules! rows {
    ($($f:ident),* $(,)?) => {
        const METHODS: &[(&str, Method)] = &[$((stringify!($f), Sync($f))),*];
        $(fn $f(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
            match i.cell_method(v, stringify!($f), &mut a, at) {
                Some(r) => r,
                None if stringify!($f) == "clone" => Ok(v.clone()),
                None => Err(i.panic(
                    at,
                    format!("no method named `{}` found for `{}`", stringify!($f), v.type_name()),
                )),
            }
        })*
    };
}
rows! {
    clone, get, set, replace, take, borrow, borrow_mut, try_borrow, try_borrow_mut, get_mut,
    into_inner, lock, try_lock, read, write, try_read, try_write, is_poisoned, clear_poison,
}
