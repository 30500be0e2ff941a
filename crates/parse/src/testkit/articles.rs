//! Well-formed articles in every layout the grammar reads, each built together with the
//! [`Article`] it must parse to.
//!
//! An article is planned from pieces (a title, a date line in one of the documented styles, a
//! byline, a dateline, hard-wrapped paragraphs, breaks and subheadings, a credit line,
//! furniture), and the text and the model are written from the plan side by side, so every
//! span is where the piece was put. Each piece's reading comes from FORMAT.md, not from the
//! parser: a generated article that parses differently is a bug in one of the two.
//!
//! Shrinking works piece by piece: a failing case shrinks to fewer paragraphs, sections and
//! lines, no byline, credit or furniture, and the first entry of each table.

use chrono::{Datelike, NaiveDate, NaiveTime};
use dateline_model::{
    Article, Calendar, Credit, CreditKind, DateSource, Dateline, Paragraph, Precision, Published, Section, Span,
};
use proptest::prelude::*;
use proptest::sample::select;

use super::invariants::solar_hijri_to_gregorian;
use crate::grammar::date::weekday_name;

/// Where an article's date stands, which decides the shape of its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// The seeds' inline prefix: ` date 2024-01-10 Iranian Foreign Minister ...`, perhaps
    /// under a title.
    InlinePrefix,
    /// A date line first, then the body.
    DateLine,
    /// A title, perhaps underlined, perhaps a byline, then a date line (seed 002).
    TitleAndDateLine,
    /// A title and no date line: a dateline may still carry the date.
    TitleOnly,
    /// The body and nothing above it: a dateline may still carry the date.
    BodyOnly,
}

impl Layout {
    /// Every layout.
    pub const ALL: [Self; 5] =
        [Self::InlinePrefix, Self::DateLine, Self::TitleAndDateLine, Self::TitleOnly, Self::BodyOnly];

    const fn has_title(self) -> bool {
        matches!(self, Self::TitleAndDateLine | Self::TitleOnly)
    }

    const fn has_date_line(self) -> bool {
        matches!(self, Self::DateLine | Self::TitleAndDateLine)
    }
}

/// Well-formed articles in every [`Layout`], each as its text and the [`Article`] that
/// [`parse_article`](crate::parse_article) (the parser with no options) must read from it,
/// spans included.
///
/// The pieces: a title (sometimes underlined); a date line in each documented style (month
/// names full, abbreviated and dotted, day first, ISO, slashed, dotted and numeric dates read
/// one way only, ordinals, weekdays, Solar Hijri dates by number and by month name; times
/// with `-`, `–`, `—`, a comma, `at` or nothing before them, unpadded minutes, seconds, `am`
/// and `pm`, an hour alone, zones, a time before the date), labelled or not, sometimes with an
/// update line; or an inline `date` prefix; a byline in the header or above the lead; a
/// dateline of each kind (capitals, mixed case, regions, dates with and without a year,
/// Reuters, AP, TASS and other agencies, an agency alone, a colon); hard-wrapped and indented
/// paragraphs with NBSP, tabs and curly quotes; `=====` breaks with and without headings,
/// subheadings, underlined subheadings; credit lines; furniture.
pub fn articles() -> impl Strategy<Value = (String, Article)> {
    select(&Layout::ALL[..]).prop_flat_map(articles_in)
}

/// [`articles`] in one [`Layout`].
pub fn articles_in(layout: Layout) -> impl Strategy<Value = (String, Article)> {
    (
        (select(&["", "", "\n", " \n"][..]), title(), prop::bool::weighted(0.2), label(), stamp(), update()),
        (inline_word(), inline_stamp(), prop::option::weighted(0.3, (byline(), prop::bool::ANY))),
        (prop::option::weighted(0.6, dateline()), lead()),
        (prop::collection::vec((separator(), paragraph()), 0..4), prop::collection::vec(section(), 0..3)),
        (
            prop::option::weighted(0.25, credit()),
            prop::collection::vec(furniture(), 0..3),
            select(&["", "\n", "\n\n"][..]),
        ),
    )
        .prop_map(move |(header, (inline_word, inline, byline), (dateline, lead), (more, sections), tail)| {
            let (leading, title, underlined, label, stamp, update) = header;
            let (credit, furniture, trailing) = tail;
            Plan {
                layout,
                leading,
                title,
                underlined,
                label,
                stamp,
                update,
                inline_word,
                inline,
                byline,
                dateline,
                lead,
                more,
                sections,
                credit,
                furniture,
                trailing,
            }
            .write()
        })
}

