//! Grouping documents by calendar period: day, ISO week, month, quarter or year.
//!
//! Each period is named by a key that reads naturally and sorts chronologically as text:
//! `2024-09-15`, `2024-W03` (ISO 8601 week, whose year can differ from the calendar year
//! near New Year), `2024-09`, `2024-Q3`, `2024`. Documents without a date are never dropped:
//! they go to the [`PeriodKey::Undated`] bucket, written `undated`, which sorts after every
//! dated period (as a key and as text).
//!
//! ```
//! use chrono::NaiveDate;
//! use dateline_model::{Period, PeriodKey};
//!
//! let period: Period = "week".parse()?;
//! let date = NaiveDate::from_ymd_opt(2024, 1, 17).unwrap();
//! assert_eq!(period.key(Some(date)).to_string(), "2024-W03");
//! assert_eq!(Period::Quarter.key(Some(date)).to_string(), "2024-Q1");
//! assert_eq!(Period::Month.key(None), PeriodKey::Undated);
//! # Ok::<(), dateline_model::ParsePeriodError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Serialize, Serializer};

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// One calendar day: `2024-09-15`.
    Day,
    /// One ISO 8601 week, Monday to Sunday: `2024-W03`.
    Week,
    /// One calendar month: `2024-09`.
    Month,
    /// Three calendar months from January, April, July or October: `2024-Q3`.
    Quarter,
    /// One calendar year: `2024`.
    Year,
}

/// The name `Period`'s parser did not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsePeriodError(pub String);

impl fmt::Display for ParsePeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown period `{}`: expected day, week, month, quarter or year", self.0)
    }
}

impl std::error::Error for ParsePeriodError {}

impl Period {
    /// Every period, shortest first.
    pub const ALL: [Self; 5] = [Self::Day, Self::Week, Self::Month, Self::Quarter, Self::Year];

    /// The name used on the command line and in reports: `day`, `week`, `month`, `quarter`, `year`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }

    /// The period holding `date`, or [`PeriodKey::Undated`] when there is no date.
    #[must_use]
    pub fn key(self, date: Option<NaiveDate>) -> PeriodKey {
        date.map_or(PeriodKey::Undated, |date| PeriodKey::Dated { start: self.start_of(date), period: self })
    }

    /// The first day of the period holding `date`.
    #[must_use]
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        let first_of_month = |month: u32| NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date);
        match self {
            Self::Day => date,
            Self::Week => {
                let week = date.iso_week();
                NaiveDate::from_isoywd_opt(week.year(), week.week(), Weekday::Mon).unwrap_or(date)
            }
            Self::Month => first_of_month(date.month()),
            Self::Quarter => first_of_month(date.month0() / 3 * 3 + 1),
            Self::Year => first_of_month(1),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Period {
    type Err = ParsePeriodError;

    /// Parses `day`, `week`, `month`, `quarter` or `year`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ParsePeriodError(s.into()))
    }
}

/// One period of the calendar, or the bucket of documents without a date.
///
/// Keys order chronologically (by first day), with `Undated` last; their text forms
/// (`Display`, and `Serialize`, which writes the same string) sort the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKey {
    /// A period of the calendar.
    Dated {
        /// Its first day (a Monday for weeks, the 1st for months, quarters and years).
        start: NaiveDate,
        /// How long it is.
        period: Period,
    },
    /// Documents without a publication date.
    Undated,
}

impl PeriodKey {
    /// The text of [`PeriodKey::Undated`].
    pub const UNDATED: &'static str = "undated";

    /// The first day of a dated period.
    #[must_use]
    pub const fn first_day(self) -> Option<NaiveDate> {
        match self {
            Self::Dated { start, .. } => Some(start),
            Self::Undated => None,
        }
    }

    /// The last day of a dated period.
    #[must_use]
    pub fn last_day(self) -> Option<NaiveDate> {
        self.next().and_then(Self::first_day).and_then(|d| d.pred_opt())
    }

    /// The period right after this one, if the calendar goes that far; `None` for `Undated`.
    #[must_use]
    pub fn next(self) -> Option<Self> {
        let Self::Dated { start, period } = self else { return None };
        let next = match period {
            Period::Day => start.checked_add_days(Days::new(1)),
            Period::Week => start.checked_add_days(Days::new(7)),
            Period::Month => start.checked_add_months(Months::new(1)),
            Period::Quarter => start.checked_add_months(Months::new(3)),
            Period::Year => start.checked_add_months(Months::new(12)),
        }?;
        Some(Self::Dated { start: next, period })
    }

    /// Whether `date` falls in this period (never for `Undated`).
    #[must_use]
    pub fn contains(self, date: NaiveDate) -> bool {
        matches!(self, Self::Dated { period, .. } if period.key(Some(date)) == self)
    }
}

impl fmt::Display for PeriodKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self::Dated { start, period } = *self else { return f.write_str(Self::UNDATED) };
        let year = start.year();
        match period {
            Period::Day => write!(f, "{year:04}-{:02}-{:02}", start.month(), start.day()),
            Period::Week => {
                let week = start.iso_week();
                write!(f, "{:04}-W{:02}", week.year(), week.week())
            }
            Period::Month => write!(f, "{year:04}-{:02}", start.month()),
            Period::Quarter => write!(f, "{year:04}-Q{}", start.month0() / 3 + 1),
            Period::Year => write!(f, "{year:04}"),
        }
    }
}

impl Serialize for PeriodKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn keys(d: NaiveDate) -> Vec<String> {
        Period::ALL.iter().map(|p| p.key(Some(d)).to_string()).collect()
    }

    #[test]
    fn keys_name_the_period() {
        assert_eq!(keys(date(2024, 9, 15)), ["2024-09-15", "2024-W37", "2024-09", "2024-Q3", "2024"]);
        assert_eq!(keys(date(2024, 1, 17)), ["2024-01-17", "2024-W03", "2024-01", "2024-Q1", "2024"]);
        assert_eq!(keys(date(2023, 12, 31))[3..], ["2023-Q4", "2023"]);
    }

    #[test]
    fn iso_weeks_cross_new_year() {
        // 2024-12-30 is the Monday of ISO week 1 of 2025; 2021-01-03 is in week 53 of 2020.
        assert_eq!(Period::Week.key(Some(date(2024, 12, 30))).to_string(), "2025-W01");
        assert_eq!(Period::Week.key(Some(date(2021, 1, 3))).to_string(), "2020-W53");
        assert_eq!(Period::Week.start_of(date(2021, 1, 3)), date(2020, 12, 28));
    }

    #[test]
    fn undated_documents_have_their_own_bucket() {
        assert_eq!(Period::Year.key(None), PeriodKey::Undated);
        assert_eq!(PeriodKey::Undated.to_string(), "undated");
        assert!(PeriodKey::Undated > Period::Day.key(Some(date(9999, 12, 31))));
        assert_eq!(serde_json::to_string(&Period::Quarter.key(Some(date(2024, 8, 1)))).expect("json"), "\"2024-Q3\"");
    }

    #[test]
    fn periods_parse_from_their_names() {
        for period in Period::ALL {
            assert_eq!(period.name().parse::<Period>(), Ok(period));
            assert_eq!(period.to_string().to_uppercase().parse::<Period>(), Ok(period));
        }
        assert!("fortnight".parse::<Period>().is_err());
    }
}
