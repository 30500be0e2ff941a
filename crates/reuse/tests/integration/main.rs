//! Integration tests of dateline-reuse.
