//! # The memory model: places, references, moves and drops
//!
//! A far smaller Miri (`rustc_const_eval/src/interpret/place.rs`): every local variable, every
//! `Rc`/`Arc` and every `Cell`/`RefCell`/`Mutex`/`RwLock` owns an *allocation* ([`Alloc`]), and a
//! [`Place`] is an allocation plus a path of steps into it (a tuple field, a `Vec` element, the
//! payload of `Some`/`Ok`/`Err`, or a dereference). `&x`, `&mut v[i]` and `&t.0` are
//! [`Value::Ref`]s to places, never copies, so a callee, a method with `&mut self`, a closure that
//! borrows, and an `async` block that borrows all see and change the caller's value, across
//! `.await` too.
//!
//! **Moves.** Reading a variable by value moves it when the move can be told from a copy: its drop
//! is observable (a future, a channel end, a guard, an `Rc`, a `Mutex`...). The variable then holds
//! [`Value::Moved`] and drops nothing at the end of its scope. `String`/`&str` and `Vec`/arrays share
//! one representation here and are copied on write, so a copy of them cannot be told from a move.
//!
//! **Drops.** Rust's own drop order does the work: an environment pops its variables in reverse
//! order of declaration, a temporary dies at the end of its statement, an assignment drops the old
//! value *after* the place is released (so a `Drop` that reads the place again cannot find it
//! borrowed). A user `impl Drop` is queued by [`DropBox`] and run by the evaluator at the next
//! statement boundary ([`take_pending_drops`]), never from inside a Rust `Drop`.

use super::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// An allocation: one value that places point into.
pub type Alloc = Rc<RefCell<Value>>;

/// A new allocation holding `v`.
pub fn alloc(v: Value) -> Alloc {
    Rc::new(RefCell::new(v))
}

/// One step from a value to a part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// `t.0`
    Field(usize),
    /// `v[i]`
    Index(usize),
    /// The value inside `Some(..)`, `Ok(..)` or `Err(..)` (a pattern binding through a reference).
    Payload,
    /// `*r`: through a reference, an `Rc`/`Arc` or a guard (a no-op on a `Box`, which is its
    /// content here).
    Deref,
}

/// A place: an allocation and the path into it.
#[derive(Clone)]
pub struct Place {
    /// The allocation.
    pub alloc: Alloc,
    /// The steps from the allocation's value to the place.
    pub path: Vec<Step>,
}

/// Why a place could not be reached. Rust's type checker rules all of these out; they are
/// reported as a panic rather than trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemError {
    /// The allocation is being changed right now (a re-entrant access).
    Busy,
    /// The value was moved out.
    Moved,
    /// `v[i]` past the end.
    Index {
        /// The length.
        len: usize,
        /// The index.
        index: usize,
    },
    /// A step that does not fit the value (`t.3` on a pair).
    Shape(Step, &'static str),
}

impl MemError {
    /// Rust's message for it.
    pub fn message(&self) -> String {
        match self {
            MemError::Busy => "RefCell already mutably borrowed".into(),
            MemError::Moved => "use of moved value".into(),
            MemError::Index { len, index } => {
                format!("index out of bounds: the len is {len} but the index is {index}")
            }
            MemError::Shape(Step::Field(i), ty) => format!("no field `{i}` on type `{ty}`"),
            MemError::Shape(_, ty) => format!("cannot reach into a value of type `{ty}`"),
        }
    }
}

impl Place {
    /// The whole allocation.
    pub fn root(alloc: Alloc) -> Place {
        Place {
            alloc,
            path: Vec::new(),
        }
    }

    /// A place one step further.
    pub fn project(&self, step: Step) -> Place {
        let mut path = Vec::with_capacity(self.path.len() + 1);
        path.extend_from_slice(&self.path);
        path.push(step);
        Place {
            alloc: self.alloc.clone(),
            path,
        }
    }

