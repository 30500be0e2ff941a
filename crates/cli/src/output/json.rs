//! `json` (one array) and `jsonl` (one object per line): the public JSON contract, which
//! [`Document`]'s serialisation defines.

use std::io::{self, Write};

use dateline_model::Document;

use super::DocumentSink;

pub(crate) struct JsonLines<W> {
    out: W,
}

impl<W: Write> JsonLines<W> {
    pub(crate) fn new(out: W) -> Self {
        Self { out }
    }
}

impl<W: Write> DocumentSink for JsonLines<W> {
    fn write(&mut self, doc: &Document) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, doc)?;
        self.out.write_all(b"\n")
    }
}

pub(crate) struct JsonArray<W> {
    out: W,
    started: bool,
}

impl<W: Write> JsonArray<W> {
    pub(crate) fn new(out: W) -> Self {
        Self { out, started: false }
    }
}

impl<W: Write> DocumentSink for JsonArray<W> {
    fn write(&mut self, doc: &Document) -> io::Result<()> {
        self.out.write_all(if self.started { b",\n" } else { b"[\n" })?;
        self.started = true;
        serde_json::to_writer(&mut self.out, doc)?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.write_all(if self.started { b"\n]\n" } else { b"[]\n" })
    }
}
