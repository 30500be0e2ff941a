//! The offline HTML report of a news corpus: one self-contained file that opens anywhere,
//! with no network, no server and no outside URL.
//!
//! The report only draws what the analyses computed: [`ReportData`] holds their results
//! (`dateline-analyze`'s summary, term table, trends, keyness, n-grams, collocations and
//! topics; `dateline-actors`' actors, quotations and network; `dateline-reuse`'s story
//! families) and [`render`] turns it into one HTML `String`. `dateline report` fills it.
//!
//! # Views
//!
//! Each view is a `<section>` whose caption says what it shows and how it was computed:
//! the overview (files, articles, dates, tokens, sites, datelines' places and agencies,
//! diagnostics), articles per period, the top terms and their trends, each period's keyness,
//! n-grams and collocations, topics (when the data has a model), actors with their network
//! and quotations, story families, and a search box showing terms in context.
//!
//! # Size budget
//!
//! Every view draws a bounded aggregate, never the corpus, so a million articles make a
//! report of about the same size as a thousand: each list is cut to a limit in [`budget`]
//! (whatever [`ReportData`] holds), and each string from the corpus to
//! [`budget::TEXT_CHARS`] characters (KWIC contexts to [`budget::KWIC_CHARS`], quotations
//! to [`budget::QUOTE_CHARS`]). The heaviest parts are the KWIC sample ([`budget::KWIC_TERMS`]
//! terms × [`budget::KWIC_LINES`] lines: about 0.4 MB of JSON at most), the trends
//! ([`budget::TERMS`] terms × [`budget::PERIODS`] periods: about 0.15 MB), the time series
//! charts (0.1 to 0.17 MB of SVG each at [`budget::PERIODS`] periods) and uPlot (52 KB). Every
//! view filled to its limit with long strings makes 1.2 MB (the integration test
//! `a_full_report_keeps_to_its_budget` holds it under 2 MB), within the 10 MB the report may
//! take for a million articles. As measured: `dateline report` makes 0.23 MB of the 3,824
//! real news articles of `benches/news-corpus.sh` (with `-k 10`) and 0.51 MB of 100,000
//! generated articles (`--by week`; the CLI's ignored test `report_of_100000_...` checks it).
//!
//! The same data renders to the same bytes: rows keep the analyses' order, maps are ordered,
//! numbers have fixed precision, and nothing records the time or the machine.
//!
//! # Safety of scraped text
//!
//! Every string from the corpus is escaped for where it lands ([`escape`]: HTML text,
//! attribute, JSON inside a `<script type="application/json">` block, where `<`, `>`, `&`,
//! U+2028 and U+2029 are written as `\u` escapes so that `</script>` and `<!--` cannot occur).
//! The page's script reads that block with `JSON.parse` and writes corpus text only through
//! `textContent`. A Content-Security-Policy meta tag allows only the report's own inline
//! scripts and styles, by the SHA-256 of their text, and nothing from anywhere else.
//!
//! # Why uPlot
//!
//! Tables and most charts are static (SVG drawn here) and need no script. The term picker
//! draws lines the reader chooses, so it needs a charting library: uPlot is one small file
//! (52 KB minified, no dependencies), MIT-licensed, draws time series on a canvas quickly
//! enough for hundreds of periods, and runs under a strict CSP (it sets styles through the
//! DOM, never through `eval` or inline style markup). Chart.js and ECharts are four to twenty
//! times larger for features the report does not use. `vendor/refresh.sh` fetches it from
//! the npm registry at a pinned version and checks its sha512 before writing it.
//!
//! # Example
//!
//! ```
//! use dateline_analyze::{DocMeta, Period, TermOptions, count_parallel, summarize, term_table, trends};
//! use dateline_analyze::{CollocationOptions, NgramOptions, collocation_table, ngram_table};
//! use dateline_report::{ActorsData, Overview, ReportData, render};
//!
//! let article = dateline_parse::parse_article(" date 2024-01-10 Lavrov met <Iran's> envoy. Lavrov left.")?;
//! let docs = vec![(DocMeta { path: "a.txt".into(), date: Some("2024-01-10".parse().unwrap()) }, article)];
//! let options = TermOptions::new();
//! let counts = count_parallel(&options, docs.iter().cloned());
//! let terms = term_table(&counts, Some(10));
//! let names: Vec<String> = terms.terms.iter().map(|t| t.term.clone()).collect();
//! let data = ReportData {
//!     title: "Two sentences".into(),
//!     settings: Vec::new(),
//!     overview: Overview::new(1, summarize(&counts)),
//!     by: Period::Month,
//!     trends: trends(&counts, &names, Period::Month),
//!     terms,
//!     keyness: Vec::new(),
//!     ngrams: ngram_table(&NgramOptions::builder().build()?, docs.iter().cloned()),
//!     collocations: collocation_table(&CollocationOptions::new(), docs.iter().cloned()),
//!     topics: None,
//!     actors: ActorsData::default(),
//!     families: Vec::new(),
//!     kwic: Vec::new(),
//! };
//! let html = render(&data);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains("Lavrov"));
//! assert!(!html.contains("<Iran"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod data;
pub mod escape;
mod page;
mod svg;
mod views;

