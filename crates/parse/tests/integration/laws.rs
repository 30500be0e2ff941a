//! The parser's laws, stated as property tests.
//!
//! Inputs are mostly article-shaped (titles, date lines in every documented style, datelines,
//! `=====` breaks, subheadings, hard-wrapped and indented paragraphs, furniture, NBSP, tabs,
//! unicode dashes and quotes), mixed with line soups of the same pieces and arbitrary strings,
//! so the laws are exercised on realistic structure and not only on noise.

use chrono::NaiveDate;
use dateline_model::{Article, Diagnostic, Document};
use dateline_parse::{ArticleParser, CorpusReader, decode, parse_article, parse_article_lenient};
use proptest::prelude::*;
use proptest::sample::select;

use crate::invariants::{self, has_error};

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const WORDS: &[&str] = &[
    "By",
    "BY",
    "JOHN",
    "Tags:",
    "©",
    "COPYRIGHT",
    "20:09",
    "pm",
    "at",
    "Share",
    "this",
    "(Xinhua)",
    "Tehran",
    "Moscow",
    "officials",
    "met",
    "on",
    "Sunday",
    "said",
    "the",
    "talks",
    "of",
    "in",
    "and",
    "a",
    "to",
    "Iran’s",
    "“ready”",
    "'unhindered",
    "access'",
    "–",
    "—",
    "-",
    "U.S.",
    "NATO",
    "café",
    "naïve",
    "Gaza",
    "aid",
    "2024",
    "20:9",
    "Sept.",
    "30",
    "(Reuters)",
    "(AP)",
    "date",
    "Leave",
    "Comment",
    "=====",
    "…",
    "é",
    "🙂",
    "日本",
    "Ministers",
    "Caspian",
    "Sea",
    "week",
    "«quoted»",
    "he",
    "she",
    "TEHRAN",
    "NEW",
    "YORK",
    "Feb",
    "26",
    "2024-09-15",
    "Published:",
    "share",
    "&quot;",
    "<br>",
    "&amp;",
    "(Reporting",
    "Staff",
    "Reporter",
    "۱۴۰۳",
    "Farvardin",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", " ", "\u{a0}", "\t", "  "];

fn word() -> impl Strategy<Value = &'static str> {
    select(WORDS)
}

/// `count` words joined by ordinary and odd white space.
fn words(count: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec((word(), select(SEPARATORS)), count).prop_map(|parts| {
        let mut out = String::new();
        for (i, (word, sep)) in parts.into_iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(word);
        }
        out
    })
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// A sentence-like line: words, usually ending in punctuation.
fn sentence() -> impl Strategy<Value = String> {
    (words(1..14), select(&["", ".", ".", ".", ",", "?", "!", ":", "…", ".”", "’", ";"][..]))
        .prop_map(|(words, end)| capitalised(&words) + end)
}

/// A short line with no terminal punctuation: a title or subheading.
fn short_line() -> impl Strategy<Value = String> {
    words(1..7).prop_map(|w| capitalised(&w))
}

fn blank_line() -> impl Strategy<Value = String> {
    select(&["", "", "", " ", "\t", "\u{a0}", "  \t"][..]).prop_map(str::to_owned)
}

fn indent() -> impl Strategy<Value = &'static str> {
    select(&["", "", "", "", " ", "\t", "\u{a0}", "   "][..])
}

