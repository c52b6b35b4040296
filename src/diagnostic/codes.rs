//! The compiler's own diagnostic codes (the checker's rules have their own catalog in `check`).
//! Each code is stable: tools match on it, and `vern explain CODE` prints its page.

use super::Severity;

pub struct Code {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// Markdown with the headings *What it means*, *Example*, *Use instead*.
    pub explain: &'static str,
}

macro_rules! code {
    ($id:literal, $sev:ident, $summary:literal, $explain:literal) => {
        Code {
            id: $id,
            severity: Severity::$sev,
            summary: $summary,
            explain: $explain,
        }
    };
}

pub const SYNTAX_ERROR: &str = "syntax-error";
pub const INVALID_LITERAL: &str = "invalid-literal";
pub const UNKNOWN_DECLARATION_KIND: &str = "unknown-declaration-kind";
pub const UNKNOWN_PROPERTY: &str = "unknown-property";
pub const DUPLICATE_PROPERTY: &str = "duplicate-property";
pub const MISSING_NAME: &str = "missing-name";
pub const INVALID_ARGUMENTS: &str = "invalid-arguments";
pub const UNKNOWN_NAME: &str = "unknown-name";
pub const WRONG_KIND: &str = "wrong-kind";
pub const DUPLICATE_DECLARATION: &str = "duplicate-declaration";
pub const UNKNOWN_MODULE: &str = "unknown-module";
pub const FILE_NOT_FOUND: &str = "file-not-found";
pub const IMPORT_CYCLE: &str = "import-cycle";
pub const DUPLICATE_POLICY: &str = "duplicate-policy";
pub const UNKNOWN_LANGUAGE: &str = "unknown-language";
pub const UNKNOWN_RULE: &str = "unknown-rule";
pub const USE_OUTSIDE_WORKSPACE: &str = "use-outside-workspace";
pub const USE_TOO_DEEP: &str = "use-too-deep";
pub const USE_REFUSED: &str = "use-refused";
pub const UNUSED_WAIVER: &str = "unused-waiver";
pub const MISSING_TRANSLATION: &str = "missing-translation";
pub const INVALID_CONTACT: &str = "invalid-contact";
pub const TEXT_DIRECTION_CODEPOINT: &str = "text-direction-codepoint";
pub const SUBJECT_NOT_PROCESSED: &str = "subject-not-processed";
pub const INVALID_RULE_ID: &str = "invalid-rule-id";

