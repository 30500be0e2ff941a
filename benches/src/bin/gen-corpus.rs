//! `gen-corpus`: writes a seeded, byte-reproducible tree of generated news articles.
//!
//! ```text
//! gen-corpus --out benches/corpus/tree --files 28000 --seed 1
//! gen-corpus --out small-corpus --bytes 20M
//! gen-corpus --out benches/corpus/realtext --paragraphs paragraphs.txt
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use dateline_benches::corpus::{Generator, Limits};

const USAGE: &str = "\
usage: gen-corpus --out DIR [--files N] [--bytes SIZE] [--seed S] [--paragraphs FILE]

Writes generated news articles under DIR (which must be empty or absent), in folders by
year and month. The same seed always gives the same bytes.

  --out DIR      where to write the tree
  --files N      stop after N files
  --bytes SIZE   stop once the files add up to SIZE bytes (suffixes K, M, G: powers of
                 1000; KiB, MiB, GiB: powers of 1024)
  --seed S       the seed, a whole number (default 1)
  --paragraphs FILE
                 fill the bodies with paragraphs of real text, one a line in FILE
                 (UTF-8; blank lines are skipped), drawn at random, instead of the
                 generator's phrase grammar (benches/realtext-corpus.sh makes one)

With neither --files nor --bytes, 28000 files (about 200 MB) are written; with both, the
first limit reached ends the run.";

#[derive(Debug)]
struct Options {
    out: PathBuf,
    limits: Limits,
    seed: u64,
    paragraphs: Option<PathBuf>,
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("gen-corpus: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen-corpus: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &Options) -> Result<(), String> {
    let out = &options.out;
    match std::fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(format!("{} is not empty; remove it or choose another --out", out.display()));
            }
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => return Err(format!("cannot read {}: {err}", out.display())),
    }
    let generator = match &options.paragraphs {
        Some(path) => Generator::with_paragraphs(options.seed, read_paragraphs(path)?),
        None => Generator::new(options.seed),
    };
    std::fs::create_dir_all(out).map_err(|err| format!("cannot create {}: {err}", out.display()))?;
    let started = Instant::now();
    let summary =
        generator.write_tree(out, options.limits).map_err(|err| format!("writing under {}: {err}", out.display()))?;
    #[allow(clippy::cast_precision_loss, reason = "a size shown to one decimal")]
    let megabytes = summary.bytes as f64 / 1e6;
    println!(
        "wrote {} files, {megabytes:.1} MB ({} bytes, {} with CRLF) to {} in {:.1} s (seed {})",
        summary.files,
        summary.bytes,
        summary.crlf_files,
        out.display(),
        started.elapsed().as_secs_f64(),
        options.seed
    );
    Ok(())
}

/// The non-blank lines of `path`, trimmed: the paragraphs to draw bodies from.
fn read_paragraphs(path: &Path) -> Result<Arc<[String]>, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))?;
    let paragraphs: Arc<[String]> =
        text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect();
    if paragraphs.is_empty() {
        return Err(format!("{} holds no paragraphs", path.display()));
    }
    Ok(paragraphs)
}

/// The options, or `None` when help was asked for.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut out = None;
    let mut files = None;
    let mut bytes = None;
    let mut seed = 1;
    let mut paragraphs = None;
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name.to_owned(), Some(value.to_owned())),
            _ => (arg, None),
        };
        if name == "-h" || name == "--help" {
            return Ok(None);
        }
        let mut value = || inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value"));
        match name.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--files" => files = Some(parse_count(&value()?).ok_or("--files takes a whole number")?),
            "--bytes" => bytes = Some(parse_size(&value()?).ok_or("--bytes takes a size such as 200M or 1GiB")?),
            "--seed" => seed = value()?.parse().map_err(|_| "--seed takes a whole number".to_owned())?,
            "--paragraphs" => paragraphs = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    let limits = match (files, bytes) {
        (None, None) => Limits::files(28_000),
        (files, bytes) => Limits { files: files.unwrap_or(u64::MAX), bytes: bytes.unwrap_or(u64::MAX) },
    };
    Ok(Some(Options { out, limits, seed, paragraphs }))
}

/// A count, allowing `_` as a digit separator: `28_000`.
fn parse_count(text: &str) -> Option<u64> {
    text.replace('_', "").parse().ok()
}

/// `200M`, `200MB`, `1GiB`, `5000`: decimal suffixes are powers of 1000, `iB` ones of 1024.
fn parse_size(text: &str) -> Option<u64> {
    let split = text.find(|c: char| !c.is_ascii_digit() && c != '_').unwrap_or(text.len());
    let (number, suffix) = text.split_at(split);
    let number = parse_count(number)?;
    let unit: u64 = match suffix.trim() {
        "" | "B" => 1,
        "K" | "k" | "KB" | "kB" => 1_000,
        "M" | "MB" => 1_000_000,
        "G" | "GB" => 1_000_000_000,
        "KiB" => 1 << 10,
        "MiB" => 1 << 20,
        "GiB" => 1 << 30,
        _ => return None,
    };
    number.checked_mul(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Result<Option<Options>, String> {
        parse_args(line.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn sizes_take_decimal_and_binary_suffixes() {
        assert_eq!(parse_size("200M"), Some(200_000_000));
        assert_eq!(parse_size("1GiB"), Some(1 << 30));
        assert_eq!(parse_size("5_000"), Some(5_000));
        assert_eq!(parse_size("12X"), None);
        assert_eq!(parse_size("M"), None);
    }

    #[test]
    fn limits_default_to_the_design_corpus() {
        let options = args("--out x").expect("valid").expect("options");
        assert_eq!(options.limits, Limits::files(28_000));
        let options = args("--out=x --bytes 1M --seed 9").expect("valid").expect("options");
        assert_eq!(options.limits, Limits::bytes(1_000_000));
        assert_eq!(options.seed, 9);
        assert_eq!(options.paragraphs, None);
        let options = args("--out x --paragraphs real.txt").expect("valid").expect("options");
        assert_eq!(options.paragraphs, Some(PathBuf::from("real.txt")));
    }

    #[test]
    fn mistakes_are_named() {
        assert_eq!(args("--files 3").err().as_deref(), Some("--out DIR is required"));
        assert_eq!(args("--out x --bogus").err().as_deref(), Some("unknown argument `--bogus`"));
        assert_eq!(args("--out").err().as_deref(), Some("--out needs a value"));
        assert!(args("--help").expect("valid").is_none());
    }
}
