//! From a token's surface to the term that is counted: case folding, curly apostrophes,
//! possessive `'s`, stopwords, numbers, optional stemming.

use std::collections::HashSet;

use rust_stemmers::{Algorithm, Stemmer};

use crate::tokenize::{Token, TokenKind};
use crate::vocab::Vocabulary;

/// The built-in English stopword list: function words (articles, pronouns, auxiliaries,
/// prepositions, conjunctions) and a few reporting fillers of news copy (`said`, `also`).
/// Compared after case folding.
pub const ENGLISH_STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Which words are left out of counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Stopwords {
    /// [`ENGLISH_STOPWORDS`].
    #[default]
    English,
    /// Keep every word.
    None,
    /// These words (case-folded when the set is made).
    Custom(HashSet<String>),
}

impl Stopwords {
    /// A custom list from lines of text: one word per line, `#` starts a comment.
    #[must_use]
    pub fn from_lines(text: &str) -> Self {
        Self::Custom(
            text.lines()
                .map(|line| line.split('#').next().unwrap_or("").trim().to_lowercase())
                .filter(|word| !word.is_empty())
                .collect(),
        )
    }

    fn contains(&self, term: &str) -> bool {
        match self {
            Self::English => ENGLISH_STOPWORDS.binary_search(&term).is_ok(),
            Self::None => false,
            Self::Custom(words) => words.contains(term),
        }
    }
}

/// How tokens become terms.
#[derive(Clone, Default)]
pub struct TermOptions {
    stopwords: Stopwords,
    numbers: bool,
    stemmer: Option<std::sync::Arc<Stemmer>>,
}

impl std::fmt::Debug for TermOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TermOptions")
            .field("stopwords", &self.stopwords)
            .field("numbers", &self.numbers)
            .field("stem", &self.stemmer.is_some())
            .finish()
    }
}

impl TermOptions {
    /// English stopwords left out, numbers kept, no stemming.
    #[must_use]
    pub fn new() -> Self {
        Self { stopwords: Stopwords::English, numbers: true, stemmer: None }
    }

    /// Which stopwords to leave out.
    #[must_use]
    pub fn stopwords(mut self, stopwords: Stopwords) -> Self {
        self.stopwords = stopwords;
        self
    }

    /// Whether number tokens (`100`, `2.4`) count as terms.
    #[must_use]
    pub const fn numbers(mut self, keep: bool) -> Self {
        self.numbers = keep;
        self
    }

    /// Whether terms are reduced to their English Snowball stem (`talks` → `talk`).
    #[must_use]
    pub fn stem(mut self, stem: bool) -> Self {
        self.stemmer = stem.then(|| std::sync::Arc::new(Stemmer::create(Algorithm::English)));
        self
    }

    /// The term for `token`, written into `buf`, or `None` when the token is not counted.
    /// `buf` is reused across calls so that counting allocates nothing per token.
    pub fn term<'b>(&self, token: &Token<'_>, buf: &'b mut String) -> Option<&'b str> {
        fold(token.text, buf);
        let stem = match self.term_of_folded(buf, token.kind)? {
            std::borrow::Cow::Borrowed(_) => None,
            std::borrow::Cow::Owned(stem) => Some(stem),
        };
        // Only a stem is a new string (the stemmer makes it); otherwise `buf` is the term.
        if let Some(stem) = stem {
            *buf = stem;
        }
        Some(buf.as_str())
    }

    /// The term for a token already folded with [`fold`], or `None` when it is not counted.
    /// The answer depends only on the folded form, so counters ask once per distinct form.
    #[must_use]
    pub fn term_of_folded<'f>(&self, folded: &'f str, kind: TokenKind) -> Option<std::borrow::Cow<'f, str>> {
        if kind == TokenKind::Number && !self.numbers || self.stopwords.contains(folded) {
            return None;
        }
        Some(match &self.stemmer {
            Some(stemmer) => std::borrow::Cow::Owned(stemmer.stem(folded).into_owned()),
            None => std::borrow::Cow::Borrowed(folded),
        })
    }
}

/// Remembers what each distinct surface form of a token stands for, so that folding and
/// deciding it (stopwords, numbers, stems, interning, spelling) happen once per form, not once
/// per token. Keyed by the text as written, a token costs one hash lookup.
#[derive(Debug, Clone)]
pub(crate) struct FormCache<T> {
    forms: Vocabulary,
    values: Vec<T>,
    buf: String,
}

impl<T: Copy> FormCache<T> {
    pub(crate) fn new() -> Self {
        Self { forms: Vocabulary::default(), values: Vec::new(), buf: String::new() }
    }

    /// What `token` stands for: `decide(folded form, kind)` the first time its form is seen.
    #[inline]
    pub(crate) fn get(&mut self, token: &Token<'_>, decide: impl FnOnce(&str, TokenKind) -> T) -> T {
        let form = self.forms.intern(token.text);
        if form as usize == self.values.len() {
            fold(token.text, &mut self.buf);
            let value = decide(&self.buf, token.kind);
            self.values.push(value);
        }
        self.values[form as usize]
    }
}

/// Case-folds `surface` into `buf`, with `’` as `'` and a possessive `'s` taken off.
pub fn fold(surface: &str, buf: &mut String) {
    buf.clear();
    if surface.is_ascii() {
        buf.push_str(surface);
        buf.make_ascii_lowercase();
    } else {
        for c in surface.chars() {
            match c {
                '’' | '‘' | 'ʼ' => buf.push('\''),
                c => buf.extend(c.to_lowercase()),
            }
        }
    }
    if buf.len() > 2 && buf.ends_with("'s") {
        buf.truncate(buf.len() - 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokens;

    fn terms(options: &TermOptions, text: &str) -> Vec<String> {
        let mut buf = String::new();
        tokens(text).filter_map(|t| options.term(&t, &mut buf).map(str::to_owned)).collect()
    }

    #[test]
    fn the_stopword_list_is_sorted_for_binary_search() {
        assert!(ENGLISH_STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn possessives_come_off_and_case_folds() {
        assert_eq!(
            terms(&TermOptions::new(), "Iran’s INSTC and Russia's Lavrov"),
            ["iran", "instc", "russia", "lavrov"]
        );
    }

    #[test]
    fn numbers_and_stopwords_are_options() {
        let text = "The 100 trucks";
        assert_eq!(terms(&TermOptions::new(), text), ["100", "trucks"]);
        assert_eq!(terms(&TermOptions::new().numbers(false), text), ["trucks"]);
        assert_eq!(terms(&TermOptions::new().stopwords(Stopwords::None), text), ["the", "100", "trucks"]);
        let custom = Stopwords::from_lines("# mine\nTrucks\n");
        assert_eq!(terms(&TermOptions::new().stopwords(custom), text), ["the", "100"]);
    }

    #[test]
    fn stemming_is_snowball_english() {
        assert_eq!(terms(&TermOptions::new().stem(true), "talks discussed cooperation"), ["talk", "discuss", "cooper"]);
    }
}
