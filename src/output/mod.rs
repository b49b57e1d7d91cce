//! Rendering results. Human formats (graphical, short), the JSON contract, and
//! the CI formats (SARIF, GitHub annotations, JUnit, Checkstyle, reviewdog
//! rdjson, GitLab Code Quality, JSON Lines).

mod ci;
mod graphical;
mod json;
mod sarif;

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::lint::{score, Report};
use crate::rule::Registry;
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
    /// One JSON object per finding per line, streamed as files are checked.
    Jsonl,
    /// SARIF 2.1.0 for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML: one test case per file, one failure per finding.
    Junit,
    /// Checkstyle XML.
    Checkstyle,
    /// reviewdog diagnostic format (rdjson).
    Rdjson,
    /// GitLab Code Quality report.
    Gitlab,
}

/// Formats printed file by file as they are checked.
pub fn streams(format: OutputFormat) -> bool {
    matches!(
        format,
        OutputFormat::Graphical | OutputFormat::Short | OutputFormat::Jsonl | OutputFormat::Github
    )
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

    /// 1-based (line, column) of both ends of a finding.
    pub fn position(&self, f: &Finding) -> ((usize, usize), (usize, usize)) {
        (
            self.doc.line_col(f.span.start),
            self.doc.line_col(f.span.end),
        )
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
    /// MQM-style penalty points per 1,000 words over all files
    /// (info 1, warning 5, error 25).
    pub score: f64,
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
        let all: Vec<Finding> = results
            .iter()
            .flat_map(|r| r.report.findings.iter().cloned())
            .collect();
        s.score = score(&all, s.words);
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
        "{}: {} in {}; penalty {:.1} per 1,000 words",
        r.path,
        counts_line(
            r.count(Severity::Error),
            r.count(Severity::Warning),
            r.count(Severity::Info)
        ),
        plural(r.report.words, "word", "words"),
        r.report.score()
    );
    if let Some(fp) = &r.report.fingerprint {
        let _ = write!(line, "; {}", fp.describe());
    }
    line
}

fn total_line(summary: &Summary) -> String {
    format!(
        "{} checked: {}; penalty {:.1} per 1,000 words\n",
        plural(summary.files, "file", "files"),
        counts_line(summary.errors, summary.warnings, summary.infos),
        summary.score
    )
}

pub fn short_line(path: &str, doc: &Document, f: &Finding) -> String {
    let (line, col) = doc.line_col(f.span.start);
    format!(
        "{path}:{line}:{col}: {} [{}] {}",
        f.severity, f.rule, f.message
    )
}

/// Output for one file in a streaming format.
pub fn render_file(format: OutputFormat, r: &FileResult, color: ColorChoice) -> String {
    let mut out = String::new();
    match format {
        OutputFormat::Graphical => out = graphical::render_file(r, color),
        OutputFormat::Short => {
            for f in &r.report.findings {
                out.push_str(&short_line(&r.path, &r.doc, f));
                out.push('\n');
            }
        }
        OutputFormat::Jsonl => {
            for f in &r.report.findings {
                out.push_str(&json::jsonl_line(r, f));
                out.push('\n');
            }
        }
        OutputFormat::Github => out = ci::github(r),
        _ => {}
    }
    out
}

/// What a streaming format prints after the last file.
pub fn render_end(format: OutputFormat, summary: &Summary) -> String {
    match format {
        OutputFormat::Graphical if summary.files > 1 => total_line(summary),
        _ => String::new(),
    }
}

/// The whole output of a format, for all files at once.
pub fn render(
    format: OutputFormat,
    results: &[FileResult],
    summary: &Summary,
    color: ColorChoice,
    registry: &Registry,
) -> String {
    match format {
        OutputFormat::Json => json_report(results, summary),
        OutputFormat::Sarif => sarif::render(results, registry),
        OutputFormat::Junit => ci::junit(results),
        OutputFormat::Checkstyle => ci::checkstyle(results),
        OutputFormat::Rdjson => ci::rdjson(results),
        OutputFormat::Gitlab => ci::gitlab(results),
        _ => {
            let mut out: String = results
                .iter()
                .map(|r| render_file(format, r, color))
                .collect();
            out.push_str(&render_end(format, summary));
            out
        }
    }
}
