//! What a rule reports.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// The fixed set of artifact categories used by evaluation and machine output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    IdiomCalque,
    FalseFriend,
    NameGarbled,
    Untranslated,
    LocalePunct,
    Boilerplate,
    Repetition,
    OtherMt,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::IdiomCalque,
        Category::FalseFriend,
        Category::NameGarbled,
        Category::Untranslated,
        Category::LocalePunct,
        Category::Boilerplate,
        Category::Repetition,
        Category::OtherMt,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::IdiomCalque => "idiom-calque",
            Category::FalseFriend => "false-friend",
            Category::NameGarbled => "name-garbled",
            Category::Untranslated => "untranslated",
            Category::LocalePunct => "locale-punct",
            Category::Boilerplate => "boilerplate",
            Category::Repetition => "repetition",
            Category::OtherMt => "other-mt",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                let all: Vec<_> = Category::ALL.iter().map(|c| c.as_str()).collect();
                format!(
                    "unknown category `{s}` (expected one of: {})",
                    all.join(", ")
                )
            })
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!(
                "unknown severity `{s}` (expected error, warning or info)"
            )),
        }
    }
}

/// A replacement for the finding's span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub replacement: String,
    /// Whether `--fix` may apply it without an editor's review.
    pub safe: bool,
}

/// Another place in the document the finding refers to ("first written here").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecondaryLabel {
    pub span: Range<usize>,
    pub label: String,
}

/// One suspect span. Rules fill `span` (and secondary spans) with offsets into
/// [`crate::document::Document::text`]; the engine maps them to the original
/// input before anything is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    pub span: Range<usize>,
    /// What is wrong, in one line.
    pub message: String,
    /// Why it is suspect: the source-language construction behind it.
    pub note: Option<String>,
    pub suggestions: Vec<Suggestion>,
    pub secondary: Vec<SecondaryLabel>,
    /// Source language the finding is evidence of (ISO 639-1), if any.
    pub language: Option<String>,
}

impl Finding {
    pub fn new(
        rule: impl Into<String>,
        category: Category,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: rule.into(),
            category,
            severity,
            span,
            message: message.into(),
            note: None,
            suggestions: Vec::new(),
            secondary: Vec::new(),
            language: None,
        }
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    pub fn with_suggestion(mut self, replacement: impl Into<String>, safe: bool) -> Self {
        self.suggestions.push(Suggestion {
            replacement: replacement.into(),
            safe,
        });
        self
    }

    pub fn with_secondary(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.secondary.push(SecondaryLabel {
            span,
            label: label.into(),
        });
        self
    }

    pub fn with_language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// The help line: the suggestions an editor can apply.
    pub fn help(&self) -> Option<String> {
        match self.suggestions.as_slice() {
            [] => None,
            [one] if one.replacement.is_empty() => Some("remove it".to_string()),
            list => Some(format!(
                "write {}",
                list.iter()
                    .map(|s| format!("\"{}\"", s.replacement))
                    .collect::<Vec<_>>()
                    .join(" or ")
            )),
        }
    }
}

/// Drops findings that repeat another on the same span for the same reason:
/// of two findings of one category where one span contains the other, the
/// more severe, then the longer, then the earlier-registered one stays. On an
/// identical span, a finding whose source language has more evidence in the
/// document wins first, so a rendering shared by Swedish and Norwegian packs
/// is attributed to the article's language.
pub fn remove_overlaps(findings: &mut Vec<Finding>) {
    let mut votes: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut seen_spans = std::collections::HashSet::new();
    for f in findings.iter() {
        if let Some(l) = f.language.as_deref() {
            if seen_spans.insert((l, f.span.start, f.span.end)) {
                *votes.entry(l).or_default() += 1;
            }
        }
    }
    let vote = |f: &Finding| f.language.as_deref().map_or(0, |l| votes[l]);
    let ranks: Vec<usize> = findings.iter().map(vote).collect();
    let mut indexed: Vec<(usize, Finding)> = findings.drain(..).enumerate().collect();
    indexed.sort_by(|(ia, a), (ib, b)| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then(ranks[*ib].cmp(&ranks[*ia]))
            .then(ia.cmp(ib))
    });
    let mut kept: Vec<Finding> = Vec::with_capacity(indexed.len());
    'next: for (_, f) in indexed {
        for k in kept.iter_mut().rev() {
            if k.span.end <= f.span.start && k.span.start < f.span.start {
                // Sorted by start: findings that end before this one starts
                // cannot contain it, but longer ones further back can.
                continue;
            }
            let same_reason = k.category == f.category || k.rule == f.rule;
            let nested = (k.span.start <= f.span.start && f.span.end <= k.span.end)
                || (f.span.start <= k.span.start && k.span.end <= f.span.end);
            if same_reason && nested {
                if f.severity > k.severity {
                    *k = f;
                }
                continue 'next;
            }
        }
        kept.push(f);
    }
    *findings = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(rule: &str, cat: Category, sev: Severity, span: Range<usize>) -> Finding {
        Finding::new(rule, cat, sev, span, "m")
    }

    #[test]
    fn nested_findings_of_one_category_collapse_to_the_outer_one() {
        let mut v = vec![
            f("a", Category::IdiomCalque, Severity::Warning, 5..10),
            f("b", Category::IdiomCalque, Severity::Warning, 0..20),
            f("c", Category::Repetition, Severity::Warning, 5..10),
        ];
        remove_overlaps(&mut v);
        let rules: Vec<_> = v.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["b", "c"]);
    }

    #[test]
    fn a_more_severe_nested_finding_wins() {
        let mut v = vec![
            f("outer", Category::OtherMt, Severity::Info, 0..20),
            f("inner", Category::OtherMt, Severity::Error, 3..8),
        ];
        remove_overlaps(&mut v);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].rule, "inner");
    }

    #[test]
    fn on_one_span_the_language_with_more_evidence_wins() {
        let lang = |rule: &str, l: &str, span: Range<usize>| {
            f(rule, Category::IdiomCalque, Severity::Warning, span).with_language(l)
        };
        let mut v = vec![
            lang("calque/nb/x", "nb", 0..5),
            lang("calque/sv/x", "sv", 0..5),
            lang("calque/sv/y", "sv", 10..15),
        ];
        remove_overlaps(&mut v);
        let rules: Vec<_> = v.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["calque/sv/x", "calque/sv/y"]);
    }

    #[test]
    fn disjoint_findings_are_all_kept() {
        let mut v = vec![
            f("a", Category::IdiomCalque, Severity::Warning, 0..5),
            f("a", Category::IdiomCalque, Severity::Warning, 10..15),
        ];
        remove_overlaps(&mut v);
        assert_eq!(v.len(), 2);
    }
}
