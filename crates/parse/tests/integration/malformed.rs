//! The malformed-input suite: what the parser does with each kind of broken input, written
//! down case by case and asserted exactly (FORMAT.md, "Malformed input", says the same for
//! users).
//!
//! Each case ends in one of four outcomes:
//!
//! - **read**: not damage but another way of writing (full-width digits, a no-break space):
//!   read as meant, nothing to report;
//! - **error** at the line and column of a value that cannot be (a 20-digit year, `20:60`):
//!   that value is left out, the rest of the article stays, the strict parser fails there;
//! - **warning** at the line and column of the damage, with the article read as far as it
//!   goes: whatever was guessed, replaced or removed is named, nothing is dropped unsaid;
//! - **skip**: no article (a binary file), and one warning saying why.
//!
//! Small cases are the fixtures in `tests/fixtures/` (their snapshots show the whole result);
//! the table below gives each one's outcome, its diagnostics (severity, line, column and
//! words of the message, all of them, in order) and which parts of the article survive.
//! Big cases (a NUL after 1 MB, 10^5 ` date` lines, a 1 MB title) are built in memory here.
//! How long each takes at n and 8n bytes is measured by `dateline-benches`' `linear-check`,
//! never timed in a test.

use std::path::Path;

use dateline_model::{Document, Severity};
use dateline_parse::{ArticleParser, CorpusReader, decode, parse_article};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Read,
    Error,
    Warning,
    Skip,
}

/// The parts of an article a case keeps or loses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Title,
    Date,
    Time,
    Dateline,
    Body,
    Furniture,
}

use Outcome::{Error, Read, Skip, Warning};
use Part::{Body, Date, Dateline, Furniture, Time, Title};

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

struct Case {
    /// The fixture, `tests/fixtures/<name>.txt`.
    name: &'static str,
    outcome: Outcome,
    /// Why this outcome is the right one.
    why: &'static str,
    /// Every diagnostic, in order: severity, line, column, words its message holds.
    diagnostics: &'static [(Severity, usize, usize, &'static str)],
    /// The parts of the article that survive; every other part is absent.
    parts: &'static [Part],
}

