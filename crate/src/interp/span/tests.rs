//! The spans and texts here are syn's own (`Spanned`, `to_token_stream().to_string()`), checked on
//! every program of the corpus (syn's `printing` is on in tests only, through the dev-dependencies).

use super::{text, Spanned, Tokens};
use quote::ToTokens;
use syn::visit::Visit;

struct Cmp {
    n: usize,
    bad: Vec<String>,
}

impl Cmp {
    fn check<T: Tokens + ToTokens>(&mut self, what: &str, t: &T) {
        self.n += 1;
        let ours = Spanned::span(t);
        let syns = syn::spanned::Spanned::span(t);
        if (ours.start(), ours.end()) != (syns.start(), syns.end()) {
            self.bad.push(format!(
                "{what} `{}`: ours {:?}-{:?}, syn's {:?}-{:?}",
                t.to_token_stream(),
                ours.start(),
                ours.end(),
                syns.start(),
                syns.end()
            ));
        }
    }
}

impl<'a> Visit<'a> for Cmp {
    fn visit_expr(&mut self, e: &'a syn::Expr) {
        self.check("expr", e);
        syn::visit::visit_expr(self, e);
    }
    fn visit_pat(&mut self, p: &'a syn::Pat) {
        self.check("pat", p);
        syn::visit::visit_pat(self, p);
    }
    fn visit_receiver(&mut self, r: &'a syn::Receiver) {
        // Its type (`Self`, `&Self`) is made up by syn when not written; the checker never shows it.
        self.check("receiver", r);
    }
    fn visit_type(&mut self, t: &'a syn::Type) {
        self.check("type", t);
        if text(t) != same(t.to_token_stream().to_string()) {
            self.bad.push(format!(
                "type text `{}` vs `{}`",
                text(t),
                t.to_token_stream()
            ));
        }
        syn::visit::visit_type(self, t);
    }
    fn visit_item(&mut self, i: &'a syn::Item) {
        self.check("item", i);
        syn::visit::visit_item(self, i);
    }
    fn visit_impl_item(&mut self, i: &'a syn::ImplItem) {
        self.check("impl item", i);
        syn::visit::visit_impl_item(self, i);
    }
    fn visit_trait_item(&mut self, i: &'a syn::TraitItem) {
        self.check("trait item", i);
        syn::visit::visit_trait_item(self, i);
    }
    fn visit_path(&mut self, p: &'a syn::Path) {
        self.check("path", p);
        syn::visit::visit_path(self, p);
    }
    fn visit_use_tree(&mut self, u: &'a syn::UseTree) {
        self.check("use", u);
        syn::visit::visit_use_tree(self, u);
    }
    fn visit_fn_arg(&mut self, a: &'a syn::FnArg) {
        self.check("arg", a);
        syn::visit::visit_fn_arg(self, a);
    }
    fn visit_signature(&mut self, s: &'a syn::Signature) {
        self.check("inputs", &s.inputs);
        self.check("asyncness", &s.asyncness);
        syn::visit::visit_signature(self, s);
    }
    fn visit_generics(&mut self, g: &'a syn::Generics) {
        self.check("generics", g);
        syn::visit::visit_generics(self, g);
    }
    fn visit_generic_argument(&mut self, g: &'a syn::GenericArgument) {
        self.check("generic argument", g);
        syn::visit::visit_generic_argument(self, g);
    }
    fn visit_type_param_bound(&mut self, b: &'a syn::TypeParamBound) {
        self.check("bound", b);
        syn::visit::visit_type_param_bound(self, b);
    }
    fn visit_attribute(&mut self, a: &'a syn::Attribute) {
        self.check("attribute", a);
        syn::visit::visit_attribute(self, a);
    }
    fn visit_block(&mut self, b: &'a syn::Block) {
        self.check("block", b);
        // Blocks' texts are only searched for words (`break`, `return`).
        if words(&text(b)) != words(&b.to_token_stream().to_string()) {
            self.bad.push(format!(
                "block text `{}` vs `{}`",
                text(b),
                b.to_token_stream()
            ));
        }
        syn::visit::visit_block(self, b);
    }
    fn visit_expr_binary(&mut self, b: &'a syn::ExprBinary) {
        self.check("op", &b.op);
        assert_eq!(super::binop_text(&b.op), b.op.to_token_stream().to_string());
        syn::visit::visit_expr_binary(self, b);
    }
    fn visit_member(&mut self, m: &'a syn::Member) {
        self.check("member", m);
    }
    fn visit_lit(&mut self, l: &'a syn::Lit) {
        self.check("lit", l);
    }
}

/// syn's text with `> >` and `& &` as the lexer gives them (`>>`, `&&`): only words and
/// `type_text`, which glues both, are read from texts.
fn same(mut s: String) -> String {
    while s.contains("> >") || s.contains("& &") {
        s = s.replace("> >", ">>").replace("& &", "&&");
    }
    s
}

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn spans_and_texts_are_syns_on_the_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs = [
        root.join("../tests/programs"),
        root.join("../tests/programs/rejected"),
        root.join("tests/check/accepted"),
        root.join("tests/check/rejected"),
        root.join("src/lessons"),
    ];
    let mut cmp = Cmp {
        n: 0,
        bad: Vec::new(),
    };
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "rs") {
                let src = std::fs::read_to_string(&path).unwrap();
                if let Ok(file) = syn::parse_file(&src) {
                    cmp.visit_file(&file);
                }
            }
        }
    }
    assert!(cmp.n > 10_000, "only {} nodes", cmp.n);
    assert!(
        cmp.bad.is_empty(),
        "{} of {} differ:\n{}",
        cmp.bad.len(),
        cmp.n,
        cmp.bad[..cmp.bad.len().min(30)].join("\n")
    );
}
