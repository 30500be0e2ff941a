//! Lines of decoded text, and turning byte offsets into line and column numbers.

use memchr::{memchr, memchr_iter, memrchr};

/// A line of text without its `\n`, as byte offsets into the whole text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Walks the lines of `text` forwards from a byte offset. Cheap to copy, for look-ahead.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lines<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

impl<'a> Lines<'a> {
    /// The lines from `pos` (a line start) up to `end` (a line start or the end of text).
    pub(crate) fn new(text: &'a str, pos: usize, end: usize) -> Self {
        Self { text, pos, end }
    }

    /// The offset of the next line's start.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        if self.pos >= self.end {
            return None;
        }
        let bytes = &self.text.as_bytes()[self.pos..self.end];
        let start = self.pos;
        match memchr(b'\n', bytes) {
            Some(i) => {
                self.pos = start + i + 1;
                Some(Line { start, end: start + i })
            }
            None => {
                self.pos = self.end;
                Some(Line { start, end: self.end })
            }
        }
    }
}

/// The line that ends just before `end` (exclusive of a `\n` at `end`), scanning backwards.
pub(crate) fn line_before(text: &str, end: usize) -> Line {
    let start = memrchr(b'\n', &text.as_bytes()[..end]).map_or(0, |i| i + 1);
    Line { start, end }
}

/// Maps byte offsets to 1-based line and column numbers; the column counts characters.
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { text, starts }
    }

    /// The line and column of byte `offset`; offsets past the end point just past the end.
    pub(crate) fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count()) + 1;
        (line, column)
    }

    /// The text of 1-based line `line`, without its `\n`.
    pub(crate) fn line_text(&self, line: usize) -> &'a str {
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(self.text.len());
        let end = self.starts.get(line).map_or(self.text.len(), |next| next - 1);
        self.text.get(start..end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_on_newline_only() {
        let text = "a\n\nbc\n";
        let lines: Vec<_> = Lines::new(text, 0, text.len()).map(|l| &text[l.start..l.end]).collect();
        assert_eq!(lines, ["a", "", "bc"]);
    }

    #[test]
    fn columns_count_characters() {
        let index = LineIndex::new("ab\n–x\n");
        assert_eq!(index.locate(0), (1, 1));
        assert_eq!(index.locate(3), (2, 1));
        assert_eq!(index.locate(6), (2, 2));
        assert_eq!(index.locate(99), (3, 1));
        assert_eq!(index.line_text(2), "–x");
    }
}
