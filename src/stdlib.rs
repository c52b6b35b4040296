//! The standard library: vern source files under `stdlib/`, compiled into the binary.
//!
//! The legal facts the checker relies on (validity intervals, statute periods, authorities, the
//! rights-by-basis matrix) live in those files, with their sources, and nowhere in Rust.

pub struct Module {
    /// `std.no`
    pub name: &'static str,
    /// The file under `stdlib/`: `no.vern`, `registry/vendors.vern`.
    pub file: &'static str,
    pub source: &'static str,
    /// Prelude modules are in scope in every file; the others must be `use`d.
    pub prelude: bool,
}

impl Module {
    /// The name shown in diagnostics: `<stdlib/no.vern>`.
    pub fn display_path(&self) -> String {
        format!("<stdlib/{}.vern>", self.stem())
    }
    /// The file's path under `stdlib/` without `.vern`: `no`, `registry/vendors`.
    pub fn stem(&self) -> &'static str {
        self.file.trim_end_matches(".vern")
    }
}

macro_rules! module {
    ($name:literal, $file:literal, $prelude:literal) => {
        Module {
            name: $name,
            file: $file,
            source: include_str!(concat!("../stdlib/", $file)),
            prelude: $prelude,
        }
    };
}

pub const MODULES: &[Module] = &[
    module!("std.gdpr", "gdpr.vern", true),
    module!("std.data", "data.vern", true),
    module!("std.purposes", "purposes.vern", true),
    module!("std.transfers", "transfers.vern", true),
    module!("std.cookies", "cookies.vern", true),
    module!("std.vendors", "vendors.vern", true),
    module!("std.terms", "terms.vern", true),
    module!("std.no", "no.vern", false),
    module!("std.se", "se.vern", false),
    module!("std.dk", "dk.vern", false),
    module!("std.fi", "fi.vern", false),
    module!("std.de", "de.vern", false),
    module!("std.ie", "ie.vern", false),
    module!("std.uk", "uk.vern", false),
];

pub fn module(name: &str) -> Option<&'static Module> {
    MODULES.iter().find(|m| m.name == name)
}

/// The cookie registry (`stdlib/registry/cookies.vern`, generated from the Open Cookie Database). Not a
/// module: its 2,000-odd declarations are not in scope in a policy; `sema::registry` indexes the text and
/// parses only the entries a policy's cookies name, so a check does not pay for the rest.
pub const REGISTRY_COOKIES: &str = include_str!("../stdlib/registry/cookies.vern");

/// How the cookie registry is shown in messages.
pub const REGISTRY_COOKIES_PATH: &str = "<stdlib/registry/cookies.vern>";

/// The vendor registry (`stdlib/registry/vendors.vern`, generated from data/vendors.toml). Its names are
/// in scope in every policy (module `std.registry`), but a declaration is parsed and lowered only when a
/// policy refers to it (`resolve::std_lib` indexes the names; `resolve_policy` lowers what is used), so
/// a check does not pay for the 200-odd vendors it does not name.
pub const REGISTRY_VENDORS: &str = include_str!("../stdlib/registry/vendors.vern");

/// The module name of the vendor registry, and how it is shown in messages.
pub const REGISTRY_VENDORS_MODULE: &str = "std.registry";
pub const REGISTRY_VENDORS_PATH: &str = "<stdlib/registry/vendors.vern>";
