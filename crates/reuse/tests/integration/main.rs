//! Integration tests of dateline-reuse: one binary, as the workspace does.

mod families;
mod laws;
mod seeds;
mod support;
mod template;
