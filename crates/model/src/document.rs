use chrono::{NaiveDate, NaiveTime};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Article, Calendar, Credit, DateSource, Dateline, Diagnostic, Precision, Published, Section, Span};

/// One input file: where it came from, the article read from it, and what went wrong.
///
/// Every input file becomes exactly one `Document`, so nothing is lost: a file that could not
/// be read, or held no article, has `article: None` and says why in `diagnostics`.
/// Diagnostics live here rather than on [`Article`] because some arise before there is any
/// article to attach them to (an unreadable or binary file, undecodable bytes).
///
/// Serialises to the JSON contract: `path`, then the article's `title`, `date`, `time`,
/// `dateline`, `sections`, `boilerplate` (all omitted when there is no article), then
/// `diagnostics`. Extra fields: `title_span`; `published` with the date's `source`,
/// `precision`, `year_inferred`, `calendar`, `raw` text and `span`; `authors` and `credits`
/// from bylines and credit lines; `updated`, a later date line (`date`, `time`, `precision`,
/// `calendar`, `raw`, `span`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The path as given or found while walking a folder; `<stdin>` for standard input.
    pub path: String,
    /// The article, unless the file could not be read or held no article text.
    pub article: Option<Article>,
    /// Warnings and errors about this file, in order of position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// How many diagnostics are errors.
    #[must_use]
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many diagnostics are warnings.
    #[must_use]
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// The parts of [`Published`] that the contract's flat `date` and `time` do not carry.
#[derive(Serialize, Deserialize)]
struct PublishedDetail<S> {
    source: DateSource,
    precision: Precision,
    year_inferred: bool,
    #[serde(default)]
    calendar: Calendar,
    raw: S,
    span: Span,
}

/// `updated` as the contract writes it: the date and time flat, as `date` and `time` are.
#[derive(Serialize, Deserialize)]
struct UpdatedRecord<S> {
    date: NaiveDate,
    #[serde(with = "crate::article::clock")]
    time: Option<NaiveTime>,
    precision: Precision,
    #[serde(default)]
    calendar: Calendar,
    raw: S,
    span: Span,
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("path", &self.path)?;
        if let Some(article) = &self.article {
            let published = article.published.as_ref();
            let time = published.and_then(|p| p.time).map(crate::article::clock::format);
            map.serialize_entry("title", &article.title)?;
            map.serialize_entry("date", &published.map(|p| p.date))?;
            map.serialize_entry("time", &time)?;
            map.serialize_entry("dateline", &article.dateline)?;
            map.serialize_entry("sections", &article.sections)?;
            map.serialize_entry("boilerplate", &article.boilerplate)?;
            map.serialize_entry("title_span", &article.title_span)?;
            let detail = published.map(|p| PublishedDetail {
                source: p.source,
                precision: p.precision,
                year_inferred: p.year_inferred,
                calendar: p.calendar,
                raw: p.raw.as_str(),
                span: p.span,
            });
            map.serialize_entry("published", &detail)?;
            map.serialize_entry("authors", &article.authors)?;
            map.serialize_entry("credits", &article.credits)?;
            let updated = article.updated.as_ref().map(|u| UpdatedRecord {
                date: u.date,
                time: u.time,
                precision: u.precision,
                calendar: u.calendar,
                raw: u.raw.as_str(),
                span: u.span,
            });
            map.serialize_entry("updated", &updated)?;
        }
        map.serialize_entry("diagnostics", &self.diagnostics)?;
        map.end()
    }
}

