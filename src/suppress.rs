//! Inline suppression directives.
//!
//! Markdown and HTML: `<!-- mtlint-disable RULE... -->`, `<!-- mtlint-enable
//! RULE... -->` and `<!-- mtlint-disable-next-line RULE... -->`. Plain text: a
//! line containing only `mtlint-disable-next-line RULE...`. RULE is a rule id
//! or prefix (`calque/de`); several may be separated by spaces or commas; none
//! means every rule. A directive that suppresses nothing is reported when
//! `--report-unused-disables` is given.

use crate::document::{Document, InputFormat};
use crate::finding::{Category, Finding, Severity};
use crate::rule::{id_matches, Check, Examples, Family, RuleInfo};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub const UNUSED_RULE: &str = "suppression/unused-disable";

/// Registers the id reported for unused directives, so it can be listed,
/// explained, disabled and given a severity like any rule. The reporting
/// itself happens in the engine, after every family has run.
pub const FAMILY: Family = Family {
    name: "suppression",
    pack_kinds: &[],
    build: |_| Ok(Box::new(SuppressionRules(vec![unused_rule_info()]))),
};

struct SuppressionRules(Vec<RuleInfo>);

impl Check for SuppressionRules {
    fn rules(&self) -> &[RuleInfo] {
        &self.0
    }

    fn check(&self, _doc: &Document, _out: &mut Vec<Finding>) {}
}

fn unused_rule_info() -> RuleInfo {
    RuleInfo {
        id: UNUSED_RULE.to_string(),
        category: Category::Boilerplate,
        severity: Severity::Warning,
        language: None,
        summary: "an mtlint-disable directive that suppresses nothing".to_string(),
        docs: "What it does\n  With --report-unused-disables, reports inline directives\n  (<!-- mtlint-disable RULE -->, <!-- mtlint-disable-next-line RULE -->, or a plain-text\n  line `mtlint-disable-next-line RULE`) that suppress no finding.\n\nWhy is this bad?\n  A stale directive hides nothing today but will hide a real finding tomorrow, and it is\n  debris in the article.\n".to_string(),
        examples: Examples::default(),
        origin: None,
    }
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*mtlint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
        .expect("valid regex")
});
static TEXT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*mtlint-disable-next-line\b([^\r\n]*?)[ \t]*\r?$").expect("valid regex")
});

#[derive(Debug, Clone, PartialEq, Eq)]
struct Directive {
    /// Where the directive itself is written (source bytes).
    at: Range<usize>,
    /// The source bytes it covers.
    covers: Range<usize>,
    selectors: Vec<String>,
}

impl Directive {
    fn applies(&self, f: &Finding) -> bool {
        f.span.start >= self.covers.start
            && f.span.start < self.covers.end
            && (self.selectors.is_empty() || self.selectors.iter().any(|s| id_matches(&f.rule, s)))
    }

    fn describe(&self) -> String {
        if self.selectors.is_empty() {
            "all rules".to_string()
        } else {
            self.selectors.join(", ")
        }
    }
}

