//! `text`: each article printed back in canonical form, under a `==> path <==` line (`parse`
//! only).

use std::io::{self, Write};

use dateline_model::Document;
use dateline_parse::ArticleParser;

use super::Writer;
use super::report::{Report, Streamed};

pub(crate) struct Text<'w> {
    out: &'w mut dyn Write,
    first: bool,
    /// The parser that read the articles: its furniture lines must not end a paragraph.
    parser: &'w ArticleParser,
}

impl<'w> Text<'w> {
    pub(crate) fn new(out: &'w mut dyn Write, parser: &'w ArticleParser) -> Self {
        Self { out, first: true, parser }
    }
}

impl Writer for Text<'_> {
    /// Only articles have a text form; the command line offers `text` to `parse` alone.
    fn report(&mut self, _: &dyn Report) -> io::Result<()> {
        Err(io::Error::new(io::ErrorKind::Unsupported, "this report has no text form"))
    }

    fn streamed(&mut self, _: &dyn Streamed) -> io::Result<()> {
        Err(io::Error::new(io::ErrorKind::Unsupported, "this report has no text form"))
    }

    fn document(&mut self, doc: &Document) -> io::Result<()> {
        if !std::mem::take(&mut self.first) {
            writeln!(self.out)?;
        }
        writeln!(self.out, "==> {} <==", doc.path)?;
        match &doc.article {
            Some(article) => self.out.write_all(self.parser.render(article).as_bytes()),
            None => writeln!(self.out, "(no article)"),
        }
    }
}
