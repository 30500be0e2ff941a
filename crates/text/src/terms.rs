//! From a token's surface to the term that is counted: case folding, curly apostrophes,
//! possessive `'s`, stopwords, numbers, optional stemming; and which tokenizer reads the text.

use std::borrow::Cow;
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};

use crate::sklearn::sklearn_tokens;
use crate::stopwords::Stopwords;
use crate::stream::TermReader;
use crate::tokenize::{Token, TokenKind, kind_of, tokens};

/// How text is cut into tokens and folded before the options decide what is a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Analyzer {
    /// News-aware words ([`tokens`]): hyphenated names whole, numbers with their decimal
    /// point, sentences; each token case-folded by [`fold`] (possessive `'s` off).
    #[default]
    News,
    /// scikit-learn's default analyzer: each segment lower-cased as Python's `str.lower()`
    /// does, then runs of two or more Python `\w` characters ([`sklearn_tokens`]). It knows no
    /// sentences.
    Sklearn,
}

/// How tokens become terms. Counts keep the options they were made with, so every later
/// statistic reads the text the same way.
#[derive(Clone)]
pub struct TermOptions {
    analyzer: Analyzer,
    stopwords: Stopwords,
    numbers: bool,
    stemmer: Option<Arc<Stemmer>>,
}

impl std::fmt::Debug for TermOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TermOptions")
            .field("analyzer", &self.analyzer)
            .field("stopwords", &self.stopwords)
            .field("numbers", &self.numbers)
            .field("stem", &self.stemmer.is_some())
            .finish()
    }
}

/// Options are equal when they make the same terms of the same text (a stemmer is a stemmer).
impl PartialEq for TermOptions {
    fn eq(&self, other: &Self) -> bool {
        self.same_terms(other) && self.stopwords == other.stopwords && self.numbers == other.numbers
    }
}

impl Eq for TermOptions {}

impl Default for TermOptions {
    /// [`TermOptions::new`].
    fn default() -> Self {
        Self::new()
    }
}

impl TermOptions {
    /// News-aware tokens, English stopwords left out, numbers kept, no stemming.
    #[must_use]
    pub fn new() -> Self {
        Self { analyzer: Analyzer::News, stopwords: Stopwords::English, numbers: true, stemmer: None }
    }

    /// scikit-learn's `CountVectorizer()` defaults: its tokens ([`Analyzer::Sklearn`]), no
    /// stopwords, numbers kept, no stemming.
    #[must_use]
    pub fn sklearn() -> Self {
        Self { analyzer: Analyzer::Sklearn, stopwords: Stopwords::None, numbers: true, stemmer: None }
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
        self.stemmer = stem.then(|| Arc::new(Stemmer::create(Algorithm::English)));
        self
    }

    /// The tokenizer.
    #[must_use]
    pub const fn analyzer(&self) -> Analyzer {
        self.analyzer
    }

    /// The stopwords left out.
    #[must_use]
    pub const fn stopword_list(&self) -> &Stopwords {
        &self.stopwords
    }

    /// Whether terms are stemmed.
    #[must_use]
    pub const fn stems(&self) -> bool {
        self.stemmer.is_some()
    }

    /// Whether a word becomes the same term under both options (same tokenizer, same
    /// stemming), whatever each leaves out: counts made with either can be looked up by the
    /// other's terms.
    #[must_use]
    pub fn same_terms(&self, other: &Self) -> bool {
        self.analyzer == other.analyzer && self.stems() == other.stems()
    }

