//! Integration tests of dateline-analyze.

mod collocations;
mod ngrams;
mod tfidf;
mod topic_stats;
mod topics;
