//! The memory model's library: `Rc`/`Arc`, `Cell`, `RefCell`, `std::sync::{Mutex, RwLock}` and
//! their guards, and `std::mem::{swap, replace, take}`. The data structures are in [`mem`]; this
//! file is what the program calls.

use super::*;
use mem::{CellBox, CellKind, MemFn, RcBox};

impl Interp {
    /// The `drop` of `impl Drop for <ty>`: the hook between the memory model and user types.
    fn drop_impl(&self, ty: &str) -> Option<Rc<FnDef>> {
        self.0.program.types.drop_impl(ty).map(|m| m.def.clone())
    }

    /// Runs the user `Drop`s queued since the last statement ([`mem::DropBox`]), in the order
    /// their values died: each is traced ([`crate::trace::Kind::UserDrop`]), then its `drop(&mut
    /// self)` runs, then its fields drop (which may queue more).
    pub(super) async fn run_drops(&self) -> R<()> {
        while mem::has_pending_drops() {
            for (ty, v) in mem::take_pending_drops() {
                self.0.tracer.user_drop(&ty);
                if let Some(f) = self.drop_impl(&ty) {
                    let at = f.span;
                    let place = Place::root(mem::alloc(v));
                    boxed(self.call_fn(f, vec![Value::reference(place)], at)).await?;
                }
            }
        }
        Ok(())
    }

    /// [`Interp::run_drops`] outside any evaluation, when the runtime dropped a future (see
    /// `Rt::on_dropped_futures`): a user `drop` is a plain `fn`, so one poll runs it to its end.
    pub(super) fn run_drops_now(&self) {
        if !mem::has_pending_drops() {
            return;
        }
        let mut drops = boxed(self.run_drops());
        let _ = drops
            .as_mut()
            .poll(&mut Context::from_waker(std::task::Waker::noop()));
    }

    /// A library function of the memory model.
    pub(super) fn mem_builtin(&self, f: MemFn, a: Vec<Value>, at: Span) -> R {
        let mut a = a.into_iter();
        let mut arg = || a.next().unwrap_or(Value::Unit);
        match f {
            MemFn::RcNew | MemFn::ArcNew => Ok(Value::Rc(Rc::new(RcBox {
                arc: f == MemFn::ArcNew,
                value: mem::alloc(arg()),
            }))),
            MemFn::RcClone => Ok(Value::Rc(self.rc_of(&arg(), at)?)),
            MemFn::StrongCount => {
                let rc = self.rc_of(&arg(), at)?;
                // Less the copy just made.
                Ok(Value::usize(Rc::strong_count(&rc) - 1))
            }
            MemFn::PtrEq => {
                let (x, y) = (arg(), arg());
                Ok(Value::Bool(Rc::ptr_eq(
                    &self.rc_of(&x, at)?,
                    &self.rc_of(&y, at)?,
                )))
            }
            MemFn::CellNew(kind) => Ok(Value::Cell(CellBox::new(kind, arg()))),
            MemFn::Swap => {
                let (x, y) = (self.ref_arg(arg(), at)?, self.ref_arg(arg(), at)?);
                let vx = x.write(Value::Moved).map_err(|e| self.mem_err(at, e))?;
                let vy = y.write(vx).map_err(|e| self.mem_err(at, e))?;
                x.write(vy).map_err(|e| self.mem_err(at, e))?;
                Ok(Value::Unit)
            }
            MemFn::Replace => {
                let (x, v) = (self.ref_arg(arg(), at)?, arg());
                x.write(v).map_err(|e| self.mem_err(at, e))
            }
            MemFn::Take => {
                let x = self.ref_arg(arg(), at)?;
                let d = x
                    .with(mem::default_like)
                    .map_err(|e| self.mem_err(at, e))?
                    .ok_or_else(|| {
                        self.panic(at, "`std::mem::take` of a type without `Default`")
                    })?;
                x.write(d).map_err(|e| self.mem_err(at, e))
            }
        }
    }

    /// The `Rc`/`Arc` an argument (`&x`, `x`) leads to.
    fn rc_of(&self, v: &Value, at: Span) -> R<Rc<RcBox>> {
        let mut v = v.clone();
        for _ in 0..64 {
            match v {
                Value::Rc(b) => return Ok(b),
                Value::Ref(p) => v = p.read().map_err(|e| self.mem_err(at, e))?,
                other => {
                    return Err(self.panic(
                        at,
                        format!("expected an `Rc` or `Arc`, found `{}`", other.type_name()),
                    ))
                }
            }
        }
        Err(self.panic(at, "too many references"))
    }

    /// The place a `&mut` argument points to.
    fn ref_arg(&self, v: Value, at: Span) -> R<Place> {
        match v {
            Value::Ref(p) => Ok((*p).clone()),
            other => Err(self.panic(
                at,
                format!("expected a reference, found `{}`", other.type_name()),
            )),
        }
    }

