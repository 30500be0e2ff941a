//! Keyword in context: every occurrence of a word, phrase or glob, with the tokens around it.
//!
//! A [`Query`] is one or more words separated by spaces. Each word is matched against the
//! case-folded form of a token ([`fold`]: lower case, curly apostrophes straight, a possessive
//! `'s` taken off), so `iran` finds `Iran`, `IRAN` and `Iran’s`. A word holding `*`, `?`, `[`
//! or `{` is a glob over the folded token: `negotiat*` finds `negotiations` and `Negotiator`.
//! Several words form a phrase, matched on consecutive tokens of one sentence.
//! Stopwords are not removed: KWIC searches the text as written, whatever the term options.
//!
//! Contexts are the `window` tokens on each side of the match, within the same title,
//! heading or paragraph, as written (with the punctuation between them), trimmed of
//! surrounding whitespace. They may cross sentence boundaries; the match itself never does.
//!
//! # Example
//!
//! ```
//! use dateline_analyze::kwic::{Query, kwic};
//! use dateline_analyze::DocMeta;
//!
//! let text = " date 2024-01-10 Iran’s minister said the nuclear negotiations went on.";
//! let article = dateline_parse::parse_article(text)?;
//! let meta = DocMeta { path: "a.txt".into(), date: None };
//! let query: Query = "nuclear negotiat*".parse().unwrap();
//! let hits = kwic(&query, 2, std::iter::once((meta, article)));
//! assert_eq!(hits.len(), 1);
//! let hit = &hits[0];
//! assert_eq!((hit.left.as_str(), hit.keyword.as_str(), hit.right.as_str()), ("said the", "nuclear negotiations", "went on"));
//! assert_eq!(&text[hit.start..hit.end], "nuclear negotiations");
//! # Ok::<(), dateline_parse::ParseError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use dateline_model::Article;
use globset::{Glob, GlobMatcher};
use rayon::prelude::*;
use serde::Serialize;

use dateline_text::{DocMeta, Segment, Stopwords, TermId, TermOptions, TermReader, Vocabulary, fold, segments, tokens};

/// Why a query could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query has no word in it.
    #[error("the query `{0}` has no word to search for")]
    Empty(String),
    /// A word is not a valid glob.
    #[error("invalid pattern `{pattern}` in the query: {message}")]
    Glob {
        /// The word as given.
        pattern: String,
        /// Why it is invalid.
        message: String,
    },
}

/// One word of a query.
#[derive(Debug, Clone)]
enum Word {
    /// A folded term, compared for equality.
    Exact(String),
    /// A glob over the folded term.
    Glob(GlobMatcher),
}

impl Word {
    fn matches(&self, folded: &str) -> bool {
        match self {
            Self::Exact(word) => word == folded,
            Self::Glob(glob) => glob.is_match(folded),
        }
    }
}

/// What to search for: a word, a phrase, or globs; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    words: Vec<Word>,
}

impl Query {
    /// Parses `query`.
    ///
    /// # Errors
    ///
    /// [`QueryError::Empty`] when it holds no word, [`QueryError::Glob`] for an invalid glob.
    pub fn new(query: &str) -> Result<Self, QueryError> {
        let mut words = Vec::new();
        let mut buf = String::new();
        for piece in query.split_whitespace() {
            if piece.contains(['*', '?', '[', '{']) {
                fold(piece, &mut buf);
                let glob = Glob::new(&buf)
                    .map_err(|e| QueryError::Glob { pattern: piece.into(), message: e.kind().to_string() })?;
                words.push(Word::Glob(glob.compile_matcher()));
            } else {
                // The tokenizer's view of the word: `Iran's,` is `iran`, `U.S.` is `u.s`.
                for token in tokens(piece) {
                    fold(token.text, &mut buf);
                    words.push(Word::Exact(buf.clone()));
                }
            }
        }
        if words.is_empty() {
            return Err(QueryError::Empty(query.into()));
        }
        Ok(Self { text: query.trim().into(), words })
    }