    /// The same place, with every dereference on its path followed: an allocation and plain
    /// steps. Field and index steps dereference automatically, as Rust's auto-deref does.
    pub fn resolve(&self) -> Result<Place, MemError> {
        if self.path.is_empty() {
            return Ok(self.clone());
        }
        let mut alloc = self.alloc.clone();
        let mut steps = self.path.clone();
        'again: loop {
            let root = alloc.try_borrow().map_err(|_| MemError::Busy)?;
            let mut cur: &Value = &root;
            for (k, s) in steps.iter().enumerate() {
                if let Some(target) = pointee(cur) {
                    let skip = usize::from(*s == Step::Deref);
                    let mut rest = target.path;
                    rest.extend_from_slice(steps.get(k + skip..).unwrap_or(&[]));
                    drop(root);
                    alloc = target.alloc;
                    steps = rest;
                    continue 'again;
                }
                if *s != Step::Deref {
                    cur = step_ref(cur, *s)?;
                }
            }
            drop(root);
            steps.retain(|s| *s != Step::Deref);
            return Ok(Place { alloc, path: steps });
        }
    }

    /// Runs `f` on the value at the place.
    pub fn with<T>(&self, f: impl FnOnce(&Value) -> T) -> Result<T, MemError> {
        if self.path.is_empty() {
            // A variable itself: the common case, without resolving.
            let root = self.alloc.try_borrow().map_err(|_| MemError::Busy)?;
            return Ok(f(&root));
        }
        let p = self.resolve()?;
        let root = p.alloc.try_borrow().map_err(|_| MemError::Busy)?;
        let mut cur: &Value = &root;
        for s in &p.path {
            cur = step_ref(cur, *s)?;
        }
        Ok(f(cur))
    }

    /// Runs `f` on the value at the place, mutably.
    pub fn with_mut<T>(&self, f: impl FnOnce(&mut Value) -> T) -> Result<T, MemError> {
        if self.path.is_empty() {
            let mut root = self.alloc.try_borrow_mut().map_err(|_| MemError::Busy)?;
            return Ok(f(&mut root));
        }
        let p = self.resolve()?;
        let mut root = p.alloc.try_borrow_mut().map_err(|_| MemError::Busy)?;
        let mut cur: &mut Value = &mut root;
        for s in &p.path {
            cur = step_mut(cur, *s)?;
        }
        Ok(f(cur))
    }

    /// A copy of the value at the place.
    pub fn read(&self) -> Result<Value, MemError> {
        self.with(|v| v.clone())
    }

    /// Stores `v` at the place and returns the old value, for the caller to drop once the place is
    /// released.
    pub fn write(&self, v: Value) -> Result<Value, MemError> {
        self.with_mut(|slot| std::mem::replace(slot, v))
    }

    /// Whether two places are the same (`std::ptr::eq` of two references).
    pub fn same(&self, other: &Place) -> bool {
        Rc::ptr_eq(&self.alloc, &other.alloc) && self.path == other.path
    }
}

/// What a pointer value points to: a reference's place, an `Rc`'s allocation, a guard's data.
#[inline]
pub fn pointee(v: &Value) -> Option<Place> {
    match v {
        Value::Ref(p) => Some((**p).clone()),
        Value::Rc(b) => Some(Place::root(b.value.clone())),
        Value::Guard(g) => Some(Place::root(g.cell.value.clone())),
        // Tokio's guards (`tokio::sync::MutexGuard`...): their lock's value.
        Value::Tokio(o) => o.place(),
        _ => None,
    }
}