    /// The methods of cells and locks; `None` when `v` is not one (the std methods then).
    pub(crate) fn cell_method(
        &self,
        v: &mut Value,
        name: &str,
        a: &mut Vec<Value>,
        at: Span,
    ) -> Option<R> {
        let Value::Cell(c) = v else { return None };
        let c = c.clone();
        let arg = |a: &mut Vec<Value>| {
            if a.is_empty() {
                Value::Unit
            } else {
                a.swap_remove(0)
            }
        };
        let content = || Value::reference(Place::root(c.value.clone()));
        let read = || c.value.try_borrow().map(|v| v.clone());
        let lock_err = |debug: &str, display: &str| {
            Value::err(Value::Error(Rc::new((debug.into(), display.into()))))
        };
        let poison = |g: Value| {
            if c.poisoned.get() {
                lock_err(
                    "PoisonError { .. }",
                    "poisoned lock: another task failed inside",
                )
            } else {
                drop(g);
                Value::Unit
            }
        };
        let r = match (c.kind, name) {
            (CellKind::Cell | CellKind::RefCell, "clone") => match read() {
                Ok(x) => Ok(Value::Cell(CellBox::new(c.kind, x))),
                Err(_) => Err(self.panic(at, "RefCell already mutably borrowed")),
            },
            (CellKind::Cell, "get") => read().map_err(|_| self.panic(at, "cell in use")),
            (CellKind::Cell, "set") => {
                let old = c.value.replace(arg(a));
                drop(old);
                Ok(Value::Unit)
            }
            (CellKind::Cell, "replace") => Ok(c.value.replace(arg(a))),
            (CellKind::Cell | CellKind::RefCell, "take") => {
                if c.kind == CellKind::RefCell && c.state.get() != 0 {
                    return Some(Err(self.panic(at, "RefCell already borrowed")));
                }
                let d = c
                    .value
                    .try_borrow()
                    .ok()
                    .and_then(|v| mem::default_like(&v));
                match d {
                    Some(d) => Ok(c.value.replace(d)),
                    None => Err(self.panic(at, "`take` of a type without `Default`")),
                }
            }
            (CellKind::RefCell, "replace") => {
                if c.state.get() != 0 {
                    return Some(Err(self.panic(at, "RefCell already borrowed")));
                }
                Ok(c.value.replace(arg(a)))
            }
            (_, "get_mut") if c.kind == CellKind::Cell || c.kind == CellKind::RefCell => {
                Ok(content())
            }
            (CellKind::Mutex | CellKind::RwLock, "get_mut") => Ok(Value::ok(content())),
            (CellKind::Cell | CellKind::RefCell, "into_inner") => Ok(c.value.replace(Value::Moved)),
            (CellKind::Mutex | CellKind::RwLock, "into_inner") => {
                let x = c.value.replace(Value::Moved);
                Ok(match poison(Value::Unit) {
                    Value::Unit => Value::ok(x),
                    e => e,
                })
            }
            (CellKind::RefCell, "borrow") => match c.acquire(false) {
                Some(g) => Ok(g),
                None => Err(self.panic(at, "RefCell already mutably borrowed")),
            },
            (CellKind::RefCell, "borrow_mut") => match c.acquire(true) {
                Some(g) => Ok(g),
                None => Err(self.panic(at, "RefCell already borrowed")),
            },
            (CellKind::RefCell, "try_borrow") => Ok(match c.acquire(false) {
                Some(g) => Value::ok(g),
                None => lock_err("BorrowError", "RefCell already mutably borrowed"),
            }),
            (CellKind::RefCell, "try_borrow_mut") => Ok(match c.acquire(true) {
                Some(g) => Value::ok(g),
                None => lock_err("BorrowMutError", "RefCell already borrowed"),
            }),
            (CellKind::Mutex, "lock") | (CellKind::RwLock, "read" | "write") => {
                match c.acquire(name != "read") {
                    Some(g) => Ok(match poison(g.clone()) {
                        Value::Unit => Value::ok(g),
                        e => e,
                    }),
                    // The lock is held by code that cannot run until this thread goes on: in
                    // Rust the thread would wait for ever.
                    None => Err(self.halt(format!(
                        "main.rs:{}:{}: this `{}` is already locked, so Rust would wait here for \
                         ever (a deadlock); the run stops",
                        at.line,
                        at.column,
                        v.type_name()
                    ))),
                }
            }
            (CellKind::Mutex, "try_lock") | (CellKind::RwLock, "try_read" | "try_write") => {
                Ok(match c.acquire(name != "try_read") {
                    Some(g) => match poison(g.clone()) {
                        Value::Unit => Value::ok(g),
                        _ => lock_err("Poisoned(..)", "poisoned lock: another task failed inside"),
                    },
                    None => lock_err(
                        "\"WouldBlock\"",
                        "try_lock failed because the operation would block",
                    ),
                })
            }
            (CellKind::Mutex | CellKind::RwLock, "is_poisoned") => {
                Ok(Value::Bool(c.poisoned.get()))
            }
            (CellKind::Mutex | CellKind::RwLock, "clear_poison") => {
                c.poisoned.set(false);
                Ok(Value::Unit)
            }
            _ => return None,
        };
        Some(r)
    }
}