    /// How many tokens a match spans.
    #[must_use]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Always false: a query has at least one word.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl FromStr for Query {
    type Err = QueryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KwicHit {
    /// The document's path.
    pub path: String,
    /// The document's publication date.
    pub date: Option<NaiveDate>,
    /// Byte offset of the match's first byte in the decoded file.
    pub start: usize,
    /// Byte offset one past the match's last byte in the decoded file.
    pub end: usize,
    /// Up to `window` tokens before the match, as written.
    pub left: String,
    /// The match as written (for a phrase, with what stands between its words).
    pub keyword: String,
    /// Up to `window` tokens after the match, as written.
    pub right: String,
}

/// The hits of `query` in every document, `window` tokens of context on each side, in
/// document order and then position order. Documents are searched in parallel on the current
/// rayon pool; the result does not depend on the number of threads.
pub fn kwic<I>(query: &Query, window: usize, docs: I) -> Vec<KwicHit>
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
{
    let options = search_options();
    let mut found: Vec<(usize, Vec<KwicHit>)> = docs
        .enumerate()
        .par_bridge()
        .fold(
            || (Searcher::new(query, &options), Vec::new()),
            |(mut searcher, mut found), (index, (meta, article))| {
                let mut hits = Vec::new();
                searcher.article(window, &meta, &article, &mut hits);
                if !hits.is_empty() {
                    found.push((index, hits));
                }
                (searcher, found)
            },
        )
        .map(|(_, found)| found)
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            a
        });
    found.sort_unstable_by_key(|&(index, _)| index);
    found.into_iter().flat_map(|(_, hits)| hits).collect()
}

/// The hits of `query` in one article, in position order.
#[must_use]
pub fn kwic_article(query: &Query, window: usize, meta: &DocMeta, article: &Article) -> Vec<KwicHit> {
    let options = search_options();
    let mut hits = Vec::new();
    Searcher::new(query, &options).article(window, meta, article, &mut hits);
    hits
}

/// How KWIC reads the text: every word kept, only folded, so a term is a token's folded form.
fn search_options() -> TermOptions {
    TermOptions::new().stopwords(Stopwords::None)
}

/// One thread's search: its term stream, and which query words each term matches, decided
/// once per term.
struct Searcher<'q> {
    words: &'q [Word],
    reader: TermReader<'q>,
    /// `matches[term * words + k]`: whether the term matches the query's word `k`, `None` until
    /// asked.
    matches: Vec<Option<bool>>,
    /// The tokens of the article being searched.
    toks: Vec<Tok>,
}

/// What the search keeps of a token.
#[derive(Debug, Clone, Copy)]
struct Tok {
    /// Byte offsets in the decoded file.
    start: usize,
    end: usize,
    segment: usize,
    segment_start: bool,
    sentence_start: bool,
    term: Option<TermId>,
}

impl<'q> Searcher<'q> {
    fn new(query: &'q Query, options: &'q TermOptions) -> Self {
        Self { words: &query.words, reader: options.reader(), matches: Vec::new(), toks: Vec::new() }
    }

    /// Adds the hits of `article` to `hits`.
    fn article(&mut self, window: usize, meta: &DocMeta, article: &Article, hits: &mut Vec<KwicHit>) {
        let n = self.words.len();
        let toks = &mut self.toks;
        toks.clear();
        self.reader.terms(article).for_each(|t| {
            toks.push(Tok {
                start: t.span.start,
                end: t.span.end,
                segment: t.segment,
                segment_start: t.segment_start,
                sentence_start: t.sentence_start,
                term: t.term,
            });
        });
        if self.toks.len() < n {
            return;
        }
        let vocab = self.reader.vocab();
        let segments: Vec<Segment<'_>> = segments(article).collect();
        // Each segment's tokens in turn: a match stays inside one.
        for toks in self.toks.chunk_by(|_, b| !b.segment_start) {
            let segment = segments[toks[0].segment];
            for first in 0..toks.len().saturating_sub(n - 1) {
                let matched = (0..n).all(|k| {
                    let token = &toks[first + k];
                    (k == 0 || !token.sentence_start)
                        && token.term.is_some_and(|term| word_matches(self.words, &mut self.matches, vocab, term, k))
                });
                if matched {
                    hits.push(hit(meta, segment, toks, first, first + n - 1, window));
                }
            }
        }
    }
}

