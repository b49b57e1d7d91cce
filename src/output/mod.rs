//! Rendering results: miette's graphical diagnostics, one-line `short`
//! records and the JSON contract relied on by tools outside the crate.

mod graphical;
mod json;

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::lint::Report;
use std::fmt::Write;

pub use graphical::ColorChoice;
pub use json::json_report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Annotated diagnostics with the source line and a label on the span.
    Graphical,
    /// One line per finding: `path:line:col: severity [rule] message`.
    Short,
    /// One JSON document (see README for the schema).
    Json,
}

/// One linted file, ready to print.
pub struct FileResult {
    pub path: String,
    pub doc: Document,
    pub report: Report,
}

impl FileResult {
    pub fn count(&self, severity: Severity) -> usize {
        self.report
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Counts over all files, printed last and included in JSON.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub files_with_findings: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub words: usize,
    /// Files that could not be read or decoded.
    pub unreadable: usize,
}

impl Summary {
    pub fn new(results: &[FileResult], unreadable: usize) -> Summary {
        let mut s = Summary {
            files: results.len(),
            unreadable,
            ..Summary::default()
        };
        for r in results {
            s.findings += r.report.findings.len();
            s.errors += r.count(Severity::Error);
            s.warnings += r.count(Severity::Warning);
            s.infos += r.count(Severity::Info);
            s.words += r.report.words;
            s.files_with_findings += usize::from(!r.report.findings.is_empty());
        }
        s
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 warnings, 1 info" (or "no findings").
pub fn counts_line(errors: usize, warnings: usize, infos: usize) -> String {
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(plural(errors, "error", "errors"));
    }
    if warnings > 0 {
        parts.push(plural(warnings, "warning", "warnings"));
    }
    if infos > 0 {
        parts.push(plural(infos, "info", "infos"));
    }
    if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(", ")
    }
}

/// The per-file summary line.
pub fn file_summary(r: &FileResult) -> String {
    let mut line = format!(
        "{}: {} in {}",
        r.path,
        counts_line(
            r.count(Severity::Error),
            r.count(Severity::Warning),
            r.count(Severity::Info)
        ),
        plural(r.report.words, "word", "words")
    );
    if let Some(fp) = &r.report.fingerprint {
        let _ = write!(line, "; {}", fp.describe());
    }
    line
}

pub fn short_line(path: &str, doc: &Document, f: &Finding) -> String {
    let (line, col) = doc.line_col(f.span.start);
    format!(
        "{path}:{line}:{col}: {} [{}] {}",
        f.severity, f.rule, f.message
    )
}

pub fn render(
    format: OutputFormat,
    results: &[FileResult],
    summary: &Summary,
    color: ColorChoice,
) -> String {
    match format {
        OutputFormat::Json => json_report(results, summary),
        OutputFormat::Short => {
            let mut out = String::new();
            for r in results {
                for f in &r.report.findings {
                    out.push_str(&short_line(&r.path, &r.doc, f));
                    out.push('\n');
                }
            }
            out
        }
        OutputFormat::Graphical => graphical::render(results, summary, color),
    }
}
