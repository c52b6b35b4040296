//! `ropa-csv`, `ropa-md`, `ropa-xlsx`: the record of processing activities of GDPR Art. 30(1), one row
//! per purpose, with the columns of points (a) to (g). Where the policy is silent the cell says "Not
//! stated"; where it declares there is none (`transfers none`), "None (declared)". A privacy policy
//! does not describe security measures (point (g)), so that column says "Not stated" unless a later
//! version of the language lets the policy state them: the record is completed by hand there.

use super::{Cx, NOT_STATED, model};

/// The columns, with the point of Art. 30(1) each answers.
pub const COLUMNS: &[(&str, &str)] = &[
    ("Processing activity", "30(1)(b)"),
    ("Controller", "30(1)(a)"),
    ("Controller contact", "30(1)(a)"),
    ("Representative", "30(1)(a)"),
    ("Data protection officer", "30(1)(a)"),
    ("Purpose", "30(1)(b)"),
    ("Legal basis", "6(1), 9(2)"),
    ("Categories of data subjects", "30(1)(c)"),
    ("Categories of personal data", "30(1)(c)"),
    ("Recipients", "30(1)(d)"),
    ("Transfers to third countries and safeguards", "30(1)(e)"),
    ("Time limits for erasure", "30(1)(f)"),
    ("Security measures", "30(1)(g)"),
];

const NONE_DECLARED: &str = "None (declared)";

/// The record: one row of cells per purpose, in the policy's order.
pub fn rows(cx: &Cx) -> Vec<Vec<String>> {
    let m = &cx.model;
    let controller = m
        .controller
        .as_ref()
        .and_then(|c| c.contact.name.clone().or_else(|| Some(c.id.clone())))
        .unwrap_or_else(|| NOT_STATED.to_string());
    let cell = |f: fn(&Cx, &model::Controller) -> String| {
        m.controller
            .as_ref()
            .map_or_else(|| NOT_STATED.to_string(), |c| f(cx, c))
    };
    let (contact, representative, dpo) = (
        cell(contact_cell),
        cell(representative_cell),
        cell(dpo_cell),
    );
    m.purposes
        .iter()
        .map(|p| {
            let [controller, contact, representative, dpo] = if m.other_controllers.is_empty() {
                [
                    controller.clone(),
                    contact.clone(),
                    representative.clone(),
                    dpo.clone(),
                ]
            } else {
                responsible(cx, p)
            };
            vec![
                cx.purpose_title(p),
                controller,
                contact,
                representative,
                dpo,
                cx.opt_text(&p.description)
                    .unwrap_or_else(|| cx.purpose_title(p)),
                bases(cx, p),
                or_not_stated(p.subjects.iter().map(|s| cx.label(s)).collect()),
                or_not_stated(p.data.iter().map(|d| data_label(cx, d)).collect()),
                recipients(cx, p),
                transfers(cx, p),
                cx.purpose_retention(p),
                NOT_STATED.to_string(),
            ]
        })
        .collect()
}

fn or_not_stated(items: Vec<String>) -> String {
    if items.is_empty() {
        NOT_STATED.to_string()
    } else {
        items.join("; ")
    }
}

fn data_label(cx: &Cx, d: &str) -> String {
    let label = cx.label(d);
    let mut marks = Vec::new();
    if cx.sema.is_special(d) {
        marks.push("special category, Art. 9");
    }
    if cx.sema.is_criminal(d) {
        marks.push("criminal offences, Art. 10");
    }
    if marks.is_empty() {
        label
    } else {
        format!("{label} ({})", marks.join(", "))
    }
}

fn contact_line(cx: &Cx, c: &model::Contact, org_number: Option<&str>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(n) = &c.name {
        parts.push(n.clone());
    }
    if let Some(o) = org_number {
        parts.push(format!("org. no. {o}"));
    }
    parts.extend(c.addresses.iter().filter_map(|a| cx.text(a)));
    parts.extend(c.email.iter().cloned());
    parts.extend(c.phone.iter().cloned());
    parts.extend(c.web.iter().cloned());
    parts.join(", ")
}

