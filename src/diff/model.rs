//! The completeness backstop: every difference between the two compiled models (`policy.json`) is
//! reported, by a specific change or by this pass.
//!
//! The semantic comparisons (the other files of this module) know what a change means: retention by
//! meaning, data through `includes`, transfers, consent. They are written for the fields that existed
//! when they were written. This pass compares the published models field by field, with no knowledge
//! of any field: entities are matched by `id`, lists of names as sets, everything else by position.
//! Each leaf that differs must be *covered* by a specific change of the same entity whose kind
//! accounts for that field (`covers`); a leaf nobody covers becomes a change of its own, classified by
//! the field it is in. So a field added to the model later can never be compared as "no change".

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use serde_json::value::RawValue;

use super::{Area, Change, ChangeKind, Consequence, Details, Side};

/// One field that differs: where, and its two values (absent on one side for additions).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Leaf {
    pub area: Area,
    /// The entity's id (`newsletter`), or `policy`, the controller's name, `rights`.
    pub entity: String,
    /// The path inside the entity, ids and positions left out: `legal_bases.consent.withdraw.en`.
    pub field: String,
    /// The same path with positions, for the message: `legal_bases[0].consent.withdraw.en`.
    pub shown: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// The leaves in which two compiled models differ. The compiler version and evaluation date are not
/// part of what a policy says, and are left out.
///
/// Each model is serialized once to JSON text and read back one entity at a time: a whole model as a
/// `serde_json::Value` held both sides of a 27 MB policy's diff in over a gigabyte (heaptrack, issue
/// 14). Entities whose JSON text is the same on both sides are equal and are not read again.
pub(super) fn leaves<T: serde::Serialize>(old: &T, new: &T) -> Vec<Leaf> {
    let text = |m: &T| serde_json::to_string(m).unwrap_or_else(|_| "null".into());
    let (old, new) = (text(old), text(new));
    let (o, n) = (fields(&old), fields(&new));
    let mut out = Vec::new();
    let keys: BTreeSet<&String> = o.keys().chain(n.keys()).collect();
    for key in keys {
        let (a, b) = (o.get(key).copied(), n.get(key).copied());
        if same(a, b) {
            continue;
        }
        let area = match key.as_str() {
            "format" | "compiler" | "as_of" => continue,
            "policy" => Area::Policy,
            "controller" => Area::Controller,
            "data_categories" => Area::Data,
            "data_subjects" => Area::Subject,
            "purposes" => Area::Purpose,
            "recipients" => Area::Recipient,
            "cookies" => Area::Cookie,
            "rights" => Area::Rights,
            "other_controllers" => Area::Controller,
            "joint_arrangements" => Area::Joint,
            _ => Area::Policy,
        };
        let listed = matches!(key.as_str(), "other_controllers" | "joint_arrangements");
        match area {
            Area::Policy | Area::Controller | Area::Rights if !listed => {
                let (a, b) = (a.map(value), b.map(value));
                let entity = match (area, b.as_ref().or(a.as_ref())) {
                    (Area::Controller, Some(c)) => c
                        .get("id")
                        .and_then(Value::as_str)
                        .unwrap_or("controller")
                        .to_string(),
                    _ => key.clone(),
                };
                walk(area, &entity, "", "", a.as_ref(), b.as_ref(), &mut out);
            }
            _ => {
                let (ea, eb) = (by_id(a), by_id(b));
                let ids: BTreeSet<&String> = ea.keys().chain(eb.keys()).collect();
                for id in ids {
                    let (x, y) = (ea.get(id).copied(), eb.get(id).copied());
                    if same(x, y) {
                        continue;
                    }
                    let (x, y) = (x.map(value), y.map(value));
                    walk(area, id, "", "", x.as_ref(), y.as_ref(), &mut out);
                }
            }
        }
    }
    out
}

/// A model's top-level fields, as their JSON text.
fn fields(model: &str) -> BTreeMap<String, &RawValue> {
    serde_json::from_str(model).unwrap_or_default()
}