/// A paragraph of one to four hard-wrapped lines, any of which may be indented.
fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::bool::weighted(0.15), indent(), sentence()), 1..5).prop_map(|lines| {
        lines
            .into_iter()
            .enumerate()
            .map(|(i, (indent_it, indent, line))| if i == 0 || indent_it { format!("{indent}{line}") } else { line })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

const MONTHS: &[(&str, &str)] = &[
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May", "May"),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
];

/// The date (and time) text of a date line, in one of the documented styles. Mostly real
/// dates; sometimes the 29th to 31st of a short month, or an hour of 24.
fn date_text() -> impl Strategy<Value = String> {
    (
        1990i32..2031,
        1usize..=12,
        prop_oneof![9 => 1u32..=28, 1 => 29u32..=31],
        0usize..12,
        (0u32..=24, 0u32..60, 0usize..9),
    )
        .prop_map(|(y, m, d, style, (hour, minute, time_style))| {
            let (full, abbr) = MONTHS[m - 1];
            let date = match style {
                0 => format!("{full} {d}, {y}"),
                1 => format!("{abbr}. {d}, {y}"),
                2 => format!("{abbr} {d}, {y}"),
                3 => format!("{d} {full} {y}"),
                4 => format!("{y}-{m:02}-{d:02}"),
                5 => format!("Sunday, {full} {d}, {y}"),
                6 => format!("{y}/{m:02}/{d:02}"),
                7 => format!("{d:02}.{m:02}.{y}"),
                8 => format!("{d}/{m}/{y}"),
                9 => format!("{m}/{d}/{y}"),
                10 => format!("{}/{m:02}/{d:02}", y - 621),
                _ => format!("{full} {d}th, {y}"),
            };
            let twelve = if hour % 12 == 0 { 12 } else { hour % 12 };
            let pm = if hour >= 12 { "pm" } else { "am" };
            let time = match time_style {
                0 | 1 => String::new(),
                2 => format!(" - {hour}:{minute}"),
                3 => format!(" – {hour:02}:{minute:02}"),
                4 => format!(" — {hour:02}:{minute:02} GMT"),
                5 => format!(", {twelve}:{minute:02} {pm}"),
                6 => format!(" {twelve} {}", pm.to_uppercase()),
                7 => return format!("{twelve}:{minute:02} {pm} {date}"),
                _ => format!(" at {hour}:{minute:02}"),
            };
            date + &time
        })
}

/// A date with its month's name, which reads one way only.
fn named_date() -> impl Strategy<Value = String> {
    (1990i32..2031, 0usize..12, 1u32..=28).prop_map(|(y, m, d)| format!("{} {d}, {y}", MONTHS[m].0))
}

/// A header date line, sometimes labelled or indented, sometimes with its update.
fn date_line() -> impl Strategy<Value = String> {
    (
        select(&["", "", "", "Published: ", "Posted on ", "  ", "Tuesday, "][..]),
        date_text(),
        select(&["", "", " ", "\t"][..]),
        prop::option::weighted(0.2, (select(&[" | Updated: ", "\nUpdated: ", "\nLast modified on "][..]), date_text())),
    )
        .prop_map(|(label, date, trailing, updated)| {
            let updated = updated.map_or_else(String::new, |(sep, date)| format!("{sep}{date}"));
            format!("{label}{date}{trailing}{updated}")
        })
}

fn dateline_prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "TEHRAN – ",
                "NEW YORK, Feb 26 - ",
                "MOSCOW, Sept 30 (Reuters) - ",
                "WASHINGTON (AP) — ",
                "WASHINGTON (AP)—",
                "SAN FRANCISCO, Calif. (AP) — ",
                "BEIJING, Sept. 30, 2024 (Xinhua) -- ",
                "LONDON, Feb 30 - ",
                "PARIS, 2 March 2024 – ",
                "KYIV, Ukraine, Feb 31, 2024 (Reuters) - ",
                "U.S. – ",
                "London, March 3 (Reuters) - ",
                "Lviv, Ukraine — ",
                "KARACHI: ",
                "Mashhad, IRNA -- ",
                "(UPI) -- ",
                "(CNN)",
                "March 3 (Reuters) - ",
                "MOSCOW, March 20. /TASS/.-",
                "Islamabad, Pakistan --",
                "BANGALORE (India), February 17. /TASS/. ",
                "Singapore - ",
                "MUMBAI (PTI) ",
            ][..]
        )
        .prop_map(str::to_owned),
        ("[A-Z][A-Z.'’&-]{1,10}( [A-Z]{2,8})?", select(&[" – ", " — ", " - ", "—", " -- "][..]))
            .prop_map(|(place, dash)| place + dash),
    ]
}

fn break_line() -> impl Strategy<Value = String> {
    (select(&["", "", " "][..]), 5usize..9, prop::option::of(short_line()), prop::bool::ANY).prop_map(
        |(lead, run, heading, closing)| {
            let mut line = format!("{lead}{}", "=".repeat(run));
            if let Some(heading) = heading {
                line.push_str(&heading);
                if closing {
                    line.push_str(" =====");
                }
            }
            line
        },
    )
}

