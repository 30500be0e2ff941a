//! Splitting text into word tokens and sentences, the way news copy needs.
//!
//! Word boundaries are Unicode's (UAX #29, through `unicode-segmentation`), with three news
//! rules on top: hyphenated names and compounds stay one token (`Amir-Abdollahian`,
//! `North-South`), numbers keep their decimal point (`2.4`), and a sentence ends at `.`, `!`,
//! `?` or `…` only when the next word could start a sentence and the word before the stop is
//! not an abbreviation (`U.S.`, `Sept.`, `Mr.`) or an initial.

use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Contains a letter: `Lavrov`, `Rasht-Astara`, `COVID-19`.
    Word,
    /// Digits with at most `.` and `,` inside: `100`, `2.4`, `1,000`.
    Number,
}

/// One token: its text exactly as written and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The surface text; `text == &source[start..end]`.
    pub text: &'a str,
    /// Byte offset of the first byte in the tokenized text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Word or number.
    pub kind: TokenKind,
    /// Whether a new sentence starts with this token (the first token of a text does).
    pub sentence_start: bool,
}

/// How a token is capitalised: what tells a name (`Lavrov`, `INSTC`) from a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// No letter with a case: `100`, `東京`.
    Uncased,
    /// Every cased letter lower case: `talks`.
    Lower,
    /// The first cased letter upper case, not all of them: `Lavrov`, `Amir-Abdollahian`, `I`.
    Title,
    /// Two or more cased letters, all upper case: `INSTC`, `U.S`.
    Upper,
    /// The first cased letter lower case, another upper case: `al-Assad`, `iPhone`.
    Mixed,
}

/// The capitalisation of `text`.
///
/// ```
/// use dateline_text::tokenize::{Case, case};
///
/// let cases = ["Lavrov", "INSTC", "talks", "al-Assad", "2.4", "I", "Ödön"].map(case);
/// assert_eq!(cases, [Case::Title, Case::Upper, Case::Lower, Case::Mixed, Case::Uncased, Case::Title, Case::Title]);
/// ```
#[must_use]
pub fn case(text: &str) -> Case {
    let (mut first_upper, mut cased, mut upper) = (None, 0usize, 0usize);
    let mut note = |is_upper: bool| {
        first_upper.get_or_insert(is_upper);
        cased += 1;
        upper += usize::from(is_upper);
    };
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                note(c.is_ascii_uppercase());
            }
        } else if c.is_uppercase() {
            note(true);
        } else if c.is_lowercase() {
            note(false);
        }
    }
    match first_upper {
        None => Case::Uncased,
        Some(_) if upper == 0 => Case::Lower,
        Some(true) if upper == cased && cased > 1 => Case::Upper,
        Some(true) => Case::Title,
        Some(false) => Case::Mixed,
    }
}

/// Abbreviations after which a full stop does not end a sentence (compared in lower case,
/// without the final stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "rev", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "e.g", "i.e", "approx", "est", "dept",
    "univ", "calif", "wash", "mass", "pres",
];

fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    // A lone capital letter is an initial: "J. Smith".
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_hyphen(piece: &str) -> bool {
    matches!(piece, "-" | "\u{2010}" | "\u{2011}")
}

fn is_word_piece(piece: &str) -> bool {
    piece.chars().next().is_some_and(char::is_alphanumeric)
}

/// Word or number: a number is digits with at most `.` and `,` inside.
pub(crate) fn kind_of(text: &str) -> TokenKind {
    // Bytes, not chars: no byte of a multi-byte character is a digit, `.` or `,`.
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') { TokenKind::Number } else { TokenKind::Word }
}

/// Word-boundary classes (UAX #29) of the characters the fast scanner handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `_`: joins anything on either side.
    ExtendNumLet,
    /// `:` between letters.
    MidLetter,
    /// `.`, `'`, `’`, `‘` between letters or between digits.
    MidNumLet,
    /// `,`, `;` between digits.
    MidNum,
    Other,
}