// ---------------------------------------------------------------------------------------------
// Pieces
// ---------------------------------------------------------------------------------------------

/// A date (and time) as a date line writes it, with what it must read as.
#[derive(Debug, Clone)]
struct Stamp {
    /// Written before the date and left out of its raw text: a weekday.
    before: String,
    raw: String,
    date: NaiveDate,
    time: Option<NaiveTime>,
    precision: Precision,
    calendar: Calendar,
}

impl Stamp {
    fn published(&self, source: DateSource, span: Span) -> Published {
        Published {
            date: self.date,
            time: self.time,
            precision: self.precision,
            year_inferred: false,
            source,
            calendar: self.calendar,
            raw: self.raw.clone(),
            span,
        }
    }
}

const MONTHS: [(&str, &str, &str); 12] = [
    ("January", "Jan", "Jan."),
    ("February", "Feb", "Feb."),
    ("March", "Mar", "Mar."),
    ("April", "Apr", "Apr."),
    ("May", "May", "May"),
    ("June", "Jun", "June"),
    ("July", "Jul", "July"),
    ("August", "Aug", "Aug."),
    ("September", "Sep", "Sept."),
    ("October", "Oct", "Oct."),
    ("November", "Nov", "Nov."),
    ("December", "Dec", "Dec."),
];

const PERSIAN_MONTHS: [&str; 12] = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
];

fn ordinal(day: u32) -> &'static str {
    match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// The date of a date line in one of the documented styles: its text and its reading. Days
/// of numeric dates are past the 12th, so that they read one way only.
fn date_text() -> impl Strategy<Value = (String, NaiveDate, Calendar)> {
    (1990i32..2031, 1u32..=12, 1u32..=28, 0usize..13, 1370u64..1410).prop_map(|(y, m, d, style, solar_year)| {
        let (full, abbr, dotted) = MONTHS[m as usize - 1];
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let late = d.max(13);
        let late_date = NaiveDate::from_ymd_opt(y, m, late).unwrap_or_default();
        match style {
            0 => (format!("{full} {d}, {y}"), date, Calendar::Gregorian),
            1 => (format!("{dotted} {d}, {y}"), date, Calendar::Gregorian),
            2 => (format!("{abbr} {d}, {y}"), date, Calendar::Gregorian),
            3 => (format!("{d} {full} {y}"), date, Calendar::Gregorian),
            4 => (format!("{y}-{m:02}-{d:02}"), date, Calendar::Gregorian),
            5 => (format!("{y}/{m:02}/{d:02}"), date, Calendar::Gregorian),
            6 => (format!("{late:02}.{m:02}.{y}"), late_date, Calendar::Gregorian),
            7 => (format!("{late}/{m}/{y}"), late_date, Calendar::Gregorian),
            8 => (format!("{m}/{late}/{y}"), late_date, Calendar::Gregorian),
            9 => (format!("{full} {d}{}, {y}", ordinal(d)), date, Calendar::Gregorian),
            10 => (format!("{d:02}-{abbr}-{y}"), date, Calendar::Gregorian),
            11 => {
                let (month, day) = (u64::from(m), u64::from(d));
                let date = solar_hijri_to_gregorian(solar_year, month, day).unwrap_or_default();
                (format!("{solar_year}/{m:02}/{d:02}"), date, Calendar::Persian)
            }
            _ => {
                let (month, day) = (u64::from(m), u64::from(d));
                let date = solar_hijri_to_gregorian(solar_year, month, day).unwrap_or_default();
                (format!("{d} {} {solar_year}", PERSIAN_MONTHS[m as usize - 1]), date, Calendar::Persian)
            }
        }
    })
}

