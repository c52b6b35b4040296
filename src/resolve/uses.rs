//! Lowering of a purpose's `uses` lines: `uses DATA, ... [if-provided] [for SUBJECT, ...]`. Each
//! line's `if-provided` and `for` apply to every data category the line names.

use crate::ir::{DataUse, Ref};
use crate::lang::Kind;
use crate::syntax::ast::{Atom, Connector, Item};

use super::cx::{Cx, find_all, split_at};

/// The word that marks the data of a `uses` line as optional.
pub const IF_PROVIDED: &str = "if-provided";

/// The data of every `uses` line, flat, and one `DataUse` per name in the same order.
pub fn uses(cx: &mut Cx, items: &[Item]) -> (Vec<Ref>, Vec<DataUse>) {
    let mut refs = Vec::new();
    let mut out = Vec::new();
    for item in find_all(items, "uses") {
        let (head, scope) = split_at(&item.args, Connector::For);
        let (head, if_provided) = match head {
            [init @ .., Atom::Path(w)] if w.text == IF_PROVIDED => (init, Some(cx.loc(w.span))),
            _ => (head, None),
        };
        let subjects = match scope {
            Some([]) => {
                cx.invalid_args(
                    item,
                    "`for` and the subjects the data is collected about",
                    item.span,
                    "`for` with no subject",
                );
                Vec::new()
            }
            Some(s) => cx.ref_list(item, s, &[Kind::Subject]),
            None => Vec::new(),
        };
        for data in cx.ref_list(item, head, &[Kind::Data]) {
            out.push(DataUse {
                data: data.clone(),
                subjects: subjects.clone(),
                if_provided,
                loc: cx.loc(item.span),
            });
            refs.push(data);
        }
    }
    (refs, out)
}
