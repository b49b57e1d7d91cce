//! End-to-end tests of the `mtlint` binary: exit codes, inputs, config and
//! the output contracts (golden snapshots on a fixture pack).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const FIXTURE_RULES: &str = "tests/fixtures/rules";

fn mtlint(args: &[&str]) -> Output {
    mtlint_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, None)
}

fn mtlint_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("binary finishes")
}

/// Only the fixture pack, so snapshots do not move when real packs grow.
fn fixture_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![
        "--no-config",
        "--rules",
        FIXTURE_RULES,
        "--disable",
        "all",
        "--enable",
        "fixture",
    ];
    v.extend_from_slice(extra);
    v
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn golden_short_output() {
    let o = mtlint(&fixture_args(&[
        "check",
        "--format",
        "short",
        "tests/fixtures/input/small.txt",
    ]));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn golden_json_output() {
    let o = mtlint(&fixture_args(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/input/small.txt",
    ]));
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn golden_graphical_output() {
    let o = mtlint(&fixture_args(&[
        "check",
        "--color",
        "never",
        "tests/fixtures/input/small.txt",
    ]));
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn json_spans_are_byte_offsets_into_the_input_across_crlf_and_tabs() {
    let o = mtlint(&fixture_args(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/input/small.txt",
    ]));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let input = std::fs::read_to_string("tests/fixtures/input/small.txt").unwrap();
    let findings = v["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    for f in findings {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&input[s..e], f["text"].as_str().unwrap());
    }
    assert_eq!(findings[1]["line"], 4);
    // "was agreed.<TAB>The minister said " is 30 characters.
    assert_eq!(findings[1]["column"], 31);
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["warnings"], 1);
    assert_eq!(v["summary"]["infos"], 1);
}

#[test]
fn markdown_lints_prose_only() {
    let o = mtlint(&fixture_args(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/input/small.md",
    ]));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let findings = v["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "code, inline code are not linted");
    assert_eq!(findings[0]["line"], 3);
}

#[test]
fn html_lints_visible_text_with_raw_spans() {
    let o = mtlint(&fixture_args(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/input/small.html",
    ]));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let findings = v["files"][0]["findings"].as_array().unwrap();
    assert_eq!(
        findings.len(),
        1,
        "title, script and attributes are not linted"
    );
    assert_eq!(
        findings[0]["text"].as_str().unwrap(),
        "after all signs of&nbsp;the sun"
    );
    assert_eq!(findings[0]["fix_safe"], false);
}

#[test]
fn fail_on_controls_the_exit_code() {
    let file = "tests/fixtures/input/small.txt";
    let code = |level: &str| {
        mtlint(&fixture_args(&[
            "check",
            "--format",
            "short",
            "--fail-on",
            level,
            file,
        ]))
        .status
        .code()
    };
    assert_eq!(code("warning"), Some(1));
    assert_eq!(code("error"), Some(0));
    assert_eq!(code("never"), Some(0));
    assert_eq!(code("info"), Some(1));
}

#[test]
fn clean_input_exits_zero_and_stdin_works() {
    let o = mtlint_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &fixture_args(&["check", "--format", "short", "-"]),
        Some("Nothing to see here. All signs point to a launch.\n"),
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
    let o = mtlint_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &fixture_args(&["check", "--format", "short", "-"]),
        Some("It will, after all signs of the sun, happen.\n"),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("<stdin>:1:10: warning [fixture/sv/after-all-signs-of-the-sun]"));
}

