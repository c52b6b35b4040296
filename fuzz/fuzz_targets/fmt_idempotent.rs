//! Formatting is idempotent: whatever the formatter accepts, formatting its output changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(once) = vern::fmt::format(text) else { return };
    let twice = vern::fmt::format(&once).expect("formatted text formats again");
    assert_eq!(once, twice);
});
