//! The values an interpreted program computes with.
//!
//! Plain data (`String`, `Vec`, tuples) is shared copy-on-write (`Rc` + `Rc::make_mut`), so reading
//! a variable is cheap and mutation still has Rust's value semantics. Values whose *drop* or identity
//! is observable (a future, a channel end, a `JoinHandle`, an `Rc`, a cell, a guard) are moved out of
//! their variable when used by value, so they drop where Rust drops them ([`Value::is_copy`]).
//! References are [`Value::Ref`]s to places of the memory model ([`super::mem`]).

use super::ast::{FnDef, IntTy, Name, Pat};
use super::mem::{self, Alloc, CellBox, Guard, Place, RcBox};
use super::rt::{self, BoxFut};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// Why evaluation left the normal path.
pub enum Flow {
    /// `return v` (and `?` on an error).
    Return(Value),
    /// `break 'label v`.
    Break(Option<Name>, Value),
    /// `continue 'label`.
    Continue(Option<Name>),
    /// A panic, already printed: unwinds to the task (or `main`).
    Panic(rt::Panic),
    /// A limit stopped the run ([`rt::Rt::halt`] was called): nothing more runs.
    Halt,
}

/// The future behind an interpreted future value: its result is the value, or a panic/halt.
pub type ValFut = BoxFut<Result<Value, Flow>>;

/// A future held by a variable: shared so `&mut fut` in `select!` polls it in place; emptied when
/// it finished or was moved into something that polls it.
pub type FutCell = Rc<RefCell<Option<ValFut>>>;

/// A closure value: its parameters, body and captured variables.
pub struct Closure {
    /// Parameters.
    pub params: Vec<Pat>,
    /// Body.
    pub body: Rc<super::ast::Expr>,
    /// Captured variables.
    /// A borrowing closure shares the caller's allocations (it sees and changes the caller's
    /// variables); a `move` closure owns fresh ones (its `FnMut` state between calls).
    pub env: Vec<(Name, Alloc)>,
    /// `move |..|`.
    pub is_move: bool,
    /// `async` closure: calling it makes a future.
    pub is_async: bool,
}

/// A value.
#[derive(Clone)]
#[allow(missing_docs)]
pub enum Value {
    Unit,
    Bool(bool),
    Int(i128, IntTy),
    Float(f64),
    Char(char),
    /// `String` and `&str` alike.
    Str(Rc<String>),
    Tuple(Rc<Vec<Value>>),
    /// `Vec<T>`, arrays and slices.
    Vec(Rc<Vec<Value>>),
    /// `a..b` (end exclusive), with the element type.
    Range(i128, i128, IntTy),
    Opt(Option<Box<Value>>),
    Res(Result<Box<Value>, Box<Value>>),
    Duration(Duration),
    /// µs of program time.
    Instant(u64),
    Future(FutCell),
    Closure(Rc<Closure>),
    FnRef(Rc<FnDef>),
    JoinHandle(Rc<RefCell<Option<rt::JoinHandle<Value>>>>),
    JoinError(rt::JoinError),
    Elapsed,
    SendError(Box<Value>),
    RecvError,
    Sender(rt::mpsc::Sender<Value>),
    UnboundedSender(rt::mpsc::UnboundedSender<Value>),
    Receiver(Rc<rt::mpsc::Receiver<Value>>),
    OneshotSender(Rc<RefCell<Option<rt::oneshot::Sender<Value>>>>),
    Interval(rt::Interval),
    /// A library error value (`ParseIntError`, `TryRecvError`): its `Debug` and `Display` text.
    Error(Rc<(String, String)>),
    /// A value of the program's own `struct` or `enum` (see [`super::types`]).
    Adt(Rc<super::types::Adt>),
    /// A `fmt::Formatter` handed to a user's `Display`/`Debug` impl.
    Formatter(super::types::fmt::FormatterRef),
    /// `HashMap`/`BTreeMap` (see `std/collections.rs`).
    Map(Rc<super::stdlib::collections::MapBox>),
    /// `HashSet`/`BTreeSet`: sorted, deduplicated items.
    Set(super::stdlib::collections::Kind, Rc<Vec<Value>>),
    /// `VecDeque`.
    Deque(Rc<std::collections::VecDeque<Value>>),
    /// `map.entry(key)`.
    Entry(Rc<super::stdlib::collections::MapBox>, Box<Value>),
    /// An iterator: lazy adapters over a source (see `std/lazy.rs`).
    Iter(super::stdlib::lazy::IterCell),
    /// `std::cmp::Ordering` (`a.cmp(&b)`, a `sort_by` comparator's result).
    Ordering(std::cmp::Ordering),
    /// What is left in a variable whose value was moved out.
    Moved,
    /// `&x`, `&mut x`: a reference to a place ([`mem`]).
    Ref(Rc<Place>),
    /// `Rc<T>`, `Arc<T>`: one shared allocation; cloning the value shares it.
    Rc(Rc<RcBox>),
    /// `Cell`, `RefCell`, `Mutex`, `RwLock`.
    Cell(Rc<CellBox>),
    /// `Ref`/`RefMut`, `MutexGuard`, `RwLockReadGuard`/`RwLockWriteGuard`: releases on drop.
    Guard(Rc<Guard>),
    /// A value of Tokio's library beyond the channels: `Mutex`, a guard, `Semaphore`, `JoinSet`…
    Tokio(Rc<super::tokio::Obj>),
}

