//! The term stream: every token of an article's countable text, where it stands, where
//! sentences and segments begin, and the term it counts as. Every counter reads it.
//!
//! A [`TermReader`] is one thread's state: the terms it has met (numbered as met), how often
//! each was seen and how it was written, and a cache that decides each distinct surface form
//! once. [`TermReader::terms`] walks one article; readers of several threads are merged with
//! [`TermReader::merge`] and numbered in term order by [`TermReader::finish`], so results do
//! not depend on how the work was split.

use dateline_model::{Article, Span};

use crate::forms::FormCache;
use crate::segments::{Segment, Segments, segments};
use crate::sklearn::{LowerCursor, SklearnTokens, lower_into};
use crate::spellings::{Spelling, Spellings};
use crate::terms::{Analyzer, TermOptions, fold};
use crate::tokenize::{Case, Token, TokenKind, Tokens, case, kind_of, tokens};
use crate::vocab::{SortedIds, TermId, Vocabulary};

/// One token of an article, as every counter sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermToken<'a> {
    /// The token as written in the article.
    pub text: &'a str,
    /// Where `text` stands in the decoded file.
    pub span: Span,
    /// Word or number.
    pub kind: TokenKind,
    /// A sentence starts with this token (the first token of every segment starts one; with
    /// [`Analyzer::Sklearn`], which knows no sentences, never).
    pub sentence_start: bool,
    /// The token is the first of its segment.
    pub segment_start: bool,
    /// Its segment's place among the article's [`segments()`](crate::segments()), from 0.
    pub segment: usize,
    /// The term it counts as, numbered by the reader; `None` when it is left out (a stopword,
    /// unless the reader keeps them, or a number the options leave out).
    pub term: Option<TermId>,
    /// The term is a stopword (only from a reader that keeps them).
    pub stopword: bool,
}

impl TermToken<'_> {
    /// How the token is capitalised.
    #[must_use]
    pub fn case(&self) -> Case {
        case(self.text)
    }
}

/// What a surface form stands for, decided the first time it is met.
#[derive(Debug, Clone, Copy)]
struct Form {
    /// `None`: left out.
    term: Option<TermId>,
    stopword: bool,
    kind: TokenKind,
    spelling: Spelling,
}

/// One thread's term stream: turns articles into [`TermToken`]s, numbering terms as it meets
/// them and counting how often each is seen and how it is written (for its display form).
///
/// ```
/// use dateline_text::TermOptions;
///
/// let article = dateline_parse::parse_article(" date 2024-01-10 Lavrov met Iran's envoy. Lavrov left.")?;
/// let options = TermOptions::new();
/// let mut reader = options.reader();
/// let terms: Vec<Option<u32>> = reader.terms(&article).map(|t| t.term).collect();
/// assert_eq!(terms.len(), 6);
/// assert_eq!(terms[0], terms[4], "Lavrov twice");
/// let finished = reader.finish();
/// let lavrov = finished.vocab.id("lavrov").unwrap();
/// assert_eq!((finished.term_freq[lavrov as usize], finished.vocab.display(lavrov)), (2, "Lavrov"));
/// # Ok::<(), dateline_parse::ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct TermReader<'o> {
    options: &'o TermOptions,
    keep_stopwords: bool,
    /// What each surface form stands for.
    forms: FormCache<Form>,
    vocab: Vocabulary,
    spellings: Spellings,
    /// Occurrences of each term, indexed by the reader's ids.
    term_freq: Vec<u64>,
    /// Scratch: a folded form, and a segment lower-cased for [`Analyzer::Sklearn`].
    folded: String,
    lower: String,
}

/// A reader's terms once finished: ids in the terms' sort order.
#[derive(Debug, Clone)]
pub struct FinishedTerms {
    /// The terms, with their display forms (each term as most often written).
    pub vocab: Vocabulary,
    /// Occurrences of each term, indexed by finished id.
    pub term_freq: Vec<u64>,
    /// The reader's ids to finished ids, to renumber what a counter kept by the reader's ids.
    pub ids: SortedIds,
}

impl<'o> TermReader<'o> {
    /// A reader that leaves stopwords out.
    #[must_use]
    pub fn new(options: &'o TermOptions) -> Self {
        Self {
            options,
            keep_stopwords: false,
            forms: FormCache::new(),
            vocab: Vocabulary::default(),
            spellings: Spellings::default(),
            term_freq: Vec::new(),
            folded: String::new(),
            lower: String::new(),
        }
    }