/// A date line's stamp: a date in any style, perhaps a weekday before it, perhaps a time.
fn stamp() -> impl Strategy<Value = Stamp> {
    (date_text(), prop::bool::weighted(0.15), 0usize..10, 0u32..24, 0u32..60, 0u32..60).prop_map(
        |((date_text, date, calendar), weekday, time_style, hour, minute, second)| {
            let before = if weekday && calendar == Calendar::Gregorian {
                format!("{}, ", weekday_name(date.weekday()))
            } else {
                String::new()
            };
            let twelve = if hour % 12 == 0 { 12 } else { hour % 12 };
            let (meridiem, dotted) = if hour < 12 { ("am", "a.m.") } else { ("pm", "p.m.") };
            let minute_time = NaiveTime::from_hms_opt(hour, minute, 0);
            let (raw, time, precision) = match time_style {
                0..=2 => (date_text, None, Precision::Day),
                3 => (format!("{date_text} - {hour}:{minute}"), minute_time, Precision::Minute),
                4 => (format!("{date_text} – {hour:02}:{minute:02}"), minute_time, Precision::Minute),
                5 => (format!("{date_text} — {hour:02}:{minute:02} GMT"), minute_time, Precision::Minute),
                6 => (format!("{date_text}, {twelve}:{minute:02} {meridiem}"), minute_time, Precision::Minute),
                7 => (
                    format!("{date_text} {twelve} {}", meridiem.to_uppercase()),
                    NaiveTime::from_hms_opt(hour, 0, 0),
                    Precision::Hour,
                ),
                8 => (
                    format!("{date_text} {hour:02}:{minute:02}:{second:02}"),
                    NaiveTime::from_hms_opt(hour, minute, second),
                    Precision::Second,
                ),
                _ => (format!("{twelve}:{minute:02} {dotted} {date_text}"), minute_time, Precision::Minute),
            };
            Stamp { before, raw, date, time, precision, calendar }
        },
    )
}

/// An inline prefix's date: ISO or with the month's name, no time.
fn inline_stamp() -> impl Strategy<Value = Stamp> {
    (1990i32..2031, 1u32..=12, 1u32..=28, prop::bool::ANY).prop_map(|(y, m, d, iso)| {
        let raw = if iso { format!("{y}-{m:02}-{d:02}") } else { format!("{} {d}, {y}", MONTHS[m as usize - 1].0) };
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        Stamp { before: String::new(), raw, date, time: None, precision: Precision::Day, calendar: Calendar::Gregorian }
    })
}

fn inline_word() -> impl Strategy<Value = &'static str> {
    select(&["date ", " date ", "Date: ", "  date ", "date: "][..])
}

fn label() -> impl Strategy<Value = &'static str> {
    select(&["", "", "", "Published: ", "Posted on ", "Published on ", "  "][..])
}

/// An update after the publication date: how it is set off, and its stamp.
fn update() -> impl Strategy<Value = Option<(&'static str, Stamp)>> {
    prop::option::weighted(0.2, (select(&[" | Updated: ", "\nUpdated: ", "\nLast modified on "][..]), stamp()))
}

const CAPITALISED: &[&str] = &[
    "Officials",
    "Ministers",
    "Talks",
    "Iran",
    "Russia",
    "Farmers",
    "Port",
    "Rail",
    "Tehran",
    "Moscow",
    "Gaza",
    "Analysts",
    "Diplomats",
    "Workers",
    "Prices",
    "Negotiators",
];

const LOWER: &[&str] = &[
    "met",
    "again",
    "over",
    "grain",
    "deal",
    "talks",
    "in",
    "the",
    "sea",
    "rail",
    "prices",
    "on",
    "sunday",
    "said",
    "of",
    "and",
    "a",
    "to",
    "cooperation",
    "café",
    "naïve",
    "“ready”",
    "Iran’s",
    "aid",
    "week",
    "Caspian",
    "NATO",
    "U.S.-led",
    "2024",
    "for",
    "humanitarian",
    "access",
];

