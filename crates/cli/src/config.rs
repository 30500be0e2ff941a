//! A plain configuration, built from the command line before any work starts.

use anyhow::{Context, Result};
use dateline_parse::{ArticleParser, Input};

use crate::cli::{Cli, Command, InputArgs, ParseFormat, SummaryFormat};

/// What to do, decided once from the command line.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) command: CommandConfig,
    pub(crate) inputs: Vec<Input>,
    pub(crate) parser: ArticleParser,
    pub(crate) threads: Option<usize>,
    pub(crate) quiet: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum CommandConfig {
    Parse { format: ParseFormat },
    Check { format: SummaryFormat },
}

impl Config {
    pub(crate) fn from_cli(cli: Cli) -> Result<Self> {
        let (command, input) = match cli.command {
            Command::Parse { input, format } => (CommandConfig::Parse { format }, input),
            Command::Check { input, format } => (CommandConfig::Check { format }, input),
        };
        Self::with_input(command, input)
    }

    fn with_input(command: CommandConfig, input: InputArgs) -> Result<Self> {
        let mut parser = ArticleParser::new().reference_date(input.reference_date);
        if let Some(path) = &input.boilerplate {
            let lines = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the boilerplate file {}", path.display()))?;
            parser = parser.boilerplate(lines.lines());
        }
        Ok(Self {
            command,
            inputs: input.paths.into_iter().map(|arg| Input::from_arg(&arg)).collect(),
            parser,
            threads: input.threads.map(usize::from),
            quiet: input.quiet,
        })
    }
}
