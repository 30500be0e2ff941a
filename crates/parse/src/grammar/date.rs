//! Dates and times: the inline `date` prefix, header lines, and the dates inside datelines.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use dateline_model::{Calendar, Precision};
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{consumed as with_text, eof, map_opt, not, opt, recognize, verify};
use nom::sequence::{delimited, preceded, terminated};

use super::persian;
use super::{Res, consumed, is_gap, ws, ws0};

/// Which number comes first in a numeric date written day and month both ways (`04/03/2024`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// Day, month, year: `04/03/2024` is 4 March 2024.
    Dmy,
    /// Month, day, year: `04/03/2024` is 3 April 2024.
    Mdy,
}

/// A month as written: digits (`09`), or a name already resolved to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthText<'a> {
    Digits(&'a str),
    Name(u32),
    /// A Solar Hijri month name: `Farvardin`, `فروردین`.
    Persian(u32),
}

/// A date as written, before any check that it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateShape<'a> {
    pub(crate) year: Option<&'a str>,
    pub(crate) month: MonthText<'a>,
    pub(crate) day: &'a str,
    /// Day and month are numbers in an order the text does not say (`04/03/2024`, `3.9.2017`):
    /// `month` holds the first, `day` the second.
    pub(crate) either_order: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meridiem {
    Am,
    Pm,
}

/// A time of day as written, before any check that it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeShape<'a> {
    Clock {
        hour: &'a str,
        minute: Option<&'a str>,
        second: Option<&'a str>,
        meridiem: Option<Meridiem>,
    },
    Noon,
    /// Midnight names no time on the date's side of it: read, but no time is taken.
    Midnight,
}

/// One date (and time) on a date line, with where its parts stand in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp<'a> {
    pub(crate) date: DateShape<'a>,
    pub(crate) time: Option<TimeShape<'a>>,
    /// Byte range of the date and time text within the line.
    pub(crate) raw: (usize, usize),
    /// Byte range of the time within the line, so an impossible time is reported where it is.
    pub(crate) time_raw: Option<(usize, usize)>,
    /// The weekday the line names, and where.
    pub(crate) weekday: Option<(Weekday, (usize, usize))>,
}

/// The line that carries an article's date: an inline prefix or a header line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateLine<'a> {
    pub(crate) date: DateShape<'a>,
    pub(crate) time: Option<TimeShape<'a>>,
    /// Byte range of the date and time text within the line.
    pub(crate) raw: (usize, usize),
    /// Byte range of the time within the line, so an impossible time is reported where it is.
    pub(crate) time_raw: Option<(usize, usize)>,
    /// The weekday the line names, and where.
    pub(crate) weekday: Option<(Weekday, (usize, usize))>,
    /// A later date on the same line: `Published ... | Updated ...`.
    pub(crate) updated: Option<Stamp<'a>>,
    /// The line is labelled as an update (`Updated: ...`, `Last modified ...`).
    pub(crate) update_label: bool,
    /// Byte offset within the line where body text starts, for an inline prefix.
    pub(crate) body: Option<usize>,
}

impl<'a> DateLine<'a> {
    fn new(first: Stamp<'a>, updated: Option<Stamp<'a>>, update_label: bool, body: Option<usize>) -> Self {
        Self {
            date: first.date,
            time: first.time,
            raw: first.raw,
            time_raw: first.time_raw,
            weekday: first.weekday,
            updated,
            update_label,
            body,
        }
    }

    /// The first date of the line as a [`Stamp`].
    pub(crate) fn stamp(&self) -> Stamp<'a> {
        Stamp { date: self.date, time: self.time, raw: self.raw, time_raw: self.time_raw, weekday: self.weekday }
    }
}

const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: [(&str, Weekday); 18] = [
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
    ("weds", Weekday::Wed),
];

/// The number of the month named by `word` (`Sept`, `september`, `SEP`), if it names one.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    if word.len() > 9 {
        return None;
    }
    MONTHS.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, n)| n)
}

/// Whether `word` names a day of the week (`Sunday`, `Sun`, any case).
pub(crate) fn is_weekday(word: &str) -> bool {
    weekday_of(word.trim_end_matches('.')).is_some()
}

fn weekday_of(word: &str) -> Option<Weekday> {
    if word.len() > 9 {
        return None;
    }
    WEEKDAYS.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, day)| day)
}

/// A run of letters, not followed by another letter.
fn word(input: &str) -> Res<'_, &str> {
    take_while1(char::is_alphabetic).parse(input)
}

// month-name = ( "January" / "Jan" / ... / "September" / "Sept" / "Sep" / ... ) ["."]
pub(crate) fn month_name(input: &str) -> Res<'_, u32> {
    terminated(map_opt(take_while1(|c: char| c.is_ascii_alphabetic()), month_number), opt(char('.'))).parse(input)
}

// persian-month = "Farvardin" / ... / "Esfand" / "فروردین" / ... / "اسفند"
fn persian_month(input: &str) -> Res<'_, u32> {
    map_opt(word, persian::month_number).parse(input)
}

// any-month = month-name / persian-month
fn any_month(input: &str) -> Res<'_, MonthText<'_>> {
    alt((month_name.map(MonthText::Name), persian_month.map(MonthText::Persian))).parse(input)
}

// weekday = ( "Monday" / "Mon" / ... ) ["."] [ ws0 ( "," / "-" / "–" / "—" / "|" ) ] ws0
fn weekday(input: &str) -> Res<'_, Weekday> {
    let (rest, day) = terminated(
        map_opt(take_while1(|c: char| c.is_ascii_alphabetic()), weekday_of),
        (opt(char('.')), opt((ws0, one_of(",-–—|"))), ws0),
    )
    .parse(input)?;
    Ok((rest, day))
}