/// Words after a capitalised first one, separated by spaces (sometimes NBSP or a tab).
fn words(count: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    (
        select(CAPITALISED),
        prop::collection::vec((select(&[" ", " ", " ", " ", "\u{a0}", "\t"][..]), select(LOWER)), count),
    )
        .prop_map(|(first, rest)| {
            let mut line = String::from(first);
            for (space, word) in rest {
                line.push_str(space);
                line.push_str(word);
            }
            line
        })
}

/// A headline: no terminal punctuation but perhaps a question mark.
fn title() -> impl Strategy<Value = String> {
    (words(1..9), select(&["", "", "", "?"][..])).prop_map(|(words, end)| words + end)
}

/// A line of body text, ending as a sentence does: a paragraph of one such line is no
/// subheading (FORMAT.md's `subheading` ends in none of these).
fn sentence() -> impl Strategy<Value = String> {
    (words(2..12), select(&[".", ".", ".", "!", "?", "…"][..])).prop_map(|(words, end)| words + end)
}

/// A paragraph: one to four hard-wrapped lines.
fn paragraph() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(sentence(), 1..5)
}

/// The lead: its lines end in a full stop, as a headline never does, so that the first line
/// of a body with nothing above it is not read as a title.
fn lead() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(words(2..12).prop_map(|words| words + "."), 1..4)
}

/// What stands between two paragraphs: blank lines, or an indented first line.
fn separator() -> impl Strategy<Value = &'static str> {
    select(&["\n\n", "\n\n", "\n\n", "\n\n\n", "\n \n", "\n\u{a0}\t\n", "\n  ", "\n\t"][..])
}

/// A byline as written, the people it names and the wire it names.
#[derive(Debug, Clone, Copy)]
pub(super) struct Byline {
    pub(super) text: &'static str,
    authors: &'static [&'static str],
    wire: Option<&'static str>,
}

pub(super) const BYLINES: &[Byline] = &[
    Byline { text: "By Sara Ahmadi", authors: &["Sara Ahmadi"], wire: None },
    Byline { text: "By John Smith and Ann Lee", authors: &["John Smith", "Ann Lee"], wire: None },
    Byline { text: "BY JOHN SMITH and Ann Lee, Reuters", authors: &["JOHN SMITH", "Ann Lee"], wire: Some("Reuters") },
    Byline { text: "By MARIA LOPEZ, Associated Press", authors: &["MARIA LOPEZ"], wire: Some("Associated Press") },
    Byline { text: "By AFP Staff", authors: &[], wire: Some("AFP") },
    Byline { text: "Written by Sara Ahmadi", authors: &["Sara Ahmadi"], wire: None },
    Byline { text: "Staff Reporter", authors: &[], wire: None },
    Byline { text: "By Tehran Times staff", authors: &[], wire: None },
];

fn byline() -> impl Strategy<Value = Byline> {
    select(BYLINES)
}

/// A dateline as written (up to the lead's first character) and what it must read as.
#[derive(Debug, Clone, Copy)]
struct DatelineCase {
    text: &'static str,
    place: Option<&'static str>,
    region: Option<&'static str>,
    agency: Option<&'static str>,
    date: Option<&'static str>,
    /// The date with its year, which becomes the publication date of an article without one.
    dated: Option<(i32, u32, u32)>,
}

const fn at(text: &'static str, place: &'static str) -> DatelineCase {
    DatelineCase { text, place: Some(place), region: None, agency: None, date: None, dated: None }
}

