//! Report data made directly, without a corpus: every list `n` long and every string holding
//! `text`, so a test can fill every view to the brim (the size budget) or with a hostile
//! string (escaping).

use chrono::NaiveDate;
use dateline_actors::{ActorRow, ActorType, Edge, EdgeKind};
use dateline_analyze::keyness::Side;
use dateline_analyze::period::PeriodTotal;
use dateline_analyze::topic_stats::{RepresentativeRow, TopicShareRow};
use dateline_analyze::topics::{CoherenceMeans, TopicSummary, TopicWord, TopicsReport};
use dateline_analyze::trends::{TrendRow, TrendTerm};
use dateline_analyze::{
    CollocationReport, CollocationRow, Correction, Keyness, KeynessMeasure, KeynessRow, KwicHit, Measure, NgramReport,
    NgramRow, Period, PeriodKey, Summary, TermGroup, TermRow, Trends,
};
use dateline_model::Severity;
use dateline_report::{
    ActorsData, DocRef, FamilyRow, KwicTerm, Overview, PeriodKeyness, Reason, ReportData, SpeakerQuotes, Tally,
};

fn day(i: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).and_then(|d| d.checked_add_days(chrono::Days::new(i as u64))).expect("a date")
}

fn week(i: usize) -> PeriodKey {
    Period::Week.key(Some(day(i * 7)))
}

