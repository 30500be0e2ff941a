//! `dateline parse`: one record per file in the chosen format.

use std::io::Write;

use anyhow::Result;
use dateline_parse::{ArticleParser, Documents};

use crate::cli::ParseFormat;
use crate::output::{self, DocumentSink};
use crate::report::Reporter;

pub(crate) fn run(
    documents: Documents<'_>,
    format: ParseFormat,
    parser: &ArticleParser,
    out: &mut dyn Write,
    reporter: &mut Reporter,
) -> Result<()> {
    let mut sink: Box<dyn DocumentSink + '_> = match format {
        ParseFormat::Table => Box::new(output::table::Records::new(out)),
        ParseFormat::Text => Box::new(output::text::Text::new(out, parser)),
        ParseFormat::Json => Box::new(output::json::JsonArray::new(out)),
        ParseFormat::Jsonl => Box::new(output::json::JsonLines::new(out)),
        ParseFormat::Csv => Box::new(output::csv::Csv::new(out)),
    };
    for doc in documents {
        reporter.document(&doc);
        sink.write(&doc)?;
    }
    sink.finish()?;
    Ok(())
}
