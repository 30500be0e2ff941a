//! Dates and times: the inline `date` prefix, header lines, and the dates inside datelines.

use chrono::{Datelike, NaiveDate, NaiveTime};
use dateline_model::Precision;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of};
use nom::combinator::{consumed as with_text, eof, map_opt, opt, recognize, verify};
use nom::sequence::{preceded, terminated};

use super::{Res, consumed, is_gap, ws, ws0};

/// A month as written: digits (`09`) or a name already resolved to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthText<'a> {
    Digits(&'a str),
    Name(u32),
}

/// A date as written, before any check that it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateShape<'a> {
    pub(crate) year: Option<&'a str>,
    pub(crate) month: MonthText<'a>,
    pub(crate) day: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meridiem {
    Am,
    Pm,
}

/// A time of day as written, before any check that it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TimeShape<'a> {
    pub(crate) hour: &'a str,
    pub(crate) minute: &'a str,
    pub(crate) second: Option<&'a str>,
    pub(crate) meridiem: Option<Meridiem>,
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
    /// Byte offset within the line where body text starts, for an inline prefix.
    pub(crate) body: Option<usize>,
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

const WEEKDAYS: [&str; 18] = [
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
    "weds",
];

/// The number of the month named by `word` (`Sept`, `september`, `SEP`), if it names one.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    if word.len() > 9 {
        return None;
    }
    MONTHS.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, n)| n)
}

fn is_weekday(word: &str) -> bool {
    word.len() <= 9 && WEEKDAYS.iter().any(|name| name.eq_ignore_ascii_case(word))
}

// month-name = ( "January" / "Jan" / ... / "September" / "Sept" / "Sep" / ... ) ["."]
pub(crate) fn month_name(input: &str) -> Res<'_, u32> {
    terminated(map_opt(take_while1(|c: char| c.is_ascii_alphabetic()), month_number), opt(char('.'))).parse(input)
}

// weekday = ( "Monday" / "Mon" / ... ) ["."] [","] ws0
fn weekday(input: &str) -> Res<'_, &str> {
    recognize((verify(take_while1(|c: char| c.is_ascii_alphabetic()), is_weekday), opt(char('.')), opt(char(',')), ws0))
        .parse(input)
}

/// ASCII digits, and the full-width digits of East Asian text (`２０２４`), which mean the same.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

// DIGIT = "0" / ... / "9" / "０" / ... / "９"
fn digits(input: &str) -> Res<'_, &str> {
    take_while1(is_digit).parse(input)
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

// comma-sep = ws0 ( "," / "，" ) ws0 / ws
fn comma_sep(input: &str) -> Res<'_, &str> {
    alt((recognize((ws0, one_of(",，"), ws0)), ws)).parse(input)
}

// iso-date = year sep 1*DIGIT sep 1*DIGIT        sep: the same "-", "/", "－" or "／" twice
fn iso_date(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, year) = year(input)?;
    let (rest, sep) = one_of("-/－／").parse(rest)?;
    let (rest, (month, _, day)) = (digits, char(sep), digits).parse(rest)?;
    Ok((rest, DateShape { year: Some(year), month: MonthText::Digits(month), day }))
}

// month-day = month-name ws0 day        ("Sept 30", "Sept.30")
fn month_day(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, (month, _, day)) = (month_name, ws0, day).parse(input)?;
    Ok((rest, DateShape { year: None, month: MonthText::Name(month), day }))
}

// day-month = day ws month-name         ("30 September")
fn day_month(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, (day, _, month)) = (day, ws, month_name).parse(input)?;
    Ok((rest, DateShape { year: None, month: MonthText::Name(month), day }))
}

// named-date = ( month-day / day-month ) comma-sep year
fn named_date(input: &str) -> Res<'_, DateShape<'_>> {
    let (rest, (shape, year)) = (alt((month_day, day_month)), preceded(comma_sep, year)).parse(input)?;
    Ok((rest, DateShape { year: Some(year), ..shape }))
}

