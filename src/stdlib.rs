//! The standard library: vern source files under `stdlib/`, compiled into the binary.
//!
//! The legal facts the checker relies on (validity intervals, statute periods, authorities, the
//! rights-by-basis matrix) live in those files, with their sources, and nowhere in Rust.

pub struct Module {
    /// `std.no`
    pub name: &'static str,
    pub source: &'static str,
    /// Prelude modules are in scope in every file; the others must be `use`d.
    pub prelude: bool,
}

impl Module {
    /// The name shown in diagnostics: `<stdlib/no.vern>`.
    pub fn display_path(&self) -> String {
        format!("<stdlib/{}.vern>", self.stem())
    }
    pub fn stem(&self) -> &'static str {
        self.name.trim_start_matches("std.")
    }
}

macro_rules! module {
    ($name:literal, $file:literal, $prelude:literal) => {
        Module {
            name: $name,
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