/// Two fields whose JSON text is the same (written by the same serializer from the same types).
fn same(a: Option<&RawValue>, b: Option<&RawValue>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.get() == b.get(),
        (None, None) => true,
        _ => false,
    }
}

fn value(raw: &RawValue) -> Value {
    serde_json::from_str(raw.get()).unwrap_or(Value::Null)
}

/// A list's entities by their `id` (a later one with the same id replaces an earlier one); entities
/// that are not objects with a string `id` are not compared.
fn by_id(v: Option<&RawValue>) -> BTreeMap<String, &RawValue> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: Option<String>,
    }
    let items: Vec<&RawValue> = v
        .and_then(|v| serde_json::from_str(v.get()).ok())
        .unwrap_or_default();
    items
        .into_iter()
        .filter_map(|x| {
            // A struct also reads from an array (`["x"]`); only an object is an entity.
            if !x.get().starts_with('{') {
                return None;
            }
            let id = serde_json::from_str::<Id>(x.get()).ok()?.id?;
            Some((id, x))
        })
        .collect()
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn walk(
    area: Area,
    entity: &str,
    field: &str,
    shown: &str,
    a: Option<&Value>,
    b: Option<&Value>,
    out: &mut Vec<Leaf>,
) {
    if a == b {
        return;
    }
    let leaf = |out: &mut Vec<Leaf>| {
        out.push(Leaf {
            area,
            entity: entity.to_string(),
            field: field.to_string(),
            shown: shown.to_string(),
            before: a.cloned(),
            after: b.cloned(),
        })
    };
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for k in keys {
                walk(
                    area,
                    entity,
                    &join(field, k),
                    &join(shown, k),
                    x.get(k),
                    y.get(k),
                    out,
                );
            }
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            if x.iter().chain(y).all(|v| !v.is_object() && !v.is_array()) {
                // A list of names compares as a set: its order is reported by `reordered`.
                let set = |v: &Vec<Value>| {
                    let mut s: Vec<String> = v.iter().map(Value::to_string).collect();
                    s.sort();
                    s.dedup();
                    s
                };
                if set(x) != set(y) {
                    leaf(out);
                }
                return;
            }
            for i in 0..x.len().max(y.len()) {
                walk(
                    area,
                    entity,
                    field,
                    &format!("{shown}[{i}]"),
                    x.get(i),
                    y.get(i),
                    out,
                );
            }
        }
        _ => leaf(out),
    }
}

/// The model fields a specific change kind accounts for, as prefixes of `Leaf::field` (`""` is the
/// whole entity: its addition or removal). A text's languages are leaves under its field.
fn covers(kind: ChangeKind) -> &'static [&'static str] {
    use ChangeKind::*;
    match kind {
        PurposeAdded | PurposeRemoved | RecipientAdded | RecipientRemoved | CookieAdded
        | CookieRemoved => &[""],
        PurposeKindChanged => &[
            "kind",
            "expects",
            "tracking",
            "statute_bound",
            "dpv",
            "fideslang",
        ],
        BasisAdded | BasisRemoved | BasisChanged => &["legal_bases", "special_category_conditions"],
        ConsentMechanismChanged => &["legal_bases.consent"],
        WithdrawalChanged => &["legal_bases.consent.withdraw"],
        DataAdded | DataRemoved => &["data", "data_scopes"],
        SubjectsAdded | SubjectsRemoved => &["subjects"],
        DirectMarketingAdded | DirectMarketingRemoved => &["direct_marketing", "soft_opt_in"],
        ProfilingAdded | ProfilingRemoved => &["profiling"],
        AutomatedDecisionAdded | AutomatedDecisionRemoved => &["automated_decision"],
        RequirementChanged => &["requirement", "optional_data"],
        RetentionLengthened | RetentionShortened | RetentionChanged | RetentionRestated => {
            &["retention", "lifetime"]
        }
        RecipientChanged => &["vendor", "entity", "kind", "locations", "vendor_locations"],
        RoleChanged => &["roles"],
        RecipientDataAdded | RecipientDataRemoved => &["receives"],
        TransferAdded | TransferRemoved => &["locations", "vendor_locations"],
        SafeguardChanged => &["safeguards", "dpf_certified"],
        CookieChanged => &["kind", "provider", "purposes", "consent"],
        RightAdded | RightRemoved => &["rights", "complaints"],
        ControllerChanged => &["", "id", "name", "org_number", "country"],
        ContactChanged => &[
            "addresses",
            "email",
            "phone",
            "web",
            "country",
            "representative",
        ],
        DpoChanged => &["dpo"],
        LabelChanged => &["label", "title"],
        // Texts: any language of any text field of the entity (`texts` lists which in `fields`).
        TextChanged => &[],
        MetaChanged => &["version", "updated", "url", "languages", "audience"],
        Reordered => &[],
        SubjectChanged => &["child", "min_age", "refines"],
        DataCategoryChanged => &[
            "special",
            "criminal",
            "national_id",
            "identifier",
            "quasi_identifier",
            "anonymous",
            "anonymity_doubted",
            "sources",
            "source_unstated",
            "refines",
            "includes",
        ],
        NegativeChanged => &["declares_none", "default_source"],
        FieldChanged => &[],
        ControllersChanged => &[
            "",
            "acts_as_processor_for",
            "controller",
            "controllers",
            "joint_arrangement",
        ],
        JointArrangementChanged => &[
            "",
            "controllers",
            "purposes",
            "responsibilities",
            "essence",
            "contact_controller",
            "contact",
        ],
    }
}