// date = iso-date / named-date
pub(crate) fn date(input: &str) -> Res<'_, DateShape<'_>> {
    alt((iso_date, named_date)).parse(input)
}

// dateline-date = named-date / month-day / day-month      (the year is often left out)
pub(crate) fn dateline_date(input: &str) -> Res<'_, DateShape<'_>> {
    alt((named_date, month_day, day_month)).parse(input)
}

// meridiem = "am" / "pm" / "a.m." / "p.m."     (any case)
fn meridiem(input: &str) -> Res<'_, Meridiem> {
    alt((
        alt((tag_no_case("a.m."), tag_no_case("am"))).map(|_| Meridiem::Am),
        alt((tag_no_case("p.m."), tag_no_case("pm"))).map(|_| Meridiem::Pm),
    ))
    .parse(input)
}

// time = 1*DIGIT colon 1*DIGIT [ colon 1*DIGIT ] [ ws0 meridiem ]   ("20:9" is 20:09)
// colon = ":" / "："
pub(crate) fn time(input: &str) -> Res<'_, TimeShape<'_>> {
    let colon = || one_of(":：");
    let (rest, (hour, _, minute, second, meridiem)) =
        (digits, colon(), digits, opt(preceded(colon(), digits)), opt(preceded(ws0, meridiem))).parse(input)?;
    Ok((rest, TimeShape { hour, minute, second, meridiem }))
}

// time-sep = ws0 ( "-" / "–" / "—" / "," / "，" / "|" / "@" ) ws0 / ws "at" ws / ws / "T"
fn time_sep(input: &str) -> Res<'_, &str> {
    alt((
        recognize((ws0, alt((tag("-"), tag("–"), tag("—"), tag(","), tag("，"), tag("|"), tag("@"))), ws0)),
        recognize((ws, tag_no_case("at"), ws)),
        ws,
        tag("T"),
    ))
    .parse(input)
}

// zone = ws ( 1*5UPPER [offset] / offset / "Z" )      offset = ("+" / "-") 1*DIGIT [":" 1*DIGIT]
fn zone(input: &str) -> Res<'_, &str> {
    let offset = || recognize((one_of("+-"), digits, opt((char(':'), digits))));
    preceded(ws0, alt((recognize((take_while_m_n(1, 5, |c: char| c.is_ascii_uppercase()), opt(offset()))), offset())))
        .parse(input)
}

/// A time, and where it stands in `line` given the rest of the line after it.
type TimeAt<'a> = (Option<TimeShape<'a>>, Option<(usize, usize)>);

// date-time = date [ time-sep time ]
/// The date, and the time with its text (which ends where the date-time does).
fn date_time(input: &str) -> Res<'_, (DateShape<'_>, Option<(&str, TimeShape<'_>)>)> {
    (date, opt(preceded(time_sep, with_text(time)))).parse(input)
}

fn time_at<'a>(line: &str, after: &str, time: Option<(&str, TimeShape<'a>)>) -> TimeAt<'a> {
    let end = consumed(line, after);
    (time.map(|(_, shape)| shape), time.map(|(text, _)| (end - text.len(), end)))
}

// label = ( "date" / "dated" / "published" / "posted" / "updated" ) [ ws "on" ] ( ":" ws0 / ws )
fn label(input: &str) -> Res<'_, &str> {
    recognize((
        alt((
            tag_no_case("published"),
            tag_no_case("posted"),
            tag_no_case("updated"),
            tag_no_case("dated"),
            tag_no_case("date"),
        )),
        opt((ws, tag_no_case("on"))),
        alt((recognize((ws0, char(':'), ws0)), ws)),
    ))
    .parse(input)
}