/// The class of `c`, or `None` when the fast scanner does not know the character and the
/// text must go through the full Unicode tables.
fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        '_' => Class::ExtendNumLet,
        ':' => Class::MidLetter,
        '.' | '\'' | '’' | '‘' => Class::MidNumLet,
        ',' | ';' => Class::MidNum,
        '\u{C0}'..='\u{24F}' if c.is_alphabetic() => Class::Letter,
        c if c.is_ascii() => Class::Other,
        '\u{A0}' | '“' | '”' | '–' | '—' | '…' | '«' | '»' | '°' | '€' | '£' | '•' => Class::Other,
        _ => return None,
    })
}

fn joins_word(class: Class) -> bool {
    matches!(class, Class::Letter | Class::Digit | Class::ExtendNumLet)
}

/// Whether the fast scanner gives the same word pieces as UAX #29 for all of `text`.
fn fast_path_applies(text: &str) -> bool {
    // Only the non-ASCII characters need a look; ASCII bytes always have a class.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(offset) = bytes.get(at..).and_then(first_non_ascii) {
        at += offset;
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { return false };
        if class(c).is_none() {
            return false;
        }
        at += c.len_utf8();
    }
    true
}

/// Where the first byte of `bytes` at or above 0x80 is. Every segment is scanned for them
/// before it is tokenized, so this reads eight bytes at a time: a byte at a time it cost as
/// much as a tenth of counting.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut words {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let high = u64::from_le_bytes(word) & HIGH_BITS;
        if high != 0 {
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    words.remainder().iter().position(|&b| b >= 0x80).map(|offset| at + offset)
}

/// Whether each byte continues a word by itself: ASCII letters, digits and `_`. A word's
/// ASCII run is read by this table alone.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = matches!(ASCII_CLASSES[byte], Class::Letter | Class::Digit | Class::ExtendNumLet);
        byte += 1;
    }
    table
};

/// [`class`] of each ASCII byte, looked up by value.
#[allow(clippy::cast_possible_truncation, reason = "the index runs below 128")]
static ASCII_CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = match byte as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::ExtendNumLet,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            _ => Class::Other,
        };
        byte += 1;
    }
    table
};

/// Word pieces, and single-character pieces for what lies between words (white space is
/// skipped), of text whose characters all have a [`class`]: UAX #29's word rules WB5 to WB13b
/// restricted to those characters. ASCII bytes are classed by table; only other characters
/// are decoded.
#[derive(Debug, Clone)]
struct FastPieces<'a> {
    text: &'a str,
    at: usize,
}

impl FastPieces<'_> {
    /// The class and byte length of the character at byte `i`.
    fn class_at(&self, i: usize) -> (Class, usize) {
        match self.text.as_bytes().get(i) {
            None => (Class::Other, 0),
            Some(&b) if b < 0x80 => (ASCII_CLASSES[usize::from(b)], 1),
            Some(_) => self
                .text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .map_or((Class::Other, 1), |c| (class(c).unwrap_or(Class::Other), c.len_utf8())),
        }
    }
}

impl<'a> FastPieces<'a> {
    /// The piece starting at byte `start` (not white space): its end and its first
    /// character's class. A word runs on through letters, digits and `_`, and through `:`,
    /// `.`, `'` between letters and `.`, `,`, `;` between digits; anything else is a piece of
    /// one character.
    fn piece_at(&self, start: usize) -> (usize, Class) {
        let bytes = self.text.as_bytes();
        let (first, len) = self.class_at(start);
        let mut end = start + len;
        if joins_word(first) {
            let mut previous = first;
            loop {
                // Most of a word is ASCII letters: run over them by table before anything else.
                let run = end;
                while bytes.get(end).is_some_and(|&b| WORD_BYTES[usize::from(b)]) {
                    end += 1;
                }
                if end > run {
                    previous = ASCII_CLASSES[usize::from(bytes[end - 1])];
                }
                let (here, len) = self.class_at(end);
                if len == 0 {
                    break;
                }
                if joins_word(here) {
                    previous = here;
                } else {
                    let (after, _) = self.class_at(end + len);
                    let between_letters = matches!(here, Class::MidLetter | Class::MidNumLet)
                        && previous == Class::Letter
                        && after == Class::Letter;
                    let between_digits = matches!(here, Class::MidNum | Class::MidNumLet)
                        && previous == Class::Digit
                        && after == Class::Digit;
                    if !(between_letters || between_digits) {
                        break;
                    }
                }
                end += len;
            }
        }
        (end, first)
    }

