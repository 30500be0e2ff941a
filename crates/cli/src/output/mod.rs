//! Output formats for per-document records, one module each behind [`DocumentSink`].

pub(crate) mod chart;
pub(crate) mod csv;
pub(crate) mod json;
pub(crate) mod report;
pub(crate) mod table;
pub(crate) mod text;

use std::io;

use dateline_model::Document;

/// Writes documents one by one, then closes the output (a JSON array's `]`).
pub(crate) trait DocumentSink {
    fn write(&mut self, doc: &Document) -> io::Result<()>;

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `(none): 7; Commander expresses ...: 3`: each section's heading and paragraph count, as
/// DESIGN.md's seed table writes them.
pub(crate) fn outline(doc: &Document) -> String {
    let Some(article) = &doc.article else {
        return String::new();
    };
    let parts: Vec<String> = article
        .sections
        .iter()
        .map(|s| format!("{}: {}", s.heading.as_deref().unwrap_or("(none)"), s.paragraphs.len()))
        .collect();
    parts.join("; ")
}
