//! The std collections' values and constructors: `HashMap`/`BTreeMap` ([`MapBox`]), `HashSet`/
//! `BTreeSet` and `VecDeque`, and what `collect`/`from` make of items.
//!
//! **Iteration order.** A `HashMap`'s or `HashSet`'s order in Rust is random per run, so any fixed
//! order is one Rust could print: both iterate and print here in key order, exactly like their
//! `BTree` twins. Courses that print a map sort it first or use a `BTreeMap`, and then match.
//!
//! A map's values live in their own allocations ([`Alloc`]), so `entry(k).or_insert(0)`,
//! `get_mut` and `values_mut` hand out real references (`*map.entry(w).or_insert(0) += 1`).
//! A map is shared by its copies like a heap object; `clone` makes a new one.

use super::{arg, Family};
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::mem::{self, Alloc};
use crate::interp::value::Value;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::VecDeque;
use std::rc::Rc;

/// `HashMap` or `BTreeMap` (`HashSet` or `BTreeSet`): the same here but for the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `HashMap`/`HashSet`.
    Hash,
    /// `BTreeMap`/`BTreeSet`.
    BTree,
}

/// A map: its entries sorted by key, each value in its own allocation.
pub struct MapBox {
    /// Which map.
    pub kind: Kind,
    /// The entries, in key order.
    pub entries: RefCell<Vec<(Value, Alloc)>>,
    /// The value type as the program declared it (`"Vec"`, `"i32"`, `""` if unknown), for
    /// `or_default`.
    pub value_ty: Rc<str>,
}

impl MapBox {
    /// A new map value.
    pub fn value(kind: Kind, entries: Vec<(Value, Alloc)>) -> Value {
        MapBox::typed(kind, entries, "")
    }

    /// A new map value whose value type is known.
    pub fn typed(kind: Kind, entries: Vec<(Value, Alloc)>, value_ty: &str) -> Value {
        Value::Map(Rc::new(MapBox {
            kind,
            entries: RefCell::new(entries),
            value_ty: value_ty.into(),
        }))
    }

    /// `V::default()` for the declared value type, if it is known.
    pub fn default_value(&self) -> Option<Value> {
        default_of(&self.value_ty)
    }

    /// Where `k` is (`Ok`) or would go (`Err`).
    pub fn find(&self, k: &Value) -> Result<usize, usize> {
        self.entries
            .borrow()
            .binary_search_by(|(x, _)| x.compare(k).unwrap_or(Ordering::Equal))
    }

    /// Inserts or replaces; the old value if there was one.
    pub fn insert(&self, k: Value, v: Value) -> Option<Value> {
        match self.find(&k) {
            Ok(n) => {
                let a = self.entries.borrow()[n].1.clone();
                let old = a.replace(v);
                Some(old)
            }
            Err(n) => {
                self.entries.borrow_mut().insert(n, (k, mem::alloc(v)));
                None
            }
        }
    }

    /// The allocation of `k`'s value, if present.
    pub fn slot(&self, k: &Value) -> Option<Alloc> {
        let n = self.find(k).ok()?;
        Some(self.entries.borrow()[n].1.clone())
    }

    /// A new map with the same entries in new allocations (`clone`).
    pub fn deep_clone(&self) -> Value {
        let entries = self
            .entries
            .borrow()
            .iter()
            .map(|(k, a)| (k.clone(), mem::alloc(a.borrow().clone())))
            .collect();
        MapBox::typed(self.kind, entries, &self.value_ty)
    }
}

/// `T::default()` for the type a program named (a target string of `lower/target.rs`: `"Vec"`,
/// `"String"`, `"u8"`, …), if this file knows it.
pub fn default_of(t: &str) -> Option<Value> {
    Some(match t {
        "Vec" => Value::Vec(Rc::new(Vec::new())),
        "String" => Value::str(""),
        "bool" => Value::Bool(false),
        "f64" | "f32" => Value::Float(0.0),
        "HashMap" | "BTreeMap" | "HashSet" | "BTreeSet" | "VecDeque" => {
            return match t {
                "HashMap" => Some(MapBox::value(Kind::Hash, Vec::new())),
                "BTreeMap" => Some(MapBox::value(Kind::BTree, Vec::new())),
                "HashSet" => Some(set_of(Kind::Hash, Vec::new())),
                "BTreeSet" => Some(set_of(Kind::BTree, Vec::new())),
                _ => Some(Value::Deque(Rc::new(VecDeque::new()))),
            };
        }
        t if t.starts_with("Option") => Value::Opt(None),
        t => Value::Int(0, crate::interp::ast::IntTy::from_name(t)?),
    })
}

