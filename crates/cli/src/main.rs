//! The `dateline` command: parse and analyse corpora of scraped news articles.
//!
//! `main` only turns the outcome into an exit code: 0 when all is well, 1 when there were
//! only warnings, 2 when a file failed or on a usage error. A closed pipe (`| head`) ends
//! quietly with 0; a failed write (a full disk) is an error. Ctrl-C exits with 130 (SIGTERM
//! with 143, SIGHUP with 129), leaving no half-written file behind.

mod actors_args;
mod atomic;
mod cli;
mod cmd;
mod config;
mod output;
mod report;
mod report_args;
mod reuse_args;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    atomic::exit_on_interrupt();
    let cli = cli::Cli::parse();
    match config::Config::from_cli(cli).and_then(|config| cmd::run(&config)) {
        Ok(status) => status.exit_code(),
        Err(err) if report::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dateline: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
