//! Your own types at run time: constructing them, their fields, and calls that the
//! [`crate::interp::types::Registry`] resolves (methods, associated functions and consts,
//! operators, `impl Iterator` in `for` and adapters).

use super::*;
use crate::interp::mem::{self, Place, Step};
use crate::interp::types::{self, Adt, Found, Receiver};

/// Where a method call goes after the program's own impls were asked.
pub(super) enum Dispatch {
    /// A user method (or a `Formatter`'s) answered.
    Done(Value),
    /// A std method: the arguments, and the receiver if it is a temporary (or was replaced by
    /// the items of a user iterator).
    Std(Vec<Value>, Option<Value>),
}

/// The std iterator methods that a user `impl Iterator` gets by materializing its items.
const ITER_METHODS: &[&str] = &[
    "map",
    "filter",
    "sum",
    "count",
    "collect",
    "zip",
    "skip",
    "take",
    "enumerate",
    "rev",
    "last",
    "max",
    "min",
    "step_by",
    "cloned",
    "copied",
    "into_iter",
    "iter",
];

impl Interp {
    pub(super) fn reg(&self) -> Rc<types::Registry> {
        self.0.program.types.clone()
    }

    pub(super) async fn e_user(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        match &e.kind {
            ExprKind::Ctor(def, v, _) if def.path.as_ref() == "std::cmp::Ordering" => {
                use std::cmp::Ordering::*;
                Ok(types::ordering(
                    [Less, Equal, Greater].get(*v).copied().unwrap_or(Equal),
                ))
            }
            ExprKind::Ctor(def, v, args) => {
                let var = def.variants.get(*v);
                let mut fields = Vec::with_capacity(args.len());
                for (i, a) in args.iter().enumerate() {
                    let x = self.eval(a, env).await?;
                    fields.push(match var.and_then(|var| var.tys.get(i)) {
                        Some(t) => coerce(x, t),
                        None => x,
                    });
                }
                Ok(adt(def, *v, fields))
            }
            ExprKind::StructLit(def, v, given, base) => {
                let var = def.variants.get(*v);
                let n = var.map(|v| v.fields.len()).unwrap_or(0);
                let mut slots: Vec<Option<Value>> = vec![None; n];
                for (i, x) in given {
                    let x = self.eval(x, env).await?;
                    let x = match var.and_then(|var| var.tys.get(*i)) {
                        Some(t) => coerce(x, t),
                        None => x,
                    };
                    if let Some(s) = slots.get_mut(*i) {
                        *s = Some(x);
                    }
                }
                if let Some(b) = base {
                    let Value::Adt(b) = mem::deref(self.eval(b, env).await?) else {
                        return Err(self.panic(at, "`..base` must be a value of the same struct"));
                    };
                    for (s, x) in slots.iter_mut().zip(Adt::fields_of(b)) {
                        if s.is_none() {
                            *s = Some(x);
                        }
                    }
                }
                Ok(adt(
                    def,
                    *v,
                    slots
                        .into_iter()
                        .map(|s| s.unwrap_or(Value::Unit))
                        .collect(),
                ))
            }
            ExprKind::NamedField(base, name) => {
                let v = self.eval_ref(base, env).await?;
                mem::with_deref(&v, |v| match v {
                    Value::Adt(a) => {
                        let i = a.variant_def().and_then(|var| var.field(name));
                        match i.and_then(|i| a.fields.get(i)) {
                            Some(x) => Ok(x.clone()),
                            None => Err(self
                                .panic(at, format!("no field `{name}` on type `{}`", a.def.name))),
                        }
                    }
                    other => Err(self.panic(
                        at,
                        format!("no field `{name}` on type `{}`", other.type_name()),
                    )),
                })
            }
            ExprKind::AssocCall(key, name, args) => {
                let a = self.args(args, env).await?;
                let key = self.type_param(key, at, env)?;
                self.assoc_call(&key, name, a, at).await
            }
            ExprKind::TryFrom(x, key) => match mem::deref(self.eval(x, env).await?) {
                Value::Res(Ok(v)) | Value::Opt(Some(v)) => Ok(*v),
                Value::Opt(None) => Err(Flow::Return(Value::Opt(None))),
                Value::Res(Err(err)) => {
                    let same = matches!(&*err, Value::Adt(a) if a.def.path == *key);
                    let err = if same {
                        *err
                    } else {
                        boxed(self.assoc_call(key, "from", vec![*err], at)).await?
                    };
                    Err(Flow::Return(Value::err(err)))
                }
                other => Err(self.panic(
                    at,
                    format!(
                        "the `?` operator cannot be applied to `{}`",
                        other.type_name()
                    ),
                )),
            },
            ExprKind::TypeOf(x) => {
                let v = self.eval_ref(x, env).await?;
                let key = mem::with_deref(&v, |v| types::type_keys(v).into_iter().next());
                Ok(Value::str(key.unwrap_or_default()))
            }
            ExprKind::AssocValue(key, name) => {
                match self.reg().lookup(&self.type_param(key, at, env)?, name) {
                    Some(Found::Const((ty, e))) => {
                        let (ty, e) = (ty.clone(), e.clone());
                        let mut empty = Env::default();
                        Ok(coerce(self.eval(&e, &mut empty).await?, &ty))
                    }
                    Some(Found::Fn(m)) => Ok(Value::FnRef(m.def.clone())),
                    None => Err(self.panic(
                        at,
                        format!("no associated item named `{name}` found for `{key}`"),
                    )),
                }
            }
            _ => Err(self.panic(at, "not an expression of your types")),
        }
    }