// inline-prefix = ws0 "date" [":"] ws date-time ws body-text        (body-text not empty)
fn inline_prefix(line: &str) -> Res<'_, DateLine<'_>> {
    let (at_date, _) = (ws0, tag_no_case("date"), opt(char(':')), ws).parse(line)?;
    let (after, (date, time)) = date_time(at_date)?;
    let (body, _) = ws(after)?;
    if body.is_empty() {
        return Err(nom::Err::Error(nom::error::Error::new(body, nom::error::ErrorKind::Eof)));
    }
    let raw = (consumed(line, at_date), consumed(line, after));
    let (time, time_raw) = time_at(line, after, time);
    Ok(("", DateLine { date, time, raw, time_raw, body: Some(consumed(line, body)) }))
}

// header-line = ws0 [label] [weekday] date-time [zone] ws0 EOL
fn header_line(line: &str) -> Res<'_, DateLine<'_>> {
    let (at_date, _) = (ws0, opt(label), opt(weekday)).parse(line)?;
    let (after, (date, time)) = date_time(at_date)?;
    let (after_zone, _) = opt(zone).parse(after)?;
    let (rest, _) = (ws0, eof).parse(after_zone)?;
    let raw = (consumed(line, at_date), consumed(line, after_zone));
    let (time, time_raw) = time_at(line, after, time);
    Ok((rest, DateLine { date, time, raw, time_raw, body: None }))
}

/// Whether a line could be a date slot, for a cheap rejection: it starts (after blanks) with
/// a digit, or with a word that is a label, a weekday or a month. Every paragraph of the body
/// is asked, so it looks at the first word once, in a buffer on the stack.
fn could_be_date_slot(line: &str) -> bool {
    let start = line.trim_start_matches(is_gap);
    if start.starts_with(is_digit) {
        return true;
    }
    let word = start.as_bytes().iter().take_while(|b| b.is_ascii_alphabetic()).take(10);
    let mut lower = [0; 10];
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
    Valid { date: NaiveDate, inferred: bool },
    /// A month and day without a year, and no reference date to take one from.
    NoYear,
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

/// The value of at most four digits, ASCII or full-width.
fn small_number(digits: &str) -> Option<u32> {
    if digits.chars().count() > 4 {
        return None;
    }
    digits.chars().try_fold(0, |value, c| {
        let digit = c.to_digit(10).or_else(|| is_digit(c).then(|| u32::from(c) - u32::from('０')))?;
        Some(value * 10 + digit)
    })
}

/// Checks a written date against the calendar: never rolls over, never invents a part.
///
/// A date without a year takes the year that puts it on or before `reference` and says so.
pub(crate) fn check_date(shape: &DateShape<'_>, reference: Option<NaiveDate>) -> DateCheck {
    let month = match shape.month {
        MonthText::Name(n) => n,
        MonthText::Digits(digits) => match small_number(digits).filter(|m| (1..=12).contains(m)) {
            Some(m) => m,
            None => {
                return DateCheck::Invalid(format!("month {digits} does not exist (months run from 1 to 12)"));
            }
        },
    };
    let month_name =
        usize::try_from(month).ok().and_then(|m| MONTH_NAMES.get(m.wrapping_sub(1))).copied().unwrap_or("month");
    let Some(day) = small_number(shape.day).filter(|d| (1..=31).contains(d)) else {
        return DateCheck::Invalid(format!("day {} does not exist (days run from 1 to 31)", shape.day));
    };
    let Some(year_digits) = shape.year else {
        // `Sept 31` is impossible whatever the year; only a possible day may wait for one.
        if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
            return DateCheck::Invalid(format!("{month_name} has no day {day} in any year"));
        }
        let Some(reference) = reference else {
            return DateCheck::NoYear;
        };
        // The latest such date on or before the reference: a dateline reports the past.
        return (0..8)
            .filter_map(|back| NaiveDate::from_ymd_opt(reference.year() - back, month, day))
            .find(|date| *date <= reference)
            .map_or_else(
                || DateCheck::Invalid(format!("{month_name} {day} does not exist in any recent year")),
                |date| DateCheck::Valid { date, inferred: true },
            );
    };
    let Some(year) = small_number(year_digits).and_then(|y| i32::try_from(y).ok()) else {
        return DateCheck::Invalid(format!("year {year_digits} is out of range (at most four digits)"));
    };
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => DateCheck::Valid { date, inferred: false },
        None => {
            let last = (28..=31).rev().find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some()).unwrap_or(28);
            DateCheck::Invalid(format!("{month_name} {year} has {last} days, so day {day} does not exist"))
        }
    }
}