/// True for a leaf inside a human text (its last segment is a language tag).
fn in_text(leaf: &Leaf) -> bool {
    leaf.field
        .rsplit('.')
        .next()
        .is_some_and(|last| crate::resolve::LANGUAGES.contains(&last))
}

fn is_covered(leaf: &Leaf, changes: &[Change]) -> bool {
    // The controller is matched by name: a policy may have several.
    let singleton = matches!(leaf.area, Area::Policy | Area::Rights);
    changes.iter().any(|c| {
        c.area == leaf.area
            && (singleton || c.subject == leaf.entity)
            && (covers(c.kind).iter().any(|p| {
                leaf.field == *p
                    || (p.is_empty() && (leaf.before.is_none() || leaf.after.is_none()))
                    || (!p.is_empty() && leaf.field.starts_with(&format!("{p}.")))
            }) || (c.kind == ChangeKind::TextChanged && in_text(leaf)))
    })
}

/// A value as a message shows it: a string without quotes, anything else as JSON, clipped.
fn show(v: &Option<Value>) -> Option<String> {
    let v = v.as_ref()?;
    let s = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Some(s.chars().take(120).collect())
}

/// The subjects some purpose on consent is about, in either version: a change to whether they are
/// children, or to their age, can make the consent they gave invalid.
pub(super) fn consent_subjects(old: &Side, new: &Side) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    add_consent_subjects(old, &mut out);
    add_consent_subjects(new, &mut out);
    out
}

fn add_consent_subjects(side: &Side, out: &mut BTreeSet<String>) {
    for p in &side.policy.purposes {
        if side.sema.rests_on_consent(p) {
            out.extend(p.about.iter().map(|a| a.name.to_string()));
        }
    }
}

/// The changes for the leaves no specific change covers.
pub(super) fn uncovered(
    leaves: &[Leaf],
    changes: &[Change],
    consent_subjects: &BTreeSet<String>,
) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for leaf in leaves.iter().filter(|l| !is_covered(l, changes)) {
        let (kind, consequence, because) = classify(leaf, consent_subjects);
        let what = match (&leaf.before, &leaf.after) {
            (None, Some(_)) => "now has",
            (Some(_), None) => "no longer has",
            _ => "changed",
        };
        let place = if leaf.shown.is_empty() {
            format!("{:?} `{}`", leaf.area, leaf.entity).to_lowercase()
        } else {
            format!("`{}` of `{}`", leaf.shown, leaf.entity)
        };
        let message = match what {
            "changed" => format!("The field {place} changed"),
            other => format!("The policy {other} the field {place}"),
        };
        out.push(Change {
            kind,
            consequence,
            area: leaf.area,
            subject: leaf.entity.clone(),
            message,
            details: Details {
                before: show(&leaf.before),
                after: show(&leaf.after),
                fields: vec![leaf.shown.clone()],
                because,
                ..Details::default()
            },
        });
    }
    out
}

