//! The rule catalog: one file per rule, listed here in catalog order (docs/rules.md).
//! To add a rule, follow the recipe in the README ("Adding a rule").

use super::rule::Rule;

mod anonymous_claim_with_identifiers;
mod automated_decision_disclosure;
mod automated_decisions_unstated;
mod child_consent_age;
mod complaint_right_missing;
mod consent_bundled_with_notice;
mod consent_for_necessary_processing;
mod consent_implied;
mod consent_withdrawal_missing;
mod controller_identity_incomplete;
mod controller_not_legal_person;
mod controller_org_number_invalid;
mod cookie_consent_missing;
mod cookie_registry_mismatch;
mod cookies_unstated;
mod data_category_unused;
mod declared_none_contradicted;
mod direct_marketing_objection_missing;
mod direct_marketing_unstated;
mod dpo_contact_missing;
mod electronic_marketing_without_consent;
mod evidence_before_consent;
mod evidence_cookie_lifetime;
mod evidence_cookie_undeclared;
mod evidence_recipient_undeclared;
mod evidence_transfer_undeclared;
mod joint_contact_missing;
mod joint_controller_essence_missing;
mod joint_essence_missing;
mod joint_responsibilities_missing;
mod legal_basis_conflict;
mod legal_obligation_statute_missing;
mod legitimate_interest_unstated;
mod national_id_without_justification;
mod notice_element;
mod policy_date_stale;
mod profiling_unstated;
mod purpose_controller_unattributed;
mod purpose_without_legal_basis;
mod recipient_third_country_undeclared;
mod recipients_incomplete;
mod recipients_unstated;
mod requirement_contradicts_optional;
mod retention_exceeds_purpose;
mod retention_missing;
mod retention_statute_mismatch;
mod retention_vague;
mod right_withheld_from_subject;
mod rights_incomplete_for_basis;
mod source_missing;
mod source_unstated;
mod special_category_without_art9_condition;
mod statutory_contractual_requirement_missing;
mod supervisory_authority_mismatch;
mod tracking_on_legitimate_interest;
mod transfer_details_incomplete;
mod transfer_safeguard_invalid;
mod transfer_safeguard_missing;
mod transfers_unstated;
mod undeclared_data_referenced;

pub static RULES: &[&Rule] = &[
    &controller_identity_incomplete::RULE,
    &controller_org_number_invalid::RULE,
    &controller_not_legal_person::RULE,
    &dpo_contact_missing::RULE,
    &purpose_controller_unattributed::RULE,
    &joint_essence_missing::RULE,
    &joint_responsibilities_missing::RULE,
    &joint_contact_missing::RULE,
    &recipients_incomplete::RULE,
    &joint_controller_essence_missing::RULE,
    &purpose_without_legal_basis::RULE,
    &legitimate_interest_unstated::RULE,
    &legal_obligation_statute_missing::RULE,
    &legal_basis_conflict::RULE,
    &consent_for_necessary_processing::RULE,
    &special_category_without_art9_condition::RULE,
    &national_id_without_justification::RULE,
    &child_consent_age::RULE,
    &consent_implied::RULE,
    &consent_bundled_with_notice::RULE,
    &consent_withdrawal_missing::RULE,
    &direct_marketing_objection_missing::RULE,
    &rights_incomplete_for_basis::RULE,
    &right_withheld_from_subject::RULE,
    &electronic_marketing_without_consent::RULE,
    &tracking_on_legitimate_interest::RULE,
    &cookie_consent_missing::RULE,
    &cookie_registry_mismatch::RULE,
    &transfer_safeguard_missing::RULE,
    &transfer_safeguard_invalid::RULE,
    &recipient_third_country_undeclared::RULE,
    &transfer_details_incomplete::RULE,
    &retention_missing::RULE,
    &retention_vague::RULE,
    &retention_statute_mismatch::RULE,
    &retention_exceeds_purpose::RULE,
    &statutory_contractual_requirement_missing::RULE,
    &requirement_contradicts_optional::RULE,
    &automated_decision_disclosure::RULE,
    &source_missing::RULE,
    &complaint_right_missing::RULE,
    &supervisory_authority_mismatch::RULE,
    &anonymous_claim_with_identifiers::RULE,
    &source_unstated::RULE,
    &recipients_unstated::RULE,
    &transfers_unstated::RULE,
    &cookies_unstated::RULE,
    &profiling_unstated::RULE,
    &automated_decisions_unstated::RULE,
    &direct_marketing_unstated::RULE,
    &declared_none_contradicted::RULE,
    &undeclared_data_referenced::RULE,
    &data_category_unused::RULE,
    &policy_date_stale::RULE,
    &evidence_cookie_undeclared::RULE,
    &evidence_cookie_lifetime::RULE,
    &evidence_before_consent::RULE,
    &evidence_recipient_undeclared::RULE,
    &evidence_transfer_undeclared::RULE,
];

/// The evidence rules (group `evidence`) and what each does with evidence (`check::evidence`).
pub static EVIDENCE: &[(&Rule, super::evidence::EvidenceCheck)] = &[
    (
        &evidence_cookie_undeclared::RULE,
        evidence_cookie_undeclared::check_evidence,
    ),
    (
        &evidence_cookie_lifetime::RULE,
        evidence_cookie_lifetime::check_evidence,
    ),
    (
        &evidence_before_consent::RULE,
        evidence_before_consent::check_evidence,
    ),
    (
        &evidence_recipient_undeclared::RULE,
        evidence_recipient_undeclared::check_evidence,
    ),
    (
        &evidence_transfer_undeclared::RULE,
        evidence_transfer_undeclared::check_evidence,
    ),
];

pub fn lookup(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}
