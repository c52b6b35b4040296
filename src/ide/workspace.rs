//! Which policy a file belongs to. A file that declares a `policy` is its own root; a file that other
//! files `use` is checked as part of each policy that uses it (its names may refer to theirs); any
//! other file is checked on its own.

use crate::check::{CheckConfig, check_policy};
use crate::db::{Db, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::resolve::resolve_policy;
use crate::syntax::ast::{Decl, ItemDecl};
use crate::syntax::parse;

fn declares_policy(db: &dyn Db, file: SourceFile) -> bool {
    parse(db, file)
        .decls
        .iter()
        .any(|d| matches!(d, Decl::Item(ItemDecl { kind, .. }) if kind.text == "policy"))
}

/// The policy roots whose files include `file`, or `file` itself when none does.
pub fn roots_for(db: &dyn Db, file: SourceFile) -> Vec<SourceFile> {
    if file.is_stdlib(db) {
        return Vec::new();
    }
    if declares_policy(db, file) {
        return vec![file];
    }
    let files: Vec<SourceFile> = db.file_set().files(db).values().copied().collect();
    let roots: Vec<SourceFile> = files
        .into_iter()
        .filter(|&f| {
            f != file && declares_policy(db, f) && resolve_policy(db, f).files.contains(&file)
        })
        .collect();
    if roots.is_empty() { vec![file] } else { roots }
}

/// The root whose names a file's references resolve against.
pub fn context_root(db: &dyn Db, file: SourceFile) -> SourceFile {
    roots_for(db, file).into_iter().next().unwrap_or(file)
}

/// The diagnostics whose primary label is in `file`, from every policy it belongs to.
pub fn diagnostics_for(db: &dyn Db, file: SourceFile, config: CheckConfig) -> Vec<Diagnostic> {
    let mut seen = std::collections::HashSet::new();
    roots_for(db, file)
        .into_iter()
        .flat_map(|root| check_policy(db, root, config).iter())
        .filter(|d| d.primary.file == file && d.waived.is_none())
        .filter(|d| seen.insert(*d))
        .cloned()
        .collect()
}