    /// The start, end and first class of the next piece, skipping ASCII white space.
    fn next_piece(&mut self) -> Option<(usize, usize, Class)> {
        let bytes = self.text.as_bytes();
        let mut start = self.at;
        while bytes.get(start).is_some_and(u8::is_ascii_whitespace) {
            start += 1;
        }
        if start >= bytes.len() {
            self.at = start;
            return None;
        }
        let (end, first) = self.piece_at(start);
        self.at = end;
        Some((start, end, first))
    }
}

impl<'a> Iterator for FastPieces<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let (start, end, _) = self.next_piece()?;
        Some((start, &self.text[start..end]))
    }
}

/// The tokens of `text`, in order.
///
/// ```
/// use dateline_text::tokens;
///
/// let words: Vec<&str> = tokens("Amir-Abdollahian met U.S. envoys. Talks went on.").map(|t| t.text).collect();
/// assert_eq!(words, ["Amir-Abdollahian", "met", "U.S", "envoys", "Talks", "went", "on"]);
/// let starts: Vec<bool> = tokens("He met U.S. envoys. Talks went on.").map(|t| t.sentence_start).collect();
/// assert_eq!(starts, [true, false, false, false, true, false, false]);
/// ```
pub fn tokens(text: &str) -> Tokens<'_> {
    let sentences = Sentences { text, stop_pending: true, last_word: "" };
    Tokens(if fast_path_applies(text) {
        Scanner::Fast(FastTokens { pieces: FastPieces { text, at: 0 }, sentences })
    } else {
        Scanner::Unicode(PieceTokens { pieces: text.split_word_bound_indices().peekable(), sentences })
    })
}

/// Iterator over the tokens of a text; see [`tokens`].
#[derive(Debug)]
pub struct Tokens<'a>(Scanner<'a>);

#[derive(Debug)]
enum Scanner<'a> {
    Fast(FastTokens<'a>),
    Unicode(PieceTokens<'a, std::iter::Peekable<unicode_segmentation::UWordBoundIndices<'a>>>),
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        match &mut self.0 {
            Scanner::Fast(tokens) => tokens.next(),
            Scanner::Unicode(tokens) => tokens.next(),
        }
    }
}

/// Where sentences start: the state both scanners share.
#[derive(Debug, Clone)]
struct Sentences<'a> {
    text: &'a str,
    /// A sentence-ending stop has been seen since the last word.
    stop_pending: bool,
    /// The previous word, to tell abbreviations from sentence ends.
    last_word: &'a str,
}

impl<'a> Sentences<'a> {
    /// Notes a piece between words: `.`, `!`, `?` or `…` may end the sentence.
    fn between_words(&mut self, piece: &str) {
        if matches!(piece, "." | "!" | "?" | "…") && !(piece == "." && is_abbreviation(self.last_word)) {
            self.stop_pending = true;
        }
    }

    /// The token spanning `start..end`.
    fn token(&mut self, start: usize, end: usize) -> Token<'a> {
        let text = &self.text[start..end];
        let starts_upper = match text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase() || b.is_ascii_digit(),
            _ => text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()),
        };
        let sentence_start = std::mem::take(&mut self.stop_pending) && (starts_upper || self.last_word.is_empty());
        self.last_word = text;
        Token { text, start, end, kind: kind_of(text), sentence_start }
    }
}

/// Tokens from word pieces: skips the pieces that are not words and joins
/// `word-word(-word...)` written without spaces into one token.
#[derive(Debug, Clone)]
struct PieceTokens<'a, P> {
    pieces: P,
    sentences: Sentences<'a>,
}

