//! The command line as clap sees it: the commands, each with its summary, and the global
//! help. Each command's arguments live in its module under [`crate::args`]; nothing here does
//! work: [`crate::config`] turns it into a plain configuration first.

use clap::{Parser, Subcommand};

use crate::args;
use crate::args::actors::ActorsArgs;
use crate::args::check::CheckArgs;
use crate::args::collocations::CollocationsArgs;
use crate::args::keyness::KeynessArgs;
use crate::args::kwic::KwicArgs;
use crate::args::network::NetworkArgs;
use crate::args::ngrams::NgramsArgs;
use crate::args::parse::ParseArgs;
use crate::args::quotes::QuotesArgs;
use crate::args::report::ReportArgs;
use crate::args::reuse::ReuseArgs;
use crate::args::stats::StatsArgs;
use crate::args::terms::TermsArgs;
use crate::args::tfidf::TfidfArgs;
use crate::args::topics::TopicsArgs;
use crate::args::trends::TrendsArgs;

const ABOUT: &str = "Parse and analyse corpora of scraped news articles.";

const LONG_ABOUT: &str = "\
Parse and analyse corpora of scraped news articles.

dateline reads plain-text articles in loose formats (a title, a date line, a dateline such as
`TEHRAN –`, sections, paragraphs, site furniture) into a typed model, and reports on them.
Folders are read recursively in sorted order; `-` reads standard input. Only regular files are
read: a FIFO, socket or device is skipped with a warning, never waited on.

Exit status: 0 when all is well, 1 when there were only warnings, 2 when any file failed or on
a usage error, 130 when stopped by Ctrl-C (143 by SIGTERM, 129 by SIGHUP).";

const EXAMPLES: &str = "\
Examples:
  dateline stats seeds                       the corpus at a glance, with its top terms
  dateline terms --top 50 --by month corpus/ the most frequent terms of each month
  dateline tfidf seeds                       each article's most distinctive terms
  dateline collocations seeds                word pairs that belong together
  dateline keyness --target 2024-07-01.. corpus/   what the second half of 2024 says more
  dateline kwic --query Lavrov seeds         every Lavrov in context
  dateline trends --terms Gaza,Lavrov --by quarter seeds
  dateline reuse --clusters corpus/          stories republished, each with its first source
  dateline parse seeds                       what each article is made of
  dateline parse --format jsonl seeds > articles.jsonl
  dateline terms --format csv -o terms.csv corpus/   written whole, or not at all
  dateline check corpus/                     report problems, with file:line:column";

