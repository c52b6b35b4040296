//! stub
use super::Cx;
pub fn render(_cx: &Cx) -> Result<String, String> {
    Err("not yet".into())
}
