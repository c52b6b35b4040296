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
    policy
        .data
        .iter()
        .filter_map(|name| policy.vocab.data.get(name))
        .filter(|d| !d.fields.is_empty())
        .map(|d| {
            let schema = schema(policy, d);
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
    (!t.is_empty()).then(|| t.by_lang.clone())
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

/// True if the purpose's `uses` reaches `category`: directly, or through a category that includes it.
fn reaches(policy: &Policy, from: &str, category: &str, depth: usize) -> bool {
    if from == category {
        return true;
    }
    depth < 16
        && policy.vocab.data.get(from).is_some_and(|d| {
            d.includes
                .iter()
                .any(|i| reaches(policy, &i.name, category, depth + 1))
        })
}

fn schema(policy: &Policy, d: &ir::DataCategory) -> RecordSchema {
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
    let purposes = policy
        .purposes
        .iter()
        .filter(|p| p.uses.iter().any(|u| reaches(policy, &u.name, name, 0)))
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
                    r.data.is_empty() || r.data.iter().any(|x| reaches(policy, &x.name, name, 0))
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
