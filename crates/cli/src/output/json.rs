//! `json`: a report as one pretty-printed value; documents as one array, an object per line,
//! each the public JSON contract ([`Document`]'s serialisation).

use std::io::{self, Write};

use dateline_model::Document;

use super::Writer;
use super::report::{JsonArray, Report, Streamed};

pub(crate) struct Json<'w> {
    out: &'w mut dyn Write,
    /// Documents written so far (the array is open), and whether a report was.
    documents: usize,
    reported: bool,
}

impl<'w> Json<'w> {
    pub(crate) fn new(out: &'w mut dyn Write) -> Self {
        Self { out, documents: 0, reported: false }
    }
}

impl Writer for Json<'_> {
    fn report(&mut self, report: &dyn Report) -> io::Result<()> {
        self.reported = true;
        serde_json::to_writer_pretty(&mut *self.out, &report.json())?;
        writeln!(self.out)
    }

    fn streamed(&mut self, report: &dyn Streamed) -> io::Result<()> {
        self.reported = true;
        serde_json::to_writer_pretty(&mut *self.out, &JsonArray(report))?;
        writeln!(self.out)
    }

    fn document(&mut self, doc: &Document) -> io::Result<()> {
        self.out.write_all(if self.documents > 0 { b",\n" } else { b"[\n" })?;
        self.documents += 1;
        serde_json::to_writer(&mut *self.out, doc)?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        match (self.documents, self.reported) {
            (0, true) => Ok(()),
            (0, false) => self.out.write_all(b"[]\n"),
            _ => self.out.write_all(b"\n]\n"),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::output::report::tests::held_and_streamed;

    #[test]
    fn a_streamed_report_is_the_same_array() {
        let (held, streamed) = held_and_streamed(crate::output::Format::Json);
        assert_eq!(String::from_utf8(streamed).ok(), String::from_utf8(held).ok());
    }
}
