use super::{MAX_WIDTH, format};

/// Formats, and checks that formatting the result changes nothing.
fn fmt(text: &str) -> String {
    let out = match format(text) {
        Ok(out) => out,
        Err(e) => panic!("format failed: {e}\n--- input ---\n{text}"),
    };
    match format(&out) {
        Ok(again) => assert_eq!(again, out, "not idempotent; input:\n{text}"),
        Err(e) => panic!("formatting the output failed: {e}\n--- output ---\n{out}"),
    }
    out
}

#[test]
fn spacing_indentation_and_line_ends_are_canonical() {
    let text = "purpose   p  is order-fulfilment\t\"P\"   en \"P\"{  \r\n      uses a ,b,c  \r\n\r\n\r\n  retain until contract-end+1y ; about x\r\n}";
    assert_eq!(
        fmt(text),
        "purpose p is order-fulfilment \"P\" en \"P\" {\n  uses a, b, c\n\n  retain until contract-end + 1y\n  about x\n}\n"
    );
}

#[test]
fn blank_lines_at_the_start_and_end_of_blocks_and_files_go() {
    let text = "\n\n\ndata a {\n\n  special\n\n}\n\n\n";
    assert_eq!(fmt(text), "data a {\n  special\n}\n");
}

#[test]
fn an_empty_block_is_two_braces() {
    assert_eq!(fmt("rights {\n\n}\n"), "rights {}\n");
    assert_eq!(
        fmt("purpose p {\n  automated-decision {\n  }\n}\n"),
        "purpose p {\n  automated-decision {}\n}\n"
    );
}

#[test]
fn declarations_with_blocks_are_set_apart_by_one_blank_line() {
    let text = "use std.no\nuse \"a.vern\"\ndata a {\n  special\n}\n\n\n\ndata b {\n  special\n}\ndata c \"C\"\n";
    assert_eq!(
        fmt(text),
        "use std.no\nuse \"a.vern\"\n\ndata a {\n  special\n}\n\ndata b {\n  special\n}\n\ndata c \"C\"\n"
    );
}

#[test]
fn runs_of_one_line_declarations_keep_the_authors_grouping() {
    let text = "term a \"A\"\nterm b \"B\"\n\n\nterm c \"C\"\n// about d\nterm d \"D\"\n";
    assert_eq!(
        fmt(text),
        "term a \"A\"\nterm b \"B\"\n\nterm c \"C\"\n// about d\nterm d \"D\"\n"
    );
}

#[test]
fn blank_lines_between_properties_are_kept_as_one() {
    let text = "purpose p {\n  uses a\n\n\n\n  about b\n  basis contract\n}\n";
    assert_eq!(
        fmt(text),
        "purpose p {\n  uses a\n\n  about b\n  basis contract\n}\n"
    );
}

#[test]
fn strings_are_written_as_written() {
    let text = "data a \"Kj\\u{F8}p \\\"sitat\\\" \\\\ \\n\"   en   \"tab\\there\"\n";
    assert_eq!(
        fmt(text),
        "data a \"Kj\\u{F8}p \\\"sitat\\\" \\\\ \\n\" en \"tab\\there\"\n"
    );
}

#[test]
fn a_string_that_spans_lines_keeps_its_line_breaks_and_spaces() {
    let text = "data a {\n  description \"one  \r\ntwo\"\n}\n";
    assert_eq!(fmt(text), text.to_string());
}

#[test]
fn durations_dates_and_numbers_are_kept_as_written() {
    let text = "purpose p {\n  retain 3y6mo\n  retain 0042d\n}\nsubject s {\n  min-age 013\n}\npolicy {\n  updated 2026-03-01\n}\n";
    let out = fmt(text);
    assert!(
        out.contains("retain 3y6mo") && out.contains("retain 0042d") && out.contains("min-age 013"),
        "{out}"
    );
    assert!(out.contains("updated 2026-03-01"));
}

#[test]
fn a_file_with_syntax_errors_is_not_formatted() {
    let err = match format("data a {\n  uses a,\n\npurpose p \"open\n") {
        Ok(out) => panic!("formatted a broken file:\n{out}"),
        Err(e) => e,
    };
    assert!(!err.errors.is_empty());
    assert!(err.errors.iter().all(|e| e.code == "syntax-error"), "{err}");
    let bad_escape = format("data a \"\\q\"\n");
    assert!(bad_escape.is_err_and(|e| e.errors[0].code == "invalid-literal"));
}

