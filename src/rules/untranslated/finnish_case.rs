//! Finnish place names left with their case ending: "in Tuirassa" (Finnish
//! *Tuirassa*, "in Tuira"), "from Oulusta". MT copies the inflected name and
//! adds the English preposition, so the place is named twice over and the
//! name is wrong.

use super::detect;
use super::lexicon::{Lexicon, SOURCE_LANGUAGES};
use super::words::{Class, Word};
use std::ops::Range;

/// Local case endings and the English preposition each stands for.
const ENDINGS: &[(&str, &str)] = &[
    ("ssa", "in"),
    ("ssä", "in"),
    ("sta", "from"),
    ("stä", "from"),
    ("lla", "at"),
    ("llä", "at"),
    ("lta", "from"),
    ("ltä", "from"),
    ("lle", "to"),
];

/// English prepositions that already say what the case ending says.
const PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "to", "into", "on", "near", "outside", "inside", "of",
];

/// Shortest inflected name considered: the ending plus a three-letter stem.
const MIN_CHARS: usize = 6;
/// lingua must be this sure that a name is Finnish when the lexicon does not
/// know the inflected form.
const MIN_CONFIDENCE: f64 = 0.8;

/// A capitalised word with a Finnish case ending right after an English
/// preposition.
pub struct Candidate {
    pub span: Range<usize>,
    pub ending: &'static str,
    pub preposition: &'static str,
}

/// Finds the candidates in one classified sentence.
pub fn candidates(text: &str, words: &[Word], out: &mut Vec<Candidate>) {
    for pair in words.windows(2) {
        let (before, word) = (&pair[0], &pair[1]);
        if word.class != Class::Neutral || word.initial || word.lowercase {
            continue;
        }
        let name = &text[word.span.clone()];
        let Some(&(ending, preposition)) = ENDINGS.iter().find(|(e, _)| name.ends_with(e)) else {
            continue;
        };
        let preceding = &text[before.span.clone()];
        if name.chars().count() >= MIN_CHARS
            && name.chars().skip(1).all(char::is_lowercase)
            && PREPOSITIONS
                .iter()
                .any(|p| preceding.eq_ignore_ascii_case(p))
        {
            out.push(Candidate {
                span: word.span.clone(),
                ending,
                preposition,
            });
        }
    }
}

/// Whether the candidate is a Finnish inflected name: the lexicon knows the
/// inflected form as Finnish ("helsingissä"), or the article shows other
/// Finnish evidence and lingua reads the word as Finnish.
pub fn confirm(
    text: &str,
    candidate: &Candidate,
    lexicon: &Lexicon,
    finnish_evidence: bool,
) -> bool {
    let word = &text[candidate.span.clone()];
    let finnish = SOURCE_LANGUAGES
        .iter()
        .position(|&c| c == "fi")
        .expect("Finnish has a lexicon");
    let known = lexicon
        .get(&word.to_lowercase())
        .is_some_and(|f| f.source[finnish] > 0 && f.english == 0);
    known
        || (finnish_evidence
            && detect::identify(word)
                .is_some_and(|v| v.language == "fi" && v.is_foreign(MIN_CONFIDENCE)))
}
