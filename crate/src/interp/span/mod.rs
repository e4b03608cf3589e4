//! Spans of syn's nodes without syn's `printing` feature.
//!
//! syn's own `Spanned` prints a node back into a token stream and joins the spans of its first and
//! last tokens: it needs syn's `printing` (a `ToTokens` for every node kind, ~32 KB of wasm) and
//! builds a token stream at every call. Here each node kind the interpreter takes spans of says which
//! of its tokens come first and last, in the order syn prints them, so the span is the same.

use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::*;

type S = Option<Span>;

/// The first and last tokens of a node as syn prints it (`None` when it prints nothing).
pub(crate) trait Tokens {
    /// The span of the first token.
    fn lo(&self) -> S;
    /// The span of the last token.
    fn hi(&self) -> S;
}

/// A node's span: from its first token to its last, as `syn::spanned::Spanned` gives it.
pub(crate) trait Spanned {
    /// The joined span (call site when the node prints no token).
    fn span(&self) -> Span;
}

impl<T: Tokens + ?Sized> Spanned for T {
    fn span(&self) -> Span {
        match (self.lo(), self.hi()) {
            (Some(a), Some(b)) => a.join(b).unwrap_or(a),
            (Some(a), None) => a,
            _ => Span::call_site(),
        }
    }
}

/// The node's tokens as rustc's token printer writes them (`Vec < String >`): the source text of
/// its span, lexed again (what syn's `to_token_stream().to_string()` gave, without printing).
pub(crate) fn text<T: Tokens + ?Sized>(t: &T) -> String {
    let src = match (t.lo(), t.hi()) {
        (Some(a), Some(b)) => a.join(b).unwrap_or(a).source_text(),
        (Some(a), None) => a.source_text(),
        _ => None,
    };
    match src.map(|s| s.parse::<proc_macro2::TokenStream>()) {
        Some(Ok(ts)) => apart(ts).to_string(),
        _ => String::new(),
    }
}

/// The lexer joins every run of punctuation (`<&`, `=&`); syn prints each of its tokens on its own
/// (`< &`) and joins only Rust's operators (`::`, `->`, `+=`, `>>`): do as syn.
fn apart(ts: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    use proc_macro2::{Group, Punct, Spacing, TokenTree};
    let tts: Vec<TokenTree> = ts.into_iter().collect();
    let mut out = Vec::with_capacity(tts.len());
    for (i, tt) in tts.iter().enumerate() {
        out.push(match tt {
            TokenTree::Group(g) => {
                let mut n = Group::new(g.delimiter(), apart(g.stream()));
                n.set_span(g.span());
                TokenTree::Group(n)
            }
            TokenTree::Punct(p) if p.spacing() == Spacing::Joint => {
                let next = match tts.get(i + 1) {
                    Some(TokenTree::Punct(n)) => n.as_char(),
                    _ => ' ',
                };
                let op = [p.as_char(), next];
                let joined = matches!(
                    op,
                    [':', ':']
                        | ['-' | '=', '>']
                        | [
                            '=' | '!' | '<' | '>' | '+' | '-' | '*' | '/' | '%' | '^' | '&' | '|',
                            '='
                        ]
                        | ['&', '&']
                        | ['|', '|']
                        | ['<', '<']
                        | ['>', '>']
                        | ['.', '.' | '='] // A lifetime's quote stays on its name.
                ) || p.as_char() == '\'';
                let mut n = Punct::new(
                    p.as_char(),
                    if joined {
                        Spacing::Joint
                    } else {
                        Spacing::Alone
                    },
                );
                n.set_span(p.span());
                TokenTree::Punct(n)
            }
            other => other.clone(),
        });
    }
    out.into_iter().collect()
}

/// The first of several candidates that prints a token (evaluated lazily).
macro_rules! any {
    ($e:expr) => { $e };
    ($e:expr, $($rest:expr),+) => { match $e { Some(s) => Some(s), None => any!($($rest),+) } };
}

macro_rules! keywords {
    ($($t:ty),*) => {$(
        impl Tokens for $t {
            fn lo(&self) -> S { Some(self.span) }
            fn hi(&self) -> S { Some(self.span) }
        }
    )*};
}
keywords!(
    Token![as],
    Token![async],
    Token![await],
    Token![const],
    Token![fn],
    Token![for],
    Token![impl],
    Token![loop],
    Token![move],
    Token![mut],
    Token![unsafe],
    Token![while],
    Token![struct],
    Token![enum],
    Token![trait],
    Token![static],
    Token![mod],
    Token![type],
    Token![self],
    Token![_],
    Token![dyn],
    Token![default],
    Token![ref],
    Token![let],
    Token![if],
    Token![else],
    Token![match],
    Token![return],
    Token![break],
    Token![continue],
    Token![in],
    Token![use],
    Token![extern],
    Token![crate],
    Token![pub],
    Token![yield],
    Token![try],
    Token![auto],
    Token![union],
    Token![where]
);