fn selectors(list: &str) -> Vec<String> {
    list.split([' ', ',', '\t'])
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The byte range of the line after the one containing `offset` (the next
/// non-blank line).
fn next_line(src: &str, offset: usize) -> Range<usize> {
    let mut start = src[offset..]
        .find('\n')
        .map_or(src.len(), |p| offset + p + 1);
    while start < src.len() {
        let end = src[start..].find('\n').map_or(src.len(), |p| start + p + 1);
        if !src[start..end].trim().is_empty() {
            return start..end;
        }
        start = end;
    }
    src.len()..src.len()
}

fn directives(doc: &Document) -> Vec<Directive> {
    let src = doc.source();
    let mut out = Vec::new();
    match doc.format() {
        InputFormat::Text => {
            for c in TEXT_LINE.captures_iter(src) {
                let whole = c.get(0).expect("match");
                out.push(Directive {
                    at: whole.range(),
                    covers: next_line(src, whole.start()),
                    selectors: selectors(&c[1]),
                });
            }
        }
        InputFormat::Markdown | InputFormat::Html => {
            // disable ... enable pairs are matched per selector list.
            let mut open: Vec<(Range<usize>, Vec<String>)> = Vec::new();
            for c in COMMENT.captures_iter(src) {
                let whole = c.get(0).expect("match");
                let sel = selectors(&c[2]);
                match &c[1] {
                    "disable-next-line" => out.push(Directive {
                        at: whole.range(),
                        covers: next_line(src, whole.end().saturating_sub(1)),
                        selectors: sel,
                    }),
                    "disable" => open.push((whole.range(), sel)),
                    _ => {
                        if let Some(i) = open.iter().rposition(|(_, s)| *s == sel || sel.is_empty())
                        {
                            let (at, s) = open.remove(i);
                            out.push(Directive {
                                covers: at.end..whole.start(),
                                at,
                                selectors: s,
                            });
                        }
                    }
                }
            }
            out.extend(open.into_iter().map(|(at, s)| Directive {
                covers: at.end..src.len(),
                at,
                selectors: s,
            }));
        }
    }
    out
}

/// Removes suppressed findings (spans must already be source offsets). In
/// plain text the directive lines themselves are not article text, so
/// findings on them are dropped too. Returns findings for unused directives.
pub fn apply(doc: &Document, findings: &mut Vec<Finding>) -> Vec<Finding> {
    let directives = directives(doc);
    if directives.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; directives.len()];
    findings.retain(|f| {
        if directives
            .iter()
            .any(|d| f.span.start < d.at.end && d.at.start < f.span.end)
        {
            return false;
        }
        let mut keep = true;
        for (i, d) in directives.iter().enumerate() {
            if d.applies(f) {
                used[i] = true;
                keep = false;
            }
        }
        keep
    });
    directives
        .iter()
        .zip(used)
        .filter(|(_, used)| !used)
        .map(|(d, _)| {
            Finding::new(
                UNUSED_RULE,
                Category::Boilerplate,
                Severity::Warning,
                d.at.clone(),
                format!(
                    "this mtlint directive suppresses nothing ({})",
                    d.describe()
                ),
            )
            .with_note("a leftover directive is debris in the article; remove it")
            .with_suggestion("", false)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, span: Range<usize>) -> Finding {
        Finding::new(rule, Category::IdiomCalque, Severity::Warning, span, "m")
    }

    #[test]
    fn markdown_disable_enable_and_next_line() {
        let src = "a x\n<!-- mtlint-disable calque/sv -->\nb x\n<!-- mtlint-enable calque/sv -->\nc x\n<!-- mtlint-disable-next-line -->\nd x\n";
        let doc = Document::new(src.to_string(), InputFormat::Markdown);
        let at = |s: &str| {
            let i = src.find(s).unwrap();
            i..i + 1
        };
        let mut f = vec![
            finding("calque/sv/x", at("a x")),
            finding("calque/sv/x", at("b x")),
            finding("calque/de/x", at("b x")),
            finding("calque/sv/x", at("c x")),
            finding("calque/sv/x", at("d x")),
        ];
        let unused = apply(&doc, &mut f);
        let kept: Vec<_> = f
            .iter()
            .map(|f| (&src[f.span.clone()], f.rule.as_str()))
            .collect();
        assert_eq!(
            kept,
            [
                ("a", "calque/sv/x"),
                ("b", "calque/de/x"),
                ("c", "calque/sv/x")
            ]
        );
        assert!(unused.is_empty());
    }

    #[test]
    fn plain_text_next_line_and_unused_directive() {
        let src = "mtlint-disable-next-line calque\nit x\n\nmtlint-disable-next-line names\nok\n";
        let doc = Document::new(src.to_string(), InputFormat::Text);
        let i = src.find("it x").unwrap();
        let mut f = vec![finding("calque/sv/x", i..i + 2)];
        let unused = apply(&doc, &mut f);
        assert!(f.is_empty());
        assert_eq!(unused.len(), 1);
        assert_eq!(unused[0].rule, UNUSED_RULE);
        assert!(src[unused[0].span.clone()].contains("names"));
    }
}