fn step_ref(v: &Value, s: Step) -> Result<&Value, MemError> {
    match (s, v) {
        (_, Value::Moved) => Err(MemError::Moved),
        (Step::Field(i), Value::Tuple(items)) => items.get(i).ok_or(MemError::Shape(s, "tuple")),
        (Step::Field(i), Value::Adt(a)) => a.fields.get(i).ok_or(MemError::Shape(s, "struct")),
        (Step::Index(i), Value::Vec(items)) => items.get(i).ok_or(MemError::Index {
            len: items.len(),
            index: i,
        }),
        (Step::Payload, Value::Opt(Some(x)) | Value::Res(Ok(x)) | Value::Res(Err(x))) => Ok(x),
        (Step::Deref, v) => Ok(v),
        (s, v) => Err(MemError::Shape(s, v.type_name())),
    }
}

fn step_mut(v: &mut Value, s: Step) -> Result<&mut Value, MemError> {
    match (s, v) {
        (_, Value::Moved) => Err(MemError::Moved),
        (Step::Field(i), Value::Tuple(items)) => Rc::make_mut(items)
            .get_mut(i)
            .ok_or(MemError::Shape(s, "tuple")),
        (Step::Field(i), Value::Adt(a)) => Rc::make_mut(a)
            .fields
            .get_mut(i)
            .ok_or(MemError::Shape(s, "struct")),
        (Step::Index(i), Value::Vec(items)) => {
            let len = items.len();
            Rc::make_mut(items)
                .get_mut(i)
                .ok_or(MemError::Index { len, index: i })
        }
        (Step::Payload, Value::Opt(Some(x)) | Value::Res(Ok(x)) | Value::Res(Err(x))) => Ok(x),
        (Step::Deref, v) => Ok(v),
        (s, v) => Err(MemError::Shape(s, v.type_name())),
    }
}

/// Follows references, `Rc`s and guards to the value they lead to (printing, comparing and
/// arithmetic see through them, as `Display`, `PartialEq` and the operators do in Rust).
#[inline]
pub fn deref(v: Value) -> Value {
    // Most values are not pointers: they pass untouched, without a call (hot: every operator).
    if is_pointer(&v) {
        deref_slow(v)
    } else {
        v
    }
}

/// A method's argument as a value: a reference is read through, an `Rc`/`Arc` given by value
/// stays one (`v.push(Rc::clone(&a))` and `tx.send(Arc::clone(&s))` store the pointer).
pub fn deref_arg(v: Value) -> Value {
    match v {
        Value::Rc(_) => v,
        v => deref(v),
    }
}

/// A reference, an `Rc`/`Arc` or a guard.
#[inline]
pub fn is_pointer(v: &Value) -> bool {
    match v {
        Value::Ref(_) | Value::Rc(_) | Value::Guard(_) => true,
        // Tokio's guards point at their lock's value; its other values (a `Mutex`) do not.
        Value::Tokio(_) => pointee(v).is_some(),
        _ => false,
    }
}

fn deref_slow(v: Value) -> Value {
    let mut v = v;
    for _ in 0..64 {
        match pointee(&v) {
            Some(p) => match p.read() {
                Ok(x) => v = x,
                Err(_) => return Value::Moved,
            },
            None => return v,
        }
    }
    v
}

/// Runs `f` on the value `v` leads to, without copying it.
pub fn with_deref<T>(v: &Value, f: impl FnOnce(&Value) -> T) -> T {
    let mut f = Some(f);
    let mut out = None;
    visit_deref(v, &mut |x| {
        if let Some(f) = f.take() {
            out = Some(f(x));
        }
    });
    match (out, f) {
        (Some(t), _) => t,
        (None, Some(f)) => f(&Value::Moved),
        // `visit_deref` calls its visitor exactly once.
        (None, None) => unreachable!(),
    }
}

fn visit_deref(v: &Value, f: &mut dyn FnMut(&Value)) {
    match pointee(v) {
        None => f(v),
        Some(p) => {
            if p.with(|x| visit_deref(x, f)).is_err() {
                f(&Value::Moved);
            }
        }
    }
}

// ---------------------------------------------------------------- Rc / Arc

