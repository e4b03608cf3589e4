//! The checker's light types: enough of Rust's types to know what is `Copy`, what is a future, what
//! is not `Send`, and to spell them as rustc does. `Unknown` is the honest answer everywhere else,
//! and every check stays silent on it.

use syn::{GenericArgument, PathArguments, Type};

/// A type as far as the checker knows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    /// Anything the checker does not follow (generics, closures, most of std).
    Unknown,
    /// `()`.
    Unit,
    /// `bool`.
    Bool,
    /// `char`.
    Char,
    /// An integer; `None` is rustc's `{integer}` (a literal not yet given a type).
    Int(Option<String>),
    /// A float; `None` is rustc's `{float}`.
    Float(Option<String>),
    /// `&str`.
    Str,
    /// `String`.
    String,
    /// `&T` or `&mut T`.
    Ref(bool, Box<Ty>),
    /// A named type with its arguments: `Vec<i32>`, `Rc<String>`, a struct of the program.
    Adt(String, Vec<Ty>),
    /// The future of an `async fn` call: `impl Future<Output = T>`.
    Future(Box<Ty>),
    /// `(A, B)`.
    Tuple(Vec<Ty>),
}

/// Types that are never `Copy`, by the name rustc prints.
const NOT_COPY: &[&str] = &[
    "Vec",
    "HashMap",
    "HashSet",
    "BTreeMap",
    "BTreeSet",
    "VecDeque",
    "Box",
    "Rc",
    "Arc",
    "Mutex",
    "RwLock",
    "RefCell",
    "JoinHandle",
    "Sender",
    "Receiver",
    "UnboundedSender",
    "UnboundedReceiver",
    "MutexGuard",
    "std::sync::MutexGuard",
    "RefMut",
    "Ref",
    "JoinSet",
    "Interval",
];

impl Ty {
    /// `Some(true)` if `Copy`, `Some(false)` if surely not, `None` if the checker cannot tell.
    pub fn is_copy(&self, structs: &dyn Fn(&str) -> Option<bool>) -> Option<bool> {
        match self {
            Ty::Unknown => None,
            Ty::Unit | Ty::Bool | Ty::Char | Ty::Int(_) | Ty::Float(_) | Ty::Str => Some(true),
            Ty::Ref(m, _) => Some(!m),
            Ty::String | Ty::Future(_) => Some(false),
            Ty::Tuple(ts) => ts
                .iter()
                .try_fold(true, |acc, t| Some(acc && t.is_copy(structs)?)),
            Ty::Adt(name, args) => {
                let base = name.rsplit("::").next().unwrap_or(name);
                if NOT_COPY.contains(&base) {
                    return Some(false);
                }
                if name == "Option" {
                    return args.first().and_then(|t| t.is_copy(structs));
                }
                if name == "Duration" || name == "Instant" {
                    return Some(true);
                }
                structs(name)
            }
        }
    }

    /// The name of the outer type (`Vec` for `Vec<i32>`), if it has one.
    pub fn head(&self) -> Option<&str> {
        match self {
            Ty::Adt(n, _) => Some(n),
            Ty::String => Some("String"),
            _ => None,
        }
    }

    /// Whether every part is known (a type worth printing in a headline).
    pub fn known(&self) -> bool {
        match self {
            Ty::Unknown => false,
            Ty::Ref(_, t) | Ty::Future(t) => t.known(),
            Ty::Adt(_, ts) | Ty::Tuple(ts) => ts.iter().all(Ty::known),
            _ => true,
        }
    }

