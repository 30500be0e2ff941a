//! The one door from the text layer (`dateline-text`) into this crate: an article's countable
//! segments and their word tokens with sentence starts, case and byte spans in the decoded file.

use dateline_model::Article;
use dateline_text::tokenize::case;
use dateline_text::{Case, SegmentKind, segments, tokens};

/// One word of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// The surface text; for an abbreviation with dots inside (`U.S`), the final stop the
    /// tokenizer leaves out is put back (`U.S.`), because that is how the name is written.
    pub(crate) text: &'a str,
    /// Byte offsets in the segment's text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) sentence_start: bool,
    pub(crate) capitalised: bool,
    /// Every cased letter upper case, two or more of them (`NATO`, `U.S.`).
    pub(crate) upper: bool,
}

/// A title, heading or paragraph with its words.
#[derive(Debug, Clone)]
pub(crate) struct Segment<'a> {
    pub(crate) text: &'a str,
    /// Byte offset of `text` in the decoded file.
    pub(crate) offset: usize,
    /// The paragraph's index among the article's paragraphs; `None` for titles and headings.
    pub(crate) paragraph: Option<usize>,
    /// A title or heading, whose capitals may be the headline's style rather than names.
    pub(crate) headline: bool,
    pub(crate) words: Vec<Word<'a>>,
}

/// The countable segments of `article` in reading order, each with its words.
pub(crate) fn read(article: &Article) -> Vec<Segment<'_>> {
    segments(article)
        .map(|segment| {
            let text = segment.text;
            let words = tokens(text)
                .map(|token| {
                    let mut end = token.end;
                    if token.text.contains('.') && text.as_bytes().get(end) == Some(&b'.') {
                        end += 1;
                    }
                    let word_case = case(token.text);
                    Word {
                        text: &text[token.start..end],
                        start: token.start,
                        end,
                        sentence_start: token.sentence_start,
                        capitalised: matches!(word_case, Case::Title | Case::Upper)
                            || (word_case == Case::Mixed && token.text.contains('-')),
                        upper: word_case == Case::Upper,
                    }
                })
                .collect();
            Segment {
                text,
                offset: segment.offset,
                paragraph: segment.paragraph,
                headline: segment.kind != SegmentKind::Paragraph,
                words,
            }
        })
        .collect()
}

/// Whether `word` is an English stopword (compared in lower case).
pub(crate) fn is_stopword(word: &str) -> bool {
    let lower = word.to_lowercase();
    dateline_text::ENGLISH_STOPWORDS.binary_search(&lower.as_str()).is_ok()
}

/// Whether `word` is a role noun of the shipped list (`minister`, `spokesman`).
pub(crate) fn is_role(word: &str) -> bool {
    crate::gazetteer::GAZETTEER.roles.contains_key(word)
}
