use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::Span;

/// One news article as the parser reads it.
///
/// Everything is optional or may be empty, because scraped files are: an article without a
/// title or a date is still an article. Text fields are owned and hold the source text with
/// hard line breaks folded to spaces; each carries the [`Span`] it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Article {
    /// The headline, if the file starts with one.
    pub title: Option<String>,
    /// Where the headline stands in the text; present exactly when `title` is.
    pub title_span: Option<Span>,
    /// The publication date (and time, where given), with where it was found.
    pub published: Option<Published>,
    /// The place (and agency) opening the lead paragraph, such as `TEHRAN –`.
    pub dateline: Option<Dateline>,
    /// The body: one or more sections, each with paragraphs.
    pub sections: Vec<Section>,
    /// Site furniture found after the body, such as `Leave a Comment`; never body text.
    pub boilerplate: Vec<String>,
    /// The people named by bylines and credit lines (`By Maria Lopez`, `(Reporting by Ali
    /// Kucukgocmen; ...)`), as written, in order, each once.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Bylines and credit lines, taken out of the body text: never counted.
    #[serde(default)]
    pub credits: Vec<Credit>,
    /// A later date the article gives for itself (`Updated: March 4, 2024 11:40`).
    #[serde(default)]
    pub updated: Option<Published>,
}

impl Article {
    /// Whether the parser found nothing at all: no title, date, dateline, body or furniture.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.published.is_none()
            && self.dateline.is_none()
            && self.sections.is_empty()
            && self.boilerplate.is_empty()
            && self.credits.is_empty()
            && self.updated.is_none()
    }

    /// All paragraphs of all sections, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.sections.iter().flat_map(|section| section.paragraphs.iter())
    }

    /// A copy with every span cleared: two articles read from different texts (an article and
    /// its re-rendering, say) are equal this way when they say the same.
    #[must_use]
    pub fn without_spans(&self) -> Article {
        let mut article = self.clone();
        if article.title_span.is_some() {
            article.title_span = Some(Span::default());
        }
        if let Some(published) = &mut article.published {
            published.span = Span::default();
        }
        if let Some(updated) = &mut article.updated {
            updated.span = Span::default();
        }
        if let Some(dateline) = &mut article.dateline {
            dateline.span = Span::default();
        }
        for credit in &mut article.credits {
            credit.span = Span::default();
        }
        for section in &mut article.sections {
            if section.heading_span.is_some() {
                section.heading_span = Some(Span::default());
            }
            for paragraph in &mut section.paragraphs {
                paragraph.span = Span::default();
            }
        }
        article
    }
}

/// When an article was published, and where in the file that was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The calendar date.
    pub date: NaiveDate,
    /// The time of day, if the file gives one. No time zone is assumed.
    #[serde(with = "crate::article::clock")]
    pub time: Option<NaiveTime>,
    /// How much of the date and time the file gave.
    pub precision: Precision,
    /// Whether the year was not in the text but taken from a reference date.
    pub year_inferred: bool,
    /// Which construct the date came from.
    pub source: DateSource,
    /// The calendar `raw` is written in; `date` is always the Gregorian date.
    #[serde(default)]
    pub calendar: Calendar,
    /// The date (and time) exactly as written, such as `September 15, 2024 - 20:9`.
    pub raw: String,
    /// Where `raw` stands in the text.
    pub span: Span,
}

/// How much of a point in time the text gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A calendar date only.
    Day,
    /// A date with an hour and no minutes: `5 PM`.
    Hour,
    /// A date with hours and minutes.
    Minute,
    /// A date with hours, minutes and seconds.
    Second,
}

/// The calendar a date was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Calendar {
    /// The Gregorian calendar.
    #[default]
    Gregorian,
    /// The Solar Hijri (Persian, Jalali) calendar Iranian sites print: `1403/01/15`,
    /// `15 Farvardin 1403`.
    Persian,
}

impl Calendar {
    /// The lowercase name used in JSON and tables.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Gregorian => "gregorian",
            Self::Persian => "persian",
        }
    }
}

/// The construct a publication date was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A `date 2024-01-10` prefix on the first line, with the body following on that line.
    InlinePrefix,
    /// A line of its own holding the date, usually below the title.
    Header,
    /// The date inside the dateline, such as `MOSCOW, Sept 30, 2024 (Reuters) -`.
    Dateline,
}

/// The dateline opening the lead paragraph: `NEW YORK, Feb 26 (Reuters) - ...`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place as written: `NEW YORK`, `Lviv`. None when a wire opens the lead without
    /// one: `(UPI) --`, `March 3 (Reuters) -`.
    pub place: Option<String>,
    /// A region or state after the place, AP style: `Calif.` in `SAN FRANCISCO, Calif. (AP) —`.
    pub region: Option<String>,
    /// The news agency: `Reuters` in `(Reuters)`, `IRNA` in `Mashhad, IRNA --`, `TASS` in
    /// `/TASS/.`; or the wire a byline names (`By AFP Staff`) when the dateline has none.
    pub agency: Option<String>,
    /// The dateline's own date text as written, such as `Feb 26`; often without a year.
    pub date: Option<String>,
    /// Where the whole dateline, up to and including its dash, stands in the text.
    pub span: Span,
}

/// A byline or credit line, taken out of the counted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    /// Where it stood: above the lead, or after the body.
    pub kind: CreditKind,
    /// The line as written: `By MARIA LOPEZ, Associated Press`, `(Reporting by ...; Editing by ...)`.
    pub text: String,
    /// Where `text` stands in the text.
    pub span: Span,
}

/// Where a [`Credit`] stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CreditKind {
    /// A byline above the lead (or between the title and the date line): `By Maria Lopez`,
    /// `Staff Reporter`.
    Byline,
    /// A credit line closing the body: `(Reporting by ...; Editing by ...)`.
    Credit,
}

/// A run of paragraphs under an optional heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The heading, from a `=====` break line or a standalone subheading line.
    pub heading: Option<String>,
    /// Where the heading stands in the text; present exactly when `heading` is.
    pub heading_span: Option<Span>,
    /// The paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The text: the source at `span` with each line break replaced by a space.
    pub text: String,
    /// Where the paragraph stands in the text, from its first to its last non-blank character.
    pub span: Span,
}

/// `HH:MM`, or `HH:MM:SS` when there are seconds: how the JSON contract writes times.
pub(crate) mod clock {
    use chrono::{NaiveTime, Timelike};
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn format(time: NaiveTime) -> String {
        if time.second() == 0 { time.format("%H:%M").to_string() } else { time.format("%H:%M:%S").to_string() }
    }

    #[allow(clippy::ref_option, reason = "serde's `with` passes a reference to the field")]
    pub(crate) fn serialize<S: Serializer>(time: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match time {
            Some(time) => s.serialize_str(&format(*time)),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| {
                NaiveTime::parse_from_str(&text, "%H:%M:%S")
                    .or_else(|_| NaiveTime::parse_from_str(&text, "%H:%M"))
                    .map_err(serde::de::Error::custom)
            })
            .transpose()
    }
}