    /// rustc's spelling: `Vec<i32>`, `&str`, `{integer}`, `impl Future<Output = String>`.
    pub fn show(&self) -> String {
        match self {
            Ty::Unknown => "_".into(),
            Ty::Unit => "()".into(),
            Ty::Bool => "bool".into(),
            Ty::Char => "char".into(),
            Ty::Int(n) => n.clone().unwrap_or_else(|| "{integer}".into()),
            Ty::Float(n) => n.clone().unwrap_or_else(|| "{float}".into()),
            Ty::Str => "&str".into(),
            Ty::String => "String".into(),
            Ty::Ref(m, t) => format!("&{}{}", if *m { "mut " } else { "" }, t.show()),
            Ty::Adt(n, args) if args.is_empty() => n.clone(),
            Ty::Adt(n, args) if n == "std::thread::JoinHandle" => {
                Ty::Adt("JoinHandle".into(), args.clone()).show()
            }
            Ty::Adt(n, args) => {
                let lt = if n.ends_with("MutexGuard")
                    || n.ends_with("RwLockReadGuard")
                    || n.ends_with("RwLockWriteGuard")
                    || n == "RefMut"
                    || n == "Ref"
                {
                    "'_, "
                } else {
                    ""
                };
                let a: Vec<String> = args.iter().map(Ty::show).collect();
                format!("{n}<{lt}{}>", a.join(", "))
            }
            Ty::Future(t) => format!("impl Future<Output = {}>", t.show()),
            Ty::Tuple(ts) => {
                let a: Vec<String> = ts.iter().map(Ty::show).collect();
                if a.len() == 1 {
                    format!("({},)", a[0])
                } else {
                    format!("({})", a.join(", "))
                }
            }
        }
    }

    /// How rustc names a value of this type in "expected `X`, found ..." (literals: "integer").
    pub fn found(&self) -> String {
        match self {
            Ty::Int(None) => "integer".into(),
            Ty::Float(None) => "floating-point number".into(),
            t => format!("`{}`", t.show()),
        }
    }
}

/// Integer type names.
pub const INTS: &[&str] = &[
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
];

/// A written type, as far as it is understood. `generics` are the names that are type parameters.
pub fn of_type(t: &Type, generics: &[String]) -> Ty {
    match t {
        Type::Tuple(tt) if tt.elems.is_empty() => Ty::Unit,
        Type::Tuple(tt) => Ty::Tuple(tt.elems.iter().map(|e| of_type(e, generics)).collect()),
        Type::Paren(p) => of_type(&p.elem, generics),
        Type::Reference(r) => {
            let inner = of_type(&r.elem, generics);
            match (&inner, r.mutability.is_some()) {
                (Ty::Adt(n, a), false) if n == "str" && a.is_empty() => Ty::Str,
                _ => Ty::Ref(r.mutability.is_some(), Box::new(inner)),
            }
        }
        Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return Ty::Unknown;
            };
            let mut name = last.ident.to_string();
            if p.path.segments.len() == 1 && generics.contains(&name) {
                return Ty::Unknown;
            }
            let prim = matches!(name.as_str(), "bool" | "char" | "String" | "f32" | "f64")
                || INTS.contains(&name.as_str());
            if p.path.segments.len() > 1 && !prim {
                // The walker resolves the path through the `use`s (see `Walker::canon`).
                let segs: Vec<String> = p
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                name = segs.join("::");
            }
            let args: Vec<Ty> = match &last.arguments {
                PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .filter_map(|g| match g {
                        GenericArgument::Type(t) => Some(of_type(t, generics)),
                        _ => None,
                    })
                    .collect(),
                PathArguments::None => Vec::new(),
                PathArguments::Parenthesized(_) => return Ty::Unknown,
            };
            named(&name, args)
        }
        _ => Ty::Unknown,
    }
}

/// A named type with its arguments.
pub fn named(name: &str, args: Vec<Ty>) -> Ty {
    match name {
        "bool" => Ty::Bool,
        "char" => Ty::Char,
        "String" => Ty::String,
        "f32" | "f64" => Ty::Float(Some(name.into())),
        n if INTS.contains(&n) => Ty::Int(Some(name.into())),
        "Self" => Ty::Unknown,
        _ => Ty::Adt(name.into(), args),
    }
}
