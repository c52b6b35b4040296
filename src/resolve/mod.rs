//! Stage 2, resolve: syntax trees to the resolved policy (`ir::Policy`).
//!
//! Input: a root `SourceFile`. It follows `use`, binds every name against the policy's files and the
//! stdlib, types every literal, and lowers each declaration. Output: `Resolved`, the policy and the
//! diagnostics of this stage (`unknown-name`, `wrong-kind`, `duplicate-declaration`,
//! `unknown-property`, `invalid-arguments`, ...), plus the syntax diagnostics of every file involved.
//! Never fails: what cannot be resolved is reported and left out.

mod contact;
mod cx;
mod decl;
mod files;
mod joint;
mod org_rules;
mod policy;
mod retention;
pub mod scope;
mod scoped;
mod uses;
mod vocab;

use std::collections::{BTreeMap, BTreeSet};

use crate::db::{Db, FileSet, SourceFile};
use crate::diagnostic::{Diagnostic, Label, codes};
use crate::ir::{Loc, Name, Policy, Unreadable, Vocabulary};
use crate::lang::{self, Kind, Naming};
use crate::stdlib;
use crate::syntax::ast::{Atom, Decl, ItemDecl};
use crate::syntax::parse;

use cx::Cx;
pub use files::{FileImport, file_imports, join};
use scope::{Scope, StdScope, Symbol, did_you_mean};

/// Language tags a policy may declare.
pub const LANGUAGES: &[&str] = &["nb", "nn", "en", "sv", "da", "fi", "de"];

