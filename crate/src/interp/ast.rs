//! The small AST of the supported subset: what [`super::lower`] makes from `syn`'s tree and what the
//! evaluator walks. Every node keeps its [`Span`] so that a runtime panic and a diagnostic can point
//! at the source.

use super::diag::Span;
use std::collections::HashMap;
use std::rc::Rc;

/// An identifier.
pub type Name = Rc<str>;

/// A whole program: its functions and how `main` is run.
#[derive(Debug)]
pub struct Program {
    /// Every function, by name.
    pub fns: HashMap<Name, Rc<FnDef>>,
    /// How `main` is entered.
    pub main: MainKind,
    /// `const` items: their type and value, evaluated where used.
    pub consts: HashMap<Name, (Ty, Rc<Expr>)>,
    /// The unused-variable warnings found while lowering.
    pub warnings: Vec<super::diag::Diagnostic>,
    /// The program's own types, impls and traits.
    pub types: Rc<super::types::Registry>,
}

/// How `main` is entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MainKind {
    /// `fn main()`: no runtime.
    Plain,
    /// `#[tokio::main] async fn main()`.
    Tokio {
        /// `flavor = "current_thread"`.
        current_thread: bool,
    },
}

/// A function (`fn` or `async fn`).
#[derive(Debug)]
pub struct FnDef {
    /// Its name.
    pub name: Name,
    /// `async fn`.
    pub is_async: bool,
    /// Its parameters and their declared types.
    pub params: Vec<(Pat, Ty)>,
    /// Its declared return type (`Ty::Unit` when omitted).
    pub ret: Ty,
    /// Its body.
    pub body: Rc<Block>,
    /// The name's place.
    pub span: Span,
}

/// The types the subset knows; used to give integer literals their type and to convert arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    /// An integer type.
    Int(IntTy),
    /// `f64` / `f32`.
    Float,
    /// `()`.
    Unit,
    /// A tuple.
    Tuple(Vec<Ty>),
    /// `Vec<T>`, `[T; N]`, `&[T]`.
    Vec(Box<Ty>),
    /// `Option<T>`.
    Option(Box<Ty>),
    /// `Result<T, E>`.
    Result(Box<Ty>, Box<Ty>),
    /// Anything else the subset accepts (`String`, `&str`, `bool`, `Duration`, ...): no conversion.
    Other,
}

/// The integer types. `Infer` is an unsuffixed literal whose type Rust would infer from context;
/// when nothing decides it, Rust picks `i32`, and so does arithmetic here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum IntTy {
    I8,
    I16,
    I32,
    I64,
    I128,
    Isize,
    U8,
    U16,
    U32,
    U64,
    U128,
    Usize,
    Infer,
}

impl IntTy {
    /// The smallest and largest value.
    pub fn range(self) -> (i128, i128) {
        match self {
            IntTy::I8 => (i8::MIN.into(), i8::MAX.into()),
            IntTy::I16 => (i16::MIN.into(), i16::MAX.into()),
            IntTy::I32 | IntTy::Infer => (i32::MIN.into(), i32::MAX.into()),
            IntTy::I64 | IntTy::Isize => (i64::MIN.into(), i64::MAX.into()),
            IntTy::I128 => (i128::MIN, i128::MAX),
            IntTy::U8 => (0, u8::MAX.into()),
            IntTy::U16 => (0, u16::MAX.into()),
            IntTy::U32 => (0, u32::MAX.into()),
            IntTy::U64 | IntTy::Usize => (0, u64::MAX.into()),
            // u128 beyond i128::MAX is out of the subset: values are kept in an i128.
            IntTy::U128 => (0, i128::MAX),
        }
    }

    /// The type's name as written in Rust.
    pub fn from_name(name: &str) -> Option<IntTy> {
        Some(match name {
            "i8" => IntTy::I8,
            "i16" => IntTy::I16,
            "i32" => IntTy::I32,
            "i64" => IntTy::I64,
            "i128" => IntTy::I128,
            "isize" => IntTy::Isize,
            "u8" => IntTy::U8,
            "u16" => IntTy::U16,
            "u32" => IntTy::U32,
            "u64" => IntTy::U64,
            "u128" => IntTy::U128,
            "usize" => IntTy::Usize,
            _ => return None,
        })
    }

