//! Record schemas: for each data category with declared `fields`, a JSON Schema (2020-12) for one
//! record of that data, annotated with what the policy allows (`x-vern-*` keywords, documented in
//! docs/record-schemas.md): the purposes that use the category, their legal bases and retention, and
//! the category's flags. Engineers validate what their systems store against it. Deterministic: keys
//! are written in a fixed order whatever serde_json's features.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::ir::{self, Policy, Text};

pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Every record schema of the policy, as `(category name, pretty JSON with a final newline)`, in the
/// order the policy lists its data.
pub fn record_schemas(policy: &Policy) -> Vec<(String, String)> {
    let mut reach = Reach::new(policy);
    let by_category = reach.purposes_by_category();
    policy
        .data
        .iter()
        .filter_map(|name| policy.vocab.data.get(name))
        .filter(|d| !d.fields.is_empty())
        .map(|d| {
            let schema = schema(policy, d, &mut reach, &by_category);
            let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
            json.push('\n');
            (d.entry.name.to_string(), json)
        })
        .collect()
}

/// The file name of a category's schema: `schemas/NAME.schema.json`, with any character that is not
/// a letter, digit, `-`, `_` or `.` replaced.
pub fn file_name(category: &str) -> String {
    let safe: String = category
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("schemas/{safe}.schema.json")
}

#[derive(Serialize)]
struct RecordSchema {
    #[serde(rename = "$schema")]
    dialect: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(rename = "type")]
    ty: &'static str,
    properties: Ordered<Property>,
    required: Vec<String>,
    #[serde(rename = "additionalProperties")]
    additional_properties: bool,
    #[serde(rename = "x-vern-category")]
    category: String,
    #[serde(rename = "x-vern-label", skip_serializing_if = "Option::is_none")]
    label: Option<Text2>,
    #[serde(rename = "x-vern-special-category")]
    special: bool,
    #[serde(rename = "x-vern-criminal-offence-data")]
    criminal: bool,
    #[serde(rename = "x-vern-national-id")]
    national_id: bool,
    #[serde(rename = "x-vern-purposes")]
    purposes: Vec<PurposeUse>,
    #[serde(
        rename = "x-vern-policy-version",
        skip_serializing_if = "Option::is_none"
    )]
    policy_version: Option<String>,
    #[serde(
        rename = "x-vern-policy-updated",
        skip_serializing_if = "Option::is_none"
    )]
    policy_updated: Option<String>,
}

#[derive(Serialize)]
struct Property {
    #[serde(rename = "type")]
    ty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(rename = "x-vern-type")]
    vern_type: String,
    #[serde(rename = "x-vern-label", skip_serializing_if = "Option::is_none")]
    label: Option<Text2>,
}

#[derive(Serialize)]
struct PurposeUse {
    purpose: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<Text2>,
    bases: Vec<BasisUse>,
    #[serde(
        rename = "special-category-conditions",
        skip_serializing_if = "Vec::is_empty"
    )]
    conditions: Vec<BasisUse>,
    /// The retention rules that apply to this category, in the typed form of `policy.json`.
    retention: Vec<crate::emit::model::Retention>,
}

#[derive(Serialize)]
struct BasisUse {
    basis: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    statute: Option<String>,
}

/// A text by language, keys sorted.
type Text2 = std::collections::BTreeMap<String, String>;

