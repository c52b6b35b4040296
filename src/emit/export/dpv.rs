//! `vern export --format dpv`: the policy in the W3C Data Privacy Vocabulary 2.x, as JSON-LD.
//!
//! One `dpv:PersonalDataHandling` per purpose, with its controller (`dpv:hasDataController`), purpose
//! (`dpv:hasPurpose`: the DPV concept the stdlib maps, else a `dpv:Purpose` node of the policy's own),
//! personal data (`dpv:hasPersonalData`: `pd:` concepts, else `dpv:PersonalData` nodes, marked
//! `dpv:SpecialCategoryPersonalData` for Art. 9 data), data subjects, legal bases (`eu-gdpr:A6-1-a`
//! ...), the laws it applies (`dpv:hasApplicableLaw`: the GDPR and the national statutes it names),
//! recipients (`dpv:hasRecipient`, with their locations and transfer safeguards) and storage
//! (`dpv:hasStorageCondition`: `dpv:StorageDuration` with an `xsd:duration` where the rule is a period,
//! and the rule in words). Only what the policy declares is written: a purpose without a basis has no
//! `dpv:hasLegalBasis`, never a guessed one.

use serde_json::{Map, Value, json};

use super::{Cx, model};

/// The DPV 2.x namespaces (and the prefixes the stdlib's `dpv` properties use).
const CONTEXT: &[(&str, &str)] = &[
    ("dpv", "https://w3id.org/dpv#"),
    ("pd", "https://w3id.org/dpv/pd#"),
    ("dpv-pd", "https://w3id.org/dpv/pd#"),
    ("eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#"),
    ("legal-eu", "https://w3id.org/dpv/legal/eu#"),
    ("dpv-legal", "https://w3id.org/dpv/legal/"),
    ("loc", "https://w3id.org/dpv/loc#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// The GDPR in DPV's legal module for the EU.
const GDPR: &str = "legal-eu:law-GDPR";

pub fn render(cx: &Cx) -> Result<String, String> {
    let mut out = serde_json::to_string_pretty(&Document { cx }).map_err(|e| e.to_string())?;
    out.push('\n');
    Ok(out)
}

/// The JSON-LD document, written as it is made: each purpose's handling is built, written and
/// dropped in turn. The whole graph as one `serde_json::Value` held 1.5 GB for a 27 MB policy
/// (issue 14).
struct Document<'c, 'a> {
    cx: &'c Cx<'a>,
}

impl serde::Serialize for Document<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("@context", &context(self.cx))?;
        map.serialize_entry("@graph", &Graph { cx: self.cx })?;
        map.end()
    }
}

fn context(cx: &Cx) -> Value {
    let base = format!(
        "urn:vern:{}:",
        cx.model
            .controller
            .as_ref()
            .map(|c| id_part(&c.id))
            .unwrap_or_else(|| "policy".into())
    );
    let mut context = Map::new();
    for (prefix, iri) in CONTEXT {
        context.insert((*prefix).to_string(), json!(iri));
    }
    context.insert("vern".into(), json!(base));
    Value::Object(context)
}

/// The controller, one `dpv:PersonalDataHandling` per purpose, then the nodes they name.
struct Graph<'c, 'a> {
    cx: &'c Cx<'a>,
}

const CONTROLLER_ID: &str = "vern:controller";

impl serde::Serialize for Graph<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let cx = self.cx;
        let mut seq = s.serialize_seq(None)?;
        if let Some(node) = controller(cx) {
            seq.serialize_element(&node)?;
        }
        let mut nodes = std::collections::BTreeMap::new();
        for p in &cx.model.purposes {
            seq.serialize_element(&handling(cx, p, &mut nodes))?;
        }
        for node in nodes.values() {
            seq.serialize_element(node)?;
        }
        seq.end()
    }
}

fn controller(cx: &Cx) -> Option<Value> {
    let c = cx.model.controller.as_ref()?;
    let mut node = Map::new();
    node.insert("@id".into(), json!(CONTROLLER_ID));
    node.insert("@type".into(), json!("dpv:DataController"));
    if let Some(n) = &c.contact.name {
        node.insert("dct:title".into(), json!(n));
    }
    if let Some(e) = &c.contact.email {
        node.insert("dpv:hasContact".into(), json!(format!("mailto:{e}")));
    }
    if let Some(country) = &c.contact.country {
        node.insert("dpv:hasLocation".into(), json!({"@id": loc(country)}));
    }
    Some(Value::Object(node))
}