fn furniture() -> impl Strategy<Value = String> {
    select(
        &[
            "Leave a Comment",
            "Share this",
            "Tags:",
            "© 2024 Tehran Times",
            "Read more",
            "  LEAVE A COMMENT  ",
            "Tags: France, farming",
            "Topics: Iran",
            "Filed under: World",
            "COPYRIGHT Tehran Times",
            "Sponsored",
            "Share on WhatsApp",
            "Follow us on Instagram @tehrantimes",
            "Read also: Iran, Russia sign rail deal",
            "3 Comments",
            "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        ][..],
    )
    .prop_map(str::to_owned)
}

/// A byline of a kind sites print.
fn real_byline() -> impl Strategy<Value = String> {
    select(
        &[
            "By Sara Ahmadi",
            "BY JOHN SMITH and Ann Lee, Reuters",
            "By Tehran Times staff",
            "By MARIA LOPEZ, Associated Press",
            "By AFP Staff",
            "Written by Sara Ahmadi",
            "Staff Reporter",
        ][..],
    )
    .prop_map(str::to_owned)
}

fn byline() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "By Sara Ahmadi",
                "BY JOHN SMITH and Ann Lee, Reuters",
                "By Tehran Times staff",
                "By MARIA LOPEZ, Associated Press",
                "By AFP Staff",
                "Written by Sara Ahmadi",
                "Staff Reporter",
            ][..]
        )
        .prop_map(str::to_owned),
        short_line().prop_map(|name| format!("By {name}")),
    ]
}

/// One body block: a paragraph (most often), a subheading, a section break or a stray line.
fn body_block() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => paragraph(),
        2 => short_line(),
        2 => break_line(),
        1 => furniture(),
        1 => date_line(),
        1 => byline(),
        1 => "[^\n\r]{0,30}",
    ]
}

/// A credit line closing the body.
fn credit_line() -> impl Strategy<Value = String> {
    select(
        &[
            "(Reporting by Ali Kaya in Istanbul; Editing by Jon Boyle)",
            "Additional reporting by Jane Doe.",
            "Associated Press writer John Roe contributed to this report.",
            "(Reporting by Sara Ahmadi and Omid Karimi)",
        ][..],
    )
    .prop_map(str::to_owned)
}

/// One to three blank lines.
fn gap() -> impl Strategy<Value = String> {
    prop_oneof![6 => Just(String::from("\n\n")), 1 => blank_line().prop_map(|b| format!("\n{b}\n")), 1 => Just(String::from("\n\n\n"))]
}

/// How the date is given: not at all, on a header line, or as an inline prefix.
#[derive(Debug, Clone)]
enum DateSlot {
    None,
    Header(String),
    Inline(String),
}

fn date_slot() -> impl Strategy<Value = DateSlot> {
    prop_oneof![
        1 => Just(DateSlot::None),
        3 => date_line().prop_map(DateSlot::Header),
        2 => (select(&["date", " date", "Date:", "  date"][..]), date_text())
            .prop_map(|(word, date)| DateSlot::Inline(format!("{word} {date} "))),
    ]
}

/// Text laid out the way scraped articles are: title, date, lead with dateline, body, furniture.
fn structured_article() -> impl Strategy<Value = String> {
    (
        (prop::collection::vec(blank_line(), 0..2), prop::option::weighted(0.6, short_line()), date_slot()),
        (prop::option::weighted(0.15, (byline(), gap())), prop::option::weighted(0.4, dateline_prefix()), paragraph()),
        (prop::collection::vec((gap(), body_block()), 0..8), prop::option::weighted(0.15, credit_line())),
        prop::collection::vec(furniture(), 0..3),
        select(&["", "\n", "\n", "\n\n", "\n \n"][..]),
    )
        .prop_map(|((leading, title, date), (byline, dateline, lead), (body, credit), furniture, trailing)| {
            let mut text = String::new();
            for blank in leading {
                text.push_str(&blank);
                text.push('\n');
            }
            if let Some(title) = title {
                text.push_str(&title);
                text.push_str("\n\n");
            }
            match date {
                DateSlot::None => {}
                DateSlot::Header(line) => {
                    text.push_str(&line);
                    text.push_str("\n\n");
                }
                DateSlot::Inline(prefix) => text.push_str(&prefix),
            }
            if let Some((byline, gap)) = byline {
                text.push_str(&byline);
                text.push_str(&gap);
            }
            text.push_str(dateline.as_deref().unwrap_or(""));
            text.push_str(&lead);
            for (gap, block) in body {
                text.push_str(&gap);
                text.push_str(&block);
            }
            if let Some(credit) = credit {
                text.push_str("\n\n");
                text.push_str(&credit);
            }
            for line in furniture {
                text.push_str("\n\n");
                text.push_str(&line);
            }
            text.push_str(trailing);
            text
        })
}

