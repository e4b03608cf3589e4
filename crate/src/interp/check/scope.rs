//! Locals, their state (moved, initialised, borrowed) and the frames that own them: the function's
//! body, and each closure or async block inside it.

use super::ty::Ty;
use crate::interp::diag::Span;

/// Where and how a value was moved.
#[derive(Clone, Debug)]
pub struct MoveSite {
    /// The move's span (the use, or `async move`/`move ||`).
    pub span: Span,
    /// For a move into a closure or async block: the use inside, and whether it is a closure.
    pub into: Option<(Span, bool)>,
    /// For a move by a method taking `self`: the method call's span from the dot, and its name.
    pub method: Option<(Span, String)>,
    /// The loop header, if the move happened in the loop's previous iteration.
    pub prev_iter: Option<Span>,
    /// Order of the move (loops mark the moves of their first pass).
    pub seq: u64,
}

/// What is known about a local's value at this point.
#[derive(Clone, Debug)]
pub enum State {
    /// Holds its value.
    Live,
    /// Moved out (on some path).
    Moved(MoveSite),
    /// The checker lost track (a closure or a macro it does not read may have moved it).
    Unknown,
}

/// Whether a binding declared without a value has been assigned.
#[derive(Clone, Debug)]
pub enum Init {
    /// `let x = v;`, a parameter or a pattern: assigned where declared.
    At(Span),
    /// `let x;` not yet assigned.
    No,
    /// Assigned on some paths, or the checker cannot tell.
    Maybe,
}

/// A borrow held by a local (`let a = &mut s;`).
#[derive(Clone, Debug)]
pub struct Loan {
    /// The borrowed local.
    pub of: usize,
    /// `&mut`.
    pub mutable: bool,
    /// The borrow's span.
    pub span: Span,
}

/// A conflicting access made while a loan was held, reported if the loan is used afterwards.
#[derive(Clone, Debug)]
pub struct Conflict {
    /// The access's span.
    pub span: Span,
    /// Whether the access borrows mutably.
    pub mutable: bool,
}

/// One local variable.
#[derive(Clone, Debug)]
pub struct Local {
    /// Its name.
    pub name: String,
    /// Declared `mut`.
    pub mutable: bool,
    /// A function parameter.
    pub param: bool,
    /// Bound by reference (`ref x`, or a pattern matched through a reference): never owned.
    pub by_ref: bool,
    /// Its type, as far as known.
    pub ty: Ty,
    /// The binding's span.
    pub decl: Span,
    /// Moved or not.
    pub state: State,
    /// Assigned or not.
    pub init: Init,
    /// A borrow of another local that this one holds.
    pub loan: Option<Loan>,
    /// Accesses that conflict with `loan`, waiting for a later use of this local.
    pub pending: Vec<Conflict>,
    /// `let x = &v`: the local `v` it borrows (for E0597).
    pub borrows: Option<(usize, Span)>,
    /// Its type in terms of a type parameter of the function, when it is exactly one.
    pub of_param: Option<OfParam>,
    /// The frame that declared it.
    pub frame: usize,
}

/// A local whose type is a type parameter `T` (the checker's `Ty` says `Unknown` there): enough to
/// tell that formatting it needs a bound the function does not have.
#[derive(Clone, Debug, PartialEq)]
pub enum OfParam {
    /// `T`, `&T` or `&mut T`: the reference written before it (`""`, `"&"`, `"&mut "`).
    Value(String, &'static str),
    /// `Vec<T>`, `&Vec<T>`, `&[T]` (or `&mut`): iterating it gives `T`, `&T` (or `&mut T`).
    Elems(String, &'static str),
}

/// How an expression's value is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// By value: moved unless `Copy`.
    Move,
    /// Through a shared reference (`&x`, a `&self` method, a format argument).
    Borrow,
    /// Through a mutable reference.
    BorrowMut,
    /// Only its place is named (the left of `=`).
    Place,
    /// Through a method the checker does not know: a borrow for moves, but a closure that uses
    /// a value this way may capture it either way.
    Maybe,
}

/// What owns a stretch of code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// A function's body.
    Fn {
        /// `async fn`.
        is_async: bool,
    },
    /// A closure (`async` closures count as async).
    Closure {
        /// `move`.
        is_move: bool,
        /// `async |..|`.
        is_async: bool,
    },
    /// An `async` block.
    Async {
        /// `async move`.
        is_move: bool,
    },
}

/// A function, closure or async block being walked.
#[derive(Clone, Debug)]
pub struct Frame {
    /// Which one.
    pub kind: FrameKind,
    /// The first local that belongs to it: locals before it are captured.
    pub base: usize,
    /// Outer locals used inside, in order: (local, use span, how).
    pub captures: Vec<(usize, Span, Use)>,
    /// "this is not `async`" (the signature or the closure's bars).
    pub head: Span,
    /// The return type is `()` (for `?`), with the span rustc points at.
    pub returns_unit: Option<Span>,
    /// The first `.await` with a local that is not `Send` alive.
    pub not_send: Option<Held>,
}

impl Frame {
    /// Whether `.await` is allowed directly in it.
    pub fn is_async(&self) -> bool {
        match self.kind {
            FrameKind::Fn { is_async } => is_async,
            FrameKind::Closure { is_async, .. } => is_async,
            FrameKind::Async { .. } => true,
        }
    }
}

/// A value that is not `Send`, alive at an `.await`.
#[derive(Clone, Debug)]
pub struct Held {
    /// The binding as rustc names it (`mut guard`).
    pub name: String,
    /// Where it is declared.
    pub decl: Span,
    /// Its type, spelled.
    pub ty: String,
    /// The `await`.
    pub at: Span,
}
