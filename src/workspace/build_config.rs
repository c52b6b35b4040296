//! `[build]` in `vern.toml`: what `vern build` writes besides its own artefacts.
//!
//! ```toml
//! [build]
//! exports = ["fideslang", "ropa-xlsx", "klaro"]   # formats of `vern export`, each written as its file
//! ```

use crate::emit::export::Format;

/// The export formats `[build] exports` names, in order, without repeats; every problem as a line.
pub fn parse_exports(table: &toml::Table) -> Result<Vec<Format>, Vec<String>> {
    let Some(build) = table.get("build") else {
        return Ok(Vec::new());
    };
    let Some(build) = build.as_table() else {
        return Err(vec!["`build` must be a table: `[build]`".into()]);
    };
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (key, value) in build {
        if key != "exports" {
            errors.push(format!("[build] has no setting `{key}` (it has exports)"));
            continue;
        }
        let Some(items) = value.as_array() else {
            errors.push(format!(
                "[build] exports must be a list of formats, such as [\"fideslang\"]; the formats are {}",
                names.join(", ")
            ));
            continue;
        };
        for item in items {
            match item.as_str().map(|s| (s, Format::parse(s))) {
                Some((_, Some(f))) => {
                    if !out.contains(&f) {
                        out.push(f);
                    }
                }
                Some((s, None)) => {
                    let hint = crate::resolve::scope::did_you_mean(s, names.iter().copied())
                        .map(|h| format!("; did you mean `{h}`?"))
                        .unwrap_or_default();
                    errors.push(format!(
                        "[build] exports: `{s}` is not an export format (the formats are {}){hint}",
                        names.join(", ")
                    ));
                }
                None => errors.push("[build] exports: each entry is a format name string".into()),
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_are_read_and_checked() {
        let t: toml::Table =
            toml::from_str("[build]\nexports = [\"fideslang\", \"ropa-xlsx\", \"fideslang\"]")
                .unwrap_or_default();
        assert_eq!(
            parse_exports(&t),
            Ok(vec![Format::Fideslang, Format::RopaXlsx])
        );
        let t: toml::Table = toml::from_str("[build]\nexports = [\"fides\"]").unwrap_or_default();
        let e = parse_exports(&t).unwrap_err();
        assert!(e[0].contains("`fides` is not an export format"), "{e:?}");
        let t: toml::Table = toml::from_str("[build]\nexport = []").unwrap_or_default();
        assert!(parse_exports(&t).is_err());
    }
}