impl Value {
    /// A string value.
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(Rc::new(s.into()))
    }

    /// A `usize`.
    pub fn usize(n: usize) -> Value {
        Value::Int(n as i128, IntTy::Usize)
    }

    /// `Some(v)`.
    pub fn some(v: Value) -> Value {
        Value::Opt(Some(Box::new(v)))
    }

    /// `Ok(v)`.
    pub fn ok(v: Value) -> Value {
        Value::Res(Ok(Box::new(v)))
    }

    /// `Err(v)`.
    pub fn err(v: Value) -> Value {
        Value::Res(Err(Box::new(v)))
    }

    /// A reference to `place`.
    pub fn reference(place: Place) -> Value {
        Value::Ref(Rc::new(place))
    }

    /// True when reading the value by value copies it: Rust's `Copy` types, and the values whose
    /// move cannot be told from a copy (`String`/`&str` and `Vec`/arrays share a copy-on-write
    /// representation). Everything else (futures, channel ends, handles, `Rc`, cells, guards, and
    /// containers of them) is moved out of its variable, which then drops nothing.
    pub fn is_copy(&self) -> bool {
        match self {
            Value::Future(_)
            | Value::JoinHandle(_)
            | Value::Sender(_)
            | Value::UnboundedSender(_)
            | Value::Receiver(_)
            | Value::OneshotSender(_)
            | Value::Rc(_)
            | Value::Cell(_)
            | Value::Guard(_)
            | Value::Tokio(_) => false,
            // `#[derive(Clone, Copy)]` types copy; any other struct or enum moves.
            // A generic type's derived `Copy` holds only for `Copy` arguments (`Poll<T>`).
            Value::Adt(a) => a.def.copy.get() && a.fields.iter().all(Value::is_copy),
            Value::Formatter(_) => true,
            Value::Tuple(items) => items.iter().all(Value::is_copy),
            // A `Vec` holds one type: its first element stands for all.
            Value::Vec(items) => items.first().is_none_or(Value::is_copy),
            Value::Opt(Some(x)) | Value::Res(Ok(x)) | Value::Res(Err(x)) => x.is_copy(),
            _ => true,
        }
    }

    /// The name of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Unit => "()",
            Value::Bool(_) => "bool",
            Value::Int(..) => "integer",
            Value::Float(_) => "f64",
            Value::Char(_) => "char",
            Value::Str(_) => "String",
            Value::Tuple(_) => "tuple",
            Value::Vec(_) => "Vec",
            Value::Range(..) => "Range",
            Value::Opt(_) => "Option",
            Value::Res(_) => "Result",
            Value::Duration(_) => "Duration",
            Value::Instant(_) => "Instant",
            Value::Future(_) => "impl Future",
            Value::Closure(_) | Value::FnRef(_) => "closure",
            Value::JoinHandle(_) => "JoinHandle",
            Value::JoinError(_) => "JoinError",
            Value::Elapsed => "Elapsed",
            Value::SendError(_) => "SendError",
            Value::RecvError => "RecvError",
            Value::Sender(_) | Value::UnboundedSender(_) | Value::OneshotSender(_) => "Sender",
            Value::Receiver(_) => "Receiver",
            Value::Interval(_) => "Interval",
            Value::Error(_) => "error",
            Value::Adt(_) => "struct",
            Value::Formatter(_) => "Formatter",
            Value::Ordering(_) => "Ordering",
            Value::Iter(_) => "impl Iterator",
            Value::Map(m) if m.kind == super::stdlib::collections::Kind::BTree => "BTreeMap",
            Value::Map(_) => "HashMap",
            Value::Set(super::stdlib::collections::Kind::BTree, _) => "BTreeSet",
            Value::Set(..) => "HashSet",
            Value::Deque(_) => "VecDeque",
            Value::Entry(..) => "Entry",
            Value::Moved => "moved value",
            Value::Ref(_) => "reference",
            Value::Rc(b) if b.arc => "Arc",
            Value::Rc(_) => "Rc",
            Value::Cell(c) => match c.kind {
                mem::CellKind::Cell => "Cell",
                mem::CellKind::RefCell => "RefCell",
                mem::CellKind::Mutex => "Mutex",
                mem::CellKind::RwLock => "RwLock",
            },
            Value::Guard(_) => "guard",
            Value::Tokio(o) => o.type_name(),
        }
    }

    /// Structural equality (`==`).
    pub fn equals(&self, other: &Value) -> bool {
        // A hand-written `PartialEq` decides for your types (`assert_eq!`, `contains`).
        if let Value::Adt(_) = self {
            if let Some(r) = super::types::user_eq(self, other) {
                return r;
            }
        }
        if mem::is_pointer(self) || mem::is_pointer(other) {
            return mem::with_deref(self, |a| mem::with_deref(other, |b| a.equals(b)));
        }
        match (self, other) {
            (Value::Unit, Value::Unit) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a, _), Value::Int(b, _)) => a == b,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::Int(a, _), Value::Float(b)) | (Value::Float(b), Value::Int(a, _)) => {
                (*a as f64) == *b
            }
            (Value::Char(a), Value::Char(b)) => a == b,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Tuple(a), Value::Tuple(b)) | (Value::Vec(a), Value::Vec(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.equals(y))
            }
            (Value::Opt(a), Value::Opt(b)) => match (a, b) {
                (None, None) => true,
                (Some(a), Some(b)) => a.equals(b),
                _ => false,
            },
            (Value::Res(a), Value::Res(b)) => match (a, b) {
                (Ok(a), Ok(b)) | (Err(a), Err(b)) => a.equals(b),
                _ => false,
            },
            (Value::Duration(a), Value::Duration(b)) => a == b,
            (Value::Instant(a), Value::Instant(b)) => a == b,
            (Value::Elapsed, Value::Elapsed) | (Value::RecvError, Value::RecvError) => true,
            (Value::JoinError(a), Value::JoinError(b)) => a == b,
            (Value::Error(a), Value::Error(b)) => a == b,
            // `#[derive(PartialEq)]`: same variant, equal fields (a hand-written `eq` is called by
            // the evaluator before this).
            (Value::Adt(a), Value::Adt(b)) => {
                Rc::ptr_eq(&a.def, &b.def)
                    && a.variant == b.variant
                    && a.fields.len() == b.fields.len()
                    && a.fields
                        .iter()
                        .zip(b.fields.iter())
                        .all(|(x, y)| x.equals(y))
            }
            (Value::Ordering(a), Value::Ordering(b)) => a == b,
            (Value::Set(_, a), Value::Set(_, b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.equals(y))
            }
            (Value::Deque(a), Value::Deque(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.equals(y))
            }
            (Value::Map(a), Value::Map(b)) => {
                let (a, b) = (a.entries.borrow(), b.entries.borrow());
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|((k, x), (l, y))| k.equals(l) && x.borrow().equals(&y.borrow()))
            }
            _ => false,
        }
    }

    /// Ordering (`<`, `max`, `sort`); `None` when the values don't compare.
    pub fn compare(&self, other: &Value) -> Option<std::cmp::Ordering> {
        // A hand-written `Ord`/`PartialOrd` decides for your types (`sort`, `max`, `<`).
        if let Value::Adt(_) = self {
            if let Some(r) = super::types::user_cmp(self, other) {
                return r;
            }
        }
        use std::cmp::Ordering;
        if mem::is_pointer(self) || mem::is_pointer(other) {
            return mem::with_deref(self, |a| mem::with_deref(other, |b| a.compare(b)));
        }
        match (self, other) {
            (Value::Int(a, _), Value::Int(b, _)) => Some(a.cmp(b)),
            (Value::Float(a), Value::Float(b)) => a.partial_cmp(b),
            (Value::Int(a, _), Value::Float(b)) => (*a as f64).partial_cmp(b),
            (Value::Float(a), Value::Int(b, _)) => a.partial_cmp(&(*b as f64)),
            (Value::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
            (Value::Char(a), Value::Char(b)) => Some(a.cmp(b)),
            (Value::Str(a), Value::Str(b)) => Some(a.cmp(b)),
            (Value::Duration(a), Value::Duration(b)) => Some(a.cmp(b)),
            (Value::Instant(a), Value::Instant(b)) => Some(a.cmp(b)),
            (Value::Unit, Value::Unit) => Some(Ordering::Equal),
            (Value::Ordering(a), Value::Ordering(b)) => Some(a.cmp(b)),
            (Value::Tuple(a), Value::Tuple(b)) | (Value::Vec(a), Value::Vec(b)) => {
                for (x, y) in a.iter().zip(b.iter()) {
                    match x.compare(y)? {
                        Ordering::Equal => {}
                        o => return Some(o),
                    }
                }
                Some(a.len().cmp(&b.len()))
            }
            (Value::Opt(a), Value::Opt(b)) => match (a, b) {
                (None, None) => Some(Ordering::Equal),
                (None, Some(_)) => Some(Ordering::Less),
                (Some(_), None) => Some(Ordering::Greater),
                (Some(a), Some(b)) => a.compare(b),
            },
            // `#[derive(PartialOrd)]`: by variant (declaration order), then field by field.
            (Value::Adt(a), Value::Adt(b)) if Rc::ptr_eq(&a.def, &b.def) => {
                match a.variant.cmp(&b.variant) {
                    Ordering::Equal => {}
                    o => return Some(o),
                }
                for (x, y) in a.fields.iter().zip(b.fields.iter()) {
                    match x.compare(y)? {
                        Ordering::Equal => {}
                        o => return Some(o),
                    }
                }
                Some(Ordering::Equal)
            }
            _ => None,
        }
    }
}
