//! Markdown safety for strings that come from the policy. Every policy string is passed through
//! [`escape`] before it reaches a template, so that it is always read as plain text: Markdown control
//! characters are backslash-escaped, `<`, `>` and `&` become entities (so no raw HTML can come from the
//! policy), and line breaks are folded into spaces (so no string can start a block of its own).
//! Links are made only by [`link`], and only to `https:`, `http:` and `mailto:` addresses of plain
//! characters.

/// The Markdown for `s` as literal inline text.
pub fn escape(s: &str) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(folded.len() + 8);
    let chars: Vec<char> = folded.chars().collect();
    // A leading list marker, setext underline, thematic break or ordered-list number would start a
    // block when the string stands at the start of a line: `- x`, `+ x`, `---`, `===`, `1. x`, `1) x`.
    let mut start = 0;
    let after_is_space = |i: usize| chars.get(i).is_none_or(|c| c.is_whitespace());
    if let Some(&c) = chars.first() {
        let all_same = chars.iter().all(|x| *x == c || x.is_whitespace());
        if (matches!(c, '-' | '+') && after_is_space(1)) || (matches!(c, '-' | '=') && all_same) {
            out.push('\\');
            out.push(c);
            start = 1;
        } else if c.is_ascii_digit() {
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            if matches!(chars.get(digits), Some('.' | ')')) && after_is_space(digits + 1) {
                out.extend(&chars[..digits]);
                out.push('\\');
                out.push(chars[digits]);
                start = digits + 1;
            }
        }
    }
    for &c in &chars[start..] {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// An e-mail address or web address as a Markdown autolink when it is one of plain characters and a
/// safe scheme; otherwise the escaped text.
pub fn link(s: &str) -> String {
    let s = s.trim();
    if is_email(s) {
        return format!("<{s}>");
    }
    if is_web(s) {
        return format!("<{s}>");
    }
    escape(s)
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
}

fn is_web(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && r.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && r.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~:/?#@!$'()*+,;=%".contains(c))
    })
}

/// True for a link target the HTML page may contain: the page's own anchors and the safe schemes.
pub fn safe_href(href: &str) -> bool {
    if let Some(anchor) = href.strip_prefix('#') {
        return anchor
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c));
    }
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !href
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"'`\\".contains(c))
}

/// A heading id from a declaration name (identifiers are letters, digits, `_` and `-`, case-sensitive,
/// so distinct names give distinct ids); a `std.` prefix is dropped.
pub fn anchor(prefix: &str, name: &str) -> String {
    let name = name.strip_prefix("std.").unwrap_or(name);
    let body: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{prefix}-{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(escape("# a *b* _c_ `d`"), "\\# a \\*b\\* \\_c\\_ \\`d\\`");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("12. item"), "12\\. item");
        assert_eq!(escape("3.2"), "3.2");
        assert_eq!(escape("+47 22 00 00 00"), "+47 22 00 00 00");
        assert_eq!(escape("---"), "\\---");
        assert_eq!(escape("a\n\n# b"), "a \\# b");
        assert_eq!(escape("Tall & Bilag | AS"), "Tall &amp; Bilag \\| AS");
    }

    #[test]
    fn only_plain_addresses_become_links() {
        assert_eq!(link("post@shop.example"), "<post@shop.example>");
        assert_eq!(
            link("https://shop.example/personvern"),
            "<https://shop.example/personvern>"
        );
        assert_eq!(link("www.shop.example"), "www.shop.example");
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert!(!safe_href("javascript:alert(1)"));
        assert!(safe_href("#purpose-orders"));
    }
}