/// Whether `term` matches the query's word `k`, remembered in `matches`.
fn word_matches(words: &[Word], matches: &mut Vec<Option<bool>>, vocab: &Vocabulary, term: TermId, k: usize) -> bool {
    let at = term as usize * words.len() + k;
    if matches.len() <= at {
        matches.resize(at + 1, None);
    }
    *matches[at].get_or_insert_with(|| words[k].matches(vocab.term(term)))
}

/// The hit of the tokens `first..=last` of a segment.
fn hit(meta: &DocMeta, segment: Segment<'_>, toks: &[Tok], first: usize, last: usize, window: usize) -> KwicHit {
    let text = segment.text;
    let local = |offset: usize| offset - segment.offset;
    let (start, end) = (local(toks[first].start), local(toks[last].end));
    let left_from = first.checked_sub(window).map_or(0, |i| local(toks[i].start));
    let right_to = toks.get(last + window).map_or(text.len(), |t| local(t.end));
    KwicHit {
        path: meta.path.clone(),
        date: meta.date,
        start: segment.offset + start,
        end: segment.offset + end,
        left: text[left_from..start].trim().to_owned(),
        keyword: text[start..end].to_owned(),
        right: text[end..right_to].trim().to_owned(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The seed articles: `(meta, article, decoded text)`, in file order.
    pub(crate) fn seeds() -> Vec<(DocMeta, Article, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .expect("seeds folder")
            .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|name| {
                let bytes = std::fs::read(dir.join(&name)).expect("seed");
                let text = dateline_parse::decode(&bytes).expect("decodes").text.into_owned();
                let (article, _) = dateline_parse::parse_article_lenient(&text);
                let date = article.published.as_ref().map(|p| p.date);
                (DocMeta { path: format!("seeds/{name}"), date }, article, text)
            })
            .collect()
    }

    #[test]
    fn seed_hits_point_at_the_query_in_the_files() {
        let seeds = seeds();
        let query: Query = "caspian".parse().expect("query");
        let docs = seeds.iter().map(|(meta, article, _)| (meta.clone(), article.clone()));
        let hits = kwic(&query, 4, docs);
        assert_eq!(hits.len(), 4);
        assert!(hits.iter().all(|h| h.path.starts_with("seeds/002_")));
        let text = &seeds[2].2;
        for hit in &hits {
            let mut folded = String::new();
            fold(&text[hit.start..hit.end], &mut folded);
            assert_eq!(folded, "caspian");
        }
        // The title's hit: its context stops at the title's ends.
        assert_eq!(
            (hits[0].left.as_str(), hits[0].right.as_str()),
            ("discuss maritime cooperation in", "Sea during China visit")
        );
        // As many hits as counted occurrences, when no word is left out.
        let options = crate::TermOptions::new().stopwords(crate::Stopwords::None);
        let counts = crate::count_parallel(&options, seeds.iter().map(|(m, a, _)| (m.clone(), a.clone())));
        for word in ["gaza", "lavrov", "the", "iran"] {
            let id = counts.vocab.id(word).expect("occurs");
            let docs = seeds.iter().map(|(meta, article, _)| (meta.clone(), article.clone()));
            let hits = kwic(&word.parse().expect("query"), 0, docs);
            assert_eq!(hits.len() as u64, counts.term_freq[id as usize], "{word}");
        }
    }

    fn parse(text: &str) -> Article {
        dateline_parse::parse_article(text).expect("parses")
    }

    fn meta(path: &str) -> DocMeta {
        DocMeta { path: path.into(), date: None }
    }

    fn search(query: &str, window: usize, text: &str) -> Vec<KwicHit> {
        kwic_article(&query.parse().expect("query"), window, &meta("a.txt"), &parse(text))
    }

    fn triples(hits: &[KwicHit]) -> Vec<(&str, &str, &str)> {
        hits.iter().map(|h| (h.left.as_str(), h.keyword.as_str(), h.right.as_str())).collect()
    }

    #[test]
    fn words_match_folded_tokens_with_their_context() {
        let text = " date 2024-01-10 IRAN and Russia met. Iran’s envoy left; iran stayed.";
        let hits = search("Iran", 2, text);
        assert_eq!(
            triples(&hits),
            [("", "IRAN", "and Russia"), ("Russia met.", "Iran’s", "envoy left"), ("envoy left;", "iran", "stayed.")]
        );
        for hit in &hits {
            assert_eq!(&text[hit.start..hit.end], hit.keyword);
        }
        assert!(search("iranian", 2, text).is_empty());
    }

    #[test]
    fn phrases_stay_within_a_sentence() {
        let text = " date 2024-01-10 They met in Tehran. Talks went on in Tehran talks.";
        assert_eq!(triples(&search("tehran talks", 1, text)), [("in", "Tehran talks", ".")]);
        assert_eq!(search("in tehran", 0, text).len(), 2);
        assert_eq!(triples(&search("in tehran", 0, text))[0], ("", "in Tehran", ""));
    }

    #[test]
    fn globs_match_folded_tokens() {
        let text = " date 2024-01-10 Negotiators resumed negotiations; the negotiating table waited.";
        let hits = search("negotiat*", 1, text);
        let words: Vec<&str> = hits.iter().map(|h| h.keyword.as_str()).collect();
        assert_eq!(words, ["Negotiators", "negotiations", "negotiating"]);
        assert!(matches!(Query::new("a[b"), Err(QueryError::Glob { .. })));
        assert!(matches!(Query::new(" , "), Err(QueryError::Empty(_))));
    }

    #[test]
    fn offsets_point_into_the_decoded_file_across_sections() {
        let text = "Tehran, Moscow discuss maritime cooperation\n\nSeptember 15, 2024 - 20:9\n\nTEHRAN – While visiting China, the commander met\nhis Russian counterpart.\n\n=====Commander expresses readiness\n\nThe commander spoke again.\n";
        let hits = search("commander", 3, text);
        assert_eq!(hits.len(), 3);
        for hit in &hits {
            assert_eq!(text[hit.start..hit.end].to_lowercase(), "commander");
        }
        // A paragraph's hard line break reads as a space in the context.
        assert_eq!(hits[0].right, "met his Russian");
    }

    #[test]
    fn output_is_in_document_order_whatever_the_threads() {
        let docs: Vec<(DocMeta, Article)> = (0..40)
            .map(|i| (meta(&format!("{i:02}.txt")), parse(&format!(" date 2024-01-10 Gaza aid {i}. More Gaza aid."))))
            .collect();
        let query: Query = "gaza aid".parse().expect("query");
        let hits = kwic(&query, 1, docs.clone().into_iter());
        assert_eq!(hits.len(), 80);
        let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
        assert_eq!(one_thread.install(|| kwic(&query, 1, docs.into_iter())), hits);
        assert!(hits.windows(2).all(|w| (w[0].path.as_str(), w[0].start) < (w[1].path.as_str(), w[1].start)));
    }

    const WORDS: &[&str] = &["iran", "Iran’s", "IRAN", "gaza", "Gaza's", "talks", "U.S.", "North-South", "2.4", "the"];
    const SEPARATORS: &[&str] = &[" ", ", ", ". ", "; ", " \"", "\" ", "! "];

    proptest! {
        #[test]
        fn prop_hit_spans_fold_to_the_query(
            words in proptest::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 1..40),
            query in 0..WORDS.len(),
            phrase in any::<bool>(),
            window in 0usize..4,
        ) {
            let mut body = String::new();
            for &(w, s) in &words {
                body.push_str(WORDS[w]);
                body.push_str(SEPARATORS[s]);
            }
            let text = format!(" date 2024-01-10 {body}");
            let article = parse(&text);
            let query_text = if phrase { format!("{} talks", WORDS[query]) } else { WORDS[query].to_owned() };
            let query: Query = query_text.parse().expect("query");
            let expected: Vec<String> = tokens(&query_text).map(|t| { let mut b = String::new(); fold(t.text, &mut b); b }).collect();
            for hit in kwic_article(&query, window, &meta("p.txt"), &article) {
                prop_assert_eq!(&text[hit.start..hit.end], hit.keyword.as_str());
                let found: Vec<String> = tokens(&hit.keyword).map(|t| { let mut b = String::new(); fold(t.text, &mut b); b }).collect();
                prop_assert_eq!(&found, &expected);
                prop_assert!(tokens(&hit.left).count() <= window && tokens(&hit.right).count() <= window);
            }
        }
    }
}