fn bases(cx: &Cx, p: &model::Purpose) -> String {
    let mut out: Vec<String> = p
        .legal_bases
        .iter()
        .map(|b| {
            let mut s = cx.label(&b.basis);
            if let Some(a) = &b.article {
                s = format!("{s} (Art. {a})");
            }
            if let Some(st) = &b.statute {
                s = format!("{s} under {}", cx.label(st));
            }
            if let Some(w) = cx.opt_text(&b.applies_when) {
                s = format!("{s}, when {w}");
            }
            s
        })
        .collect();
    out.extend(p.special_category_conditions.iter().map(|c| {
        let l = cx.label(&c.condition);
        match &c.article {
            Some(a) => format!("{l} (Art. {a})"),
            None => l,
        }
    }));
    or_not_stated(out)
}

fn recipients(cx: &Cx, p: &model::Purpose) -> String {
    let shared = cx.recipients_of(&p.id);
    if shared.is_empty() {
        return if cx.declares_none("recipients") {
            NONE_DECLARED.to_string()
        } else {
            NOT_STATED.to_string()
        };
    }
    shared
        .iter()
        .map(|(r, _)| {
            let roles: Vec<String> = r.roles.iter().map(|x| cx.label(x)).collect();
            let places: Vec<&str> = cx.locations(r).iter().map(|l| l.id.as_str()).collect();
            let mut s = cx.recipient_title(r);
            if !roles.is_empty() {
                s = format!("{s} ({})", roles.join(", "));
            }
            if !places.is_empty() {
                s = format!("{s}, {}", places.join(", "));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn transfers(cx: &Cx, p: &model::Purpose) -> String {
    let shared = cx.recipients_of(&p.id);
    let mut out = Vec::new();
    for (r, _) in &shared {
        let third: Vec<&str> = cx
            .locations(r)
            .iter()
            .filter(|l| l.third_country)
            .map(|l| l.id.as_str())
            .collect();
        if third.is_empty() {
            continue;
        }
        let safeguards: Vec<String> = r
            .safeguards
            .iter()
            .map(|s| {
                let mut words = cx.label(&s.safeguard);
                if let Some(i) = &s.instrument {
                    words = format!("{words}, {i}");
                }
                if let Some(m) = &s.module {
                    words = format!("{words}, module {m}");
                }
                if let Some(t) = cx.opt_text(&s.reference) {
                    words = format!("{words}: {t}");
                }
                if let Some(c) = cx.opt_text(&s.copy) {
                    words = format!("{words} (copy: {c})");
                }
                words
            })
            .collect();
        let safeguards = if safeguards.is_empty() {
            format!("safeguard {}", NOT_STATED.to_lowercase())
        } else {
            safeguards.join("; ")
        };
        out.push(format!(
            "{} to {}: {safeguards}",
            cx.recipient_title(r),
            third.join(", ")
        ));
    }
    if !out.is_empty() {
        return out.join(" | ");
    }
    if cx.declares_none("transfers") {
        return NONE_DECLARED.to_string();
    }
    // Every recipient of the purpose has a declared place, none outside the EEA: no transfer.
    if !shared.is_empty() && shared.iter().all(|(r, _)| !cx.locations(r).is_empty()) {
        return "None (every recipient is in the EEA)".to_string();
    }
    NOT_STATED.to_string()
}

fn headers() -> Vec<String> {
    COLUMNS
        .iter()
        .map(|(h, art)| format!("{h} (Art. {art})"))
        .collect()
}

pub fn csv(cx: &Cx) -> Result<String, String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let fail = |e: ::csv::Error| format!("cannot write the record as CSV: {e}");
    w.write_record(headers()).map_err(fail)?;
    for row in rows(cx) {
        w.write_record(&row).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| format!("cannot write the record as CSV: {e}"))?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Markdown escaping for table cells: the characters Markdown or a table reads.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn markdown(cx: &Cx) -> String {
    let m = &cx.model;
    let title = m
        .controller
        .as_ref()
        .and_then(|c| c.contact.name.clone())
        .unwrap_or_else(|| NOT_STATED.to_string());
    let mut out = format!("# Record of processing activities: {}\n\n", md(&title));
    out.push_str(&format!(
        "Kept under GDPR Art. 30(1); generated by vern from the policy{} as of {}. \
         \"{NOT_STATED}\" marks what the policy does not say; complete it before relying on the record.\n",
        m.policy
            .version
            .as_ref()
            .map(|v| format!(" version {}", md(v)))
            .unwrap_or_default(),
        m.as_of
    ));
    for row in rows(cx) {
        out.push_str(&format!("\n## {}\n\n| | |\n|---|---|\n", md(&row[0])));
        for (i, (h, art)) in COLUMNS.iter().enumerate().skip(1) {
            out.push_str(&format!("| {h} (Art. {art}) | {} |\n", md(&row[i])));
        }
    }
    out
}

pub fn xlsx(cx: &Cx) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};
    let fail =
        |e: rust_xlsxwriter::XlsxError| format!("cannot write the record as a workbook: {e}");
    let mut book = Workbook::new();
    // A fixed creation date (the evaluation date), so that the same policy gives the same bytes.
    let (y, mo, d) = parse_date(&cx.model.as_of);
    let date = ExcelDateTime::from_ymd(y, mo, d).map_err(fail)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Record of processing activities (GDPR Art. 30(1))")
            .set_creation_datetime(&date),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Art. 30 record").map_err(fail)?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let cell = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (i, h) in headers().iter().enumerate() {
        let col = u16::try_from(i).map_err(|e| e.to_string())?;
        sheet
            .write_string_with_format(0, col, h, &head)
            .map_err(fail)?;
        sheet.set_column_width(col, 32).map_err(fail)?;
    }
    for (r, row) in rows(cx).iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|e| e.to_string())?;
        for (i, value) in row.iter().enumerate() {
            let col = u16::try_from(i).map_err(|e| e.to_string())?;
            sheet
                .write_string_with_format(r, col, value, &cell)
                .map_err(fail)?;
        }
    }
    sheet.set_freeze_panes(1, 1).map_err(fail)?;
    book.save_to_buffer().map_err(fail)
}

