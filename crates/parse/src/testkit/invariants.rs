//! What the parser promises about any input, as plain functions that say what broke.
//!
//! One copy serves users' property tests ([`check_invariants`]), the project's laws, the
//! replay of fuzz findings and the cargo-fuzz targets in `fuzz/` ([`FUZZ_TARGETS`]).

use chrono::{Datelike, NaiveDate, Timelike};
use dateline_model::{Article, Calendar, CreditKind, DateSource, Diagnostic, Precision, Published, Span};

use super::violation::{Law, Violation};
use crate::{ArticleParser, CorpusReader, DecodeError, decode};

type Checked = Result<(), Violation>;

/// A [`Violation`] of the enclosing function's `LAW`, its message formatted.
macro_rules! broke {
    ($($message:tt)+) => {
        Violation::new(LAW, format!($($message)+))
    };
}

macro_rules! ensure {
    ($holds:expr, $($message:tt)+) => {
        if !$holds {
            return Err(broke!($($message)+));
        }
    };
}

/// [`ensure!`], the violation placed at `span` of `text`.
macro_rules! ensure_at {
    ($text:expr, $span:expr, $holds:expr, $($message:tt)+) => {
        if !$holds {
            return Err(broke!($($message)+).at($text, $span));
        }
    };
}

/// A check of a fuzzer's bytes, as [`FUZZ_TARGETS`] lists them.
pub type FuzzTarget = fn(&[u8]) -> Result<(), Violation>;

/// The project's fuzz targets by name, each a check of the fuzzer's bytes: `parse_str` (the
/// bytes read as text, invalid UTF-8 replaced, through [`check_text`]), `parse_bytes` (the
/// bytes as a file, [`check_file`]), `round_trip` (as text, [`check_round_trip`]) and
/// `date_line` (the first line, [`check_date_line`]). A harness of one's own (libFuzzer,
/// AFL) can run them by name, and a saved input replays exactly as the fuzzer ran it.
pub const FUZZ_TARGETS: [(&str, FuzzTarget); 4] = [
    ("parse_str", |data| check_text(&String::from_utf8_lossy(data))),
    ("parse_bytes", check_file),
    ("round_trip", |data| check_round_trip(&String::from_utf8_lossy(data))),
    ("date_line", |data| check_date_line(String::from_utf8_lossy(data).split('\n').next().unwrap_or_default())),
];

/// The date [`parsers`]' second parser reads year-less dateline dates against: 1 March 2024.
#[must_use]
pub fn reference_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or_default()
}

/// The parsers every check runs, each with its reference date: one with no options, and one
/// with a reference date ([`reference_date`]) and the user-given furniture line `Sponsored`
/// (one word, so that generated and fuzzed texts often end in it).
#[must_use]
pub fn parsers() -> [(ArticleParser, Option<NaiveDate>); 2] {
    let reference = Some(reference_date());
    [
        (ArticleParser::new(), None),
        (ArticleParser::new().reference_date(reference).boilerplate(["Sponsored"]), reference),
    ]
}

/// How a [`Violation`] names the parser it was found with.
fn parser_name(reference: Option<NaiveDate>) -> &'static str {
    if reference.is_some() {
        "a parser with a reference date and the furniture line `Sponsored`"
    } else {
        "the default parser"
    }
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/// Reads `bytes` as the corpus reader reads a file (decode, then parse) and checks every
/// invariant the project's own laws and fuzz targets check, with each of [`parsers`]:
///
/// - the decoder: `\n` endings only, a binary file exactly at its first early NUL, clean
///   text returned as it was, warnings in range, in order and at their line and column;
/// - the [`Document`](dateline_model::Document): always produced, its article the lenient
///   parse of the decoded text, the same whatever the line endings (`\n`, `\r\n`, `\r`);
/// - every span in range, on character boundaries and in the text's order; every stored text
///   (title, headings, paragraphs with line breaks folded, raw dates, credits) equal to the
///   source at its span; each diagnostic at the line and column its span starts;
/// - dates that exist and are the ones their raw text writes (year, month, day, hour and
///   minute all in it; a year inferred only from a reference date; Solar Hijri dates
///   converted exactly);
/// - the strict parse failing exactly at the lenient parse's first error;
/// - render-then-parse a fixpoint: an article read without errors renders to text that reads
///   back to it (spans aside), and renders the same again.
///
/// # Errors
///
/// The first invariant that does not hold, as a [`Violation`] saying what broke and where.
pub fn check_invariants(bytes: &[u8]) -> Result<(), Violation> {
    check_file(bytes)?;
    if let Ok(decoded) = decode(bytes) {
        check_text(&decoded.text)?;
        check_round_trip(&decoded.text)?;
    }
    Ok(())
}

