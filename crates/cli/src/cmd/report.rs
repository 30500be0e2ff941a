//! `dateline report`: one self-contained HTML file. This module runs the analyses over the
//! articles and fills `dateline-report`'s plain structs; that crate draws them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use dateline_actors::{Actor, AliasTable, CorpusActors, EdgeKind, Level, Network, Quote};
use dateline_analyze::kwic::Query;
use dateline_analyze::topics::{Lda, ReportOptions, TopicsReport};
use dateline_analyze::{
    CollocationOptions, DocMeta, KeynessOptions, NgramOptions, Period, PeriodKey, Selection, TermOptions,
    collocation_table, count_parallel, keyness, kwic_article, ngram_table, summarize, term_table, trends,
};
use dateline_model::{Article, Document, Severity};
use dateline_report::{
    ActorsData, DocRef, FamilyRow, KwicTerm, Overview, PeriodKeyness, Reason, ReportData, SpeakerQuotes, Tally, budget,
};
use dateline_reuse::{ReuseFinder, ReuseOptions, ReuseReader};
use rayon::prelude::*;

use crate::args::report::ReportArgs;
use crate::cmd::Documents;
use crate::config::DateRange;
use crate::report::Reporter;

/// What `dateline report` does, decided before any work.
#[derive(Debug)]
pub(crate) struct ReportConfig {
    dates: DateRange,
    terms: TermOptions,
    by: Period,
    /// The topic model, when `-k` is given, and its sweeps.
    topics: Option<(Lda, u32)>,
    title: String,
    /// The options as the overview lists them.
    settings: Vec<(String, String)>,
}

impl ReportConfig {
    pub(crate) fn from_args(args: &ReportArgs) -> Result<Self> {
        let output = args.input.output.as_ref().filter(|path| path.as_os_str() != "-");
        if output.is_none() {
            anyhow::bail!("dateline report writes one HTML file: name it with -o, such as -o report.html");
        }
        let dates = DateRange::new(args.dates)?;
        let terms = TermOptions::new().stopwords(crate::config::stopwords(args.stopwords.as_deref())?);
        let topics = match args.topics {
            None => None,
            Some(k) => {
                // One shard per core, as `dateline topics` trains by default.
                let shards = args.input.threads.map_or_else(
                    || std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
                    usize::from,
                );
                let lda = Lda::builder()
                    .topics(k)
                    .iterations(args.iterations)
                    .seed(args.seed)
                    .threads(shards)
                    .min_df(dateline_analyze::DfBound::Count(2))
                    .max_df(dateline_analyze::DfBound::Fraction(0.5))
                    .build()?;
                Some((lda, args.iterations))
            }
        };
        let mut settings = vec![("period".to_owned(), args.by.to_string())];
        if let Some(since) = args.dates.since {
            settings.push(("since".to_owned(), since.to_string()));
        }
        if let Some(until) = args.dates.until {
            settings.push(("until".to_owned(), until.to_string()));
        }
        let stopwords = match &args.stopwords {
            None => "built-in English list".to_owned(),
            Some(path) if path.as_os_str() == "none" => "none".to_owned(),
            Some(path) => file_name(path),
        };
        settings.push(("stopwords".to_owned(), stopwords));
        settings.push(("--dedup".to_owned(), if args.dedup.dedup { "on" } else { "off" }.to_owned()));
        if let Some(k) = args.topics {
            settings.push(("topics".to_owned(), format!("{k}, {} sweeps, seed {}", args.iterations, args.seed)));
        }
        Ok(Self { dates, terms, by: args.by, topics, title: args.title.clone(), settings })
    }
}

/// A path's last component, for the overview (never the full path of the machine).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}

/// Reads the documents, runs every analysis the report draws, and writes the page to `out`.
/// `deduplicated`: how many later copies `--dedup` left out.
pub(crate) fn write(
    documents: Documents<'_>,
    config: &ReportConfig,
    deduplicated: Option<usize>,
    out: &mut dyn Write,
    reporter: &mut Reporter,
) -> Result<()> {
    let mut read = Read::default();
    let articles: Vec<(DocMeta, Article)> = documents
        .filter_map(|doc| {
            reporter.document(&doc);
            read.document(&doc);
            let article = doc.article?;
            let date = article.published.as_ref().map(|p| p.date);
            if !config.dates.contains(date) {
                read.left_out += 1;
                return None;
            }
            read.article(&doc.path, &article);
            Some((DocMeta { path: doc.path, date }, article))
        })
        .collect();
    if read.left_out > 0 {
        reporter.note(&format!("{} articles outside --since/--until (or undated) were left out", read.left_out));
    }
    let data = analyse(config, read, articles, deduplicated)?;
    out.write_all(dateline_report::render(&data).as_bytes())?;
    Ok(())
}

