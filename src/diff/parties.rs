//! The parties and the rest of the notice: the controller, recipients and transfers, cookies, rights.

use std::collections::{BTreeMap, BTreeSet};

use super::ChangeKind::*;
use super::Consequence::{Editorial, NoticeUpdate, ReConsent};
use super::{Area, Differ, Side, by_name, code, codes, name_set, names, show};
use crate::ir::{Contact, Cookie, Dpo, Name, Provider, Recipient, Ref, Text};

/// What a recipient receives: (data category, purpose) pairs, data through `includes`, `*` for a
/// `receives` line without `for`.
fn pairs(side: &Side, r: &Recipient) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for line in &r.receives {
        let data = side.closure_of(&line.data);
        let purposes: Vec<String> = if line.purposes.is_empty() {
            vec!["*".to_string()]
        } else {
            names(&line.purposes)
        };
        for d in &data {
            for p in &purposes {
                out.insert((d.clone(), p.clone()));
            }
        }
    }
    out
}

/// Pairs for messages, by purpose: "`email` for `newsletter`; `name`, `phone` for `orders`", and as
/// `DATA for PURPOSE` strings for the details.
fn describe_pairs(
    side: &Side,
    pairs: &BTreeSet<(String, String)>,
    r: &Recipient,
) -> (Vec<String>, String) {
    let direct: Vec<Ref> = r
        .receives
        .iter()
        .flat_map(|l| l.data.iter().cloned())
        .collect();
    let mut by_purpose: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (d, p) in pairs {
        by_purpose.entry(p.as_str()).or_default().insert(d.clone());
    }
    let mut listed = Vec::new();
    let mut shown = Vec::new();
    for (p, data) in by_purpose {
        let (roots, text) = side.roots(&data, &direct);
        if p == "*" {
            shown.push(text);
            listed.extend(roots);
        } else {
            shown.push(format!("{text} for {}", code(p)));
            listed.extend(roots.into_iter().map(|d| format!("{d} for {p}")));
        }
    }
    (listed, shown.join("; "))
}

