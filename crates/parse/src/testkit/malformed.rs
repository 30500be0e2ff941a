//! A text damaged the ways FORMAT.md lists under "Malformed input", each case with the
//! outcome FORMAT.md promises for it.
//!
//! What each kind of damage must leave is stated against the undamaged text read the same
//! way: damage the decoder undoes (a byte-order mark, CRLF, UTF-16, Windows-1252, mojibake)
//! leaves the very document the clean text gives, plus the one warning that names it;
//! damage it cannot undo (a stray byte, a character cut off) leaves the document of the text
//! with U+FFFD in its place, plus the warning. So a case checks the whole document, not a
//! few words of it.

use std::fmt;

use dateline_model::{Article, DateSource, Diagnostic, Document, Severity};
use proptest::prelude::*;
use proptest::sample::Index;

use super::locate;
use super::violation::{Law, Violation};
use crate::decode::windows_1252_char;
use crate::grammar::boilerplate::is_boilerplate;
use crate::{ArticleParser, CorpusReader, decode};

/// A kind of damage FORMAT.md lists, and where it was done.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Damage {
    /// A UTF-8 byte-order mark before the text: read, nothing to report.
    LeadingByteOrderMark,
    /// A byte-order mark at the start of a line past the first (two files joined): removed,
    /// with a warning where it was.
    ByteOrderMark {
        /// Its byte offset in the file.
        offset: usize,
    },
    /// Every line ending `\r\n`: read, the same document.
    CrLf,
    /// Every line ending a lone `\r`: read, the same document.
    LoneCr,
    /// The text in UTF-16 with a byte-order mark: read, the same document.
    Utf16 {
        /// Big-endian rather than little-endian.
        big_endian: bool,
    },
    /// A byte that is never UTF-8 at the start of a line: U+FFFD, with a warning.
    InvalidByte {
        /// Its byte offset in the file.
        offset: usize,
    },
    /// The file cut two bytes into a three-byte character: U+FFFD at the end, with a warning
    /// that says the file looks truncated.
    TruncatedUtf8,
    /// NUL bytes in the first 8 KiB: a binary file, skipped with one warning.
    EarlyNul {
        /// The byte offset of the first.
        offset: usize,
    },
    /// NUL bytes past the first 8 KiB: removed, with a warning.
    LateNuls {
        /// The byte offset of the first.
        offset: usize,
    },
    /// The text in Windows-1252 (it has characters outside ASCII, all of them in that
    /// encoding): read as such, with a warning at the first.
    Windows1252,
    /// The text's UTF-8 read as Windows-1252 and saved again as UTF-8: decoded again, with a
    /// warning at the first garbled character.
    Mojibake,
    /// A date line that cannot be (`2024-02-30`, `20:60`) put above the text: an error there.
    ImpossibleDate {
        /// The line put above the text.
        line: &'static str,
    },
    /// A line of 64 KiB appended as the last paragraph: read whole.
    HugeLine,
    /// The text twice: one article, with a warning where the second seems to start when the
    /// text has a title over a date line, or an inline prefix.
    Joined,
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LeadingByteOrderMark => f.write_str("a leading byte-order mark"),
            Self::ByteOrderMark { offset } => write!(f, "a byte-order mark at byte offset {offset}"),
            Self::CrLf => f.write_str("CRLF line endings"),
            Self::LoneCr => f.write_str("lone CR line endings"),
            Self::Utf16 { big_endian } => {
                write!(f, "UTF-16{} with a byte-order mark", if *big_endian { "BE" } else { "LE" })
            }
            Self::InvalidByte { offset } => write!(f, "the byte 0x81 at byte offset {offset}"),
            Self::TruncatedUtf8 => f.write_str("a character cut off by the end of the file"),
            Self::EarlyNul { offset } => write!(f, "NUL bytes at byte offset {offset}, in the first 8 KiB"),
            Self::LateNuls { offset } => write!(f, "NUL bytes at byte offset {offset}, past the first 8 KiB"),
            Self::Windows1252 => f.write_str("Windows-1252"),
            Self::Mojibake => f.write_str("mojibake throughout"),
            Self::ImpossibleDate { line } => write!(f, "the impossible date line `{line}` on top"),
            Self::HugeLine => f.write_str("a 64 KiB line at the end"),
            Self::Joined => f.write_str("the article twice in one file"),
        }
    }
}