fn analyse(
    config: &ReportConfig,
    read: Read,
    articles: Vec<(DocMeta, Article)>,
    deduplicated: Option<usize>,
) -> Result<ReportData> {
    let counts = count_parallel(&config.terms, articles.iter().cloned());
    let mut overview = Overview::new(read.files, summarize(&counts));
    overview.left_out = read.left_out;
    overview.deduplicated = deduplicated;
    overview.sources = tallies(read.sources);
    overview.places = tallies(read.places);
    overview.agencies = tallies(read.agencies);
    overview.warned_files = read.warned;
    overview.failed_files = read.failed;
    overview.reasons = reasons(read.reasons);

    let terms = term_table(&counts, Some(budget::TERMS));
    let names: Vec<&str> = terms.terms.iter().map(|t| t.term.as_str()).collect();
    let trends = trends(&counts, &names, config.by);

    // Each of the latest periods holding articles against all the others.
    let with_articles: Vec<PeriodKey> =
        trends.periods.iter().filter(|p| p.documents > 0 && p.period != PeriodKey::Undated).map(|p| p.period).collect();
    let mut keyness_rows = Vec::new();
    if with_articles.len() >= 2 {
        for period in with_articles.iter().rev().take(budget::KEYNESS_PERIODS) {
            let (Some(first), Some(last)) = (period.first_day(), period.last_day()) else { continue };
            let target = Selection::builder().since(first).until(last).build()?;
            let mut result = keyness(&counts, &target, &KeynessOptions::new())?;
            result.rows.retain(|r| r.g2 > 0.0);
            result.rows.truncate(budget::KEYNESS_TERMS);
            keyness_rows.push(PeriodKeyness { period: *period, keyness: result });
        }
    }

    let ngram_options = NgramOptions::builder().terms(config.terms.clone()).top(Some(budget::NGRAMS)).build()?;
    let ngrams = ngram_table(&ngram_options, articles.iter().cloned());
    let collocation_options = CollocationOptions::new().terms(config.terms.clone()).top(Some(budget::COLLOCATIONS));
    let collocations = collocation_table(&collocation_options, articles.iter().cloned());

    let topics = match &config.topics {
        Some((lda, _)) if !counts.docs.is_empty() => {
            let model = lda.fit(&counts)?;
            let options =
                ReportOptions::new().words(budget::TOPIC_WORDS).by(config.by).representatives(budget::REPRESENTATIVE);
            let mut report = TopicsReport::describe(&model, &counts, articles.iter().cloned(), &options)?;
            // Every article's mixture is not drawn: the budget has no room for it.
            report.documents.clear();
            Some(report)
        }
        _ => None,
    };

    let actors = actors(&articles, config.by);
    let families = families(&articles)?;
    let kwic = kwic_sample(&articles, &terms.terms.iter().map(|t| t.term.clone()).collect::<Vec<_>>())?;
    drop(articles);
    Ok(ReportData {
        title: config.title.clone(),
        settings: config.settings.clone(),
        overview,
        by: config.by,
        terms,
        trends,
        keyness: keyness_rows,
        ngrams,
        collocations,
        topics,
        actors,
        families,
        kwic,
    })
}

/// What the reading pass tallies for the overview.
#[derive(Default)]
struct Read {
    files: usize,
    left_out: usize,
    warned: usize,
    failed: usize,
    /// Per kind of diagnostic, the files having it.
    reasons: BTreeMap<(Severity, String), usize>,
    sources: BTreeMap<String, usize>,
    places: BTreeMap<String, usize>,
    agencies: BTreeMap<String, usize>,
}

impl Read {
    fn document(&mut self, doc: &Document) {
        self.files += 1;
        let mut kinds = BTreeSet::new();
        for d in &doc.diagnostics {
            kinds.insert((d.severity, numbers_as_hash(&d.message)));
        }
        if kinds.iter().any(|(severity, _)| *severity == Severity::Error) {
            self.failed += 1;
        } else if !kinds.is_empty() {
            self.warned += 1;
        }
        for kind in kinds {
            *self.reasons.entry(kind).or_default() += 1;
        }
    }

