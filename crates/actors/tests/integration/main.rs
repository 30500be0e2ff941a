//! dateline-actors' integration tests: the seeds' gold, scored by the shared scorer.

mod golden;
mod laws;
