//! The JSON contract (version 1). Tools outside the crate rely on it: fields
//! may be added, never renamed or removed.

use super::{FileResult, Summary};
use crate::finding::Finding;
use crate::fingerprint::Fingerprint;
use serde::Serialize;

pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: &'a Summary,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    words: usize,
    /// MQM-style penalty points per 1,000 words.
    score: f64,
    language: Option<&'a Fingerprint>,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
pub(crate) struct JsonFinding<'a> {
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    note: Option<&'a str>,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
    suggestions: Vec<&'a str>,
    fix_safe: bool,
    language: Option<&'a str>,
    secondary: Vec<JsonLabel<'a>>,
}

#[derive(Serialize)]
pub(crate) struct JsonLabel<'a> {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    label: &'a str,
}

pub(crate) fn json_finding<'a>(r: &'a FileResult, f: &'a Finding) -> JsonFinding<'a> {
    let (line, column) = r.doc.line_col(f.span.start);
    let (end_line, end_column) = r.doc.line_col(f.span.end);
    JsonFinding {
        rule: &f.rule,
        category: f.category.as_str(),
        severity: f.severity.as_str(),
        message: &f.message,
        note: f.note.as_deref(),
        start: f.span.start,
        end: f.span.end,
        line,
        column,
        end_line,
        end_column,
        text: &r.doc.source()[f.span.clone()],
        suggestions: f
            .suggestions
            .iter()
            .map(|s| s.replacement.as_str())
            .collect(),
        fix_safe: f.suggestions.first().is_some_and(|s| s.safe),
        language: f.language.as_deref(),
        secondary: f
            .secondary
            .iter()
            .map(|l| {
                let (line, column) = r.doc.line_col(l.span.start);
                JsonLabel {
                    start: l.span.start,
                    end: l.span.end,
                    line,
                    column,
                    label: &l.label,
                }
            })
            .collect(),
    }
}

pub fn json_report(results: &[FileResult], summary: &Summary) -> String {
    let report = JsonReport {
        version: JSON_VERSION,
        files: results
            .iter()
            .map(|r| JsonFile {
                path: &r.path,
                words: r.report.words,
                score: r.report.score(),
                language: r.report.fingerprint.as_ref(),
                findings: r
                    .report
                    .findings
                    .iter()
                    .map(|f| json_finding(r, f))
                    .collect(),
            })
            .collect(),
        summary,
    };
    let mut s = serde_json::to_string_pretty(&report).expect("report serialises");
    s.push('\n');
    s
}

#[derive(Serialize)]
struct JsonlLine<'a> {
    path: &'a str,
    #[serde(flatten)]
    finding: JsonFinding<'a>,
}

/// One finding as a self-contained JSON object (the `jsonl` format).
pub(crate) fn jsonl_line(r: &FileResult, f: &Finding) -> String {
    serde_json::to_string(&JsonlLine {
        path: &r.path,
        finding: json_finding(r, f),
    })
    .expect("finding serialises")
}
