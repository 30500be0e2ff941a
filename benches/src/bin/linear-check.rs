//! `linear-check`: reads each pathological input of `dateline_benches::malformed` at n and 8n
//! bytes, the way `dateline` reads a file (decoding and parsing), and prints how much longer
//! the larger took. Linear work gives about 8; a quadratic step 64. A ratio above 10 is
//! flagged and makes the exit status 1.
//!
//! time(n) is an eighth of the time to read eight distinct copies of the n-byte file one after
//! another, set against one read of the 8n-byte file, in alternating rounds: both sides touch
//! as much memory and run as long, so caches that hold n but not 8n, and a busy machine that
//! interrupts long runs more than short ones, do not pass for a quadratic step. For the same
//! reason it runs itself again with glibc's allocator told to keep the memory it frees
//! (`MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_`): otherwise each 8n read gets fresh
//! pages from the system and pays their page faults, while the n reads reuse warm ones, and a
//! file with a few large buffers reads as up to twice its true ratio. `--as-is` skips that.
//!
//! ```text
//! cargo run --release -p dateline-benches --bin linear-check
//! cargo run --release -p dateline-benches --bin linear-check -- --kib 256 date-lines long-title
//! ```

use std::hint::black_box;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use dateline_benches::malformed::{ALL, Pathological};
use dateline_parse::{ArticleParser, CorpusReader};

const USAGE: &str = "\
usage: linear-check [--kib N] [--as-is] [NAME...]

Times decoding and parsing each pathological input at N KiB and 8N KiB (default N = 1024)
and prints time(8n)/time(n), flagging ratios above 10. NAMEs pick inputs; all by default.
--as-is keeps the allocator's settings (see the source for why they are changed).";

/// glibc's allocator settings that keep freed memory in the process (see the module docs).
const KEEP_MEMORY: [(&str, &str); 2] =
    [("MALLOC_MMAP_THRESHOLD_", "4294967295"), ("MALLOC_TRIM_THRESHOLD_", "4294967295")];

/// The largest ratio of time(8n) to time(n) that passes: 8 is linear, with room for noise
/// and caches that hold n but not 8n.
const MAX_RATIO: f64 = 10.0;

/// Rounds of eight n-byte reads and one 8n-byte read, at least this many and for at least
/// [`MIN_TIME`]; each side's fastest round counts, as the least disturbed by the machine.
const MIN_ROUNDS: usize = 5;
const MIN_TIME: Duration = Duration::from_millis(1000);

fn main() -> ExitCode {
    let mut kib = 1024;
    let mut names = Vec::new();
    let mut as_is = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--as-is" => as_is = true,
            "--kib" => match args.next().and_then(|n| n.parse::<usize>().ok()).filter(|&n| n > 0) {
                Some(n) => kib = n,
                None => {
                    eprintln!("linear-check: --kib takes a whole number above 0\n\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            name => names.push(name.to_owned()),
        }
    }
    if let Some(unknown) = names.iter().find(|name| !ALL.iter().any(|p| p.name == name.as_str())) {
        let known: Vec<&str> = ALL.iter().map(|p| p.name).collect();
        eprintln!("linear-check: no input named `{unknown}`; there are: {}", known.join(", "));
        return ExitCode::from(2);
    }
    if !as_is && std::env::var_os(KEEP_MEMORY[0].0).is_none() {
        return run_keeping_memory();
    }
    let picked: Vec<&Pathological> =
        ALL.iter().filter(|p| names.is_empty() || names.iter().any(|n| n == p.name)).collect();

    let reader = CorpusReader::new(ArticleParser::new());
    let n = kib * 1024;
    println!("{:<24} {:>9} {:>10} {:>9} {:>10} {:>6}", "input", "n bytes", "time(n)", "8n bytes", "time(8n)", "ratio");
    let mut flagged = Vec::new();
    for pathological in picked {
        let small: Vec<Vec<u8>> = (0..8).map(|_| pathological.build(n)).collect();
        let large = pathological.build(8 * n);
        let (small_time, large_time) = fastest_rounds(&reader, &small, &large);
        let ratio = large_time.as_secs_f64() / small_time.as_secs_f64().max(1e-9);
        let small = &small[0];
        let flag = if ratio > MAX_RATIO { "  > 10: not linear" } else { "" };
        println!(
            "{:<24} {:>9} {:>8.2}ms {:>9} {:>8.2}ms {:>6.1}{flag}",
            pathological.name,
            small.len(),
            small_time.as_secs_f64() * 1e3,
            large.len(),
            large_time.as_secs_f64() * 1e3,
            ratio,
        );
        if ratio > MAX_RATIO {
            flagged.push(pathological.name);
        }
    }
    if flagged.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("linear-check: not linear: {}", flagged.join(", "));
        ExitCode::FAILURE
    }
}

/// Runs this program again, with the same arguments, with the allocator keeping freed memory.
fn run_keeping_memory() -> ExitCode {
    let status = std::env::current_exe()
        .and_then(|exe| Command::new(exe).args(std::env::args_os().skip(1)).envs(KEEP_MEMORY).status());
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(status) => ExitCode::from(u8::try_from(status.code().unwrap_or(1)).unwrap_or(1)),
        Err(err) => {
            eprintln!("linear-check: cannot run itself again: {err}");
            ExitCode::from(2)
        }
    }
}

/// The fastest time to read one of `small` (an eighth of reading them all) and to read
/// `large`, over alternating rounds.
fn fastest_rounds(reader: &CorpusReader, small: &[Vec<u8>], large: &[u8]) -> (Duration, Duration) {
    let read = |bytes: &[u8]| black_box(reader.parse_bytes(String::from("pathological.txt"), black_box(bytes)));
    let started = Instant::now();
    let (mut fastest_small, mut fastest_large) = (Duration::MAX, Duration::MAX);
    let mut rounds = 0;
    while rounds < MIN_ROUNDS || started.elapsed() < MIN_TIME {
        let run = Instant::now();
        for bytes in small {
            read(bytes);
        }
        fastest_small = fastest_small.min(run.elapsed() / 8);
        let run = Instant::now();
        read(large);
        fastest_large = fastest_large.min(run.elapsed());
        rounds += 1;
    }
    (fastest_small, fastest_large)
}