/// `YYYY-MM-DD` as numbers; 2000-01-01 for anything else (the model's dates are always valid).
fn parse_date(s: &str) -> (u16, u8, u8) {
    let mut it = s.split('-');
    let y = it.next().and_then(|x| x.parse().ok()).unwrap_or(2000);
    let m = it.next().and_then(|x| x.parse().ok()).unwrap_or(1);
    let d = it.next().and_then(|x| x.parse().ok()).unwrap_or(1);
    (y, m, d)
}

/// With several controllers, the Art. 30(1)(a) cells of a purpose name the controllers responsible for
/// it: the one it names, or every joint controller of the arrangement that lists it (marked as such).
fn responsible(cx: &Cx, p: &model::Purpose) -> [String; 4] {
    let m = &cx.model;
    let all: Vec<&model::Controller> = m.controller.iter().chain(&m.other_controllers).collect();
    let chosen: Vec<&model::Controller> = p
        .controllers
        .iter()
        .filter_map(|id| all.iter().copied().find(|c| &c.id == id))
        .collect();
    if chosen.is_empty() {
        return std::array::from_fn(|_| NOT_STATED.to_string());
    }
    let joint = p.joint_arrangement.is_some();
    let name = |c: &model::Controller| c.contact.name.clone().unwrap_or_else(|| c.id.clone());
    let each = |f: &dyn Fn(&model::Controller) -> String| -> String {
        if chosen.len() == 1 {
            return f(chosen[0]);
        }
        chosen
            .iter()
            .map(|c| format!("{}: {}", name(c), f(c)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut names = chosen
        .iter()
        .map(|c| name(c))
        .collect::<Vec<_>>()
        .join("; ");
    if joint {
        names = format!("{names} (joint controllers, Art. 26)");
    }
    [
        names,
        each(&|c| contact_cell(cx, c)),
        each(&|c| representative_cell(cx, c)),
        each(&|c| dpo_cell(cx, c)),
    ]
}

/// The Art. 30(1)(a) cells of one controller: its contact details, its representative, its DPO.
fn contact_cell(cx: &Cx, c: &model::Controller) -> String {
    or_not_stated_line(contact_line(cx, &c.contact, c.org_number.as_deref()))
}

fn representative_cell(cx: &Cx, c: &model::Controller) -> String {
    c.representative.as_ref().map_or_else(
        || NOT_STATED.to_string(),
        |r| or_not_stated_line(contact_line(cx, r, None)),
    )
}

fn dpo_cell(cx: &Cx, c: &model::Controller) -> String {
    match &c.dpo {
        Some(d) if d.appointed => {
            let line = contact_line(cx, &d.contact, None);
            if line.is_empty() {
                "Appointed; contact not stated".to_string()
            } else {
                line
            }
        }
        Some(_) => "None appointed (declared)".to_string(),
        None => NOT_STATED.to_string(),
    }
}

fn or_not_stated_line(line: String) -> String {
    if line.is_empty() {
        NOT_STATED.to_string()
    } else {
        line
    }
}
