//! Bugs the testkit's generators found, each named after what broke.

use dateline_parse::parse_article_lenient;

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
