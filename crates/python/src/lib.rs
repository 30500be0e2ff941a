//! The native half of the Python package `dateline`: a thin layer over the workspace's
//! crates that converts at the edge. Articles come in as paths (read by
//! `dateline-parse`'s corpus reader, as the CLI reads them) or as an Arrow table of the
//! articles' schema; results go out as Arrow record batches through `pyo3-arrow`, never as
//! Python objects per row. The GIL is released while the work runs, on a rayon pool of the
//! size asked for.
//!
//! The Python package (`python/dateline/`) wraps these functions with their documented
//! keyword arguments, turns diagnostics into warnings or exceptions, and holds the Dask and
//! Spark helpers.

mod actors;
mod arrow;
mod articles;
mod corpus;
mod options;
mod partial;
mod reuse;
mod stats;

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    dateline,
    DatelineError,
    PyException,
    "An error dateline reports: a bad option, or with `strict=True` a file that failed."
);

/// The extension module `dateline._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("DatelineError", m.py().get_type::<DatelineError>())?;
    m.add_function(wrap_pyfunction!(options::check_options, m)?)?;
    m.add_function(wrap_pyfunction!(articles::parse_text, m)?)?;
    m.add_function(wrap_pyfunction!(articles::parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(articles::read, m)?)?;
    m.add_function(wrap_pyfunction!(stats::terms, m)?)?;
    m.add_function(wrap_pyfunction!(stats::ngrams, m)?)?;
    m.add_function(wrap_pyfunction!(stats::collocations, m)?)?;
    m.add_function(wrap_pyfunction!(stats::tfidf, m)?)?;
    m.add_function(wrap_pyfunction!(stats::keyness, m)?)?;
    m.add_function(wrap_pyfunction!(actors::actors, m)?)?;
    m.add_function(wrap_pyfunction!(actors::quotes, m)?)?;
    m.add_function(wrap_pyfunction!(reuse::reuse, m)?)?;
    m.add_function(wrap_pyfunction!(partial::partial_counts, m)?)?;
    m.add_function(wrap_pyfunction!(partial::finish_counts, m)?)?;
    m.add_function(wrap_pyfunction!(partial::tfidf_part, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