#[test]
fn unreadable_and_binary_files_are_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "after all signs of the sun\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x00\x01binary").unwrap();
    std::fs::write(dir.path().join("c.txt"), b"bad \xff utf8").unwrap();
    std::fs::write(dir.path().join("d.rs"), "after all signs of the sun").unwrap();
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE_RULES);
    let o = mtlint_in(
        dir.path(),
        &[
            "--no-config",
            "--rules",
            rules.to_str().unwrap(),
            "--disable",
            "all",
            "--enable",
            "fixture",
            "check",
            "--format",
            "short",
            ".",
            "missing.txt",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(out.contains("a.txt:1:1: warning"), "{out}");
    assert!(
        !out.contains("d.rs"),
        "only default extensions in directories"
    );
    let err = stderr(&o);
    assert!(err.contains("b.txt: looks like a binary file"), "{err}");
    assert!(
        err.contains("c.txt: not valid UTF-8: invalid byte at offset 4"),
        "{err}"
    );
    assert!(
        err.contains("missing.txt: no such file or directory"),
        "{err}"
    );
}

#[test]
fn ext_flag_changes_directory_extensions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.text"), "after all signs of the sun\n").unwrap();
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE_RULES);
    let o = mtlint_in(
        dir.path(),
        &[
            "--no-config",
            "--rules",
            rules.to_str().unwrap(),
            "--disable",
            "all",
            "--enable",
            "fixture",
            "check",
            "--format",
            "short",
            "--ext",
            "text",
            ".",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("a.text:1:1"));
}

#[test]
fn config_is_discovered_and_validated_with_spans() {
    let dir = tempfile::tempdir().unwrap();
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE_RULES);
    std::fs::write(
        dir.path().join("mtlint.toml"),
        format!(
            "rules = [{:?}]\ndisable = [\"all\"]\nenable = [\"fixture\"]\n[severity]\n\"fixture/sv\" = \"error\"\n",
            rules.to_str().unwrap()
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "after all signs of the sun\n").unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let o = mtlint_in(&sub, &["check", "--format", "short", "../a.txt"], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains(": error [fixture/sv/after-all-signs-of-the-sun]"));

    std::fs::write(
        dir.path().join("mtlint.toml"),
        "disable = [\"calque/xx\"]\nunknown_key = 1\n",
    )
    .unwrap();
    let o = mtlint_in(dir.path(), &["check", "a.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unknown field `unknown_key`"), "{err}");
    assert!(err.contains("mtlint.toml"), "{err}");

    std::fs::write(
        dir.path().join("mtlint.toml"),
        "disable = [\"calque/xx\"]\n",
    )
    .unwrap();
    let o = mtlint_in(dir.path(), &["check", "a.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no rule is called `calque/xx`"));
}

#[test]
fn malformed_pack_is_reported_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[pack]\nkind = \"phrase\"\nid = \"mine/x\"\ncategory = \"idiom-calque\"\n\n[[entry]]\nid = \"a\"\nsource = \"s\"\nmeaning = \"m\"\npatterns = [\"(unclosed\"]\nreplacements = [\"x\"]\nflag = [\"[(unclosed]\"]\npass = [\"ok\"]\n",
    )
    .unwrap();
    let o = mtlint_in(dir.path(), &["--no-config", "--rules", ".", "rules"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("bad.toml"), "{err}");
    assert!(err.contains("unclosed `(`"), "{err}");
    assert!(
        err.contains("10 │") || err.contains("10 |"),
        "label on line 10: {err}"
    );
}

#[test]
fn rules_explain_and_test_rules() {
    let o = mtlint(&fixture_args(&["rules", "--format", "json"]));
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.contains(&"fixture/sv/no-cow-on-the-ice".to_string()));
    let o = mtlint(&fixture_args(&["explain", "fixture/sv/no-cow-on-the-ice"]));
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("ingen ko på isen"));
    assert!(out.contains("[there is no cow on the ice]"));
    let o = mtlint(&fixture_args(&["explain", "no/such-rule"]));
    assert_eq!(o.status.code(), Some(2));
    let o = mtlint(&fixture_args(&["test-rules", "fixture"]));
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("2 rules, 4 examples: 4 passed, 0 failed"));
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(mtlint(&["check"]).status.code(), Some(2));
    assert_eq!(mtlint(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        mtlint(&["check", "--disable", "nope/x", "README.md"])
            .status
            .code(),
        Some(2)
    );
}