/// The language of untagged strings when a policy declares none.
pub const DEFAULT_LANGUAGE: &str = "nb";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StdLib {
    pub scope: StdScope,
    pub vocab: Vocabulary,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub policy: Policy,
    /// The root and the files it uses.
    pub files: Vec<SourceFile>,
    /// The names the policy's own files declare (for the editor: definitions, references, rename).
    pub symbols: BTreeMap<Name, Symbol>,
    /// National modules the files `use`.
    pub modules: BTreeSet<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The stdlib, resolved once for every policy.
#[salsa::tracked(returns(ref))]
pub fn std_lib(db: &dyn Db, set: FileSet) -> StdLib {
    let mut diagnostics = Vec::new();
    let mut scope = StdScope::default();
    let mut decls: Vec<(SourceFile, &'static str, &ItemDecl)> = Vec::new();
    for module in stdlib::MODULES {
        let Some(&file) = set.stdlib(db).get(module.name) else {
            continue;
        };
        let parsed = parse(db, file);
        diagnostics.extend(parsed.diagnostics.iter().cloned());
        for decl in &parsed.decls {
            let Decl::Item(d) = decl else { continue };
            decls.push((file, module.name, d));
        }
    }
    for &(file, module, d) in &decls {
        let Some((kind, name)) = declared(file, d, &mut diagnostics) else {
            continue;
        };
        if kind == Kind::Statute
            && let Some(family) = family_of(d)
        {
            scope.families.insert(family);
        }
        insert_symbol(
            &mut scope.symbols,
            name,
            Symbol {
                kind,
                file,
                span: name_span(d),
                module: Some(module),
            },
            &mut diagnostics,
        );
    }
    if let Some(&file) = set.stdlib(db).get(stdlib::REGISTRY_VENDORS_MODULE) {
        for (name, span, range) in registry_heads(file.text(db)) {
            insert_symbol(
                &mut scope.symbols,
                &name,
                Symbol {
                    kind: Kind::Vendor,
                    file,
                    span,
                    module: Some(stdlib::REGISTRY_VENDORS_MODULE),
                },
                &mut diagnostics,
            );
            scope.registry_vendors.insert(name, range);
        }
    }
    let mut vocab = Vocabulary::default();
    let no_locals = BTreeMap::new();
    let lookup = Scope {
        local: &no_locals,
        std: &scope,
        used_modules: None,
    };
    for &(file, module, d) in &decls {
        let Some(kind) = lang::kind_by_keyword(&d.kind.text) else {
            continue;
        };
        let Some(name) = &d.name else { continue };
        let mut cx = Cx {
            file,
            scope: &lookup,
            default_lang: "en",
            languages: None,
            diags: &mut diagnostics,
            own: None,
        };
        cx.check_props(d.items(), kind.std_props(), kind.noun(), |_| {
            kind == Kind::Rights
        });
        vocab::lower(&mut cx, d, kind, &name.text, Some(module), &mut vocab);
    }
    vocab.freeze();
    StdLib {
        scope,
        vocab,
        diagnostics,
    }
}

fn family_of(d: &ItemDecl) -> Option<String> {
    d.items()
        .iter()
        .find(|i| i.key.text == "family")
        .and_then(|i| match i.args.first() {
            Some(Atom::Path(p)) => Some(p.text.to_string()),
            _ => None,
        })
}

fn name_span(d: &ItemDecl) -> crate::syntax::ast::Span {
    d.name.as_ref().map_or(d.kind.span, |n| n.span)
}

/// The kind and name of a declaration, reporting unknown kinds and missing or surplus names.
fn declared<'d>(
    file: SourceFile,
    d: &'d ItemDecl,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Kind, &'d str)> {
    let Some(kind) = lang::kind_by_keyword(&d.kind.text) else {
        let keywords = lang::KINDS.iter().map(|s| s.keyword);
        let help = did_you_mean(&d.kind.text, keywords)
            .map(|s| format!("did you mean `{s}`?"))
            .unwrap_or_else(|| "declarations start with `policy`, `controller`, `data`, `subject`, `purpose`, `recipient`, `cookie` or `rights`".into());
        diags.push(
            Diagnostic::error(
                codes::UNKNOWN_DECLARATION_KIND,
                format!("unknown declaration kind `{}`", d.kind.text),
                Label::new(file, d.kind.span, "not a declaration kind"),
            )
            .with_help(help),
        );
        return None;
    };
    match (lang::spec(kind).naming, &d.name) {
        (Naming::Required, None) => {
            diags.push(
                Diagnostic::error(
                    codes::MISSING_NAME,
                    format!("this {} has no name", kind.noun()),
                    Label::new(file, d.kind.span, "a name goes after the keyword"),
                )
                .with_help(format!("write `{} some-name ...`", kind.keyword())),
            );
            None
        }
        (Naming::Forbidden, Some(n)) => {
            diags.push(
                Diagnostic::error(
                    codes::INVALID_ARGUMENTS,
                    format!("`{}` takes no name", kind.keyword()),
                    Label::new(file, n.span, "remove this name"),
                )
                .with_help(format!(
                    "there is one `{}` per policy; it is not referred to by name",
                    kind.keyword()
                )),
            );
            Some((kind, ""))
        }
        (_, name) => Some((kind, name.as_ref().map_or("", |n| n.text.as_str()))),
    }
}

/// Adds a symbol; false (and reported) when the name is taken.
fn insert_symbol(
    symbols: &mut BTreeMap<Name, Symbol>,
    name: &str,
    sym: Symbol,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    if name.is_empty() {
        return false;
    }
    if let Some(first) = symbols.get(name) {
        diags.push(
            Diagnostic::error(
                codes::DUPLICATE_DECLARATION,
                format!("`{name}` is declared twice"),
                Label::new(
                    sym.file,
                    sym.span,
                    format!("{} `{name}` declared again here", sym.kind.noun()),
                ),
            )
            .with_secondary(Label::new(
                first.file,
                first.span,
                format!("{} `{name}` first declared here", first.kind.noun()),
            ))
            .with_help("names are unique across a policy's files, whatever their kind: rename one"),
        );
        return false;
    }
    symbols.insert(name.into(), sym);
    true
}

/// The policy's declarations as the names pass read them, in file order.
struct Declared<'p> {
    file: SourceFile,
    kind: Kind,
    name: &'p str,
    decl: &'p ItemDecl,
    /// Whether the policy's symbol of this name is this declaration (not a later duplicate).
    owns_name: bool,
    /// The chunk of the file the declaration was cut from.
    range: std::ops::Range<usize>,
}