type ContactKey = (
    Option<String>,
    Vec<crate::ir::LangMap>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn contact_key(c: &Contact) -> ContactKey {
    (
        c.name.clone(),
        c.addresses.iter().map(|a| a.by_lang.clone()).collect(),
        c.email.clone(),
        c.phone.clone(),
        c.web.clone(),
        c.country.as_ref().map(|r| r.name.to_string()),
    )
}

type OldNew = (Option<String>, Option<String>);

/// The contact fields that differ, and the old and new value when only one plain field did.
fn contact_fields(a: &Contact, b: &Contact) -> (Vec<String>, Option<OldNew>) {
    let (ka, kb) = (contact_key(a), contact_key(b));
    let mut fields = Vec::new();
    let mut values = Vec::new();
    if ka.0 != kb.0 {
        fields.push("name".to_string());
        values.push((ka.0.clone(), kb.0.clone()));
    }
    if ka.1 != kb.1 {
        fields.push("address".to_string());
    }
    for (field, x, y) in [
        ("e-mail", &ka.2, &kb.2),
        ("phone", &ka.3, &kb.3),
        ("web", &ka.4, &kb.4),
        ("country", &ka.5, &kb.5),
    ] {
        if x != y {
            fields.push(field.to_string());
            values.push((x.clone(), y.clone()));
        }
    }
    let single = if fields.len() == 1 && values.len() == 1 {
        values.pop()
    } else {
        None
    };
    (fields, single)
}

impl Differ<'_> {
    pub(super) fn controller(&mut self) {
        let (o, n) = (
            self.old.policy.controller.as_ref(),
            self.new.policy.controller.as_ref(),
        );
        let identity =
            "people must know who is responsible for their data (GDPR Art. 13(1)(a))".to_string();
        let (a, b) = match (o, n) {
            (None, None) => return,
            (None, Some(c)) => {
                let d = self.push(
                    ControllerChanged,
                    NoticeUpdate,
                    Area::Controller,
                    &c.name,
                    "The policy now declares its controller".into(),
                );
                d.after = c.contact.name.clone();
                return;
            }
            (Some(c), None) => {
                let d = self.push(
                    ControllerChanged,
                    NoticeUpdate,
                    Area::Controller,
                    &c.name,
                    "The policy no longer declares its controller".into(),
                );
                d.before = c.contact.name.clone();
                d.because = Some(identity);
                return;
            }
            (Some(a), Some(b)) => (a, b),
        };
        let subject = b.name.as_str();
        if a.contact.name != b.contact.name {
            let d = self.push(
                ControllerChanged,
                NoticeUpdate,
                Area::Controller,
                subject,
                "The controller's legal name changed".into(),
            );
            d.before = a.contact.name.clone();
            d.after = b.contact.name.clone();
            d.because = Some(identity.clone());
        }
        let org = |c: &crate::ir::Controller| c.org_number.as_ref().map(|o| o.0.clone());
        if org(a) != org(b) {
            let d = self.push(
                ControllerChanged,
                NoticeUpdate,
                Area::Controller,
                subject,
                "The controller's organisation number changed".into(),
            );
            d.before = org(a);
            d.after = org(b);
            d.because = Some(identity.clone());
        }
        let country =
            |c: &crate::ir::Controller| c.contact.country.as_ref().map(|r| r.name.clone());
        if country(a) != country(b) {
            let message = match (country(a), country(b)) {
                (Some(x), Some(y)) => format!(
                    "The controller is now established in {} (was {})",
                    code(&y),
                    code(&x)
                ),
                (None, Some(y)) => format!("The controller's country is now stated: {}", code(&y)),
                (Some(x), None) => format!(
                    "The controller's country is no longer stated (was {})",
                    code(&x)
                ),
                (None, None) => String::new(),
            };
            let d = self.push(
                ControllerChanged,
                NoticeUpdate,
                Area::Controller,
                subject,
                message,
            );
            d.before = country(a).map(Into::into);
            d.after = country(b).map(Into::into);
            d.because = Some(identity);
        }
        let mut contact_a = a.contact.clone();
        let mut contact_b = b.contact.clone();
        // The legal name and the country are the controller's identity, reported above.
        contact_a.name = None;
        contact_b.name = None;
        contact_a.country = None;
        contact_b.country = None;
        let (fields, single) = contact_fields(&contact_a, &contact_b);
        if !fields.is_empty() {
            let message = format!(
                "The controller's contact details changed ({})",
                fields.join(", ")
            );
            let d = self.push(
                ContactChanged,
                Editorial,
                Area::Controller,
                subject,
                message,
            );
            if let Some((x, y)) = single {
                d.before = x;
                d.after = y;
            }
            d.fields = fields;
        }
        let rep = |c: &crate::ir::Controller| c.representative.as_ref().map(contact_key);
        if rep(a) != rep(b) {
            let message = match (&a.representative, &b.representative) {
                (None, Some(_)) => "The policy now names an EU representative",
                (Some(_), None) => "The policy no longer names an EU representative",
                _ => "The controller's EU representative changed",
            };
            let d = self.push(
                ContactChanged,
                Editorial,
                Area::Controller,
                subject,
                message.into(),
            );
            d.before = a.representative.as_ref().and_then(|r| r.name.clone());
            d.after = b.representative.as_ref().and_then(|r| r.name.clone());
            if let (Some(x), Some(y)) = (&a.representative, &b.representative) {
                d.fields = contact_fields(x, y).0;
            }
        }
        self.dpo(subject, a.dpo.as_ref(), b.dpo.as_ref());
        self.texts(
            Area::Controller,
            subject,
            "The controller",
            vec![(
                "description".into(),
                a.description.as_ref(),
                b.description.as_ref(),
            )],
        );
    }

    fn dpo(&mut self, subject: &str, a: Option<&Dpo>, b: Option<&Dpo>) {
        let message = match (a, b) {
            (Some(Dpo::Appointed(x)), Some(Dpo::Appointed(y))) => {
                let (fields, single) = contact_fields(x, y);
                if fields.is_empty() {
                    return;
                }
                let d = self.push(
                    DpoChanged,
                    Editorial,
                    Area::Controller,
                    subject,
                    format!(
                        "The data protection officer's details changed ({})",
                        fields.join(", ")
                    ),
                );
                if let Some((x, y)) = single {
                    d.before = x;
                    d.after = y;
                }
                d.fields = fields;
                return;
            }
            (Some(Dpo::None(_)), Some(Dpo::None(_))) | (None, None) => return,
            (_, Some(Dpo::Appointed(_))) => "A data protection officer is now appointed",
            (Some(Dpo::Appointed(_)), Some(Dpo::None(_))) => {
                "No data protection officer is appointed any more"
            }
            (None, Some(Dpo::None(_))) => {
                "The policy now states that no data protection officer is appointed"
            }
            (Some(_), None) => {
                "The policy no longer says whether a data protection officer is appointed"
            }
        };
        let name = |d: Option<&Dpo>| match d {
            Some(Dpo::Appointed(c)) => c.name.clone().or_else(|| c.email.clone()),
            _ => None,
        };
        let d = self.push(
            DpoChanged,
            Editorial,
            Area::Controller,
            subject,
            message.into(),
        );
        d.before = name(a);
        d.after = name(b);
    }

    // ---------------------------------------------------------------------------------------------
    // Recipients and transfers
    // ---------------------------------------------------------------------------------------------

    pub(super) fn recipients(&mut self) {
        let (old_side, new_side) = (self.old.clone(), self.new.clone());
        let old = by_name(&old_side.policy.recipients, |r| &r.name);
        let new = by_name(&new_side.policy.recipients, |r| &r.name);
        for (name, r) in &old {
            if !new.contains_key(name) {
                let d = self.push(
                    RecipientRemoved,
                    Editorial,
                    Area::Recipient,
                    name,
                    format!("Recipient {} removed", code(name)),
                );
                d.before = r.label.as_ref().map(show);
                d.removed = describe_pairs(&old_side, &pairs(&old_side, r), r).0;
            }
        }
        for (name, r) in &new {
            match old.get(name) {
                None => self.recipient_added(r),
                Some(o) => self.recipient(o, r),
            }
        }
        self.reordered(
            "recipients",
            old_side
                .policy
                .recipients
                .iter()
                .map(|r| r.name.as_str())
                .collect(),
            new_side
                .policy
                .recipients
                .iter()
                .map(|r| r.name.as_str())
                .collect(),
        );
    }

    /// The purposes of the old version that rest on consent and that these pairs give data for.
    fn consent_purposes_hit(&self, pairs: &BTreeSet<(String, String)>) -> BTreeSet<String> {
        let old = self.old.clone();
        let mut out = BTreeSet::new();
        for (data, purpose) in pairs {
            if purpose == "*" {
                for p in &old.policy.purposes {
                    if old.rests_on_consent(p) && old.closure_of(&p.uses).contains(data) {
                        out.insert(p.name.to_string());
                    }
                }
            } else if old
                .purpose(purpose)
                .is_some_and(|p| old.rests_on_consent(p))
            {
                out.insert(purpose.clone());
            }
        }
        out
    }

    fn consent_recipient_reason(hits: &BTreeSet<String>) -> String {
        let verb = if hits.len() == 1 { "rests" } else { "rest" };
        format!(
            "{} {verb} on consent, and the consent people gave does not cover this recipient",
            codes(hits.iter().map(String::as_str))
        )
    }

    fn safeguard_phrase(r: &Recipient) -> String {
        let mut names: Vec<&str> = r
            .safeguards
            .iter()
            .map(|s| s.safeguard.name.as_str())
            .collect();
        if r.dpf_certified && !names.contains(&"dpf") {
            names.push("dpf");
        }
        if names.is_empty() {
            ", with no safeguard".to_string()
        } else {
            format!(", under {}", codes(names))
        }
    }

    fn recipient_added(&mut self, r: &Recipient) {
        let new_side = self.new.clone();
        let received = pairs(&new_side, r);
        let hits = self.consent_purposes_hit(&received);
        let (listed, shown) = describe_pairs(&new_side, &received, r);
        let mut message = format!("New recipient {}", code(&r.name));
        if !r.roles.is_empty() {
            message.push_str(&format!(
                " ({})",
                codes(r.roles.iter().map(|x| x.name.as_str()))
            ));
        }
        if !shown.is_empty() {
            message.push_str(&format!(" receives {shown}"));
        }
        let consequence = if hits.is_empty() {
            NoticeUpdate
        } else {
            ReConsent
        };
        let d = self.push(
            RecipientAdded,
            consequence,
            Area::Recipient,
            &r.name,
            message,
        );
        d.after = r.label.as_ref().map(show);
        d.added = listed;
        d.because = (!hits.is_empty()).then(|| Self::consent_recipient_reason(&hits));
        let third: Vec<&str> = r
            .countries
            .iter()
            .map(|c| c.name.as_str())
            .filter(|c| new_side.is_third_country(c))
            .collect();
        if !third.is_empty() {
            let message = format!(
                "Data are transferred outside the EEA ({}) through the new recipient {}{}",
                codes(third.iter().copied()),
                code(&r.name),
                Self::safeguard_phrase(r)
            );
            let d = self.push(
                TransferAdded,
                NoticeUpdate,
                Area::Recipient,
                &r.name,
                message,
            );
            d.added = third.iter().map(|s| s.to_string()).collect();
        }
    }

    fn recipient(&mut self, o: &Recipient, n: &Recipient) {
        let (old_side, new_side) = (self.old.clone(), self.new.clone());
        let subject = n.name.as_str();
        let r = code(subject);
        let name = |x: &Option<Ref>| x.as_ref().map(|x| x.name.clone());

        match (name(&o.vendor), name(&n.vendor)) {
            (a, Some(b)) if a.as_ref() != Some(&b) => {
                let was = a
                    .as_ref()
                    .map(|a| format!(" (was {})", code(a)))
                    .unwrap_or_default();
                let d = self.push(
                    RecipientChanged,
                    NoticeUpdate,
                    Area::Recipient,
                    subject,
                    format!("Recipient {r} is now the vendor {}{was}", code(&b)),
                );
                d.before = a.map(Into::into);
                d.after = Some(b.to_string());
            }
            (Some(a), None) => {
                let message = format!(
                    "Recipient {r} no longer names its vendor (was {})",
                    code(&a)
                );
                self.push(
                    RecipientChanged,
                    Editorial,
                    Area::Recipient,
                    subject,
                    message,
                )
                .before = Some(a.to_string());
            }
            _ => {}
        }
        if o.entity != n.entity {
            let (consequence, message) = match (&o.entity, &n.entity) {
                (Some(_), Some(_)) => (
                    NoticeUpdate,
                    format!("Recipient {r} is now a different legal entity"),
                ),
                (None, _) => (
                    Editorial,
                    format!("Recipient {r} now names its legal entity"),
                ),
                (Some(_), None) => (
                    Editorial,
                    format!("Recipient {r} no longer names its legal entity"),
                ),
            };
            let d = self.push(
                RecipientChanged,
                consequence,
                Area::Recipient,
                subject,
                message,
            );
            d.before = o.entity.clone();
            d.after = n.entity.clone();
            if consequence == NoticeUpdate {
                d.because =
                    Some("another legal entity is another recipient (GDPR Art. 13(1)(e))".into());
            }
        }
        let (a, b) = (name(&o.kind), name(&n.kind));
        if a != b {
            let message = match (&a, &b) {
                (Some(a), Some(b)) => format!(
                    "Recipient {r} is now of the kind {} (was {})",
                    code(b),
                    code(a)
                ),
                (None, Some(b)) => format!("Recipient {r} is now of the kind {}", code(b)),
                (Some(a), None) => {
                    format!("Recipient {r} no longer names its kind (was {})", code(a))
                }
                (None, None) => String::new(),
            };
            let d = self.push(
                RecipientChanged,
                Editorial,
                Area::Recipient,
                subject,
                message,
            );
            d.before = a.map(Into::into);
            d.after = b.map(Into::into);
        }

        let (or, nr) = (name_set(&o.roles), name_set(&n.roles));
        let added: Vec<&str> = nr.difference(&or).map(String::as_str).collect();
        let removed: Vec<&str> = or.difference(&nr).map(String::as_str).collect();
        if !added.is_empty() || !removed.is_empty() {
            let (consequence, message) = if added.is_empty() {
                (
                    Editorial,
                    format!(
                        "Recipient {r} no longer acts as {}",
                        codes(removed.iter().copied())
                    ),
                )
            } else if removed.is_empty() {
                (
                    NoticeUpdate,
                    format!(
                        "Recipient {r} now also acts as {}",
                        codes(added.iter().copied())
                    ),
                )
            } else {
                (
                    NoticeUpdate,
                    format!(
                        "Recipient {r} now acts as {} instead of {}",
                        codes(added.iter().copied()),
                        codes(removed.iter().copied())
                    ),
                )
            };
            let d = self.push(RoleChanged, consequence, Area::Recipient, subject, message);
            d.added = added.iter().map(|s| s.to_string()).collect();
            d.removed = removed.iter().map(|s| s.to_string()).collect();
        }

        let split = |side: &Side, rec: &Recipient| -> (BTreeSet<Name>, BTreeSet<Name>) {
            rec.countries
                .iter()
                .map(|c| c.name.clone())
                .partition(|c| side.is_third_country(c))
        };
        let ((ot, oe), (nt, ne)) = (split(&old_side, o), split(&new_side, n));
        let third_added: Vec<&str> = nt.difference(&ot).map(Name::as_str).collect();
        if !third_added.is_empty() {
            let message = format!(
                "Recipient {r} now transfers data outside the EEA ({}){}",
                codes(third_added.iter().copied()),
                Self::safeguard_phrase(n)
            );
            let d = self.push(
                TransferAdded,
                NoticeUpdate,
                Area::Recipient,
                subject,
                message,
            );
            d.added = third_added.iter().map(|s| s.to_string()).collect();
        }
        let third_removed: Vec<&str> = ot.difference(&nt).map(Name::as_str).collect();
        if !third_removed.is_empty() {
            let message = format!(
                "Recipient {r} no longer processes data in {}",
                codes(third_removed.iter().copied())
            );
            self.push(
                TransferRemoved,
                Editorial,
                Area::Recipient,
                subject,
                message,
            )
            .removed = third_removed.iter().map(|s| s.to_string()).collect();
        }
        let eea_added: Vec<&str> = ne.difference(&oe).map(Name::as_str).collect();
        let eea_removed: Vec<&str> = oe.difference(&ne).map(Name::as_str).collect();
        if !eea_added.is_empty() {
            let message = format!(
                "Recipient {r} now processes data in {}",
                codes(eea_added.iter().copied())
            );
            self.push(
                RecipientChanged,
                Editorial,
                Area::Recipient,
                subject,
                message,
            )
            .added = eea_added.iter().map(|s| s.to_string()).collect();
        }
        if !eea_removed.is_empty() {
            let message = format!(
                "Recipient {r} no longer processes data in {}",
                codes(eea_removed.iter().copied())
            );
            self.push(
                RecipientChanged,
                Editorial,
                Area::Recipient,
                subject,
                message,
            )
            .removed = eea_removed.iter().map(|s| s.to_string()).collect();
        }

        let transfers = !nt.is_empty();
        let (os, ns) = (
            o.safeguards
                .iter()
                .map(|s| s.safeguard.name.clone())
                .collect::<BTreeSet<_>>(),
            n.safeguards
                .iter()
                .map(|s| s.safeguard.name.clone())
                .collect::<BTreeSet<_>>(),
        );
        // A first transfer names its safeguard in its own change.
        let came_with_transfer = ot.is_empty() && os.is_empty() && !third_added.is_empty();
        if os != ns && !came_with_transfer {
            let join = |s: &BTreeSet<Name>| codes(s.iter().map(Name::as_str));
            let message = if ns.is_empty() {
                format!(
                    "Recipient {r} no longer names a transfer safeguard (was {})",
                    join(&os)
                )
            } else if os.is_empty() {
                format!("Recipient {r}: transfers now rest on {}", join(&ns))
            } else {
                format!(
                    "Recipient {r}: transfers now rest on {} (was {})",
                    join(&ns),
                    join(&os)
                )
            };
            let d = self.push(
                SafeguardChanged,
                if transfers { NoticeUpdate } else { Editorial },
                Area::Recipient,
                subject,
                message,
            );
            d.added = ns.difference(&os).map(|n| n.to_string()).collect();
            d.removed = os.difference(&ns).map(|n| n.to_string()).collect();
            if transfers {
                d.because = Some("the notice must say how data sent outside the EEA are protected (GDPR Art. 13(1)(f))".into());
            }
        }
        if o.dpf_certified != n.dpf_certified {
            let (consequence, message) = if n.dpf_certified {
                (
                    Editorial,
                    format!(
                        "Recipient {r} is now certified under the EU-US Data Privacy Framework"
                    ),
                )
            } else {
                (
                    if transfers { NoticeUpdate } else { Editorial },
                    format!(
                        "Recipient {r} is no longer certified under the EU-US Data Privacy Framework"
                    ),
                )
            };
            self.push(
                SafeguardChanged,
                consequence,
                Area::Recipient,
                subject,
                message,
            );
        }
        for ns in &n.safeguards {
            let Some(os) = o
                .safeguards
                .iter()
                .find(|s| s.safeguard.name == ns.safeguard.name)
            else {
                continue;
            };
            if os.module != ns.module {
                let message = format!(
                    "Recipient {r}: the module of {} changed",
                    code(&ns.safeguard.name)
                );
                let d = self.push(
                    SafeguardChanged,
                    Editorial,
                    Area::Recipient,
                    subject,
                    message,
                );
                d.before = os.module.clone();
                d.after = ns.module.clone();
            }
        }

        let (op, np) = (pairs(&old_side, o), pairs(&new_side, n));
        let added: BTreeSet<(String, String)> = np.difference(&op).cloned().collect();
        let removed: BTreeSet<(String, String)> = op.difference(&np).cloned().collect();
        if !added.is_empty() {
            let hits = self.consent_purposes_hit(&added);
            let (listed, shown) = describe_pairs(&new_side, &added, n);
            let consequence = if hits.is_empty() {
                NoticeUpdate
            } else {
                ReConsent
            };
            let d = self.push(
                RecipientDataAdded,
                consequence,
                Area::Recipient,
                subject,
                format!("Recipient {r} now also receives {shown}"),
            );
            d.added = listed;
            d.because = (!hits.is_empty()).then(|| Self::consent_recipient_reason(&hits));
        }
        if !removed.is_empty() {
            let (listed, shown) = describe_pairs(&old_side, &removed, o);
            let d = self.push(
                RecipientDataRemoved,
                Editorial,
                Area::Recipient,
                subject,
                format!("Recipient {r} no longer receives {shown}"),
            );
            d.removed = listed;
        }

        self.label(
            Area::Recipient,
            subject,
            &format!("Recipient {r}"),
            o.label.as_ref(),
            n.label.as_ref(),
        );
        let mut fields: Vec<(String, Option<&Text>, Option<&Text>)> = vec![
            (
                "description".into(),
                o.description.as_ref(),
                n.description.as_ref(),
            ),
            (
                "arrangement".into(),
                o.arrangement.as_ref(),
                n.arrangement.as_ref(),
            ),
        ];
        for ns in &n.safeguards {
            let Some(os) = o
                .safeguards
                .iter()
                .find(|s| s.safeguard.name == ns.safeguard.name)
            else {
                continue;
            };
            let s = &ns.safeguard.name;
            fields.push((
                format!("safeguard {s}: reference"),
                os.reference.as_ref(),
                ns.reference.as_ref(),
            ));
            fields.push((
                format!("safeguard {s}: copy"),
                os.copy.as_ref(),
                ns.copy.as_ref(),
            ));
        }
        self.texts(Area::Recipient, subject, &format!("Recipient {r}"), fields);
    }

    // ---------------------------------------------------------------------------------------------
    // Cookies
    // ---------------------------------------------------------------------------------------------

    pub(super) fn cookies(&mut self) {
        let (old_side, new_side) = (self.old.clone(), self.new.clone());
        let old = by_name(&old_side.policy.cookies, |c| &c.name);
        let new = by_name(&new_side.policy.cookies, |c| &c.name);
        for (name, c) in &old {
            if !new.contains_key(name) {
                let d = self.push(
                    CookieRemoved,
                    Editorial,
                    Area::Cookie,
                    name,
                    format!("Cookie {} removed", code(name)),
                );
                d.before = c.label.as_ref().map(show);
            }
        }
        for (name, c) in &new {
            match old.get(name) {
                None => self.cookie_added(c),
                Some(o) => self.cookie(o, c),
            }
        }
        self.reordered(
            "cookies",
            old_side
                .policy
                .cookies
                .iter()
                .map(|c| c.name.as_str())
                .collect(),
            new_side
                .policy
                .cookies
                .iter()
                .map(|c| c.name.as_str())
                .collect(),
        );
    }

    fn cookie_added(&mut self, c: &Cookie) {
        let exempt = self.new.cookie_kind_exempt(c.kind.as_ref());
        let mut about = Vec::new();
        if let Some(k) = &c.kind {
            about.push(code(&k.name));
        }
        match &c.lifetime {
            Some(crate::ir::Lifetime::Session) => about.push("for the session".into()),
            Some(crate::ir::Lifetime::Period(d)) => {
                about.push(format!("lasting {}", code(&d.to_string())))
            }
            None => {}
        }
        let mut message = format!("New cookie {}", code(&c.name));
        if !about.is_empty() {
            message.push_str(&format!(" ({})", about.join(", ")));
        }
        if !c.purposes.is_empty() {
            message.push_str(&format!(
                " for {}",
                codes(c.purposes.iter().map(|p| p.name.as_str()))
            ));
        }
        let d = self.push(
            CookieAdded,
            if exempt { NoticeUpdate } else { ReConsent },
            Area::Cookie,
            &c.name,
            message,
        );
        d.after = c.label.as_ref().map(show);
        d.added = names(&c.purposes);
        if !exempt {
            d.because = Some(
                "the cookie needs consent, and visitors who accepted the cookie banner before have not consented to it \
                 (ePrivacy Directive Art. 5(3))"
                    .into(),
            );
        }
    }

    fn cookie(&mut self, o: &Cookie, n: &Cookie) {
        let exempt = self.new.cookie_kind_exempt(n.kind.as_ref());
        let widen = if exempt { NoticeUpdate } else { ReConsent };
        let subject = n.name.as_str();
        let c = code(subject);
        let because = (!exempt).then(|| {
            format!("{c} needs consent, and visitors consented to the cookie as it was (ePrivacy Directive Art. 5(3))")
        });
        let name = |x: &Option<Ref>| x.as_ref().map(|x| x.name.clone());

        let (a, b) = (name(&o.kind), name(&n.kind));
        if a != b {
            let message = match (&a, &b) {
                (Some(a), Some(b)) => {
                    format!("Cookie {c} is now a {} cookie (was {})", code(b), code(a))
                }
                (None, Some(b)) => format!("Cookie {c} is now a {} cookie", code(b)),
                (Some(a), None) => format!("Cookie {c} no longer names its kind (was {})", code(a)),
                (None, None) => String::new(),
            };
            let d = self.push(
                CookieChanged,
                if exempt { Editorial } else { ReConsent },
                Area::Cookie,
                subject,
                message,
            );
            d.before = a.map(Into::into);
            d.after = b.map(Into::into);
            d.because = because.clone();
        }

        let provider = |p: &Option<Provider>| match p {
            Some(Provider::Named(s)) => Some(s.clone()),
            Some(Provider::Recipient(r)) => Some(r.name.to_string()),
            None => None,
        };
        if provider(&o.provider) != provider(&n.provider) {
            let (consequence, message) = match (&o.provider, &n.provider) {
                (Some(Provider::Recipient(x)), Some(Provider::Recipient(y))) => (
                    widen,
                    format!(
                        "Cookie {c} is now set by {} (was {})",
                        code(&y.name),
                        code(&x.name)
                    ),
                ),
                (Some(_), Some(_)) => (widen, format!("Cookie {c} has a new provider")),
                (None, _) => (Editorial, format!("Cookie {c} now names its provider")),
                (Some(_), None) => (
                    Editorial,
                    format!("Cookie {c} no longer names its provider"),
                ),
            };
            let d = self.push(CookieChanged, consequence, Area::Cookie, subject, message);
            d.before = provider(&o.provider);
            d.after = provider(&n.provider);
            if consequence == ReConsent {
                d.because = because.clone();
            }
        }

        let (op, np) = (name_set(&o.purposes), name_set(&n.purposes));
        let added: Vec<&str> = np.difference(&op).map(String::as_str).collect();
        let removed: Vec<&str> = op.difference(&np).map(String::as_str).collect();
        if !added.is_empty() {
            let d = self.push(
                CookieChanged,
                widen,
                Area::Cookie,
                subject,
                format!(
                    "Cookie {c} now also serves {}",
                    codes(added.iter().copied())
                ),
            );
            d.added = added.iter().map(|s| s.to_string()).collect();
            d.because = because.clone();
        }
        if !removed.is_empty() {
            let d = self.push(
                CookieChanged,
                Editorial,
                Area::Cookie,
                subject,
                format!(
                    "Cookie {c} no longer serves {}",
                    codes(removed.iter().copied())
                ),
            );
            d.removed = removed.iter().map(|s| s.to_string()).collect();
        }

        let (a, b) = (name(&o.consent), name(&n.consent));
        if a != b {
            let message = match (&a, &b) {
                (Some(a), Some(b)) => format!(
                    "Cookie {c}: consent is now asked by {} (was {})",
                    code(b),
                    code(a)
                ),
                (None, Some(b)) => format!("Cookie {c}: consent is now asked by {}", code(b)),
                (Some(a), None) => format!(
                    "Cookie {c} no longer says how consent is asked (was {})",
                    code(a)
                ),
                (None, None) => String::new(),
            };
            let d = self.push(
                ConsentMechanismChanged,
                if exempt { Editorial } else { ReConsent },
                Area::Cookie,
                subject,
                message,
            );
            if !exempt {
                d.because = Some(match &a {
                    Some(a) => format!("consents given through {} do not show consent given by the new mechanism (GDPR Art. 7(1))", code(a)),
                    None => "the old version did not say how consent was asked, so the consents held may not show it (GDPR Art. 7(1))".into(),
                });
            }
            d.before = a.map(Into::into);
            d.after = b.map(Into::into);
        }

        self.cookie_lifetime(o, n, exempt);
        self.label(
            Area::Cookie,
            subject,
            &format!("Cookie {c}"),
            o.label.as_ref(),
            n.label.as_ref(),
        );
        self.texts(
            Area::Cookie,
            subject,
            &format!("Cookie {c}"),
            vec![(
                "description".into(),
                o.description.as_ref(),
                n.description.as_ref(),
            )],
        );
    }

    // ---------------------------------------------------------------------------------------------
    // Rights
    // ---------------------------------------------------------------------------------------------

    pub(super) fn rights(&mut self) {
        let (o, n) = (
            self.old.policy.rights.as_ref(),
            self.new.policy.rights.as_ref(),
        );
        let rights = |r: Option<&crate::ir::Rights>| {
            r.map(|r| {
                r.rights
                    .iter()
                    .map(|s| s.right.name.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        };
        let authorities = |r: Option<&crate::ir::Rights>| {
            r.map(|r| {
                r.complaints
                    .iter()
                    .map(|c| c.authority.name.clone())
                    .collect::<BTreeSet<_>>()
            })
            .unwrap_or_default()
        };
        let (or, nr) = (rights(o), rights(n));
        let (os, ns): (BTreeSet<&Name>, BTreeSet<&Name>) =
            (or.iter().collect(), nr.iter().collect());
        for right in os.difference(&ns) {
            let d = self.push(
                RightRemoved,
                NoticeUpdate,
                Area::Rights,
                right,
                format!("The notice no longer lists the right {}", code(right)),
            );
            d.because = Some(
                "rights come from the law, not the notice: check that the right no longer applies before people stop being told \
                 of it (GDPR Art. 12(1), 13(2)(b)-(d))"
                    .into(),
            );
        }
        for right in ns.difference(&os) {
            self.push(
                RightAdded,
                Editorial,
                Area::Rights,
                right,
                format!("The notice now lists the right {}", code(right)),
            );
        }
        let (oa, na) = (authorities(o), authorities(n));
        for a in oa.difference(&na) {
            let d = self.push(
                RightRemoved,
                NoticeUpdate,
                Area::Rights,
                a,
                format!("The notice no longer names {} for complaints", code(a)),
            );
            d.because =
                Some("people must know where they can complain (GDPR Art. 13(2)(d))".into());
        }
        for a in na.difference(&oa) {
            self.push(
                RightAdded,
                Editorial,
                Area::Rights,
                a,
                format!("The notice now names {} for complaints", code(a)),
            );
        }
        let mut fields: Vec<(String, Option<&Text>, Option<&Text>)> = vec![(
            "exercise".into(),
            o.and_then(|r| r.exercise.as_ref()),
            n.and_then(|r| r.exercise.as_ref()),
        )];
        if let (Some(o), Some(n)) = (o, n) {
            for ns in &n.rights {
                let Some(os) = o.rights.iter().find(|s| s.right.name == ns.right.name) else {
                    continue;
                };
                fields.push((
                    format!("right {}", ns.right.name),
                    os.how.as_ref(),
                    ns.how.as_ref(),
                ));
            }
            for nc in &n.complaints {
                let Some(oc) = o
                    .complaints
                    .iter()
                    .find(|c| c.authority.name == nc.authority.name)
                else {
                    continue;
                };
                fields.push((
                    format!("complaint to {}", nc.authority.name),
                    oc.text.as_ref(),
                    nc.text.as_ref(),
                ));
            }
        }
        self.texts(Area::Rights, "rights", "Rights", fields);
        self.reordered(
            "rights",
            or.iter().map(Name::as_str).collect(),
            nr.iter().map(Name::as_str).collect(),
        );
    }
}
