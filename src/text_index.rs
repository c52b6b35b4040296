//! Byte offsets to lines and columns. Columns are counted in characters for people and JSON, and in
//! UTF-16 code units for the language server.

/// The line index of a source file, computed once per text and shared by every output (JSON, SARIF,
/// GitHub annotations, the language server): a file with many findings is indexed once, not once per
/// finding.
#[salsa::tracked(returns(ref))]
pub fn line_index(db: &dyn crate::db::Db, file: crate::db::SourceFile) -> LineIndex {
    LineIndex::new(file.text(db))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 0-based line holding `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// 0-based line and character column of `offset` (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line(offset);
        let start = self.starts[line];
        (line, text[start..offset].chars().count())
    }

    /// 0-based line and UTF-16 column of `offset`.
    pub fn line_utf16(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line(offset);
        let start = self.starts[line];
        (line, text[start..offset].encode_utf16().count())
    }

    /// The byte offset of a 0-based line and UTF-16 column, clamped to the line's end.
    pub fn offset_utf16(&self, text: &str, line: usize, col: usize) -> usize {
        let Some(start) = self.line_start(line) else {
            return text.len();
        };
        let end = self
            .line_start(line + 1)
            .map_or(text.len(), |e| e - 1)
            .max(start);
        let mut units = 0;
        for (i, ch) in text[start..end].char_indices() {
            if units >= col {
                return start + i;
            }
            units += ch.len_utf16();
        }
        end
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_utf16_units() {
        let text = "ab\nÆø😀x\n";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap_or_default();
        assert_eq!(idx.line_col(text, x), (1, 3));
        assert_eq!(idx.line_utf16(text, x), (1, 4));
        assert_eq!(idx.offset_utf16(text, 1, 4), x);
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let text = "a\nb";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 99), (1, 1));
        assert_eq!(idx.offset_utf16(text, 7, 0), text.len());
    }
}
