//! The engine: runs every family over a document, applies the user's
//! settings (enabled rules, severities, accepted phrases), removes overlapping
//! findings and maps spans back to the original input.

use crate::document::{fold_char, Document};
use crate::finding::{remove_overlaps, Finding, Severity};
use crate::fingerprint::Fingerprint;
use crate::rule::{id_matches, Registry, RuleFilter};

#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub filter: RuleFilter,
    /// (selector, severity); the most specific selector wins.
    pub severity: Vec<(String, Severity)>,
    /// Phrases and names that are never flagged (compared folded).
    pub accept: Vec<String>,
    /// Report inline directives that suppress nothing.
    pub report_unused_disables: bool,
}

impl Settings {
    fn severity_for(&self, id: &str) -> Option<Severity> {
        self.severity
            .iter()
            .filter(|(sel, _)| id_matches(id, sel))
            .max_by_key(|(sel, _)| sel.len())
            .map(|&(_, s)| s)
    }

    fn accepted(&self, text: &str) -> bool {
        if self.accept.is_empty() {
            return false;
        }
        let folded = fold(text);
        self.accept.iter().any(|a| folded.contains(a.as_str()))
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(fold_char)
        .collect()
}

/// The result of linting one document. Spans are byte offsets into the
/// original input.
#[derive(Debug, Clone)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub words: usize,
    pub fingerprint: Option<Fingerprint>,
}

/// MQM-style penalty points of a severity: minor 1, major 5, critical 25.
pub fn penalty(severity: Severity) -> f64 {
    match severity {
        Severity::Info => 1.0,
        Severity::Warning => 5.0,
        Severity::Error => 25.0,
    }
}

/// Penalty points per 1,000 words (0 for an empty document).
pub fn score(findings: &[Finding], words: usize) -> f64 {
    let points: f64 = findings.iter().map(|f| penalty(f.severity)).sum();
    if words == 0 {
        0.0
    } else {
        (points * 1000.0 / words as f64 * 10.0).round() / 10.0
    }
}

impl Report {
    /// The article's MQM-style penalty score per 1,000 words.
    pub fn score(&self) -> f64 {
        score(&self.findings, self.words)
    }
}

pub struct Linter {
    registry: Registry,
    settings: Settings,
}

impl Linter {
    pub fn new(registry: Registry, mut settings: Settings) -> Linter {
        settings.accept = settings.accept.iter().map(|a| fold(a)).collect();
        Linter { registry, settings }
    }

    pub fn report_unused_disables(&mut self, on: bool) {
        self.settings.report_unused_disables = on;
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Findings with spans into [`Document::text`], after settings and overlap
    /// removal. Used by [`Linter::lint`] and by rule self-tests.
    pub fn findings_in_text(&self, doc: &Document) -> Vec<Finding> {
        let mut findings = Vec::new();
        for check in self.registry.checks() {
            check.check(doc, &mut findings);
        }
        findings.retain(|f| {
            self.settings.filter.is_enabled(&f.rule)
                && !self.settings.accepted(&doc.text()[f.span.clone()])
        });
        for f in &mut findings {
            if let Some(s) = self.settings.severity_for(&f.rule) {
                f.severity = s;
            }
        }
        remove_overlaps(&mut findings);
        findings
    }

    /// Findings of one rule alone, as if it were the only rule enabled
    /// (LanguageTool's isolation for rule examples).
    pub fn findings_of_rule(&self, doc: &Document, rule: &str) -> Vec<Finding> {
        let mut findings = Vec::new();
        for check in self.registry.checks() {
            check.check(doc, &mut findings);
        }
        findings.retain(|f| f.rule == rule);
        remove_overlaps(&mut findings);
        findings
    }

    pub fn lint(&self, doc: &Document) -> Report {
        let mut findings = self.findings_in_text(doc);
        for f in &mut findings {
            // A suggestion can only be applied safely where the flagged text
            // was copied verbatim from the input.
            if !doc.is_verbatim(f.span.clone()) {
                for s in &mut f.suggestions {
                    s.safe = false;
                }
            }
            f.span = doc.to_source(f.span.clone());
            for label in &mut f.secondary {
                label.span = doc.to_source(label.span.clone());
            }
        }
        let unused = crate::suppress::apply(doc, &mut findings);
        if self.settings.report_unused_disables {
            findings.extend(
                unused
                    .into_iter()
                    .filter(|f| self.settings.filter.is_enabled(&f.rule)),
            );
        }
        findings.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(a.span.end.cmp(&b.span.end))
                .then(a.rule.cmp(&b.rule))
        });
        let fingerprint = Fingerprint::from_findings(&findings);
        Report {
            findings,
            words: doc.word_count(),
            fingerprint,
        }
    }
}
