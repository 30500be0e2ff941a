//! `table`: one block of labelled fields per file, for people reading a terminal.
//!
//! ```text
//! seeds/002_ff26b561ed4a4f97.txt
//!   title        Tehran, Moscow discuss maritime cooperation in Caspian Sea during China visit
//!   date         2024-09-15
//!   time         20:09
//!   dateline     TEHRAN
//!   sections     (none): 7; Commander expresses Iran’s readiness to support humanitarian initiatives: 3
//!   boilerplate  Leave a Comment
//! ```

use std::io::{self, Write};

use dateline_model::Document;

use super::{DocumentSink, outline};

const MISSING: &str = "-";

pub(crate) struct Records<W> {
    out: W,
    first: bool,
}

impl<W: Write> Records<W> {
    pub(crate) fn new(out: W) -> Self {
        Self { out, first: true }
    }

    fn field(&mut self, label: &str, value: Option<&str>) -> io::Result<()> {
        writeln!(self.out, "  {label:<12} {}", value.filter(|v| !v.is_empty()).unwrap_or(MISSING))
    }
}

impl<W: Write> DocumentSink for Records<W> {
    fn write(&mut self, doc: &Document) -> io::Result<()> {
        if !std::mem::take(&mut self.first) {
            writeln!(self.out)?;
        }
        writeln!(self.out, "{}", doc.path)?;
        let Some(article) = &doc.article else {
            let problems = doc.diagnostics.iter().map(|d| d.message.as_str()).collect::<Vec<_>>().join("; ");
            return self.field("no article", Some(&problems));
        };
        let published = article.published.as_ref();
        let dateline = article.dateline.as_ref().map(|d| {
            let parts: Vec<&str> = [&d.place, &d.region, &d.date].into_iter().flatten().map(String::as_str).collect();
            let mut text = parts.join(", ");
            if let Some(agency) = &d.agency {
                let gap = if text.is_empty() { "" } else { " " };
                text.push_str(&format!("{gap}({agency})"));
            }
            text
        });
        self.field("title", article.title.as_deref())?;
        self.field("date", published.map(|p| p.date.to_string()).as_deref())?;
        self.field("time", published.and_then(|p| p.time).map(|t| t.format("%H:%M").to_string()).as_deref())?;
        self.field("dateline", dateline.as_deref())?;
        // Fields most files lack are shown only when there.
        if let Some(updated) = &article.updated {
            self.field("updated", Some(&super::stamp(updated)))?;
        }
        if !article.authors.is_empty() {
            self.field("authors", Some(&article.authors.join(", ")))?;
        }
        if !article.credits.is_empty() {
            let credits: Vec<&str> = article.credits.iter().map(|c| c.text.as_str()).collect();
            self.field("credits", Some(&credits.join(" | ")))?;
        }
        self.field("sections", Some(&outline(doc)))?;
        self.field("boilerplate", Some(&article.boilerplate.join(" | ")))?;
        let (warnings, errors) = (doc.warning_count(), doc.error_count());
        if warnings + errors > 0 {
            self.field("diagnostics", Some(&format!("{warnings} warnings, {errors} errors")))?;
        }
        Ok(())
    }
}
