//! Go to definition, find references, rename: across the policy's files and into the stdlib.

use super::Edit;
use super::locate::{self, Hit};
use super::workspace::context_root;
use crate::db::{Db, SourceFile};
use crate::resolve::{resolve_policy, std_lib};
use crate::syntax::ast::Span;
use crate::syntax::parse;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub file: SourceFile,
    pub span: Span,
}

/// The declaration a name resolves to, seen from `file`'s policy.
fn lookup(db: &dyn Db, file: SourceFile, name: &str) -> Option<Location> {
    if let Some(rest) = name.strip_prefix("std.") {
        let sym = std_lib(db, db.file_set()).scope.symbols.get(rest)?;
        return Some(Location {
            file: sym.file,
            span: sym.span,
        });
    }
    if !file.is_stdlib(db) {
        let root = context_root(db, file);
        if let Some(sym) = resolve_policy(db, root).symbols.get(name) {
            return Some(Location {
                file: sym.file,
                span: sym.span,
            });
        }
    }
    let sym = std_lib(db, db.file_set()).scope.symbols.get(name)?;
    Some(Location {
        file: sym.file,
        span: sym.span,
    })
}

/// The name under the cursor and the declaration it stands for.
fn target(db: &dyn Db, file: SourceFile, offset: usize) -> Option<(String, Location)> {
    let parsed = parse(db, file);
    match locate::hit(&parsed.decls, offset)? {
        Hit::Name { ident, .. } => Some((
            ident.text.to_string(),
            Location {
                file,
                span: ident.span,
            },
        )),
        Hit::Reference { ident, .. } => {
            Some((ident.text.to_string(), lookup(db, file, &ident.text)?))
        }
        Hit::Module { ident } => {
            let module = db.file_set().stdlib(db).get(ident.text.as_str()).copied()?;
            Some((
                ident.text.to_string(),
                Location {
                    file: module,
                    span: Span::default(),
                },
            ))
        }
        Hit::Keyword { .. } | Hit::Key { .. } => None,
    }
}

pub fn definition(db: &dyn Db, file: SourceFile, offset: usize) -> Option<Location> {
    target(db, file, offset).map(|(_, loc)| loc)
}

/// Every place that names the declaration under the cursor, in the files of the policies that can
/// see it (and its declaration, when `include_declaration`).
pub fn references(
    db: &dyn Db,
    file: SourceFile,
    offset: usize,
    include_declaration: bool,
) -> Vec<Location> {
    let Some((_, decl)) = target(db, file, offset) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if include_declaration {
        out.push(decl);
    }
    let files: Vec<SourceFile> = db.file_set().files(db).values().copied().collect();
    for f in files {
        for (ident, _) in locate::references_in(&parse(db, f).decls) {
            if lookup(db, f, &ident.text) == Some(decl) {
                out.push(Location {
                    file: f,
                    span: ident.span,
                });
            }
        }
    }
    out.sort_by_key(|l| (l.file.path(db).clone(), l.span));
    out.dedup();
    out
}

/// The edits that rename the policy declaration under the cursor everywhere it is named.
pub fn rename(
    db: &dyn Db,
    file: SourceFile,
    offset: usize,
    new_name: &str,
) -> Result<Vec<Edit>, String> {
    let Some((old, decl)) = target(db, file, offset) else {
        return Err("there is no name to rename here".into());
    };
    if decl.file.is_stdlib(db) {
        return Err(format!(
            "`{old}` is declared in the standard library, which cannot be renamed"
        ));
    }
    if !is_valid_name(new_name) {
        return Err(format!(
            "`{new_name}` is not a valid name: use letters, digits and `-`, starting with a letter"
        ));
    }
    let root = context_root(db, file);
    if resolve_policy(db, root).symbols.contains_key(new_name) {
        return Err(format!("`{new_name}` is already declared in this policy"));
    }
    Ok(references(db, file, offset, true)
        .into_iter()
        .map(|l| Edit {
            file: l.file,
            span: l.span,
            text: new_name.to_string(),
        })
        .collect())
}

fn is_valid_name(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = s.starts_with(|c: char| c.is_ascii_alphabetic());
    first_ok
        && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        && !crate::lang::is_reserved(s)
}
