//! `controller-org-number-invalid`: the controller's organisation number is missing or fails its
//! checksum. The check digits are arithmetic, not law: each algorithm is the registry's published one.

use crate::check::{BROKEN, Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "controller-org-number-invalid",
    group: "controller",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &["business-identity"],
    facts: &[Fact::Family("business-identity")],
    absent: &[BROKEN, "org-number"],
    summary: "the controller's organisation number is missing or fails its checksum",
    legal: "E-Commerce Directive 2000/31/EC Art. 5(1)(d)",
    explain: include_str!("../../../docs/rules/controller-org-number-invalid.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(_) = &cx.policy.controller else {
        return;
    };
    for controller in cx.controllers() {
        check_one(cx, controller, out);
    }
}

/// The findings about one controller (a policy may have several).
fn check_one(cx: &RuleCx, controller: &crate::ir::Controller, out: &mut Findings) {
    let Some((number, loc)) = &controller.org_number else {
        // The register's own name and format where the stdlib knows the country's scheme; no
        // example number (one country's would mislead in another).
        let scheme = controller
            .contact
            .country
            .as_ref()
            .and_then(|c| Scheme::for_country(cx, &c.name));
        let help = match scheme {
            Some(s) => format!("add the {}: `org-number \"...\"` ({})", s.name, s.format),
            None => "add the number under which the controller is registered: `org-number \"...\"`"
                .to_string(),
        };
        out.add(
            &controller.waivers,
            "the controller has no `org-number`",
            RuleCx::label(controller.loc, "no organisation number"),
        )
        .help = Some(help);
        return;
    };
    let Some(country) = &controller.contact.country else {
        return;
    };
    let Some(scheme) = Scheme::for_country(cx, &country.name) else {
        return;
    };
    if let Err(problem) = scheme.validate(number) {
        let d = out.add(
            &controller.waivers,
            format!("`{number}` is not a valid {} ({problem})", scheme.name),
            RuleCx::label(*loc, "fails the check"),
        );
        d.help = Some(format!(
            "check the number against the register; the format is {}",
            scheme.format
        ));
    }
}

/// The stdlib's scheme for a country (its `org-number` block), with its check-digit algorithm.
struct Scheme<'a> {
    name: &'a str,
    format: String,
    digits: usize,
    check: fn(&[u32]) -> bool,
}

impl<'a> Scheme<'a> {
    fn for_country(cx: &RuleCx<'a>, country: &str) -> Option<Scheme<'a>> {
        let s = cx.vocab.countries.get(country)?.org_number.as_ref()?;
        let check: fn(&[u32]) -> bool = match s.check.as_str() {
            "mod11-no" => mod11_no,
            "mod11-dk" => mod11_dk,
            "mod11-fi" => mod11_fi,
            "luhn" => luhn,
            _ => return None,
        };
        Some(Scheme {
            name: &s.name,
            format: s
                .format
                .clone()
                .unwrap_or_else(|| format!("{} digits", s.digits)),
            digits: usize::try_from(s.digits).ok()?,
            check,
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

    /// The schemes as the stdlib declares them for these countries (stdlib/transfers.vern).
    fn valid(country: &str, n: &str) -> bool {
        let (digits, check): (usize, fn(&[u32]) -> bool) = match country {
            "NO" => (9, mod11_no),
            "SE" => (10, luhn),
            "DK" => (8, mod11_dk),
            "FI" => (8, mod11_fi),
            _ => return false,
        };
        let scheme = Scheme {
            name: country,
            format: String::new(),
            digits,
            check,
        };
        scheme.validate(n).is_ok()
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
