//! # Your own types: `struct`, `enum`, `impl`, `trait`, and how a call finds its method.
//!
//! [`super::lower`] fills a [`Registry`] with the program's type definitions and its `impl` blocks;
//! the evaluator asks it which function a method call or a `Type::f(..)` path calls, the way rustc
//! resolves them: the inherent `impl` first, then the traits implemented for the type (a trait's
//! default method when the `impl` leaves it out), then blanket impls (`impl<T: Bound> Tr for T`).
//!
//! Types are erased at run time except where a value carries its type: a struct or enum value
//! ([`Adt`]) knows its [`TypeDef`], and the std values map to their type's name ([`type_keys`]).
//! `Self` is resolved while lowering: a trait's default method is lowered once per `impl` that
//! uses it, with `Self` standing for that impl's type.

pub mod fmt;

use super::ast::{Expr, FnDef, IntTy, Name, Ty};
use super::value::Value;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// The shape of a struct or of one enum variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `struct Unit;`, `Color::Red`.
    Unit,
    /// `struct Meters(u32);`, `Shape::Circle(f64)`.
    Tuple,
    /// `struct Point { x: i32 }`, `Msg::Move { x: i32 }`.
    Named,
}

/// A struct, or one variant of an enum.
#[derive(Debug)]
pub struct VariantDef {
    /// Its name (the struct's name for a struct).
    pub name: Name,
    /// Unit, tuple or named fields.
    pub shape: Shape,
    /// Field names (`0`, `1`, ... for a tuple shape).
    pub fields: Vec<Name>,
    /// Field types: integer literals take them (`Point { x: 5 }` with `x: u64`).
    pub tys: Vec<Ty>,
    /// Field types' registry keys (`String`, `u32`, `shapes::Circle`), for `#[derive(Default)]`.
    pub keys: Vec<Name>,
    /// The discriminant (`as i32` on a fieldless enum).
    pub discriminant: i128,
}

impl VariantDef {
    /// The index of field `name`.
    pub fn field(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.as_ref() == name)
    }
}

/// The traits a type derives.
#[derive(Debug, Default, Clone, Copy)]
#[allow(missing_docs)]
pub struct Derives {
    pub debug: bool,
    pub clone: bool,
    pub copy: bool,
    pub partial_eq: bool,
    pub partial_ord: bool,
    pub default: bool,
    pub hash: bool,
}

/// A `struct` or `enum` of the program.
#[derive(Debug)]
pub struct TypeDef {
    /// The name `Debug` prints (`Circle`).
    pub name: Name,
    /// Its path in the program (`shapes::Circle`): the registry's key.
    pub path: Name,
    /// `enum` (variants print without the type's name).
    pub is_enum: bool,
    /// One for a struct; the variants of an enum, in order.
    pub variants: Vec<VariantDef>,
    /// `#[derive(..)]`.
    pub derives: Derives,
    /// The `#[default]` variant of an enum.
    pub default_variant: usize,
    /// It has an `impl Drop` (set when that impl is lowered).
    pub has_drop: std::cell::Cell<bool>,
    /// It is `Copy` (derived, or `impl Copy for T {}`).
    pub copy: std::cell::Cell<bool>,
}

/// A struct or enum value: which variant, and its fields in declaration order.
#[derive(Clone, Debug)]
pub struct Adt {
    /// Its type.
    pub def: Rc<TypeDef>,
    /// Which variant (0 for a struct).
    pub variant: usize,
    /// Field values.
    pub fields: Vec<Value>,
    /// Its type has `impl Drop` and this value has not been dropped: when the last copy of it
    /// goes, its `drop` is queued for the evaluator ([`super::mem::queue_drop`]).
    pub armed: bool,
}

impl Drop for Adt {
    fn drop(&mut self) {
        if self.armed {
            let v = Adt {
                def: self.def.clone(),
                variant: self.variant,
                fields: std::mem::take(&mut self.fields),
                armed: false,
            };
            super::mem::queue_drop(self.def.path.clone(), Value::Adt(Rc::new(v)));
        }
    }
}