    /// Of two operands' types, the one the operation has (an inferred literal takes the other's).
    pub fn unify(self, other: IntTy) -> IntTy {
        if self == IntTy::Infer {
            other
        } else {
            self
        }
    }
}

/// A block: statements, then maybe a value.
#[derive(Debug, Default)]
pub struct Block {
    /// The statements.
    pub stmts: Vec<Stmt>,
    /// The final expression without `;`: the block's value.
    pub tail: Option<Box<Expr>>,
}

/// A statement.
#[derive(Debug)]
pub enum Stmt {
    /// `let pat: ty = init else { .. };`
    Let {
        /// The pattern bound.
        pat: Pat,
        /// The declared type, if any.
        ty: Option<Ty>,
        /// The value, if any.
        init: Option<Expr>,
        /// `let ... else` block.
        otherwise: Option<Block>,
    },
    /// `expr;` (the value is dropped at once) or a block-like expression without `;`.
    Expr(Expr),
}

/// A pattern.
#[derive(Debug, Clone)]
pub enum Pat {
    /// `_`
    Wild,
    /// `x`, `mut x`, `ref x`.
    Bind {
        /// The name.
        name: Name,
        /// Its place.
        span: Span,
    },
    /// `(a, b)`
    Tuple(Vec<Pat>),
    /// A literal: `1`, `"x"`, `true`, `-3`.
    Lit(Lit),
    /// `1..=5`, `'a'..='z'`.
    Range(Lit, Lit, bool),
    /// `Some(p)`, `Ok(p)`, `Err(p)`.
    Variant(Variant, Box<Pat>),
    /// `None`.
    None,
    /// `a | b`.
    Or(Vec<Pat>),
    /// `..` inside a tuple or a slice pattern.
    Rest,
    /// `Point { x, .. }`, `Meters(m)`, `Shape::Circle(r)`, `Color::Red`: the type, the variant,
    /// and the fields that are matched (by index).
    Adt(Rc<super::types::TypeDef>, usize, Vec<(usize, Pat)>),
    /// `name @ pat` (`rest @ ..` in a slice pattern).
    At(Name, Span, Box<Pat>),
    /// `[first, .., last]`, `[x, rest @ ..]`.
    Slice(Vec<Pat>),
    /// A variant of one of Tokio's error enums (`TryRecvError::Empty`, `RecvError::Lagged(n)`,
    /// see `tokio/errors.rs`): its name, and the pattern of its payload.
    TokioError(Rc<str>, Option<Box<Pat>>),
}

/// The enum variants of the prelude.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// `Some`
    Some,
    /// `Ok`
    Ok,
    /// `Err`
    Err,
}

/// A literal.
#[derive(Debug, Clone, PartialEq)]
pub enum Lit {
    /// An integer and its type (`Infer` when unsuffixed).
    Int(i128, IntTy),
    /// A float.
    Float(f64),
    /// A string.
    Str(Rc<str>),
    /// A char.
    Char(char),
    /// A bool.
    Bool(bool),
}

/// An expression and its place.
#[derive(Debug)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `*x` (a no-op: values are not behind references here)
    Deref,
}

/// What a call calls, resolved when lowering.
#[derive(Debug, Clone)]
pub enum Callee {
    /// A function of the program.
    Fn(Name),
    /// A local variable holding a closure.
    Local(Name),
    /// The value of an expression: `make_adder(2)(40)`, `(self.f)(x)`.
    Value(Rc<Expr>),
    /// A library function of the subset.
    Builtin(Builtin),
    /// `Some(..)`, `Ok(..)`, `Err(..)`.
    Variant(Variant),
}

