//! Integration tests of dateline-analyze.

mod collocations;
mod ngrams;
mod tfidf;
