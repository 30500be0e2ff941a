//! Integration tests of dateline-analyze.

mod tfidf;