impl<'a, I> Iterator for PieceTokens<'a, std::iter::Peekable<I>>
where
    I: Iterator<Item = (usize, &'a str)> + Clone,
{
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let (start, piece) = self.pieces.next()?;
            if !is_word_piece(piece) {
                self.sentences.between_words(piece);
                continue;
            }
            let mut end = start + piece.len();
            while let Some(&(hyphen_at, hyphen)) = self.pieces.peek() {
                if hyphen_at != end || !is_hyphen(hyphen) {
                    break;
                }
                let after = hyphen_at + hyphen.len();
                let mut ahead = self.pieces.clone();
                ahead.next();
                match ahead.next() {
                    Some((word_at, word)) if word_at == after && is_word_piece(word) => {
                        self.pieces = ahead;
                        end = word_at + word.len();
                    }
                    _ => break,
                }
            }
            return Some(self.sentences.token(start, end));
        }
    }
}

/// The same tokens as [`PieceTokens`] over [`FastPieces`], read straight off the bytes: the
/// pieces between words are looked at only for stops, and a hyphen is joined by looking one
/// byte ahead rather than through a copy of the iterator. Most text takes this path.
#[derive(Debug, Clone)]
struct FastTokens<'a> {
    pieces: FastPieces<'a>,
    sentences: Sentences<'a>,
}

