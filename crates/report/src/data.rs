//! What the report draws: the analyses' own result types, and a few small aggregates of
//! their own for what no analysis computes (the overview's tallies, story families with
//! their members' paths and dates, KWIC lines grouped by term).

use chrono::NaiveDate;
use dateline_actors::{ActorRow, Edge};
use dateline_analyze::topics::TopicsReport;
use dateline_analyze::{
    CollocationReport, Keyness, KwicHit, NgramReport, Period, PeriodKey, Summary, TermGroup, Trends,
};
use dateline_model::Severity;

/// Everything one report shows. The CLI fills it from the analyses; [`crate::render`] draws
/// it, keeping to the [budget](crate::budget) whatever the lengths given.
#[derive(Debug, Clone)]
pub struct ReportData {
    /// The page's title.
    pub title: String,
    /// The options the report was made with, as `(name, value)`, shown in the overview.
    pub settings: Vec<(String, String)>,
    /// Counts over the files read.
    pub overview: Overview,
    /// The period of every time series.
    pub by: Period,
    /// The most frequent terms.
    pub terms: TermGroup,
    /// The rates of the top terms per period (the term picker's lines); its periods, from
    /// the first dated to the last with none missing, are the time axis of every chart.
    pub trends: Trends,
    /// Each period's keyness against the rest of the corpus, most recent period first.
    pub keyness: Vec<PeriodKeyness>,
    /// Frequent n-grams.
    pub ngrams: NgramReport,
    /// Collocations.
    pub collocations: CollocationReport,
    /// The topic model, when one was asked for.
    pub topics: Option<TopicsReport>,
    /// Actors, quotations and their network.
    pub actors: ActorsData,
    /// Story families, largest first.
    pub families: Vec<FamilyRow>,
    /// KWIC lines of the top terms, for the search box.
    pub kwic: Vec<KwicTerm>,
}

/// The overview's tallies.
#[derive(Debug, Clone)]
pub struct Overview {
    /// Files read (every file, with or without an article).
    pub files: usize,
    /// The corpus summary of the articles counted.
    pub summary: Summary,
    /// Articles left out by `--since`/`--until` (or undated with either).
    pub left_out: usize,
    /// Articles left out as later copies of a story family (`--dedup`).
    pub deduplicated: Option<usize>,
    /// Articles per site (the folder holding the file), most first.
    pub sources: Vec<Tally>,
    /// Datelines' places, most first.
    pub places: Vec<Tally>,
    /// Datelines' agencies, most first.
    pub agencies: Vec<Tally>,
    /// Files with warnings (and no error).
    pub warned_files: usize,
    /// Files with an error.
    pub failed_files: usize,
    /// Why files warned or failed, most files first.
    pub reasons: Vec<Reason>,
}

/// A name and how many times it was counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// What was counted.
    pub name: String,
    /// How many.
    pub count: usize,
}

/// One kind of diagnostic and how many files had it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// Its severity.
    pub severity: Severity,
    /// Its message, numbers replaced by `#` so that one kind is one row.
    pub message: String,
    /// Files with it.
    pub files: usize,
}

/// The keyness of one period against all the others.
#[derive(Debug, Clone)]
pub struct PeriodKeyness {
    /// The period.
    pub period: PeriodKey,
    /// Its terms, most over-used first.
    pub keyness: Keyness,
}

/// What the actor commands found.
#[derive(Debug, Clone, Default)]
pub struct ActorsData {
    /// Actors over the whole corpus, most articles first.
    pub totals: Vec<ActorRow>,
    /// Actors per period (rows carry their period).
    pub by_period: Vec<ActorRow>,
    /// Quotations per speaker, most first.
    pub speakers: Vec<SpeakerQuotes>,
    /// Co-occurrence edges, heaviest first.
    pub edges: Vec<Edge>,
}

/// One speaker's quotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerQuotes {
    /// The speaker, or `None` for quotations the text does not attribute.
    pub speaker: Option<String>,
    /// How many quotations.
    pub quotes: usize,
    /// In how many articles.
    pub articles: usize,
    /// A few of them, in corpus order.
    pub sample: Vec<String>,
}

/// One story family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyRow {
    /// Its members, first source first, then by date and path.
    pub members: Vec<DocRef>,
}

/// A document by path and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRef {
    /// Its path as given.
    pub path: String,
    /// Its publication date.
    pub date: Option<NaiveDate>,
}

/// A term's KWIC lines.
#[derive(Debug, Clone)]
pub struct KwicTerm {
    /// The term, folded as the search box matches it.
    pub term: String,
    /// Its lines.
    pub hits: Vec<KwicHit>,
}