/// The kind and consequence of a change nobody else accounts for, by the field it is in. When in
/// doubt, people are told before the change takes effect.
fn classify(
    leaf: &Leaf,
    consent_subjects: &BTreeSet<String>,
) -> (ChangeKind, Consequence, Option<String>) {
    let top = leaf.field.split('.').next().unwrap_or("");
    if in_text(leaf) {
        let kind = if matches!(top, "label" | "title") {
            ChangeKind::LabelChanged
        } else {
            ChangeKind::TextChanged
        };
        return (kind, Consequence::Editorial, None);
    }
    match (leaf.area, top) {
        (Area::Subject, "child" | "min_age") => {
            if consent_subjects.contains(&leaf.entity) {
                (
                    ChangeKind::SubjectChanged,
                    Consequence::ReConsent,
                    Some("a purpose about these people rests on consent, and whether consent from a child is valid depends on the child's age (GDPR Art. 8)".into()),
                )
            } else {
                (
                    ChangeKind::SubjectChanged,
                    Consequence::NoticeUpdate,
                    Some("a notice addressed to children must be written so that they understand it (GDPR Art. 12(1), Recital 58)".into()),
                )
            }
        }
        (Area::Subject, _) => (ChangeKind::SubjectChanged, Consequence::NoticeUpdate, None),
        (Area::Data, "dpv" | "fideslang") | (_, "dpv" | "fideslang") => {
            (ChangeKind::FieldChanged, Consequence::Editorial, None)
        }
        (Area::Data, "special" | "criminal" | "national_id") => (
            ChangeKind::DataCategoryChanged,
            Consequence::NoticeUpdate,
            Some("special-category, criminal-offence and national-id data need their own conditions and must be named in the notice (GDPR Art. 9, 10, 87)".into()),
        ),
        (Area::Data, _) => (ChangeKind::DataCategoryChanged, Consequence::NoticeUpdate, None),
        (Area::Policy, "declares_none" | "default_source") => (
            ChangeKind::NegativeChanged,
            Consequence::NoticeUpdate,
            Some("the notice states what the policy declares there is none of, and where data comes from (GDPR Art. 13, 14)".into()),
        ),
        _ => (ChangeKind::FieldChanged, Consequence::NoticeUpdate, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(leaves: &[Leaf]) -> Vec<(String, String)> {
        leaves
            .iter()
            .map(|l| (l.entity.clone(), l.shown.clone()))
            .collect()
    }

    #[test]
    fn only_what_differs_is_a_leaf_and_entities_are_matched_by_id() {
        let old = json!({
            "compiler": "1",
            "purposes": [
                {"id": "a", "label": {"en": "A"}},
                {"id": "b", "label": {"en": "B"}},
                ["not", "an", "entity"],
                {"id": 7, "label": {"en": "no string id"}},
            ],
            "rights": {"access": "write to us"},
        });
        let new = json!({
            "compiler": "2",
            "purposes": [
                {"id": "b", "label": {"en": "B"}},
                {"id": "a", "label": {"en": "A!"}},
                ["other"],
            ],
            "rights": {"access": "write to us"},
        });
        assert_eq!(
            fields(&leaves(&old, &new)),
            [("a".to_string(), "label.en".to_string())]
        );
    }

    #[test]
    fn an_entity_on_one_side_is_one_leaf() {
        let old = json!({"recipients": [{"id": "x", "country": "NO"}]});
        let new = json!({"recipients": [{"id": "x", "country": "NO"}, {"id": "y"}]});
        let found = leaves(&old, &new);
        assert_eq!(fields(&found), [("y".to_string(), String::new())]);
        assert!(found[0].before.is_none() && found[0].after == Some(json!({"id": "y"})));
    }
}
