//! `text`: each article printed back in canonical form, under a `==> path <==` line.

use std::io::{self, Write};

use dateline_model::Document;
use dateline_parse::ArticleParser;

use super::DocumentSink;

pub(crate) struct Text<'p, W> {
    out: W,
    first: bool,
    /// The parser that read the articles: its furniture lines must not end a paragraph.
    parser: &'p ArticleParser,
}

impl<'p, W: Write> Text<'p, W> {
    pub(crate) fn new(out: W, parser: &'p ArticleParser) -> Self {
        Self { out, first: true, parser }
    }
}

impl<W: Write> DocumentSink for Text<'_, W> {
    fn write(&mut self, doc: &Document) -> io::Result<()> {
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