const CASES: &[Case] = &[
    Case {
        name: "bytes_stray_ff",
        outcome: Warning,
        why: "0xFF is never UTF-8, and the file has UTF-8 characters: each stray byte becomes U+FFFD, named by its offset",
        diagnostics: &[
            (W, 1, 13, "invalid UTF-8 byte 0xFF at byte offset 12"),
            (W, 7, 39, "invalid UTF-8 byte 0xFF at byte offset 188"),
            (W, 7, 40, "invalid UTF-8 byte 0xFF at byte offset 189"),
        ],
        parts: &[Title, Date, Time, Dateline, Body],
    },
    Case {
        name: "bytes_stray_ff_in_date_line",
        outcome: Warning,
        why: "a U+FFFD glued to the date means the line is not a date line; it stays as text, and both the byte and the missing date are said",
        diagnostics: &[(W, 1, 1, "no publication date found"), (W, 3, 19, "invalid UTF-8 byte 0xFF at byte offset 48")],
        parts: &[Title, Dateline, Body],
    },
    Case {
        name: "bytes_windows_1252_dashes",
        outcome: Warning,
        why: "no UTF-8 character anywhere and only bytes Windows-1252 defines: the file is Windows-1252, so its dashes are dashes and the date line and dateline read",
        diagnostics: &[(W, 1, 4, "(byte 0xE9 at byte offset 3) and no UTF-8 multi-byte character")],
        parts: &[Title, Date, Time, Dateline, Body],
    },
    Case {
        name: "bytes_mojibake",
        outcome: Warning,
        why: "the whole file is UTF-8 read as Windows-1252 and saved again, so undoing that is safe; said once, at the first garbled character",
        diagnostics: &[(W, 1, 4, "mojibake: `Ã©` is `é` in UTF-8 read as Windows-1252; the whole file reads that way")],
        parts: &[Title, Date, Time, Dateline, Body],
    },
    Case {
        name: "bytes_mojibake_mixed",
        outcome: Warning,
        why: "garbled text next to right text: undoing it would garble the rest, so it is only reported",
        diagnostics: &[(W, 7, 12, "mojibake? `â€™` is `’` in UTF-8 read as Windows-1252; left as it is")],
        parts: &[Title, Date, Time, Dateline, Body],
    },
    Case {
        name: "bytes_bom_mid_file",
        outcome: Warning,
        why: "a byte-order mark past the start is a seam where files were joined, not text: removed, so the date line behind it reads",
        diagnostics: &[(W, 3, 1, "byte-order mark (U+FEFF) at byte offset 30, removed")],
        parts: &[Title, Date, Dateline, Body],
    },
    Case {
        name: "bytes_utf16_le_no_bom",
        outcome: Warning,
        why: "every other byte NUL and nothing else odd: UTF-16LE without its mark, read as such rather than skipped as binary",
        diagnostics: &[(W, 1, 1, "no byte-order mark, but NUL bytes at every other offset: read as UTF-16LE")],
        parts: &[Title, Date, Time, Dateline, Body],
    },
    Case {
        name: "bytes_truncated_utf8_at_end",
        outcome: Warning,
        why: "the file stops two bytes into a three-byte character: one U+FFFD, and the message says the file looks truncated",
        diagnostics: &[(W, 5, 65, "ends inside a UTF-8 character (bytes 0xE2 0x80 at byte offset 116)")],
        parts: &[Title, Date, Dateline, Body],
    },
    Case {
        name: "bytes_binary_nul",
        outcome: Skip,
        why: "a NUL in the first 8 KiB, not laid out as UTF-16: a binary file, no article",
        diagnostics: &[(W, 3, 1, "binary file (NUL byte at byte offset 8), skipped")],
        parts: &[],
    },
    Case {
        name: "dateline_nbsp",
        outcome: Read,
        why: "a no-break space is a space: the dateline's parts are found; the place keeps its text as written",
        diagnostics: &[],
        parts: &[Title, Date, Dateline, Body],
    },
    Case {
        name: "dateline_zero_width",
        outcome: Read,
        why: "zero-width spaces and word joiners around a dateline take no room and mean nothing: they count as space",
        diagnostics: &[],
        parts: &[Title, Date, Dateline, Body],
    },
    Case {
        name: "date_full_width_digits",
        outcome: Read,
        why: "full-width digits are the same digits (East Asian text writes them): 2024-09-15 20:09, the raw text kept as written",
        diagnostics: &[],
        parts: &[Title, Date, Time, Dateline, Body],
    },
    Case {
        name: "date_year_20_digits",
        outcome: Error,
        why: "a date line with a year no calendar has: an error at the date, never a guess; the article has no date",
        diagnostics: &[(E, 3, 1, "year 20240000000000000000 is out of range (at most four digits)")],
        parts: &[Title, Dateline, Body],
    },
    Case {
        name: "invalid_time_20_60",
        outcome: Error,
        why: "minute 60 does not exist: an error at the time itself (column 22), the date stays and the time is left out",
        diagnostics: &[(E, 3, 22, "impossible time `20:60`: minute 60 does not exist")],
        parts: &[Title, Date, Dateline, Body],
    },
    Case {
        name: "boilerplate_only_body",
        outcome: Warning,
        why: "a title and a date over site furniture only: the article is kept, and the missing body is said at the first furniture line",
        diagnostics: &[(W, 5, 1, "no body text: only site furniture after the header (`Leave a Comment`")],
        parts: &[Title, Date, Furniture],
    },
    Case {
        name: "boilerplate_only_file",
        outcome: Warning,
        why: "furniture and nothing else: kept as furniture (the first line is no title), with one warning; no date is asked of it",
        diagnostics: &[(W, 1, 1, "no article text: the file holds only site furniture")],
        parts: &[Furniture],
    },
    Case {
        name: "title_and_date_only",
        outcome: Warning,
        why: "a header and no text, as a failed scrape leaves: kept, and said",
        diagnostics: &[(W, 1, 1, "no body text: the article is a header only")],
        parts: &[Title, Date],
    },
    Case {
        name: "concatenated_title_and_date",
        outcome: Warning,
        why: "a title over a date line again mid-body, laid out like the header: two files joined, most likely. One file is one article, so it stays one, with a warning where the second starts",
        diagnostics: &[(W, 13, 1, "a second article seems to start here: `September 16, 2024 - 08:30`")],
        parts: &[Title, Date, Dateline, Body, Furniture],
    },
    Case {
        name: "concatenated_inline_date",
        outcome: Warning,
        why: "paragraphs opening with ` date 2024-01-11` as the first did: joined articles, counted in one warning",
        diagnostics: &[(W, 5, 7, "own date line (2 such date lines in the body)")],
        parts: &[Date, Body],
    },
    Case {
        name: "date_slashed_ambiguous",
        outcome: Warning,
        why: "04/03/2024 is 4 March or 3 April: no date is guessed; the warning gives both and how to choose",
        diagnostics: &[(W, 3, 1, "4 March 2024 (day first) or 3 April 2024 (month first)")],
        parts: &[Title, Body],
    },
    Case {
        name: "date_year_before_1800_not_read",
        outcome: Warning,
        why: "1403 with a Gregorian month is two calendars at once: no date, and the warning says why",
        diagnostics: &[(W, 3, 1, "year 1403 is before 1800")],
        parts: &[Title, Body],
    },
    Case {
        name: "date_weekday_not_the_dates",
        outcome: Warning,
        why: "the line names a Tuesday for a Sunday: the date is taken as written, and the slip said",
        diagnostics: &[(W, 3, 1, "names a Tuesday, but 3 March 2024 is a Sunday")],
        parts: &[Title, Date, Body],
    },
    Case {
        name: "html_character_references",
        outcome: Warning,
        why: "HTML left by a scraper is decoded in the decoder: one warning for the file, at the first",
        diagnostics: &[(W, 5, 1, "HTML left in the text, first `&quot;` here: 6 character references decoded")],
        parts: &[Title, Date, Body],
    },
    Case {
        name: "html_stray_tags",
        outcome: Warning,
        why: "stray tags go, <p> and <br> as line breaks so paragraphs stay apart",
        diagnostics: &[(W, 5, 1, "7 tags removed")],
        parts: &[Title, Date, Body],
    },
];