/// The allocation behind `Rc<T>`/`Arc<T>`. Its strong count is the count of the `Rc<RcBox>`:
/// references into the content hold the inner allocation only, as a `&T` from `Rc` does not
/// count.
pub struct RcBox {
    /// `Arc` (true) or `Rc`: only for messages.
    pub arc: bool,
    /// The shared value.
    pub value: Alloc,
}

// ---------------------------------------------------------------- cells and locks

/// Which interior-mutability type a [`CellBox`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    /// `std::cell::Cell`
    Cell,
    /// `std::cell::RefCell`
    RefCell,
    /// `std::sync::Mutex`
    Mutex,
    /// `std::sync::RwLock`
    RwLock,
}

/// A `Cell`, `RefCell`, `Mutex` or `RwLock`: the value in its own allocation (a guard points
/// into it) and the borrow state that guards hold.
pub struct CellBox {
    /// Which type.
    pub kind: CellKind,
    /// The value.
    pub value: Alloc,
    /// 0: free; n > 0: n shared borrows (`borrow`, `read`); -1: one exclusive (`borrow_mut`,
    /// `lock`, `write`).
    pub state: Cell<i64>,
    /// A guard was dropped by a panic (`Mutex`/`RwLock` poisoning).
    pub poisoned: Cell<bool>,
}

impl CellBox {
    /// A new cell of `kind` holding `v`.
    pub fn new(kind: CellKind, v: Value) -> Rc<CellBox> {
        Rc::new(CellBox {
            kind,
            value: alloc(v),
            state: Cell::new(0),
            poisoned: Cell::new(false),
        })
    }

    /// Takes a shared (`write == false`) or exclusive borrow; false if it is not free.
    pub fn acquire(self: &Rc<Self>, write: bool) -> Option<Value> {
        let s = self.state.get();
        if write && s != 0 || !write && s < 0 {
            return None;
        }
        self.state.set(if write { -1 } else { s + 1 });
        Some(Value::Guard(Rc::new(Guard {
            cell: self.clone(),
            write,
        })))
    }
}

/// A borrow of a [`CellBox`]: `Ref`/`RefMut`, `MutexGuard`, `RwLockReadGuard`/`WriteGuard`. It
/// releases its borrow when dropped, and poisons a lock if a panic is unwinding.
pub struct Guard {
    /// The cell borrowed.
    pub cell: Rc<CellBox>,
    /// Exclusive.
    pub write: bool,
}

impl Drop for Guard {
    fn drop(&mut self) {
        let s = self.cell.state.get();
        self.cell
            .state
            .set(if self.write { 0 } else { (s - 1).max(0) });
        if self.write && PANICKING.with(Cell::get) && self.cell.kind != CellKind::RefCell {
            self.cell.poisoned.set(true);
        }
    }
}

thread_local! {
    /// A panic is unwinding (set by the evaluator's panic, cleared where a task or `main` ends):
    /// a lock guard dropped meanwhile poisons its lock, as in Rust.
    static PANICKING: Cell<bool> = const { Cell::new(false) };
    /// User `Drop`s waiting to run (see [`DropBox`]).
    static PENDING: RefCell<Vec<(Rc<str>, Value)>> = const { RefCell::new(Vec::new()) };
}

/// Marks that a panic is unwinding (true) or was caught (false).
pub fn set_panicking(on: bool) {
    PANICKING.with(|p| p.set(on));
}

// ---------------------------------------------------------------- user Drop

/// The hook between the memory model and user types: a value of a type with `impl Drop` keeps its
/// data in a `DropBox` (shared by the implicit copies the evaluator makes). When the last copy
/// goes, the data is queued with its type's name, and the evaluator runs the user's `drop` on it at
/// the next statement boundary ([`take_pending_drops`]), then drops the data itself (its fields, in
/// declaration order, as Rust does after `Drop::drop`).
pub struct DropBox {
    /// The type's name (the key of its `impl Drop`).
    pub ty: Rc<str>,
    /// The data; taken when dropped.
    pub value: RefCell<Option<Value>>,
}