/// The library functions of the subset, each with its canonical path in [`super::lower`]'s table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Builtin {
    /// An associated function of a std table (`HashMap::new`), by its canonical path.
    Std(&'static str),
    Sleep,
    SleepUntil,
    Timeout,
    DurationFromSecs,
    DurationFromMillis,
    DurationFromMicros,
    DurationFromNanos,
    DurationFromSecsF64,
    DurationNew,
    DurationZero,
    InstantNow,
    Spawn,
    YieldNow,
    JoinAll,
    MpscChannel,
    MpscUnbounded,
    OneshotChannel,
    ThreadSleep,
    StringFrom,
    StringNew,
    VecNew,
    VecWithCapacity,
    Drop,
    BoxPin,
    BoxNew,
    Identity,
    Interval,
    Stdout,
    /// `Rc`/`Arc`/cells/locks and `std::mem` ([`super::mem::MemFn`]).
    Mem(super::mem::MemFn),
    /// The rest of Tokio's library (`tokio::sync::Mutex::new`, `JoinSet::new`, …).
    Tokio(super::tokio::TokioFn),
}

/// How a printing macro prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintTo {
    /// `println!`
    StdoutLine,
    /// `print!`
    Stdout,
    /// `eprintln!`
    StderrLine,
    /// `eprint!`
    Stderr,
}

/// A parsed format string with its arguments.
#[derive(Debug)]
pub struct Format {
    /// Literal text and placeholders, in order.
    pub pieces: Vec<Piece>,
    /// The positional and named arguments (named ones are also in `names`).
    pub args: Vec<Expr>,
    /// `name = expr` arguments: name → index in `args`.
    pub names: Vec<(Name, usize)>,
}

/// Part of a format string.
#[derive(Debug, Clone)]
pub enum Piece {
    /// Text printed as is.
    Text(String),
    /// `{...}`
    Hole(Hole),
}

/// One `{...}` of a format string.
#[derive(Debug, Clone)]
pub struct Hole {
    /// Which argument: an index into `Format::args`.
    pub arg: usize,
    /// The fill character.
    pub fill: char,
    /// `<`, `^`, `>`, or none.
    pub align: Option<char>,
    /// `+`
    pub plus: bool,
    /// `#`
    pub alternate: bool,
    /// `0`
    pub zero: bool,
    /// Width, literal or from an argument.
    pub width: Option<Count>,
    /// Precision, literal or from an argument.
    pub precision: Option<Count>,
    /// `?`, `x`, `X`, `b`, `o`, `e`, `E`, or ' ' for Display.
    pub trait_: char,
}

/// A width or precision.
#[derive(Debug, Clone, Copy)]
pub enum Count {
    /// Written in the string.
    Is(usize),
    /// Taken from an argument (an index into `Format::args`).
    Arg(usize),
}

/// One branch of `select!`: `pat = fut, if guard => body`.
#[derive(Debug)]
pub struct SelectArm {
    /// The pattern the output must match.
    pub pat: Pat,
    /// The future.
    pub fut: Expr,
    /// `if cond` (branch disabled when false).
    pub guard: Option<Expr>,
    /// The handler.
    pub body: Expr,
}

/// One arm of `match`.
#[derive(Debug)]
pub struct Arm {
    /// Pattern.
    pub pat: Pat,
    /// `if guard`.
    pub guard: Option<Expr>,
    /// Body.
    pub body: Expr,
}

/// An async block or a closure: its code and the variables it captures.
#[derive(Debug)]
pub struct Capturing<T> {
    /// The code.
    pub body: Rc<T>,
    /// The free variables it mentions (captured by copy, or moved with `move`).
    pub captures: Vec<Name>,
    /// `move`.
    pub is_move: bool,
}