/// The `dateline` command line.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
#[command(arg_required_else_help = true, propagate_version = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant, reason = "made once per run, from the command line")]
pub(crate) enum Command {
    /// The corpus at a glance: articles, dates, tokens, types, sentences, top terms.
    ///
    /// Statistics count the title, the section headings and the paragraphs; never the date
    /// line, the dateline or furniture.
    #[command(after_help = args::stats::EXAMPLES)]
    Stats(StatsArgs),
    /// Term frequencies: count, documents, rate per 10,000 tokens, rank.
    ///
    /// Terms are case-folded words and numbers, with possessive 's taken off; each is shown
    /// as it is most often written. Tied counts share the lowest rank.
    #[command(after_help = args::terms::EXAMPLES)]
    Terms(TermsArgs),
    /// Terms over- or under-used in a part of the corpus against the rest, or against
    /// another part: signed G², chi-square, log ratio, p-values and both counts, as
    /// quanteda's textstat_keyness computes them.
    ///
    /// A SPEC is a date range `2024-01-01..2024-06-30` (either end may be left open), a path
    /// glob `*/reuters/*` (matched against the whole path), or a folder name. Several
    /// --target (or --reference) options widen the selection; date ranges narrow it.
    #[command(after_help = args::keyness::EXAMPLES)]
    Keyness(KeynessArgs),
    /// Keyword in context: every occurrence of a word, phrase or glob with the words around it.
    ///
    /// Matching is on case-folded tokens (`iran` finds `Iran’s`); a phrase matches
    /// consecutive words within a sentence; `*` and `?` make a glob (`negotiat*`). Each hit
    /// gives the byte offsets of the match in the decoded file. All hits are shown unless
    /// --top is given.
    #[command(after_help = args::kwic::EXAMPLES)]
    Kwic(KwicArgs),
    /// Counts of terms per period, raw and per 10,000 tokens, optionally drawn as a chart.
    ///
    /// Periods between the first and last date with no articles are listed with zero
    /// counts; undated articles are a period of their own (left out of the chart). All rows
    /// are shown unless --top is given.
    #[command(after_help = args::trends::EXAMPLES)]
    Trends(TrendsArgs),
    /// Frequent word sequences (n-grams) within sentences.
    ///
    /// N-grams are formed over all words, stopwords included ("minister of foreign affairs"),
    /// never across a sentence, title, heading or paragraph boundary; by default those that
    /// start or end with a stopword are left out. Tied counts share the lowest rank.
    #[command(after_help = args::ngrams::EXAMPLES)]
    Ngrams(NgramsArgs),
    /// Word pairs that occur together more than chance: bigram association measures.
    ///
    /// Scores use the formulas of NLTK's BigramAssocMeasures, from the pair count, both
    /// words' counts and the total token count:
    ///   likelihood-ratio (default), pmi, student-t, chi-sq, dice;
    /// and quanteda's lambda (log odds ratio, 0.5 added to each cell) and its z. Pairs never
    /// cross a sentence boundary. Every measure is in the JSON and CSV output.
    #[command(after_help = args::collocations::EXAMPLES, verbatim_doc_comment)]
    Collocations(CollocationsArgs),
    /// Topic models: LDA by collapsed Gibbs sampling, with topics over time.
    ///
    /// Prints each topic's top words with weights, a label (its strongest collocation among
    /// the top words) and coherence (UMass as gensim computes it, and NPMI over a 10-word
    /// sliding window); each topic's share of the corpus per period (token-weighted); its
    /// most representative articles; and the log-likelihood. JSON also has every article's
    /// topic mixture. Results are reproducible for a given --seed and --threads.
    ///
    /// Stopwords are removed (see --stopwords), and terms in fewer than --min-df articles or
    /// more than --max-df of them are left out.
    #[command(after_help = args::topics::EXAMPLES, subcommand_negates_reqs = true, args_conflicts_with_subcommands = true)]
    Topics(TopicsArgs),
    /// Each article's most distinctive terms by TF-IDF.
    ///
    /// Presets reproduce other tools' numbers exactly:
    ///   news      (default) our terms, n × (ln((1+N)/(1+df)) + 1), rows L2-normalised
    ///   sklearn   scikit-learn's TfidfVectorizer defaults, with its own tokens (no stopwords)
    ///   gensim    n × log2(N/df), L2-normalised
    ///   quanteda  n × log10(N/df)
    ///   tidytext  (n / article length) × ln(N/df)
    /// where n is the term's count in the article, N the number of articles and df the
    /// number containing the term. --top is the number of terms per article.
    #[command(after_help = args::tfidf::EXAMPLES, verbatim_doc_comment)]
    Tfidf(TfidfArgs),
    /// People, organisations and places each article names, with aliases, roles and spans.
    ///
    /// Names come from capitalisation, titles and roles are taken off them, and their type
    /// from shipped gazetteers (GeoNames, countryinfo) and the context; no model is used.
    #[command(after_help = args::actors::EXAMPLES)]
    Actors(ActorsArgs),
    /// Direct quotations of four or more words, with their speakers.
    #[command(after_help = args::quotes::EXAMPLES)]
    Quotes(QuotesArgs),
    /// Actor co-occurrence networks, and speaker → named-actor edges from quotations.
    #[command(after_help = args::network::EXAMPLES)]
    Network(NetworkArgs),
    /// Text reuse: pairs of articles sharing text, with the reused passages, and story
    /// families.
    ///
    /// Articles are compared over the word 5-grams of their counted text (title, headings,
    /// paragraphs). Candidates come from MinHash bands and winnowed fingerprints; every pair
    /// reported is scored exactly: `jaccard` (shared 5-grams over all of both) and
    /// `containment` (shared over the smaller article's), and reported when either reaches its
    /// threshold. `a` is the article dated first. Passages are aligned byte spans in each file.
    #[command(after_help = args::reuse::EXAMPLES)]
    Reuse(ReuseArgs),
    /// One self-contained HTML file to open and explore offline: the overview, articles per
    /// period, top terms and their trends, keyness per period, phrases, topics (with -k),
    /// actors, quotations and their network, story families, and terms in context.
    #[command(after_help = args::report::EXAMPLES)]
    Report(ReportArgs),
    /// Parse articles and print what each is made of.
    ///
    /// One record per input file, in input order: title, date and time, dateline, sections
    /// with their paragraphs, furniture, diagnostics. Diagnostics also go to stderr.
    #[command(after_help = args::parse::EXAMPLES)]
    Parse(ParseArgs),
    /// Check articles and report problems as `path:line:column: severity: message`.
    ///
    /// Prints every diagnostic on stderr and a one-line summary on stdout: files, articles,
    /// warnings, errors.
    #[command(after_help = args::check::EXAMPLES)]
    Check(CheckArgs),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