/// ASCII digits, and the digits of other scripts that mean the same: full-width (`２０２４`),
/// Arabic-Indic (`٢٠٢٤`) and Persian (`۲۰۲۴`).
pub(crate) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// The value of a digit of any script [`is_digit`] reads.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    let base = match c {
        '0'..='9' => '0',
        '０'..='９' => '０',
        '\u{660}'..='\u{669}' => '\u{660}',
        '\u{6f0}'..='\u{6f9}' => '\u{6f0}',
        _ => return None,
    };
    Some(u32::from(c) - u32::from(base))
}

// DIGIT = "0" / ... / "9" / "０" / ... / "９" / "٠" / ... / "٩" / "۰" / ... / "۹"
fn digits(input: &str) -> Res<'_, &str> {
    take_while1(is_digit).parse(input)
}

/// One or two digits.
fn one_or_two_digits(input: &str) -> Res<'_, &str> {
    take_while_m_n(1, 2, is_digit).parse(input)
}

/// Exactly two digits, not followed by a third.
fn two_digits(input: &str) -> Res<'_, &str> {
    terminated(take_while_m_n(2, 2, is_digit), not(satisfy(is_digit))).parse(input)
}

// day = 1*DIGIT [ "st" / "nd" / "rd" / "th" ]
fn day(input: &str) -> Res<'_, &str> {
    terminated(digits, opt(alt((tag_no_case("st"), tag_no_case("nd"), tag_no_case("rd"), tag_no_case("th")))))
        .parse(input)
}

// year = 4*DIGIT          (a longer run is still a year, and an error when checked)
fn year(input: &str) -> Res<'_, &str> {
    verify(digits, |digits: &str| digits.chars().count() >= 4).parse(input)
}

// comma-sep = ws0 ( "," / "，" / "،" ) ws0 / ws
fn comma_sep(input: &str) -> Res<'_, &str> {
    alt((recognize((ws0, one_of(",，،"), ws0)), ws)).parse(input)
}

// iso-date = year sep 1*DIGIT sep 1*DIGIT        sep: the same "-", "/", "－" or "／" twice
fn iso_date(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, year) = year(input)?;
    let (rest, sep) = one_of("-/－／").parse(rest)?;
    let (rest, (month, _, day)) = (digits, char(sep), digits).parse(rest)?;
    Ok((rest, DateShape { year: Some(year), month: MonthText::Digits(month), day, either_order: false }))
}

// numeric-date = 1*2DIGIT nsep 1*2DIGIT nsep year     nsep: the same "." ws0, "/" or "-" twice
//
// Which of the two numbers is the day is settled when the date is checked: by the one
// reading that exists, or by the date order given; never by a guess.
fn numeric_date(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, first) = one_or_two_digits(input)?;
    let (rest, sep) = one_of("./-").parse(rest)?;
    let spaced = |input| if sep == '.' { ws0(input) } else { Ok((input, "")) };
    let (rest, (_, second, _, _, _, year)) =
        (spaced, one_or_two_digits, char(sep), spaced, not(char(sep)), year).parse(rest)?;
    Ok((rest, DateShape { year: Some(year), month: MonthText::Digits(first), day: second, either_order: true }))
}

// dotted-named = day ( "." / "-" / "/" ) month-name ( "." / "-" / "/" ) year      ("07.jul.2014")
fn dotted_named(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, (day, sep)) = (one_or_two_digits, one_of(".-/")).parse(input)?;
    let (rest, (month, _, year)) = (take_while1(|c: char| c.is_ascii_alphabetic()), char(sep), year).parse(rest)?;
    let month = month_number(month)
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify)))?;
    Ok((rest, DateShape { year: Some(year), month: MonthText::Name(month), day, either_order: false }))
}

// month-day = month-name ws0 day        ("Sept 30", "Sept.30")
fn month_day(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, (month, _, day)) = (month_name, ws0, day).parse(input)?;
    Ok((rest, DateShape { year: None, month: MonthText::Name(month), day, either_order: false }))
}

// day-month = day ws any-month           ("30 September", "15 Farvardin")
fn day_month(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, (day, _, month)) = (day, ws, any_month).parse(input)?;
    Ok((rest, DateShape { year: None, month, day, either_order: false }))
}

// named-date = ( month-day / day-month ) comma-sep year
fn named_date(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, (shape, year)) = (alt((month_day, day_month)), preceded(comma_sep, year)).parse(input)?;
    Ok((rest, DateShape { year: Some(year), ..shape }))
}

// year-first-named = year ws any-month ws day          ("2016 july 13")
fn year_first_named(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, (year, _, month, _, day)) = (year, ws, any_month, ws, day).parse(input)?;
    Ok((rest, DateShape { year: Some(year), month, day, either_order: false }))
}

// date = iso-date / numeric-date / dotted-named / named-date / year-first-named
pub(crate) fn date(input: &str) -> Res<'_, DateShape<'_>> {
    alt((iso_date, numeric_date, dotted_named, named_date, year_first_named)).parse(input)
}

// header-date = date / ( month-day / day-month ) dash-sep year       ("September 1 - 2017")
fn header_date(input: &str) -> Res<'_, DateShape<'_>> {
    let dash_sep = recognize((ws, one_of("-–—"), ws));
    let dashed = (alt((month_day, day_month)), preceded(dash_sep, year))
        .map(|(shape, year)| DateShape { year: Some(year), ..shape });
    alt((date, dashed)).parse(input)
}

// dateline-date = named-date / month-day / day-month      (the year is often left out)
pub(crate) fn dateline_date(input: &str) -> Res<'_, DateShape<'_>> {
    alt((named_date, month_day, day_month)).parse(input)
}

// meridiem = ( "a.m." / "p.m." / "a.m" / "p.m" / "am" / "pm" ) not followed by a letter   (any case)
fn meridiem(input: &str) -> Res<'_, Meridiem> {
    terminated(
        alt((
            alt((tag_no_case("a.m."), tag_no_case("a.m"), tag_no_case("am"))).map(|_| Meridiem::Am),
            alt((tag_no_case("p.m."), tag_no_case("p.m"), tag_no_case("pm"))).map(|_| Meridiem::Pm),
        )),
        not(satisfy(char::is_alphabetic)),
    )
    .parse(input)
}

