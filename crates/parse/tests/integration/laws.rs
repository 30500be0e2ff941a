//! The parser's laws, stated as property tests over the generators and invariants of the
//! public `testkit` module, the same ones users' tests and the fuzz targets run.

use chrono::{Month, NaiveDate};
use dateline_model::Diagnostic;
use dateline_parse::testkit::{self, articles, files, texts};
use dateline_parse::{ArticleParser, CorpusReader, decode, parse_article, parse_article_lenient, render};
use proptest::prelude::*;

fn has_error(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

fn month_name(month: u32) -> &'static str {
    u8::try_from(month).ok().and_then(|m| Month::try_from(m).ok()).map_or("", |m| m.name())
}

/// A body paragraph with nothing in it a header or dateline could take.
fn paragraph() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{1,8}( [a-z]{1,8}){0,12}\\."
}

proptest! {
    #[test]
    fn prop_no_panic_on_arbitrary_strings(text in texts()) {
        let _ = parse_article_lenient(&text);
        let _ = parse_article(&text).map_err(|e| e.to_string());
    }

    #[test]
    fn prop_no_panic_on_arbitrary_bytes(bytes in files()) {
        if let Ok(decoded) = decode(&bytes) {
            let _ = parse_article_lenient(&decoded.text);
        }
        let _ = CorpusReader::new(ArticleParser::new()).parse_bytes("law.txt".to_owned(), &bytes);
    }

    // Spans in range, in order and on char boundaries; texts equal to their sources;
    // diagnostics where they say; dates as their raw text writes; strict failing exactly at
    // the lenient parse's first error (`testkit::check_text`).
    #[test]
    fn prop_every_text_invariant_holds_on_any_text(text in texts()) {
        testkit::check_text(&text)?;
    }

    // The decoder's promises and the corpus reader's document, whatever the line endings,
    // then the text's invariants and the round trip on the decoded text.
    #[test]
    fn prop_every_invariant_holds_on_any_file(bytes in files()) {
        testkit::check_invariants(&bytes)?;
    }

    // Only articles read without errors (see `testkit::check_round_trip`).
    #[test]
    fn prop_render_then_parse_gives_the_same_article(text in texts()) {
        testkit::check_round_trip(&text)?;
    }

    // Every layout the grammar reads, put together at random, reads as the article it was
    // built as: the pieces do not disturb one another.
    #[test]
    fn prop_generated_articles_parse_to_their_article((text, expected) in articles()) {
        let article = parse_article(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(article, expected, "{}", text);
        testkit::check_invariants(text.as_bytes())?;
    }

    // The printer keeps everything the model holds, authors, credits and updates included.
    #[test]
    fn prop_render_then_parse_keeps_every_part_of_an_article((_, expected) in articles()) {
        let rendered = render(&expected);
        let again = parse_article(&rendered).map_err(|e| TestCaseError::fail(format!("{e}\n{rendered}")))?;
        prop_assert_eq!(again.without_spans(), expected.without_spans(), "{}", rendered);
    }

    // Texts holding a CR are left out: "\r\n" -> "\r\r\n" adds a line. So are binary ones: a
    // binary file has no decoded text, and its diagnostic names a byte offset in the file. So
    // is a byte-order mark past the start: it is removed with a warning naming its offset.
    #[test]
    fn prop_crlf_gives_the_same_article_and_positions(text in texts(), bom in prop::bool::ANY) {
        let read = |text: &str| CorpusReader::new(ArticleParser::new()).parse_bytes("law.txt".to_owned(), text.as_bytes());
        let text = text.replace(['\r', '\0', '\u{feff}'], "");
        let bom = if bom { "\u{feff}" } else { "" };
        let lf = read(&format!("{bom}{text}"));
        let crlf = read(&format!("{bom}{}", text.replace('\n', "\r\n")));
        prop_assert_eq!(crlf, lf);
    }

    #[test]
    fn prop_every_prefix_holds_every_text_invariant((text, _) in articles()) {
        for (end, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            testkit::check_text(&text[..end])?;
        }
    }

    // Before 1800 no date is Gregorian: a year-first date of 1300 to 1500 is Solar Hijri, any
    // other is not read, and says so.
    #[test]
    fn prop_years_before_1800_are_never_gregorian(y in 1000u32..1800, m in 1u32..=12, d in 1u32..=31, named in prop::bool::ANY) {
        let line = if named { format!("{} {d}, {y}", month_name(m)) } else { format!("{y}/{m:02}/{d:02}") };
        let text = format!("{line}\n\nOfficials met.");
        let (article, diagnostics) = parse_article_lenient(&text);
        let expected = if named { None } else { testkit::solar_hijri_to_gregorian(u64::from(y), u64::from(m), u64::from(d)) };
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
            (2, 1..=12) => format!("{} {d}, {y}", month_name(m)),
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