/// How a damaged file ends (FORMAT.md, "Malformed input").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Outcome {
    /// Another way of writing, read as meant; nothing reported.
    Read,
    /// A warning at the damage; the article read as far as it goes.
    Warning,
    /// An error at a value that cannot be; that value left out, the strict parser failing
    /// there.
    Error,
    /// No article, and a warning saying why.
    Skip,
}

/// A damaged file, with the outcome FORMAT.md promises for it.
///
/// Its `Debug` shows the bytes as text (invalid UTF-8 as U+FFFD), so that a failing case
/// reads as the file it is.
#[derive(Clone)]
pub struct Malformed {
    /// What was done to the text.
    pub damage: Damage,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// How it must end.
    pub outcome: Outcome,
    /// The diagnostic the damage must cause: severity, line, column and words of its message.
    pub diagnostic: Option<(Severity, usize, usize, String)>,
    expected: Expected,
}

impl fmt::Debug for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Malformed")
            .field("damage", &self.damage)
            .field("bytes", &String::from_utf8_lossy(&self.bytes))
            .field("outcome", &self.outcome)
            .field("diagnostic", &self.diagnostic)
            .finish_non_exhaustive()
    }
}

/// What the document must be besides [`Malformed::diagnostic`].
#[derive(Debug, Clone)]
enum Expected {
    /// Exactly this document's article and diagnostics (the damage's diagnostic aside).
    Document(Document),
    /// No article.
    Nothing,
    /// No date from the first line (or, when only its time cannot be, its date and no time),
    /// and the strict parse failing at the error.
    ImpossibleLine { keeps_date: bool },
    /// This last paragraph, whole, and no error the clean text did not have.
    LastParagraph { text: String, clean: Document },
    /// The first copy's title and dates.
    FirstCopy(Option<Article>),
}

impl Malformed {
    /// Reads [`bytes`](Self::bytes) as the corpus reader does (with no options) and checks
    /// the promise with [`check_document`](Self::check_document).
    ///
    /// # Errors
    ///
    /// A [`Violation`] of [`Law::Outcome`] saying what differs.
    pub fn check(&self) -> Result<(), Violation> {
        self.check_document(&read(&self.bytes))
    }

    /// Checks a document read from [`bytes`](Self::bytes) (by the corpus reader with no
    /// options) against the promise: the outcome's severity, the damage's diagnostic at its
    /// line and column, and what the article keeps.
    ///
    /// # Errors
    ///
    /// A [`Violation`] of [`Law::Outcome`] saying what differs.
    pub fn check_document(&self, doc: &Document) -> Result<(), Violation> {
        let broke = |message: String| Violation::new(Law::Outcome, format!("{}: {message}", self.damage));
        let mut rest: Vec<&Diagnostic> = doc.diagnostics.iter().collect();
        if let Some((severity, line, column, words)) = &self.diagnostic {
            let found = rest.iter().position(|d| {
                d.severity == *severity && (d.line, d.column) == (*line, *column) && d.message.contains(words.as_str())
            });
            let Some(found) = found else {
                return Err(broke(format!(
                    "no {severity:?} at {line}:{column} saying {words:?} among {:?}",
                    doc.diagnostics
                )));
            };
            rest.remove(found);
        }
        let has_error = doc.diagnostics.iter().any(Diagnostic::is_error);
        match self.outcome {
            Outcome::Error if !has_error => return Err(broke(format!("no error among {:?}", doc.diagnostics))),
            Outcome::Skip if doc.article.is_some() => {
                return Err(broke(format!("an article from a skipped file: {doc:?}")));
            }
            _ => {}
        }
        match &self.expected {
            Expected::Document(clean) => {
                if doc.article != clean.article {
                    return Err(broke(format!("read as {:?}, the clean text as {:?}", doc.article, clean.article)));
                }
                let rest: Vec<Diagnostic> = rest.into_iter().cloned().collect();
                if rest != clean.diagnostics {
                    return Err(broke(format!(
                        "diagnostics {rest:?} besides the damage's, the clean text's {:?}",
                        clean.diagnostics
                    )));
                }
            }
            Expected::Nothing => {
                if !rest.is_empty() {
                    return Err(broke(format!("more than the one warning: {:?}", doc.diagnostics)));
                }
            }
            Expected::ImpossibleLine { keeps_date } => {
                let published = doc.article.as_ref().and_then(|a| a.published.as_ref());
                let from_line = published.filter(|p| p.span.start < self.first_line_len());
                let as_promised =
                    if *keeps_date { from_line.is_some_and(|p| p.time.is_none()) } else { from_line.is_none() };
                if !as_promised {
                    return Err(broke(format!("the publication date {published:?}")));
                }
                let strict = decode(&self.bytes)
                    .map(|decoded| crate::parse_article(&decoded.text).map_err(|e| (e.line(), e.column())));
                let error = doc.diagnostics.iter().find(|d| d.is_error()).map(|d| (d.line, d.column));
                if !matches!((strict, error), (Ok(Err(at)), Some(first)) if at == first) {
                    return Err(broke(format!("the strict parse does not fail at the first error {error:?}")));
                }
            }
            Expected::LastParagraph { text, clean } => {
                let last = doc.article.as_ref().and_then(|a| a.paragraphs().last()).map(|p| p.text.as_str());
                if last != Some(text.as_str()) {
                    return Err(broke(format!("the last paragraph is {:?}", last.map(|l| l.get(..80).unwrap_or(l)))));
                }
                let errors = |doc: &Document| {
                    doc.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.message.clone()).collect::<Vec<_>>()
                };
                if errors(doc) != errors(clean) {
                    return Err(broke(format!("errors {:?}, the clean text's {:?}", errors(doc), errors(clean))));
                }
            }
            Expected::FirstCopy(clean) => {
                let parts = |a: Option<&Article>| a.map(|a| (a.title.clone(), a.published.clone(), a.updated.clone()));
                if parts(doc.article.as_ref()) != parts(clean.as_ref()) {
                    return Err(broke(format!("read as {:?}, the first copy as {:?}", doc.article, clean)));
                }
            }
        }
        Ok(())
    }

    fn first_line_len(&self) -> usize {
        match self.damage {
            Damage::ImpossibleDate { line } => line.len(),
            _ => 0,
        }
    }
}