    /// A type key, or what the type parameter `<T>` stands for in this call.
    fn type_param(&self, key: &str, at: Span, env: &mut Env) -> R<String> {
        if !key.starts_with('<') {
            return Ok(key.to_string());
        }
        match mem::deref(self.read_var(key, at, env, false)?) {
            Value::Str(s) => Ok(s.to_string()),
            other => Err(self.panic(at, format!("`{key}` is `{}`", other.type_name()))),
        }
    }

    /// `Type::name(args)`: the type's function, or what a derive gives it (`default`).
    pub(super) async fn assoc_call(&self, key: &str, name: &str, a: Vec<Value>, at: Span) -> R {
        let reg = self.reg();
        if let (true, Some(v)) = (matches!(name, "from" | "try_from"), a.first()) {
            if let Some(m) = reg.convert(key, name, &mem::deref(v.clone())) {
                let def = m.def.clone();
                return boxed(self.call_fn(def, a, at)).await;
            }
        }
        if let Some(Found::Fn(m)) = reg.lookup(key, name) {
            let def = m.def.clone();
            return boxed(self.call_fn(def, a, at)).await;
        }
        if name == "default" {
            match reg.types.get(key) {
                Some(def) if def.derives.default => return self.default_of(key, at),
                Some(_) => {}
                None => return self.default_of(key, at),
            }
        }
        Err(self.panic(
            at,
            format!("no function or associated item named `{name}` found for `{key}`"),
        ))
    }

    /// `Default::default()` of the type with registry key `key`.
    fn default_of(&self, key: &str, at: Span) -> R {
        let reg = self.reg();
        if let Some(Found::Fn(m)) = reg.lookup(key, "default") {
            return self.call_sync(m.def.clone(), Vec::new(), at);
        }
        if let Some(def) = reg.types.get(key) {
            let v = def.default_variant;
            let keys = def
                .variants
                .get(v)
                .map(|v| v.keys.clone())
                .unwrap_or_default();
            let mut fields = Vec::with_capacity(keys.len());
            for k in keys {
                fields.push(self.default_of(&k, at)?);
            }
            return Ok(adt(def, v, fields));
        }
        Ok(match key {
            "String" | "str" => Value::str(""),
            "bool" => Value::Bool(false),
            "char" => Value::Char('\0'),
            "f64" | "f32" => Value::Float(0.0),
            "Vec" => Value::Vec(Rc::new(Vec::new())),
            "Option" => Value::Opt(None),
            "()" => Value::Unit,
            "Duration" => Value::Duration(Duration::ZERO),
            k => match IntTy::from_name(k) {
                Some(t) => Value::Int(0, t),
                None => {
                    return Err(self.panic(at, format!("`{k}` has no default value here")));
                }
            },
        })
    }