/// Checks `text` as an article (no decoding): spans, stored texts, diagnostics' positions and
/// dates, and the strict parse against the lenient one, with each of [`parsers`].
///
/// # Errors
///
/// The first invariant that does not hold.
pub fn check_text(text: &str) -> Result<(), Violation> {
    for (parser, reference) in parsers() {
        check_article(&parser, reference, text).map_err(|v| v.with_parser(parser_name(reference)))?;
    }
    Ok(())
}

/// Checks `bytes` as a file: what the decoder promises, the document the corpus reader makes
/// of them with each of [`parsers`], and the same document whatever the line endings.
///
/// # Errors
///
/// The first invariant that does not hold.
pub fn check_file(bytes: &[u8]) -> Result<(), Violation> {
    check_decoding(bytes)?;
    for (parser, reference) in parsers() {
        check_document(&parser, reference, bytes).map_err(|v| v.with_parser(parser_name(reference)))?;
    }
    check_line_endings(bytes)
}

/// Checks that `text`, when each of [`parsers`] reads it without errors, renders
/// ([`ArticleParser::render`]) to text that reads back to the same article (spans aside) and
/// renders the same again, and that the rendered text holds every invariant of [`check_text`].
///
/// # Errors
///
/// The first invariant that does not hold.
pub fn check_round_trip(text: &str) -> Result<(), Violation> {
    for (parser, reference) in parsers() {
        round_trip_with(&parser, reference, text).map_err(|v| v.with_parser(parser_name(reference)))?;
    }
    Ok(())
}