    /// The same reader, but stopwords come through as terms, marked
    /// [`TermToken::stopword`]: for n-grams, which keep them inside (`Minister of Foreign
    /// Affairs`).
    #[must_use]
    pub fn keep_stopwords(mut self) -> Self {
        self.keep_stopwords = true;
        self
    }

    /// The options the reader reads with.
    #[must_use]
    pub const fn options(&self) -> &'o TermOptions {
        self.options
    }

    /// The terms met so far, by the reader's ids.
    #[must_use]
    pub const fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    /// Occurrences of each term so far, by the reader's ids.
    #[must_use]
    pub fn term_freq(&self) -> &[u64] {
        &self.term_freq
    }

    /// The tokens of `article`'s countable text ([`segments()`](crate::segments())), in reading order.
    pub fn terms<'r, 'a>(&'r mut self, article: &'a Article) -> ArticleTerms<'r, 'o, 'a> {
        ArticleTerms {
            reader: self,
            segments: segments(article),
            segment: None,
            index: 0,
            scanner: Scanner::Done,
            first: false,
        }
    }

    /// Adds `other`'s terms and counts to these; returns where each of `other`'s ids went
    /// (`remap[other id] = id here`). Merging in any order gives the same finished terms.
    pub fn merge(&mut self, other: &Self) -> Vec<TermId> {
        let remap = self.vocab.absorb(&other.vocab);
        self.term_freq.resize(self.vocab.len(), 0);
        for (old, &new) in remap.iter().enumerate() {
            self.term_freq[new as usize] += other.term_freq[old];
        }
        self.spellings.absorb(&other.spellings, &remap);
        remap
    }

    /// Each term's spellings other than the term itself (`Iran` for `iran`), by the reader's
    /// ids, with how often each was met. With [`TermReader::vocab`] and
    /// [`TermReader::term_freq`], everything [`TermReader::add_counts`] needs to rebuild these
    /// counts elsewhere: in another process, or on another machine.
    pub fn spellings(&self) -> impl Iterator<Item = (TermId, &str, u64)> {
        self.spellings.iter()
    }

    /// Adds counts made by another reader, perhaps in another process: `count` occurrences
    /// of `term` (a term as [`TermReader::vocab`] holds it), of which `variants` were written
    /// in other spellings (as [`TermReader::spellings`] gives them). Adding every term of
    /// several readers this way, in any order, finishes to the same terms, display forms and
    /// frequencies as merging the readers with [`TermReader::merge`].
    pub fn add_counts(&mut self, term: &str, count: u64, variants: &[(&str, u64)]) -> TermId {
        let id = self.vocab.intern(term);
        if self.term_freq.len() <= id as usize {
            self.term_freq.resize(id as usize + 1, 0);
        }
        self.term_freq[id as usize] += count;
        for &(spelling, n) in variants {
            self.spellings.add(id, spelling, n);
        }
        id
    }

    /// The terms renumbered in sort order, each displayed as most often written (ties go to
    /// the term's own spelling, then the smallest).
    #[must_use]
    pub fn finish(self) -> FinishedTerms {
        let ids = SortedIds::of(&self.vocab);
        let display = |old: TermId| self.spellings.display(old, self.vocab.term(old), self.term_freq[old as usize]);
        FinishedTerms {
            vocab: ids.vocabulary(&self.vocab, Some(&display)),
            term_freq: ids.permute(&self.term_freq),
            ids,
        }
    }

    /// The term of a token: `key` is its form as the cache knows it (the surface, or for
    /// scikit-learn's analyzer the lower-cased token), folded by `fold_into` the first time.
    #[inline(always)]
    fn form(&mut self, key: &str, kind: fn(&str) -> TokenKind, fold_into: fn(&str, &mut String)) -> Form {
        let Self { options, keep_stopwords, forms, vocab, spellings, term_freq, folded, .. } = self;
        let form = forms.get(key, |surface| {
            let kind = kind(surface);
            fold_into(surface, folded);
            let left_out = Form { term: None, stopword: false, kind, spelling: Spelling::Own };
            let Some((term, stopword)) = options.classify(folded, kind) else { return left_out };
            if stopword && !*keep_stopwords {
                return Form { stopword: true, ..left_out };
            }
            let id = vocab.intern(&term);
            if id as usize == term_freq.len() {
                term_freq.push(0);
            }
            Form { term: Some(id), stopword, kind, spelling: spellings.of(id, vocab.term(id), surface) }
        });
        if let Some(id) = form.term {
            term_freq[id as usize] += 1;
            spellings.count(id, form.spelling);
        }
        form
    }
}