const DATELINES: &[DatelineCase] = &[
    at("TEHRAN – ", "TEHRAN"),
    DatelineCase { date: Some("Feb 26"), ..at("NEW YORK, Feb 26 - ", "NEW YORK") },
    DatelineCase { agency: Some("Reuters"), date: Some("Sept 30"), ..at("MOSCOW, Sept 30 (Reuters) - ", "MOSCOW") },
    DatelineCase { agency: Some("AP"), ..at("WASHINGTON (AP) — ", "WASHINGTON") },
    DatelineCase {
        region: Some("Calif."), agency: Some("AP"), ..at("SAN FRANCISCO, Calif. (AP) — ", "SAN FRANCISCO")
    },
    DatelineCase {
        agency: Some("Xinhua"),
        date: Some("Sept. 30, 2024"),
        dated: Some((2024, 9, 30)),
        ..at("BEIJING, Sept. 30, 2024 (Xinhua) -- ", "BEIJING")
    },
    DatelineCase { date: Some("2 March 2024"), dated: Some((2024, 3, 2)), ..at("PARIS, 2 March 2024 – ", "PARIS") },
    DatelineCase {
        region: Some("Ukraine"),
        agency: Some("Reuters"),
        date: Some("Feb 21, 2024"),
        dated: Some((2024, 2, 21)),
        ..at("KYIV, Ukraine, Feb 21, 2024 (Reuters) - ", "KYIV")
    },
    DatelineCase { agency: Some("Reuters"), date: Some("March 3"), ..at("London, March 3 (Reuters) - ", "London") },
    DatelineCase { region: Some("Ukraine"), ..at("Lviv, Ukraine — ", "Lviv") },
    at("KARACHI: ", "KARACHI"),
    DatelineCase { agency: Some("IRNA"), ..at("Mashhad, IRNA -- ", "Mashhad") },
    DatelineCase { place: None, agency: Some("UPI"), ..at("(UPI) -- ", "") },
    DatelineCase { place: None, agency: Some("CNN"), ..at("(CNN)", "") },
    DatelineCase { place: None, agency: Some("Reuters"), date: Some("March 3"), ..at("March 3 (Reuters) - ", "") },
    DatelineCase { agency: Some("TASS"), date: Some("March 20"), ..at("MOSCOW, March 20. /TASS/.-", "MOSCOW") },
    DatelineCase {
        region: Some("India"),
        agency: Some("TASS"),
        date: Some("February 17"),
        ..at("BANGALORE (India), February 17. /TASS/. ", "BANGALORE")
    },
    at("Singapore - ", "Singapore"),
    DatelineCase { agency: Some("PTI"), ..at("MUMBAI (PTI) ", "MUMBAI") },
];

fn dateline() -> impl Strategy<Value = DatelineCase> {
    select(DATELINES)
}