/// `n` of everything, each string `text` with a number.
pub(crate) fn data(text: &str, n: usize) -> ReportData {
    let s = |i: usize| format!("{text} {i}");
    let periods: Vec<PeriodTotal> =
        (0..n).map(|i| PeriodTotal { period: week(i), documents: i + 1, tokens: 1000 + i as u64 }).collect();
    let terms: Vec<TrendTerm> = (0..n).map(|i| TrendTerm { query: s(i), label: s(i), total: 10 }).collect();
    let rows = periods
        .iter()
        .flat_map(|p| {
            terms.iter().enumerate().map(move |(t, term)| TrendRow {
                period: p.period,
                term: term.label.clone(),
                count: t as u64,
                tokens: p.tokens,
                rate: 1.0 / (t + 1) as f64,
            })
        })
        .collect();
    let trends = Trends { by: Period::Week, terms, periods: periods.clone(), rows };
    let side = Side { documents: 3, tokens: 100 };
    let keyness = periods
        .iter()
        .map(|p| PeriodKeyness {
            period: p.period,
            keyness: Keyness {
                target: side,
                reference: side,
                correction: Correction::Yates,
                sort_by: KeynessMeasure::G2,
                rows: (0..n)
                    .map(|i| KeynessRow {
                        term: s(i),
                        target_count: 5,
                        reference_count: 1,
                        g2: 3.5,
                        g2_p: 0.05,
                        chi2: 3.0,
                        chi2_p: 0.05,
                        log_ratio: 1.5,
                    })
                    .collect(),
            },
        })
        .collect();
    let topics = TopicsReport {
        topics: (0..n)
            .map(|i| TopicSummary {
                id: i,
                label: s(i),
                words: (0..n).map(|w| TopicWord { term: s(w), weight: 0.1 }).collect(),
                umass: -1.0,
                npmi: 0.1,
                share: 0.01,
            })
            .collect(),
        coherence: CoherenceMeans { umass_mean: -1.0, npmi_mean: 0.1 },
        shares: periods
            .iter()
            .flat_map(|p| (0..n).map(move |t| TopicShareRow { period: p.period, topic: t, share: 0.01, documents: 2 }))
            .collect(),
        representative: (0..n)
            .flat_map(|t| {
                (0..n).map(move |r| RepresentativeRow {
                    topic: t,
                    rank: r + 1,
                    document: r,
                    path: format!("{text}/{r}.txt"),
                    date: Some(day(r)),
                    weight: 0.5,
                })
            })
            .collect(),
        log_likelihood: Vec::new(),
        documents: Vec::new(),
    };
    let actor = |i: usize, period: Option<String>| ActorRow {
        period,
        name: s(i),
        kind: ActorType::Person,
        articles: 3,
        mentions: 5,
        first: Some(day(0).to_string()),
        last: Some(day(i).to_string()),
        roles: vec![s(i)],
        aliases: vec![s(i)],
    };
    let actors = ActorsData {
        totals: (0..n).map(|i| actor(i, None)).collect(),
        by_period: periods.iter().flat_map(|p| (0..n).map(move |i| actor(i, Some(p.period.to_string())))).collect(),
        speakers: (0..n)
            .map(|i| SpeakerQuotes {
                speaker: (i > 0).then(|| s(i)),
                quotes: n - i,
                articles: 1,
                sample: (0..n).map(|q| format!("{text} said {q} {}", "words ".repeat(100))).collect(),
            })
            .collect(),
        edges: (0..n)
            .flat_map(|a| {
                (a + 1..n.min(a + 40)).map(move |b| Edge {
                    source: s(a),
                    target: s(b),
                    weight: 1.0 + (a % 7) as f64,
                    count: 2,
                    articles: 2,
                    period: None,
                    kind: EdgeKind::Cooccurrence,
                })
            })
            .collect(),
    };
    let mut overview = Overview::new(
        n,
        Summary {
            articles: n,
            dated: n,
            first_date: Some(day(0)),
            last_date: Some(day(n)),
            tokens: 1000,
            term_tokens: 500,
            types: 100,
            sentences: 50,
            mean_article_tokens: 10.0,
            type_token_ratio: 0.1,
        },
    );
    let tallies: Vec<Tally> = (0..n).map(|i| Tally { name: s(i), count: n - i }).collect();
    overview.sources = tallies.clone();
    overview.places = tallies.clone();
    overview.agencies = tallies;
    overview.reasons = (0..n).map(|i| Reason { severity: Severity::Warning, message: s(i), files: 1 }).collect();
    ReportData {
        title: s(0),
        settings: vec![(s(1), s(2))],
        overview,
        by: Period::Week,
        terms: TermGroup {
            group: None,
            documents: n,
            tokens: 1000,
            terms: (0..n).map(|i| TermRow { rank: i + 1, term: s(i), count: 10, doc_count: 2, rate: 1.5 }).collect(),
        },
        trends,
        keyness,
        ngrams: NgramReport {
            tokens: 100,
            sentences: 10,
            rows: (0..n).map(|i| NgramRow { rank: i + 1, ngram: s(i), n: 2, count: 3 }).collect(),
        },
        collocations: CollocationReport {
            measure: Measure::LikelihoodRatio,
            total_tokens: 100,
            rows: (0..n)
                .map(|i| CollocationRow {
                    ngram: s(i),
                    count: 3,
                    left_count: 4,
                    right_count: 5,
                    total_tokens: 100,
                    score: 2.0,
                    pmi: 1.0,
                    likelihood_ratio: 2.0,
                    student_t: 1.0,
                    chi_sq: 1.0,
                    dice: 0.5,
                    lambda: 1.0,
                    z: 1.0,
                })
                .collect(),
        },
        topics: Some(topics),
        actors,
        families: (0..n)
            .map(|f| FamilyRow {
                members: (0..n).map(|m| DocRef { path: format!("{text}/{f}/{m}.txt"), date: Some(day(m)) }).collect(),
            })
            .collect(),
        kwic: (0..n)
            .map(|t| KwicTerm {
                term: s(t),
                hits: (0..n)
                    .map(|h| KwicHit {
                        path: format!("{text}/{h}.txt"),
                        date: Some(day(h)),
                        start: 0,
                        end: 1,
                        left: format!("{text} {}", "left ".repeat(100)),
                        keyword: s(t),
                        right: format!("{text} {}", "right ".repeat(100)),
                    })
                    .collect(),
            })
            .collect(),
    }
}
