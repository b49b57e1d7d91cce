//! SARIF 2.1.0: rules with their help text, results with regions (line and
//! column in Unicode code points, plus byte offsets) and fixes.

use super::FileResult;
use crate::finding::Severity;
use crate::rule::Registry;
use serde_json::{json, Value};
use std::collections::BTreeMap;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn render(results: &[FileResult], registry: &Registry) -> String {
    // Only the rules that were reported, in a stable order, so the log stays
    // small with thousands of pack entries loaded.
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    for f in results.iter().flat_map(|r| &r.report.findings) {
        used.entry(f.rule.as_str()).or_default();
    }
    for (i, v) in used.values_mut().enumerate() {
        *v = i;
    }
    let rules: Vec<Value> = used
        .keys()
        .map(|id| match registry.rule(id) {
            Some(rule) => {
                let mut props = json!({ "category": rule.category.as_str() });
                if let Some(l) = &rule.language {
                    props["language"] = json!(l);
                }
                json!({
                    "id": rule.id,
                    "shortDescription": { "text": rule.summary },
                    "fullDescription": { "text": rule.docs },
                    "help": { "text": rule.docs },
                    "defaultConfiguration": { "level": level(rule.severity) },
                    "properties": props,
                })
            }
            None => json!({ "id": id }),
        })
        .collect();
    let mut out_results = Vec::new();
    for r in results {
        for f in &r.report.findings {
            let ((line, col), (end_line, end_col)) = r.position(f);
            let region = json!({
                "startLine": line,
                "startColumn": col,
                "endLine": end_line,
                "endColumn": end_col,
                "byteOffset": f.span.start,
                "byteLength": f.span.len(),
                "snippet": { "text": &r.doc.source()[f.span.clone()] },
            });
            let location = json!({
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(&r.path) },
                    "region": region,
                }
            });
            let mut result = json!({
                "ruleId": f.rule,
                "ruleIndex": used[f.rule.as_str()],
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [location],
                "properties": { "category": f.category.as_str() },
            });
            if let Some(s) = f.suggestions.first() {
                result["fixes"] = json!([{
                    "description": { "text": format!("Replace with \"{}\"", s.replacement) },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&r.path) },
                        "replacements": [{
                            "deletedRegion": {
                                "byteOffset": f.span.start,
                                "byteLength": f.span.len(),
                            },
                            "insertedContent": { "text": s.replacement },
                        }],
                    }],
                }]);
            }
            out_results.push(result);
        }
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "mtlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://crates.io/crates/mtlint",
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": out_results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).expect("SARIF serialises");
    s.push('\n');
    s
}

/// A relative URI reference for a path (`<stdin>` has none; it is kept as a
/// label, percent-encoded).
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.trim_start_matches("./").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