impl Adt {
    /// A new value (armed when its type has `impl Drop`).
    pub fn new(def: &Rc<TypeDef>, variant: usize, fields: Vec<Value>) -> Adt {
        Adt {
            def: def.clone(),
            variant,
            fields,
            armed: def.has_drop.get(),
        }
    }

    /// Its fields, taken out of a copy that will not run `Drop` (a pattern reads them).
    pub fn fields_of(a: Rc<Adt>) -> Vec<Value> {
        match Rc::try_unwrap(a) {
            Ok(mut a) => {
                a.armed = false;
                std::mem::take(&mut a.fields)
            }
            Err(rc) => rc.fields.clone(),
        }
    }

    /// The variant's definition.
    pub fn variant_def(&self) -> Option<&VariantDef> {
        self.def.variants.get(self.variant)
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        super::fmt::debug(&mut s, self, None);
        f.write_str(&s)
    }
}

/// Method names that values of your types (and `Formatter`s) answer besides their impls'.
pub const METHODS: &[&str] = &[
    "cmp",
    "partial_cmp",
    "fmt",
    "write_str",
    "pad",
    "alternate",
    "sign_plus",
    "width",
    "precision",
    "fill",
    "debug_struct",
    "debug_tuple",
    "debug_list",
    "field",
    "entry",
    "entries",
    "finish",
];

/// How a method takes `self`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Receiver {
    /// `self`, `mut self`.
    Value,
    /// `&self`.
    Ref,
    /// `&mut self`: what the method does to `self` is written back to the receiver's place.
    RefMut,
    /// No `self`: an associated function.
    None,
}

/// A function of an `impl` block (or a trait's default, lowered for one impl).
#[derive(Debug, Clone)]
pub struct Method {
    /// The function (`self` is its first parameter, named `self`).
    pub def: Rc<FnDef>,
    /// How it takes `self`.
    pub receiver: Receiver,
}

/// `impl Trait for Type`.
#[derive(Debug, Default)]
pub struct TraitImpl {
    /// The trait's path (`Display`, `shapes::Area`).
    pub trait_: Name,
    /// The type's key ([`type_keys`]), or `*` for a blanket impl.
    pub ty: Name,
    /// The trait's type arguments' keys (`From<u32>` → `u32`).
    pub args: Vec<Name>,
    /// Its functions, the trait's defaults included.
    pub methods: HashMap<Name, Method>,
    /// Its associated consts.
    pub consts: HashMap<Name, (Ty, Rc<Expr>)>,
}

/// Every user type, `impl` and trait of the program.
#[derive(Debug, Default)]
pub struct Registry {
    /// Types by path.
    pub types: HashMap<Name, Rc<TypeDef>>,
    /// Inherent `impl` functions: type key → name → method.
    pub inherent: HashMap<Name, HashMap<Name, Method>>,
    /// Inherent associated consts: type key → name → (type, value).
    pub consts: HashMap<Name, HashMap<Name, (Ty, Rc<Expr>)>>,
    /// Trait impls, in source order.
    pub impls: Vec<TraitImpl>,
    /// Every method name some `impl` defines: a std method call with another name never looks here.
    pub names: HashSet<Name>,
}