/// How the current segment is being cut into tokens.
#[derive(Debug)]
enum Scanner<'a> {
    Done,
    News(Tokens<'a>),
    /// scikit-learn's tokens of the segment lower-cased into the reader's buffer: the next
    /// byte to read there, whether offsets are the segment's own (ASCII), and the way back.
    Sklearn {
        at: usize,
        ascii: bool,
        cursor: LowerCursor,
    },
}

/// The tokens of one article; see [`TermReader::terms`].
#[derive(Debug)]
pub struct ArticleTerms<'r, 'o, 'a> {
    reader: &'r mut TermReader<'o>,
    segments: Segments<'a>,
    segment: Option<Segment<'a>>,
    /// How many segments have been started.
    index: usize,
    scanner: Scanner<'a>,
    /// The next token is its segment's first.
    first: bool,
}

impl<'a> ArticleTerms<'_, '_, 'a> {
    /// The terms met so far, by the reader's ids: what [`TermToken::term`] numbers.
    #[must_use]
    pub fn vocab(&self) -> &Vocabulary {
        &self.reader.vocab
    }

    /// The segment of the last token given.
    #[must_use]
    pub const fn segment(&self) -> Option<Segment<'a>> {
        self.segment
    }

    /// Starts the next segment; false at the end of the article.
    fn start_segment(&mut self) -> bool {
        let Some(segment) = self.segments.next() else {
            self.segment = None;
            return false;
        };
        self.segment = Some(segment);
        self.index += 1;
        self.first = true;
        self.scanner = match self.reader.options.analyzer() {
            Analyzer::News => Scanner::News(tokens(segment.text)),
            Analyzer::Sklearn => {
                let ascii = lower_into(segment.text, &mut self.reader.lower);
                Scanner::Sklearn { at: 0, ascii, cursor: LowerCursor::default() }
            }
        };
        true
    }
}

impl<'a> ArticleTerms<'_, '_, 'a> {
    /// The stream's token for `token` of the news tokenizer, in the current segment.
    #[inline(always)]
    fn news_token(&mut self, segment: Segment<'a>, token: Token<'a>) -> TermToken<'a> {
        let form = self.reader.form(token.text, kind_of, fold);
        TermToken {
            text: token.text,
            span: Span::new(segment.offset + token.start, segment.offset + token.end),
            kind: token.kind,
            sentence_start: token.sentence_start,
            segment_start: std::mem::take(&mut self.first),
            segment: self.index - 1,
            term: form.term,
            stopword: form.term.is_some() && form.stopword,
        }
    }

    /// The next token of the current segment with scikit-learn's analyzer.
    #[inline(always)]
    fn next_sklearn(&mut self, segment: Segment<'a>) -> Option<TermToken<'a>> {
        let Scanner::Sklearn { at, ascii, cursor } = &mut self.scanner else { return None };
        let reader = &mut *self.reader;
        let mut scan = SklearnTokens::at(&reader.lower, *at);
        let (start, end) = scan.next_range()?;
        *at = scan.position();
        let (from, to) = if *ascii { (start, end) } else { cursor.original_range(segment.text, start, end) };
        // The key is borrowed from the buffer while the reader decides it.
        let lower = std::mem::take(&mut reader.lower);
        let form = reader.form(&lower[start..end], kind_of, copy_folded);
        reader.lower = lower;
        Some(TermToken {
            text: &segment.text[from..to],
            span: Span::new(segment.offset + from, segment.offset + to),
            kind: form.kind,
            sentence_start: false,
            segment_start: std::mem::take(&mut self.first),
            segment: self.index - 1,
            term: form.term,
            stopword: form.term.is_some() && form.stopword,
        })
    }
}

impl<'a> Iterator for ArticleTerms<'_, '_, 'a> {
    type Item = TermToken<'a>;