/// Checks `line` as the date line of a few articles: alone above a body, under a title, after
/// an inline `date`, and as a dateline's date. Any publication date read is a real calendar
/// date, the one the line writes, read from the line and nowhere else; a line that is only an
/// ISO date reads as that day, or gives no date and an error on line 1 when there is no such
/// day; a header line reads the same at the top and under a title.
///
/// # Errors
///
/// The first invariant that does not hold.
pub fn check_date_line(line: &str) -> Result<(), Violation> {
    const LAW: Law = Law::DateLine;
    let line = line.split('\n').next().unwrap_or_default();
    let body = "Officials met on Sunday.";
    let settings = [
        (String::new(), format!("\n\n{body}\n")),
        (String::from("Talks in the Caspian\n\n"), format!("\n\n{body}\n")),
        (String::from("date "), format!(" {body}\n")),
        (String::from("NEW YORK, "), format!(" (Reuters) - {body}\n")),
    ];
    let mut header_dates = Vec::new();
    for (before, after) in &settings {
        let article_text = format!("{before}{line}{after}");
        let in_line = Span::new(before.len(), before.len() + line.len());
        for (parser, reference) in parsers() {
            check_article(&parser, reference, &article_text).map_err(|v| v.with_parser(parser_name(reference)))?;
            let (article, diagnostics) = parser.parse_lenient(&article_text);
            let Some(published) = &article.published else { continue };
            // Nothing around the line holds a date, so any date was read from the line.
            let span = published.span;
            ensure!(
                in_line.start <= span.start && span.end <= in_line.end,
                "date {span:?} read from outside the line {in_line:?} in {article_text:?}"
            );
            if published.source == DateSource::Header {
                let shifted = Span::new(span.start - in_line.start, span.end - in_line.start);
                header_dates.push((published.date, published.time, published.raw.clone(), shifted));
            }
            if before.is_empty() {
                check_iso_line(line, &article, &diagnostics)?;
            }
        }
    }
    // A header line reads the same at the top and under a title, with either parser.
    ensure!(
        matches!(header_dates.len(), 0 | 4) && header_dates.windows(2).all(|w| w[0] == w[1]),
        "a header line read differently by place: {header_dates:?}"
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

/// Parses `text` leniently and strictly and checks everything the result says about `text`.
pub(crate) fn check_article(parser: &ArticleParser, reference: Option<NaiveDate>, text: &str) -> Checked {
    let (article, diagnostics) = parser.parse_lenient(text);
    check_spans(text, &article, &diagnostics)?;
    check_texts(text, &article)?;
    check_positions(text, &diagnostics)?;
    check_published(&article, reference)?;
    check_strict_agrees(parser, text, &article, &diagnostics)
}

/// The strict parse fails exactly when the lenient one reports an error, at that error.
pub(crate) fn check_strict_agrees(
    parser: &ArticleParser,
    text: &str,
    article: &Article,
    diagnostics: &[Diagnostic],
) -> Checked {
    const LAW: Law = Law::StrictAgreesWithLenient;
    match parser.parse(text) {
        Ok(strict) => {
            ensure!(!has_error(diagnostics), "strict parse succeeded despite {diagnostics:?}");
            ensure!(strict == *article, "strict {strict:?} differs from lenient {article:?}");
        }
        Err(error) => {
            let Some(first) = diagnostics.iter().find(|d| d.is_error()) else {
                return Err(broke!("strict error {error} without a lenient one"));
            };
            ensure_at!(
                text,
                error.span(),
                (error.line(), error.column(), error.span()) == (first.line, first.column, first.span),
                "strict error {error} is not the first lenient one, {first:?}"
            );
        }
    }
    Ok(())
}

fn check_span(text: &str, span: Span, what: &str) -> Checked {
    const LAW: Law = Law::Spans;
    ensure_at!(text, span, span.start <= span.end, "{what}: start after end: {span:?}");
    ensure_at!(text, span, span.end <= text.len(), "{what}: past the end ({}): {span:?}", text.len());
    ensure_at!(
        text,
        span,
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: not on char boundaries: {span:?}"
    );
    Ok(())
}

/// Every span lies in `text` on char boundaries, and what was read comes in the text's order.
pub(crate) fn check_spans(text: &str, article: &Article, diagnostics: &[Diagnostic]) -> Checked {
    const LAW: Law = Law::Spans;
    if let Some(span) = article.title_span {
        check_span(text, span, "title")?;
    }
    ensure!(article.title.is_some() == article.title_span.is_some(), "title without span or span without title");
    if let Some(published) = &article.published {
        check_span(text, published.span, "published")?;
    }
    if let Some(dateline) = &article.dateline {
        check_span(text, dateline.span, "dateline")?;
    }
    if let Some(updated) = &article.updated {
        check_span(text, updated.span, "updated")?;
        let published = article.published.as_ref().map(|p| p.span);
        ensure!(
            published.is_some_and(|p| p.end <= updated.span.start),
            "an update {updated:?} without a publication date before it: {published:?}"
        );
    }
    for credit in &article.credits {
        check_span(text, credit.span, "credit")?;
    }
    for section in &article.sections {
        ensure!(section.heading.is_some() == section.heading_span.is_some(), "heading without span: {section:?}");
        if let Some(span) = section.heading_span {
            check_span(text, span, "heading")?;
        }
    }
    let mut previous_end = 0;
    for paragraph in article.paragraphs() {
        check_span(text, paragraph.span, "paragraph")?;
        ensure!(paragraph.span.start >= previous_end, "paragraphs overlap or go backwards at {:?}", paragraph.span);
        previous_end = paragraph.span.end;
    }
    for diagnostic in diagnostics {
        check_span(text, diagnostic.span, "diagnostic")?;
    }
    ensure!(
        diagnostics.windows(2).all(|w| w[0].span.start <= w[1].span.start),
        "diagnostics out of order: {diagnostics:?}"
    );
    // Everything read from the text comes in the text's order, without overlaps: title, date
    // line, then the body's headings and paragraphs; the dateline stands clear of all of them.
    let mut in_order: Vec<(&str, Span)> = Vec::new();
    in_order.extend(article.title_span.map(|span| ("title", span)));
    in_order
        .extend(article.published.as_ref().filter(|p| p.source != DateSource::Dateline).map(|p| ("published", p.span)));
    for section in &article.sections {
        in_order.extend(section.heading_span.map(|span| ("heading", span)));
        in_order.extend(section.paragraphs.iter().map(|p| ("paragraph", p.span)));
    }
    for pair in in_order.windows(2) {
        let ((what, before), (next, after)) = (pair[0], pair[1]);
        ensure!(before.end <= after.start, "{what} {before:?} runs into {next} {after:?}");
    }
    if let Some(dateline) = &article.dateline {
        for &(what, span) in &in_order {
            let apart = dateline.span.end <= span.start || span.end <= dateline.span.start;
            ensure!(apart, "the dateline {:?} overlaps {what} {span:?}", dateline.span);
        }
    }
    // Credits stand clear of everything else read, and of each other, in the text's order.
    let mut others = in_order.clone();
    others.extend(article.dateline.as_ref().map(|d| ("dateline", d.span)));
    others.extend(article.updated.as_ref().map(|u| ("updated", u.span)));
    for (i, credit) in article.credits.iter().enumerate() {
        for &(what, span) in &others {
            let apart = credit.span.end <= span.start || span.end <= credit.span.start;
            ensure!(apart, "the credit {:?} overlaps {what} {span:?}", credit.span);
        }
        if let Some(next) = article.credits.get(i + 1) {
            ensure!(
                credit.span.end <= next.span.start || credit.kind != next.kind,
                "credits out of order: {:?}",
                article.credits
            );
        }
    }
    Ok(())
}

/// Text fields are the source at their span (paragraphs with line breaks folded to spaces).
pub(crate) fn check_texts(text: &str, article: &Article) -> Checked {
    const LAW: Law = Law::Texts;
    let at = |span: Span| text.get(span.start..span.end).unwrap_or("<not a slice>");
    if let (Some(title), Some(span)) = (&article.title, article.title_span) {
        ensure_at!(text, span, title == at(span), "title {title:?} is not its source {:?}", at(span));
    }
    if let Some(published) = &article.published {
        ensure_at!(
            text,
            published.span,
            published.raw == at(published.span),
            "published.raw {published:?} is not its source"
        );
    }
    if let Some(dateline) = &article.dateline {
        let source = at(dateline.span);
        if let Some(place) = &dateline.place {
            ensure_at!(text, dateline.span, source.starts_with(place.as_str()), "dateline {source:?} vs {dateline:?}");
        }
        for part in [&dateline.region, &dateline.date].into_iter().flatten() {
            ensure_at!(text, dateline.span, source.contains(part.as_str()), "dateline {source:?} vs {dateline:?}");
        }
        // The agency is the dateline's own, or the wire a byline names.
        if let Some(agency) = &dateline.agency {
            let in_byline =
                article.credits.iter().any(|c| c.kind == CreditKind::Byline && c.text.contains(agency.as_str()));
            ensure_at!(
                text,
                dateline.span,
                source.contains(agency.as_str()) || in_byline,
                "dateline {source:?} vs {dateline:?}"
            );
        }
    }
    if let Some(updated) = &article.updated {
        ensure_at!(text, updated.span, updated.raw == at(updated.span), "updated.raw {updated:?} is not its source");
    }
    for credit in &article.credits {
        let folded = at(credit.span).replace('\n', " ");
        ensure_at!(text, credit.span, credit.text == folded, "credit {:?} is not its source {folded:?}", credit.text);
    }
    for author in &article.authors {
        ensure!(article.credits.iter().any(|c| c.text.contains(author.as_str())), "author {author:?} in no credit");
    }
    for section in &article.sections {
        if let (Some(heading), Some(span)) = (&section.heading, section.heading_span) {
            ensure_at!(text, span, heading == at(span), "heading {heading:?} is not its source {:?}", at(span));
        }
    }
    for paragraph in article.paragraphs() {
        let folded = at(paragraph.span).replace('\n', " ");
        ensure_at!(
            text,
            paragraph.span,
            paragraph.text == folded,
            "paragraph {:?} is not its source {folded:?}",
            paragraph.text
        );
    }
    Ok(())
}

/// Each diagnostic's line and column are where its span starts: lines counted by `\n`,
/// columns in characters, both from 1.
pub(crate) fn check_positions(text: &str, diagnostics: &[Diagnostic]) -> Checked {
    const LAW: Law = Law::Positions;
    for diagnostic in diagnostics {
        let (line, column) = super::locate(text, diagnostic.span.start);
        ensure_at!(
            text,
            diagnostic.span,
            (diagnostic.line, diagnostic.column) == (line, column),
            "{diagnostic:?} is at {line}:{column}"
        );
    }
    Ok(())
}

/// The publication date is the one its raw text writes, and its other fields agree: a time
/// exactly when the precision says so, an inferred year only from a reference date.
///
/// Checked against the raw text's own digits and words rather than a second grammar: the
/// year (unless inferred), month and day, hour and minute each appear in it, a month by
/// number or by a name it begins. An ISO date must be exactly chrono's date for its numbers.
pub(crate) fn check_published(article: &Article, reference: Option<NaiveDate>) -> Checked {
    const LAW: Law = Law::Dates;
    if let Some(updated) = &article.updated {
        ensure!(
            updated.source == DateSource::Header && !updated.year_inferred,
            "an update not from a line: {updated:?}"
        );
        check_stamp(updated)?;
    }
    let Some(published) = &article.published else { return Ok(()) };
    if published.calendar == Calendar::Persian {
        return check_stamp(published);
    }
    let date = published.date;
    let raw = half_width(&published.raw);
    let raw = raw.as_str();
    let numbers = numbers_in(raw);
    let has = |n: u32| numbers.contains(&u64::from(n));
    let names_month = raw.split(|c: char| !c.is_ascii_alphabetic()).any(|word| {
        word.len() >= 3 && MONTH_NAMES[date.month0() as usize].starts_with(word.to_ascii_lowercase().as_str())
    });
    ensure!(!published.span.is_empty(), "an empty date span: {published:?}");
    ensure!(has(date.day()), "day {} is not in {raw:?}", date.day());
    ensure!(has(date.month()) || names_month, "month {} is not in {raw:?}", date.month());
    if published.year_inferred {
        ensure!(published.source == DateSource::Dateline, "an inferred year outside a dateline: {published:?}");
        let Some(reference) = reference else {
            return Err(broke!("a year inferred without a reference date: {published:?}"));
        };
        ensure!(
            date <= reference && reference.year() - date.year() < 8,
            "{date} is not a recent date on or before {reference}"
        );
    } else {
        ensure!(u32::try_from(date.year()).is_ok_and(has), "year {} is not in {raw:?}", date.year());
    }
    if let Some(iso) = iso_numbers(raw) {
        let calendar = NaiveDate::from_ymd_opt(iso.0, iso.1, iso.2);
        ensure!(calendar == Some(date), "{raw:?} read as {date}, the calendar says {calendar:?}");
    }
    check_time_in_raw(published)?;
    if published.source == DateSource::Dateline {
        let Some(dateline) = &article.dateline else {
            return Err(broke!("a date from a dateline without one: {published:?}"));
        };
        ensure!(dateline.date.as_deref() == Some(published.raw.as_str()), "{dateline:?} does not hold {published:?}");
        let span = published.span;
        ensure!(dateline.span.start <= span.start && span.end <= dateline.span.end, "{span:?} is outside {dateline:?}");
    }
    Ok(())
}

/// A date that is not the publication date as a dateline gives it: the time and the day, in
/// either calendar, agree with the raw text.
fn check_stamp(stamp: &Published) -> Checked {
    const LAW: Law = Law::Dates;
    let raw = half_width(&stamp.raw);
    let numbers = numbers_in(&raw);
    ensure!(!stamp.span.is_empty(), "an empty date span: {stamp:?}");
    match stamp.calendar {
        Calendar::Persian => {
            // The Solar Hijri year, month and day the raw text writes, converted independently.
            let at = numbers.iter().position(|n| (1300..=1500).contains(n));
            let named = persian_month(&raw);
            let (year, month, day) = match (at, named) {
                (Some(at), Some(month)) => {
                    (numbers.get(at).copied(), Some(month), at.checked_sub(1).and_then(|i| numbers.get(i).copied()))
                }
                (Some(at), None) => {
                    (numbers.get(at).copied(), numbers.get(at + 1).copied(), numbers.get(at + 2).copied())
                }
                (None, _) => (None, None, None),
            };
            let (Some(year), Some(month), Some(day)) = (year, month, day) else {
                return Err(broke!("no Solar Hijri year, month and day in {raw:?}"));
            };
            let expected = solar_hijri_to_gregorian(year, month, day);
            ensure!(
                expected == Some(stamp.date),
                "{raw:?} read as {}, the Solar Hijri rule says {expected:?}",
                stamp.date
            );
        }
        _ => {
            let has = |n: u32| numbers.contains(&u64::from(n));
            let date = stamp.date;
            ensure!(has(date.day()), "day {} is not in {raw:?}", date.day());
            ensure!(u32::try_from(date.year()).is_ok_and(has), "year {} is not in {raw:?}", date.year());
        }
    }
    check_time_in_raw(stamp)
}

/// The time agrees with its precision and with the digits of the raw text.
fn check_time_in_raw(published: &Published) -> Checked {
    const LAW: Law = Law::Dates;
    let raw = half_width(&published.raw);
    let raw = raw.as_str();
    let numbers = numbers_in(raw);
    let has = |n: u32| numbers.contains(&u64::from(n));
    match (published.time, published.precision) {
        (None, Precision::Day) | (Some(_), Precision::Second) => {}
        (Some(time), Precision::Minute) if time.second() == 0 => {}
        (Some(time), Precision::Hour) if time.second() == 0 && time.minute() == 0 => {}
        (time, precision) => return Err(broke!("time {time:?} with precision {precision:?} in {raw:?}")),
    }
    if let Some(time) = published.time {
        ensure!(published.source != DateSource::Dateline, "a time from a dateline: {published:?}");
        let noon = raw.to_ascii_lowercase().contains("noon");
        let hour = time.hour();
        ensure!(
            has(hour) || has(hour % 12) || (hour % 12 == 0 && has(12)) || (noon && hour == 12),
            "hour {hour} is not in {raw:?}"
        );
        ensure!(
            has(time.minute()) || (time.minute() == 0 && (noon || published.precision == Precision::Hour)),
            "minute {} is not in {raw:?}",
            time.minute()
        );
        ensure!(has(time.second()) || published.precision != Precision::Second, "second not in {raw:?}");
    }
    Ok(())
}

/// The numbers a raw date writes (runs of ASCII digits, after [`half_width`]).
fn numbers_in(raw: &str) -> Vec<u64> {
    raw.split(|c: char| !c.is_ascii_digit()).filter(|run| run.len() <= 18).filter_map(|run| run.parse().ok()).collect()
}

/// The Solar Hijri month a raw date names, in Latin letters or Persian script.
fn persian_month(raw: &str) -> Option<u64> {
    const NAMES: [(&str, u64); 19] = [
        ("farvardin", 1),
        ("ordibehesht", 2),
        ("khordad", 3),
        ("tir", 4),
        ("mordad", 5),
        ("amordad", 5),
        ("shahrivar", 6),
        ("mehr", 7),
        ("aban", 8),
        ("azar", 9),
        ("dey", 10),
        ("dei", 10),
        ("bahman", 11),
        ("esfand", 12),
        ("isfand", 12),
        ("espand", 12),
        ("فروردین", 1),
        ("اردیبهشت", 2),
        ("اسفند", 12),
    ];
    const SCRIPT: [(&str, u64); 9] = [
        ("خرداد", 3),
        ("تیر", 4),
        ("مرداد", 5),
        ("شهریور", 6),
        ("مهر", 7),
        ("آبان", 8),
        ("آذر", 9),
        ("دی", 10),
        ("بهمن", 11),
    ];
    raw.split(|c: char| !c.is_alphabetic())
        .find_map(|word| NAMES.iter().chain(&SCRIPT).find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, n)| n))
}

