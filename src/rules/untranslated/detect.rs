//! Language identification of candidate spans with lingua, restricted to
//! English and the source languages. The detector is built on first use, so a
//! document without candidates never loads a language model.

use crate::lang;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

const LANGUAGES: [(Language, &str); 7] = [
    (Language::English, "en"),
    (Language::Swedish, "sv"),
    (Language::Bokmal, "nb"),
    (Language::Danish, "da"),
    (Language::German, "de"),
    (Language::Dutch, "nl"),
    (Language::Finnish, "fi"),
];

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
}

impl Verdict {
    /// Whether the span is foreign with at least `min_confidence`: the
    /// confidence that it is not English, since close languages (Norwegian
    /// and Danish) split the rest between them.
    pub fn is_foreign(&self, min_confidence: f64) -> bool {
        self.language != "en" && 1.0 - self.english >= min_confidence
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

fn code(language: Language) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, c)| *c)
}

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        let languages: Vec<Language> = LANGUAGES.iter().map(|(l, _)| *l).collect();
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
    let language = code(top)?;
    let runner_up = values
        .get(1)
        .filter(|(l, c)| *l != Language::English && *c >= confidence - NEAR_TIE)
        .and_then(|&(l, c)| Some((code(l)?, c)));
    Some(Verdict {
        language,
        confidence,
        english,
        runner_up,
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
}
