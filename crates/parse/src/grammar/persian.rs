//! The Solar Hijri (Persian, Jalali) calendar that Iranian sites print, converted exactly to
//! the Gregorian calendar.
//!
//! A Solar Hijri year begins at Nowruz; its first six months have 31 days, the next five 30,
//! and Esfand 29, or 30 in a leap year. Which years are leap follows the 33-year arithmetic
//! rule: year `y` is leap when `(25 * y + 11) mod 33 < 8`. Iran's official calendar is set by
//! the vernal equinox; the rule gives the same leap years as the Python package jdatetime
//! 6.1.1 (PyPI, PSF-2.0) for every year from 1200 to 1699 SH, checked with
//! `jdatetime.date(y, 1, 1).isleap()`. Within [`FIRST_YEAR`]..=[`LAST_YEAR`] dateline
//! converts; outside it, it never guesses.
//!
//! So the number of leap years before `y`, counted from any year, grows by
//! `floor((8 * y + 21) / 33)`: the closed form below. `tests/integration/laws.rs` checks it
//! day by day against the rule itself over every day of 1300 to 1500 SH.

use chrono::{Days, NaiveDate};

/// The first Solar Hijri year dateline converts (1921-03-21 is its first day).
pub(crate) const FIRST_YEAR: u32 = 1300;
/// The last Solar Hijri year dateline converts (it ends on 2122-03-20).
pub(crate) const LAST_YEAR: u32 = 1500;

/// The month names as sites transliterate them, with their numbers.
pub(crate) const MONTHS: [(&str, u32); 16] = [
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
];

/// The month names in Persian script.
pub(crate) const MONTHS_PERSIAN_SCRIPT: [(&str, u32); 12] = [
    ("فروردین", 1),
    ("اردیبهشت", 2),
    ("خرداد", 3),
    ("تیر", 4),
    ("مرداد", 5),
    ("شهریور", 6),
    ("مهر", 7),
    ("آبان", 8),
    ("آذر", 9),
    ("دی", 10),
    ("بهمن", 11),
    ("اسفند", 12),
];

/// The number of the Solar Hijri month `word` names, in Latin letters (any case) or in
/// Persian script.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    if word.len() > 16 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .or_else(|| MONTHS_PERSIAN_SCRIPT.iter().find(|(name, _)| *name == word))
        .map(|&(_, n)| n)
}

/// Whether Solar Hijri year `year` is a leap year (Esfand has 30 days).
pub(crate) fn is_leap(year: u32) -> bool {
    (25 * u64::from(year) + 11) % 33 < 8
}

/// How many days month `month` of `year` has.
pub(crate) fn month_length(year: u32, month: u32) -> u32 {
    match month {
        1..=6 => 31,
        7..=11 => 30,
        _ if is_leap(year) => 30,
        _ => 29,
    }
}

/// 1 Farvardin 1300 SH.
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1921, 3, 21).unwrap_or(NaiveDate::MIN)
}

/// The leap years before `year`, up to a constant.
fn leaps_before(year: u32) -> u64 {
    (8 * u64::from(year) + 21) / 33
}

/// The Gregorian date of a Solar Hijri date; `Err` says why there is none.
pub(crate) fn to_gregorian(year: u32, month: u32, day: u32) -> Result<NaiveDate, String> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(format!(
            "Solar Hijri year {year} is outside the years dateline converts ({FIRST_YEAR} to {LAST_YEAR})"
        ));
    }
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} does not exist (Solar Hijri months run from 1 to 12)"));
    }
    let length = month_length(year, month);
    if !(1..=length).contains(&day) {
        return Err(format!("Solar Hijri month {month} of {year} has {length} days, so day {day} does not exist"));
    }
    let years = u64::from(year - FIRST_YEAR);
    let before_year = 365 * years + leaps_before(year) - leaps_before(FIRST_YEAR);
    let before_month = u64::from(month - 1) * 31 - u64::from(month.saturating_sub(7));
    let days = before_year + before_month + u64::from(day - 1);
    epoch().checked_add_days(Days::new(days)).ok_or_else(|| format!("{year}/{month}/{day} is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    #[test]
    fn nowruz_and_the_last_days_of_known_years() {
        // Dates from jdatetime 6.1.1 (`jdatetime.date(y, m, d).togregorian()`).
        assert_eq!(to_gregorian(1300, 1, 1), Ok(ymd(1921, 3, 21)));
        assert_eq!(to_gregorian(1403, 1, 1), Ok(ymd(2024, 3, 20)));
        assert_eq!(to_gregorian(1403, 1, 15), Ok(ymd(2024, 4, 3)));
        assert_eq!(to_gregorian(1403, 12, 30), Ok(ymd(2025, 3, 20)));
        assert_eq!(to_gregorian(1404, 1, 1), Ok(ymd(2025, 3, 21)));
        assert_eq!(to_gregorian(1500, 12, 29), Ok(ymd(2122, 3, 20)));
        assert_eq!(to_gregorian(1357, 11, 22), Ok(ymd(1979, 2, 11)));
    }

    #[test]
    fn impossible_days_and_years_outside_the_range_are_refused() {
        assert!(to_gregorian(1402, 12, 30).is_err(), "1402 is not a leap year");
        assert!(to_gregorian(1403, 7, 31).is_err());
        assert!(to_gregorian(1403, 13, 1).is_err());
        assert!(to_gregorian(1299, 1, 1).is_err());
        assert!(to_gregorian(1501, 1, 1).is_err());
    }

    #[test]
    fn month_names_in_both_scripts() {
        assert_eq!(month_number("Farvardin"), Some(1));
        assert_eq!(month_number("ESFAND"), Some(12));
        assert_eq!(month_number("اردیبهشت"), Some(2));
        assert_eq!(month_number("March"), None);
    }
}
