//! The outline of a file, the symbols of the workspace, and folding ranges.

use crate::db::{Db, SourceFile};
use crate::lang::{self, Kind};
use crate::syntax::ast::{Block, Decl, Span};
use crate::syntax::parse;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Module,
    Class,
    Function,
    Field,
    Constant,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: String,
    pub kind: SymbolKind,
    pub file: SourceFile,
    pub span: Span,
    pub selection: Span,
}

fn symbol_kind(kind: Kind) -> SymbolKind {
    match kind {
        Kind::Policy | Kind::Rights => SymbolKind::Module,
        Kind::Controller | Kind::Recipient => SymbolKind::Class,
        Kind::Purpose => SymbolKind::Function,
        Kind::Data | Kind::Subject | Kind::Cookie => SymbolKind::Field,
        _ => SymbolKind::Constant,
    }
}

pub fn document_symbols(db: &dyn Db, file: SourceFile) -> Vec<Symbol> {
    parse(db, file)
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Item(d) => {
                let kind = lang::kind_by_keyword(&d.kind.text)?;
                let name = d
                    .name
                    .as_ref()
                    .map(|n| n.text.to_string())
                    .or_else(|| {
                        d.text
                            .as_ref()
                            .and_then(|t| t.parts.first())
                            .map(|p| p.value.to_string())
                    })
                    .unwrap_or_else(|| kind.keyword().into());
                let selection = d.name.as_ref().map_or(d.kind.span, |n| n.span);
                Some(Symbol {
                    name,
                    detail: kind.noun().into(),
                    kind: symbol_kind(kind),
                    file,
                    span: d.span,
                    selection,
                })
            }
            Decl::Use(_) => None,
        })
        .collect()
}

/// Named declarations of every workspace file (not the stdlib) whose name contains `query`.
pub fn workspace_symbols(db: &dyn Db, query: &str) -> Vec<Symbol> {
    let query = query.to_lowercase();
    let files: Vec<SourceFile> = db.file_set().files(db).values().copied().collect();
    files
        .into_iter()
        .flat_map(|f| document_symbols(db, f))
        .filter(|s| s.name.to_lowercase().contains(&query))
        .collect()
}

/// Every block that spans more than one line, and runs of comment lines.
pub fn folding_ranges(db: &dyn Db, file: SourceFile) -> Vec<Span> {
    let mut out = Vec::new();
    for d in &parse(db, file).decls {
        if let Decl::Item(d) = d
            && let Some(b) = &d.block
        {
            blocks(b, &mut out);
        }
    }
    out
}

fn blocks(b: &Block, out: &mut Vec<Span>) {
    out.push(b.span);
    for item in &b.items {
        if let Some(inner) = &item.block {
            blocks(inner, out);
        }
    }
}