fn read(name: &str, bytes: &[u8]) -> Document {
    CorpusReader::new(ArticleParser::new()).parse_bytes(name.to_owned(), bytes)
}

fn parts(doc: &Document) -> Vec<Part> {
    let Some(article) = &doc.article else { return Vec::new() };
    let published = article.published.as_ref();
    let mut parts = Vec::new();
    parts.extend(article.title.as_ref().map(|_| Title));
    parts.extend(published.map(|_| Date));
    parts.extend(published.and_then(|p| p.time).map(|_| Time));
    parts.extend(article.dateline.as_ref().map(|_| Dateline));
    parts.extend(article.paragraphs().next().map(|_| Body));
    parts.extend(article.boilerplate.first().map(|_| Furniture));
    parts
}

/// The document's diagnostics are exactly `expected`, in order.
fn check_diagnostics(doc: &Document, expected: &[(Severity, usize, usize, &str)]) {
    let found: Vec<_> = doc.diagnostics.iter().map(|d| (d.severity, d.line, d.column, d.message.as_str())).collect();
    assert_eq!(found.len(), expected.len(), "{}: {found:#?}", doc.path);
    for (found, expected) in found.iter().zip(expected) {
        let (severity, line, column, words) = *expected;
        assert_eq!((found.0, found.1, found.2), (severity, line, column), "{}: {found:?}", doc.path);
        assert!(found.3.contains(words), "{}: {:?} does not say {words:?}", doc.path, found.3);
    }
}

#[test]
fn every_malformed_fixture_ends_as_written_down() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for case in CASES {
        let bytes = std::fs::read(dir.join(format!("{}.txt", case.name))).expect("the fixture exists");
        let doc = read(case.name, &bytes);
        check_diagnostics(&doc, case.diagnostics);
        assert_eq!(parts(&doc), case.parts, "{}: the parts that survive", case.name);
        let severities: Vec<Severity> = case.diagnostics.iter().map(|d| d.0).collect();
        let strict = decode(&bytes).ok().map(|decoded| parse_article(&decoded.text));
        match case.outcome {
            Read => assert!(severities.is_empty(), "{}: {}", case.name, case.why),
            Warning => {
                assert!(!severities.is_empty() && !severities.contains(&E), "{}: {}", case.name, case.why);
                assert!(strict.is_some_and(|s| s.is_ok()), "{}: warnings do not fail a strict parse", case.name);
            }
            Error => {
                let (_, line, column, _) = case.diagnostics.iter().find(|d| d.0 == E).expect("an error");
                let error = strict.and_then(Result::err).expect("a strict parse fails");
                assert_eq!((error.line(), error.column()), (*line, *column), "{}: {}", case.name, case.why);
            }
            Skip => {
                assert!(doc.article.is_none(), "{}: {}", case.name, case.why);
                assert!(strict.is_none(), "{}: not decodable", case.name);
            }
        }
    }
}

#[test]
fn every_case_is_written_down_once() {
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CASES.len());
    assert!(CASES.iter().all(|c| !c.why.is_empty()));
}

const ONE_MB: usize = 1 << 20;

/// A title, a date line, then paragraphs up to `bytes`: (the text, how many lines it has).
fn article_of(bytes: usize) -> (String, usize) {
    let mut text =
        String::from("Port workers strike over pay\n\nSeptember 15, 2024\n\nHAMBURG – Dock workers walked out.\n");
    while text.len() < bytes {
        text.push_str("\nThe union said members would stay out until employers made a better offer.\n");
    }
    let lines = text.matches('\n').count();
    (text, lines)
}