    /// A [`TermReader`] with these options: the term stream every counter reads.
    #[must_use]
    pub fn reader(&self) -> TermReader<'_> {
        TermReader::new(self)
    }

    /// The term for `token` (from [`tokens`]), written into `buf`, or `None` when the token
    /// is not counted. `buf` is reused across calls so that this allocates nothing per token.
    pub fn term<'b>(&self, token: &Token<'_>, buf: &'b mut String) -> Option<&'b str> {
        fold(token.text, buf);
        let stem = match self.term_of_folded(buf, token.kind)? {
            Cow::Borrowed(_) => None,
            Cow::Owned(stem) => Some(stem),
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
    pub fn term_of_folded<'f>(&self, folded: &'f str, kind: TokenKind) -> Option<Cow<'f, str>> {
        match self.classify(folded, kind)? {
            (term, false) => Some(term),
            (_, true) => None,
        }
    }

    /// The term of a folded token and whether it is a stopword, or `None` for a number the
    /// options leave out. A stopword's term is made as any other's (stemmed too), for counters
    /// that keep stopwords inside n-grams.
    pub(crate) fn classify<'f>(&self, folded: &'f str, kind: TokenKind) -> Option<(Cow<'f, str>, bool)> {
        if kind == TokenKind::Number && !self.numbers {
            return None;
        }
        let stopword = self.stopwords.contains(folded);
        let term = match &self.stemmer {
            Some(stemmer) => Cow::Owned(stemmer.stem(folded).into_owned()),
            None => Cow::Borrowed(folded),
        };
        Some((term, stopword))
    }

    /// The counted term `word` stands for (folded, stemmed if these options stem), or `None`
    /// when it is not exactly one token or is not counted (a stopword, a left-out number).
    ///
    /// ```
    /// use dateline_text::{Stopwords, TermOptions};
    ///
    /// let options = TermOptions::new().stem(true);
    /// assert_eq!(options.term_of_word(" Talks ").as_deref(), Some("talk"));
    /// assert_eq!(options.term_of_word("the"), None);
    /// assert_eq!(options.term_of_word("Iran’s"), Some("iran".into()));
    /// assert_eq!(options.term_of_word("two words"), None);
    /// assert_eq!(TermOptions::sklearn().term_of_word("U.S"), None, "one letter is no sklearn token");
    /// ```
    #[must_use]
    pub fn term_of_word(&self, word: &str) -> Option<String> {
        let mut folded = String::new();
        let kind = match self.analyzer {
            Analyzer::News => {
                let mut words = tokens(word);
                let (Some(token), None) = (words.next(), words.next()) else { return None };
                fold(token.text, &mut folded);
                token.kind
            }
            Analyzer::Sklearn => {
                let lower = word.to_lowercase();
                let mut words = sklearn_tokens(&lower);
                let (Some(token), None) = (words.next(), words.next()) else { return None };
                folded.push_str(token);
                kind_of(token)
            }
        };
        self.term_of_folded(&folded, kind).map(Cow::into_owned)
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

    fn terms(options: &TermOptions, text: &str) -> Vec<String> {
        let mut buf = String::new();
        tokens(text).filter_map(|t| options.term(&t, &mut buf).map(str::to_owned)).collect()
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

    #[test]
    fn stopwords_are_classified_with_their_stem_and_numbers_left_out_are_not_terms() {
        let options = TermOptions::new().stem(true).numbers(false);
        assert_eq!(options.classify("having", TokenKind::Word), Some((Cow::Owned("have".into()), true)));
        assert_eq!(options.classify("talks", TokenKind::Word), Some((Cow::Owned("talk".into()), false)));
        assert_eq!(options.classify("100", TokenKind::Number), None);
    }

    #[test]
    fn options_compare_by_the_terms_they_make() {
        assert_eq!(TermOptions::new().stem(true), TermOptions::new().stem(true));
        assert_ne!(TermOptions::new(), TermOptions::new().numbers(false));
        assert!(TermOptions::new().same_terms(&TermOptions::new().stopwords(Stopwords::None)));
        assert!(!TermOptions::new().same_terms(&TermOptions::new().stem(true)));
        assert!(!TermOptions::new().same_terms(&TermOptions::sklearn()));
        assert_eq!(TermOptions::default(), TermOptions::new());
    }
}