// clock = 1*2DIGIT ( colon 1*DIGIT [ colon 1*DIGIT [ "." 1*DIGIT ] ] / "h" 2DIGIT ) [ ws0 meridiem ]
//       / 1*2DIGIT "." 2DIGIT [ ws0 meridiem ]                ("13.12", "12.16 pm")
//       / 1*2DIGIT ws0 meridiem                               ("5 PM", "1 a.m")
// colon = ":" / "："
fn clock(input: &str) -> Res<'_, TimeShape<'_>> {
    let colon = || one_of(":：");
    let seconds = preceded(colon(), terminated(digits, opt((char('.'), digits))));
    let colon_form = (preceded(colon(), digits), opt(seconds));
    let h_form = preceded(one_of("hH"), two_digits).map(|m| (m, None));
    let dotted = preceded(char('.'), two_digits).map(|m| (m, None));
    let (rest, (hour, minutes)) = (digits, opt(alt((colon_form, h_form, dotted)))).parse(input)?;
    let (rest, meridiem) = opt(preceded(ws0, meridiem)).parse(rest)?;
    let (minute, second) = match minutes {
        Some((minute, second)) => (Some(minute), second),
        // An hour alone is a time only with its meridiem: `5 PM`.
        None if meridiem.is_some() => (None, None),
        None => return Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))),
    };
    Ok((rest, TimeShape::Clock { hour, minute, second, meridiem }))
}

// time = clock / "noon" / "midnight"
pub(crate) fn time(input: &str) -> Res<'_, TimeShape<'_>> {
    alt((
        clock,
        terminated(tag_no_case("noon"), not(satisfy(char::is_alphabetic))).map(|_| TimeShape::Noon),
        terminated(tag_no_case("midnight"), not(satisfy(char::is_alphabetic))).map(|_| TimeShape::Midnight),
    ))
    .parse(input)
}

// time-sep = ws0 ( "-" / "–" / "—" / "," / "，" / "|" / "@" / "/" / "·" ) ws0 / ws "at" ws / "." ws / ws / "T"
fn time_sep(input: &str) -> Res<'_, &str> {
    alt((
        recognize((ws0, one_of("-–—,，|@/·"), ws0)),
        recognize((ws, tag_no_case("at"), ws)),
        recognize((char('.'), ws)),
        ws,
        tag("T"),
    ))
    .parse(input)
}

// zone = ws0 ( 1*5UPPER [offset] / offset ) [ ws0 "(" 1*5UPPER ")" ]
// offset = ( "+" / "-" ) 1*DIGIT [ ":" 1*DIGIT ]
fn zone(input: &str) -> Res<'_, &str> {
    let offset = || recognize((one_of("+-"), digits, opt((char(':'), digits))));
    let upper = || take_while_m_n(1, 5, |c: char| c.is_ascii_uppercase());
    recognize(preceded(
        ws0,
        (alt((recognize((upper(), opt(offset()))), offset())), opt((ws0, delimited(char('('), upper(), char(')'))))),
    ))
    .parse(input)
}

/// A date and its time, with the time's text (which ends where the date-time does).
type DateTime<'a> = (DateShape<'a>, Option<(&'a str, TimeShape<'a>)>);

// date-time = header-date [ time-sep time ]
//           / time [ ws0 "," ] ws0 header-date                ("8:25 a.m. Dec. 12, 2014")
//           / month-name ws day ws time ws year               ("Aug 05 12:00:00 2015", ctime)
fn date_time(input: &str) -> Res<'_, DateTime<'_>> {
    let date_first = (header_date, opt(preceded(time_sep, with_text(time))));
    let time_first =
        (with_text(time), opt((ws0, char(','))), ws0, header_date).map(|(time, _, _, date)| (date, Some(time)));
    let ctime = (month_name, ws, day, ws, with_text(time), ws, year).map(|(month, _, day, _, time, _, year)| {
        (DateShape { year: Some(year), month: MonthText::Name(month), day, either_order: false }, Some(time))
    });
    alt((date_first, time_first, ctime)).parse(input)
}

// inline-date-time = date [ time-sep time ]       (the body follows, so no other order)
fn inline_date_time(input: &str) -> Res<'_, DateTime<'_>> {
    (date, opt(preceded(time_sep, with_text(time)))).parse(input)
}

/// The byte offset of `part` in `line`, where `part` is a slice of `line`.
fn offset_in(line: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(line.as_ptr() as usize).min(line.len())
}

// stamp = [weekday] date-time [zone]
fn stamp<'a>(line: &'a str, input: &'a str) -> Res<'a, Stamp<'a>> {
    let (at_date, weekday) = opt(with_text(weekday)).parse(input)?;
    let (after, (date, time)) = date_time(at_date)?;
    let (after_zone, _) = opt(zone).parse(after)?;
    let weekday = weekday.map(|(text, day)| {
        let start = consumed(line, input);
        let name_len = text.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(text.len());
        (day, (start, start + name_len))
    });
    let raw = (consumed(line, at_date), consumed(line, after_zone));
    let time_raw = time.map(|(text, _)| {
        let start = offset_in(line, text);
        (start, start + text.len())
    });
    Ok((after_zone, Stamp { date, time: time.map(|(_, shape)| shape), raw, time_raw, weekday }))
}