/// Where a method call or an associated path led.
pub enum Found<'a> {
    /// A function of an impl.
    Fn(&'a Method),
    /// An associated const.
    Const(&'a (Ty, Rc<Expr>)),
}

impl Registry {
    /// The function or const `name` of the type `key`: inherent first, then trait impls for the
    /// type, then blanket impls.
    pub fn lookup(&self, key: &str, name: &str) -> Option<Found<'_>> {
        if let Some(m) = self.inherent.get(key).and_then(|m| m.get(name)) {
            return Some(Found::Fn(m));
        }
        if let Some(c) = self.consts.get(key).and_then(|m| m.get(name)) {
            return Some(Found::Const(c));
        }
        for pass in [key, "*"] {
            for i in self.impls.iter().filter(|i| i.ty.as_ref() == pass) {
                if let Some(m) = i.methods.get(name) {
                    return Some(Found::Fn(m));
                }
                if let Some(c) = i.consts.get(name) {
                    return Some(Found::Const(c));
                }
            }
        }
        None
    }

    /// `T::from(v)` / `T::try_from(v)` when `T` has several such impls: the one whose trait
    /// argument is `v`'s type.
    pub fn convert(&self, key: &str, name: &str, v: &Value) -> Option<&Method> {
        let keys = type_keys(v);
        let mut found = self
            .impls
            .iter()
            .filter(|i| i.ty.as_ref() == key && i.methods.contains_key(name) && !i.args.is_empty());
        let all: Vec<&TraitImpl> = found.by_ref().collect();
        all.iter()
            .find(|i| {
                i.args
                    .first()
                    .is_some_and(|a| keys.iter().any(|k| k == a.as_ref()))
            })
            .or(all.first().filter(|_| all.len() == 1))
            .and_then(|i| i.methods.get(name))
    }

    /// The method `name` for a value, trying each of its type's keys.
    pub fn method_for(&self, v: &Value, name: &str) -> Option<&Method> {
        if !self.names.contains(name) {
            return None;
        }
        for key in type_keys(v) {
            if let Some(Found::Fn(m)) = self.lookup(&key, name) {
                return Some(m);
            }
        }
        None
    }

    /// Does the type `key` implement the trait whose last path segment is `trait_`?
    pub fn implements(&self, key: &str, trait_: &str) -> bool {
        self.impls.iter().any(|i| {
            (i.ty.as_ref() == key || i.ty.as_ref() == "*")
                && i.trait_.rsplit("::").next() == Some(trait_)
        })
    }

    /// The method `name` of the impl of trait `trait_` for the value's type (operators, `Display`).
    pub fn trait_method(&self, v: &Value, trait_: &str, name: &str) -> Option<&Method> {
        for key in type_keys(v) {
            for pass in [key.as_str(), "*"] {
                let found = self.impls.iter().find(|i| {
                    i.ty.as_ref() == pass && i.trait_.rsplit("::").next() == Some(trait_)
                });
                if let Some(m) = found.and_then(|i| i.methods.get(name)) {
                    return Some(m);
                }
            }
        }
        None
    }

    /// `impl Drop for T`'s `drop` (by the type's key), for the memory model to call where a
    /// value of `T` drops.
    pub fn drop_impl(&self, key: &str) -> Option<&Method> {
        self.impls
            .iter()
            .find(|i| i.ty.as_ref() == key && i.trait_.as_ref() == "Drop")
            .and_then(|i| i.methods.get("drop"))
    }
}

/// The keys a value's type goes by in the registry, most specific first: a user type's path, or
/// the std type's name (`String` then `str`; an unsuffixed integer is an `i32` first).
pub fn type_keys(v: &Value) -> Vec<String> {
    let one = |s: &str| vec![s.to_string()];
    match v {
        Value::Adt(a) => vec![a.def.path.to_string()],
        Value::Int(_, IntTy::Infer) => [
            "i32", "i64", "u32", "u64", "usize", "isize", "u8", "i8", "u16", "i16", "u128", "i128",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        Value::Int(_, t) => one(int_name(*t)),
        Value::Float(_) => vec!["f64".into(), "f32".into()],
        Value::Str(_) => vec!["String".into(), "str".into()],
        Value::Vec(_) => one("Vec"),
        Value::Bool(_) => one("bool"),
        Value::Char(_) => one("char"),
        Value::Opt(_) => one("Option"),
        Value::Res(_) => one("Result"),
        Value::Unit => one("()"),
        Value::Duration(_) => one("Duration"),
        Value::Tuple(_) => one("tuple"),
        // A library error's type is the start of its `Debug` (`ParseIntError { .. }`).
        Value::Error(e) => one(e.0.split([' ', '(']).next().unwrap_or_default()),
        _ => Vec::new(),
    }
}

/// An integer type's name.
pub fn int_name(t: IntTy) -> &'static str {
    match t {
        IntTy::I8 => "i8",
        IntTy::I16 => "i16",
        IntTy::I32 | IntTy::Infer => "i32",
        IntTy::I64 => "i64",
        IntTy::I128 => "i128",
        IntTy::Isize => "isize",
        IntTy::U8 => "u8",
        IntTy::U16 => "u16",
        IntTy::U32 => "u32",
        IntTy::U64 => "u64",
        IntTy::U128 => "u128",
        IntTy::Usize => "usize",
    }
}