/// A case whose damage is one warning, at byte `offset` of the decoded `text`.
fn warned(damage: Damage, bytes: Vec<u8>, text: &str, offset: usize, words: String, expected: Expected) -> Malformed {
    let (line, column) = locate(text, offset);
    let diagnostic = Some((Severity::Warning, line, column, words));
    Malformed { damage, bytes, outcome: Outcome::Warning, diagnostic, expected }
}

fn read(bytes: &[u8]) -> Document {
    CorpusReader::new(ArticleParser::new()).parse_bytes("malformed.txt".to_owned(), bytes)
}

/// Date lines with a value that cannot be: the line, the error's column, and whether the
/// date stays (only the time cannot be).
const IMPOSSIBLE_DATES: [(&str, usize, bool); 6] = [
    ("2024-02-30", 1, false),
    ("2024-13-01", 1, false),
    ("1402/12/30", 1, false),
    ("September 31, 2024", 1, false),
    ("September 15, 2024 - 20:60", 22, true),
    ("March 3, 2024 24:00", 15, true),
];

/// The Windows-1252 byte of `c`, for the characters that encoding has.
fn windows_1252_byte(c: char) -> Option<u8> {
    (0x80..=0xFF)
        .find(|&b| windows_1252_char(b) == Some(c))
        .or_else(|| u8::try_from(u32::from(c)).ok().filter(u8::is_ascii))
}

/// Where a character of `text` starts whose UTF-8, read as Windows-1252, the decoder takes
/// for mojibake: two bytes of Latin-1 (U+00A0 to U+00BF, U+00E0 to U+00FF) or three of the
/// punctuation block (U+2000 to U+2FFF).
fn first_mojibake_source(text: &str) -> Option<usize> {
    text.char_indices()
        .find(|&(_, c)| matches!(u32::from(c), 0xA0..=0xBF | 0xE0..=0xFF | 0x2000..=0x2FFF))
        .map(|(at, _)| at)
}

