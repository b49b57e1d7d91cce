//! Every rule's `flag` and `pass` examples, run through the whole engine with
//! LanguageTool's semantics (see `src/selftest.rs`).

#[test]
fn every_rule_example_holds() {
    let linter = mtlint::default_linter();
    let report = mtlint::selftest::run(&linter, None);
    let failures: Vec<String> = report
        .failures
        .iter()
        .map(|f| {
            format!(
                "{} ({}): {}\n    {}",
                f.rule,
                f.origin.as_deref().unwrap_or("built-in"),
                f.problem,
                f.example
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} examples failed:\n{}",
        failures.len(),
        report.examples,
        failures.join("\n")
    );
    assert!(report.examples > 0, "no examples were run");
}

#[test]
fn every_pack_entry_has_flag_and_pass_examples() {
    let linter = mtlint::default_linter();
    for rule in linter.registry().rules() {
        if rule.origin.is_some() {
            assert!(
                !rule.examples.flag.is_empty(),
                "{} has no flag example",
                rule.id
            );
            assert!(
                !rule.examples.pass.is_empty(),
                "{} has no pass example",
                rule.id
            );
        }
    }
}