// label = [ ( "last" / "first" ) ws ] ( "published" / "posted" / "updated" / "modified" / "dated" / "date" )
//         [ ws ( "on" / "in" / "at" ) ] ( ":" ws0 / ws )
/// Whether the label says the date is an update.
fn label(input: &str) -> Res<'_, bool> {
    let (rest, (_, name, _, _)) = (
        opt((alt((tag_no_case("last"), tag_no_case("first"))), ws)),
        alt((
            tag_no_case("published"),
            tag_no_case("posted"),
            tag_no_case("updated"),
            tag_no_case("modified"),
            tag_no_case("dated"),
            tag_no_case("date"),
        )),
        opt((ws, alt((tag_no_case("on"), tag_no_case("in"), tag_no_case("at"))))),
        alt((recognize((ws0, char(':'), ws0)), ws)),
    )
        .parse(input)?;
    Ok((rest, name.eq_ignore_ascii_case("updated") || name.eq_ignore_ascii_case("modified")))
}

// update-label = [ "last" ws ] ( "updated" / "modified" ) [ ws ( "on" / "at" ) ] ( ":" ws0 / ws )
fn update_label(input: &str) -> Res<'_, bool> {
    verify(label, |&update| update).parse(input)
}

// stamp-sep = ws0 ( "|" / "," / ";" / "·" / "-" / "–" / "—" / "/" ) ws0 / ws
fn stamp_sep(input: &str) -> Res<'_, &str> {
    alt((recognize((ws0, one_of("|,;·-–—/"), ws0)), ws)).parse(input)
}

// inline-prefix = ws0 "date" [":"] ws inline-date-time ws body-text        (body-text not empty)
fn inline_prefix(line: &str) -> Res<'_, DateLine<'_>> {
    let (at_date, _) = (ws0, tag_no_case("date"), opt(char(':')), ws).parse(line)?;
    let (after, (date, time)) = inline_date_time(at_date)?;
    let (body, _) = ws(after)?;
    if body.is_empty() {
        return Err(nom::Err::Error(nom::error::Error::new(body, nom::error::ErrorKind::Eof)));
    }
    let raw = (consumed(line, at_date), consumed(line, after));
    let time_raw = time.map(|(text, _)| {
        let start = offset_in(line, text);
        (start, start + text.len())
    });
    let first = Stamp { date, time: time.map(|(_, shape)| shape), raw, time_raw, weekday: None };
    Ok(("", DateLine::new(first, None, false, Some(consumed(line, body)))))
}

// header-line = ws0 [label] stamp [ws0 "."] [ stamp-sep update-label stamp [ws0 "."] ] ws0 EOL
fn header_line(line: &str) -> Res<'_, DateLine<'_>> {
    let (at_stamp, update) = preceded(ws0, opt(label)).parse(line)?;
    let (after, first) = stamp(line, at_stamp)?;
    let (after, _) = opt((ws0, char('.'))).parse(after)?;
    let (after, updated) = opt(preceded((stamp_sep, update_label), |input| stamp(line, input))).parse(after)?;
    let (after, _) = opt((ws0, char('.'))).parse(after)?;
    let (rest, _) = (ws0, eof).parse(after)?;
    Ok((rest, DateLine::new(first, updated, update.unwrap_or(false), None)))
}

/// Whether a line could be a date slot, for a cheap rejection: it starts (after blanks) with
/// a digit, or with a word that is a label, a weekday or a month. Every paragraph of the body
/// is asked, so it looks at the first word once, in a buffer on the stack.
fn could_be_date_slot(line: &str) -> bool {
    let start = line.trim_start_matches(is_gap);
    if start.starts_with(is_digit) {
        return true;
    }
    let word = start.as_bytes().iter().take_while(|b| b.is_ascii_alphabetic()).take(12);
    let mut lower = [0; 12];
    let mut len = 0;
    for (slot, byte) in lower.iter_mut().zip(word) {
        *slot = byte.to_ascii_lowercase();
        len += 1;
    }
    matches!(
        &lower[..len],
        b"date"
            | b"dated"
            | b"published"
            | b"posted"
            | b"updated"
            | b"modified"
            | b"last"
            | b"first"
            | b"monday"
            | b"mon"
            | b"tuesday"
            | b"tue"
            | b"tues"
            | b"wednesday"
            | b"wed"
            | b"weds"
            | b"thursday"
            | b"thu"
            | b"thur"
            | b"thurs"
            | b"friday"
            | b"fri"
            | b"saturday"
            | b"sat"
            | b"sunday"
            | b"sun"
            | b"january"
            | b"jan"
            | b"february"
            | b"feb"
            | b"march"
            | b"mar"
            | b"april"
            | b"apr"
            | b"may"
            | b"june"
            | b"jun"
            | b"july"
            | b"jul"
            | b"august"
            | b"aug"
            | b"september"
            | b"sept"
            | b"sep"
            | b"october"
            | b"oct"
            | b"november"
            | b"nov"
            | b"december"
            | b"dec"
            | b"farvardin"
            | b"ordibehesht"
            | b"khordad"
            | b"tir"
            | b"mordad"
            | b"amordad"
            | b"shahrivar"
            | b"mehr"
            | b"aban"
            | b"azar"
            | b"dey"
            | b"dei"
            | b"bahman"
            | b"esfand"
            | b"isfand"
            | b"espand"
    )
}

// date-slot = inline-prefix / header-line
pub(crate) fn date_slot(line: &str) -> Option<DateLine<'_>> {
    if !could_be_date_slot(line) {
        return None;
    }
    alt((inline_prefix, header_line)).parse(line).ok().map(|(_, slot)| slot)
}

/// What checking a [`DateShape`] against the calendar gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateCheck {
    /// A real date; `inferred` when its year came from the reference date.
    Valid { date: NaiveDate, inferred: bool, calendar: Calendar },
    /// A month and day without a year, and no reference date to take one from.
    NoYear,
    /// A date that may exist but is not taken, and why (a warning): both orders of day and
    /// month are possible, or the calendar is not said.
    Unread(String),
    /// No such date; the message says why.
    Invalid(String),
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The first year read as a Gregorian news date: a year before is another calendar's, or not
/// news.
pub(crate) const FIRST_GREGORIAN_YEAR: u32 = 1800;