impl Drop for DropBox {
    fn drop(&mut self) {
        if let Some(v) = self.value.get_mut().take() {
            let ty = self.ty.clone();
            let _ = PENDING.try_with(|p| p.borrow_mut().push((ty, v)));
        }
    }
}

/// Queues the user `Drop` of a value of the program's own type (see [`super::types::Adt`]).
pub fn queue_drop(ty: Rc<str>, v: Value) {
    let _ = PENDING.try_with(|p| p.borrow_mut().push((ty, v)));
}

/// The user drops queued since the last call, in the order their values died.
pub fn take_pending_drops() -> Vec<(Rc<str>, Value)> {
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

/// Whether any user drop is waiting (cheap: checked at every statement boundary).
pub fn has_pending_drops() -> bool {
    PENDING.with(|p| !p.borrow().is_empty())
}

// ---------------------------------------------------------------- std::mem

/// `Default::default()` for the type of `v` (for `std::mem::take`), if the subset knows it.
pub fn default_like(v: &Value) -> Option<Value> {
    use super::ast::IntTy;
    Some(match v {
        Value::Int(_, t) => Value::Int(0, *t),
        Value::Float(_) => Value::Float(0.0),
        Value::Bool(_) => Value::Bool(false),
        Value::Char(_) => Value::Char('\0'),
        Value::Str(_) => Value::str(""),
        Value::Vec(_) => Value::Vec(Rc::new(Vec::new())),
        Value::Opt(_) => Value::Opt(None),
        Value::Unit => Value::Unit,
        Value::Duration(_) => Value::Duration(std::time::Duration::ZERO),
        Value::Tuple(items) => Value::Tuple(Rc::new(
            items.iter().map(default_like).collect::<Option<Vec<_>>>()?,
        )),
        Value::Moved => Value::Int(0, IntTy::Infer),
        _ => return None,
    })
}

/// The library functions of the memory model, resolved by the lowering's path table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemFn {
    /// `Rc::new`
    RcNew,
    /// `Arc::new`
    ArcNew,
    /// `Rc::clone(&x)`, `Arc::clone(&x)`
    RcClone,
    /// `Rc::strong_count(&x)`, `Arc::strong_count(&x)`
    StrongCount,
    /// `Rc::ptr_eq(&a, &b)`, `Arc::ptr_eq(&a, &b)`
    PtrEq,
    /// `Cell::new`, `RefCell::new`, `Mutex::new`, `RwLock::new`
    CellNew(CellKind),
    /// `std::mem::swap`
    Swap,
    /// `std::mem::replace`
    Replace,
    /// `std::mem::take`
    Take,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drop_boxes_queue_in_the_order_their_values_die() {
        let _ = take_pending_drops();
        let a = Rc::new(DropBox {
            ty: "A".into(),
            value: RefCell::new(Some(Value::Unit)),
        });
        let b = Rc::new(DropBox {
            ty: "B".into(),
            value: RefCell::new(Some(Value::Unit)),
        });
        let a2 = a.clone();
        drop(b);
        drop(a);
        drop(a2);
        let names: Vec<String> = take_pending_drops()
            .into_iter()
            .map(|(t, _)| t.to_string())
            .collect();
        assert_eq!(names, ["B", "A"]);
        assert!(!has_pending_drops());
    }

    #[test]
    fn resolve_follows_references() {
        let v = alloc(Value::Vec(Rc::new(vec![Value::Int(
            1,
            super::super::ast::IntTy::I32,
        )])));
        let r = alloc(Value::reference(Place::root(v.clone())));
        let through = Place::root(r).project(Step::Index(0));
        through
            .with_mut(|x| *x = Value::Int(7, super::super::ast::IntTy::I32))
            .unwrap();
        assert!(Place::root(v)
            .project(Step::Index(0))
            .read()
            .unwrap()
            .equals(&Value::Int(7, super::super::ast::IntTy::I32)));
    }
}