/// A purpose's `dpv:PersonalDataHandling`; the nodes it names that are not DPV concepts are added
/// to `nodes`.
fn handling(
    cx: &Cx,
    p: &model::Purpose,
    nodes: &mut std::collections::BTreeMap<String, Value>,
) -> Value {
    let m = &cx.model;
    let controller_id = CONTROLLER_ID;
    let mut h = Map::new();
    h.insert(
        "@id".into(),
        json!(format!("vern:handling/{}", id_part(&p.id))),
    );
    h.insert("@type".into(), json!("dpv:PersonalDataHandling"));
    h.insert(
        "dct:title".into(),
        lang_map(cx, p.label.as_ref(), &cx.purpose_title(p)),
    );
    if let Some(d) = &p.description {
        h.insert("dct:description".into(), lang_map(cx, Some(d), ""));
    }
    if m.controller.is_some() {
        h.insert(
            "dpv:hasDataController".into(),
            json!({"@id": controller_id}),
        );
    }
    let purpose_id = match &p.dpv {
        Some(d) => d.clone(),
        None => {
            let id = format!("vern:purpose/{}", id_part(&p.id));
            nodes.entry(id.clone()).or_insert_with(|| {
                json!({
                    "@id": id,
                    "@type": "dpv:Purpose",
                    "dct:title": lang_map(cx, p.label.as_ref(), &cx.purpose_title(p)),
                })
            });
            id
        }
    };
    h.insert("dpv:hasPurpose".into(), json!({"@id": purpose_id}));
    let data: Vec<Value> = p
        .data
        .iter()
        .map(|d| json!({"@id": data_id(cx, d, nodes)}))
        .collect();
    if !data.is_empty() {
        h.insert("dpv:hasPersonalData".into(), Value::Array(data));
    }
    let subjects: Vec<Value> = p
        .subjects
        .iter()
        .map(|s| json!({"@id": subject_id(cx, s, nodes)}))
        .collect();
    if !subjects.is_empty() {
        h.insert("dpv:hasDataSubject".into(), Value::Array(subjects));
    }
    let mut bases: Vec<Value> = Vec::new();
    let mut laws: Vec<Value> = vec![json!({"@id": GDPR})];
    for b in &p.legal_bases {
        bases.push(json!({"@id": basis_id(cx, &b.basis, nodes)}));
        if let Some(s) = &b.statute {
            laws.push(json!({"@id": statute_id(cx, s, nodes)}));
        }
    }
    for c in &p.special_category_conditions {
        bases.push(json!({"@id": basis_id(cx, &c.condition, nodes)}));
    }
    for r in &p.retention {
        if let model::Retention::Statute {
            statute, family, ..
        } = &r.rule
        {
            let found = if *family {
                cx.sema
                    .controller_country()
                    .and_then(|c| cx.sema.statute_in_force(statute, c))
                    .map(|s| s.entry.name.to_string())
            } else {
                Some(statute.clone())
            };
            if let Some(s) = found {
                laws.push(json!({"@id": statute_id(cx, &s, nodes)}));
            }
        }
    }
    dedup(&mut bases);
    dedup(&mut laws);
    if !bases.is_empty() {
        h.insert("dpv:hasLegalBasis".into(), Value::Array(bases));
    }
    h.insert("dpv:hasApplicableLaw".into(), Value::Array(laws));
    let recipients: Vec<Value> = cx
        .recipients_of(&p.id)
        .iter()
        .map(|(r, _)| json!({"@id": recipient_id(cx, r, nodes)}))
        .collect();
    if !recipients.is_empty() {
        h.insert("dpv:hasRecipient".into(), Value::Array(recipients));
    }
    let storage: Vec<Value> = p.retention.iter().map(|r| storage(cx, r)).collect();
    if !storage.is_empty() {
        h.insert("dpv:hasStorageCondition".into(), Value::Array(storage));
    }
    Value::Object(h)
}

