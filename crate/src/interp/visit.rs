//! The one walk over syn's tree that the lowering and the checker share.
//!
//! syn's `Visit` trait is generic over the visitor: each `impl Visit` gets its own copy of syn's whole
//! walk (every `visit_*` function, for every node kind of Rust), about 15 KB of wasm each. Six
//! visitors cost six copies. Here there is one visitor, [`Walk`], and what each caller wants is a
//! closure that sees the few node kinds it asks about ([`Node`]) and says whether to go inside.

use syn::visit::Visit;

/// A node the walk reaches. Before going inside it, the walk asks the closure, which returns
/// whether to go inside (`true` does what syn's default walk does).
#[derive(Clone, Copy)]
pub(crate) enum Node<'a> {
    /// Any item (before its kind's own node below, which comes only if this returned `true`).
    Item(&'a syn::Item),
    /// `fn`.
    ItemFn(&'a syn::ItemFn),
    /// `struct`.
    ItemStruct(&'a syn::ItemStruct),
    /// `enum`.
    ItemEnum(&'a syn::ItemEnum),
    /// `impl`: its insides are followed by [`Node::End`].
    ItemImpl(&'a syn::ItemImpl),
    /// `trait`: its insides are followed by [`Node::End`].
    ItemTrait(&'a syn::ItemTrait),
    /// `const`.
    ItemConst(&'a syn::ItemConst),
    /// `static`.
    ItemStatic(&'a syn::ItemStatic),
    /// `type`.
    ItemType(&'a syn::ItemType),
    /// `mod`.
    ItemMod(&'a syn::ItemMod),
    /// `union`.
    ItemUnion(&'a syn::ItemUnion),
    /// A macro in item position (`macro_rules!`, …).
    ItemMacro,
    /// `extern crate`.
    ItemExternCrate,
    /// `use`.
    ItemUse(&'a syn::ItemUse),
    /// A function of an `extern` block.
    ForeignItemFn(&'a syn::ForeignItemFn),
    /// A `static` of an `extern` block.
    ForeignItemStatic(&'a syn::ForeignItemStatic),
    /// A function of an `impl`.
    ImplItemFn(&'a syn::ImplItemFn),
    /// A function of a `trait`.
    TraitItemFn(&'a syn::TraitItemFn),
    /// A generic parameter.
    GenericParam(&'a syn::GenericParam),
    /// A macro call (its path and delimiter are inside; its tokens are not parsed).
    Macro(&'a syn::Macro),
    /// A path.
    Path(&'a syn::Path),
    /// An identifier (it has no inside).
    Ident(&'a proc_macro2::Ident),
    /// The end of the insides of an `impl` or a `trait` that was gone into.
    End,
}

/// syn's walk, calling the closure at each [`Node`]: `Walk(&mut f).visit_block(b)`.
pub(crate) struct Walk<'w, 'a>(pub &'w mut dyn FnMut(Node<'a>) -> bool);

/// The `visit_*` methods that ask the closure first, then (if it says so) walk as syn does.
macro_rules! hooks {
    ($($method:ident, $node:ident, $ty:ty;)*) => {
        $(
            fn $method(&mut self, n: &'a $ty) {
                if (self.0)(Node::$node(n)) {
                    syn::visit::$method(self, n);
                }
            }
        )*
    };
}

impl<'a> Visit<'a> for Walk<'_, 'a> {
    hooks! {
        visit_item, Item, syn::Item;
        visit_item_fn, ItemFn, syn::ItemFn;
        visit_item_struct, ItemStruct, syn::ItemStruct;
        visit_item_enum, ItemEnum, syn::ItemEnum;
        visit_item_const, ItemConst, syn::ItemConst;
        visit_item_static, ItemStatic, syn::ItemStatic;
        visit_item_type, ItemType, syn::ItemType;
        visit_item_mod, ItemMod, syn::ItemMod;
        visit_item_union, ItemUnion, syn::ItemUnion;
        visit_item_use, ItemUse, syn::ItemUse;
        visit_foreign_item_fn, ForeignItemFn, syn::ForeignItemFn;
        visit_foreign_item_static, ForeignItemStatic, syn::ForeignItemStatic;
        visit_impl_item_fn, ImplItemFn, syn::ImplItemFn;
        visit_trait_item_fn, TraitItemFn, syn::TraitItemFn;
        visit_generic_param, GenericParam, syn::GenericParam;
        visit_macro, Macro, syn::Macro;
        visit_path, Path, syn::Path;
    }

    fn visit_item_impl(&mut self, n: &'a syn::ItemImpl) {
        if (self.0)(Node::ItemImpl(n)) {
            syn::visit::visit_item_impl(self, n);
            (self.0)(Node::End);
        }
    }

    fn visit_item_trait(&mut self, n: &'a syn::ItemTrait) {
        if (self.0)(Node::ItemTrait(n)) {
            syn::visit::visit_item_trait(self, n);
            (self.0)(Node::End);
        }
    }

    fn visit_item_macro(&mut self, n: &'a syn::ItemMacro) {
        if (self.0)(Node::ItemMacro) {
            syn::visit::visit_item_macro(self, n);
        }
    }

    fn visit_item_extern_crate(&mut self, n: &'a syn::ItemExternCrate) {
        if (self.0)(Node::ItemExternCrate) {
            syn::visit::visit_item_extern_crate(self, n);
        }
    }

    fn visit_ident(&mut self, n: &'a proc_macro2::Ident) {
        (self.0)(Node::Ident(n));
    }
}
