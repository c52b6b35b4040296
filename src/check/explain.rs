//! Explain pages: the same text serves `vern explain`, the language server's hover and docs/rules.md.
//!
//! In a page's ```vern blocks, lines starting with `# ` are hidden context: compiled by the tests
//! that check each Example and Use instead, but not shown (as in rustdoc).

/// The page as shown to a reader: hidden lines removed.
pub fn visible(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_vern = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_vern = !in_vern && line.trim() == "```vern";
        } else if in_vern && (line == "#" || line.starts_with("# ")) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The vern code of the block under `heading` (e.g. "Example"), hidden lines included.
pub fn code_under(markdown: &str, heading: &str) -> Option<String> {
    let start = markdown.find(&format!("## {heading}\n"))?;
    let rest = &markdown[start..];
    let open = rest.find("```vern\n")? + "```vern\n".len();
    let close = rest[open..].find("```")?;
    let code = &rest[open..open + close];
    Some(
        code.lines()
            .map(|l| {
                if l == "#" {
                    ""
                } else {
                    l.strip_prefix("# ").unwrap_or(l)
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "## Example\n```vern\n# policy \"P\" {\n# }\npurpose p {\n}\n```\n";

    #[test]
    fn hidden_lines_are_compiled_but_not_shown() {
        assert_eq!(visible(PAGE), "## Example\n```vern\npurpose p {\n}\n```\n");
        assert_eq!(
            code_under(PAGE, "Example").as_deref(),
            Some("policy \"P\" {\n}\npurpose p {\n}\n")
        );
    }
}