/// Solar Hijri to Gregorian by walking the years from 1 Farvardin 1300 (21 March 1921),
/// each 365 days or 366 when the 33-year rule makes it leap: an arithmetic apart from the
/// parser's closed form, for the checks to compare against.
pub fn solar_hijri_to_gregorian(year: u64, month: u64, day: u64) -> Option<NaiveDate> {
    let leap = |y: u64| (25 * y + 11) % 33 < 8;
    if !(1300..=1500).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let length = match month {
        1..=6 => 31,
        7..=11 => 30,
        _ if leap(year) => 30,
        _ => 29,
    };
    if !(1..=length).contains(&day) {
        return None;
    }
    let mut days = 0;
    for y in 1300..year {
        days += if leap(y) { 366 } else { 365 };
    }
    for m in 1..month {
        days += if m <= 6 { 31 } else { 30 };
    }
    days += day - 1;
    NaiveDate::from_ymd_opt(1921, 3, 21)?.checked_add_days(chrono::Days::new(days))
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `text` with full-width, Arabic-Indic and Persian digits, `－`, `／`, `：` and `，` made ASCII,
/// as the grammar reads them.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff10}'..='\u{ff19}' => char::from_u32(u32::from(c) - 0xff10 + u32::from('0')).unwrap_or(c),
            '\u{660}'..='\u{669}' => char::from_u32(u32::from(c) - 0x660 + u32::from('0')).unwrap_or(c),
            '\u{6f0}'..='\u{6f9}' => char::from_u32(u32::from(c) - 0x6f0 + u32::from('0')).unwrap_or(c),
            '－' => '-',
            '／' => '/',
            '：' => ':',
            '，' => ',',
            _ => c,
        })
        .collect()
}