macro_rules! puncts {
    ($($t:ty),*) => {$(
        impl Tokens for $t {
            fn lo(&self) -> S { self.spans.first().copied() }
            fn hi(&self) -> S { self.spans.last().copied() }
        }
    )*};
}
puncts!(
    Token![.],
    Token![,],
    Token![;],
    Token![:],
    Token![::],
    Token![|],
    Token![!],
    Token![&],
    Token![=],
    Token![?],
    Token![..],
    Token![..=],
    Token![->],
    Token![=>],
    Token![@],
    Token![<],
    Token![>],
    Token![*],
    Token![+],
    Token![-],
    Token![#]
);

macro_rules! delims {
    ($($t:ty),*) => {$(
        impl Tokens for $t {
            fn lo(&self) -> S { Some(self.span.open()) }
            fn hi(&self) -> S { Some(self.span.close()) }
        }
    )*};
}
delims!(token::Paren, token::Brace, token::Bracket);

impl Tokens for token::Group {
    fn lo(&self) -> S {
        Some(self.span)
    }
    fn hi(&self) -> S {
        Some(self.span)
    }
}

impl<T: Tokens + ?Sized> Tokens for &T {
    fn lo(&self) -> S {
        (**self).lo()
    }
    fn hi(&self) -> S {
        (**self).hi()
    }
}

impl<T: Tokens + ?Sized> Tokens for Box<T> {
    fn lo(&self) -> S {
        (**self).lo()
    }
    fn hi(&self) -> S {
        (**self).hi()
    }
}

impl<T: Tokens> Tokens for Option<T> {
    fn lo(&self) -> S {
        self.as_ref().and_then(T::lo)
    }
    fn hi(&self) -> S {
        self.as_ref().and_then(T::hi)
    }
}

impl<T: Tokens> Tokens for [T] {
    fn lo(&self) -> S {
        self.iter().find_map(T::lo)
    }
    fn hi(&self) -> S {
        self.iter().rev().find_map(T::hi)
    }
}

impl<T: Tokens> Tokens for Vec<T> {
    fn lo(&self) -> S {
        self.as_slice().lo()
    }
    fn hi(&self) -> S {
        self.as_slice().hi()
    }
}

impl<T: Tokens, P: Tokens> Tokens for Punctuated<T, P> {
    fn lo(&self) -> S {
        self.pairs()
            .find_map(|p| any!(p.value().lo(), p.punct().and_then(|p| p.lo())))
    }
    fn hi(&self) -> S {
        self.pairs()
            .rev()
            .find_map(|p| any!(p.punct().and_then(|p| p.hi()), p.value().hi()))
    }
}

impl Tokens for Ident {
    fn lo(&self) -> S {
        Some(self.span())
    }
    fn hi(&self) -> S {
        Some(self.span())
    }
}

impl Tokens for LitStr {
    fn lo(&self) -> S {
        Some(self.span())
    }
    fn hi(&self) -> S {
        Some(self.span())
    }
}

/// A literal token (`lower/f32.rs` finds `1.5f32` among a macro's tokens).
impl Tokens for proc_macro2::Literal {
    fn lo(&self) -> S {
        Some(self.span())
    }
    fn hi(&self) -> S {
        Some(self.span())
    }
}

impl Tokens for Lit {
    fn lo(&self) -> S {
        Some(self.span())
    }
    fn hi(&self) -> S {
        Some(self.span())
    }
}

impl Tokens for proc_macro2::TokenStream {
    fn lo(&self) -> S {
        self.clone().into_iter().next().map(|t| t.span())
    }
    fn hi(&self) -> S {
        self.clone().into_iter().last().map(|t| t.span())
    }
}

impl Tokens for Lifetime {
    fn lo(&self) -> S {
        Some(self.apostrophe)
    }
    fn hi(&self) -> S {
        Some(self.ident.span())
    }
}

impl Tokens for Attribute {
    fn lo(&self) -> S {
        self.pound_token.lo()
    }
    fn hi(&self) -> S {
        self.bracket_token.hi()
    }
}

impl Tokens for Visibility {
    fn lo(&self) -> S {
        match self {
            Visibility::Public(p) => p.lo(),
            Visibility::Restricted(r) => r.pub_token.lo(),
            _ => None,
        }
    }
    fn hi(&self) -> S {
        match self {
            Visibility::Public(p) => p.hi(),
            Visibility::Restricted(r) => r.paren_token.hi(),
            _ => None,
        }
    }
}

impl Tokens for Path {
    fn lo(&self) -> S {
        any!(self.leading_colon.lo(), self.segments.lo())
    }
    fn hi(&self) -> S {
        self.segments.hi()
    }
}

impl Tokens for PathSegment {
    fn lo(&self) -> S {
        self.ident.lo()
    }
    fn hi(&self) -> S {
        any!(
            match &self.arguments {
                PathArguments::None => None,
                PathArguments::AngleBracketed(a) => a.hi(),
                PathArguments::Parenthesized(p) => any!(p.output.hi(), p.paren_token.hi()),
            },
            self.ident.hi()
        )
    }
}

impl Tokens for AngleBracketedGenericArguments {
    fn lo(&self) -> S {
        any!(self.colon2_token.lo(), self.lt_token.lo())
    }
    fn hi(&self) -> S {
        self.gt_token.hi()
    }
}

impl Tokens for ReturnType {
    fn lo(&self) -> S {
        match self {
            ReturnType::Type(a, _) => a.lo(),
            ReturnType::Default => None,
        }
    }
    fn hi(&self) -> S {
        match self {
            ReturnType::Type(_, t) => t.hi(),
            ReturnType::Default => None,
        }
    }
}

/// A path with its optional `<T as Trait>::` (expressions, patterns and types print it alike).
fn qpath_first(q: &Option<QSelf>, p: &Path) -> S {
    any!(q.as_ref().and_then(|q| q.lt_token.lo()), p.lo())
}

impl Tokens for Generics {
    fn lo(&self) -> S {
        if self.params.is_empty() {
            return None;
        }
        self.lt_token.lo()
    }
    fn hi(&self) -> S {
        if self.params.is_empty() {
            return None;
        }
        self.gt_token.hi()
    }
}

impl Tokens for GenericArgument {
    fn lo(&self) -> S {
        match self {
            GenericArgument::Lifetime(l) => l.lo(),
            GenericArgument::Type(t) => t.lo(),
            GenericArgument::Const(e) => e.lo(),
            GenericArgument::AssocType(a) => a.ident.lo(),
            GenericArgument::AssocConst(a) => a.ident.lo(),
            GenericArgument::Constraint(c) => c.ident.lo(),
            _ => None,
        }
    }
    fn hi(&self) -> S {
        match self {
            GenericArgument::Lifetime(l) => l.hi(),
            GenericArgument::Type(t) => t.hi(),
            GenericArgument::Const(e) => e.hi(),
            GenericArgument::AssocType(a) => a.ty.hi(),
            GenericArgument::AssocConst(a) => a.value.hi(),
            GenericArgument::Constraint(c) => c.bounds.hi(),
            _ => None,
        }
    }
}

impl Tokens for TypeParamBound {
    fn lo(&self) -> S {
        match self {
            TypeParamBound::Trait(t) => t.lo(),
            TypeParamBound::Lifetime(l) => l.lo(),
            TypeParamBound::PreciseCapture(p) => p.use_token.lo(),
            TypeParamBound::Verbatim(v) => v.lo(),
            _ => None,
        }
    }
    fn hi(&self) -> S {
        match self {
            TypeParamBound::Trait(t) => t.hi(),
            TypeParamBound::Lifetime(l) => l.hi(),
            TypeParamBound::PreciseCapture(p) => p.gt_token.hi(),
            TypeParamBound::Verbatim(v) => v.hi(),
            _ => None,
        }
    }
}

impl Tokens for TraitBound {
    fn lo(&self) -> S {
        any!(
            self.paren_token.lo(),
            match &self.modifier {
                TraitBoundModifier::Maybe(q) => q.lo(),
                TraitBoundModifier::None => None,
            },
            self.lifetimes.as_ref().and_then(|l| l.for_token.lo()),
            self.path.lo()
        )
    }
    fn hi(&self) -> S {
        any!(self.paren_token.hi(), self.path.hi())
    }
}

impl Tokens for Type {
    fn lo(&self) -> S {
        match self {
            Type::Array(t) => t.bracket_token.lo(),
            Type::BareFn(t) => any!(
                t.lifetimes.as_ref().and_then(|l| l.for_token.lo()),
                t.unsafety.lo(),
                t.abi.as_ref().and_then(|a| a.extern_token.lo()),
                t.fn_token.lo()
            ),
            Type::Group(t) => t.group_token.lo(),
            Type::ImplTrait(t) => t.impl_token.lo(),
            Type::Infer(t) => t.underscore_token.lo(),
            Type::Macro(t) => t.mac.lo(),
            Type::Never(t) => t.bang_token.lo(),
            Type::Paren(t) => t.paren_token.lo(),
            Type::Path(t) => qpath_first(&t.qself, &t.path),
            Type::Ptr(t) => t.star_token.lo(),
            Type::Reference(t) => t.and_token.lo(),
            Type::Slice(t) => t.bracket_token.lo(),
            Type::TraitObject(t) => any!(t.dyn_token.lo(), t.bounds.lo()),
            Type::Tuple(t) => t.paren_token.lo(),
            Type::Verbatim(t) => t.lo(),
            _ => None,
        }
    }
    fn hi(&self) -> S {
        match self {
            Type::Array(t) => t.bracket_token.hi(),
            Type::BareFn(t) => any!(t.output.hi(), t.paren_token.hi()),
            Type::Group(t) => t.group_token.hi(),
            Type::ImplTrait(t) => any!(t.bounds.hi(), t.impl_token.hi()),
            Type::Infer(t) => t.underscore_token.hi(),
            Type::Macro(t) => t.mac.hi(),
            Type::Never(t) => t.bang_token.hi(),
            Type::Paren(t) => t.paren_token.hi(),
            Type::Path(t) => any!(t.path.hi(), t.qself.as_ref().and_then(|q| q.gt_token.hi())),
            Type::Ptr(t) => t.elem.hi(),
            Type::Reference(t) => t.elem.hi(),
            Type::Slice(t) => t.bracket_token.hi(),
            Type::TraitObject(t) => any!(t.bounds.hi(), t.dyn_token.hi()),
            Type::Tuple(t) => t.paren_token.hi(),
            Type::Verbatim(t) => t.hi(),
            _ => None,
        }
    }
}

impl Tokens for Macro {
    fn lo(&self) -> S {
        self.path.lo()
    }
    fn hi(&self) -> S {
        match &self.delimiter {
            MacroDelimiter::Paren(p) => p.hi(),
            MacroDelimiter::Brace(b) => b.hi(),
            MacroDelimiter::Bracket(b) => b.hi(),
        }
    }
}

impl Tokens for Block {
    fn lo(&self) -> S {
        self.brace_token.lo()
    }
    fn hi(&self) -> S {
        self.brace_token.hi()
    }
}

impl Tokens for Label {
    fn lo(&self) -> S {
        self.name.lo()
    }
    fn hi(&self) -> S {
        self.colon_token.hi()
    }
}

impl Tokens for RangeLimits {
    fn lo(&self) -> S {
        match self {
            RangeLimits::HalfOpen(t) => t.lo(),
            RangeLimits::Closed(t) => t.lo(),
        }
    }
    fn hi(&self) -> S {
        match self {
            RangeLimits::HalfOpen(t) => t.hi(),
            RangeLimits::Closed(t) => t.hi(),
        }
    }
}

/// The spans of a token enum's variants (each holds one token).
macro_rules! op_tokens {
    ($ty:ident: $($v:ident),*) => {
        impl Tokens for $ty {
            fn lo(&self) -> S {
                match self { $($ty::$v(t) => t.lo(),)* _ => None }
            }
            fn hi(&self) -> S {
                match self { $($ty::$v(t) => t.hi(),)* _ => None }
            }
        }
    };
}
op_tokens!(BinOp: Add, Sub, Mul, Div, Rem, And, Or, BitXor, BitAnd, BitOr, Shl, Shr, Eq, Lt, Le, Ne,
    Ge, Gt, AddAssign, SubAssign, MulAssign, DivAssign, RemAssign, BitXorAssign, BitAndAssign,
    BitOrAssign, ShlAssign, ShrAssign);
op_tokens!(UnOp: Deref, Not, Neg);

puncts!(
    Token![/],
    Token![%],
    Token![&&],
    Token![||],
    Token![^],
    Token![<<],
    Token![>>],
    Token![==],
    Token![<=],
    Token![!=],
    Token![>=],
    Token![+=],
    Token![-=],
    Token![*=],
    Token![/=],
    Token![%=],
    Token![^=],
    Token![&=],
    Token![|=],
    Token![<<=],
    Token![>>=]
);

/// `+=`, `<`, … as written (for messages that quote the operator).
pub(crate) fn binop_text(op: &BinOp) -> String {
    text(op)
}

// After the macros above, which it uses.
mod nodes;

#[cfg(test)]
mod tests;
