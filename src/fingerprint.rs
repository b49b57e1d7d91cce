//! Which language an article was most likely translated from, and why.
//!
//! Findings that belong to one source language (a Swedish calque, a German
//! false friend, a Finnish surname translated as a word) are votes for it;
//! language-neutral signals that point to a group of languages (dash-quotes
//! point to the Nordic languages) are listed as supporting evidence.

use crate::finding::{Category, Finding};
use crate::lang;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fingerprint {
    /// ISO 639-1 code of the most likely source language.
    pub language: String,
    /// The language's English name.
    pub name: String,
    /// Share of language-specific evidence that points to `language` (0–1).
    pub confidence: f64,
    /// Human-readable evidence, e.g. "4 Swedish calques".
    pub evidence: Vec<String>,
}

fn weight(category: Category) -> f64 {
    match category {
        Category::IdiomCalque | Category::Untranslated => 3.0,
        Category::FalseFriend | Category::NameGarbled => 2.0,
        _ => 1.0,
    }
}

fn noun(category: Category, n: usize) -> String {
    let (one, many) = match category {
        Category::IdiomCalque => ("calque", "calques"),
        Category::FalseFriend => ("false friend", "false friends"),
        Category::NameGarbled => ("translated name", "translated names"),
        Category::Untranslated => ("untranslated word", "untranslated words"),
        Category::LocalePunct => ("locale convention", "locale conventions"),
        Category::Boilerplate => ("debris line", "debris lines"),
        Category::Repetition => ("repetition", "repetitions"),
        Category::OtherMt => ("grammar tell", "grammar tells"),
    };
    if n == 1 {
        one.to_string()
    } else {
        many.to_string()
    }
}

impl Fingerprint {
    pub fn from_findings(findings: &[Finding]) -> Option<Fingerprint> {
        let mut scores: BTreeMap<&str, f64> = BTreeMap::new();
        let mut counts: BTreeMap<(&str, Category), usize> = BTreeMap::new();
        for f in findings {
            if let Some(l) = f.language.as_deref() {
                *scores.entry(l).or_default() += weight(f.category);
                *counts.entry((l, f.category)).or_default() += 1;
            }
        }
        let total: f64 = scores.values().sum();
        let (&best, &score) = scores
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))?;
        let name = lang::name(best).to_string();
        let mut evidence: Vec<String> = counts
            .iter()
            .filter(|((l, _), _)| *l == best)
            .map(|((_, c), &n)| format!("{n} {name} {}", noun(*c, n)))
            .collect();
        let mut neutral: BTreeMap<String, usize> = BTreeMap::new();
        for f in findings.iter().filter(|f| f.language.is_none()) {
            if f.category == Category::LocalePunct {
                let short = f.rule.rsplit('/').next().unwrap_or(&f.rule).to_string();
                *neutral.entry(short).or_default() += 1;
            }
        }
        evidence.extend(neutral.into_keys().map(|k| k.replace('-', " ")));
        Some(Fingerprint {
            language: best.to_string(),
            name,
            confidence: (score / total * 100.0).round() / 100.0,
            evidence,
        })
    }

    /// "likely translated from Swedish: 4 Swedish calques, dash quote"
    pub fn describe(&self) -> String {
        format!(
            "likely translated from {}: {}",
            self.name,
            self.evidence.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn f(rule: &str, cat: Category, lang: Option<&str>) -> Finding {
        let mut f = Finding::new(rule, cat, Severity::Warning, 0..1, "m");
        f.language = lang.map(String::from);
        f
    }

    #[test]
    fn the_language_with_most_weighted_evidence_wins() {
        let fp = Fingerprint::from_findings(&[
            f("calque/sv/a", Category::IdiomCalque, Some("sv")),
            f("calque/sv/b", Category::IdiomCalque, Some("sv")),
            f("false-friend/de/c", Category::FalseFriend, Some("de")),
            f("locale/dash-quote", Category::LocalePunct, None),
        ])
        .unwrap();
        assert_eq!(fp.language, "sv");
        assert_eq!(fp.confidence, 0.75);
        assert_eq!(
            fp.describe(),
            "likely translated from Swedish: 2 Swedish calques, dash quote"
        );
    }

    #[test]
    fn no_language_evidence_means_no_fingerprint() {
        assert!(
            Fingerprint::from_findings(&[f("locale/dash-quote", Category::LocalePunct, None)])
                .is_none()
        );
    }
}