#[test]
fn empty_and_comment_only_files() {
    assert_eq!(fmt(""), "");
    assert_eq!(fmt("\n\n  \n"), "");
    assert_eq!(
        fmt("\n// only a comment   \n\n\n// and another\n"),
        "// only a comment\n\n// and another\n"
    );
}

// ---- comments ----------------------------------------------------------------------------------

#[test]
fn own_line_comments_stay_with_the_declaration_or_property_after_them() {
    let text = "// head\n\n// about a\ndata a {\n// about special\n      special\n  // about identifier\n\n  // still about identifier\n  identifier\n}\n// about b\ndata b {\n}\n";
    assert_eq!(
        fmt(text),
        "// head\n\n// about a\ndata a {\n  // about special\n  special\n  // about identifier\n\n  // still about identifier\n  identifier\n}\n\n// about b\ndata b {}\n"
    );
}

#[test]
fn trailing_comments_stay_on_their_line() {
    let text = "data a \"A\"   // one\ndata b { // two\n  special // three\n  includes x, y /* four */\n} // five\n";
    assert_eq!(
        fmt(text),
        "data a \"A\" // one\n\ndata b { // two\n  special // three\n  includes x, y /* four */\n} // five\n"
    );
}

#[test]
fn comments_before_a_closing_brace_stay_inside_the_block() {
    let text = "rights {\n  access\n\n  // more later\n     // really\n\n}\n\n// the end\n";
    assert_eq!(
        fmt(text),
        "rights {\n  access\n\n  // more later\n  // really\n}\n\n// the end\n"
    );
    assert_eq!(
        fmt("rights {\n// nothing yet\n}\n"),
        "rights {\n  // nothing yet\n}\n"
    );
    assert_eq!(fmt("rights { /* none */ }\n"), "rights { /* none */\n}\n");
}

#[test]
fn a_comment_inside_a_list_breaks_the_list_there() {
    let text = "data a {\n  includes x, // the x\n     y, z\n}\n";
    assert_eq!(fmt(text), "data a {\n  includes x, // the x\n    y, z\n}\n");
    let own_line = "data a {\n  includes x,\n  // before y\n  y, z\n}\n";
    assert_eq!(
        fmt(own_line),
        "data a {\n  includes x,\n    // before y\n    y, z\n}\n"
    );
}

#[test]
fn a_comment_between_a_string_and_its_translation_keeps_them_on_two_lines() {
    let text = "data a {\n  description \"x\" // Norwegian\n  en \"y\" // English\n}\n";
    assert_eq!(
        fmt(text),
        "data a {\n  description \"x\" // Norwegian\n    en \"y\" // English\n}\n"
    );
    let header = "data a \"x\" // Norwegian\n  en \"y\" {\n  special\n}\n";
    assert_eq!(
        fmt(header),
        "data a \"x\" // Norwegian\n  en \"y\" {\n  special\n}\n"
    );
}

#[test]
fn inline_block_comments_stay_between_their_tokens() {
    let text = "purpose /* kind */ p /* name */ is /* parent */ order-fulfilment nb /* tag */ \"P\" {\n  uses a /* a */, b\n}\n";
    assert_eq!(
        fmt(text),
        "purpose /* kind */ p /* name */ is /* parent */ order-fulfilment nb /* tag */ \"P\" {\n  uses a /* a */, b\n}\n"
    );
}

#[test]
fn a_block_comment_spanning_lines_is_kept_verbatim() {
    let text = "/* Title\n\n   body   \n*/\nuse std.no\n";
    assert_eq!(fmt(text), "/* Title\n\n   body\n*/\nuse std.no\n");
}

#[test]
fn comments_in_strings_are_text() {
    let text = "data a \"// not a comment\" en \"/* nor this */\"\n";
    assert_eq!(fmt(text), text.to_string());
}