/// Checks a written time of day: `24:00`, `20:60` and `13:00 pm` are errors, never rolled over.
pub(crate) fn check_time(shape: &TimeShape<'_>) -> Result<(NaiveTime, Precision), String> {
    let part = |digits: &str, what: &str, max: u32| -> Result<u32, String> {
        match small_number(digits).filter(|_| digits.chars().count() <= 2) {
            Some(n) if n <= max => Ok(n),
            _ => Err(format!("{what} {digits} does not exist ({what}s run from 0 to {max})")),
        }
    };
    let mut hour = part(shape.hour, "hour", 23)?;
    let minute = part(shape.minute, "minute", 59)?;
    let second = shape.second.map(|s| part(s, "second", 59)).transpose()?;
    if let Some(meridiem) = shape.meridiem {
        if !(1..=12).contains(&hour) {
            return Err(format!("hour {} does not exist on a 12-hour clock", shape.hour));
        }
        hour = match (meridiem, hour) {
            (Meridiem::Am, 12) => 0,
            (Meridiem::Am, h) => h,
            (Meridiem::Pm, 12) => 12,
            (Meridiem::Pm, h) => h + 12,
        };
    }
    let precision = if second.is_some() { Precision::Second } else { Precision::Minute };
    NaiveTime::from_hms_opt(hour, minute, second.unwrap_or(0))
        .map(|t| (t, precision))
        .ok_or_else(|| format!("{}:{} is not a time of day", shape.hour, shape.minute))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
    }

    fn slot_date(line: &str) -> Option<(NaiveDate, Option<NaiveTime>, String)> {
        let slot = date_slot(line)?;
        let DateCheck::Valid { date, .. } = check_date(&slot.date, None) else {
            return None;
        };
        let time = slot.time.and_then(|t| check_time(&t).ok()).map(|(t, _)| t);
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
        ] {
            assert_eq!(slot_date(line).map(|s| s.0), Some(d), "{line}");
        }
    }

    #[test]
    fn header_times_with_every_separator() {
        let t = NaiveTime::from_hms_opt(20, 9, 0);
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
        ] {
            assert_eq!(slot_date(line).map(|s| s.1), Some(t), "{line}");
        }
        assert_eq!(slot_date("September 15, 2024 - 20:9").map(|s| s.2).as_deref(), Some("September 15, 2024 - 20:9"));
    }

    #[test]
    fn full_width_digits_are_digits() {
        let d = ymd(2024, 9, 15);
        for line in [
            "２０２４-０９-１５",
            "２０２４－０９－１５",
            "２０２４／０９／１５",
            "September １５, ２０２４",
            "１５ September ２０２４",
        ] {
            assert_eq!(slot_date(line).map(|s| s.0), Some(d), "{line}");
        }
        let t = NaiveTime::from_hms_opt(20, 9, 0);
        assert_eq!(slot_date("２０２４-０９-１５ ２０：０９").map(|s| s.1), Some(t));
        assert_eq!(slot_date("September １５，２０２４ - ２０:９").map(|s| s.1), Some(t));
        // Two full-width digits are six bytes, and still no year.
        assert!(date_slot("September 15, ２０").is_none());
        let long = date_slot("２０２４０".repeat(4).as_str()).map(|s| s.raw);
        assert_eq!(long, None, "a bare number is no date");
        let line = format!("{}-01-01", "２".repeat(20));
        let long_year = date_slot(&line).expect("shape");
        assert!(matches!(check_date(&long_year.date, None), DateCheck::Invalid(m) if m.contains("out of range")));
        // A separator mixed with another is no ISO date.
        assert!(date_slot("２０２４-０９／１５").is_none());
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
        for (name, _) in MONTHS {
            assert!(could_be_date_slot(&format!("{} 5", name.to_uppercase())), "{name}");
        }
        for name in WEEKDAYS.iter().chain(&["date", "dated", "published", "posted", "updated"]) {
            assert!(could_be_date_slot(&format!(" \u{200b}{name}, x")), "{name}");
        }
        for line in ["２０２４-０９-１５", "7 May 2024", "Sept.30"] {
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
        for line in ["September 15, 2024 was a Sunday.", "2024-09-15 and after", "12-10-2024", "Date night", "May 5"] {
            assert_eq!(date_slot(line).and_then(|s| s.body.is_none().then_some(())), None, "{line}");
        }
        assert!(date_slot("2024 was a year").is_none());
    }

    #[test]
    fn impossible_dates_are_invalid_not_rolled_over() {
        for line in ["2024-02-30", "2024-13-01", "2023-02-29", "February 30, 2024", "2024-00-10", "2024-01-32"] {
            let slot = date_slot(line).expect(line);
            assert!(matches!(check_date(&slot.date, None), DateCheck::Invalid(_)), "{line}");
        }
        let slot = date_slot("2024-02-30").expect("shape");
        assert_eq!(
            check_date(&slot.date, None),
            DateCheck::Invalid("February 2024 has 29 days, so day 30 does not exist".into())
        );
        let long_year = date_slot("20240000000000000000-01-01").expect("shape");
        assert!(matches!(check_date(&long_year.date, None), DateCheck::Invalid(m) if m.contains("out of range")));
    }

    #[test]
    fn impossible_times_are_invalid() {
        for text in ["24:00", "20:60", "13:00 pm", "0:00 am", "20:09:60", "123:00"] {
            let (_, shape) = time(text).expect(text);
            assert!(check_time(&shape).is_err(), "{text}");
        }
        let (_, noon) = time("12:30 p.m.").expect("time");
        assert_eq!(check_time(&noon).map(|t| t.0), Ok(NaiveTime::from_hms_opt(12, 30, 0).expect("real")));
    }

    #[test]
    fn year_less_dates_take_the_latest_year_not_after_the_reference() {
        let (_, feb26) = dateline_date("Feb 26").expect("shape");
        assert_eq!(check_date(&feb26, None), DateCheck::NoYear);
        assert_eq!(
            check_date(&feb26, Some(ymd(2024, 3, 1))),
            DateCheck::Valid { date: ymd(2024, 2, 26), inferred: true }
        );
        assert_eq!(
            check_date(&feb26, Some(ymd(2024, 2, 1))),
            DateCheck::Valid { date: ymd(2023, 2, 26), inferred: true }
        );
        let (_, leap) = dateline_date("Feb 29").expect("shape");
        assert_eq!(
            check_date(&leap, Some(ymd(2023, 6, 1))),
            DateCheck::Valid { date: ymd(2020, 2, 29), inferred: true }
        );
    }

    #[test]
    fn year_less_impossible_day_is_invalid_not_merely_year_less() {
        // Was `NoYear` without a reference date, so `Sept 31` read as a date lacking a year.
        for text in ["Sept 31", "Feb 30", "31 April"] {
            let (_, shape) = dateline_date(text).expect(text);
            assert!(matches!(check_date(&shape, None), DateCheck::Invalid(_)), "{text}");
            assert!(matches!(check_date(&shape, Some(ymd(2024, 3, 1))), DateCheck::Invalid(_)), "{text}");
        }
        let (_, sept31) = dateline_date("Sept 31").expect("shape");
        assert_eq!(check_date(&sept31, None), DateCheck::Invalid("September has no day 31 in any year".into()));
        let (_, leap) = dateline_date("Feb 29").expect("shape");
        assert_eq!(check_date(&leap, None), DateCheck::NoYear);
    }
}
