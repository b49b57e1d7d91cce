//! Unit tests with native traps: each rule against sentences a native writer
//! would write.

use crate::document::{Document, InputFormat};
use crate::finding::Finding;
use crate::lint::Linter;
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(crate::default_linter)
}

fn findings(text: &str) -> Vec<Finding> {
    let linter = linter();
    let doc = Document::new(text.to_string(), InputFormat::Text);
    linter
        .findings_in_text(&doc)
        .into_iter()
        .filter(|f| f.rule.starts_with("grammar/"))
        .collect()
}

fn flagged(text: &str) -> Vec<(String, String)> {
    findings(text)
        .into_iter()
        .map(|f| (f.rule, text[f.span].to_string()))
        .collect()
}

#[test]
fn examples_of_every_rule_pass() {
    let report = crate::selftest::run(linter(), Some("grammar"));
    assert!(report.rules >= 10);
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
}

#[test]
fn native_modals_are_left_alone() {
    for text in [
        "Someone must have seen something, and police are appealing for witnesses.",
        "\"It must have been a shock,\" she said.",
        "The board should have known that, said Lars Cook, a professor of accounting.",
        "Anyone who depends on electricity should contact the power company.",
        "All payments above 100,000 kronor must be approved by two people.",
    ] {
        assert_eq!(flagged(text), [], "{text}");
    }
}

#[test]
fn evidential_severity_follows_the_context() {
    let with = findings("The man must have fled on foot, according to witnesses.");
    let without = findings("The man must have fled on foot towards the station.");
    assert_eq!(with[0].severity, crate::finding::Severity::Warning);
    assert_eq!(without[0].severity, crate::finding::Severity::Info);
    assert_eq!(with[0].suggestions[0].replacement, "is said to have");
}

#[test]
fn fronted_phrases_with_normal_order_are_left_alone() {
    for text in [
        "According to police, the man was seen leaving the house.",
        "On Tuesday the minister announced a new budget.",
        "In August, the company reported higher sales.",
        "At the same time, prices have risen sharply.",
        "Among the dead was a ten-year-old boy.",
        "Also affected are the regional trains.",
        "In a statement released on Monday the company said it would cut jobs.",
        "Now is the time to act, the minister said.",
        "Today is the last day of the sale.",
        "According to figures released by the agency, unemployment rose.",
    ] {
        assert_eq!(flagged(text), [], "{text}");
    }
}

#[test]
fn verb_second_suggests_subject_first() {
    let f = findings("According to the Evening Post must the party have threatened to leave.");
    assert_eq!(
        f[0].suggestions[0].replacement,
        "According to the Evening Post, the party must have threatened"
    );
}

#[test]
fn pronouns_for_people_of_unknown_sex_are_left_alone() {
    for text in [
        "The suspect was arrested on Monday. He denies the charges.",
        "Kim Berg met the mayor. He said the plan was good.",
        "A woman and her son were arrested. The suspect said he was innocent.",
        "The company said its chief executive, Anna Berg, would step down. She has led it since 2015.",
    ] {
        assert_eq!(flagged(text), [], "{text}");
    }
}

#[test]
fn organisation_pronouns_after_a_person_are_left_alone() {
    for text in [
        "Maria Holm founded the company in 1990. The company now has 300 employees. She still owns half of it.",
        "The police arrested a man on Friday. He was released on Saturday.",
        "The government presented its budget. It plans to cut taxes.",
    ] {
        assert_eq!(flagged(text), [], "{text}");
    }
}

#[test]
fn capitals_in_names_and_titles_are_left_alone() {
    for text in [
        "He told The Associated Press that the talks had failed.",
        "The band played Born In The USA at the end.",
        "Welcome To Yorkshire said visitor numbers rose.",
        "The Fire and Rescue Service said the blaze was out.",
        "She works for the Emergency Services Authority in Oslo.",
    ] {
        assert_eq!(flagged(text), [], "{text}");
    }
}

#[test]
fn lowercase_after_abbreviations_is_left_alone() {
    for text in [
        "The meeting starts at 9 a.m. and ends at noon.",
        "Fruit, vegetables etc. are sold at the market.",
        "The shop sells bread, milk, cheese, etc. and it opens at eight.",
    ] {
        assert_eq!(flagged(text), [], "{text}");
    }
}