/// Runs a user's `PartialEq::eq` (`true`) or `Ord::cmp`/`PartialOrd::partial_cmp` (`false`) on two
/// values: `None` when the type has no such impl. Installed per poll by the evaluator, like
/// [`fmt::Hook`], so that `sort`, `contains`, `max` and `assert_eq!` use them as Rust does.
pub type CmpHook = Rc<dyn Fn(&Value, &Value, bool) -> Option<Value>>;

thread_local! {
    static CMP: std::cell::RefCell<Option<CmpHook>> = const { std::cell::RefCell::new(None) };
}

/// Installs the comparison hook until the guard drops.
pub fn install_cmp(hook: Option<CmpHook>) -> CmpGuard {
    CmpGuard(CMP.with(|h| h.replace(hook)))
}

/// Restores the previous comparison hook when dropped.
pub struct CmpGuard(Option<CmpHook>);

impl Drop for CmpGuard {
    fn drop(&mut self) {
        let old = self.0.take();
        CMP.with(|h| *h.borrow_mut() = old);
    }
}

fn cmp_hook(a: &Value, b: &Value, eq: bool) -> Option<Value> {
    let hook = CMP.with(|h| h.borrow().clone())?;
    hook(a, b, eq)
}

/// `a == b` by the user's `PartialEq`, if `a`'s type has one.
pub fn user_eq(a: &Value, b: &Value) -> Option<bool> {
    match cmp_hook(a, b, true)? {
        Value::Bool(x) => Some(x),
        _ => None,
    }
}

/// `a.partial_cmp(b)` by the user's `Ord`/`PartialOrd`, if `a`'s type has one.
pub fn user_cmp(a: &Value, b: &Value) -> Option<Option<std::cmp::Ordering>> {
    match cmp_hook(a, b, false)? {
        Value::Opt(o) => Some(o.and_then(|x| as_ordering(&x))),
        other => Some(as_ordering(&other)),
    }
}

/// `std::cmp::Ordering`, an enum like the program's own (`match a.cmp(&b) { Ordering::Less => .. }`).
pub fn ordering_def() -> Rc<TypeDef> {
    thread_local! {
        static DEF: Rc<TypeDef> = Rc::new(TypeDef {
            name: "Ordering".into(),
            path: "std::cmp::Ordering".into(),
            is_enum: true,
            variants: ["Less", "Equal", "Greater"]
                .iter()
                .zip(-1..)
                .map(|(n, d)| VariantDef {
                    name: (*n).into(),
                    shape: Shape::Unit,
                    fields: Vec::new(),
                    tys: Vec::new(),
                    keys: Vec::new(),
                    discriminant: d,
                })
                .collect(),
            derives: Derives {
                debug: true,
                clone: true,
                copy: true,
                partial_eq: true,
                partial_ord: true,
                default: false,
                hash: true,
            },
            default_variant: 0,
            has_drop: std::cell::Cell::new(false),
            copy: std::cell::Cell::new(true),
        });
    }
    DEF.with(|d| d.clone())
}

/// The variant index of an `Ordering` in [`ordering_def`].
pub fn ordering_index(o: std::cmp::Ordering) -> usize {
    match o {
        std::cmp::Ordering::Less => 0,
        std::cmp::Ordering::Equal => 1,
        std::cmp::Ordering::Greater => 2,
    }
}

/// An `Ordering` value. With [`as_ordering`], the only place that knows how an `Ordering` is
/// represented: `Ordering::Less` in expressions and patterns goes through these two.
pub fn ordering(o: std::cmp::Ordering) -> Value {
    Value::Adt(Rc::new(Adt::new(
        &ordering_def(),
        ordering_index(o),
        Vec::new(),
    )))
}

/// The `std::cmp::Ordering` an `Ordering` value stands for.
pub fn as_ordering(v: &Value) -> Option<std::cmp::Ordering> {
    match v {
        Value::Adt(a) if a.def.path.as_ref() == "std::cmp::Ordering" => Some(match a.variant {
            0 => std::cmp::Ordering::Less,
            1 => std::cmp::Ordering::Equal,
            _ => std::cmp::Ordering::Greater,
        }),
        _ => None,
    }
}