// ---- long lines ----------------------------------------------------------------------------

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn a_long_translation_goes_on_a_continuation_line() {
    let nb = "Uten navn, adresse og kontaktopplysninger kan vi ikke sende varene";
    let en = "Without your name, address and contact details we cannot ship the goods";
    let text = format!("purpose p {{\n  requirement contractual \"{nb}\" en \"{en}\"\n}}\n");
    assert_eq!(
        fmt(&text),
        format!("purpose p {{\n  requirement contractual \"{nb}\"\n    en \"{en}\"\n}}\n")
    );
    // and one that fits is joined
    let short = "purpose p {\n  requirement contractual \"Uten adresse\"\n      en \"Without an address\"\n}\n";
    assert_eq!(
        fmt(short),
        "purpose p {\n  requirement contractual \"Uten adresse\" en \"Without an address\"\n}\n"
    );
}

#[test]
fn every_translation_of_a_long_line_gets_its_own_line() {
    let s = "x".repeat(40);
    let text = format!("data a {{\n  description nb \"{s}\" en \"{s}\" sv \"{s}\"\n}}\n");
    assert_eq!(
        fmt(&text),
        format!("data a {{\n  description nb \"{s}\"\n    en \"{s}\"\n    sv \"{s}\"\n}}\n")
    );
}

#[test]
fn a_long_translation_before_a_block_keeps_the_brace_on_its_line() {
    let s = "y".repeat(50);
    let text = format!(
        "purpose p {{\n  basis legitimate-interest \"{s}\" en \"{s}\" {{\n    balancing \"b\"\n  }}\n}}\n"
    );
    assert_eq!(
        fmt(&text),
        format!(
            "purpose p {{\n  basis legitimate-interest \"{s}\"\n    en \"{s}\" {{\n    balancing \"b\"\n  }}\n}}\n"
        )
    );
}

#[test]
fn declaration_heads_are_never_wrapped() {
    let s = "z".repeat(60);
    let text = format!("purpose p is order-fulfilment \"{s}\"\n  en \"{s}\" {{\n  uses a\n}}\n");
    assert_eq!(
        fmt(&text),
        format!("purpose p is order-fulfilment \"{s}\" en \"{s}\" {{\n  uses a\n}}\n")
    );
}

#[test]
fn a_long_list_fills_its_lines_and_wraps_after_commas() {
    let names: Vec<String> = (0..30).map(|i| format!("category-{i}")).collect();
    let text = format!("data a {{\n  includes {}\n}}\n", names.join(",\n"));
    let out = fmt(&text);
    assert!(widest(&out) <= MAX_WIDTH, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[1].starts_with("  includes category-0, category-1,"),
        "{out}"
    );
    assert!(
        lines[2..lines.len() - 1]
            .iter()
            .all(|l| l.starts_with("    category-")),
        "{out}"
    );
    let list = &lines[1..lines.len() - 1];
    assert!(list.len() >= 3, "{out}");
    assert!(
        list[..list.len() - 1]
            .iter()
            .all(|l| l.chars().count() > MAX_WIDTH - 14),
        "lines are not filled:\n{out}"
    );
    // A short list is joined back onto one line.
    assert_eq!(
        fmt("data a {\n  includes x,\n    y,\n  z\n}\n"),
        "data a {\n  includes x, y, z\n}\n"
    );
}

#[test]
fn a_list_item_longer_than_the_line_stays_whole() {
    let long = format!("\"{}\"", "w".repeat(120));
    let text = format!("phrases p {{\n  match \"a\", {long}, \"b\"\n}}\n");
    assert_eq!(
        fmt(&text),
        format!("phrases p {{\n  match \"a\",\n    {long},\n    \"b\"\n}}\n")
    );
}

// ---- statements that must stay apart ----------------------------------------------------------

#[test]
fn a_trailing_comma_keeps_its_semicolon() {
    // Without the `;` the next line would continue the list.
    let text = "data a {\n  includes x,; special\n}\n";
    assert_eq!(fmt(text), "data a {\n  includes x,;\n  special\n}\n");
}

#[test]
fn a_text_before_a_property_named_like_a_language_keeps_its_semicolon() {
    let text = "data a {\n  description \"x\"; en \"y\"\n}\n";
    assert_eq!(fmt(text), "data a {\n  description \"x\";\n  en \"y\"\n}\n");
    // but a translation is a translation
    assert_eq!(
        fmt("data a {\n  description \"x\"\n  en \"y\"\n}\n"),
        "data a {\n  description \"x\" en \"y\"\n}\n"
    );
}

#[test]
fn a_trailing_semicolon_goes() {
    assert_eq!(
        fmt("data a \"A\";\nuse std.no;\n"),
        "data a \"A\"\nuse std.no\n"
    );
}