    #[inline]
    fn next(&mut self) -> Option<TermToken<'a>> {
        loop {
            if let Some(segment) = self.segment {
                let next = match &mut self.scanner {
                    Scanner::News(tokens) => tokens.next().map(|token| self.news_token(segment, token)),
                    Scanner::Sklearn { .. } => self.next_sklearn(segment),
                    Scanner::Done => None,
                };
                if next.is_some() {
                    return next;
                }
            }
            if !self.start_segment() {
                return None;
            }
        }
    }

    /// Counters consume the stream whole: a loop over each segment's tokens, which the
    /// compiler can fit to the counter, rather than a state machine stepped per token.
    #[inline]
    fn fold<B, F>(mut self, init: B, mut f: F) -> B
    where
        F: FnMut(B, TermToken<'a>) -> B,
    {
        let mut acc = init;
        loop {
            if let Some(segment) = self.segment {
                match std::mem::replace(&mut self.scanner, Scanner::Done) {
                    Scanner::News(tokens) => {
                        for token in tokens {
                            let token = self.news_token(segment, token);
                            acc = f(acc, token);
                        }
                    }
                    sklearn @ Scanner::Sklearn { .. } => {
                        self.scanner = sklearn;
                        while let Some(token) = self.next_sklearn(segment) {
                            acc = f(acc, token);
                        }
                    }
                    Scanner::Done => {}
                }
            }
            if !self.start_segment() {
                return acc;
            }
        }
    }
}