/// Article pieces in any order, one per line.
fn line_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => sentence(),
            2 => blank_line(),
            1 => short_line(),
            1 => date_line(),
            1 => date_slot().prop_map(|slot| match slot {
                DateSlot::Inline(prefix) => prefix + "Body",
                DateSlot::Header(line) => line,
                DateSlot::None => String::new(),
            }),
            1 => (dateline_prefix(), sentence()).prop_map(|(d, s)| d + &s),
            1 => break_line(),
            1 => furniture(),
            1 => "\\PC{0,20}",
        ],
        0..16,
    )
    .prop_map(|lines| lines.join("\n"))
}

/// Any text: mostly article-shaped, sometimes noise.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => structured_article(),
        3 => line_soup(),
        1 => any::<String>(),
        1 => "[ \t\u{a0}\r\n=a-zA-Z0-9:,.–—&;<>/#-]{0,60}",
    ]
}

/// Bytes as files hold them: article text (perhaps with a BOM, CRLF, UTF-16, stray bytes) or
/// arbitrary bytes.
fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => (any_text(), 0usize..6, prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4)).prop_map(
            |(text, encoding, stray)| {
                let mut bytes = match encoding {
                    0 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
                    1 => text.replace('\n', "\r\n").into_bytes(),
                    2 => text.replace('\n', "\r").into_bytes(),
                    3 => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
                    4 => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
                    _ => text.into_bytes(),
                };
                for (at, byte) in stray {
                    let at = at.index(bytes.len() + 1);
                    bytes.insert(at, byte);
                }
                bytes
            }
        ),
        1 => prop::collection::vec(any::<u8>(), 0..300),
    ]
}

/// Parsers with and without options, each with its reference date: a reference date changes
/// how dateline dates are read. The same two the fuzz targets use (`invariants::parsers`).
fn any_parser() -> impl Strategy<Value = (ArticleParser, Option<NaiveDate>)> {
    let [plain, with_options] = invariants::parsers();
    prop_oneof![3 => Just(plain), 1 => Just(with_options)]
}

// ---------------------------------------------------------------------------------------------
// Checks (shared with the fuzz targets, in `invariants.rs`)
// ---------------------------------------------------------------------------------------------

fn check_spans(text: &str, article: &Article, diagnostics: &[Diagnostic]) -> Result<(), TestCaseError> {
    invariants::check_spans(text, article, diagnostics).map_err(TestCaseError::fail)
}

fn check_texts(text: &str, article: &Article) -> Result<(), TestCaseError> {
    invariants::check_texts(text, article).map_err(TestCaseError::fail)
}

fn read_bytes(bytes: &[u8]) -> Document {
    CorpusReader::new(ArticleParser::new()).parse_bytes("law.txt".to_owned(), bytes)
}

// ---------------------------------------------------------------------------------------------
// Laws
// ---------------------------------------------------------------------------------------------

