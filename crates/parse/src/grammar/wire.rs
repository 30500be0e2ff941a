//! The news agencies (wires) whose names open datelines and close bylines without
//! parentheses: `Mashhad, IRNA --`, `By AFP Staff`, `By MARIA LOPEZ, Associated Press`.
//!
//! The list is part of the grammar, like the month names: written for dateline, from the
//! agencies' own names as their copy prints them. A wire in parentheses (`(Reuters)`,
//! `(Variety.com)`) needs no list; these are the ones read without that mark.

/// Wire names as printed, compared without regard to ASCII case.
pub(crate) const WIRES: &[&str] = &[
    "AA",
    "AFP",
    "Agence France-Presse",
    "Agence France Presse",
    "ANI",
    "ANSA",
    "Anadolu",
    "Anadolu Agency",
    "AP",
    "APP",
    "Associated Press",
    "Bernama",
    "dpa",
    "EFE",
    "Fars",
    "Fars News Agency",
    "IANS",
    "Interfax",
    "IRNA",
    "ISNA",
    "ITAR-TASS",
    "Kyodo",
    "KUNA",
    "MENA",
    "Mehr",
    "Mehr News Agency",
    "MNA",
    "PTI",
    "QNA",
    "Reuters",
    "RIA Novosti",
    "SANA",
    "SPA",
    "Sputnik",
    "Tasnim",
    "Tasnim News Agency",
    "TASS",
    "UNI",
    "UPI",
    "WAM",
    "Xinhua",
    "Yonhap",
];

/// Whether `name` is one of [`WIRES`].
pub(crate) fn is_wire(name: &str) -> bool {
    name.len() <= 24 && WIRES.iter().any(|wire| wire.eq_ignore_ascii_case(name))
}