/// scikit-learn's tokens are already lower case: folding is a copy.
fn copy_folded(surface: &str, folded: &mut String) {
    folded.clear();
    folded.push_str(surface);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Stopwords;
    use crate::sklearn::{sklearn_text, sklearn_tokens};
    use dateline_model::{Paragraph, Section};
    use proptest::prelude::*;

    /// An article with a title and sections of paragraphs, each span where a file would have
    /// it (segments apart, in order).
    fn article(title: Option<&str>, sections: &[(Option<&str>, &[&str])]) -> Article {
        let mut at = 0;
        let mut span = |text: &str| {
            let span = Span::new(at, at + text.len());
            at += text.len() + 2;
            span
        };
        Article {
            title: title.map(str::to_owned),
            title_span: title.map(&mut span),
            sections: sections
                .iter()
                .map(|(heading, paragraphs)| Section {
                    heading: heading.map(str::to_owned),
                    heading_span: heading.map(&mut span),
                    paragraphs: paragraphs
                        .iter()
                        .map(|text| Paragraph { text: (*text).to_owned(), span: span(text) })
                        .collect(),
                })
                .collect(),
            ..Article::default()
        }
    }

    /// What a reader's counts look like after finishing: each term, its display form and
    /// frequency.
    fn finished(reader: TermReader<'_>) -> Vec<(String, String, u64)> {
        let FinishedTerms { vocab, term_freq, .. } = reader.finish();
        vocab.iter().map(|(id, term)| (term.to_owned(), vocab.display(id).to_owned(), term_freq[id as usize])).collect()
    }

    #[test]
    fn counts_exported_and_added_elsewhere_finish_as_merged_readers_do() {
        let options = TermOptions::new();
        let texts = [
            ["Iran's envoy met IRAN officials.", "Iran and Lavrov: talks."],
            ["iran iran talks", "Lavrov's TALKS with Iran."],
        ];
        let readers: Vec<TermReader<'_>> = texts
            .iter()
            .map(|paragraphs| {
                let mut reader = options.reader();
                reader.terms(&article(None, &[(None, paragraphs)])).for_each(drop);
                reader
            })
            .collect();
        let mut merged = readers[0].clone();
        merged.merge(&readers[1]);
        let mut rebuilt = options.reader();
        for reader in readers.iter().rev() {
            for (id, term) in reader.vocab().iter() {
                let variants: Vec<(&str, u64)> =
                    reader.spellings().filter(|&(v, _, _)| v == id).map(|(_, s, n)| (s, n)).collect();
                rebuilt.add_counts(term, reader.term_freq()[id as usize], &variants);
            }
        }
        let (merged, rebuilt) = (finished(merged), finished(rebuilt));
        assert_eq!(rebuilt, merged);
        assert!(merged.contains(&("iran".to_owned(), "Iran".to_owned(), 6)), "{merged:?}");
    }

    fn words(reader: &mut TermReader<'_>, article: &Article) -> Vec<(String, Option<String>, bool)> {
        let mut stream = reader.terms(article);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push((token.text.to_owned(), token.term.map(|id| stream.vocab().term(id).to_owned()), token.stopword));
        }
        out
    }

    #[test]
    fn tokens_carry_their_segment_sentence_and_place_in_the_file() {
        let article =
            article(Some("Gaza talks"), &[(None, &["Aid arrives. Talks resume"]), (Some("Next"), &["Gaza aid"])]);
        let options = TermOptions::new();
        let mut reader = options.reader();
        let tokens: Vec<TermToken<'_>> = reader.terms(&article).collect();
        let places: Vec<(&str, usize, bool, bool)> =
            tokens.iter().map(|t| (t.text, t.segment, t.segment_start, t.sentence_start)).collect();
        assert_eq!(
            places,
            [
                ("Gaza", 0, true, true),
                ("talks", 0, false, false),
                ("Aid", 1, true, true),
                ("arrives", 1, false, false),
                ("Talks", 1, false, true),
                ("resume", 1, false, false),
                ("Next", 2, true, true),
                ("Gaza", 3, true, true),
                ("aid", 3, false, false),
            ]
        );
        let texts = [article.title.as_deref().unwrap_or(""), &article.sections[0].paragraphs[0].text];
        assert_eq!(tokens[0].span, Span::new(0, 4));
        assert_eq!(tokens[3].span.start - 12, texts[1].find("arrives").unwrap_or(0));
        assert_eq!(tokens[0].term, tokens[7].term);
        assert_eq!(tokens[1].term, tokens[4].term, "talks and Talks are one term");
    }

    #[test]
    fn stopwords_are_left_out_or_kept_marked() {
        let article = article(None, &[(None, &["The Minister of Foreign Affairs met 100 envoys"])]);
        let options = TermOptions::new().numbers(false);
        let left_out = words(&mut options.reader(), &article);
        let kept = words(&mut options.reader().keep_stopwords(), &article);
        let term = |w: &(String, Option<String>, bool)| (w.1.clone(), w.2);
        assert_eq!(left_out[0], ("The".into(), None, false));
        assert_eq!(term(&kept[0]), (Some("the".into()), true));
        assert_eq!(term(&kept[1]), (Some("minister".into()), false));
        assert_eq!((term(&left_out[6]), term(&kept[6])), ((None, false), (None, false)), "a left-out number");
    }

    #[test]
    fn display_forms_are_the_most_frequent_spelling() {
        let article = article(None, &[(None, &["Lavrov’s talks. Lavrov talks. lavrov TALKS talks INSTC"])]);
        let options = TermOptions::new();
        let mut reader = options.reader();
        reader.terms(&article).for_each(drop);
        let finished = reader.finish();
        let display = |term: &str| finished.vocab.display(finished.vocab.id(term).unwrap_or(TermId::MAX));
        assert_eq!((display("lavrov"), display("talks"), display("instc")), ("Lavrov", "talks", "INSTC"));
        assert_eq!(finished.term_freq, [1, 3, 4], "instc, lavrov, talks in term order");
    }

    #[test]
    fn sklearn_tokens_map_back_to_the_characters_written() {
        let article = article(Some("Talks"), &[(None, &["Iran’s ΟΔΟΣ talks. xİy TALKS go on"])]);
        let options = TermOptions::sklearn();
        let mut reader = options.reader();
        let tokens: Vec<TermToken<'_>> = reader.terms(&article).collect();
        let texts: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["Talks", "Iran", "ΟΔΟΣ", "talks", "xİ", "TALKS", "go", "on"]);
        assert!(tokens.iter().all(|t| !t.sentence_start));
        assert_eq!(tokens.iter().filter(|t| t.segment_start).count(), 2);
        let paragraph = &article.sections[0].paragraphs[0];
        for token in &tokens[1..] {
            let local = token.span.start - paragraph.span.start..token.span.end - paragraph.span.start;
            assert_eq!(&paragraph.text[local], token.text);
        }
        let finished = reader.finish();
        let terms: Vec<&str> = finished.vocab.iter().map(|(_, term)| term).collect();
        assert_eq!(terms, ["go", "iran", "on", "talks", "xi", "οδος"]);
        assert_eq!(finished.vocab.display(finished.vocab.id("talks").unwrap_or(0)), "talks");
    }

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(vec![
                "Iran",
                "iran",
                "Russia's",
                "the",
                "The",
                "2.4",
                "Lavrov",
                "U.S.",
                "North-South"
            ])
            .prop_map(str::to_owned),
            "[a-zA-Z’éΣİ]{1,8}",
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec((word(), proptest::sample::select(vec![" ", ". ", ", ", "! ", "\n"])), 0..12)
            .prop_map(|words| words.into_iter().map(|(w, s)| w + s).collect())
    }

    /// A title, and sections of a heading and paragraphs.
    type Parts = (Option<String>, Vec<(Option<String>, Vec<String>)>);

    fn any_article() -> impl Strategy<Value = Parts> {
        let section = (proptest::option::of(text()), proptest::collection::vec(text(), 0..3));
        (proptest::option::of(text()), proptest::collection::vec(section, 0..3))
    }

    fn build((title, sections): &Parts) -> Article {
        let sections: Vec<(Option<&str>, Vec<&str>)> =
            sections.iter().map(|(h, ps)| (h.as_deref(), ps.iter().map(String::as_str).collect())).collect();
        let borrowed: Vec<(Option<&str>, &[&str])> = sections.iter().map(|(h, ps)| (*h, ps.as_slice())).collect();
        article(title.as_deref(), &borrowed)
    }

    proptest! {
        /// The stream is the tokenizer over each segment, in order, with each token's term as
        /// the options make it of that token alone.
        #[test]
        fn prop_the_stream_is_the_tokens_of_each_segment(parts in any_article(), stem in any::<bool>(), numbers in any::<bool>()) {
            let article = build(&parts);
            let options = TermOptions::new().stem(stem).numbers(numbers);
            let mut expected = Vec::new();
            let mut buf = String::new();
            for (index, segment) in segments(&article).enumerate() {
                for (i, token) in tokens(segment.text).enumerate() {
                    let span = Span::new(segment.offset + token.start, segment.offset + token.end);
                    let term = options.term(&token, &mut buf).map(str::to_owned);
                    expected.push((token.text.to_owned(), span, token.sentence_start, i == 0, index, term));
                }
            }
            let mut reader = options.reader();
            let mut stream = reader.terms(&article);
            let mut got = Vec::new();
            while let Some(t) = stream.next() {
                let term = t.term.map(|id| stream.vocab().term(id).to_owned());
                got.push((t.text.to_owned(), t.span, t.sentence_start, t.segment_start, t.segment, term));
            }
            prop_assert_eq!(got, expected);
        }

        /// With scikit-learn's analyzer the terms are scikit-learn's tokens of the joined,
        /// lower-cased text, and every span holds what was written there.
        #[test]
        fn prop_sklearn_terms_are_the_tokens_of_the_lower_cased_text(parts in any_article()) {
            let article = build(&parts);
            let lower = sklearn_text(&article).to_lowercase();
            let expected: Vec<&str> = sklearn_tokens(&lower).collect();
            let options = TermOptions::sklearn();
            let mut reader = options.reader();
            let mut stream = reader.terms(&article);
            let mut got = Vec::new();
            while let Some(t) = stream.next() {
                let segment = segments(&article).nth(t.segment).expect("its segment");
                let local = t.span.start - segment.offset..t.span.end - segment.offset;
                prop_assert_eq!(segment.text.get(local), Some(t.text));
                got.push(t.term.map(|id| stream.vocab().term(id).to_owned()).unwrap_or_default());
            }
            prop_assert_eq!(got, expected);
        }

        /// Merging readers in any order gives the same finished terms as one reader.
        #[test]
        fn prop_merged_readers_finish_as_one(parts in proptest::collection::vec(any_article(), 1..5)) {
            let articles: Vec<Article> = parts.iter().map(build).collect();
            let options = TermOptions::new().stopwords(Stopwords::None);
            let mut one = options.reader();
            for article in &articles {
                one.terms(article).for_each(drop);
            }
            let parts: Vec<TermReader<'_>> = articles
                .iter()
                .map(|article| {
                    let mut reader = options.reader();
                    reader.terms(article).for_each(drop);
                    reader
                })
                .collect();
            let forward = parts.iter().fold(options.reader(), |mut all, part| { all.merge(part); all }).finish();
            let backward = parts.iter().rev().fold(options.reader(), |mut all, part| { all.merge(part); all }).finish();
            let one = one.finish();
            prop_assert_eq!((&forward.vocab, &forward.term_freq), (&one.vocab, &one.term_freq));
            prop_assert_eq!((&backward.vocab, &backward.term_freq), (&one.vocab, &one.term_freq));
        }
    }
}