/// Year, month and day of a raw date that starts `2024-09-15` or `2024/09/15`.
fn iso_numbers(raw: &str) -> Option<(i32, u32, u32)> {
    let sep = raw.trim_start_matches(|c: char| c.is_ascii_digit()).chars().next().filter(|c| matches!(c, '-' | '/'))?;
    let mut parts = raw.split(sep);
    let year = parts.next().filter(|y| y.len() >= 4)?;
    let month = parts.next()?;
    let day: String = parts.next()?.chars().take_while(char::is_ascii_digit).collect();
    // Past the calendar's range (or four digits) is the parser's error to report, not a date.
    Some((year.parse().ok()?, month.parse().ok()?, day.parse().ok()?))
}

/// A line that is nothing but an ISO date reads as chrono's date for its numbers, and when
/// there is no such day the article has no date and an error at the line.
fn check_iso_line(line: &str, article: &Article, diagnostics: &[Diagnostic]) -> Checked {
    const LAW: Law = Law::Dates;
    let line = half_width(line);
    let trimmed = line.trim();
    let digits_or_sep = |c: char| c.is_ascii_digit() || c == '-' || c == '/';
    if trimmed.is_empty() || !trimmed.chars().all(digits_or_sep) {
        return Ok(());
    }
    let parts: Vec<&str> = trimmed.split(['-', '/']).collect();
    let seps: Vec<char> = trimmed.chars().filter(|c| matches!(c, '-' | '/')).collect();
    let shaped = parts.len() == 3 && parts[0].len() >= 4 && parts.iter().all(|p| !p.is_empty()) && seps[0] == seps[1];
    if !shaped {
        return Ok(());
    }
    let number = |p: &str| if p.len() > 4 { None } else { p.parse::<u32>().ok() };
    let numbers = (number(parts[0]), number(parts[1]), number(parts[2]));
    let calendar = match numbers {
        // Before 1800 no Gregorian date: a Solar Hijri one from 1300 to 1500, or none.
        (Some(y), Some(m), Some(d)) if y < 1800 => {
            if !(1300..=1500).contains(&y) {
                ensure!(
                    article.published.is_none() && diagnostics.iter().any(|d| d.line == 1),
                    "{line:?}: a year before 1800 read, or not said: {diagnostics:?}"
                );
                return Ok(());
            }
            solar_hijri_to_gregorian(u64::from(y), u64::from(m), u64::from(d))
        }
        (Some(y), Some(m), Some(d)) => i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
        _ => None,
    };
    let read = article.published.as_ref().map(|p| p.date);
    ensure!(read == calendar, "{line:?} read as {read:?}, the calendar says {calendar:?}");
    if calendar.is_none() {
        let error = diagnostics.iter().find(|d| d.is_error());
        ensure!(error.is_some_and(|e| e.line == 1), "no error at the impossible date {line:?}: {diagnostics:?}");
    }
    Ok(())
}

