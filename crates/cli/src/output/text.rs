//! `text`: each article printed back in canonical form, under a `==> path <==` line.

use std::io::{self, Write};

use dateline_model::Document;

use super::DocumentSink;

pub(crate) struct Text<W> {
    out: W,
    first: bool,
}

impl<W: Write> Text<W> {
    pub(crate) fn new(out: W) -> Self {
        Self { out, first: true }
    }
}

impl<W: Write> DocumentSink for Text<W> {
    fn write(&mut self, doc: &Document) -> io::Result<()> {
        if !std::mem::take(&mut self.first) {
            writeln!(self.out)?;
        }
        writeln!(self.out, "==> {} <==", doc.path)?;
        match &doc.article {
            Some(article) => self.out.write_all(dateline_parse::render(article).as_bytes()),
            None => writeln!(self.out, "(no article)"),
        }
    }
}