/// `text`, damaged in each way FORMAT.md lists that applies to it, with the outcome FORMAT.md
/// promises: a byte-order mark before it or at a line's start, CRLF or lone CR endings,
/// UTF-16 with a byte-order mark, a stray byte at a line's start, a character cut off at the
/// end, NUL bytes (early: a binary file; past 8 KiB: removed), Windows-1252 and mojibake (for
/// a text with characters outside ASCII), an impossible date line on top, a 64 KiB last
/// line, and the text twice.
///
/// The text is first cleaned of CR, NUL and U+FEFF, damage of their own. The damage that
/// sits at a place (a byte-order mark, a stray byte, NULs) needs a text the decoder leaves
/// as it is (no HTML left in it, no mojibake), so that places in the file and the text agree;
/// other texts get the rest.
///
/// Check a case with [`Malformed::check`], or read [`Malformed::bytes`] your own way and
/// check the document with [`Malformed::check_document`].
pub fn malformed(text: &str) -> impl Strategy<Value = Malformed> + use<> {
    let text: String = text.chars().filter(|c| !matches!(c, '\r' | '\0' | '\u{feff}')).collect();
    let clean = read(text.as_bytes());
    let untouched = decode(text.as_bytes()).is_ok_and(|d| d.diagnostics.is_empty() && d.text == text.as_str());
    let line_starts: Vec<usize> =
        std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).filter(|&i| i < text.len()).collect();
    let mut kinds: Vec<BoxedStrategy<Malformed>> = Vec::new();

    let same = |damage: Damage, bytes: Vec<u8>, clean: &Document| Malformed {
        damage,
        bytes,
        outcome: Outcome::Read,
        diagnostic: None,
        expected: Expected::Document(clean.clone()),
    };
    kinds.push(
        Just(same(Damage::LeadingByteOrderMark, [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(), &clean)).boxed(),
    );
    kinds.push(Just(same(Damage::CrLf, text.replace('\n', "\r\n").into_bytes(), &clean)).boxed());
    kinds.push(Just(same(Damage::LoneCr, text.replace('\n', "\r").into_bytes(), &clean)).boxed());
    for big_endian in [false, true] {
        let units = text.encode_utf16().flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
        let bom: [u8; 2] = if big_endian { [0xFE, 0xFF] } else { [0xFF, 0xFE] };
        kinds.push(Just(same(Damage::Utf16 { big_endian }, bom.into_iter().chain(units).collect(), &clean)).boxed());
    }
    {
        let text = text.clone();
        kinds.push(
            prop::sample::select(&IMPOSSIBLE_DATES[..])
                .prop_map(move |(line, column, keeps_date)| Malformed {
                    damage: Damage::ImpossibleDate { line },
                    bytes: format!("{line}\n\n{text}").into_bytes(),
                    outcome: Outcome::Error,
                    diagnostic: Some((Severity::Error, 1, column, String::new())),
                    expected: Expected::ImpossibleLine { keeps_date },
                })
                .boxed(),
        );
    }
    {
        let early: Vec<usize> = line_starts.iter().copied().filter(|&at| at < 8 * 1024).collect();
        let text = text.clone();
        // In a text this short a few NULs could be every other byte: UTF-16, not binary.
        if !early.is_empty() && text.len() >= 16 {
            kinds.push(
                (any::<Index>(), 1usize..4)
                    .prop_map(move |(at, count)| {
                        let offset = early[at.index(early.len())];
                        let mut bytes = text.clone().into_bytes();
                        bytes.splice(offset..offset, std::iter::repeat_n(0, count));
                        let (line, column) = locate(&text, offset);
                        let words = format!("binary file (NUL byte at byte offset {offset}), skipped");
                        Malformed {
                            damage: Damage::EarlyNul { offset },
                            bytes,
                            outcome: Outcome::Skip,
                            diagnostic: Some((Severity::Warning, line, column, words)),
                            expected: Expected::Nothing,
                        }
                    })
                    .boxed(),
            );
        }
    }
    if untouched {
        kinds.extend(placed_damage(&text, &clean, &line_starts));
        kinds.extend(encoding_damage(&text, &clean));
        kinds.push(huge_line(&text, &clean));
        kinds.extend(joined(&text, &clean));
    }
    prop::strategy::Union::new(kinds)
}