/// An article read without errors renders to text that reads back to it; rendering that
/// gives the same text again.
fn round_trip_with(parser: &ArticleParser, reference: Option<NaiveDate>, text: &str) -> Checked {
    const LAW: Law = Law::RoundTrip;
    let (article, diagnostics) = parser.parse_lenient(text);
    // An impossible date is reported and left out of the model, so the printer cannot write
    // it back and the reprinted text lacks its error: only error-free articles must hold.
    if has_error(&diagnostics) {
        return Ok(());
    }
    let rendered = parser.render(&article);
    let (again, again_diagnostics) = parser.parse_lenient(&rendered);
    ensure!(!has_error(&again_diagnostics), "rendered text has errors: {again_diagnostics:?}\n{rendered}");
    ensure!(
        again.without_spans() == article.without_spans(),
        "rendered text reads back differently:\n{rendered}\nfirst {article:?}\nthen {again:?}"
    );
    let twice = parser.render(&again);
    ensure!(twice == rendered, "rendering is not a fixpoint:\n{rendered}\nthen\n{twice}");
    check_article(parser, reference, &rendered)
}

/// What the decoder promises whatever it had to guess: `\n` endings only, a NUL in the first
/// 8 KiB called binary at its offset (unless the file reads as UTF-16), and each warning where
/// its line and column say, in order. Text it need not touch (UTF-8 with no CR, NUL or BOM
/// inside, and no character that could be part of mojibake) comes back as it was, borrowed.
pub(crate) fn check_decoding(data: &[u8]) -> Checked {
    const LAW: Law = Law::Decoding;
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let first_nul = body.iter().take(8 * 1024).position(|&b| b == 0).map(|at| at + (data.len() - body.len()));
    let decoded = match decode(data) {
        Ok(decoded) => decoded,
        Err(DecodeError::Binary { offset }) => {
            ensure!(first_nul == Some(offset), "binary at {offset}, the first early NUL is at {first_nul:?}");
            return Ok(());
        }
    };
    let text = decoded.text.as_ref();
    ensure!(!text.contains('\r'), "a CR left in {text:?}");
    for diagnostic in &decoded.diagnostics {
        check_span(text, diagnostic.span, "decoder warning")?;
    }
    ensure!(
        decoded.diagnostics.windows(2).all(|w| w[0].span.start <= w[1].span.start),
        "decoder warnings out of order: {:?}",
        decoded.diagnostics
    );
    check_positions(text, &decoded.diagnostics)?;
    // HTML left in the text is undone too, so text with `&` or `<` may change.
    let untouched = std::str::from_utf8(body).is_ok_and(|s| {
        !s.contains(['\r', '\0', '\u{feff}', '&', '<']) && !s.chars().any(|c| ('\u{80}'..='\u{ff}').contains(&c))
    });
    if untouched {
        ensure!(text.as_bytes() == body, "decoded {text:?} from clean text");
        ensure!(matches!(decoded.text, std::borrow::Cow::Borrowed(_)), "clean text was copied");
        ensure!(decoded.diagnostics.is_empty(), "warnings on clean text: {:?}", decoded.diagnostics);
    }
    if let std::borrow::Cow::Borrowed(borrowed) = decoded.text {
        ensure!(borrowed.as_bytes() == body, "borrowed {borrowed:?}, not the file's text");
    }
    Ok(())
}