proptest! {
    #[test]
    fn prop_no_panic_on_arbitrary_strings(text in any_text()) {
        let _ = parse_article_lenient(&text);
        let _ = parse_article(&text).map_err(|e| e.to_string());
    }

    #[test]
    fn prop_strict_fails_exactly_when_lenient_reports_an_error(text in any_text()) {
        let (article, diagnostics) = parse_article_lenient(&text);
        match parse_article(&text) {
            Ok(strict) => {
                prop_assert!(!has_error(&diagnostics), "{diagnostics:?}");
                prop_assert_eq!(strict, article);
            }
            Err(error) => {
                let first = diagnostics.iter().find(|d| d.is_error());
                prop_assert!(first.is_some(), "strict error {error} without a lenient one");
                let first = first.expect("checked above");
                prop_assert_eq!((error.line(), error.column(), error.span()), (first.line, first.column, first.span));
            }
        }
    }

    #[test]
    fn prop_no_panic_on_arbitrary_bytes(bytes in any_bytes()) {
        if let Ok(decoded) = decode(&bytes) {
            let _ = parse_article_lenient(&decoded.text);
        }
        let _ = read_bytes(&bytes);
    }

    #[test]
    fn prop_spans_are_in_range_ordered_and_on_char_boundaries(
        text in any_text(),
        bytes in any_bytes(),
        (parser, _) in any_parser(),
    ) {
        let (article, diagnostics) = parser.parse_lenient(&text);
        check_spans(&text, &article, &diagnostics)?;
        // Through the corpus reader, spans point into the decoded text, decoder warnings too.
        if let Ok(decoded) = decode(&bytes) {
            let doc = read_bytes(&bytes);
            let article = doc.article.unwrap_or_default();
            check_spans(&decoded.text, &article, &doc.diagnostics)?;
        }
    }

    #[test]
    fn prop_paragraph_text_is_its_span_with_line_breaks_folded(text in any_text(), (parser, _) in any_parser()) {
        let (article, _) = parser.parse_lenient(&text);
        check_texts(&text, &article)?;
    }

    // Only articles read without errors (see `invariants::check_round_trip`, which the
    // round_trip fuzz target runs too).
    #[test]
    fn prop_render_then_parse_gives_the_same_article(text in any_text(), (parser, reference) in any_parser()) {
        invariants::check_round_trip(&parser, reference, &text).map_err(TestCaseError::fail)?;
    }

    // Texts holding a CR are left out: "\r\n" -> "\r\r\n" adds a line. So are binary ones: a
    // binary file has no decoded text, and its diagnostic names a byte offset in the file. So
    // is a byte-order mark past the start: it is removed with a warning naming its offset.
    #[test]
    fn prop_crlf_gives_the_same_article_and_positions(text in any_text(), bom in prop::bool::ANY) {
        let text = text.replace(['\r', '\0', '\u{feff}'], "");
        let bom = if bom { "\u{feff}" } else { "" };
        let lf = read_bytes(format!("{bom}{text}").as_bytes());
        let crlf = read_bytes(format!("{bom}{}", text.replace('\n', "\r\n")).as_bytes());
        prop_assert_eq!(crlf, lf);
    }

    #[test]
    fn prop_every_prefix_parses_without_panic(text in structured_article()) {
        for (end, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let prefix = &text[..end];
            let (article, diagnostics) = parse_article_lenient(prefix);
            check_spans(prefix, &article, &diagnostics)?;
        }
    }

    // The parts new layouts add survive a round trip, in articles that always have them.
    #[test]
    fn prop_render_then_parse_keeps_authors_credits_and_updates(
        (title, published, updated) in (select(&["Rail talks resume", "Iran and Russia sign a rail deal", "Ministers meet again?"][..]), named_date(), named_date()),
        (byline, dateline, lead) in (real_byline(), dateline_prefix(), sentence()),
        (body, credit) in (prop::collection::vec(paragraph(), 0..3), credit_line()),
        same_line in prop::bool::ANY,
        (parser, reference) in any_parser(),
    ) {
        let sep = if same_line { " | Updated: " } else { "\nUpdated: " };
        let mut text = format!("{title}\n\nPublished: {published}{sep}{updated}\n\n{byline}\n\n{dateline}{lead}");
        for paragraph in &body {
            text.push_str("\n\n");
            text.push_str(paragraph);
        }
        text.push_str("\n\n");
        text.push_str(&credit);
        let (article, diagnostics) = parser.parse_lenient(&text);
        if !has_error(&diagnostics) {
            prop_assert!(article.credits.len() >= 2, "{text:?}: {:?}", article.credits);
            prop_assert!(article.published.is_none() || article.updated.is_some(), "{text:?}: {article:?}");
        }
        invariants::check_round_trip(&parser, reference, &text).map_err(TestCaseError::fail)?;
    }

    // Before 1800 no date is Gregorian: a year-first date of 1300 to 1500 is Solar Hijri, any
    // other is not read, and says so.
    #[test]
    fn prop_years_before_1800_are_never_gregorian(y in 1000u32..1800, m in 1u32..=12, d in 1u32..=31, named in prop::bool::ANY) {
        let line = if named { format!("{} {d}, {y}", MONTHS[m as usize - 1].0) } else { format!("{y}/{m:02}/{d:02}") };
        let text = format!("{line}\n\nOfficials met.");
        let (article, diagnostics) = parse_article_lenient(&text);
        let expected = if named { None } else { invariants::jalali_to_gregorian(u64::from(y), u64::from(m), u64::from(d)) };
        prop_assert_eq!(article.published.as_ref().map(|p| p.date), expected, "{}", line);
        if expected.is_none() {
            prop_assert!(diagnostics.iter().any(|d| d.line == 1), "{line}: {diagnostics:?}");
        }
    }

    #[test]
    fn prop_date_check_agrees_with_chrono(
        y in 1800i32..=9999,
        m in 0u32..=13,
        d in 0u32..=32,
        style in 0usize..3,
        body in prop::option::of(paragraph()),
    ) {
        // The ISO form the law is about, and two other header styles over the same check.
        let mut text = match (style, m) {
            (1, _) => format!("{y:04}/{m:02}/{d:02}"),
            (2, 1..=12) => format!("{} {d}, {y}", MONTHS[m as usize - 1].0),
            _ => format!("{y:04}-{m:02}-{d:02}"),
        };
        if let Some(body) = &body {
            text.push_str("\n\n");
            text.push_str(body);
        }
        let (article, diagnostics) = parse_article_lenient(&text);
        match NaiveDate::from_ymd_opt(y, m, d) {
            Some(date) => {
                prop_assert_eq!(article.published.map(|p| p.date), Some(date));
                prop_assert!(!has_error(&diagnostics), "{diagnostics:?}");
                prop_assert!(parse_article(&text).is_ok());
            }
            None => {
                prop_assert_eq!(article.published, None);
                let error = diagnostics.iter().find(|d| d.is_error());
                prop_assert!(error.is_some_and(|e| (e.line, e.column) == (1, 1)), "{diagnostics:?}");
                prop_assert!(parse_article(&text).is_err());
            }
        }
    }
}