/// The first pass over a policy's files: every declaration's kind and name, the policy's symbols,
/// the declarations that did not parse, and the diagnostics of parsing and naming.
struct Names<'p> {
    decls: Vec<Declared<'p>>,
    local: BTreeMap<Name, Symbol>,
    unreadable: Unreadable,
    diagnostics: Vec<Diagnostic>,
}

fn names<'p>(db: &'p dyn Db, files: &[SourceFile]) -> Names<'p> {
    let mut names = Names {
        decls: Vec::new(),
        local: BTreeMap::new(),
        unreadable: Unreadable::default(),
        diagnostics: Vec::new(),
    };
    for &file in files {
        let parsed = parse(db, file);
        names.diagnostics.extend(parsed.diagnostics.iter().cloned());
        for (decl, range) in parsed.decls.iter().zip(&parsed.decl_ranges) {
            let Decl::Item(d) = decl else { continue };
            let Some((kind, name)) = declared(file, d, &mut names.diagnostics) else {
                continue;
            };
            let owns_name = lang::spec(kind).naming == Naming::Required
                && insert_symbol(
                    &mut names.local,
                    name,
                    Symbol {
                        kind,
                        file,
                        span: name_span(d),
                        module: None,
                    },
                    &mut names.diagnostics,
                );
            names.decls.push(Declared {
                file,
                kind,
                name,
                decl: d,
                owns_name,
                range: range.clone(),
            });
        }
        for head in &parsed.broken {
            let Some(kind) = lang::kind_by_keyword(&head.kind.text) else {
                continue;
            };
            let name_span = head.name.as_ref().map_or(head.kind.span, |n| n.span);
            if let Some(name) = &head.name
                && lang::spec(kind).naming == Naming::Required
            {
                insert_symbol(
                    &mut names.local,
                    &name.text,
                    Symbol {
                        kind,
                        file,
                        span: name.span,
                        module: None,
                    },
                    &mut names.diagnostics,
                );
            }
            names.unreadable.declarations.push(Loc {
                file,
                span: head.span.cover(name_span),
            });
        }
    }
    names
}

/// What lowering one declaration reads of the rest of its policy: the names and kinds of the
/// policy's declarations (never their places), its languages and the national modules it uses. It
/// changes only when a name, a kind, a language or a `use` does, so an edit elsewhere in a
/// declaration leaves every other declaration's lowering as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclContext {
    pub local: BTreeMap<Name, Symbol>,
    pub languages: Vec<String>,
    pub default_lang: String,
    pub modules: BTreeSet<String>,
}

#[salsa::tracked(returns(ref))]
pub fn decl_context(db: &dyn Db, root: SourceFile) -> DeclContext {
    let graph = files::file_graph(db, root);
    let mut names = names(db, &graph.files);
    // Positions are left out, so that moving a declaration changes nothing here.
    names
        .local
        .values_mut()
        .for_each(|s| s.span = crate::syntax::ast::Span::default());
    let (languages, default_lang) = policy_languages(&names, &mut Vec::new());
    DeclContext {
        local: names.local,
        languages,
        default_lang,
        modules: graph.modules,
    }
}

/// The languages of the policy's first `policy` declaration, and the language of untagged text.
fn policy_languages(names: &Names, diags: &mut Vec<Diagnostic>) -> (Vec<String>, String) {
    let languages = names
        .decls
        .iter()
        .find(|d| d.kind == Kind::Policy)
        .map(|p| checked_languages(p.file, p.decl, diags))
        .unwrap_or_default();
    let default_lang = languages
        .first()
        .cloned()
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string());
    (languages, default_lang)
}