    /// Calls an interpreted sync `fn` to its end now (operators, `fmt`, `default`): a sync body
    /// never waits, so one poll finishes it.
    pub(super) fn call_sync(&self, f: Rc<FnDef>, args: Vec<Value>, at: Span) -> R {
        let fut = self.call_fn(f, args, at);
        let mut fut = std::pin::pin!(fut);
        let mut cx = Context::from_waker(std::task::Waker::noop());
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(r) => r,
            Poll::Pending => Err(self.panic(at, "a sync function waited")),
        }
    }

    /// `self` for a user method on the value at `place`: a reference for `&self`/`&mut self`
    /// (what the method changes, changes there), the value for `self` (moved out unless `Copy`).
    fn self_arg(&self, m: &types::Method, place: &Place, at: Span) -> R {
        let place = place.resolve().map_err(|e| self.mem_err(at, e))?;
        match m.receiver {
            Receiver::Ref | Receiver::RefMut => Ok(Value::reference(place)),
            Receiver::Value | Receiver::None => {
                let v = place.read().map_err(|e| self.mem_err(at, e))?;
                if v.is_copy() {
                    return Ok(v);
                }
                place.write(Value::Moved).map_err(|e| self.mem_err(at, e))
            }
        }
    }

    /// A method call: the program's own impls first (inherent, then traits), a `Formatter`'s
    /// methods, what derives give (`cmp`), and a user iterator's items for std adapters.
    pub(super) async fn user_method(
        &self,
        place: &Place,
        recv_at: Span,
        name: &str,
        mut a: Vec<Value>,
        at: Span,
    ) -> R<Dispatch> {
        let reg = self.reg();
        let (special, has) = place
            .with(|v| {
                mem::with_deref(v, |v| {
                    (
                        matches!(v, Value::Adt(_) | Value::Formatter(_)),
                        reg.method_for(v, name).is_some(),
                    )
                })
            })
            .map_err(|e| self.mem_err(recv_at, e))?;
        if !special && !has && !matches!(name, "cmp" | "partial_cmp" | "fmt") {
            return Ok(Dispatch::Std(a, None));
        }
        let recv = mem::deref(place.read().map_err(|e| self.mem_err(recv_at, e))?);
        // On a std value a user method is a trait's: std's inherent method of that name wins, as
        // in rustc's method resolution.
        let inherent_std =
            !matches!(recv, Value::Adt(_)) && crate::interp::stdlib::lookup(&recv, name).is_some();
        if let (false, Some(m)) = (inherent_std, reg.method_for(&recv, name)) {
            let m = m.clone();
            drop(recv);
            a.insert(0, self.self_arg(&m, place, recv_at)?);
            return Ok(Dispatch::Done(
                boxed(self.call_fn(m.def.clone(), a, at)).await?,
            ));
        }
        if let Value::Formatter(f) = &recv {
            let a = a.into_iter().map(mem::deref).collect();
            return self.formatter_method(f, name, a, at).map(Dispatch::Done);
        }
        match name {
            "cmp" | "partial_cmp" => {
                let Some(other) = a.first().cloned().map(mem::deref) else {
                    return Err(self.panic(at, format!("`{name}` takes 1 argument")));
                };
                let o = self.compare_values(&recv, &other, at)?;
                return Ok(Dispatch::Done(match (name, o) {
                    ("cmp", Some(o)) => types::ordering(o),
                    ("cmp", None) => return Err(self.panic(at, "these values do not compare")),
                    (_, o) => Value::Opt(o.map(|o| Box::new(types::ordering(o)))),
                }));
            }
            "fmt" => {
                if let Some(Value::Formatter(f)) = a.first().cloned().map(mem::deref) {
                    return self.fmt_with(&recv, &f).map(Dispatch::Done);
                }
            }
            _ => {}
        }
        if let Value::Adt(_) = &recv {
            // A method of std's iterators (`zip`, `take_while`, `sum`...): a lazy iterator whose
            // steps call this type's `next` when they are consumed, in Rust's order.
            let std_iter = crate::interp::stdlib::iter::FAMILY
                .methods
                .iter()
                .any(|(n, _)| *n == name);
            if (std_iter || ITER_METHODS.contains(&name))
                && reg.trait_method(&recv, "Iterator", "next").is_some()
            {
                let it = crate::interp::stdlib::lazy::It::User(Place::root(mem::alloc(recv)));
                return Ok(Dispatch::Std(
                    a,
                    Some(crate::interp::stdlib::lazy::value(it)),
                ));
            }
            if let ("clone", Value::Adt(a)) = (name, &recv) {
                // A clone is a value of its own: it drops on its own too.
                return Ok(Dispatch::Done(Value::Adt(Rc::new((**a).clone()))));
            }
        }
        Ok(Dispatch::Std(a, None))
    }

    /// One `next()` of the user iterator at `it`.
    pub(crate) async fn user_next(&self, it: &Place, at: Span) -> R<Option<Value>> {
        let reg = self.reg();
        let v = mem::deref(it.read().map_err(|e| self.mem_err(at, e))?);
        let Some(m) = reg
            .trait_method(&v, "Iterator", "next")
            .or_else(|| reg.method_for(&v, "next"))
        else {
            return Err(self.panic(at, format!("`{}` is not an iterator", v.type_name())));
        };
        let m = m.clone();
        drop(v);
        let this = self.self_arg(&m, it, at)?;
        match mem::deref(boxed(self.call_fn(m.def.clone(), vec![this], at)).await?) {
            Value::Opt(o) => Ok(o.map(|b| *b)),
            other => Err(self.panic(at, format!("`next` returned `{}`", other.type_name()))),
        }
    }

    /// `for pat in it { body }` over a user iterator.
    pub(super) async fn for_user(
        &self,
        label: &Option<Name>,
        pat: &Pat,
        it: Value,
        body: &Block,
        at: Span,
        env: &mut Env,
    ) -> R {
        let it = Place::root(mem::alloc(it));
        while let Some(item) = self.user_next(&it, at).await? {
            self.tick()?;
            let mark = env.mark();
            self.bind(pat, item, env);
            let r = self.eval_block(body, env).await;
            env.pop_to(mark);
            if loop_pass(r, label)?.is_some() {
                break;
            }
        }
        Ok(Value::Unit)
    }

    /// The index of the named field of the struct at `p`.
    pub(super) fn field_index(&self, p: &Place, name: &str, at: Span) -> R<usize> {
        let i = p
            .with(|v| {
                mem::with_deref(v, |v| match v {
                    Value::Adt(a) => a.variant_def().and_then(|var| var.field(name)),
                    _ => None,
                })
            })
            .map_err(|e| self.mem_err(at, e))?;
        i.ok_or_else(|| self.panic(at, format!("no field `{name}` on this value")))
    }

    /// [`Interp::bind_user`] through a reference to `place`: the names bind references to the
    /// parts (`match &mut self.state { State::Run(n) => *n += 1 }` changes the state).
    pub(super) fn bind_ref_user(&self, pat: &Pat, place: Place, env: &mut Env) {
        let Ok(place) = place.resolve() else { return };
        let place = match place.with(mem::pointee) {
            Ok(Some(p)) => p,
            _ => place,
        };
        match pat {
            Pat::Adt(_, _, fields) => {
                for (i, p) in fields {
                    self.bind_ref(p, place.project(Step::Field(*i)), env);
                }
            }
            Pat::At(name, _, p) => {
                self.bind_ref(p, place.clone(), env);
                env.push(name.clone(), Value::reference(place));
            }
            Pat::Slice(ps) => {
                let n = place
                    .with(|v| match v {
                        Value::Vec(items) => items.len(),
                        _ => 0,
                    })
                    .unwrap_or(0);
                let (before, after, rest) = slice_parts(ps);
                for (k, p) in before.iter().enumerate() {
                    self.bind_ref(p, place.project(Step::Index(k)), env);
                }
                let tail = n.saturating_sub(after.len());
                for (k, p) in after.iter().enumerate() {
                    self.bind_ref(p, place.project(Step::Index(tail + k)), env);
                }
                if let Some(Pat::At(name, _, _)) = rest {
                    // A subslice is a copy of the middle here.
                    let middle = place
                        .with(|v| match v {
                            Value::Vec(items) => items
                                .get(before.len()..tail)
                                .map(|s| s.to_vec())
                                .unwrap_or_default(),
                            _ => Vec::new(),
                        })
                        .unwrap_or_default();
                    env.push(name.clone(), Value::Vec(Rc::new(middle)));
                }
            }
            _ => {}
        }
    }

    /// Binds the names of a struct, enum, `@` or slice pattern (which matches `v`).
    pub(super) fn bind_user(&self, pat: &Pat, v: Value, env: &mut Env) {
        match pat {
            Pat::Adt(_, _, fields) => {
                let Value::Adt(a) = v else { return };
                let mut slots: Vec<Option<Value>> =
                    Adt::fields_of(a).into_iter().map(Some).collect();
                for (i, p) in fields {
                    if let Some(x) = slots.get_mut(*i).and_then(Option::take) {
                        self.bind(p, x, env);
                    }
                }
            }
            Pat::At(name, _, p) => {
                self.bind(p, v.clone(), env);
                env.push(name.clone(), v);
            }
            Pat::Slice(ps) => {
                let Value::Vec(items) = v else { return };
                let items = Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone());
                let (before, after, rest) = slice_parts(ps);
                let n = items.len();
                let tail = n.saturating_sub(after.len());
                let mut middle = Vec::new();
                for (k, x) in items.into_iter().enumerate() {
                    if let Some(p) = before.get(k) {
                        self.bind(p, x, env);
                    } else if k >= tail {
                        if let Some(p) = after.get(k - tail) {
                            self.bind(p, x, env);
                        }
                    } else {
                        middle.push(x);
                    }
                }
                if let Some(Pat::At(name, _, _)) = rest {
                    env.push(name.clone(), Value::Vec(Rc::new(middle)));
                }
            }
            _ => {}
        }
    }
}

/// A value of your type.
fn adt(def: &Rc<types::TypeDef>, variant: usize, fields: Vec<Value>) -> Value {
    // `Ordering::Less` written in the program is the same value as what `cmp` returns.
    if def.path.as_ref() == "std::cmp::Ordering" {
        return types::ordering(types::ordering_of_index(variant));
    }
    Value::Adt(Rc::new(Adt::new(def, variant, fields)))
}