    fn article(&mut self, path: &str, article: &Article) {
        let folder = Path::new(path)
            .parent()
            .and_then(Path::file_name)
            .map_or_else(|| "(none)".to_owned(), |name| name.to_string_lossy().into_owned());
        *self.sources.entry(folder).or_default() += 1;
        if let Some(dateline) = &article.dateline {
            if let Some(place) = &dateline.place {
                *self.places.entry(place.clone()).or_default() += 1;
            }
            if let Some(agency) = &dateline.agency {
                *self.agencies.entry(agency.clone()).or_default() += 1;
            }
        }
    }
}

/// A message with each run of digits written as `#`, so that messages differing only in a
/// byte offset or a date are one kind; digits that are part of a name (`UTF-8`, `UTF-16`)
/// stay.
fn numbers_as_hash(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let (mut before, mut last) = (' ', ' ');
    // Inside a run of digits written as `#`, or kept as written because a name holds them
    // (`UTF-16`, `x86`).
    let (mut in_number, mut in_name) = (false, false);
    for c in message.chars() {
        if c.is_ascii_digit() {
            if in_name || last.is_alphabetic() || (last == '-' && before.is_alphabetic()) {
                out.push(c);
                in_name = true;
            } else if !in_number {
                out.push('#');
                in_number = true;
            }
        } else {
            out.push(c);
            (in_number, in_name) = (false, false);
        }
        (before, last) = (last, c);
    }
    out
}

/// Counts, most first, ties by name.
fn tallies(counts: BTreeMap<String, usize>) -> Vec<Tally> {
    let mut rows: Vec<Tally> = counts.into_iter().map(|(name, count)| Tally { name, count }).collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    rows
}

fn reasons(counts: BTreeMap<(Severity, String), usize>) -> Vec<Reason> {
    let mut rows: Vec<Reason> =
        counts.into_iter().map(|((severity, message), files)| Reason { severity, message, files }).collect();
    rows.sort_by(|a, b| {
        b.files.cmp(&a.files).then(b.severity.cmp(&a.severity)).then_with(|| a.message.cmp(&b.message))
    });
    rows
}

/// Actors over the corpus and per period, quotations per speaker, and the paragraph-level
/// co-occurrence network.
fn actors(articles: &[(DocMeta, Article)], by: Period) -> ActorsData {
    let found: Vec<(Vec<Actor>, Vec<Quote>)> = articles
        .par_iter()
        .map(|(_, article)| {
            let actors = dateline_actors::extract(article);
            let quotes = dateline_actors::quotes(article, &actors);
            (actors, quotes)
        })
        .collect();
    let aliases = AliasTable::new();
    let mut totals = CorpusActors::new();
    let mut by_period = CorpusActors::new();
    let mut network = Network::new();
    let mut speakers: HashMap<Option<String>, (usize, BTreeSet<usize>, Vec<String>)> = HashMap::new();
    for (index, ((meta, article), (actors, quotes))) in articles.iter().zip(&found).enumerate() {
        let date = meta.date.map(|d| d.to_string());
        totals.add(date.as_deref(), None, actors, &aliases);
        by_period.add(date.as_deref(), Some(&by.key(meta.date).to_string()), actors, &aliases);
        network.add(article, actors, quotes, Level::Paragraph, None, &aliases);
        for quote in quotes {
            let speaker = quote.speaker.as_ref().map(|name| {
                actors.iter().find(|a| &a.name == name).map_or_else(|| name.clone(), |a| aliases.canonical(a))
            });
            let entry = speakers.entry(speaker).or_default();
            entry.0 += 1;
            entry.1.insert(index);
            if entry.2.len() < budget::QUOTES_PER_SPEAKER {
                entry.2.push(quote.text.clone());
            }
        }
    }
    let mut speakers: Vec<SpeakerQuotes> = speakers
        .into_iter()
        .map(|(speaker, (quotes, articles, sample))| SpeakerQuotes {
            speaker,
            quotes,
            articles: articles.len(),
            sample,
        })
        .collect();
    speakers.sort_by(|a, b| {
        b.quotes.cmp(&a.quotes).then(b.articles.cmp(&a.articles)).then_with(|| a.speaker.cmp(&b.speaker))
    });
    speakers.truncate(budget::SPEAKERS);
    let mut totals = totals.finish(&aliases);
    totals.truncate(budget::ACTORS);
    let followed: BTreeSet<&str> = totals.iter().take(budget::ACTOR_LINES).map(|r| r.name.as_str()).collect();
    let by_period: Vec<_> =
        by_period.finish(&aliases).into_iter().filter(|r| followed.contains(r.name.as_str())).collect();
    let mut edges: Vec<_> =
        network.edges(false, 1.0, &[]).into_iter().filter(|e| e.kind == EdgeKind::Cooccurrence).collect();
    // The network view keeps its own top nodes; a bound here keeps memory small.
    edges.truncate(budget::NETWORK_EDGES * 20);
    ActorsData { totals, by_period, speakers, edges }
}