impl<'a> Iterator for FastTokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let (start, mut end, first) = self.pieces.next_piece()?;
            // A word piece starts with a letter or digit; `_x` is a piece, but not a word.
            if !matches!(first, Class::Letter | Class::Digit) {
                self.sentences.between_words(&self.pieces.text[start..end]);
                continue;
            }
            // Within the fast alphabet the only hyphen is `-`, a piece of its own.
            while self.pieces.text.as_bytes().get(end) == Some(&b'-') {
                let (word_end, first) = self.pieces.piece_at(end + 1);
                if !matches!(first, Class::Letter | Class::Digit) {
                    break;
                }
                end = word_end;
            }
            self.pieces.at = end;
            return Some(self.sentences.token(start, end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokens(text).map(|t| t.text).collect()
    }

    fn sentences(text: &str) -> Vec<Vec<&str>> {
        let mut out: Vec<Vec<&str>> = Vec::new();
        for token in tokens(text) {
            if token.sentence_start || out.is_empty() {
                out.push(Vec::new());
            }
            if let Some(last) = out.last_mut() {
                last.push(token.text);
            }
        }
        out
    }

    #[test]
    fn hyphenated_names_and_compounds_stay_whole() {
        assert_eq!(
            texts("the Rasht-Astara railway, the North-South Corridor"),
            ["the", "Rasht-Astara", "railway", "the", "North-South", "Corridor"]
        );
        assert_eq!(
            texts("mission-Operation Prosperity Guardian-to counter"),
            ["mission-Operation", "Prosperity", "Guardian-to", "counter"]
        );
        assert_eq!(texts("a - b"), ["a", "b"]);
        assert_eq!(texts("well-"), ["well"]);
    }

    #[test]
    fn possessives_and_numbers_keep_their_surface() {
        assert_eq!(
            texts("Iran’s 2.4 million people, 100 trucks"),
            ["Iran’s", "2.4", "million", "people", "100", "trucks"]
        );
        let kinds: Vec<TokenKind> = tokens("2.4 1,000 COVID-19 x").map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Number, TokenKind::Number, TokenKind::Word, TokenKind::Word]);
    }

    #[test]
    fn sentences_end_at_stops_but_not_after_abbreviations() {
        assert_eq!(
            sentences("Mr. Lavrov spoke. Sept. 30 was set. He left."),
            [vec!["Mr", "Lavrov", "spoke"], vec!["Sept", "30", "was", "set"], vec!["He", "left"]]
        );
        assert_eq!(sentences("the October 7. attack went on"), [vec!["the", "October", "7", "attack", "went", "on"]]);
        assert_eq!(
            sentences("he said. \"We will act,\" he added!  Really?"),
            [vec!["he", "said"], vec!["We", "will", "act", "he", "added"], vec!["Really"]]
        );
        assert_eq!(sentences("J. Smith came"), [vec!["J", "Smith", "came"]]);
    }

    proptest::proptest! {
        /// The fast scanner is only an optimisation: on every text it accepts, its word
        /// pieces are exactly those of the Unicode word-boundary tables.
        #[test]
        fn prop_fast_pieces_agree_with_unicode_word_bounds(
            text in "[a-zA-Z0-9 _.,;:'!?\\-\n\t\"()%$éÉüßøłŒ’‘“”–—…«»°€£•\u{a0}]{0,60}"
        ) {
            proptest::prop_assert!(fast_path_applies(&text));
            let fast: Vec<(usize, &str)> = FastPieces { text: &text, at: 0 }.filter(|(_, p)| is_word_piece(p)).collect();
            let unicode: Vec<(usize, &str)> = text.split_word_bound_indices().filter(|(_, p)| is_word_piece(p)).collect();
            proptest::prop_assert_eq!(fast, unicode);
        }
    }

    proptest::proptest! {
        /// The byte scanner is only an optimisation: it gives exactly the tokens that joining
        /// the fast scanner's pieces gives, sentence starts and kinds included.
        #[test]
        fn prop_fast_tokens_agree_with_joined_pieces(
            text in "[a-zA-Z0-9 _.,;:'!?\\-\n\t\"()%$éÉüßøłŒ’‘“”–—…«»°€£•\u{a0}]{0,80}|([A-Za-z]{1,3}[ .\\-_!?]{1,2}){0,20}"
        ) {
            let sentences = || Sentences { text: &text, stop_pending: true, last_word: "" };
            let fast: Vec<Token<'_>> = FastTokens { pieces: FastPieces { text: &text, at: 0 }, sentences: sentences() }.collect();
            let joined: Vec<Token<'_>> =
                PieceTokens { pieces: FastPieces { text: &text, at: 0 }.peekable(), sentences: sentences() }.collect();
            proptest::prop_assert_eq!(fast, joined);
        }
    }

    proptest::proptest! {
        /// Reading eight bytes at a time finds the same first non-ASCII byte as reading one.
        #[test]
        fn prop_first_non_ascii_is_the_first_byte_above_0x7f(bytes in proptest::collection::vec(proptest::prop_oneof![15 => 0u8..0x80, 1 => 0x80u8..=0xff], 0..64)) {
            proptest::prop_assert_eq!(first_non_ascii(&bytes), bytes.iter().position(|&b| b >= 0x80));
        }
    }

    proptest::proptest! {
        #[test]
        fn prop_ascii_pieces_agree_with_unicode_word_bounds(text in "[a-zA-Z0-9 _.,;:'!?\\-\n\t\"()%$]{0,60}") {
            let ascii: Vec<(usize, &str)> = FastPieces { text: &text, at: 0 }.filter(|(_, p)| is_word_piece(p)).collect();
            let unicode: Vec<(usize, &str)> = text.split_word_bound_indices().filter(|(_, p)| is_word_piece(p)).collect();
            proptest::prop_assert_eq!(ascii, unicode);
        }
    }

    proptest::proptest! {
        /// Every token is exactly the text at its span, spans increase and do not overlap,
        /// and the first token starts a sentence.
        #[test]
        fn prop_token_spans_cover_exactly_the_token_text(text in "\\PC{0,80}|[a-zA-Z .,'’\\-!?]{0,80}") {
            let mut previous_end = 0;
            for (i, token) in tokens(&text).enumerate() {
                proptest::prop_assert_eq!(text.get(token.start..token.end), Some(token.text));
                proptest::prop_assert!(token.start >= previous_end && token.start < token.end);
                proptest::prop_assert!(i > 0 || token.sentence_start);
                previous_end = token.end;
            }
        }
    }

    #[test]
    fn left_single_quote_joins_letters_like_an_apostrophe() {
        // Found by prop_fast_pieces_agree_with_unicode_word_bounds: U+2018 is MidNumLet.
        assert_eq!(texts("a‘ø"), ["a‘ø"]);
    }

    #[test]
    fn text_outside_the_fast_alphabet_uses_the_unicode_tables() {
        assert!(!fast_path_applies("東京 talks"));
        assert_eq!(texts("東京 talks"), ["東", "京", "talks"]);
    }

    #[test]
    fn spans_are_the_token_text() {
        let text = "Iran’s “North-South” plan — 2.4%.";
        for token in tokens(text) {
            assert_eq!(&text[token.start..token.end], token.text);
        }
    }
}