/// Damage at the start of a line: a byte-order mark, a stray byte, late NULs.
fn placed_damage(text: &str, clean: &Document, line_starts: &[usize]) -> Vec<BoxedStrategy<Malformed>> {
    let mut kinds = Vec::new();
    let later: Vec<usize> = line_starts.iter().copied().filter(|&at| at > 0).collect();
    if !later.is_empty() {
        let (text, clean) = (text.to_owned(), clean.clone());
        kinds.push(
            any::<Index>()
                .prop_map(move |at| {
                    let offset = later[at.index(later.len())];
                    let mut bytes = text.clone().into_bytes();
                    bytes.splice(offset..offset, *b"\xEF\xBB\xBF");
                    let words = format!("byte-order mark (U+FEFF) at byte offset {offset}, removed");
                    warned(
                        Damage::ByteOrderMark { offset },
                        bytes,
                        &text,
                        offset,
                        words,
                        Expected::Document(clean.clone()),
                    )
                })
                .boxed(),
        );
    }
    {
        let (text, starts) = (text.to_owned(), line_starts.to_vec());
        kinds.push(
            any::<Index>()
                .prop_map(move |at| {
                    let offset = starts.get(at.index(starts.len().max(1))).copied().unwrap_or(0);
                    let mut bytes = text.clone().into_bytes();
                    bytes.insert(offset, 0x81);
                    let mut replaced = text.clone();
                    replaced.insert(offset, char::REPLACEMENT_CHARACTER);
                    let words = format!("invalid UTF-8 byte 0x81 at byte offset {offset}");
                    warned(
                        Damage::InvalidByte { offset },
                        bytes,
                        &text,
                        offset,
                        words,
                        Expected::Document(read(replaced.as_bytes())),
                    )
                })
                .boxed(),
        );
    }
    {
        let mut bytes = text.as_bytes().to_vec();
        bytes.extend(b"\xE2\x80");
        let replaced = format!("{text}\u{FFFD}");
        let words = format!("ends inside a UTF-8 character (bytes 0xE2 0x80 at byte offset {})", text.len());
        let expected = Expected::Document(read(replaced.as_bytes()));
        kinds.push(Just(warned(Damage::TruncatedUtf8, bytes, text, text.len(), words, expected)).boxed());
    }
    let late: Vec<usize> = line_starts.iter().copied().filter(|&at| at > 8 * 1024).collect();
    if !late.is_empty() {
        let (text, clean) = (text.to_owned(), clean.clone());
        kinds.push(
            (any::<Index>(), 1usize..100)
                .prop_map(move |(at, count)| {
                    let offset = late[at.index(late.len())];
                    let mut bytes = text.clone().into_bytes();
                    bytes.splice(offset..offset, std::iter::repeat_n(0, count));
                    let words = if count == 1 {
                        format!("NUL at byte offset {offset}, removed")
                    } else {
                        format!("{count} NULs from byte offset {offset}, removed")
                    };
                    warned(Damage::LateNuls { offset }, bytes, &text, offset, words, Expected::Document(clean.clone()))
                })
                .boxed(),
        );
    }
    kinds
}

/// The text in Windows-1252, or garbled as mojibake, where its characters allow.
fn encoding_damage(text: &str, clean: &Document) -> Vec<BoxedStrategy<Malformed>> {
    let mut kinds = Vec::new();
    let first_non_ascii = text.char_indices().find(|(_, c)| !c.is_ascii()).map(|(at, _)| at);
    let encoded: Option<Vec<u8>> = text.chars().map(windows_1252_byte).collect();
    // Read as Windows-1252 only when no run of its bytes is a UTF-8 character, or the start
    // of one, by chance.
    if let (Some(at), Some(bytes)) = (first_non_ascii, encoded)
        && bytes.utf8_chunks().all(|chunk| chunk.valid().is_ascii() && chunk.invalid().len() <= 1)
        // One byte past ASCII, the last, is a character cut off: UTF-8 with a U+FFFD.
        && bytes.split_last().is_some_and(|(_, before)| !before.is_ascii())
    {
        let words =
            format!("not UTF-8 (byte 0x{:02X} at byte offset {at}) and no UTF-8 multi-byte character", bytes[at]);
        kinds
            .push(Just(warned(Damage::Windows1252, bytes, text, at, words, Expected::Document(clean.clone()))).boxed());
    }
    if let Some(at) = first_mojibake_source(text) {
        // Each byte of the UTF-8 as the character Windows-1252 (or, for the five bytes it
        // leaves undefined, Latin-1) gives it.
        let garbled: String = text.bytes().map(|b| windows_1252_char(b).unwrap_or_else(|| char::from(b))).collect();
        let words = String::from("the whole file reads that way");
        let expected = Expected::Document(clean.clone());
        kinds.push(Just(warned(Damage::Mojibake, garbled.into_bytes(), text, at, words, expected)).boxed());
    }
    kinds
}

fn huge_line(text: &str, clean: &Document) -> BoxedStrategy<Malformed> {
    let line =
        "Officials meet again on Sunday to discuss the budget ".repeat(64 * 1024 / 53).trim_end().to_owned() + ".";
    let bytes = format!("{text}\n\n{line}\n").into_bytes();
    Just(Malformed {
        damage: Damage::HugeLine,
        bytes,
        outcome: Outcome::Read,
        diagnostic: None,
        expected: Expected::LastParagraph { text: line, clean: clean.clone() },
    })
    .boxed()
}