/// Story families as `dateline reuse --clusters` finds them, largest first.
fn families(articles: &[(DocMeta, Article)]) -> Result<Vec<FamilyRow>> {
    let finder = ReuseFinder::new(ReuseOptions::new())?;
    let read =
        |(meta, article): &(DocMeta, Article)| ReuseReader::new().read_dated(meta.path.clone(), meta.date, article);
    let sketches: Vec<_> = articles.par_iter().map(|doc| finder.sketch(&read(doc))).collect();
    let report =
        finder.find_with(&sketches, |i| Ok::<_, std::convert::Infallible>(std::borrow::Cow::Owned(read(&articles[i]))));
    let Ok(report) = report;
    let mut families: Vec<FamilyRow> = report
        .families
        .iter()
        .map(|family| FamilyRow {
            members: family
                .members
                .iter()
                .map(|&i| DocRef { path: articles[i].0.path.clone(), date: articles[i].0.date })
                .collect(),
        })
        .collect();
    families.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| (a.members[0].date, &a.members[0].path).cmp(&(b.members[0].date, &b.members[0].path)))
    });
    families.truncate(budget::FAMILIES);
    Ok(families)
}

/// KWIC lines of the top terms from articles spread over the corpus: the articles are visited
/// a stride apart, then again from the next offset, so the first thousand already span it;
/// each term keeps one line per article, up to its budget, and the visit stops when every
/// term is full or after [`budget::KWIC_ARTICLES`] articles.
fn kwic_sample(articles: &[(DocMeta, Article)], terms: &[String]) -> Result<Vec<KwicTerm>> {
    let mut keys: Vec<String> = Vec::new();
    let mut buf = String::new();
    for term in terms.iter().take(budget::KWIC_TERMS) {
        dateline_text::fold(term, &mut buf);
        // A term holding a glob's or an alternation's syntax cannot join the query; it is rare.
        if !buf.is_empty() && !buf.contains(['*', '?', '[', ']', '{', '}', ',', '!', '\\']) && !keys.contains(&buf) {
            keys.push(buf.clone());
        }
    }
    if keys.is_empty() || articles.is_empty() {
        return Ok(Vec::new());
    }
    let query = Query::new(&format!("{{{}}}", keys.join(","))).context("cannot search the top terms")?;
    let mut lines: HashMap<&str, Vec<dateline_analyze::KwicHit>> =
        keys.iter().map(|k| (k.as_str(), Vec::new())).collect();
    let mut full = 0;
    let stride = (articles.len() / 1000).max(1);
    let order = (0..stride).flat_map(|offset| (offset..articles.len()).step_by(stride));
    for index in order.take(budget::KWIC_ARTICLES) {
        let (meta, article) = &articles[index];
        let mut seen = BTreeSet::new();
        for hit in kwic_article(&query, 8, meta, article) {
            dateline_text::fold(&hit.keyword, &mut buf);
            let Some(found) = lines.get_mut(buf.as_str()) else { continue };
            if found.len() < budget::KWIC_LINES && seen.insert(buf.clone()) {
                found.push(hit);
                if found.len() == budget::KWIC_LINES {
                    full += 1;
                }
            }
        }
        if full == keys.len() {
            break;
        }
    }
    Ok(keys
        .iter()
        .map(|key| KwicTerm { term: key.clone(), hits: lines.remove(key.as_str()).unwrap_or_default() })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_one_kind_of_message() {
        assert_eq!(numbers_as_hash("invalid UTF-8 at byte 1234"), "invalid UTF-8 at byte #");
        assert_eq!(numbers_as_hash("UTF-16 with a BOM, 12 bytes"), "UTF-16 with a BOM, # bytes");
        assert_eq!(numbers_as_hash("2024-02-30 is not a date"), "#-#-# is not a date");
        assert_eq!(numbers_as_hash("no digits"), "no digits");
        assert_eq!(numbers_as_hash("x86 and 64 bits, UTF-8"), "x86 and # bits, UTF-8");
    }
}