/// The value of at most four digits of any script [`is_digit`] reads.
pub(crate) fn small_number(digits: &str) -> Option<u32> {
    if digits.chars().count() > 4 {
        return None;
    }
    digits.chars().try_fold(0, |value, c| Some(value * 10 + digit_value(c)?))
}

fn month_name_of(month: u32) -> &'static str {
    usize::try_from(month).ok().and_then(|m| MONTH_NAMES.get(m.wrapping_sub(1))).copied().unwrap_or("month")
}

/// A Gregorian date, or why there is none.
fn gregorian(year: u32, month: u32, day: u32) -> Result<NaiveDate, String> {
    let month_name = month_name_of(month);
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} does not exist (months run from 1 to 12)"));
    }
    if !(1..=31).contains(&day) {
        return Err(format!("day {day} does not exist (days run from 1 to 31)"));
    }
    let year = i32::try_from(year).map_err(|_| format!("year {year} is out of range"))?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let last = (28..=31).rev().find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some()).unwrap_or(28);
        format!("{month_name} {year} has {last} days, so day {day} does not exist")
    })
}

pub(crate) fn long_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name_of(date.month()), date.year())
}

/// Checks a written date against the calendar: never rolls over, never invents a part.
///
/// A date without a year takes the year that puts it on or before `reference` and says so.
/// A numeric date whose day and month could be either way round is read only when one way
/// exists, both give the same date, or `order` says which. A year before 1800 is no Gregorian
/// news date: it is converted from the Solar Hijri calendar when the text says so (a Persian
/// month name, or a year-first date of 1300 to 1500), and otherwise not read.
pub(crate) fn check_date(shape: &DateShape<'_>, reference: Option<NaiveDate>, order: Option<DateOrder>) -> DateCheck {
    let Some(day) = small_number(shape.day).filter(|_| shape.day.chars().count() <= 2) else {
        return DateCheck::Invalid(format!("day {} does not exist (days run from 1 to 31)", shape.day));
    };
    let Some(year_digits) = shape.year else {
        return check_year_less(shape, day, reference);
    };
    let Some(year) = small_number(year_digits) else {
        return DateCheck::Invalid(format!("year {year_digits} is out of range (at most four digits)"));
    };
    match shape.month {
        MonthText::Persian(month) => persian_date(year, month, day),
        MonthText::Digits(digits) => {
            let Some(number) = small_number(digits).filter(|_| digits.chars().count() <= 2) else {
                return DateCheck::Invalid(format!("month {digits} does not exist (months run from 1 to 12)"));
            };
            if shape.either_order {
                check_either_order(year, number, day, order)
            } else if year < FIRST_GREGORIAN_YEAR {
                if (persian::FIRST_YEAR..=persian::LAST_YEAR).contains(&year) {
                    persian_date(year, number, day)
                } else {
                    DateCheck::Unread(format!(
                        "year {year} is before {FIRST_GREGORIAN_YEAR}, so no Gregorian news date, and outside the Solar Hijri years read ({} to {}): no date taken",
                        persian::FIRST_YEAR,
                        persian::LAST_YEAR
                    ))
                }
            } else {
                valid(gregorian(year, number, day))
            }
        }
        MonthText::Name(month) => {
            if year < FIRST_GREGORIAN_YEAR {
                return DateCheck::Unread(not_gregorian(year));
            }
            valid(gregorian(year, month, day))
        }
    }
}

fn not_gregorian(year: u32) -> String {
    format!(
        "year {year} is before {FIRST_GREGORIAN_YEAR}: no Gregorian news date, and the text does not say which calendar it is in; no date taken"
    )
}

fn valid(date: Result<NaiveDate, String>) -> DateCheck {
    match date {
        Ok(date) => DateCheck::Valid { date, inferred: false, calendar: Calendar::Gregorian },
        Err(message) => DateCheck::Invalid(message),
    }
}

fn persian_date(year: u32, month: u32, day: u32) -> DateCheck {
    if !(persian::FIRST_YEAR..=persian::LAST_YEAR).contains(&year) {
        return DateCheck::Unread(format!(
            "Solar Hijri year {year} is outside the years dateline converts ({} to {}): no date taken",
            persian::FIRST_YEAR,
            persian::LAST_YEAR
        ));
    }
    match persian::to_gregorian(year, month, day) {
        Ok(date) => DateCheck::Valid { date, inferred: false, calendar: Calendar::Persian },
        Err(message) => DateCheck::Invalid(message),
    }
}

/// `first/second/year`: day and month either way round.
fn check_either_order(year: u32, first: u32, second: u32, order: Option<DateOrder>) -> DateCheck {
    if year < FIRST_GREGORIAN_YEAR {
        return DateCheck::Unread(not_gregorian(year));
    }
    let dmy = gregorian(year, second, first);
    let mdy = gregorian(year, first, second);
    match (dmy, mdy, order) {
        (Ok(dmy), Ok(mdy), _) if dmy == mdy => valid(Ok(dmy)),
        (Ok(dmy), Ok(mdy), None) => DateCheck::Unread(format!(
            "day and month could be either way round: {} (day first) or {} (month first); no date taken (give a date order: dmy or mdy)",
            long_date(dmy),
            long_date(mdy)
        )),
        // One reading, or the one the date order names.
        (Ok(date), Ok(_), Some(DateOrder::Dmy))
        | (Ok(_), Ok(date), Some(DateOrder::Mdy))
        | (Ok(date), Err(_), _)
        | (Err(_), Ok(date), _) => valid(Ok(date)),
        (Err(_), Err(_), _) => DateCheck::Invalid(format!(
            "neither {first} nor {second} can be the month (months run from 1 to 12), or the day does not exist in it"
        )),
    }
}