/// A JSON object that keeps its keys in insertion order.
struct Ordered<T>(Vec<(String, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

fn in_default_lang(policy: &Policy, t: &Text) -> Option<String> {
    if t.is_empty() {
        return None;
    }
    let lang = policy
        .meta
        .as_ref()
        .and_then(|m| m.languages.first())
        .map_or("nb", String::as_str);
    t.any(lang).map(str::to_string)
}

fn labels(t: &Text) -> Option<Text2> {
    (!t.is_empty()).then(|| t.by_lang.to_map())
}

/// JSON Schema `type` and `format` of a field type.
fn json_type(ty: &str) -> (&'static str, Option<&'static str>) {
    match ty {
        "integer" => ("integer", None),
        "number" => ("number", None),
        "boolean" => ("boolean", None),
        "date" => ("string", Some("date")),
        "datetime" => ("string", Some("date-time")),
        "email" => ("string", Some("email")),
        "url" => ("string", Some("uri")),
        // string, text, phone
        _ => ("string", None),
    }
}

/// How far `includes` is followed from a category a purpose uses (the stdlib nests three levels; the
/// bound keeps a cycle from running on).
const MAX_INCLUDES_DEPTH: usize = 16;

/// What each category reaches through `includes`: itself and what it includes, within
/// `MAX_INCLUDES_DEPTH` steps. Computed once per category and shared by every schema: asked afresh for
/// each schema and each purpose, it made `vern build` quadratic (a minute for 10k categories).
struct Reach<'p> {
    policy: &'p Policy,
    closures: std::collections::HashMap<&'p str, std::collections::HashSet<&'p str>>,
}

impl<'p> Reach<'p> {
    fn new(policy: &'p Policy) -> Self {
        Reach {
            policy,
            closures: std::collections::HashMap::new(),
        }
    }

    /// True if `from` is `category` or includes it, directly or through categories it includes.
    fn reaches(&mut self, from: &'p str, category: &str) -> bool {
        self.closure(from).contains(category)
    }

    fn closure(&mut self, from: &'p str) -> &std::collections::HashSet<&'p str> {
        let policy = self.policy;
        self.closures.entry(from).or_insert_with(|| {
            // Breadth first, so that each category is reached by its shortest path and the depth
            // bound means what it says.
            let mut seen = std::collections::HashSet::from([from]);
            let mut level = vec![from];
            for _ in 0..MAX_INCLUDES_DEPTH {
                let mut next = Vec::new();
                for name in level {
                    let Some(d) = policy.vocab.data.get(name) else {
                        continue;
                    };
                    for i in &d.includes {
                        if seen.insert(i.name.as_str()) {
                            next.push(i.name.as_str());
                        }
                    }
                }
                if next.is_empty() {
                    break;
                }
                level = next;
            }
            seen
        })
    }

    /// The purposes whose `uses` reach each category, in the policy's order, each once.
    fn purposes_by_category(&mut self) -> std::collections::HashMap<&'p str, Vec<&'p ir::Purpose>> {
        let mut by_category: std::collections::HashMap<&'p str, Vec<&'p ir::Purpose>> =
            std::collections::HashMap::new();
        for p in &self.policy.purposes {
            for u in &p.uses {
                let reached: Vec<&'p str> = self.closure(u.name.as_str()).iter().copied().collect();
                for c in reached {
                    let list = by_category.entry(c).or_default();
                    if !list.last().is_some_and(|q| std::ptr::eq(*q, p)) {
                        list.push(p);
                    }
                }
            }
        }
        by_category
    }
}

fn schema<'p>(
    policy: &'p Policy,
    d: &'p ir::DataCategory,
    reach: &mut Reach<'p>,
    by_category: &std::collections::HashMap<&'p str, Vec<&'p ir::Purpose>>,
) -> RecordSchema {
    let name = &d.entry.name;
    let properties = d
        .fields
        .iter()
        .map(|f| {
            let (ty, format) = json_type(&f.ty);
            let title = f.label.as_ref().and_then(|l| in_default_lang(policy, l));
            (
                f.name.clone(),
                Property {
                    ty,
                    format,
                    title,
                    vern_type: f.ty.clone(),
                    label: f.label.as_ref().and_then(labels),
                },
            )
        })
        .collect();
    let purposes = by_category
        .get(name.as_str())
        .into_iter()
        .flatten()
        .map(|p| PurposeUse {
            purpose: p.name.to_string(),
            label: p.label.as_ref().and_then(labels),
            bases: p
                .bases
                .iter()
                .map(|b| BasisUse {
                    basis: b.basis.name.to_string(),
                    article: policy
                        .vocab
                        .bases
                        .get(&b.basis.name)
                        .and_then(|x| x.article.clone()),
                    statute: b.statute.as_ref().map(|s| s.name.to_string()),
                })
                .collect(),
            conditions: p
                .conditions
                .iter()
                .map(|c| BasisUse {
                    basis: c.basis.name.to_string(),
                    article: policy
                        .vocab
                        .bases
                        .get(&c.basis.name)
                        .and_then(|x| x.article.clone()),
                    statute: None,
                })
                .collect(),
            retention: p
                .retention
                .iter()
                .filter(|r| {
                    r.data.is_empty() || r.data.iter().any(|x| reach.reaches(&x.name, name))
                })
                .map(|r| crate::emit::retention(&r.retention))
                .collect(),
        })
        .collect();
    let meta = policy.meta.as_ref();
    RecordSchema {
        dialect: DIALECT,
        title: in_default_lang(policy, &d.entry.label),
        description: d
            .entry
            .description
            .as_ref()
            .and_then(|t| in_default_lang(policy, t)),
        ty: "object",
        properties: Ordered(properties),
        required: d
            .fields
            .iter()
            .filter(|f| !f.optional)
            .map(|f| f.name.clone())
            .collect(),
        additional_properties: false,
        category: name.to_string(),
        label: labels(&d.entry.label),
        special: d.special,
        criminal: d.criminal,
        national_id: d.national_id,
        purposes,
        policy_version: meta.and_then(|m| m.version.clone()),
        policy_updated: meta.and_then(|m| m.updated).map(|d| d.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemas(text: &str) -> Vec<(String, serde_json::Value)> {
        let mut db = crate::db::Database::new();
        let file = db.set_file("p.vern", text.to_string());
        let policy = &crate::resolve::resolve_policy(&db, file).policy;
        record_schemas(policy)
            .into_iter()
            .map(|(name, json)| (name, serde_json::from_str(&json).unwrap_or_default()))
            .collect()
    }

    fn purposes(schema: &serde_json::Value) -> Vec<&str> {
        schema["x-vern-purposes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["purpose"].as_str())
            .collect()
    }

    #[test]
    fn a_category_lists_the_purposes_that_reach_it_through_includes_once_each_in_order() {
        // `members` reaches `card` through `profile`; `loop-a` and `loop-b` include each other.
        let text = "data card \"Card\" {\n  fields {\n    number string \"Number\"\n  }\n}\n\
            data profile \"Profile\" {\n  includes card\n}\n\
            data loop-a \"A\" {\n  includes loop-b, card\n}\n\
            data loop-b \"B\" {\n  includes loop-a\n}\n\
            purpose members {\n  uses profile, card\n}\n\
            purpose cycles {\n  uses loop-b\n}\n\
            purpose other {\n  uses name\n}\n\
            purpose direct {\n  uses card\n}\n";
        let found = schemas(text);
        let card = found
            .iter()
            .find(|(n, _)| n == "card")
            .map(|(_, s)| s)
            .unwrap_or_else(|| panic!("no schema for card: {found:?}"));
        assert_eq!(purposes(card), ["members", "cycles", "direct"]);
    }
}
