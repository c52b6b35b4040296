//! Moving the places in a lowered declaration by an offset (`Shift`). The editor lowers each
//! declaration with spans relative to its own start, so that the result does not change when text
//! above it moves (`resolve::decl`); placing it in the policy shifts it to the file's offsets.
//!
//! Every struct lists all of its fields (destructured without `..`): a field added to the IR does not
//! compile until it is listed here, so no place can be left unshifted.

use std::collections::BTreeMap;

use super::*;
use crate::syntax::ast::{Duration, Shift};

macro_rules! nothing_to_shift {
    ($($t:ty),* $(,)?) => {$(
        impl Shift for $t {
            fn shift(&mut self, _: usize) {}
        }
    )*};
}

nothing_to_shift!(
    String,
    Name,
    bool,
    u8,
    u16,
    u32,
    u64,
    usize,
    i32,
    i64,
    &'static str,
    Date,
    Duration,
    SourceFile,
    Negative,
    SourceKind,
    Requirement,
    Art89Ground,
    Qualifier,
    Lifetime,
    Duty,
    OrgMode,
    OrgLevel,
    SafeguardKind,
    PhraseMatcher,
    crate::lang::Kind,
);

macro_rules! shift_fields {
    ($($t:ident { $($f:ident),* $(,)? }),* $(,)?) => {$(
        impl Shift for $t {
            fn shift(&mut self, by: usize) {
                let $t { $($f),* } = self;
                $( Shift::shift($f, by); )*
            }
        }
    )*};
}

shift_fields!(
    Text { by_lang, loc },
    Ref { name, loc },
    Unreadable {
        declarations,
        properties
    },
    Meta {
        title,
        languages,
        updated,
        updated_loc,
        version,
        url,
        audience,
        description,
        negatives,
        default_source,
        accepted_by_use,
        waivers,
        loc,
        close
    },
    Contact {
        name,
        addresses,
        email,
        phone,
        web,
        country,
        region,
        loc
    },
    Controller {
        name,
        contact,
        org_number,
        representative,
        dpo,
        description,
        waivers,
        loc,
        acts_as
    },
    DataSource { kind, text, loc },
    Field {
        name,
        ty,
        optional,
        label,
        loc
    },
    BasisUse {
        basis,
        interest,
        condition,
        statute,
        mechanism,
        collected,
        withdraw,
        balancing,
        loc
    },
    Art9Condition { basis, text, loc },
    RetentionRule {
        retention,
        qualifier,
        then_anonymise,
        data,
        loc
    },
    Flagged { text, loc },
    DirectMarketing { channels, loc },
    Purpose {
        name,
        kind,
        traits,
        label,
        description,
        uses,
        data_uses,
        about,
        bases,
        conditions,
        retention,
        requirement,
        direct_marketing,
        soft_opt_in,
        profiling,
        automated_decision,
        waivers,
        written_bases,
        written_retention,
        loc,
        controller
    },
    OwnTraits {
        expects,
        tracking,
        statute_bound,
        dpv,
        fideslang
    },
    SafeguardUse {
        safeguard,
        reference,
        copy,
        module,
        loc
    },
    Receives {
        data,
        purposes,
        loc
    },
    Recipient {
        name,
        vendor,
        label,
        description,
        entity,
        roles,
        kind,
        countries,
        safeguards,
        receives,
        arrangement,
        dpf_certified,
        waivers,
        loc
    },
    Cookie {
        name,
        quoted,
        label,
        description,
        provider,
        kind,
        lifetime,
        consent,
        purposes,
        waivers,
        loc
    },
    RightStatement {
        right,
        how,
        subjects,
        loc
    },
    Complaint {
        authority,
        text,
        loc
    },
    Rights {
        exercise,
        rights,
        complaints,
        waivers,
        loc,
        close
    },
    Waiver { rule, reason, loc },
    DataUse {
        data,
        subjects,
        if_provided,
        loc
    },
    ProcessorRole { on_behalf_of, loc },
    Responsibility {
        duty,
        controllers,
        text,
        loc
    },
    Joint {
        name,
        label,
        description,
        controllers,
        purposes,
        responsibilities,
        essence,
        contact,
        waivers,
        loc
    },
    OrgRule {
        id,
        mode,
        text,
        description,
        level,
        conditions,
        when,
        unless,
        broken,
        loc,
        span_loc
    },
    OrgCondition { test, loc },
    Entry {
        name,
        label,
        description,
        cite,
        unverified,
        module,
        loc
    },
    DataCategory {
        entry,
        parent,
        includes,
        special,
        criminal,
        identifier,
        quasi_identifier,
        national_id,
        anonymous,
        pseudonymised,
        justification,
        sources,
        source_unstated,
        fields,
        dpv,
        fideslang,
        waivers
    },
    Subject {
        entry,
        parent,
        child,
        min_age,
        dpv,
        fideslang,
        waivers
    },
    PurposeKind {
        entry,
        expects,
        direct_marketing,
        profiling,
        tracking,
        statute_bound,
        dpv,
        fideslang
    },
    Basis {
        entry,
        article,
        art9,
        withdrawable,
        states_interest,
        cites_statute,
        requires_rights,
        excludes,
        dpv,
        fideslang
    },
    Concept {
        entry,
        article,
        dpv
    },
    RecipientKind {
        entry,
        typical_role
    },
    Vendor {
        entry,
        entity,
        countries,
        kind,
        joint_controller_pattern,
        domains
    },
    Safeguard {
        entry,
        kind,
        instrument,
        valid_from,
        valid_until,
        no_new_contracts_after,
        ended_by,
        countries,
        requires_certification,
        insufficient,
        exporter
    },
    Adequacy {
        decision,
        from,
        until,
        scope,
        cite,
        unverified,
        loc
    },
    Country {
        entry,
        language,
        eea,
        eu,
        adequacy,
        org_number
    },
    OrgNumberScheme {
        name,
        digits,
        check,
        format,
        cite
    },
    Region {
        entry,
        third_country,
        eea,
        country
    },
    Statute {
        entry,
        country,
        family,
        section,
        retain,
        in_force,
        repealed,
        age,
        consent_standard
    },
    Event { entry, vague, fits },
    Mechanism {
        entry,
        valid,
        invalid,
        bundled
    },
    Channel { entry, electronic },
    CookieKind { entry, exempt },
    Authority {
        entry,
        country,
        region,
        addresses,
        email,
        phone,
        web
    },
    Phrases {
        entry,
        phrases,
        matcher
    },
    LegalEvent {
        entry,
        date,
        affects
    },
);