/// Warning: a NUL past the first 8 KiB is damage, not a sign of a binary file. The run is
/// removed and named where it was; the text on both sides is kept.
#[test]
fn a_nul_after_one_megabyte_is_removed_with_a_warning() {
    let (text, lines) = article_of(ONE_MB);
    let mut bytes = text.into_bytes();
    bytes.push(b'\n');
    let at = bytes.len();
    bytes.extend(std::iter::repeat_n(0, 4096));
    bytes.extend(b"The talks went on.\n");
    let doc = read("nul-after-1mb.txt", &bytes);
    let message = format!("4096 NULs from byte offset {at}, removed");
    check_diagnostics(&doc, &[(W, lines + 2, 1, &message)]);
    assert_eq!(parts(&doc), [Title, Date, Dateline, Body]);
    let article = doc.article.expect("an article");
    assert_eq!(article.paragraphs().last().map(|p| p.text.as_str()), Some("The talks went on."));
    assert!(article.paragraphs().all(|p| !p.text.contains('\0')));
}

/// Warning: a file preallocated and cut short ends in NULs; the article before them is whole.
#[test]
fn nul_padding_to_the_end_is_removed_with_a_warning() {
    let (text, lines) = article_of(ONE_MB);
    let paragraphs = text.matches("\n\n").count() - 1;
    let mut bytes = text.into_bytes();
    let at = bytes.len();
    bytes.resize(2 * ONE_MB, 0);
    let doc = read("nul-padding.txt", &bytes);
    let message = format!("{} NULs from byte offset {at}, removed", 2 * ONE_MB - at);
    check_diagnostics(&doc, &[(W, lines + 1, 1, &message)]);
    assert_eq!(doc.article.expect("an article").paragraphs().count(), paragraphs);
}

/// Warning: 10^5 lines each opening with ` date 2024-01-10`, the seeds' inline prefix. The first
/// gives the date; the others stay text (indented, each its own paragraph), reported once, with
/// their number, at the second.
#[test]
fn a_hundred_thousand_date_lines_are_one_article_and_one_warning() {
    const LINES: usize = 100_000;
    let text = " date 2024-01-10 Officials met again.\n".repeat(LINES);
    let doc = read("date-lines.txt", text.as_bytes());
    let message = format!("({} such date lines in the body)", LINES - 1);
    check_diagnostics(&doc, &[(W, 2, 7, &message)]);
    assert_eq!(parts(&doc), [Date, Body]);
    let article = doc.article.expect("an article");
    assert_eq!(article.published.as_ref().map(|p| p.date.to_string()).as_deref(), Some("2024-01-10"));
    assert_eq!(article.paragraphs().count(), LINES);
    assert_eq!(article.paragraphs().nth(1).map(|p| p.text.as_str()), Some("date 2024-01-10 Officials met again."));
}

/// Warning: a line of 1 MB above a date line is where a title goes, so it is the title, whole;
/// no headline is that long, so it is said.
#[test]
fn a_one_megabyte_title_is_kept_with_a_warning() {
    let title = "Officials meet again on Sunday to discuss the budget ".repeat(ONE_MB / 53 + 1);
    let title = title.trim_end();
    let text = format!("{title}\n\nSeptember 15, 2024\n\nThe talks ended.\n");
    let doc = read("long-title.txt", text.as_bytes());
    let message = format!("a title of {} bytes, longer than any headline (400 at most)", title.len());
    check_diagnostics(&doc, &[(W, 1, 1, &message)]);
    assert_eq!(parts(&doc), [Title, Date, Body]);
    assert_eq!(doc.article.expect("an article").title.as_deref(), Some(title));
}

/// Warning: without a date line below, a 1 MB line has no title's shape: it is the body.
#[test]
fn a_one_megabyte_line_without_a_date_line_is_body_text() {
    let line = "Officials meet again on Sunday to discuss the budget ".repeat(ONE_MB / 53 + 1);
    let text = format!("{}\n\nThe talks ended.\n", line.trim_end());
    let doc = read("long-line.txt", text.as_bytes());
    check_diagnostics(&doc, &[(W, 1, 1, "no publication date found")]);
    assert_eq!(parts(&doc), [Body]);
    assert_eq!(doc.article.expect("an article").paragraphs().count(), 2);
}

mod generated {
    use dateline_parse::testkit::{articles, malformed, texts};
    use proptest::prelude::*;

    proptest! {
        // Each kind of damage FORMAT.md lists, done to well-formed articles, ends as FORMAT.md
        // promises: the outcome, the diagnostic at the damage, and what the article keeps.
        #[test]
        fn prop_damaged_articles_end_as_promised(case in articles().prop_flat_map(|(text, _)| malformed(&text))) {
            case.check()?;
        }

        // The same promises hold for any text, as far as they reach it.
        #[test]
        fn prop_damaged_texts_end_as_promised(case in texts().prop_flat_map(|text| malformed(&text))) {
            case.check()?;
        }
    }
}
