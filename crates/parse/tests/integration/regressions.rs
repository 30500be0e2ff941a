//! Bugs the testkit's generators found, each named after what broke.

use dateline_model::{CreditKind, DateSource};
use dateline_parse::{decode, parse_article_lenient, testkit};

#[test]
fn a_subheading_underlined_with_three_equals_signs_opens_a_section() {
    let (article, _) = parse_article_lenient("Officials met.\n\nWhat comes next\n===\n\nMore talks.\n");
    let headings: Vec<Option<&str>> = article.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [None, Some("What comes next")]);
}

#[test]
fn an_indented_underline_under_a_subheading_opens_a_section() {
    let (article, _) = parse_article_lenient("Officials met.\n\nWhat comes next\n  ====  \n\nMore talks.\n");
    assert_eq!(article.sections.last().and_then(|s| s.heading.as_deref()), Some("What comes next"));
    assert_eq!(article.paragraphs().count(), 2);
}

#[test]
fn a_second_copy_of_a_titled_article_with_an_inline_date_is_reported() {
    let one = "Talks resume\n\ndate 2024-01-10 Officials met.\n";
    let (_, diagnostics) = parse_article_lenient(&format!("{one}\n{one}"));
    let second: Vec<_> = diagnostics.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(second, [(7, 6)], "{diagnostics:?}");
}

#[test]
fn a_second_header_with_an_update_line_is_reported_at_its_date_line() {
    let one = "Talks resume\n\nJanuary 1, 2024\nUpdated: January 2, 2024\n\nOfficials met.\n";
    let (_, diagnostics) = parse_article_lenient(&format!("{one}\n{one}"));
    let second: Vec<_> = diagnostics.iter().map(|d| (d.line, d.column, d.message.contains("second article"))).collect();
    assert_eq!(second, [(10, 1, true)], "{diagnostics:?}");
}

#[test]
fn a_second_copy_with_an_underlined_title_is_reported() {
    let one = "Talks resume\n=====\n\nJanuary 1, 2024\n\nOfficials met.\n";
    let (_, diagnostics) = parse_article_lenient(&format!("{one}\n{one}"));
    let second: Vec<_> = diagnostics.iter().map(|d| (d.line, d.column, d.message.contains("second article"))).collect();
    assert_eq!(second, [(11, 1, true)], "{diagnostics:?}");
}

#[test]
fn a_second_title_directly_over_its_date_and_update_lines_is_reported() {
    let one = "Talks resume\nJanuary 1, 2024\nUpdated: January 2, 2024\n\nOfficials met.\n";
    let (_, diagnostics) = parse_article_lenient(&format!("{one}\n{one}"));
    let second: Vec<_> = diagnostics.iter().map(|d| (d.line, d.column, d.message.contains("second article"))).collect();
    assert_eq!(second, [(8, 1, true)], "{diagnostics:?}");
}

/// `text` in UTF-16LE, as a file with a byte-order mark writes it.
fn utf16_le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

// An inline date whose line holds the whole body, and that body a credit line, not a byline
// (here `Written by` and a name the stray byte garbled): the credit went back under a date
// line of its own, and the date read back as a header's.
#[test]
fn an_inline_date_over_nothing_but_a_credit_line_stays_inline() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(utf16_le("date January 13, 1990 Written by "));
    // One stray byte: the rest is read a byte off, with no line break in it.
    bytes.push(0x00);
    bytes.extend(utf16_le("Sara Ahmadi\n\nOfficials met on Sunday.\n"));
    let text = decode(&bytes).expect("a UTF-16 file").text;
    let (article, _) = parse_article_lenient(&text);
    assert_eq!(article.published.as_ref().map(|p| p.source), Some(DateSource::InlinePrefix), "{text:?}");
    assert_eq!(article.credits.iter().map(|c| c.kind).collect::<Vec<_>>(), [CreditKind::Credit], "{text:?}");
    assert!(article.sections.is_empty(), "{text:?}");
    testkit::check_invariants(&bytes).unwrap_or_else(|v| panic!("{v}"));
}

#[test]
fn an_inline_date_over_a_credit_line_reads_back_in_plain_text() {
    for text in [
        "date January 13, 1990 Written by Sara Ahmadi.",
        "date January 13, 1990 Written by sara ahmadi\n",
        "date January 13, 1990 (Reporting by Ali Kaya)\n",
        "date: January 1, 1990 - 20:09 Reporting by Ali Kaya;\nEditing by Jon Boyle",
        "Talks resume\n\ndate January 1, 1990 (Reporting by Ali Kaya)\n\n(Editing by Jon Boyle)\n\nLeave a Comment",
        "date January 1, 1990 Reporting by Ali Kaya\nShare on Facebook",
        "date January 1, 1990 (Reporting by Ali Kaya)\n\nBy Sara Ahmadi",
    ] {
        let (article, _) = parse_article_lenient(text);
        assert!(article.paragraphs().next().is_none(), "{text:?}");
        assert_eq!(article.published.as_ref().map(|p| p.source), Some(DateSource::InlinePrefix), "{text:?}");
        testkit::check_invariants(text.as_bytes()).unwrap_or_else(|v| panic!("{text:?}: {v}"));
    }
    // The byline form was already written back on the date's line; it stays so.
    let (article, _) = parse_article_lenient("date January 13, 1990 Written by Sara Ahmadi");
    assert_eq!(article.credits.iter().map(|c| c.kind).collect::<Vec<_>>(), [CreditKind::Byline]);
    testkit::check_invariants(b"date January 13, 1990 Written by Sara Ahmadi").unwrap_or_else(|v| panic!("{v}"));
}

#[test]
fn a_second_copy_with_its_title_directly_over_an_inline_date_is_reported() {
    let one = "Talks resume\ndate 1999/08/12 at 1:04 Officials met.\n";
    let (_, diagnostics) = parse_article_lenient(&format!("{one}\n{one}"));
    let second: Vec<_> = diagnostics.iter().map(|d| (d.line, d.column, d.message.contains("second article"))).collect();
    assert_eq!(second, [(5, 6, true)], "{diagnostics:?}");
    // Under a line of another shape the date's line is a paragraph's second line: not a header.
    let (_, diagnostics) = parse_article_lenient("date 2024-01-10 Officials met.\n\nthey said\ndate 2024-01-10 talks.");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

// A header's title is taken whatever its shape; in the body a furniture line over a date line
// is no title, so a second copy under one is not told (FORMAT.md, "Whole article").
#[test]
fn a_furniture_line_over_a_date_line_in_the_body_is_no_second_title() {
    for one in ["Leave a Comment\ndate 1999/08/12 at 1:04 Body\n", "Tags:\tthis YORK NEW’\nOctober 24, 2012 8 AM \n"]
    {
        let (article, diagnostics) = parse_article_lenient(&format!("{one}\n\n{one}"));
        assert!(article.title.is_some(), "{one:?}");
        assert!(!diagnostics.iter().any(|d| d.message.contains("second article")), "{diagnostics:?}");
    }
}