/// Sorts and dedups set items (keeps the first of equal items, as `insert` does).
pub fn set_of(kind: Kind, mut items: Vec<Value>) -> Value {
    crate::interp::sort::sort_by(&mut items, |a, b| a.compare(b).unwrap_or(Ordering::Equal));
    items.dedup_by(|a, b| a.equals(b));
    Value::Set(kind, Rc::new(items))
}

/// The collection `target` (`HashMap`, `VecDeque`, …) of `items`, or the items back if `target`
/// is not a collection of this file.
pub(crate) fn from_items(
    i: &Interp,
    target: &str,
    items: Vec<Value>,
    at: Span,
) -> R<Result<Value, Vec<Value>>> {
    let kind = if target.starts_with("BTree") {
        Kind::BTree
    } else {
        Kind::Hash
    };
    Ok(Ok(match target {
        "HashMap" | "BTreeMap" => {
            let m = MapBox::value(kind, Vec::new());
            let Value::Map(b) = &m else {
                return Ok(Err(items));
            };
            for x in items {
                match mem::deref(x) {
                    Value::Tuple(t) if t.len() == 2 => {
                        b.insert(t[0].clone(), t[1].clone());
                    }
                    other => {
                        return Err(i.panic(
                            at,
                            format!("a map collects pairs, not `{}`", other.type_name()),
                        ))
                    }
                }
            }
            m
        }
        "HashSet" | "BTreeSet" => set_of(kind, items),
        "VecDeque" => Value::Deque(Rc::new(items.into_iter().collect::<VecDeque<_>>())),
        // Futures collected into a `JoinSet`: each one spawned (`FromIterator for JoinSet`).
        "JoinSet" => i.joinset_from(items, at)?,
        _ => return Ok(Err(items)),
    }))
}

/// The associated functions of the collections (`HashMap::new`, …), by their path's last two
/// segments.
pub(crate) fn call(i: &Interp, path: &str, mut a: Vec<Value>, at: Span) -> R {
    let (ty, f) = path.rsplit_once("::").unwrap_or(("", path));
    let ty = ty.rsplit("::").next().unwrap_or(ty);
    match f {
        "new" | "with_capacity" | "default" => {
            // The lowering passes a map's declared value type (`lower/target.rs`).
            if let (Some(Value::Str(v)), true) = (a.last(), ty.ends_with("Map")) {
                let kind = if ty.starts_with("BTree") {
                    Kind::BTree
                } else {
                    Kind::Hash
                };
                return Ok(MapBox::typed(kind, Vec::new(), v));
            }
            Ok(from_items(i, ty, Vec::new(), at)?.unwrap_or_else(|_| Value::Unit))
        }
        "from" | "from_iter" => {
            let items = match mem::deref(arg(i, &mut a, 0, f, at)?) {
                Value::Vec(v) => Rc::try_unwrap(v).unwrap_or_else(|rc| (*rc).clone()),
                other => {
                    return Err(i.panic(
                        at,
                        format!("`{ty}::from` takes an array, not `{}`", other.type_name()),
                    ))
                }
            };
            Ok(from_items(i, ty, items, at)?.unwrap_or_else(|_| Value::Unit))
        }
        _ => Err(i.panic(at, format!("`{path}` is not available in this playground"))),
    }
}

/// The paths [`call`] serves (for the lowering's table of known paths).
pub const FUNCTIONS: &[&str] = &[
    "std::collections::HashMap::new",
    "std::collections::HashMap::with_capacity",
    "std::collections::HashMap::from",
    "std::collections::BTreeMap::new",
    "std::collections::BTreeMap::from",
    "std::collections::HashSet::new",
    "std::collections::HashSet::with_capacity",
    "std::collections::HashSet::from",
    "std::collections::BTreeSet::new",
    "std::collections::BTreeSet::from",
    "std::collections::VecDeque::new",
    "std::collections::VecDeque::with_capacity",
    "std::collections::VecDeque::from",
];

/// The family of `Entry` (`map.entry(k)`): see `map.rs` for its rows.
pub(crate) const ENTRY: Family = Family {
    accepts: |v| matches!(v, Value::Entry(..)),
    methods: super::map::ENTRY_METHODS,
};