/// One declaration of a policy, named by its text: the key of its lowering in the editor.
#[salsa::interned(debug)]
pub(crate) struct DeclSite<'db> {
    pub root: SourceFile,
    pub file: SourceFile,
    pub chunk: crate::syntax::ChunkText<'db>,
    pub owns_name: bool,
}

/// One declaration lowered on its own, from its chunk's text, with spans relative to the chunk: the
/// editor's unit of re-lowering. `None` for a chunk that holds no declaration to lower.
// `no_eq`: it re-runs only for a new text or a new context, and the policy is placed again then.
#[salsa::tracked(returns(ref), no_eq)]
pub(crate) fn lower_declaration<'db>(
    db: &'db dyn Db,
    site: DeclSite<'db>,
) -> Option<decl::Lowered> {
    let parsed = crate::syntax::parse_chunk_cached(db, *site.chunk(db));
    let Some(Decl::Item(d)) = &parsed.decl else {
        return None;
    };
    let (kind, name) = declared(*site.file(db), d, &mut Vec::new())?;
    let context = decl_context(db, *site.root(db));
    let std = std_lib(db, db.file_set());
    let scope = Scope {
        local: &context.local,
        std: &std.scope,
        used_modules: Some(&context.modules),
    };
    let at = decl::Site {
        file: *site.file(db),
        scope: &scope,
        languages: &context.languages,
        default_lang: &context.default_lang,
        owns_name: *site.owns_name(db),
    };
    Some(decl::lower(&at, d, kind, name))
}

// `no_eq`: a changed declaration changes the policy (its places, if nothing else); comparing the
// old policy with the new one would only walk both.
#[salsa::tracked(returns(ref), no_eq)]
pub fn resolve_policy(db: &dyn Db, root: SourceFile) -> Resolved {
    let set = db.file_set();
    let std = std_lib(db, set);
    let graph = files::file_graph(db, root);
    let mut diagnostics = graph.diagnostics.clone();
    let mut names = names(db, &graph.files);
    diagnostics.append(&mut names.diagnostics);

    let policy_decls: Vec<_> = names
        .decls
        .iter()
        .filter(|d| d.kind == Kind::Policy)
        .collect();
    for extra in policy_decls.iter().skip(1) {
        diagnostics.push(
            Diagnostic::error(
                codes::DUPLICATE_POLICY,
                "a policy has one `policy` declaration",
                Label::new(extra.file, extra.decl.kind.span, "another one here"),
            )
            .with_secondary(Label::new(
                policy_decls[0].file,
                policy_decls[0].decl.kind.span,
                "the first is here",
            )),
        );
    }
    let (languages, default_lang) = policy_languages(&names, &mut diagnostics);

    let scope = Scope {
        local: &names.local,
        std: &std.scope,
        used_modules: Some(&graph.modules),
    };
    let mut vocab = std.vocab.clone();
    rename_shadowed(&mut vocab, scope.local);

    let mut policy = Policy {
        root,
        meta: None,
        controller: None,
        other_controllers: Vec::new(),
        joints: Vec::new(),
        data: Vec::new(),
        subjects: Vec::new(),
        purposes: Vec::new(),
        recipients: Vec::new(),
        cookies: Vec::new(),
        rights: None,
        vocab: Vocabulary::default(),
        modules: graph.modules.iter().cloned().collect(),
        unreadable: std::mem::take(&mut names.unreadable),
        org_rules: Vec::new(),
    };
    reserve_parts(&mut policy, &names.decls);
    for d in &names.decls {
        let lowered = if db.caches_chunks() {
            // The editor: each declaration lowered on its own text and cached, then moved to its
            // place in the file.
            let text = &d.file.text(db)[d.range.clone()];
            let chunk = crate::syntax::ChunkText::new(db, text);
            let site = DeclSite::new(db, root, d.file, chunk, d.owns_name);
            let Some(lowered) = lower_declaration(db, site) else {
                continue;
            };
            let mut lowered = lowered.clone();
            crate::syntax::ast::Shift::shift(&mut lowered, d.range.start);
            lowered
        } else {
            let at = decl::Site {
                file: d.file,
                scope: &scope,
                languages: &languages,
                default_lang: &default_lang,
                owns_name: d.owns_name,
            };
            decl::lower(&at, d.decl, d.kind, d.name)
        };
        let whole = Loc {
            file: d.file,
            span: d.decl.span,
        };
        decl::place(
            lowered,
            whole,
            scope.local,
            &mut policy,
            &mut vocab,
            &mut diagnostics,
        );
    }
    let used: Vec<Name> = policy
        .recipients
        .iter()
        .filter_map(|r| r.vendor.as_ref())
        .map(|v| v.name.clone())
        .filter(|n| !vocab.vendors.contains_key(n))
        .collect();
    for name in used {
        if let Some(vendor) = lower_registry_vendor(db, set, &std.scope, &name, &mut Vec::new()) {
            vocab.vendors.insert(name, vendor);
        }
    }
    policy.vocab = vocab;
    collect_used(&mut policy);
    scoped::check(&policy, &mut diagnostics);
    Resolved {
        policy,
        files: graph.files,
        symbols: names.local,
        modules: graph.modules,
        diagnostics,
    }
}

