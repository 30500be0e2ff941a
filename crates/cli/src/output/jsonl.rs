//! `jsonl`: one JSON value per line: a report's rows (or the report, when it is one object),
//! documents as the public JSON contract.

use std::io::{self, Write};

use dateline_model::Document;

use super::Writer;
use super::report::{Report, Streamed};

pub(crate) struct JsonLines<'w> {
    out: &'w mut dyn Write,
}

impl<'w> JsonLines<'w> {
    pub(crate) fn new(out: &'w mut dyn Write) -> Self {
        Self { out }
    }
}

impl Writer for JsonLines<'_> {
    fn report(&mut self, report: &dyn Report) -> io::Result<()> {
        for line in report.json_lines() {
            serde_json::to_writer(&mut *self.out, &line)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn streamed(&mut self, report: &dyn Streamed) -> io::Result<()> {
        let out = &mut *self.out;
        report.each_json(&mut |line| {
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)
        })
    }

    fn document(&mut self, doc: &Document) -> io::Result<()> {
        serde_json::to_writer(&mut *self.out, doc)?;
        self.out.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::report::tests::{Demo, held_and_streamed};

    #[test]
    fn each_row_is_a_line() {
        let mut out = Vec::new();
        JsonLines::new(&mut out).report(&Demo).expect("writes to memory");
        assert_eq!(
            String::from_utf8(out).ok().as_deref(),
            Some("{\"term\":\"Lavrov\",\"count\":12}\n{\"term\":\"Gaza\",\"count\":7}\n")
        );
    }

    #[test]
    fn a_streamed_report_is_the_same_lines() {
        let (held, streamed) = held_and_streamed(crate::output::Format::Jsonl);
        assert_eq!(streamed, held);
    }
}