/// The contract's flat record, read back. An article is present when `sections` is.
#[derive(Deserialize)]
struct DocumentRecord {
    path: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<NaiveDate>,
    #[serde(default, with = "crate::article::clock")]
    time: Option<NaiveTime>,
    #[serde(default)]
    dateline: Option<Dateline>,
    #[serde(default)]
    sections: Option<Vec<Section>>,
    #[serde(default)]
    boilerplate: Vec<String>,
    #[serde(default)]
    title_span: Option<Span>,
    #[serde(default)]
    published: Option<PublishedDetail<String>>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    credits: Vec<Credit>,
    #[serde(default)]
    updated: Option<UpdatedRecord<String>>,
    #[serde(default)]
    diagnostics: Vec<Diagnostic>,
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = DocumentRecord::deserialize(deserializer)?;
        let article = record.sections.map(|sections| {
            let published = record.date.map(|date| {
                let detail = record.published;
                Published {
                    date,
                    time: record.time,
                    precision: detail
                        .as_ref()
                        .map_or(if record.time.is_some() { Precision::Minute } else { Precision::Day }, |d| {
                            d.precision
                        }),
                    year_inferred: detail.as_ref().is_some_and(|d| d.year_inferred),
                    source: detail.as_ref().map_or(DateSource::Header, |d| d.source),
                    calendar: detail.as_ref().map_or(Calendar::Gregorian, |d| d.calendar),
                    span: detail.as_ref().map_or_else(Span::default, |d| d.span),
                    raw: detail.map_or_else(|| date.to_string(), |d| d.raw),
                }
            });
            Article {
                title: record.title,
                title_span: record.title_span,
                published,
                dateline: record.dateline,
                sections,
                boilerplate: record.boilerplate,
                authors: record.authors,
                credits: record.credits,
                updated: record.updated.map(|u| Published {
                    date: u.date,
                    time: u.time,
                    precision: u.precision,
                    year_inferred: false,
                    source: DateSource::Header,
                    calendar: u.calendar,
                    raw: u.raw,
                    span: u.span,
                }),
            }
        });
        Ok(Self { path: record.path, article, diagnostics: record.diagnostics })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Paragraph, Severity};

    fn sample() -> Document {
        Document {
            path: "seeds/002.txt".into(),
            article: Some(Article {
                title: Some("Tehran, Moscow discuss".into()),
                title_span: Some(Span::new(0, 22)),
                published: Some(Published {
                    date: NaiveDate::from_ymd_opt(2024, 9, 15).expect("valid date"),
                    time: NaiveTime::from_hms_opt(20, 9, 0),
                    precision: Precision::Minute,
                    year_inferred: false,
                    source: DateSource::Header,
                    calendar: Calendar::Gregorian,
                    raw: "September 15, 2024 - 20:9".into(),
                    span: Span::new(24, 49),
                }),
                dateline: Some(Dateline {
                    place: Some("TEHRAN".into()),
                    region: None,
                    agency: None,
                    date: None,
                    span: Span::new(51, 60),
                }),
                sections: vec![Section {
                    heading: None,
                    heading_span: None,
                    paragraphs: vec![Paragraph { text: "While visiting China.".into(), span: Span::new(60, 81) }],
                }],
                boilerplate: vec!["Leave a Comment".into()],
                authors: vec!["Sara Ahmadi".into()],
                credits: vec![Credit {
                    kind: crate::CreditKind::Byline,
                    text: "By Sara Ahmadi".into(),
                    span: Span::new(82, 96),
                }],
                updated: Some(Published {
                    date: NaiveDate::from_ymd_opt(2024, 9, 16).expect("valid date"),
                    time: None,
                    precision: Precision::Day,
                    year_inferred: false,
                    source: DateSource::Header,
                    calendar: Calendar::Persian,
                    raw: "1403/06/26".into(),
                    span: Span::new(97, 107),
                }),
            }),
            diagnostics: vec![Diagnostic {
                severity: Severity::Warning,
                line: 3,
                column: 24,
                message: "something odd".into(),
                span: Span::new(47, 48),
            }],
        }
    }

    #[test]
    fn contract_fields_come_in_contract_order() {
        let json = serde_json::to_string(&sample()).expect("serialises");
        let keys = [
            "\"path\"",
            "\"title\"",
            "\"date\"",
            "\"time\"",
            "\"dateline\"",
            "\"sections\"",
            "\"boilerplate\"",
            "\"diagnostics\"",
        ];
        let positions: Vec<usize> = keys.iter().map(|k| json.find(k).expect(k)).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{json}");
        assert!(json.contains(r#""date":"2024-09-15","time":"20:09""#), "{json}");
        assert!(json.contains(r#""dateline":{"place":"TEHRAN","region":null,"agency":null,"date":null"#), "{json}");
        assert!(json.contains(r#""paragraphs":[{"text":"While visiting China.","span":[60,81]}]"#), "{json}");
        assert!(json.contains(r#"{"severity":"warning","line":3,"column":24,"message":"something odd""#), "{json}");
        assert!(json.contains(r#""calendar":"gregorian","raw":"September 15, 2024 - 20:9""#), "{json}");
        assert!(
            json.contains(
                r#""authors":["Sara Ahmadi"],"credits":[{"kind":"byline","text":"By Sara Ahmadi","span":[82,96]}]"#
            ),
            "{json}"
        );
        assert!(
            json.contains(r#""updated":{"date":"2024-09-16","time":null,"precision":"day","calendar":"persian","raw":"1403/06/26""#),
            "{json}"
        );
    }

    #[test]
    fn a_file_without_article_has_only_path_and_diagnostics() {
        let doc = Document { path: "x.bin".into(), article: None, diagnostics: vec![] };
        assert_eq!(serde_json::to_string(&doc).expect("serialises"), r#"{"path":"x.bin","diagnostics":[]}"#);
    }

    #[test]
    fn json_round_trips() {
        for doc in [sample(), Document { path: "e".into(), article: None, diagnostics: vec![] }] {
            let json = serde_json::to_string(&doc).expect("serialises");
            let back: Document = serde_json::from_str(&json).expect("deserialises");
            assert_eq!(back, doc);
        }
    }

    #[test]
    fn seconds_are_written_only_when_present() {
        let mut doc = sample();
        if let Some(p) = doc.article.as_mut().and_then(|a| a.published.as_mut()) {
            p.time = NaiveTime::from_hms_opt(7, 5, 30);
        }
        let json = serde_json::to_string(&doc).expect("serialises");
        assert!(json.contains(r#""time":"07:05:30""#), "{json}");
    }
}
