//! CI formats: GitHub Actions annotations, JUnit and Checkstyle XML,
//! reviewdog rdjson and GitLab Code Quality.

use super::FileResult;
use crate::baseline;
use crate::finding::{Finding, Severity};
use quick_xml::escape::escape;
use serde_json::json;

/// Escaping of workflow-command data: `%`, CR and LF.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of workflow-command properties: data escaping plus `:` and `,`.
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn github(r: &FileResult) -> String {
    let mut out = String::new();
    for f in &r.report.findings {
        let ((line, col), (end_line, end_col)) = r.position(f);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let message = match f.help() {
            Some(help) if !f.message.contains(&help) => format!("{}\n{help}", f.message),
            _ => f.message.clone(),
        };
        out.push_str(&format!(
            "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
            gh_property(&r.path),
            gh_property(&format!("mtlint {}", f.rule)),
            gh_data(&message)
        ));
    }
    out
}

fn position_text(r: &FileResult, f: &Finding) -> String {
    let ((line, col), _) = r.position(f);
    format!("{}:{line}:{col}", r.path)
}

pub fn junit(results: &[FileResult]) -> String {
    let failures: usize = results.iter().map(|r| r.report.findings.len()).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"mtlint\" tests=\"{}\" failures=\"{failures}\">\n",
        results.len()
    ));
    out.push_str(&format!(
        "  <testsuite name=\"mtlint\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">\n",
        results.len()
    ));
    for r in results {
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"mtlint\"",
            escape(&r.path)
        ));
        if r.report.findings.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        for f in &r.report.findings {
            out.push_str(&format!(
                "      <failure message=\"{}\" type=\"{}\">{} {} [{}] {}</failure>\n",
                escape(&f.message),
                escape(&f.rule),
                escape(position_text(r, f)),
                f.severity,
                escape(&f.rule),
                escape(&f.message)
            ));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

pub fn checkstyle(results: &[FileResult]) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for r in results {
        out.push_str(&format!("  <file name=\"{}\">\n", escape(&r.path)));
        for f in &r.report.findings {
            let ((line, col), _) = r.position(f);
            out.push_str(&format!(
                "    <error line=\"{line}\" column=\"{col}\" severity=\"{}\" message=\"{}\" source=\"mtlint.{}\"/>\n",
                f.severity,
                escape(&f.message),
                escape(&f.rule)
            ));
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}

fn rd_severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

pub fn rdjson(results: &[FileResult]) -> String {
    let mut diagnostics = Vec::new();
    for r in results {
        for f in &r.report.findings {
            let ((line, col), (end_line, end_col)) = r.position(f);
            let range = json!({
                "start": { "line": line, "column": col },
                "end": { "line": end_line, "column": end_col },
            });
            let suggestions: Vec<_> = f
                .suggestions
                .iter()
                .map(|s| json!({ "range": range, "text": s.replacement }))
                .collect();
            diagnostics.push(json!({
                "message": f.message,
                "location": { "path": r.path, "range": range },
                "severity": rd_severity(f.severity),
                "code": { "value": f.rule },
                "suggestions": suggestions,
            }));
        }
    }
    let doc = json!({
        "source": { "name": "mtlint", "url": "https://crates.io/crates/mtlint" },
        "diagnostics": diagnostics,
    });
    serde_json::to_string_pretty(&doc).expect("rdjson serialises") + "\n"
}

fn gitlab_severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Info => "info",
    }
}

/// A stable FNV-1a hash; GitLab only needs fingerprints to be unique and to
/// stay the same across runs, which the std hasher does not promise.
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

pub fn gitlab(results: &[FileResult]) -> String {
    let mut issues = Vec::new();
    for r in results {
        let mut seen = std::collections::HashMap::new();
        for f in &r.report.findings {
            let key = baseline::entry(&r.path, r.doc.source(), f);
            // Identical keys in one file still need distinct fingerprints.
            let n: &mut usize = seen.entry(key.clone()).or_default();
            *n += 1;
            let ((line, _), (end_line, _)) = r.position(f);
            issues.push(json!({
                "description": f.message,
                "check_name": f.rule,
                "fingerprint": fingerprint(&[&key.path, &key.rule, &key.text, &key.context, &n.to_string()]),
                "severity": gitlab_severity(f.severity),
                "categories": ["Style"],
                "location": { "path": r.path, "lines": { "begin": line, "end": end_line } },
            }));
        }
    }
    serde_json::to_string_pretty(&issues).expect("gitlab report serialises") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escaping() {
        assert_eq!(gh_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(gh_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
    }
}