/// Room for every declaration of each kind, so that placing them does not grow the lists by
/// doubling: a purpose is nearly a kilobyte, and on a 27 MB policy the doubled lists held 85 MB at
/// the peak of a check (heaptrack, issue 14).
fn reserve_parts(policy: &mut Policy, decls: &[Declared]) {
    let count = |kind: Kind| decls.iter().filter(|d| d.kind == kind).count();
    policy.purposes.reserve_exact(count(Kind::Purpose));
    policy.recipients.reserve_exact(count(Kind::Recipient));
    policy.cookies.reserve_exact(count(Kind::Cookie));
    policy.data.reserve_exact(count(Kind::Data));
    policy.subjects.reserve_exact(count(Kind::Subject));
    policy.joints.reserve_exact(count(Kind::Joint));
}

fn checked_languages(file: SourceFile, d: &ItemDecl, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut out = Vec::new();
    let Some(item) = d.items().iter().find(|i| i.key.text == "languages") else {
        return out;
    };
    for atom in &item.args {
        match atom {
            Atom::Comma(_) => {}
            Atom::Path(p) if LANGUAGES.contains(&p.text.as_str()) => out.push(p.text.to_string()),
            other => diags.push(
                Diagnostic::error(
                    codes::INVALID_ARGUMENTS,
                    "`languages` takes language tags",
                    Label::new(file, other.span(), format!("found {}", other.describe())),
                )
                .with_help(format!("the tags are {}", LANGUAGES.join(", "))),
            ),
        }
    }
    out
}

/// Stdlib entries whose name the policy declares move to `std.NAME`, matching `Scope::resolve`.
fn rename_shadowed(vocab: &mut Vocabulary, local: &BTreeMap<Name, Symbol>) {
    macro_rules! rename {
        ($($map:ident),*) => {$(
            // The shadowed names are those in both maps: found from the smaller one, since a large
            // policy declares thousands of names and each stdlib map holds a few dozen.
            let shadowed: Vec<Name> = if local.len() < vocab.$map.len_bound() {
                local
                    .keys()
                    .filter(|n| vocab.$map.contains_key(n))
                    .map(Name::from)
                    .collect()
            } else {
                vocab
                    .$map
                    .keys()
                    .filter(|n| local.contains_key(n.as_str()))
                    .cloned()
                    .collect()
            };
            for name in shadowed {
                if let Some(mut v) = vocab.$map.remove(&name) {
                    v.entry.name = format!("std.{name}").into();
                    vocab.$map.insert(format!("std.{name}").into(), v);
                }
            }
        )*};
    }
    crate::vocabulary_maps!(rename);
}

