//! The model file: JSON, versioned.
//!
//! ```json
//! {"format": "dateline-lda", "version": 1,
//!  "topics": 2, "alpha": [0.1, 0.1], "beta": 0.01,
//!  "terms": [{"term": "iran", "display": "Iran", "topics": [[1, 40], [0, 2]]}],
//!  "documents": [{"path": "a.txt", "date": "2024-01-10", "topics": [[0, 12], [1, 30]]}],
//!  "log_likelihood": [{"iteration": 10, "log_likelihood": -5012.3, "per_token": -7.9}],
//!  "training": {"iterations": 200, "seed": 1, "threads": 2}}
//! ```
//!
//! `terms` is the kept vocabulary in word order, each with its `[topic, count]` pairs (largest
//! count first); `documents` are the training documents with theirs (by topic). Numbers are
//! written so that they read back bit for bit, so a loaded model infers exactly what the saved
//! one did. A file whose `format` is not `dateline-lda`, or whose `version` this build does not
//! read, is refused with an error that says so; later versions may add fields, and version 1
//! readers ignore fields they do not know.

use std::borrow::Cow;
use std::io::{BufReader, BufWriter, Read, Write};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{LdaModel, LogLikelihood, Parts};
use dateline_text::DocMeta;

/// The `format` field of a model file.
pub const FORMAT: &str = "dateline-lda";
/// The file format version this build writes and reads.
pub const VERSION: u64 = 1;

/// Why a model could not be saved or loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelFileError {
    /// Reading or writing failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The file is not JSON, or not JSON of the shape version 1 has.
    #[error("not a valid dateline-lda model file: {0}")]
    Json(#[source] serde_json::Error),
    /// The file is JSON but not a dateline LDA model.
    #[error("not a dateline LDA model: its format is {}, not \"dateline-lda\"", found.as_deref().map_or_else(|| "missing".to_owned(), |f| format!("{f:?}")))]
    NotAModel {
        /// The `format` field, if it is a string.
        found: Option<String>,
    },
    /// A dateline LDA model of a version this build cannot read.
    #[error("dateline-lda model file version {}: this build reads version 1 only", found.as_ref().map_or_else(|| "missing".to_owned(), ToString::to_string))]
    UnsupportedVersion {
        /// The `version` field as written.
        found: Option<serde_json::Value>,
    },
    /// The file parses but its counts do not agree.
    #[error("damaged dateline-lda model file: {0}")]
    Invalid(String),
}

impl From<serde_json::Error> for ModelFileError {
    fn from(err: serde_json::Error) -> Self {
        if err.is_io() { Self::Io(err.into()) } else { Self::Json(err) }
    }
}

#[derive(Serialize, Deserialize)]
struct File<'a> {
    format: Cow<'a, str>,
    version: u64,
    topics: usize,
    alpha: Cow<'a, [f64]>,
    beta: f64,
    terms: Vec<Term<'a>>,
    documents: Vec<Document<'a>>,
    log_likelihood: Cow<'a, [LogLikelihood]>,
    training: Training,
}

#[derive(Serialize, Deserialize)]
struct Term<'a> {
    term: Cow<'a, str>,
    display: Cow<'a, str>,
    topics: Cow<'a, [(u32, u32)]>,
}

#[derive(Serialize, Deserialize)]
struct Document<'a> {
    path: Cow<'a, str>,
    date: Option<NaiveDate>,
    topics: Cow<'a, [(u32, u32)]>,
}

#[derive(Serialize, Deserialize)]
struct Training {
    iterations: u32,
    seed: u64,
    threads: usize,
}

impl LdaModel {
    /// Writes the model to `writer` in the [versioned JSON format](FORMAT) (buffered here).
    ///
    /// # Errors
    ///
    /// [`ModelFileError::Io`] when writing fails.
    pub fn save<W: Write>(&self, writer: W) -> Result<(), ModelFileError> {
        let (terms, display) = self.terms();
        let file = File {
            format: FORMAT.into(),
            version: VERSION,
            topics: self.topics(),
            alpha: self.alpha().into(),
            beta: self.beta(),
            terms: terms
                .iter()
                .zip(display)
                .zip(self.word_lists())
                .map(|((term, display), topics)| Term {
                    term: term.as_str().into(),
                    display: display.as_str().into(),
                    topics: topics.into(),
                })
                .collect(),
            documents: self
                .documents()
                .iter()
                .zip(self.doc_lists())
                .map(|(meta, topics)| Document {
                    path: meta.path.as_str().into(),
                    date: meta.date,
                    topics: topics.into(),
                })
                .collect(),
            log_likelihood: self.log_likelihood().into(),
            training: Training { iterations: self.iterations(), seed: self.seed(), threads: self.threads() },
        };
        let mut writer = BufWriter::new(writer);
        serde_json::to_writer(&mut writer, &file)?;
        writer.write_all(b"\n")?;
        writer.flush()?;
        Ok(())
    }

    /// Reads a model written by [`save`](Self::save) from `reader` (buffered here).
    ///
    /// # Errors
    ///
    /// [`ModelFileError::Io`] when reading fails, [`ModelFileError::Json`] when the text is not
    /// JSON of the model's shape, [`ModelFileError::NotAModel`] when its `format` is not
    /// `dateline-lda`, [`ModelFileError::UnsupportedVersion`] for another version, and
    /// [`ModelFileError::Invalid`] when its counts disagree.
    pub fn load<R: Read>(reader: R) -> Result<Self, ModelFileError> {
        let value: serde_json::Value = serde_json::from_reader(BufReader::new(reader))?;
        let format = value.get("format");
        if format.and_then(serde_json::Value::as_str) != Some(FORMAT) {
            return Err(ModelFileError::NotAModel { found: format.and_then(|f| f.as_str().map(str::to_owned)) });
        }
        let version = value.get("version");
        if version.and_then(serde_json::Value::as_u64) != Some(VERSION) {
            return Err(ModelFileError::UnsupportedVersion { found: version.cloned() });
        }
        let file: File<'static> = serde_json::from_value(value).map_err(ModelFileError::Json)?;
        if file.alpha.len() != file.topics {
            return Err(ModelFileError::Invalid(format!(
                "{} alpha values for {} topics",
                file.alpha.len(),
                file.topics
            )));
        }
        let (mut terms, mut display, mut word_topics) = (Vec::new(), Vec::new(), Vec::new());
        for term in file.terms {
            terms.push(term.term.into_owned());
            display.push(term.display.into_owned());
            word_topics.push(term.topics.into_owned());
        }
        let (mut documents, mut doc_topics) = (Vec::new(), Vec::new());
        for doc in file.documents {
            documents.push(DocMeta { path: doc.path.into_owned(), date: doc.date });
            doc_topics.push(doc.topics.into_owned());
        }
        let model = Self::from_parts(Parts {
            alpha: file.alpha.into_owned(),
            beta: file.beta,
            terms,
            display,
            word_topics,
            documents,
            doc_topics,
            log_likelihood: file.log_likelihood.into_owned(),
            iterations: file.training.iterations,
            seed: file.training.seed,
            threads: file.training.threads,
        });
        model.check_consistency().map_err(|err| ModelFileError::Invalid(err.0))?;
        Ok(model)
    }
}
