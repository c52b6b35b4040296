//! A [`PolicyDiff`] for people (plain text), machines (JSON) and pull requests (Markdown).
//!
//! Human and Markdown output group the changes by consequence, most serious first, and say in one
//! sentence how many there are of each. Policy texts (labels, descriptions, free strings) appear only
//! on the `was:` and `now:` lines, shortened to one line; in Markdown they and every other string
//! are escaped, so that a policy text cannot add formatting, links, HTML or @-mentions to a
//! pull-request comment.

use super::{Change, Consequence, PolicyDiff, Summary, Version};

/// The longest policy text shown on a `was:`/`now:` line, in characters.
const CLIP: usize = 160;

/// The marker the Markdown starts with, so that a CI job can find and update its own comment.
pub const MARKDOWN_MARKER: &str = "<!-- vern-diff -->";

/// "2 changes need renewed consent; 3 need an updated notice before they take effect; 1 is editorial."
pub fn summary_sentence(s: &Summary) -> String {
    if s.total == 0 {
        return "No changes.".to_string();
    }
    let mut parts = Vec::new();
    for c in Consequence::ALL {
        let n = s.count(c);
        if n == 0 {
            continue;
        }
        let one = n == 1;
        let verb = match c {
            Consequence::ReConsent => if one {
                "needs renewed consent"
            } else {
                "need renewed consent"
            }
            .to_string(),
            Consequence::NoticeUpdate => if one {
                "needs an updated notice before it takes effect"
            } else {
                "need an updated notice before they take effect"
            }
            .to_string(),
            Consequence::Editorial => {
                if one { "is editorial" } else { "are editorial" }.to_string()
            }
        };
        if parts.is_empty() {
            parts.push(format!(
                "{n} {} {verb}",
                if one { "change" } else { "changes" }
            ));
        } else {
            parts.push(format!("{n} {verb}"));
        }
    }
    format!("{}.", parts.join("; "))
}

/// The structure, pretty-printed, with a final newline.
pub fn json(d: &PolicyDiff) -> String {
    let mut out = serde_json::to_string_pretty(d).unwrap_or_default();
    out.push('\n');
    out
}

/// Plain text for a terminal.
pub fn human(d: &PolicyDiff) -> String {
    let mut out = String::new();
    if let Some(header) = header(d, |s| s.to_string()) {
        out.push_str(&header);
        out.push_str("\n\n");
    }
    for c in Consequence::ALL {
        let changes: Vec<&Change> = d.of(c).collect();
        if changes.is_empty() {
            continue;
        }
        out.push_str(&format!("{}:\n", c.title()));
        out.push_str(&format!("  {}\n", c.grounds()));
        for change in changes {
            out.push_str(&format!("  - {}\n", change.message));
            if let Some(because) = &change.details.because {
                out.push_str(&format!("      because {because}\n"));
            }
            for (label, value) in before_after(change) {
                out.push_str(&format!("      {label}: {}\n", clip(value)));
            }
        }
        out.push('\n');
    }
    if d.is_empty() {
        out.push_str("No changes: the two versions say the same about everyone's data.\n");
    } else {
        out.push_str(&summary_sentence(&d.summary));
        out.push('\n');
    }
    out
}

/// Markdown for a pull-request comment.
pub fn markdown(d: &PolicyDiff) -> String {
    let mut out = String::new();
    out.push_str(MARKDOWN_MARKER);
    out.push_str("\n## Privacy policy changes\n\n");
    if let Some(header) = header(d, escape) {
        out.push_str(&header);
        out.push_str("\n\n");
    }
    if d.is_empty() {
        out.push_str("**No changes.** The two versions say the same about everyone's data.\n");
        return out;
    }
    out.push_str(&format!("**{}**\n", summary_sentence(&d.summary)));
    for c in Consequence::ALL {
        let changes: Vec<&Change> = d.of(c).collect();
        if changes.is_empty() {
            continue;
        }
        let collapse = c == Consequence::Editorial;
        if collapse {
            out.push_str(&format!(
                "\n<details>\n<summary><strong>{}</strong> ({})</summary>\n\n",
                c.title(),
                changes.len()
            ));
        } else {
            out.push_str(&format!("\n### {} ({})\n\n", c.title(), changes.len()));
        }
        out.push_str(c.grounds());
        out.push_str("\n\n");
        for change in changes {
            out.push_str(&format!("- {}\n", inline(&change.message)));
            if let Some(because) = &change.details.because {
                out.push_str(&format!("  - *because* {}\n", inline(because)));
            }
            for (label, value) in before_after(change) {
                out.push_str(&format!("  - {label}: {}\n", escape(value)));
            }
        }
        if collapse {
            out.push_str("\n</details>\n");
        }
    }
    out.push_str(&format!(
        "\n<sub>Compared by `vern diff` on the law in force on {}.</sub>\n",
        escape(&d.as_of)
    ));
    out
}

