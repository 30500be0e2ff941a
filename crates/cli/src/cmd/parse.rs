//! `dateline parse`: one record per file in the chosen format.

use crate::cmd::Documents;
use anyhow::Result;

use crate::output::Writer;
use crate::report::Reporter;

pub(crate) fn run(documents: Documents<'_>, out: &mut dyn Writer, reporter: &mut Reporter) -> Result<()> {
    for doc in documents {
        reporter.document(&doc);
        out.document(&doc)?;
    }
    Ok(())
}
