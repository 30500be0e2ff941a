//! scikit-learn's default analyzer: lower-cased text, tokens that are runs of two or more
//! Python `\w` characters.
//!
//! Python's `\w` is not Rust's [`char::is_alphanumeric`]: it takes letters and characters with
//! a numeric value but no combining marks, so a decomposed `é` (`e` + U+0301) or a Devanagari
//! vowel sign ends a token in scikit-learn, and here. [`is_python_word_char`] looks characters
//! up in a table generated from Python 3.11 (Unicode 14.0) by `python_word_table.py`.

mod python_word;

use dateline_model::Article;

use self::python_word::PYTHON_WORD_RANGES;
use crate::segments::segments;

/// Whether Python's `re` matches `c` with `\w` (a str pattern): `str.isalnum()` or `_`.
///
/// Letters and characters with a numeric value (`é`, `ß`, `²`, `½`, `٣`), but not combining
/// marks (U+0301, Devanagari vowel signs) nor circled letters, which Rust's
/// [`char::is_alphanumeric`] counts. Characters assigned after the Unicode version of
/// the generated table (Python 3.11, Unicode 14.0) are not word characters.
#[must_use]
pub fn is_python_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let code = u32::from(c);
    let ranges = PYTHON_WORD_RANGES;
    let after = ranges.partition_point(|&(start, _)| start <= code);
    after > 0 && code <= ranges[after - 1].1
}

/// The tokens scikit-learn's default `token_pattern`, `(?u)\b\w\w+\b`, finds in `text`: each
/// maximal run of two or more Python `\w` characters ([`is_python_word_char`]), in order.
/// Like scikit-learn's `build_tokenizer()`, this does not lower-case; its analyzer lower-cases
/// the text first ([`Analyzer::Sklearn`](crate::Analyzer::Sklearn)).
///
/// ```
/// use dateline_text::sklearn::sklearn_tokens;
///
/// let tokens: Vec<&str> = sklearn_tokens("Iran’s “North-South” plan: 2.4 bn, U.S. talks_2").collect();
/// assert_eq!(tokens, ["Iran", "North", "South", "plan", "bn", "talks_2"]);
/// ```
pub fn sklearn_tokens(text: &str) -> SklearnTokens<'_> {
    SklearnTokens { text, pos: 0 }
}

/// Iterator over scikit-learn's tokens of a text; see [`sklearn_tokens`].
#[derive(Debug, Clone)]
pub struct SklearnTokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> SklearnTokens<'a> {
    /// The tokens of `text` from byte `at` on (a character boundary, after a token).
    pub(crate) const fn at(text: &'a str, at: usize) -> Self {
        Self { text, pos: at }
    }

    /// Where the next token is looked for.
    pub(crate) const fn position(&self) -> usize {
        self.pos
    }

    /// The byte range of the next token in the text.
    pub(crate) fn next_range(&mut self) -> Option<(usize, usize)> {
        let rest = self.text.get(self.pos..)?;
        let base = self.pos;
        let mut run: Option<(usize, usize)> = None;
        for (at, c) in rest.char_indices() {
            if is_python_word_char(c) {
                let (_, chars) = run.get_or_insert((at, 0));
                *chars += 1;
            } else if let Some((start, chars)) = run.take()
                && chars >= 2
            {
                self.pos += at + c.len_utf8();
                return Some((base + start, base + at));
            }
        }
        self.pos = self.text.len();
        match run {
            Some((start, chars)) if chars >= 2 => Some((base + start, self.text.len())),
            _ => None,
        }
    }
}

impl<'a> Iterator for SklearnTokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.text;
        self.next_range().map(|(start, end)| &text[start..end])
    }
}

/// Lower-cases `text` into `out` as Python's `str.lower()` does (full Unicode lower case,
/// final sigma included); returns whether byte offsets are unchanged (ASCII text).
///
/// Lower-casing a segment alone gives what lower-casing the joined text gives: the final
/// sigma rule looks no further than the next character that is neither cased nor
/// case-ignorable, and the `\n` between segments is one.
pub(crate) fn lower_into(text: &str, out: &mut String) -> bool {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        true
    } else {
        // `str::to_lowercase` is the one that knows final sigma; one allocation per segment
        // that is not ASCII.
        out.push_str(&text.to_lowercase());
        false
    }
}