/// "`old.vern` (version 3.2, 2026-03-01) → `new.vern` (version 3.3, 2026-06-01)", when the caller named
/// the sources or the policies have versions.
fn header(d: &PolicyDiff, text: impl Fn(&str) -> String) -> Option<String> {
    let side = |v: &Version| {
        let mut about = Vec::new();
        if let Some(version) = &v.version {
            about.push(format!("version {}", text(version)));
        }
        if let Some(updated) = &v.updated {
            about.push(format!("updated {}", text(updated)));
        }
        let about = if about.is_empty() {
            String::new()
        } else {
            format!(" ({})", about.join(", "))
        };
        match &v.source {
            Some(s) => Some(format!("{}{about}", text(s))),
            None if !about.is_empty() => Some(about.trim_start().to_string()),
            None => None,
        }
    };
    match (side(&d.old), side(&d.new)) {
        (Some(a), Some(b)) => Some(format!("{a} → {b}")),
        _ => None,
    }
}

/// The `was:`/`now:` lines of a change: only for texts and free strings that the message does not
/// already show.
fn before_after(change: &Change) -> Vec<(&'static str, &str)> {
    use super::ChangeKind::*;
    let (before, after) = (
        change.details.before.as_deref(),
        change.details.after.as_deref(),
    );
    let shown = |v: &str| change.message.contains(&format!("`{v}`"));
    // A declaration added or removed has one label, not an old and a new one.
    let whole = matches!(
        change.kind,
        PurposeAdded
            | PurposeRemoved
            | RecipientAdded
            | RecipientRemoved
            | CookieAdded
            | CookieRemoved
    );
    let mut out = Vec::new();
    if let Some(b) = before.filter(|b| !shown(b)) {
        out.push((if whole { "label" } else { "was" }, b));
    }
    if let Some(a) = after.filter(|a| !shown(a)) {
        out.push((if whole { "label" } else { "now" }, a));
    }
    out
}

/// One line, at most [`CLIP`] characters.
fn clip(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= CLIP {
        return one_line;
    }
    let mut out: String = one_line.chars().take(CLIP - 1).collect();
    out.push('…');
    out
}

/// A string as literal Markdown text: every character that could start formatting, a link, HTML, an
/// entity, math or a mention is backslash-escaped (CommonMark allows escaping any ASCII punctuation).
pub fn escape(s: &str) -> String {
    let mut out = String::new();
    for c in clip(s).chars() {
        if c == '`' || special(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Characters that could start emphasis, a link, HTML, an entity, a table cell, strikethrough, math
/// or a mention.
fn special(c: char) -> bool {
    matches!(
        c,
        '\\' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '@' | '&' | '$'
    )
}

/// A message or reason: names in backticks stay code spans (names cannot hold a backtick), the rest
/// is escaped.
fn inline(s: &str) -> String {
    s.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 != 0 {
                format!("`{part}`")
            } else {
                escape_keep_spaces(part)
            }
        })
        .collect()
}

/// Like [`escape`], without clipping or folding whitespace (for the pieces of a message).
fn escape_keep_spaces(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if special(c) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(r: usize, n: usize, e: usize) -> Summary {
        Summary {
            re_consent: r,
            notice_update: n,
            editorial: e,
            total: r + n + e,
        }
    }

    #[test]
    fn summary_sentences() {
        assert_eq!(summary_sentence(&summary(0, 0, 0)), "No changes.");
        assert_eq!(
            summary_sentence(&summary(2, 3, 0)),
            "2 changes need renewed consent; 3 need an updated notice before they take effect."
        );
        assert_eq!(
            summary_sentence(&summary(0, 1, 1)),
            "1 change needs an updated notice before it takes effect; 1 is editorial."
        );
        assert_eq!(
            summary_sentence(&summary(0, 0, 4)),
            "4 changes are editorial."
        );
    }

    #[test]
    fn markdown_escapes_policy_text() {
        let hostile =
            "<img src=x onerror=alert(1)> **bold** [link](http://x) @team `code` $x$\n# heading";
        let escaped = escape(hostile);
        assert!(!escaped.contains('\n'));
        let chars: Vec<char> = escaped.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if *c != '\\' && (special(*c) || *c == '`') {
                assert!(
                    i > 0 && chars[i - 1] == '\\',
                    "unescaped {c} at {i} in {escaped}"
                );
            }
        }
        assert_eq!(inline("Purpose `x_y` now <b>"), "Purpose `x_y` now \\<b\\>");
    }

    #[test]
    fn long_texts_are_clipped_to_one_line() {
        let long = "word ".repeat(100);
        let c = clip(&long);
        assert!(c.chars().count() <= CLIP && c.ends_with('…'));
        assert_eq!(clip("a\n  b"), "a b");
    }
}