/// The corpus reader's document for `data` is the lenient parse of the decoded text, with
/// the decoder's warnings and the parser's diagnostics together, in order.
pub(crate) fn check_document(parser: &ArticleParser, reference: Option<NaiveDate>, data: &[u8]) -> Checked {
    const LAW: Law = Law::Document;
    let doc = CorpusReader::new(parser.clone()).parse_bytes("fuzz.txt".to_owned(), data);
    let Ok(decoded) = decode(data) else {
        ensure!(doc.article.is_none() && doc.diagnostics.len() == 1, "a binary file gave {doc:?}");
        return Ok(());
    };
    let text = decoded.text.as_ref();
    let (article, _) = parser.parse_lenient(text);
    let expected = (!article.is_empty()).then(|| article.clone());
    ensure!(doc.article == expected, "the document's article {:?} is not the text's {expected:?}", doc.article);
    check_spans(text, &article, &doc.diagnostics)?;
    check_positions(text, &doc.diagnostics)?;
    check_texts(text, &article)?;
    check_published(&article, reference)
}

/// A UTF-8 file gives the same document with `\r\n` or `\r` endings. Not one holding a CR
/// (`\r\n` would become `\r\r\n`), nor one whose warnings name byte offsets in the file (NULs,
/// a byte-order mark past the start), which the CRs move.
pub(crate) fn check_line_endings(data: &[u8]) -> Checked {
    const LAW: Law = Law::LineEndings;
    let Ok(text) = std::str::from_utf8(data) else { return Ok(()) };
    if text.contains(['\r', '\0']) || text.strip_prefix('\u{feff}').unwrap_or(text).contains('\u{feff}') {
        return Ok(());
    }
    let read = |text: &str| CorpusReader::new(ArticleParser::new()).parse_bytes("fuzz.txt".to_owned(), text.as_bytes());
    let lf = read(text);
    for ending in ["\r\n", "\r"] {
        let other = read(&text.replace('\n', ending));
        ensure!(other == lf, "{ending:?} endings give {other:?}, `\\n` gives {lf:?}");
    }
    Ok(())
}

/// Whether any diagnostic is an error.
pub(crate) fn has_error(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}
