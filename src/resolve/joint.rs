//! Lowering of what several controllers say: a `joint` declaration (an Art. 26 arrangement), a
//! purpose's `controller NAME`, and a controller's `acts-as processor for "..."`.

use crate::diagnostic::{Diagnostic, Label, codes};
use crate::ir::*;
use crate::lang::{self, Kind};
use crate::syntax::ast::{Atom, Connector, Item, ItemDecl};

use super::cx::{Cx, find, find_all};
use super::policy::{contact, waivers};

/// `controller NAME` on a purpose: one controller. Several are a `joint` arrangement.
pub fn purpose_controller(cx: &mut Cx, items: &[Item]) -> Option<Ref> {
    let item = find(items, "controller")?;
    let refs = cx.ref_list(item, &item.args, &[Kind::Controller]);
    if item.args.is_empty() {
        cx.invalid_args(item, "the name of a controller", item.key.span, "nothing");
    }
    if refs.len() > 1 {
        let d = Diagnostic::error(
            codes::INVALID_ARGUMENTS,
            "a purpose names one `controller`",
            Label::new(cx.file, item.span, "several controllers"),
        )
        .with_help(
            "controllers that determine a purpose together are joint controllers: declare a `joint` arrangement with `controllers` and `purposes`",
        );
        cx.push(d);
    }
    refs.into_iter().next()
}

/// `acts-as processor for "..."`, each line.
pub fn acts_as(cx: &mut Cx, items: &[Item]) -> Vec<ProcessorRole> {
    let mut out = Vec::new();
    for item in find_all(items, "acts-as") {
        match item.args.as_slice() {
            [
                Atom::Path(role),
                Atom::Connector(Connector::For, _),
                Atom::Text(t),
            ] if role.text == "processor" => {
                let on_behalf_of = cx.text(t);
                if on_behalf_of.is_empty() {
                    let d = Diagnostic::error(
                        codes::INVALID_ARGUMENTS,
                        "`acts-as processor for` names for whom, and this text is empty",
                        Label::new(cx.file, t.span, "empty"),
                    )
                    .with_help("say whose processor it is: `acts-as processor for \"the schools that use the app\"`");
                    cx.push(d);
                    continue;
                }
                out.push(ProcessorRole {
                    on_behalf_of,
                    loc: cx.loc(item.span),
                });
            }
            [Atom::Path(role)] if role.text == "processor" => {
                let d = Diagnostic::error(
                    codes::INVALID_ARGUMENTS,
                    "`acts-as processor` does not say for whom",
                    Label::new(cx.file, item.span, "whose processor?"),
                )
                .with_help("the notice tells the person whom to turn to for that processing: write `acts-as processor for \"the schools that use the app\"`");
                cx.push(d);
            }
            [Atom::Path(role), ..] if role.text == "controller" => {
                let d = Diagnostic::error(
                    codes::INVALID_ARGUMENTS,
                    "a `controller` is a controller already; `acts-as` names the processing it does as a processor for others",
                    Label::new(cx.file, role.span, "not a role to act as"),
                )
                .with_help("processing it determines with another controller is a `joint` arrangement");
                cx.push(d);
            }
            [first, ..] => {
                cx.invalid_args(
                    item,
                    "`processor for TEXT`",
                    first.span(),
                    &first.describe(),
                );
            }
            [] => {
                cx.invalid_args(item, "`processor for TEXT`", item.key.span, "nothing");
            }
        }
    }
    out
}

/// A `joint NAME { ... }` declaration.
pub fn joint(cx: &mut Cx, decl: &ItemDecl, name: &str) -> Joint {
    let items = decl.items();
    let controllers = cx.refs_prop(items, "controllers", &[Kind::Controller]);
    if let Some(item) = find(items, "controllers") {
        let mut distinct: Vec<&str> = controllers.iter().map(|r| r.name.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 2 && !controllers.is_empty() {
            let d = Diagnostic::error(
                codes::INVALID_ARGUMENTS,
                "a joint arrangement is between two or more controllers",
                Label::new(cx.file, item.span, "one controller"),
            )
            .with_help("name every controller that determines the purposes and means jointly: `controllers union, branch`");
            cx.push(d);
        }
    }
    let purposes = cx.refs_prop(items, "purposes", &[Kind::Purpose]);
    let duty_props =
        lang::find_prop(Kind::Joint.props(), "responsibilities").map_or(&[][..], |p| p.block);
    let responsibilities = find(items, "responsibilities").map(|item| {
        let block = item.block.as_ref().map_or(&[][..], |b| &b.items);
        if item.block.is_none() || !item.args.is_empty() {
            cx.invalid_args(
                item,
                "a block `{ notice NAME  rights NAME ... }`",
                item.span,
                "something else",
            );
        }
        cx.check_props(block, duty_props, "responsibilities", |_| false);
        block
            .iter()
            .filter_map(|line| responsibility(cx, line))
            .collect()
    });
    let contact_props =
        lang::find_prop(Kind::Joint.props(), "contact").map_or(&[][..], |p| p.block);
    let contact =
        find(items, "contact").and_then(|item| match (item.args.as_slice(), &item.block) {
            ([Atom::Path(id)], None) => cx
                .resolve(id, &[Kind::Controller])
                .map(JointContact::Controller),
            ([], Some(b)) => {
                cx.check_props(&b.items, contact_props, "contact", |_| false);
                Some(JointContact::Details(Contact {
                    loc: Some(cx.loc(item.span)),
                    ..contact(cx, &b.items)
                }))
            }
            _ => {
                cx.invalid_args(
                    item,
                    "the name of one of the controllers, or a block `{ email ... }`",
                    item.span,
                    "something else",
                );
                None
            }
        });
    Joint {
        name: name.into(),
        label: decl.text.as_ref().map(|t| cx.text(t)),
        description: cx.text_prop(items, "description"),
        controllers,
        purposes,
        responsibilities,
        essence: cx.text_prop(items, "essence"),
        contact,
        waivers: waivers(cx, items),
        loc: cx.loc(decl.head_span()),
    }
}

/// `notice union` or `rights branch "..."`: an obligation, its controllers, and how, if said.
fn responsibility(cx: &mut Cx, item: &Item) -> Option<Responsibility> {
    let duty = Duty::parse(&item.key.text)?;
    let (names, text) = match item.args.split_last() {
        Some((Atom::Text(t), rest)) => (rest, Some(cx.text(t))),
        _ => (&item.args[..], None),
    };
    if names.is_empty() {
        cx.invalid_args(
            item,
            "the controllers responsible, and optionally how",
            item.key.span,
            "no controller",
        );
        return None;
    }
    let controllers = cx.ref_list(item, names, &[Kind::Controller]);
    (!controllers.is_empty()).then(|| Responsibility {
        duty,
        controllers,
        text,
        loc: cx.loc(item.span),
    })
}
