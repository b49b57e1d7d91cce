//! Baselines: record today's findings so that only new ones are reported.
//!
//! Entries are keyed on the file, the rule, the matched text and a few words
//! of context on each side, never on line numbers, so edits elsewhere in the
//! article do not resurrect recorded findings.

use crate::finding::Finding;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

const CONTEXT_WORDS: usize = 3;
const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub text: String,
    pub context: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    entries: Vec<Entry>,
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the paragraph around a span starts and ends (blank lines bound it).
fn paragraph_bounds(source: &str, span: &std::ops::Range<usize>) -> (usize, usize) {
    let blank = |s: &str| s.trim().is_empty();
    let mut start = 0;
    let mut offset = 0;
    let mut end = source.len();
    for line in source.split_inclusive('\n') {
        let line_end = offset + line.len();
        if blank(line) {
            if line_end <= span.start {
                start = line_end;
            } else if offset >= span.end {
                end = offset;
                break;
            }
        }
        offset = line_end;
    }
    (start, end)
}

/// The key of a finding: matched text plus up to three words either side,
/// within its paragraph.
pub fn entry(path: &str, source: &str, f: &Finding) -> Entry {
    let (para_start, para_end) = paragraph_bounds(source, &f.span);
    let before: Vec<&str> = source[para_start..f.span.start]
        .split_whitespace()
        .rev()
        .take(CONTEXT_WORDS)
        .collect();
    let after: Vec<&str> = source[f.span.end..para_end]
        .split_whitespace()
        .take(CONTEXT_WORDS)
        .collect();
    let before: Vec<&str> = before.into_iter().rev().collect();
    Entry {
        path: path.to_string(),
        rule: f.rule.clone(),
        text: squash(&source[f.span.clone()]),
        context: format!("{} | {}", before.join(" "), after.join(" ")),
    }
}

/// Recorded findings, counted so that a phrase recorded once suppresses one
/// occurrence, not every future copy of it.
#[derive(Debug, Default)]
pub struct Baseline {
    counts: HashMap<Entry, usize>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read baseline: {e}", path.display()))?;
        let file: BaselineFile = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a baseline file: {e}", path.display()))?;
        if file.version != VERSION {
            return Err(format!(
                "{}: baseline version {} is not supported (expected {VERSION})",
                path.display(),
                file.version
            ));
        }
        let mut counts = HashMap::new();
        for e in file.entries {
            *counts.entry(e).or_default() += 1;
        }
        Ok(Baseline { counts })
    }

    /// Drops the findings recorded in the baseline.
    pub fn filter(&mut self, path: &str, source: &str, findings: &mut Vec<Finding>) {
        findings.retain(|f| match self.counts.get_mut(&entry(path, source, f)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        });
    }
}

pub fn write(path: &Path, entries: Vec<Entry>) -> Result<(), String> {
    let file = BaselineFile {
        version: VERSION,
        entries,
    };
    let json = serde_json::to_string_pretty(&file).expect("baseline serialises");
    std::fs::write(path, json + "\n")
        .map_err(|e| format!("{}: cannot write baseline: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Category, Severity};

    fn at(src: &str, needle: &str) -> Finding {
        let i = src.find(needle).unwrap();
        Finding::new(
            "calque/sv/x",
            Category::IdiomCalque,
            Severity::Warning,
            i..i + needle.len(),
            "m",
        )
    }

    #[test]
    fn keys_survive_edits_elsewhere_but_not_to_the_context() {
        let old = "Intro.\n\nIt was, after all signs of the sun, true.";
        let moved = "A new first paragraph.\n\nIntro.\n\nIt was, after all signs of the sun, true.";
        let changed = "Intro.\n\nIt is, after all signs of the sun, false.";
        let k = entry("a.txt", old, &at(old, "after all signs of the sun"));
        assert_eq!(
            k,
            entry("a.txt", moved, &at(moved, "after all signs of the sun"))
        );
        assert_ne!(
            k,
            entry("a.txt", changed, &at(changed, "after all signs of the sun"))
        );
        assert_eq!(k.context, "It was, | , true.");
    }

    #[test]
    fn a_recorded_finding_suppresses_one_occurrence() {
        let src = "x after y. x after y.";
        let first = at(src, "after");
        let mut second = first.clone();
        second.span = 13..18;
        let mut b = Baseline::default();
        b.counts.insert(entry("p", src, &first), 1);
        let mut findings = vec![first, second];
        b.filter("p", src, &mut findings);
        assert_eq!(findings.len(), 1);
    }
}