/// Adds the stdlib data categories and subjects the policy refers to, after its own.
fn collect_used(policy: &mut Policy) {
    let mut data: BTreeSet<Name> = policy.data.iter().cloned().collect();
    let mut used_data = Vec::new();
    for p in &policy.purposes {
        used_data.extend(p.uses.iter().map(|r| r.name.clone()));
        used_data.extend(
            p.retention
                .iter()
                .flat_map(|r| r.data.iter().map(|d| d.name.clone())),
        );
    }
    for r in &policy.recipients {
        used_data.extend(
            r.receives
                .iter()
                .flat_map(|x| x.data.iter().map(|d| d.name.clone())),
        );
    }
    for name in used_data {
        if data.insert(name.clone()) {
            policy.data.push(name);
        }
    }
    let mut subjects: BTreeSet<Name> = policy.subjects.iter().cloned().collect();
    let used: Vec<Name> = policy
        .purposes
        .iter()
        .flat_map(|p| p.about.iter().map(|r| r.name.clone()))
        .collect();
    for name in used {
        if subjects.insert(name.clone()) {
            policy.subjects.push(name);
        }
    }
}

/// The vendor registry's declarations: name, the name's span and the declaration's byte range. The
/// generator writes each as `vendor NAME ... {` at the start of a line, ended by a `}` line.
fn registry_heads(text: &str) -> Vec<(String, crate::syntax::ast::Span, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut open: Option<(String, crate::syntax::ast::Span, usize)> = None;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if let Some(rest) = line.strip_prefix("vendor ") {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            let at = start + "vendor ".len();
            open = Some((
                name.clone(),
                crate::syntax::ast::Span::new(at, at + name.len()),
                start,
            ));
        } else if line.trim_end() == "}"
            && let Some((name, span, from)) = open.take()
        {
            out.push((name, span, from..offset));
        }
    }
    out
}

/// Lowers one vendor of the registry: parses its declaration alone and lowers it against the stdlib.
fn lower_registry_vendor(
    db: &dyn Db,
    set: FileSet,
    std: &StdScope,
    name: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<crate::ir::Vendor> {
    let file = *set.stdlib(db).get(stdlib::REGISTRY_VENDORS_MODULE)?;
    let range = std.registry_vendors.get(name)?.clone();
    let text = file.text(db).get(range.clone())?;
    let mut decl = crate::syntax::parse_one_decl(text)?;
    crate::syntax::ast::Shift::shift(&mut decl, range.start);
    let Decl::Item(d) = decl else {
        return None;
    };
    let no_locals = BTreeMap::new();
    let lookup = Scope {
        local: &no_locals,
        std,
        used_modules: None,
    };
    let mut cx = Cx {
        file,
        scope: &lookup,
        default_lang: "en",
        languages: None,
        diags,
        own: None,
    };
    cx.check_props(
        d.items(),
        Kind::Vendor.std_props(),
        Kind::Vendor.noun(),
        |_| false,
    );
    let mut vocab = Vocabulary::default();
    vocab::lower(
        &mut cx,
        &d,
        Kind::Vendor,
        name,
        Some(stdlib::REGISTRY_VENDORS_MODULE),
        &mut vocab,
    );
    vocab.vendors.remove(name)
}

/// Every vendor of the registry, lowered (for `vern vocab` and host lookups), with the diagnostics of
/// lowering them (none, when the generated file is sound: tests/registry.rs checks).
pub fn registry_vendors(db: &dyn Db) -> (Vec<crate::ir::Vendor>, Vec<Diagnostic>) {
    let set = db.file_set();
    let std = std_lib(db, set);
    let mut diags = Vec::new();
    let vendors = std
        .scope
        .registry_vendors
        .keys()
        .filter_map(|n| lower_registry_vendor(db, set, &std.scope, n, &mut diags))
        .collect();
    (vendors, diags)
}