/// Walks a text and its lower case together, to map a range of the lower case back to the
/// characters of the text it came from. Ranges must come in order.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LowerCursor {
    /// A character boundary of the text, and where its lower case starts.
    original: usize,
    lower: usize,
}

impl LowerCursor {
    /// The range of `text` whose characters lower-case to cover `start..end` of its lower
    /// case: the characters holding the first and last byte, whole. Characters whose lower
    /// case is longer (`İ` is `i̇`) may hold a token boundary; the range then takes all of them.
    pub(crate) fn original_range(&mut self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let lower_len = |c: char| c.to_lowercase().map(char::len_utf8).sum::<usize>();
        let mut chars = text.get(self.original..).unwrap_or("").chars();
        // Up to the character whose lower case holds `start`.
        for c in chars.by_ref() {
            let next = self.lower + lower_len(c);
            if next > start {
                break;
            }
            self.original += c.len_utf8();
            self.lower = next;
        }
        let from = self.original;
        let (mut original, mut lower) = (self.original, self.lower);
        for c in text.get(from..).unwrap_or("").chars() {
            if lower >= end {
                break;
            }
            original += c.len_utf8();
            lower += lower_len(c);
        }
        (from, original)
    }
}

/// The text of `article` as given to scikit-learn: its countable [`segments()`](crate::segments()) (title,
/// headings, paragraphs) joined with `\n`. Never the date line, the dateline or furniture.
#[must_use]
pub fn sklearn_text(article: &Article) -> String {
    let mut text = String::new();
    join_segments(article, &mut text);
    text
}

fn join_segments(article: &Article, out: &mut String) {
    out.clear();
    for (i, segment) in segments(article).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(segment.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sk(text: &str) -> Vec<&str> {
        sklearn_tokens(text).collect()
    }

    #[test]
    fn sklearn_tokens_are_runs_of_two_or_more_python_word_characters() {
        assert_eq!(
            sk("Iran’s ‘deal’ “North-South” Rasht-Astara"),
            ["Iran", "deal", "North", "South", "Rasht", "Astara"]
        );
        assert_eq!(sk("Russia's U.S. a I 2.4 100 1,000 x"), ["Russia", "100", "000"]);
        assert_eq!(sk("snake_case _x __ —dash— end…"), ["snake_case", "_x", "__", "dash", "end"]);
        assert_eq!(sk(""), Vec::<&str>::new());
        assert_eq!(sk("ab"), ["ab"]);
    }

    #[test]
    fn python_word_characters_exclude_combining_marks() {
        for c in ['a', 'Z', '0', '_', 'é', 'ß', 'ж', 'ع', '中', '²', '½', '٣', 'ª'] {
            assert!(is_python_word_char(c), "{c:?} is \\w in Python");
        }
        // Combining acute, Devanagari vowel sign aa, circled A, apostrophes, hyphens, NBSP.
        for c in ['\u{301}', '\u{93E}', 'Ⓐ', '\'', '’', '-', '‐', '\u{a0}', '.', '€'] {
            assert!(!is_python_word_char(c), "{c:?} is not \\w in Python");
        }
        // So a decomposed é splits a token, as it does in scikit-learn.
        assert_eq!(sk("cafe\u{301}s café"), ["cafe", "café"]);
        assert_eq!(sk("नमस्ते"), ["नमस"]);
    }

    #[test]
    fn lower_case_ranges_map_back_to_whole_characters() {
        let text = "xİy ΟΔΟΣ ok";
        let mut lower = String::new();
        assert!(!lower_into(text, &mut lower));
        assert_eq!(lower, "xi̇y οδος ok");
        let mut cursor = LowerCursor::default();
        let ranges: Vec<&str> = sklearn_tokens(&lower)
            .map(|token| {
                let start = lower.len() - lower[lower.find(token).unwrap_or(0)..].len();
                let (from, to) = cursor.original_range(text, start, start + token.len());
                &text[from..to]
            })
            .collect();
        // `i̇` ends at the combining dot, which is no word character: the token `xi` is `xİ`.
        assert_eq!(ranges, ["xİ", "ΟΔΟΣ", "ok"]);
    }
}