fn check_year_less(shape: &DateShape<'_>, day: u32, reference: Option<NaiveDate>) -> DateCheck {
    let MonthText::Name(month) = shape.month else {
        return DateCheck::Invalid("a date without a year needs a month name".to_owned());
    };
    let month_name = month_name_of(month);
    // `Sept 31` is impossible whatever the year; only a possible day may wait for one.
    if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return DateCheck::Invalid(format!("{month_name} has no day {day} in any year"));
    }
    let Some(reference) = reference else {
        return DateCheck::NoYear;
    };
    // The latest such date on or before the reference: a dateline reports the past.
    (0..8)
        .filter_map(|back| NaiveDate::from_ymd_opt(reference.year() - back, month, day))
        .find(|date| *date <= reference)
        .map_or_else(
            || DateCheck::Invalid(format!("{month_name} {day} does not exist in any recent year")),
            |date| DateCheck::Valid { date, inferred: true, calendar: Calendar::Gregorian },
        )
}

/// Checks a written time of day: `24:00`, `20:60` and `13:00 pm` are errors, never rolled
/// over. `Ok(None)` for a time that names no moment of the date (`midnight`).
pub(crate) fn check_time(shape: &TimeShape<'_>) -> Result<Option<(NaiveTime, Precision)>, String> {
    let (hour_text, minute, second, meridiem) = match *shape {
        TimeShape::Noon => return Ok(NaiveTime::from_hms_opt(12, 0, 0).map(|t| (t, Precision::Minute))),
        TimeShape::Midnight => return Ok(None),
        TimeShape::Clock { hour, minute, second, meridiem } => (hour, minute, second, meridiem),
    };
    let part = |digits: &str, what: &str, max: u32| -> Result<u32, String> {
        match small_number(digits).filter(|_| digits.chars().count() <= 2) {
            Some(n) if n <= max => Ok(n),
            _ => Err(format!("{what} {digits} does not exist ({what}s run from 0 to {max})")),
        }
    };
    let mut hour = part(hour_text, "hour", 23)?;
    let minute_value = minute.map(|m| part(m, "minute", 59)).transpose()?;
    let second = second.map(|s| part(s, "second", 59)).transpose()?;
    if let Some(meridiem) = meridiem {
        if !(1..=12).contains(&hour) {
            return Err(format!("hour {hour_text} does not exist on a 12-hour clock"));
        }
        hour = match (meridiem, hour) {
            (Meridiem::Am, 12) => 0,
            (Meridiem::Am, h) => h,
            (Meridiem::Pm, 12) => 12,
            (Meridiem::Pm, h) => h + 12,
        };
    }
    let precision = match (minute_value, second) {
        (_, Some(_)) => Precision::Second,
        (Some(_), None) => Precision::Minute,
        (None, None) => Precision::Hour,
    };
    NaiveTime::from_hms_opt(hour, minute_value.unwrap_or(0), second.unwrap_or(0))
        .map(|t| Some((t, precision)))
        .ok_or_else(|| format!("{hour_text}:{} is not a time of day", minute.unwrap_or("00")))
}

