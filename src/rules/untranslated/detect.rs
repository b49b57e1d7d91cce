//! Language identification of candidate spans with lingua, restricted to
//! English and the source languages. The detector is built on first use, so a
//! document without candidates never loads a language model.

use crate::lang;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

/// The languages lingua chooses between, with their codes and families:
/// lingua splits its confidence between close relatives on short spans
/// (Norwegian and Danish), so the family's total is what counts.
const LANGUAGES: [(Language, &str, Family); 7] = [
    (Language::English, "en", Family::English),
    (Language::Swedish, "sv", Family::Scandinavian),
    (Language::Bokmal, "nb", Family::Scandinavian),
    (Language::Danish, "da", Family::Scandinavian),
    (Language::German, "de", Family::ContinentalGermanic),
    (Language::Dutch, "nl", Family::ContinentalGermanic),
    (Language::Finnish, "fi", Family::Finnic),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    English,
    Scandinavian,
    ContinentalGermanic,
    Finnic,
}

/// lingua's verdict on a span: the most likely language and its confidence,
/// with the confidence that it is English.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// ISO 639-1 code of the most likely language.
    pub language: &'static str,
    pub confidence: f64,
    pub english: f64,
    /// The next most likely source language when it is nearly as likely
    /// (Norwegian and Danish often are).
    pub runner_up: Option<(&'static str, f64)>,
    /// The confidence summed over the top language's family.
    pub family_confidence: f64,
}

impl Verdict {
    /// Whether the span is in a source language with at least
    /// `min_confidence` for its language family.
    pub fn is_foreign(&self, min_confidence: f64) -> bool {
        self.language != "en" && self.family_confidence >= min_confidence
    }

    /// "German (0.98)", or "Norwegian (0.45, Danish 0.44)" when two languages
    /// are nearly tied.
    pub fn describe(&self) -> String {
        let top = format!("{} ({:.2}", lang::name(self.language), self.confidence);
        match self.runner_up {
            Some((code, c)) => format!("{top}, {} {c:.2})", lang::name(code)),
            None => format!("{top})"),
        }
    }
}

/// Two languages whose confidences differ by at most this are both named.
const NEAR_TIE: f64 = 0.15;

fn entry(language: Language) -> Option<&'static (Language, &'static str, Family)> {
    LANGUAGES.iter().find(|(l, _, _)| *l == language)
}

fn code(language: Language) -> Option<&'static str> {
    entry(language).map(|(_, c, _)| *c)
}

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        let languages: Vec<Language> = LANGUAGES.iter().map(|(l, _, _)| *l).collect();
        LanguageDetectorBuilder::from_languages(&languages).build()
    })
}

/// Identifies the language of `text`; `None` when lingua finds no letters to
/// judge.
pub fn identify(text: &str) -> Option<Verdict> {
    let values = detector().compute_language_confidence_values(text);
    let &(top, confidence) = values.first()?;
    if confidence <= 0.0 {
        return None;
    }
    let english = values
        .iter()
        .find(|(l, _)| *l == Language::English)
        .map_or(0.0, |(_, c)| *c);
    let &(_, language, family) = entry(top)?;
    let family_confidence = values
        .iter()
        .filter(|(l, _)| entry(*l).is_some_and(|e| e.2 == family))
        .map(|(_, c)| c)
        .sum();
    let runner_up = values
        .get(1)
        .filter(|(l, c)| *l != Language::English && *c >= confidence - NEAR_TIE)
        .and_then(|&(l, c)| Some((code(l)?, c)));
    Some(Verdict {
        language,
        confidence,
        english,
        runner_up,
        family_confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_language_of_foreign_text() {
        let v = identify("Läs mer om hur regeringen vill sänka skatten").unwrap();
        assert_eq!(v.language, "sv");
        assert!(v.is_foreign(0.5));
        let v = identify("The government wants to cut taxes next year").unwrap();
        assert_eq!(v.language, "en");
        assert!(!v.is_foreign(0.5));
        assert!(identify("1234 !!").is_none());
    }

    #[test]
    fn close_relatives_count_together() {
        let v = identify("Se alle målene fra kampen her").unwrap();
        assert!(v.family_confidence > v.confidence);
        assert!(v.is_foreign(0.8), "{v:?}");
        assert!(!identify("Physiologie du").unwrap().is_foreign(0.6));
    }
}
