//! Which files make up a policy: the root, the files it `use`s (transitively) and the stdlib modules.

use std::collections::{BTreeSet, HashSet};

use crate::db::{Db, SourceFile};
use crate::diagnostic::{Diagnostic, Label, codes};
use crate::stdlib;
use crate::syntax::ast::{Decl, Span, UseTarget};
use crate::syntax::parse;

/// A `use "file"` of a file: the normalised path it names and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileImport {
    pub path: String,
    pub span: Span,
}

/// The files a file `use`s, with their paths joined to the file's folder and normalised.
/// The CLI and the language server call this to know which files to load before resolving.
pub fn file_imports(db: &dyn Db, file: SourceFile) -> Vec<FileImport> {
    parse(db, file)
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Use(u) => match &u.target {
                UseTarget::File(part) => Some(FileImport {
                    path: join(file.path(db), &part.value),
                    span: part.span,
                }),
                UseTarget::Module(_) => None,
            },
            Decl::Item(_) => None,
        })
        .collect()
}

/// `dir(from)/rel`, with `.` and `..` folded, `/` as separator.
pub fn join(from: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if !rel.starts_with('/') {
        parts.extend(from.split('/'));
        parts.pop();
    }
    let absolute = rel.starts_with('/') || (from.starts_with('/') && !rel.starts_with('/'));
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != ".." && !p.is_empty()) {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The longest chain of `use` followed.
pub const MAX_USE_DEPTH: usize = 64;

pub struct FileGraph {
    /// Each file after the files it uses (depth-first post-order), the root last; each once.
    pub files: Vec<SourceFile>,
    /// National stdlib modules named by `use std.X` in any of the files.
    pub modules: BTreeSet<String>,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn file_graph(db: &dyn Db, root: SourceFile) -> FileGraph {
    let mut graph = FileGraph {
        files: Vec::new(),
        modules: BTreeSet::new(),
        diagnostics: Vec::new(),
    };
    let mut seen = HashSet::new();
    let mut stack = Vec::new();
    visit(db, root, &mut graph, &mut seen, &mut stack);
    graph
}

fn visit(
    db: &dyn Db,
    file: SourceFile,
    graph: &mut FileGraph,
    seen: &mut HashSet<SourceFile>,
    stack: &mut Vec<SourceFile>,
) {
    if !seen.insert(file) {
        return;
    }
    stack.push(file);
    for decl in &parse(db, file).decls {
        let Decl::Use(u) = decl else { continue };
        match &u.target {
            UseTarget::Module(m) => module_import(db, file, m, graph),
            UseTarget::File(part) => {
                let path = join(file.path(db), &part.value);
                if stack.len() > MAX_USE_DEPTH {
                    graph.diagnostics.push(
                        Diagnostic::error(
                            codes::USE_TOO_DEEP,
                            format!("`use` chains are limited to {MAX_USE_DEPTH} files"),
                            Label::new(file, part.span, "one `use` too many"),
                        )
                        .with_help("use shared files directly from the policy instead of through long chains"),
                    );
                    continue;
                }
                if let Some(refused) = db.file_set().refused(db).get(&path) {
                    graph.diagnostics.push(refused_use(file, part, refused));
                    continue;
                }
                match db.file_set().files(db).get(&path).copied() {
                    Some(target) if stack.contains(&target) => graph.diagnostics.push(
                        Diagnostic::error(
                            codes::IMPORT_CYCLE,
                            format!(
                                "`{}` is already being used by a file that this one is used by",
                                part.value
                            ),
                            Label::new(file, part.span, "this `use` closes a cycle"),
                        )
                        .with_help("move the shared declarations into a file that both use"),
                    ),
                    Some(target) => visit(db, target, graph, seen, stack),
                    None => graph.diagnostics.push(
                        Diagnostic::error(
                            codes::FILE_NOT_FOUND,
                            format!("cannot find the file `{}`", part.value),
                            Label::new(file, part.span, format!("looked for `{path}`")),
                        )
                        .with_help(
                            "paths in `use` are relative to the file that contains the `use`",
                        ),
                    ),
                }
            }
        }
    }
    stack.pop();
    graph.files.push(file);
}

/// The error for a `use` whose file vern refused to read. It says why, and never shows the file.
fn refused_use(
    file: SourceFile,
    part: &crate::syntax::ast::TextPart,
    refused: &crate::db::Refused,
) -> Diagnostic {
    if refused.outside {
        Diagnostic::error(
            codes::USE_OUTSIDE_WORKSPACE,
            format!("`{}` is outside the workspace", part.value),
            Label::new(file, part.span, "refused: outside the workspace"),
        )
        .with_note(refused.reason.clone())
        .with_help("keep every file a policy uses inside the workspace: the folder of vern.toml, or of the root policy")
    } else {
        Diagnostic::error(
            codes::USE_REFUSED,
            format!("`{}` cannot be used as a source file", part.value),
            Label::new(file, part.span, "refused"),
        )
        .with_note(refused.reason.clone())
        .with_help("`use` names a policy file: a regular UTF-8 text file within the size limit")
    }
}

fn module_import(
    db: &dyn Db,
    file: SourceFile,
    m: &crate::syntax::ast::Ident,
    graph: &mut FileGraph,
) {
    if stdlib::module(&m.text).is_some() {
        graph.modules.insert(m.text.to_string());
        return;
    }
    let names: Vec<&str> = stdlib::MODULES.iter().map(|m| m.name).collect();
    let help = super::scope::did_you_mean(&m.text, names.iter().copied())
        .map(|s| format!("did you mean `{s}`?"))
        .unwrap_or_else(|| format!("the modules are {}", names.join(", ")));
    let _ = db;
    graph.diagnostics.push(
        Diagnostic::error(
            codes::UNKNOWN_MODULE,
            format!("unknown module `{}`", m.text),
            Label::new(file, m.span, "not a standard-library module"),
        )
        .with_help(help),
    );
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn joins_relative_to_the_using_file() {
        assert_eq!(
            join("examples/shop.vern", "shop/recipients.vern"),
            "examples/shop/recipients.vern"
        );
        assert_eq!(join("a/b/c.vern", "../d.vern"), "a/d.vern");
        assert_eq!(join("c.vern", "./d.vern"), "d.vern");
        assert_eq!(join("c.vern", "../d.vern"), "../d.vern");
        assert_eq!(join("/w/p/c.vern", "../d.vern"), "/w/d.vern");
    }
}