pub const CODES: &[Code] = &[
    code!("syntax-error", Error, "the text is not valid vern syntax",
"## What it means
The parser could not read a declaration. The message says what it expected at that point. Only the broken
declaration is skipped: the parser starts again at the next line that begins a declaration.

## Example
```vern
purpose newsletter {
  uses email,
}
```

## Use instead
```vern
purpose newsletter {
  uses email
}
```
"),
    code!("invalid-literal", Error, "a date, duration or string is malformed",
"## What it means
A literal has the right shape but no meaning: a date such as `2018-02-30`, a string escape such as `\\q`.

## Example
```vern
policy \"Personvern\" {
  updated 2018-13-01
}
```

## Use instead
```vern
policy \"Personvern\" {
  updated 2018-12-01
}
```
"),
    code!("unknown-declaration-kind", Error, "a declaration starts with a word that is not a declaration kind",
"## What it means
Every top-level declaration starts with a kind: `policy`, `controller`, `data`, `subject`, `purpose`,
`recipient`, `cookie`, `rights`, or a vocabulary kind such as `basis` or `safeguard`.

## Example
```vern
purpse newsletter {
}
```

## Use instead
```vern
purpose newsletter {
}
```
"),
    code!("unknown-property", Error, "a property is not one this kind of declaration has",
"## What it means
Each declaration kind has a fixed set of properties (see docs/language.md). A misspelt or misplaced
property would otherwise be silently ignored, and a notice would leave out what the author meant to say.

## Example
```vern
controller shop {
  emial \"post@shop.example\"
}
```

## Use instead
```vern
controller shop {
  email \"post@shop.example\"
}
```
"),
    code!("duplicate-property", Error, "a property that takes one value is given twice",
"## What it means
Properties such as `name`, `country` or `updated` hold one value. Giving two leaves it unclear which one
the policy means.

## Example
```vern
controller shop {
  name \"Shop AS\"
  name \"Shop Norge AS\"
}
```

## Use instead
```vern
controller shop {
  name \"Shop Norge AS\"
}
```
"),
    code!("missing-name", Error, "a declaration that others refer to has no name",
"## What it means
Declarations such as `purpose` and `data` are referred to by name, so they need one.

## Example
```vern
purpose \"Nyhetsbrev\" {
}
```

## Use instead
```vern
purpose newsletter \"Nyhetsbrev\" {
}
```
"),
    code!("invalid-arguments", Error, "a property's arguments do not have the expected form",
"## What it means
The values after a property do not fit it: a string where a date is expected, a missing value, a stray
word. The message says what the property takes.

## Example
```vern
purpose orders {
  retain five years
}
```

## Use instead
```vern
purpose orders {
  retain 5y
}
```
"),
    code!("unknown-name", Error, "a name is not declared in the policy or the standard library",
"## What it means
A reference names nothing in scope. The help suggests a close name, or the standard-library module that
declares it and must be `use`d.

## Example
```vern
purpose newsletter {
  uses emial
}
```

## Use instead
```vern
purpose newsletter {
  uses email
}
```
"),
    code!("wrong-kind", Error, "a name refers to a declaration of the wrong kind",
"## What it means
The name exists, but it is of another kind than the place expects: a recipient where a data category is
expected, a purpose where a legal basis is expected.

## Example
```vern
recipient carrier {
  role processor
}
purpose orders {
  uses carrier
}
```

## Use instead
```vern
recipient carrier {
  role processor
  receives postal-address for orders
}
purpose orders {
  uses postal-address
}
```
"),
    code!("duplicate-declaration", Error, "two declarations have the same name",
"## What it means
Names are unique across a policy's files, whatever their kind. The message points at both.

## Example
```vern
data contact \"Kontaktinfo\"
purpose contact {
}
```

## Use instead
```vern
data contact \"Kontaktinfo\"
purpose customer-contact {
}
```
"),
    code!("unknown-module", Error, "`use` names a standard-library module that does not exist",
"## What it means
Standard-library modules are `std.gdpr`, `std.data`, `std.purposes`, `std.transfers`, `std.cookies`,
`std.vendors`, `std.terms`, and the national modules `std.no`, `std.se`, `std.dk`, `std.fi`, `std.de`,
`std.ie`.

## Example
```vern
use std.norway
```

## Use instead
```vern
use std.no
```
"),
    code!("file-not-found", Error, "`use` names a file that cannot be read",
"## What it means
A `use \"path\"` is resolved relative to the file it is in. The file must exist, be UTF-8, and lie inside
the project.

## Example
```vern
use \"vendor.vern\"   // the file is called vendors.vern
```

## Use instead
```vern
use \"vendors.vern\"
```
"),
    code!("import-cycle", Error, "files `use` each other in a cycle",
"## What it means
A file's declarations are merged into the policy once. A cycle of `use` is a mistake in the project's
structure: move the shared declarations into a file that both use.

## Example
```vern
// a.vern
use \"b.vern\"
// b.vern
use \"a.vern\"
```

## Use instead
```vern
// a.vern
use \"shared.vern\"
// b.vern
use \"shared.vern\"
```
"),
    code!("duplicate-policy", Error, "a policy has more than one `policy` declaration",
"## What it means
The `policy` declaration holds the notice's title, languages and date; a policy has exactly one.

## Example
```vern
policy \"Personvern\" {
}
policy \"Privacy\" {
}
```

## Use instead
```vern
policy \"Personvern\" {
  languages nb, en
}
```
"),
    code!("unknown-language", Warning, "a text is tagged with a language the policy does not declare",
"## What it means
Translations are written for the languages in `policy { languages ... }`. A text in another language is
never shown, which is usually a typo in the tag or a missing entry in `languages`.

## Example
```vern
policy \"Personvern\" {
  languages nb
}
purpose orders \"Ordre\" en \"Orders\" {
}
```

## Use instead
```vern
policy \"Personvern\" {
  languages nb, en
}
purpose orders \"Ordre\" en \"Orders\" {
}
```
"),
    code!("use-outside-workspace", Error, "`use` names a file outside the workspace",
"## What it means
Every file a policy uses must lie inside its workspace: the folder of the nearest `vern.toml`, or without
one the folder of the root policy. A path that climbs out of it (`use \"../../elsewhere.vern\"`), an
absolute path elsewhere (`use \"/etc/passwd\"`) or a symbolic link that leads out is refused before
anything is read: a policy must not depend on files the project does not hold, and a checked-out
repository must not make vern (in CI or in an editor) read, or print, arbitrary files.

## Example
```vern
use \"../../shared/vendors.vern\"
```

## Use instead
```vern
use \"shared/vendors.vern\"
```
"),
    code!("use-refused", Error, "`use` names something vern will not read as a source file",
"## What it means
A file a policy uses must be a regular UTF-8 text file no larger than the size limit (`--max-file-size`,
32 MiB by default). A device (`/dev/zero`), a FIFO, a socket, a folder, a binary file or a file that is
too large is refused before anything is read from it, and the message says which it is. The file's
content is never shown: a policy from an untrusted change must not make vern print what a file holds.

## Example
```vern
use \"/dev/zero\"
```

## Use instead
```vern
use \"shared/recipients.vern\"
```
"),
    code!("use-too-deep", Error, "files `use` each other more than 64 levels deep",
"## What it means
A chain of `use` longer than 64 files is almost certainly generated by mistake, and following it would
cost without bound. Flatten the structure: a policy file uses a few shared files directly.

## Example
```vern
// a0.vern uses a1.vern, which uses a2.vern, ... a70.vern
use \"a1.vern\"
```

## Use instead
```vern
use \"shared/recipients.vern\"
use \"shared/data.vern\"
```
"),
    code!("unknown-rule", Error, "a waiver names a rule that does not exist",
"## What it means
`waive RULE \"reason\"` accepts one rule's finding on one declaration. The rule id must be one that
`vern rules` lists.

## Example
```vern
purpose stats {
  waive retention-mising \"kept only as aggregates\"
}
```

## Use instead
```vern
purpose stats {
  waive retention-missing \"kept only as aggregates\"
}
```
"),
    code!("unused-waiver", Warning, "a waiver accepts a finding that does not occur",
"## What it means
A waiver whose rule does not fire on its declaration accepts nothing today, but would silently hide a
real finding tomorrow. Remove it.

## Example
```vern
purpose orders {
  retain 1y
  waive retention-missing \"kept one year\"
}
```

## Use instead
```vern
purpose orders {
  retain 1y
}
```
"),
    code!("missing-translation", Warning, "a text shown in a notice has no translation into the notice's language",
"## What it means
A notice is written in one language at a time (`vern notice --lang en`, and by `vern build` for each of
the policy's `languages`). A text of the policy shown in the notice (a label, a description, how consent
is collected or withdrawn, a legitimate interest, a consequence) that has no translation into that
language is shown in the language it has, marked with its tag, as `[nb] Nyhetsbrev`, and the notice
ends with a note saying that some texts were not translated. The notice is still written. `vern check`
reports the same finding as `vern build`: one per language the policy declares, counting the texts,
located at the first and showing the next few. Texts that need no translation are never counted: postal
addresses, the name a cookie is listed under, a recipient called by its product's name; legal names,
e-mails, web addresses and numbers are plain strings and are not texts at all.

## Example
```vern
policy \"Personvernerklæring\" en \"Privacy notice\" {
  languages nb, en
}
purpose newsletter \"Nyhetsbrev\" {
}
```

## Use instead
```vern
policy \"Personvernerklæring\" en \"Privacy notice\" {
  languages nb, en
}
purpose newsletter \"Nyhetsbrev\" en \"Newsletter\" {
}
```
"),
    code!("invalid-contact", Error, "an e-mail address, web address or phone number cannot be used",
"## What it means
Contact details become links in the notice and are how a reader exercises their rights. A value that no
reader can use is refused and left out: an e-mail address that is not one (or starts with `mailto:`), a
web address that is not `https://` or `http://` (`javascript:`, `data:` and addresses without a scheme
among them), a phone number with letters or too few digits.

## Example
```vern
controller shop {
  name \"Butikk AS\"
  email \"javascript:alert(1)\"
  web \"www.butikk.example\"
}
```

## Use instead
```vern
controller shop {
  name \"Butikk AS\"
  email \"personvern@butikk.example\"
  web \"https://www.butikk.example/personvern\"
}
```
"),
    code!("text-direction-codepoint", Error, "a bidirectional control character in the source",
"## What it means
Unicode bidirectional controls (U+202A to U+202E, U+2066 to U+2069) reorder how text is displayed. In a
string they would pass into `policy.json` and every notice, so that the published text reads differently
from what reviewers saw; in a comment they can hide code (the \"Trojan Source\" attack, CVE-2021-42574).
vern refuses them, as rustc's lint of the same name does. Write right-to-left text without overrides:
the notice's HTML sets the direction.

## Example
The character is invisible here: `\"Kunde\\u{202E}remmus\"` written with a raw U+202E.

## Use instead
```vern
data customer \"Kunde\" {
}
```
"),
    code!("subject-not-processed", Error, "a `for SUBJECT` scope names a group whose data is not processed there",
"## What it means
A scope limits a right or a use of data to some groups of data subjects: `access for pupils` in the
`rights` block grants the right to pupils, `uses education for pupils` in a purpose collects it about
pupils only. The group must be one the policy processes: a data use can only be scoped to a subject
the purpose is `about` (or a group that refines one), and a right only to a subject some purpose is
`about`. Otherwise the scope says nothing true about anyone.

## Example
```vern
subject pupil \"Elev\"
subject teacher \"Lærer\"

purpose teaching {
  uses name, education for pupil
  about teacher
}
```

## Use instead
```vern
subject pupil \"Elev\"
subject teacher \"Lærer\"

purpose teaching {
  uses name
  uses education for pupil
  about pupil, teacher
}
```
"),
    code!("invalid-rule-id", Error, "an organisation rule's id is not kebab-case, or is a built-in rule's",
"## What it means
An organisation rule (`forbid ID`, `require ID`) is configured in `vern.toml` and waived by its id, like
a built-in rule, so the id must be kebab-case (lower-case words joined by hyphens) and must not be the id
of a built-in rule, a rule group or a compiler code. The rule is not evaluated until its id is fixed.

## Example
```vern
forbid retention-missing \"every purpose keeps data for a stated time\" {
  purpose targeted-ads
}
```

## Use instead
```vern
forbid no-targeted-ads \"we do not run targeted advertising\" {
  purpose targeted-ads
}
```
"),
];

pub fn lookup(id: &str) -> Option<&'static Code> {
    CODES.iter().find(|c| c.id == id)
}