pub use data::{
    ActorsData, DocRef, FamilyRow, KwicTerm, Overview, PeriodKeyness, Reason, ReportData, SpeakerQuotes, Tally,
};

/// How much of each view the report draws. Lists longer than these are cut; see the
/// [crate docs](crate#size-budget) for what they add up to.
pub mod budget {
    /// Periods on a time axis: the latest ones (ten years of weeks).
    pub const PERIODS: usize = 520;
    /// Top terms in the table and in the term picker.
    pub const TERMS: usize = 50;
    /// Terms drawn in the static trends chart.
    pub const STATIC_TREND_LINES: usize = 5;
    /// Periods with a keyness table: the latest ones.
    pub const KEYNESS_PERIODS: usize = 12;
    /// Terms per keyness table.
    pub const KEYNESS_TERMS: usize = 10;
    /// Rows of the n-gram table.
    pub const NGRAMS: usize = 30;
    /// Rows of the collocation table.
    pub const COLLOCATIONS: usize = 30;
    /// Topics in the table.
    pub const TOPICS: usize = 50;
    /// Topics stacked in the chart, the largest; the others are stacked as one.
    pub const TOPIC_AREAS: usize = 9;
    /// Words per topic.
    pub const TOPIC_WORDS: usize = 10;
    /// Representative articles per topic.
    pub const REPRESENTATIVE: usize = 3;
    /// Rows of the actor table.
    pub const ACTORS: usize = 30;
    /// Actors followed over time.
    pub const ACTOR_LINES: usize = 8;
    /// Actors in the network.
    pub const NETWORK_NODES: usize = 30;
    /// Edges in the network.
    pub const NETWORK_EDGES: usize = 120;
    /// Speakers in the quotation table.
    pub const SPEAKERS: usize = 20;
    /// Quotations shown per speaker.
    pub const QUOTES_PER_SPEAKER: usize = 3;
    /// Characters of a quotation.
    pub const QUOTE_CHARS: usize = 300;
    /// Story families drawn.
    pub const FAMILIES: usize = 20;
    /// Copies listed per family.
    pub const FAMILY_MEMBERS: usize = 12;
    /// Days marked per family on the timeline.
    pub const FAMILY_DAYS: usize = 60;
    /// Terms with KWIC lines in the search box.
    pub const KWIC_TERMS: usize = 200;
    /// KWIC lines per term.
    pub const KWIC_LINES: usize = 5;
    /// Articles the KWIC sample looks through at most, spread over the corpus.
    pub const KWIC_ARTICLES: usize = 5_000;
    /// Characters of each KWIC context (left and right).
    pub const KWIC_CHARS: usize = 120;
    /// Sites in the overview.
    pub const SOURCES: usize = 20;
    /// Dateline places in the overview.
    pub const PLACES: usize = 20;
    /// Dateline agencies in the overview.
    pub const AGENCIES: usize = 10;
    /// Kinds of diagnostics in the overview.
    pub const REASONS: usize = 10;
    /// Characters of any other string from the corpus (a term, a name, a path, a title).
    pub const TEXT_CHARS: usize = 160;
}

impl Overview {
    /// An overview of `files` files whose counted articles `summary` describes, with
    /// nothing else known yet.
    #[must_use]
    pub fn new(files: usize, summary: dateline_analyze::Summary) -> Self {
        Self {
            files,
            summary,
            left_out: 0,
            deduplicated: None,
            sources: Vec::new(),
            places: Vec::new(),
            agencies: Vec::new(),
            warned_files: 0,
            failed_files: 0,
            reasons: Vec::new(),
        }
    }
}

/// The report of `data` as one HTML page.
#[must_use]
pub fn render(data: &ReportData) -> String {
    let mut json = serde_json::Map::new();
    let axis = views::terms::axis(&data.trends);
    let labels: Vec<String> = axis.iter().map(|&i| data.trends.periods[i].period.to_string()).collect();
    let mut nav: Vec<(&str, &str)> = vec![
        ("overview", "Overview"),
        ("periods", "Articles per period"),
        ("terms", "Top terms"),
        ("keyness", "Keyness"),
        ("phrases", "Phrases"),
    ];
    let mut body = String::new();
    body.push_str(&views::overview::view(&data.overview, &data.settings));
    body.push_str(&views::terms::periods_view(&data.trends));
    body.push_str(&views::terms::terms_view(&data.terms, &data.trends, &mut json));
    body.push_str(&views::terms::keyness_view(&data.keyness));
    body.push_str(&views::phrases::view(&data.ngrams, &data.collocations));
    if let Some(topics) = &data.topics {
        nav.push(("topics", "Topics"));
        body.push_str(&views::topics::view(topics, &labels));
    }
    nav.extend([("actors", "Actors"), ("families", "Story families"), ("search", "Search")]);
    body.push_str(&views::actors::view(&data.actors, &labels));
    body.push_str(&views::families::view(&data.families));
    body.push_str(&views::search::view(&data.kwic, &mut json));
    page::page(&data.title, &nav, &body, &escape::json_script(&serde_json::Value::Object(json)))
}
