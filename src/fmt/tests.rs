use super::format;

fn fmt(text: &str) -> String {
    match format(text) {
        Ok(out) => out,
        Err(e) => panic!("format failed: {e}\n--- input ---\n{text}"),
    }
}

#[test]
fn smoke() {
    assert_eq!(fmt("data a \"A\"\n"), "data a \"A\"\n");
}