/// How a section opens: a `=====` break (with a heading or none, perhaps closed by `=====`),
/// a subheading alone between blank lines, or a subheading underlined.
#[derive(Debug, Clone)]
enum Opening {
    Break { marker: String, heading: Option<String>, closing: bool },
    Subheading(String),
    Underlined { heading: String, underline: &'static str },
}

/// A break's heading is the rest of its line, whatever it ends in; a subheading's ends in no
/// punctuation.
fn opening() -> impl Strategy<Value = Opening> {
    let break_heading = (words(0..5), select(&["", "", "?", "."][..])).prop_map(|(words, end)| words + end);
    prop_oneof![
        (select(&["=====", "========", " ====="][..]), prop::option::weighted(0.8, break_heading), prop::bool::ANY)
            .prop_map(|(marker, heading, closing)| Opening::Break { marker: marker.to_owned(), heading, closing }),
        words(0..5).prop_map(Opening::Subheading),
        (words(0..5), select(&["===", "=====", "  ====  "][..]))
            .prop_map(|(heading, underline)| Opening::Underlined { heading, underline }),
    ]
}

type Paragraphs = (Vec<String>, Vec<(&'static str, Vec<String>)>);

fn section() -> impl Strategy<Value = (Opening, Paragraphs)> {
    (opening(), paragraph(), prop::collection::vec((separator(), paragraph()), 0..3))
        .prop_map(|(opening, first, more)| (opening, (first, more)))
}

/// A credit line closing the body and the people it credits (reporters and writers, not
/// editors; a place after a name is no part of it).
#[derive(Debug, Clone, Copy)]
pub(super) struct CreditCase {
    pub(super) text: &'static str,
    authors: &'static [&'static str],
}

pub(super) const CREDITS: &[CreditCase] = &[
    CreditCase { text: "(Reporting by Ali Kaya in Istanbul; Editing by Jon Boyle)", authors: &["Ali Kaya"] },
    CreditCase { text: "Additional reporting by Jane Doe.", authors: &["Jane Doe"] },
    CreditCase { text: "Associated Press writer John Roe contributed to this report.", authors: &["John Roe"] },
    CreditCase { text: "(Reporting by Sara Ahmadi and Omid Karimi)", authors: &["Sara Ahmadi", "Omid Karimi"] },
];

fn credit() -> impl Strategy<Value = CreditCase> {
    select(CREDITS)
}

/// Furniture lines as sites print them, each kept as written.
pub(super) const FURNITURE: &[&str] = &[
    "Leave a Comment",
    "Share this",
    "Read more",
    "Tags: France, farming",
    "Topics: Iran",
    "Filed under: World",
    "© 2024 Tehran Times",
    "Share on WhatsApp",
    "Follow us on Instagram @tehrantimes",
    "Read also: Iran, Russia sign rail deal",
    "3 Comments",
    "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
];

fn furniture() -> impl Strategy<Value = &'static str> {
    select(FURNITURE)
}

// ---------------------------------------------------------------------------------------------
// Writing the text and the model together
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Plan {
    layout: Layout,
    leading: &'static str,
    title: String,
    underlined: bool,
    label: &'static str,
    stamp: Stamp,
    update: Option<(&'static str, Stamp)>,
    inline_word: &'static str,
    inline: Stamp,
    /// A byline, and whether it stands in the header (above a date line) when there is one.
    byline: Option<(Byline, bool)>,
    dateline: Option<DatelineCase>,
    lead: Vec<String>,
    more: Vec<(&'static str, Vec<String>)>,
    sections: Vec<(Opening, Paragraphs)>,
    credit: Option<CreditCase>,
    furniture: Vec<&'static str>,
    trailing: &'static str,
}

/// The text being written, and the model it must read as.
#[derive(Default)]
struct Writer {
    text: String,
    article: Article,
}

impl Writer {
    /// Appends `piece`, giving where it stands.
    fn push(&mut self, piece: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(piece);
        Span::new(start, self.text.len())
    }

    fn credit(&mut self, kind: CreditKind, text: &str, authors: &[&str]) {
        let span = self.push(text);
        self.article.credits.push(Credit { kind, text: text.to_owned(), span });
        for author in authors {
            if !self.article.authors.iter().any(|a| a == author) {
                self.article.authors.push((*author).to_owned());
            }
        }
    }

    /// A paragraph's lines, hard-wrapped, read as one paragraph of the last section.
    fn paragraph(&mut self, lines: &[String]) {
        let span = self.push(&lines.join("\n"));
        let paragraph = Paragraph { text: lines.join(" "), span };
        if self.article.sections.is_empty() {
            self.article.sections.push(Section { heading: None, heading_span: None, paragraphs: Vec::new() });
        }
        if let Some(section) = self.article.sections.last_mut() {
            section.paragraphs.push(paragraph);
        }
    }

    /// Paragraphs after the first, each after its separator (an indented line keeps its
    /// indentation out of the paragraph).
    fn more_paragraphs(&mut self, more: &[(&str, Vec<String>)]) {
        for (separator, lines) in more {
            self.push(separator);
            self.paragraph(lines);
        }
    }

    fn section(&mut self, heading: Option<(String, Span)>) {
        let (heading, heading_span) = heading.map_or((None, None), |(h, s)| (Some(h), Some(s)));
        self.article.sections.push(Section { heading, heading_span, paragraphs: Vec::new() });
    }
}

impl Plan {
    fn write(self) -> (String, Article) {
        let mut w = Writer::default();
        w.push(self.leading);
        let layout = self.layout;
        let (header_byline, body_byline) = match self.byline {
            Some((byline, true)) if layout.has_date_line() => (Some(byline), None),
            // Above an inline prefix a byline would open the body, and the prefix with it.
            Some(_) if layout == Layout::InlinePrefix => (None, None),
            Some((byline, _)) => (None, Some(byline)),
            None => (None, None),
        };
        if layout.has_title() || (layout == Layout::InlinePrefix && self.underlined) {
            let span = w.push(&self.title);
            w.article.title = Some(self.title.clone());
            w.article.title_span = Some(span);
            if self.underlined && layout.has_title() {
                w.push("\n=====");
            }
            w.push("\n\n");
        }
        if let Some(byline) = header_byline {
            w.credit(CreditKind::Byline, byline.text, byline.authors);
            // Directly above the date line or a blank line apart: both are the header's.
            w.push(if self.underlined { "\n" } else { "\n\n" });
        }
        if layout.has_date_line() {
            w.push(self.label);
            w.push(&self.stamp.before);
            let span = w.push(&self.stamp.raw);
            w.article.published = Some(self.stamp.published(DateSource::Header, span));
            if let Some((separator, update)) = &self.update {
                w.push(separator);
                w.push(&update.before);
                let span = w.push(&update.raw);
                w.article.updated = Some(update.published(DateSource::Header, span));
            }
            w.push("\n\n");
        }
        if let Some(byline) = body_byline {
            w.credit(CreditKind::Byline, byline.text, byline.authors);
            w.push("\n\n");
        }
        if layout == Layout::InlinePrefix {
            w.push(self.inline_word);
            let span = w.push(&self.inline.raw);
            w.article.published = Some(self.inline.published(DateSource::InlinePrefix, span));
            w.push(" ");
        }
        if let Some(case) = self.dateline {
            let start = w.text.len();
            w.push(case.text);
            let span = Span::new(start, start + case.text.trim_end().len());
            let wire = [header_byline, body_byline].into_iter().flatten().find_map(|b| b.wire);
            w.article.dateline = Some(Dateline {
                place: case.place.map(str::to_owned),
                region: case.region.map(str::to_owned),
                agency: case.agency.or(wire).map(str::to_owned),
                date: case.date.map(str::to_owned),
                span,
            });
            if let (None, Some((y, m, d)), Some(date)) = (&w.article.published, case.dated, case.date) {
                let offset = case.text.find(date).unwrap_or_default();
                w.article.published = Some(Published {
                    date: NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
                    time: None,
                    precision: Precision::Day,
                    year_inferred: false,
                    source: DateSource::Dateline,
                    calendar: Calendar::Gregorian,
                    raw: date.to_owned(),
                    span: Span::new(start + offset, start + offset + date.len()),
                });
            }
        }
        w.paragraph(&self.lead);
        w.more_paragraphs(&self.more);
        for (opening, (first, more)) in &self.sections {
            w.push("\n\n");
            match opening {
                Opening::Break { marker, heading, closing } => {
                    w.push(marker);
                    let heading = heading.as_ref().map(|heading| (heading.clone(), w.push(heading)));
                    if *closing && heading.is_some() {
                        w.push(" =====");
                    }
                    w.section(heading);
                }
                Opening::Subheading(heading) => {
                    let span = w.push(heading);
                    w.section(Some((heading.clone(), span)));
                }
                Opening::Underlined { heading, underline } => {
                    let span = w.push(heading);
                    w.push("\n");
                    w.push(underline);
                    w.section(Some((heading.clone(), span)));
                }
            }
            w.push("\n\n");
            w.paragraph(first);
            w.more_paragraphs(more);
        }
        if let Some(credit) = self.credit {
            w.push("\n\n");
            w.credit(CreditKind::Credit, credit.text, credit.authors);
        }
        // Furniture lines one under another; a notice, longer than a furniture line may be,
        // is a paragraph of its own.
        let notice = |line: &str| line.len() > 120;
        for (i, line) in self.furniture.iter().enumerate() {
            let apart = i == 0 || notice(line) || notice(self.furniture[i - 1]);
            w.push(if apart { "\n\n" } else { "\n" });
            w.push(line);
            w.article.boilerplate.push((*line).to_owned());
        }
        w.push(self.trailing);
        (w.text, w.article)
    }
}