/// Expressions.
#[derive(Debug)]
#[allow(missing_docs)]
pub enum ExprKind {
    Lit(Lit),
    /// A local variable.
    Var(Name),
    /// A function of the program used as a value (`spawn(task)` is out; `map(f)` is out too).
    FnRef(Name),
    /// `None`
    None,
    /// `Duration::ZERO`, `u64::MAX` and such.
    Const(Lit),
    Call(Callee, Vec<Expr>),
    /// Receiver, method, arguments, and the method name's place (where a panic inside points).
    Method(Box<Expr>, Name, Vec<Expr>, Span),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnOp, Box<Expr>),
    /// `&x`, `&mut x`: the value itself.
    Ref(Box<Expr>),
    Assign(Box<Expr>, Box<Expr>),
    AssignOp(BinOp, Box<Expr>, Box<Expr>),
    If(Box<Expr>, Block, Option<Box<Expr>>),
    /// `let pat = expr` as an `if`/`while` condition.
    Let(Pat, Box<Expr>),
    While(Option<Name>, Box<Expr>, Block),
    Loop(Option<Name>, Block),
    For(Option<Name>, Pat, Box<Expr>, Block),
    Match(Box<Expr>, Vec<Arm>),
    Block(Block),
    /// An `async` block, named `async block at main.rs:L:C`.
    Async(Capturing<Block>),
    /// A closure `|a, b| body` (`async` closures too: `is_async`).
    Closure(Capturing<Expr>, Vec<Pat>, bool),
    Await(Box<Expr>),
    Try(Box<Expr>),
    Return(Option<Box<Expr>>),
    Break(Option<Name>, Option<Box<Expr>>),
    Continue(Option<Name>),
    Tuple(Vec<Expr>),
    /// `vec![a, b]`, `[a, b]`.
    Array(Vec<Expr>),
    /// `vec![x; n]`.
    Repeat(Box<Expr>, Box<Expr>),
    /// `t.0`
    Field(Box<Expr>, usize),
    Index(Box<Expr>, Box<Expr>),
    Range(Option<Box<Expr>>, Option<Box<Expr>>, bool),
    Cast(Box<Expr>, Ty),
    Print(PrintTo, Format),
    FormatStr(Format),
    /// `panic!(...)`, `unreachable!`, `todo!`: the message.
    Panic(Option<Format>, &'static str),
    /// `assert!(cond, msg...)`.
    Assert(Box<Expr>, Option<Format>),
    /// `assert_eq!` (true) / `assert_ne!` (false).
    AssertEq(Box<Expr>, Box<Expr>, Option<Format>, bool),
    /// `tokio::join!` (false) or `futures::join!` (true).
    Join(Vec<Expr>, bool),
    /// `tokio::try_join!`; true with `biased;` (polled in order, no rotating start).
    TryJoin(Vec<Expr>, bool),
    /// A `const` item.
    ConstRef(Name),
    /// `select!`: biased, branches, `else` branch.
    Select(bool, Vec<SelectArm>, Option<Box<Expr>>),
    /// `Point { x, y: 2, ..base }`, `Msg::Move { x: 1, y: 2 }`: the type, the variant, the
    /// fields given (by index) and the base the others come from.
    StructLit(
        Rc<super::types::TypeDef>,
        usize,
        Vec<(usize, Expr)>,
        Option<Box<Expr>>,
    ),
    /// `Meters(5)`, `Shape::Circle(r)`, `Color::Red`, `Unit`: the type, the variant, the fields.
    Ctor(Rc<super::types::TypeDef>, usize, Vec<Expr>),
    /// `p.x`: a named field, found by name in the value's type.
    NamedField(Box<Expr>, Name),
    /// `Point::new(..)`, `Self::origin()`: a type's associated function (by type key and name).
    AssocCall(Name, Name, Vec<Expr>),
    /// `Self::MAX`, `Point::ORIGIN`, or `Point::new` as a function value.
    AssocValue(Name, Name),
    /// `write!(f, ..)` (false) / `writeln!(f, ..)` (true) into a `Formatter` or a `String`.
    Write(Box<Expr>, Format, bool),
    /// The registry key of a value's type, as a string: what a generic function's type parameter
    /// stands for in this call (`T::describe()` with `x: T`).
    TypeOf(Box<Expr>),
    /// `e?` in a function returning `Result<_, E>` with `E` your type: an `Err` converts through
    /// `E`'s `From` impl (by the error's type), as `?` does.
    TryFrom(Box<Expr>, Name),
}