fn dedup(v: &mut Vec<Value>) {
    let mut seen = Vec::new();
    v.retain(|x| {
        if seen.contains(x) {
            false
        } else {
            seen.push(x.clone());
            true
        }
    });
}

/// A vern name as part of an IRI: `std.` dropped, anything but letters, digits and `-` as `_`.
fn id_part(name: &str) -> String {
    super::plain(name)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn loc(country: &str) -> String {
    let c = super::plain(country);
    if c.len() == 2 && c.chars().all(|x| x.is_ascii_uppercase()) {
        format!("loc:{c}")
    } else {
        format!("vern:region/{}", id_part(c))
    }
}

/// Text by language as a JSON-LD language map; `fallback` when there is no text.
fn lang_map(cx: &Cx, t: Option<&impl super::Words>, fallback: &str) -> Value {
    let mut out = Map::new();
    if let Some(t) = t {
        for (lang, s) in t.entries() {
            if !s.trim().is_empty() {
                out.insert(
                    lang.to_string(),
                    json!({"@value": super::one_line(s), "@language": lang}),
                );
            }
        }
    }
    if out.is_empty() {
        return json!({"@value": fallback, "@language": cx.lang});
    }
    let values: Vec<Value> = out.into_values().collect();
    if values.len() == 1 {
        values.into_iter().next().unwrap_or(Value::Null)
    } else {
        Value::Array(values)
    }
}

fn vocab_label(cx: &Cx, name: &str) -> Value {
    let entry = cx.sema.vocab.entry(name);
    lang_map(cx, entry.map(|e| &e.label.by_lang), super::plain(name))
}

fn data_id(cx: &Cx, name: &str, nodes: &mut std::collections::BTreeMap<String, Value>) -> String {
    if let Some(d) = cx.sema.data_chain(name).iter().find_map(|d| d.dpv.clone()) {
        // A pd: concept the category refines stands for it only when it is the category's own term;
        // a refined category is given its own node, narrower than the concept.
        if cx
            .sema
            .vocab
            .data
            .get(name)
            .is_some_and(|own| own.dpv.as_deref() == Some(d.as_str()))
        {
            return d;
        }
        let id = format!("vern:data/{}", id_part(name));
        nodes.entry(id.clone()).or_insert_with(|| {
            json!({
                "@id": id,
                "@type": data_types(cx, name),
                "dct:title": vocab_label(cx, name),
                "http://www.w3.org/2004/02/skos/core#broader": {"@id": d},
            })
        });
        return id;
    }
    let id = format!("vern:data/{}", id_part(name));
    nodes.entry(id.clone()).or_insert_with(|| {
        json!({
            "@id": id,
            "@type": data_types(cx, name),
            "dct:title": vocab_label(cx, name),
        })
    });
    id
}

fn data_types(cx: &Cx, name: &str) -> Value {
    if cx.sema.is_special(name) {
        json!(["dpv:PersonalData", "dpv:SpecialCategoryPersonalData"])
    } else {
        json!("dpv:PersonalData")
    }
}

fn subject_id(
    cx: &Cx,
    name: &str,
    nodes: &mut std::collections::BTreeMap<String, Value>,
) -> String {
    if let Some(own) = cx.sema.vocab.subjects.get(name).and_then(|s| s.dpv.clone()) {
        return own;
    }
    let id = format!("vern:subject/{}", id_part(name));
    let broader = cx
        .sema
        .subject_chain(name)
        .iter()
        .find_map(|s| s.dpv.clone());
    nodes.entry(id.clone()).or_insert_with(|| {
        let mut node = json!({
            "@id": id,
            "@type": "dpv:DataSubject",
            "dct:title": vocab_label(cx, name),
        });
        if let (Some(b), Some(obj)) = (broader, node.as_object_mut()) {
            obj.insert(
                "http://www.w3.org/2004/02/skos/core#broader".into(),
                json!({"@id": b}),
            );
        }
        node
    });
    id
}

fn basis_id(cx: &Cx, name: &str, nodes: &mut std::collections::BTreeMap<String, Value>) -> String {
    if let Some(d) = cx.sema.vocab.bases.get(name).and_then(|b| b.dpv.clone()) {
        return d;
    }
    let id = format!("vern:basis/{}", id_part(name));
    nodes.entry(id.clone()).or_insert_with(
        || json!({"@id": id, "@type": "dpv:LegalBasis", "dct:title": vocab_label(cx, name)}),
    );
    id
}

fn statute_id(
    cx: &Cx,
    name: &str,
    nodes: &mut std::collections::BTreeMap<String, Value>,
) -> String {
    let id = format!("vern:law/{}", id_part(name));
    nodes.entry(id.clone()).or_insert_with(|| {
        let mut node = json!({"@id": id, "@type": "dpv:Law", "dct:title": vocab_label(cx, name)});
        if let (Some(country), Some(obj)) = (
            cx.sema
                .vocab
                .statutes
                .get(name)
                .and_then(|s| s.country.as_ref()),
            node.as_object_mut(),
        ) {
            obj.insert(
                "dpv:hasJurisdiction".into(),
                json!({"@id": loc(&country.name)}),
            );
        }
        node
    });
    id
}

fn recipient_id(
    cx: &Cx,
    r: &model::Recipient,
    nodes: &mut std::collections::BTreeMap<String, Value>,
) -> String {
    let id = format!("vern:recipient/{}", id_part(&r.id));
    nodes.entry(id.clone()).or_insert_with(|| {
        let mut types = vec![json!("dpv:Recipient")];
        for role in &r.roles {
            let t = match super::plain(role) {
                "processor" => "dpv:DataProcessor",
                "sub-processor" => "dpv:DataSubProcessor",
                "independent-controller" | "controller" => "dpv:DataController",
                "joint-controller" => "dpv:JointDataControllers",
                _ => continue,
            };
            if !types.contains(&json!(t)) {
                types.push(json!(t));
            }
        }
        let mut node = Map::new();
        node.insert("@id".into(), json!(id));
        node.insert("@type".into(), Value::Array(types));
        // A company name is in no language.
        node.insert("dct:title".into(), json!(cx.recipient_title(r)));
        let places: Vec<Value> = cx
            .locations(r)
            .iter()
            .map(|l| json!({"@id": loc(&l.id)}))
            .collect();
        if !places.is_empty() {
            node.insert("dpv:hasLocation".into(), Value::Array(places));
        }
        let transfers = cx.locations(r).iter().any(|l| l.third_country);
        let safeguards: Vec<Value> = r
            .safeguards
            .iter()
            .filter(|_| transfers)
            .map(|s| {
                let mut g = Map::new();
                g.insert("@type".into(), json!("dpv:SafeguardForDataTransfer"));
                g.insert("dct:title".into(), vocab_label(cx, &s.safeguard));
                if let Some(t) = s.reference.as_ref() {
                    g.insert("dct:description".into(), lang_map(cx, Some(t), ""));
                }
                if let Some(i) = &s.instrument {
                    g.insert("dct:source".into(), json!(i));
                }
                Value::Object(g)
            })
            .collect();
        if !safeguards.is_empty() {
            node.insert(
                "dpv:hasTechnicalOrganisationalMeasure".into(),
                Value::Array(safeguards),
            );
        }
        Value::Object(node)
    });
    id
}

/// A retention rule as a storage condition: a `dpv:StorageDuration`, with the period as an
/// `xsd:duration` where the rule is one, and the rule in words.
fn storage(cx: &Cx, r: &model::RetentionRule) -> Value {
    let mut node = Map::new();
    node.insert("@type".into(), json!("dpv:StorageDuration"));
    let mut words = cx.rule_words(r);
    if !r.data.is_empty() {
        let data: Vec<String> = r.data.iter().map(|d| cx.label(d)).collect();
        words = format!("{}: {words}", data.join(", "));
    }
    node.insert(
        "dct:description".into(),
        json!({"@value": words, "@language": "en"}),
    );
    let period = match &r.rule {
        model::Retention::Period {
            period,
            after: None,
        } => Some(period.clone()),
        model::Retention::Statute {
            stated: Some(d),
            after: None,
            ..
        } => Some(d.clone()),
        _ => None,
    };
    if let Some(p) = period {
        node.insert(
            "dpv:hasDuration".into(),
            json!({
                "@type": "dpv:TemporalDuration",
                "rdf:value": {"@value": p, "@type": "xsd:duration"},
            }),
        );
    }
    Value::Object(node)
}