/// Whether the date line (with its update line) stands between blank lines, under its title
/// or a blank line apart from it, under a title of a title's shape: the layouts FORMAT.md
/// says a second copy is told by.
fn header_stands_apart(text: &str, article: &Article) -> bool {
    let (Some(published), Some(title)) = (&article.published, article.title_span) else { return false };
    let end = article.updated.as_ref().map_or(published.span.end, |u| u.span.end);
    let line_start = text[..published.span.start].rfind('\n').map_or(0, |i| i + 1);
    let rest = &text[end..];
    let after = rest.split_once('\n').map_or("", |(_, after)| after);
    let blank = |line: &str| line.trim().is_empty();
    let below = rest.lines().next().is_none_or(blank) && after.lines().next().is_none_or(blank);
    let above = text[..line_start].trim_end_matches('\n');
    let directly_under_title = above.len() == title.end && text[..line_start].ends_with('\n');
    let apart = text[..line_start].ends_with("\n\n") || directly_under_title;
    // A title above its date line is taken whatever its shape, but only one of a title's
    // shape (FORMAT.md's `title`) and no furniture line (`Tags: ...`; the header's rules ask
    // the same of a title with no date line under it) tells a second copy: the parser does
    // not take a furniture line in the body for a second title.
    let shaped = text
        .get(title.start..title.end)
        .is_some_and(|title| crate::grammar::body::looks_like_title(title) && !is_boilerplate(title, &[]));
    below && apart && shaped
}

/// Whether a second copy of an inline date's line is told: it opens a paragraph (after a
/// blank line, or indented), or stands directly under a title of a title's shape that is no
/// furniture line, as FORMAT.md says. Under a title of another shape, or under an underline,
/// it is not promised.
fn inline_told(text: &str, article: &Article) -> bool {
    let Some(published) = &article.published else { return false };
    let line_start = text[..published.span.start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].split('\n').next().unwrap_or_default();
    let Some(above_end) = line_start.checked_sub(1) else { return true };
    let above_start = text[..above_end].rfind('\n').map_or(0, |i| i + 1);
    let above = &text[above_start..above_end];
    let shaped_title = article.title_span.filter(|t| (above_start..=above_end).contains(&t.start)).is_some_and(|t| {
        let title = &text[t.start..t.end];
        crate::grammar::body::looks_like_title(title) && !is_boilerplate(title, &[])
    });
    crate::grammar::body::is_blank(above) || crate::grammar::body::is_indented(line) || shaped_title
}

/// The text twice. A second title over a date line, or a second inline prefix, is said where
/// its date stands; a date line under no title is a timeline's heading as often, and not said;
/// nor, so far, one under a byline under a title.
fn joined(text: &str, clean: &Document) -> Option<BoxedStrategy<Malformed>> {
    let joined = format!("{text}\n\n{text}");
    let article = clean.article.clone();
    let published = article.as_ref().and_then(|a| a.published.as_ref().map(|p| (p.source, p.span.start)));
    // Without a date line of its own the header is not settled: what follows may make its
    // first line a title.
    if !matches!(published, Some((DateSource::Header | DateSource::InlinePrefix, _))) {
        return None;
    }
    // A byline between the title and the date line hides the second header: not promised.
    let titled = article.as_ref().is_some_and(|a| {
        let date_at = a.published.as_ref().map_or(0, |p| p.span.start);
        a.title.is_some() && !a.credits.iter().any(|c| c.span.end <= date_at)
    });
    // Said once, at the first: the text's own second header if it has one, else the copy's.
    const SECOND: &str = "a second article seems to start here";
    let said = |at: usize| {
        let own = clean.diagnostics.iter().find(|d| d.message.contains(SECOND)).map(|d| (d.line, d.column));
        let (line, column) = own.unwrap_or_else(|| locate(&joined, text.len() + 2 + at));
        Some((Severity::Warning, line, column, String::from(SECOND)))
    };
    let diagnostic = match published {
        Some((DateSource::Header, at)) if titled && article.as_ref().is_some_and(|a| header_stands_apart(text, a)) => {
            said(at)
        }
        Some((DateSource::InlinePrefix, at)) if article.as_ref().is_some_and(|a| inline_told(text, a)) => said(at),
        _ => None,
    };
    let outcome = if diagnostic.is_some() { Outcome::Warning } else { Outcome::Read };
    Some(
        Just(Malformed {
            damage: Damage::Joined,
            bytes: joined.into_bytes(),
            outcome,
            diagnostic,
            expected: Expected::FirstCopy(article),
        })
        .boxed(),
    )
}
