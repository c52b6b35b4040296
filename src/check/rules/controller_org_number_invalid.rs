//! `controller-org-number-invalid`: the controller's organisation number is missing or fails its
//! checksum. The check digits are arithmetic, not law: each algorithm is the registry's published one.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "controller-org-number-invalid",
    group: "controller",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "the controller's organisation number is missing or fails its checksum",
    legal: "E-Commerce Directive 2000/31/EC Art. 5(1)(d); NO ehandelsloven",
    explain: include_str!("../../../docs/rules/controller-org-number-invalid.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(controller) = &cx.policy.controller else {
        return;
    };
    let Some((number, loc)) = &controller.org_number else {
        out.add(
            cx.controller_waivers(),
            "the controller has no `org-number`",
            RuleCx::label(controller.loc, "no organisation number"),
        )
        .help = Some("add the trade-register number: `org-number \"913382781\"`".into());
        return;
    };
    let Some(country) = &controller.contact.country else {
        return;
    };
    let Some(scheme) = Scheme::for_country(&country.name) else {
        return;
    };
    if let Err(problem) = scheme.validate(number) {
        let d = out.add(
            cx.controller_waivers(),
            format!("`{number}` is not a valid {} ({problem})", scheme.name),
            RuleCx::label(*loc, "fails the check"),
        );
        d.help = Some(format!(
            "check the number against the register; the format is {}",
            scheme.format
        ));
    }
}

struct Scheme {
    name: &'static str,
    format: &'static str,
    digits: usize,
    check: fn(&[u32]) -> bool,
}

impl Scheme {
    fn for_country(country: &str) -> Option<Scheme> {
        Some(match country {
            "NO" => Scheme {
                name: "Norwegian organisasjonsnummer",
                format: "9 digits",
                digits: 9,
                check: mod11_no,
            },
            "SE" => Scheme {
                name: "Swedish organisationsnummer",
                format: "NNNNNN-NNNN",
                digits: 10,
                check: luhn,
            },
            "DK" => Scheme {
                name: "Danish CVR-nummer",
                format: "8 digits",
                digits: 8,
                check: mod11_dk,
            },
            "FI" => Scheme {
                name: "Finnish Y-tunnus",
                format: "NNNNNNN-C",
                digits: 8,
                check: mod11_fi,
            },
            _ => return None,
        })
    }

    fn validate(&self, number: &str) -> Result<(), String> {
        let cleaned: String = number.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let digits: Option<Vec<u32>> = cleaned.chars().map(|c| c.to_digit(10)).collect();
        let Some(digits) = digits else {
            return Err("it contains characters other than digits".into());
        };
        if digits.len() != self.digits {
            return Err(format!(
                "it has {} digits, not {}",
                digits.len(),
                self.digits
            ));
        }
        if (self.check)(&digits) {
            Ok(())
        } else {
            Err("the check digit does not match".into())
        }
    }
}

/// NO: weights 3,2,7,6,5,4,3,2; check = (11 - sum mod 11) mod 11; remainder 1 is never issued.
fn mod11_no(d: &[u32]) -> bool {
    let sum: u32 = [3, 2, 7, 6, 5, 4, 3, 2]
        .iter()
        .zip(d)
        .map(|(w, x)| w * x)
        .sum();
    let r = sum % 11;
    r != 1 && (11 - r) % 11 == d[8]
}

/// DK: weights 2,7,6,5,4,3,2,1 over all eight digits; the sum is divisible by 11.
fn mod11_dk(d: &[u32]) -> bool {
    let sum: u32 = [2, 7, 6, 5, 4, 3, 2, 1]
        .iter()
        .zip(d)
        .map(|(w, x)| w * x)
        .sum();
    sum.is_multiple_of(11)
}

/// FI: weights 7,9,10,5,8,4,2 on the first seven; remainder 0 → 0, 1 invalid, else 11 - r.
fn mod11_fi(d: &[u32]) -> bool {
    let sum: u32 = [7, 9, 10, 5, 8, 4, 2]
        .iter()
        .zip(d)
        .map(|(w, x)| w * x)
        .sum();
    match sum % 11 {
        0 => d[7] == 0,
        1 => false,
        r => d[7] == 11 - r,
    }
}

/// SE: Luhn over all ten digits.
fn luhn(d: &[u32]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 1 {
                if x * 2 > 9 { x * 2 - 9 } else { x * 2 }
            } else {
                x
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(country: &str, n: &str) -> bool {
        Scheme::for_country(country).is_some_and(|s| s.validate(n).is_ok())
    }

    #[test]
    fn known_valid_numbers_pass() {
        for n in ["816141982", "974408597", "913382781", "974 408 597"] {
            assert!(valid("NO", n), "NO {n}");
        }
        for n in ["556217-1925", "556934-4905"] {
            assert!(valid("SE", n), "SE {n}");
        }
        assert!(valid("DK", "11883729"));
        assert!(valid("FI", "0112038-9"));
    }

    #[test]
    fn altered_numbers_fail() {
        assert!(!valid("NO", "816141983"));
        assert!(!valid("NO", "81614198"));
        assert!(!valid("SE", "556217-1926"));
        assert!(!valid("DK", "11883728"));
        assert!(!valid("FI", "0112038-8"));
        assert!(!valid("NO", "81614198X"));
    }
}
