//! Contact details a notice turns into links and a reader uses to reach someone: an e-mail address, a
//! web address, a phone number. A value that cannot work (`javascript:alert(1)`, `post at shop`) is an
//! `invalid-contact` error at the string, and the value is left out, so nothing unusable is published.

/// What a contact field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactField {
    Email,
    Web,
    Phone,
}

impl ContactField {
    pub fn for_key(key: &str) -> Option<ContactField> {
        Some(match key {
            "email" => ContactField::Email,
            "web" | "url" => ContactField::Web,
            "phone" => ContactField::Phone,
            _ => return None,
        })
    }
}

/// Why `value` cannot be used as `field`, with the hint that fixes it; `None` when it is fine.
pub fn problem(field: ContactField, value: &str) -> Option<(String, String)> {
    let value = value.trim();
    match field {
        ContactField::Email => email_problem(value),
        ContactField::Web => web_problem(value),
        ContactField::Phone => phone_problem(value),
    }
}

fn email_problem(value: &str) -> Option<(String, String)> {
    if let Some(rest) = value.strip_prefix("mailto:") {
        return Some((
            "an e-mail address is written without `mailto:`".into(),
            format!("write `email \"{rest}\"`"),
        ));
    }
    // The parser accepts quoted local parts and IP literals; a notice needs an ordinary address with
    // a domain that has a dot.
    let ordinary = email_address::EmailAddress::is_valid(value)
        && value
            .rsplit_once('@')
            .is_some_and(|(_, domain)| domain.contains('.') && !domain.starts_with('['))
        && !value.contains(['"', ' ']);
    (!ordinary).then(|| {
        (
            format!("`{value}` is not an e-mail address"),
            "write an address such as `personvern@shop.example`; a web form goes in `web`".into(),
        )
    })
}

fn web_problem(value: &str) -> Option<(String, String)> {
    let hint = || {
        "write a web address that starts with `https://`, such as `https://shop.example/personvern`"
            .to_string()
    };
    // Real policies often write a bare domain (`shop.no`): a reader can use it, and the notice shows
    // it as text, not as a link.
    if bare_domain(value) {
        return None;
    }
    let Ok(iri) = fluent_uri::Iri::parse(value) else {
        return Some((format!("`{value}` is not a web address"), hint()));
    };
    let scheme = iri.scheme().as_str().to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Some((
            format!("a `{scheme}:` address is not a web page a reader can open"),
            hint(),
        ));
    }
    let host = iri
        .authority()
        .map(|a| a.host().to_string())
        .unwrap_or_default();
    if host.is_empty() || !(host.contains('.') || host == "localhost") {
        return Some((format!("`{value}` names no web site"), hint()));
    }
    None
}

/// `shop.no`, `www.shop.example/personvern`: a host name with a dot and no scheme, and an optional path.
fn bare_domain(value: &str) -> bool {
    let (host, path) = value.split_once('/').unwrap_or((value, ""));
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(char::is_alphabetic))
        && !path.contains(char::is_whitespace)
}

fn phone_problem(value: &str) -> Option<(String, String)> {
    let allowed =
        |c: char| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | '/');
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let plus_first = value.find('+').is_none_or(|i| i == 0) && value.matches('+').count() <= 1;
    (!(value.chars().all(allowed) && (5..=17).contains(&digits) && plus_first)).then(|| {
        (
            format!("`{value}` is not a phone number"),
            "write the number with its country code, such as `+47 22 00 00 00`".into(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_contacts_pass() {
        assert_eq!(
            problem(ContactField::Email, "personvern@nordlys.example"),
            None
        );
        assert_eq!(
            problem(ContactField::Web, "https://www.datatilsynet.no/klage"),
            None
        );
        assert_eq!(problem(ContactField::Web, "https://blåbær.example/"), None);
        assert_eq!(problem(ContactField::Web, "www.shop.example"), None);
        assert_eq!(problem(ContactField::Web, "bruktekontormobler.no"), None);
        assert_eq!(problem(ContactField::Web, "shop.example/personvern"), None);
        assert_eq!(problem(ContactField::Phone, "+47 22 00 00 00"), None);
        assert_eq!(problem(ContactField::Phone, "(030) 1234-5678"), None);
    }

    #[test]
    fn unusable_contacts_are_refused() {
        for (field, value) in [
            (ContactField::Email, "javascript:alert(1)"),
            (ContactField::Email, "post at shop"),
            (ContactField::Email, "mailto:post@shop.example"),
            (ContactField::Email, "root@localhost"),
            (ContactField::Web, "javascript:alert(1)"),
            (ContactField::Web, "data:text/html,<b>x</b>"),
            (ContactField::Web, "https://"),
            (ContactField::Phone, "call us"),
            (ContactField::Phone, "123"),
            (ContactField::Phone, "22+47"),
        ] {
            assert!(
                problem(field, value).is_some(),
                "{value} passed as {field:?}"
            );
        }
    }
}
