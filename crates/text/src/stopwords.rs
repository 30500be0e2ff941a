//! Which words are left out of counts: the built-in English list, none, or the user's own.

use std::collections::HashSet;

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

    /// Whether `term`, case-folded, is one of these stopwords.
    #[must_use]
    pub fn contains(&self, term: &str) -> bool {
        match self {
            Self::English => ENGLISH_STOPWORDS.binary_search(&term).is_ok(),
            Self::None => false,
            Self::Custom(words) => words.contains(term),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stopword_list_is_sorted_for_binary_search() {
        assert!(ENGLISH_STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn custom_lists_fold_case_and_skip_comments() {
        let custom = Stopwords::from_lines("# mine\nTrucks  # and more\n\n");
        assert!(custom.contains("trucks") && !custom.contains("the"));
        assert!(Stopwords::English.contains("the") && !Stopwords::None.contains("the"));
    }
}