/// Every day of 1300 to 1500 SH, written `YYYY/MM/DD`, reads as the day after the one before
/// it, from 1 Farvardin 1300 = 21 March 1921: the parser's closed form checked against a walk
/// through the calendar, month lengths from the 33-year rule, one day at a time.
#[test]
fn law_solar_hijri_dates_agree_with_a_day_by_day_walk_from_1300_to_1500() {
    let leap = |y: u32| (25 * u64::from(y) + 11) % 33 < 8;
    let mut expected = NaiveDate::from_ymd_opt(1921, 3, 21).expect("a real date");
    let parser = ArticleParser::new();
    let mut days = 0;
    for year in 1300..=1500 {
        for month in 1..=12 {
            let length = match month {
                1..=6 => 31,
                7..=11 => 30,
                _ if leap(year) => 30,
                _ => 29,
            };
            for day in 1..=length {
                let text = format!("{year}/{month:02}/{day:02}\n\nOfficials met.");
                let (article, _) = parser.parse_lenient(&text);
                let published = article.published.unwrap_or_else(|| panic!("{year}/{month}/{day} not read"));
                assert_eq!(published.date, expected, "{year}/{month}/{day}");
                assert_eq!(published.calendar, dateline_model::Calendar::Persian);
                expected = expected.succ_opt().expect("within chrono's range");
                days += 1;
            }
            // The day after a month's last does not exist.
            let text = format!("{year}/{month:02}/{:02}\n\nOfficials met.", length + 1);
            assert_eq!(parser.parse_lenient(&text).0.published, None, "{year}/{month}/{}", length + 1);
        }
    }
    assert_eq!(expected, NaiveDate::from_ymd_opt(2122, 3, 21).expect("a real date"));
    assert_eq!(days, 73_414);
}
