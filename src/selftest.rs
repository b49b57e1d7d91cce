//! Runs every rule's examples with LanguageTool's semantics, each rule in
//! isolation (as if it were the only one enabled): a `flag` example
//! yields exactly one finding from its rule, on exactly the marked span, and
//! applying the first suggestion makes it go away; a `pass` example yields no
//! finding from its rule.

use crate::document::{Document, InputFormat};
use crate::lint::Linter;
use crate::rule::{id_matches, RuleInfo};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule: String,
    pub origin: Option<String>,
    pub example: String,
    pub problem: String,
}

#[derive(Debug, Default)]
pub struct SelfTestReport {
    pub rules: usize,
    pub examples: usize,
    pub failures: Vec<ExampleFailure>,
}

/// Splits "a [marked] span" into the plain text and the marked byte range.
pub fn parse_marked(example: &str) -> Option<(String, std::ops::Range<usize>)> {
    let open = example.find('[')?;
    let close = example[open..].find(']')? + open;
    let text = format!(
        "{}{}{}",
        &example[..open],
        &example[open + 1..close],
        &example[close + 1..]
    );
    Some((text, open..close - 1))
}

pub fn run(linter: &Linter, prefix: Option<&str>) -> SelfTestReport {
    let mut report = SelfTestReport::default();
    let rules: Vec<&RuleInfo> = linter
        .registry()
        .rules()
        .filter(|r| prefix.is_none_or(|p| id_matches(&r.id, p)))
        .collect();
    for rule in rules {
        report.rules += 1;
        let mut fail = |example: &str, problem: String| {
            report.failures.push(ExampleFailure {
                rule: rule.id.clone(),
                origin: rule.origin.clone(),
                example: example.to_string(),
                problem,
            })
        };
        for example in &rule.examples.flag {
            report.examples += 1;
            let Some((text, expected)) = parse_marked(example) else {
                fail(example, "no `[...]` span marked".into());
                continue;
            };
            let doc = Document::new(text.clone(), InputFormat::Text);
            let found = linter.findings_of_rule(&doc, &rule.id);
            match found.as_slice() {
                [one] if one.span == expected => {
                    if let Some(s) = one.suggestions.first() {
                        let fixed = format!(
                            "{}{}{}",
                            &text[..expected.start],
                            s.replacement,
                            &text[expected.end..]
                        );
                        let doc = Document::new(fixed.clone(), InputFormat::Text);
                        if !linter.findings_of_rule(&doc, &rule.id).is_empty() {
                            fail(example, format!("still flagged after the fix: {fixed}"));
                        }
                    }
                }
                [one] => fail(
                    example,
                    format!(
                        "flagged \"{}\" instead of \"{}\"",
                        &text[one.span.clone()],
                        &text[expected]
                    ),
                ),
                [] => fail(example, "not flagged".into()),
                many => fail(example, format!("flagged {} times", many.len())),
            }
        }
        for example in &rule.examples.pass {
            report.examples += 1;
            let doc = Document::new(example.clone(), InputFormat::Text);
            if let Some(f) = linter.findings_of_rule(&doc, &rule.id).first() {
                fail(
                    example,
                    format!("pass example flagged at \"{}\"", &example[f.span.clone()]),
                );
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_spans_are_parsed() {
        let (text, span) = parse_marked("It [tastes of progress] indeed.").unwrap();
        assert_eq!(text, "It tastes of progress indeed.");
        assert_eq!(&text[span], "tastes of progress");
        assert!(parse_marked("nothing marked").is_none());
    }
}