impl Shift for super::LangMap {
    // Words have no place; their text's `loc` has.
    fn shift(&mut self, _: usize) {}
}

impl Shift for Loc {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: usize) {
        if let Some(t) = self {
            t.shift(by);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: usize) {
        self.iter_mut().for_each(|t| t.shift(by));
    }
}

impl<T: Shift> Shift for Box<T> {
    fn shift(&mut self, by: usize) {
        (**self).shift(by);
    }
}

impl<A: Shift, B: Shift> Shift for (A, B) {
    fn shift(&mut self, by: usize) {
        self.0.shift(by);
        self.1.shift(by);
    }
}

impl<A: Shift, B: Shift, C: Shift> Shift for (A, B, C) {
    fn shift(&mut self, by: usize) {
        self.0.shift(by);
        self.1.shift(by);
        self.2.shift(by);
    }
}

impl<K: Ord, V: Shift> Shift for BTreeMap<K, V> {
    fn shift(&mut self, by: usize) {
        self.values_mut().for_each(|v| v.shift(by));
    }
}

/// Only a policy's own entries move: the shared layer is the stdlib's, placed in its own files.
impl<V: Shift> Shift for layered::Layered<V> {
    fn shift(&mut self, by: usize) {
        self.own_values_mut().for_each(|v| v.shift(by));
    }
}

impl Shift for Vocabulary {
    fn shift(&mut self, by: usize) {
        macro_rules! shift {
            ($($map:ident),*) => {$( self.$map.shift(by); )*};
        }
        crate::vocabulary_maps!(shift);
    }
}

impl Shift for Dpo {
    fn shift(&mut self, by: usize) {
        match self {
            Dpo::Appointed(c) => c.shift(by),
            Dpo::None(l) => l.shift(by),
        }
    }
}

impl Shift for Retention {
    fn shift(&mut self, by: usize) {
        match self {
            Retention::Period { period, after } => {
                period.shift(by);
                after.shift(by);
            }
            Retention::Until { event, plus } => {
                event.shift(by);
                plus.shift(by);
            }
            Retention::Statute {
                statute,
                family,
                stated,
                up_to,
                after,
            } => {
                statute.shift(by);
                family.shift(by);
                stated.shift(by);
                up_to.shift(by);
                after.shift(by);
            }
            Retention::FirstOf(all) => all.shift(by),
            Retention::Indefinite { ground } => ground.shift(by),
        }
    }
}

impl Shift for AutomatedDecision {
    fn shift(&mut self, by: usize) {
        match self {
            AutomatedDecision::None(l) => l.shift(by),
            AutomatedDecision::Significant {
                logic,
                significance,
                consequences,
                safeguards,
                loc,
            } => {
                logic.shift(by);
                significance.shift(by);
                consequences.shift(by);
                safeguards.shift(by);
                loc.shift(by);
            }
        }
    }
}

impl Shift for Provider {
    fn shift(&mut self, by: usize) {
        match self {
            Provider::Named(n) => n.shift(by),
            Provider::Recipient(r) => r.shift(by),
        }
    }
}

impl Shift for JointContact {
    fn shift(&mut self, by: usize) {
        match self {
            JointContact::Controller(r) => r.shift(by),
            JointContact::Details(c) => c.shift(by),
        }
    }
}

impl Shift for OrgTest {
    fn shift(&mut self, by: usize) {
        match self {
            OrgTest::Data(r)
            | OrgTest::Purpose(r)
            | OrgTest::Subject(r)
            | OrgTest::Basis(r)
            | OrgTest::Recipient(r)
            | OrgTest::Role(r)
            | OrgTest::RecipientKind(r)
            | OrgTest::Country(r) => r.shift(by),
            OrgTest::RetainAtMost(d) | OrgTest::RetainAtLeast(d) => d.shift(by),
            OrgTest::SpecialData | OrgTest::Children | OrgTest::ThirdCountry => {}
        }
    }
}
