//! What is under the cursor: a declaration keyword, a declared name, a reference, a property key.

use crate::lang::{self, Kind};
use crate::syntax::ast::{Atom, Decl, Ident, Item, ItemDecl, Span, UseTarget};

#[derive(Clone, Debug)]
pub enum Hit<'a> {
    /// The keyword of a declaration (`purpose`).
    Keyword { decl: &'a ItemDecl, kind: Kind },
    /// The name a declaration declares.
    Name {
        decl: &'a ItemDecl,
        ident: &'a Ident,
    },
    /// A name referring to a declaration: a parent, a value, a right in `rights`.
    Reference {
        decl: &'a ItemDecl,
        item: Option<&'a Item>,
        ident: &'a Ident,
    },
    /// A property key; `outer` is the property whose block holds it, if any.
    Key {
        decl: &'a ItemDecl,
        item: &'a Item,
        outer: Option<&'a Item>,
    },
    /// `use std.no`
    Module { ident: &'a Ident },
}

fn inside(span: Span, offset: usize) -> bool {
    span.start() <= offset && offset <= span.end()
}

pub fn hit(decls: &[Decl], offset: usize) -> Option<Hit<'_>> {
    for decl in decls {
        match decl {
            Decl::Use(u) => {
                if let UseTarget::Module(m) = &u.target
                    && inside(m.span, offset)
                {
                    return Some(Hit::Module { ident: m });
                }
            }
            Decl::Item(d) if inside(d.span, offset) => return hit_in_decl(d, offset),
            Decl::Item(_) => {}
        }
    }
    None
}

fn hit_in_decl(d: &ItemDecl, offset: usize) -> Option<Hit<'_>> {
    if inside(d.kind.span, offset) {
        return lang::kind_by_keyword(&d.kind.text).map(|kind| Hit::Keyword { decl: d, kind });
    }
    if let Some(n) = d.name.as_ref().filter(|n| inside(n.span, offset)) {
        return Some(Hit::Name { decl: d, ident: n });
    }
    if let Some(p) = d.parent.as_ref().filter(|p| inside(p.span, offset)) {
        return Some(Hit::Reference {
            decl: d,
            item: None,
            ident: p,
        });
    }
    hit_in_items(d, d.items(), None, offset)
}

fn hit_in_items<'a>(
    d: &'a ItemDecl,
    items: &'a [Item],
    outer: Option<&'a Item>,
    offset: usize,
) -> Option<Hit<'a>> {
    for item in items.iter().filter(|i| inside(i.span, offset)) {
        if inside(item.key.span, offset) {
            if is_right_item(d, item) && outer.is_none() {
                return Some(Hit::Reference {
                    decl: d,
                    item: Some(item),
                    ident: &item.key,
                });
            }
            return Some(Hit::Key {
                decl: d,
                item,
                outer,
            });
        }
        // `waive RULE`: the rule id is a reference when it names an organisation rule (the
        // editor's lookup finds only those; a built-in rule has no declaration).
        if item.key.text == "waive"
            && outer.is_none()
            && let Some(Atom::Path(p)) = item.args.first()
            && inside(p.span, offset)
        {
            return Some(Hit::Reference {
                decl: d,
                item: Some(item),
                ident: p,
            });
        }
        for atom in &item.args {
            if let Atom::Path(p) = atom
                && inside(p.span, offset)
                && !is_plain_word(d, item, outer)
            {
                return Some(Hit::Reference {
                    decl: d,
                    item: Some(item),
                    ident: p,
                });
            }
        }
        if let Some(block) = &item.block
            && let Some(h) = hit_in_items(d, &block.items, Some(item), offset)
        {
            return Some(h);
        }
    }
    None
}

/// In `rights { access ... }` each key names a right.
pub fn is_right_item(d: &ItemDecl, item: &Item) -> bool {
    d.kind.text == "rights" && !matches!(item.key.text.as_str(), "exercise" | "complaint" | "waive")
}

/// Properties whose words are not references: `source observed`, `requirement contractual`,
/// `kind scc` on a safeguard, field types, waived rule ids, families.
pub fn is_plain_word(d: &ItemDecl, item: &Item, outer: Option<&Item>) -> bool {
    if outer.is_some_and(|o| o.key.text == "fields") {
        return true;
    }
    matches!(
        (d.kind.text.as_str(), item.key.text.as_str()),
        (
            _,
            "source"
                | "requirement"
                | "waive"
                | "family"
                | "consent-standard"
                | "affects"
                | "languages"
                | "lifetime"
        ) | ("safeguard", "kind")
            | (_, "dpo" | "automated-decision")
    )
}

/// Every reference in a file: (ident, the declaration it is in).
pub fn references_in(decls: &[Decl]) -> Vec<(&Ident, &ItemDecl)> {
    let mut out = Vec::new();
    for decl in decls {
        let Decl::Item(d) = decl else { continue };
        if let Some(p) = &d.parent {
            out.push((p, d));
        }
        collect(d, d.items(), None, &mut out);
    }
    out
}

fn collect<'a>(
    d: &'a ItemDecl,
    items: &'a [Item],
    outer: Option<&'a Item>,
    out: &mut Vec<(&'a Ident, &'a ItemDecl)>,
) {
    for item in items {
        if is_right_item(d, item) && outer.is_none() {
            out.push((&item.key, d));
        }
        if !is_plain_word(d, item, outer) {
            for atom in &item.args {
                if let Atom::Path(p) = atom {
                    out.push((p, d));
                }
            }
        }
        if let Some(b) = &item.block {
            collect(d, &b.items, Some(item), out);
        }
    }
}
