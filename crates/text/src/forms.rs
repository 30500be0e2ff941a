//! What each distinct surface form of a token stands for, decided once per form.

use crate::vocab::Vocabulary;

/// Remembers what each distinct surface form of a token stands for, so that folding and
/// deciding it (stopwords, numbers, stems, interning, spelling) happen once per form, not once
/// per token. Keyed by the text as written, a token costs one hash lookup.
#[derive(Debug, Clone)]
pub(crate) struct FormCache<T> {
    forms: Vocabulary,
    values: Vec<T>,
}

impl<T: Copy> FormCache<T> {
    pub(crate) fn new() -> Self {
        Self { forms: Vocabulary::default(), values: Vec::new() }
    }

    /// What `surface` stands for: `decide(surface)` the first time the form is seen.
    #[inline]
    pub(crate) fn get(&mut self, surface: &str, decide: impl FnOnce(&str) -> T) -> T {
        match self.forms.id(surface) {
            Some(form) => self.values[form as usize],
            None => self.insert(surface, decide),
        }
    }

    /// A form met for the first time: most tokens are not.
    #[cold]
    #[inline(never)]
    fn insert(&mut self, surface: &str, decide: impl FnOnce(&str) -> T) -> T {
        let value = decide(surface);
        self.forms.intern(surface);
        self.values.push(value);
        value
    }
}