/// The weekday's name in full, for messages.
pub(crate) fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
    }

    fn hm(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn slot_date(line: &str) -> Option<(NaiveDate, Option<NaiveTime>, String)> {
        let slot = date_slot(line)?;
        let DateCheck::Valid { date, .. } = check_date(&slot.date, None, None) else {
            return None;
        };
        let time = slot.time.and_then(|t| check_time(&t).ok().flatten()).map(|(t, _)| t);
        Some((date, time, line[slot.raw.0..slot.raw.1].to_owned()))
    }

    #[test]
    fn header_lines_in_every_documented_style() {
        let d = ymd(2024, 9, 15);
        for line in [
            "September 15, 2024",
            "Sept. 15, 2024",
            "Sep 15, 2024",
            "15 September 2024",
            "2024-09-15",
            "Sunday, September 15, 2024",
            "September 15th, 2024",
            "Published: Sep 15, 2024",
            "2024/09/15",
            "  September 15, 2024  ",
            "sep 15 2024",
            "15.09.2024",
            "15/09/2024",
            "09/15/2024",
            "9-15-2024",
            "15. 09. 2024",
            "15.Sep.2024",
            "2024 September 15",
            "Sun - September 15 - 2024",
            "Last updated: 15/09/2024",
            "Published in: 15.09.2024",
            "September 15, 2024.",
        ] {
            assert_eq!(slot_date(line).map(|s| s.0), Some(d), "{line}");
        }
    }

    #[test]
    fn header_times_with_every_separator() {
        let t = hm(20, 9);
        for line in [
            "September 15, 2024 - 20:9",
            "September 15, 2024 – 20:09",
            "September 15, 2024 — 20:09",
            "September 15, 2024, 20:09",
            "2024-09-15 20:09",
            "2024-09-15T20:09",
            "15 September 2024 at 8:09 pm",
            "September 15, 2024 - 20:09 GMT",
            "2024-09-15 20:09 +03:30",
            "Sep. 15, 2024 / 8:09 PM",
            "Sep 15, 2024 | 20:09 GMT",
            "15 Sep 2024 8:09 PM PKT",
            "15.09.2024 20.09",
            "15 Sep 2024 20h09",
            "8:09 p.m. Sep. 15, 2024",
            "8:09 pm, September 15, 2024",
            "Sun Sep 15 20:09:00 2024",
            "2024-09-15T20:09:30.845Z",
            "Sun Sep 15 2024 20:09:51 GMT+0800 (CST)",
            "15.09.2024. 20:09",
        ] {
            assert_eq!(
                slot_date(line).map(|s| s.1.map(|t| (t.hour(), t.minute()))),
                Some(t.map(|t| (t.hour(), t.minute()))),
                "{line}"
            );
        }
        assert_eq!(slot_date("September 15, 2024 - 20:9").map(|s| s.2).as_deref(), Some("September 15, 2024 - 20:9"));
        assert_eq!(slot_date("September 15, 2024 8 PM").map(|s| s.1), Some(hm(20, 0)));
        assert_eq!(slot_date("September 15, 2024 at noon").map(|s| s.1), Some(hm(12, 0)));
        assert_eq!(slot_date("September 15, 2024 at midnight").map(|s| s.1), Some(None));
        assert_eq!(slot_date("1 a.m 15.09.2024").map(|s| s.1), Some(hm(1, 0)));
    }

    #[test]
    fn an_hour_without_minutes_has_the_hour_as_its_precision() {
        let (_, five) = time("5 PM").expect("a time");
        assert_eq!(check_time(&five), Ok(Some((NaiveTime::from_hms_opt(17, 0, 0).expect("real"), Precision::Hour))));
        assert!(time("5 people").is_err());
        assert!(time("5 amendments").is_err());
    }

    #[test]
    fn digits_of_other_scripts_are_digits() {
        let d = ymd(2024, 9, 15);
        for line in [
            "２０２４-０９-１５",
            "２０２４－０９－１５",
            "２０２４／０９／１５",
            "September １５, ２０２４",
            "１５ September ２０２４",
            "September ١٥, ٢٠٢٤",
            "September ۱۵, ۲۰۲۴",
        ] {
            assert_eq!(slot_date(line).map(|s| s.0), Some(d), "{line}");
        }
        let t = hm(20, 9);
        assert_eq!(slot_date("２０２４-０９-１５ ２０：０９").map(|s| s.1), Some(t));
        assert_eq!(slot_date("September １５，２０２４ - ２０:９").map(|s| s.1), Some(t));
        // Two full-width digits are six bytes, and still no year.
        assert!(date_slot("September 15, ２０").is_none());
        let long = date_slot("２０２４０".repeat(4).as_str()).map(|s| s.raw);
        assert_eq!(long, None, "a bare number is no date");
        let line = format!("{}-01-01", "２".repeat(20));
        let long_year = date_slot(&line).expect("shape");
        assert!(matches!(check_date(&long_year.date, None, None), DateCheck::Invalid(m) if m.contains("out of range")));
        // A separator mixed with another is no ISO date.
        assert!(date_slot("２０２４-０９／１５").is_none());
    }

    #[test]
    fn solar_hijri_dates_are_converted_when_the_calendar_is_clear() {
        let persian = |line: &str| {
            let slot = date_slot(line)?;
            match check_date(&slot.date, None, None) {
                DateCheck::Valid { date, calendar: Calendar::Persian, .. } => Some(date),
                _ => None,
            }
        };
        let nowruz_plus_14 = Some(ymd(2024, 4, 3));
        assert_eq!(persian("1403/01/15"), nowruz_plus_14);
        assert_eq!(persian("۱۴۰۳/۰۱/۱۵"), nowruz_plus_14);
        assert_eq!(persian("15 Farvardin 1403"), nowruz_plus_14);
        assert_eq!(persian("۱۵ فروردین ۱۴۰۳"), nowruz_plus_14);
        assert_eq!(persian("1403/01/15 - 10:05"), nowruz_plus_14);
        // A Gregorian month name with such a year says two calendars: no date, and why.
        for line in ["15 January 1403", "1250/01/15", "15/01/1403"] {
            let slot = date_slot(line).expect(line);
            assert!(matches!(check_date(&slot.date, None, None), DateCheck::Unread(_)), "{line}");
        }
        let slot = date_slot("1402/12/30").expect("shape");
        assert!(matches!(check_date(&slot.date, None, None), DateCheck::Invalid(_)), "1402 is not leap");
    }

    #[test]
    fn numeric_dates_read_one_way_or_not_at_all() {
        let check = |line: &str, order| date_slot(line).map(|slot| check_date(&slot.date, None, order));
        let valid = |date| Some(DateCheck::Valid { date, inferred: false, calendar: Calendar::Gregorian });
        assert_eq!(check("25/03/2024", None), valid(ymd(2024, 3, 25)));
        assert_eq!(check("3/25/2024", None), valid(ymd(2024, 3, 25)));
        assert_eq!(check("04/04/2024", None), valid(ymd(2024, 4, 4)));
        assert!(
            matches!(check("04/03/2024", None), Some(DateCheck::Unread(m)) if m.contains("4 March 2024") && m.contains("3 April 2024"))
        );
        assert_eq!(check("04/03/2024", Some(DateOrder::Dmy)), valid(ymd(2024, 3, 4)));
        assert_eq!(check("04/03/2024", Some(DateOrder::Mdy)), valid(ymd(2024, 4, 3)));
        assert_eq!(check("25/03/2024", Some(DateOrder::Mdy)), valid(ymd(2024, 3, 25)));
        assert!(matches!(check("36/14/2016", None), Some(DateCheck::Invalid(_))));
    }

    #[test]
    fn a_second_date_on_the_line_is_the_update() {
        let line = "Published: March 3, 2024 09:05 | Updated: March 4, 2024 11:40";
        let slot = date_slot(line).expect("a header line");
        assert_eq!(&line[slot.raw.0..slot.raw.1], "March 3, 2024 09:05");
        let updated = slot.updated.expect("an update");
        assert_eq!(&line[updated.raw.0..updated.raw.1], "March 4, 2024 11:40");
        assert!(!slot.update_label);
        assert!(date_slot("Updated: March 4, 2024").is_some_and(|s| s.update_label));
        assert!(date_slot("Last modified on March 4, 2024").is_some_and(|s| s.update_label));
    }

    #[test]
    fn the_weekday_is_where_the_line_names_it() {
        let line = "Tues 9th Aug, 2015";
        let slot = date_slot(line).expect("a header line");
        let (day, (start, end)) = slot.weekday.expect("a weekday");
        assert_eq!((day, &line[start..end]), (Weekday::Tue, "Tues"));
    }

    #[test]
    fn invisible_characters_count_as_space() {
        let line = "\u{200b}September\u{2060} 15,\u{200b}2024\u{200e} -\u{feff}20:09\u{200b}";
        let slot = date_slot(line).expect("a header line");
        assert_eq!(&line[slot.raw.0..slot.raw.1], "September\u{2060} 15,\u{200b}2024\u{200e} -\u{feff}20:09");
        assert_eq!(slot.time_raw.map(|(s, e)| &line[s..e]), Some("20:09"));
    }

    #[test]
    fn the_time_has_its_own_range() {
        let line = "Posted: September 15, 2024 - 20:60 GMT";
        let slot = date_slot(line).expect("a header line");
        assert_eq!(slot.time_raw.map(|(s, e)| &line[s..e]), Some("20:60"));
        let line = " date 2024-09-15T20:60 Body";
        let slot = date_slot(line).expect("an inline prefix");
        assert_eq!(slot.time_raw.map(|(s, e)| &line[s..e]), Some("20:60"));
        assert_eq!(date_slot("2024-09-15").expect("a header line").time_raw, None);
    }

    #[test]
    fn the_cheap_rejection_lets_every_label_weekday_and_month_through() {
        for (name, _) in MONTHS.iter().chain(&persian::MONTHS) {
            assert!(could_be_date_slot(&format!("{} 5", name.to_uppercase())), "{name}");
        }
        for (name, _) in WEEKDAYS {
            assert!(could_be_date_slot(&format!(" \u{200b}{name}, x")), "{name}");
        }
        for name in ["date", "dated", "published", "posted", "updated", "modified", "last", "first"] {
            assert!(could_be_date_slot(&format!(" \u{200b}{name}, x")), "{name}");
        }
        for line in ["２０２４-０９-１５", "7 May 2024", "Sept.30", "۱۴۰۳/۰۱/۱۵"] {
            assert!(could_be_date_slot(line), "{line}");
        }
        for line in ["The talks", "Dates were set", "Mayor", "", " ", "Septembers"] {
            assert!(!could_be_date_slot(line), "{line}");
        }
    }

    #[test]
    fn inline_prefix_splits_date_from_body() {
        let line = " date 2024-01-10 Iranian Foreign Minister";
        let slot = date_slot(line).expect("inline prefix");
        assert_eq!(&line[slot.raw.0..slot.raw.1], "2024-01-10");
        assert_eq!(slot.body.map(|b| &line[b..]), Some("Iranian Foreign Minister"));
    }

    #[test]
    fn lines_that_only_start_like_dates_are_not_date_slots() {
        for line in ["September 15, 2024 was a Sunday.", "2024-09-15 and after", "12-10-24", "Date night", "May 5"] {
            assert_eq!(date_slot(line).and_then(|s| s.body.is_none().then_some(())), None, "{line}");
        }
        assert!(date_slot("2024 was a year").is_none());
        assert!(date_slot("5 PM").is_none(), "a time alone is no date");
    }

    #[test]
    fn impossible_dates_are_invalid_not_rolled_over() {
        for line in ["2024-02-30", "2024-13-01", "2023-02-29", "February 30, 2024", "2024-00-10", "2024-01-32"] {
            let slot = date_slot(line).expect(line);
            assert!(matches!(check_date(&slot.date, None, None), DateCheck::Invalid(_)), "{line}");
        }
        let slot = date_slot("2024-02-30").expect("shape");
        assert_eq!(
            check_date(&slot.date, None, None),
            DateCheck::Invalid("February 2024 has 29 days, so day 30 does not exist".into())
        );
        let long_year = date_slot("20240000000000000000-01-01").expect("shape");
        assert!(matches!(check_date(&long_year.date, None, None), DateCheck::Invalid(m) if m.contains("out of range")));
    }

    #[test]
    fn impossible_times_are_invalid() {
        for text in ["24:00", "20:60", "13:00 pm", "0:00 am", "20:09:60", "123:00", "13 pm"] {
            let (_, shape) = time(text).expect(text);
            assert!(check_time(&shape).is_err(), "{text}");
        }
        let (_, noon) = time("12:30 p.m.").expect("time");
        assert_eq!(check_time(&noon).map(|t| t.map(|t| t.0)), Ok(hm(12, 30)));
    }

    #[test]
    fn year_less_dates_take_the_latest_year_not_after_the_reference() {
        let valid = |date| DateCheck::Valid { date, inferred: true, calendar: Calendar::Gregorian };
        let (_, feb26) = dateline_date("Feb 26").expect("shape");
        assert_eq!(check_date(&feb26, None, None), DateCheck::NoYear);
        assert_eq!(check_date(&feb26, Some(ymd(2024, 3, 1)), None), valid(ymd(2024, 2, 26)));
        assert_eq!(check_date(&feb26, Some(ymd(2024, 2, 1)), None), valid(ymd(2023, 2, 26)));
        let (_, leap) = dateline_date("Feb 29").expect("shape");
        assert_eq!(check_date(&leap, Some(ymd(2023, 6, 1)), None), valid(ymd(2020, 2, 29)));
    }

    #[test]
    fn year_less_impossible_day_is_invalid_not_merely_year_less() {
        // Was `NoYear` without a reference date, so `Sept 31` read as a date lacking a year.
        for text in ["Sept 31", "Feb 30", "31 April"] {
            let (_, shape) = dateline_date(text).expect(text);
            assert!(matches!(check_date(&shape, None, None), DateCheck::Invalid(_)), "{text}");
            assert!(matches!(check_date(&shape, Some(ymd(2024, 3, 1)), None), DateCheck::Invalid(_)), "{text}");
        }
        let (_, sept31) = dateline_date("Sept 31").expect("shape");
        assert_eq!(check_date(&sept31, None, None), DateCheck::Invalid("September has no day 31 in any year".into()));
        let (_, leap) = dateline_date("Feb 29").expect("shape");
        assert_eq!(check_date(&leap, None, None), DateCheck::NoYear);
    }
}
