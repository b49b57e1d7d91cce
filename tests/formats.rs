//! The CI workflow: machine formats (golden files + schema checks), gating,
//! suppression, baselines and fixes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("binary runs")
}

fn fixture_rules() -> String {
    Path::new(ROOT)
        .join("tests/fixtures/rules")
        .display()
        .to_string()
}

/// The fixture pack only, so golden files don't move when real packs grow.
fn fixture(args: &[&str]) -> Output {
    let rules = fixture_rules();
    let mut all = vec![
        "--no-config",
        "--rules",
        rules.as_str(),
        "--disable",
        "all",
        "--enable",
        "fixture",
    ];
    all.extend_from_slice(args);
    run(Path::new(ROOT), &all)
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

const SMALL: &str = "tests/fixtures/input/small.txt";

#[test]
fn golden_machine_formats() {
    for format in [
        "sarif",
        "github",
        "junit",
        "checkstyle",
        "rdjson",
        "gitlab",
        "jsonl",
    ] {
        let o = fixture(&["check", "--format", format, SMALL]);
        assert_eq!(o.status.code(), Some(1), "{format}");
        let text = out(&o).replace(env!("CARGO_PKG_VERSION"), "VERSION");
        insta::assert_snapshot!(format!("format_{format}"), text);
    }
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(ROOT).join("tests/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("schema compiles");
    for input in [
        SMALL,
        "tests/fixtures/input/small.html",
        "corpus/seed/leica-xiaomi.txt",
    ] {
        let o = fixture(&["check", "--format", "sarif", input]);
        let log: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{input}: {errors:?}");
        // The real rules too, on the seed.
    }
    let o = run(
        Path::new(ROOT),
        &[
            "--no-config",
            "check",
            "--format",
            "sarif",
            "corpus/seed/leica-xiaomi.txt",
        ],
    );
    let log: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert!(validator.is_valid(&log));
    assert!(!log["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn xml_formats_are_well_formed() {
    for format in ["junit", "checkstyle"] {
        let o = fixture(&[
            "check",
            "--format",
            format,
            SMALL,
            "tests/fixtures/input/small.md",
        ]);
        let xml = out(&o);
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut elements = 0;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Start(_) | quick_xml::events::Event::Empty(_)) => {
                    elements += 1
                }
                Ok(_) => {}
                Err(e) => panic!("{format}: {e}"),
            }
        }
        assert!(elements >= 4, "{format}");
    }
}

#[test]
fn jsonl_is_one_object_per_finding() {
    let o = fixture(&[
        "check",
        "--format",
        "jsonl",
        SMALL,
        "tests/fixtures/input/small.md",
    ]);
    let lines: Vec<serde_json::Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["path"], SMALL);
    assert_eq!(lines[2]["path"], "tests/fixtures/input/small.md");
}

#[test]
fn gating_by_warning_count_and_score() {
    let code = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "short", "--fail-on", "never"];
        args.extend_from_slice(extra);
        args.push(SMALL);
        fixture(&args).status.code()
    };
    assert_eq!(code(&[]), Some(0));
    assert_eq!(code(&["--max-warnings", "1"]), Some(0));
    assert_eq!(code(&["--max-warnings", "0"]), Some(1));
    // 1 warning (5) + 1 info (1) over 25 words = 240 per 1,000 words.
    assert_eq!(code(&["--max-score", "240"]), Some(0));
    assert_eq!(code(&["--max-score", "239.9"]), Some(1));
    let o = fixture(&["check", "--format", "json", SMALL]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["files"][0]["score"], 240.0);
    assert_eq!(v["summary"]["score"], 240.0);
}

fn temp_copy(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn fixture_in(dir: &Path, args: &[&str]) -> Output {
    let rules = fixture_rules();
    let mut all = vec![
        "--no-config",
        "--rules",
        rules.as_str(),
        "--disable",
        "all",
        "--enable",
        "fixture",
    ];
    all.extend_from_slice(args);
    run(dir, &all)
}

#[test]
fn inline_suppression_and_unused_directives() {
    let md = "One after all signs of the sun.\n\n<!-- mtlint-disable-next-line fixture/sv/after-all-signs-of-the-sun -->\nTwo after all signs of the sun.\n\n<!-- mtlint-disable fixture -->\nThree after all signs of the sun.\n<!-- mtlint-enable fixture -->\n\n<!-- mtlint-disable-next-line names -->\nNothing here.\n";
    let txt = "mtlint-disable-next-line fixture\nOne after all signs of the sun.\nTwo after all signs of the sun.\n";
    let dir = temp_copy(&[("a.md", md), ("b.txt", txt)]);
    let o = fixture_in(dir.path(), &["check", "--format", "short", "a.md", "b.txt"]);
    let text = out(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("a.md:1:5:"), "{text}");
    assert!(lines[1].starts_with("b.txt:3:5:"), "{text}");
    let o = fixture_in(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "--report-unused-disables",
            "--enable",
            "suppression",
            "a.md",
        ],
    );
    assert!(
        out(&o).contains("a.md:10:1: warning [suppression/unused-disable]"),
        "{}",
        out(&o)
    );
}

#[test]
fn baseline_reports_only_new_findings_and_survives_edits_elsewhere() {
    let dir = temp_copy(&[(
        "a.txt",
        "Intro.\n\nIt will, after all signs of the sun, pass.\n",
    )]);
    let o = fixture_in(
        dir.path(),
        &["check", "--write-baseline", "base.json", "a.txt"],
    );
    assert_eq!(o.status.code(), Some(0));
    let o = fixture_in(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "--baseline",
            "base.json",
            "a.txt",
        ],
    );
    assert_eq!((o.status.code(), out(&o).as_str()), (Some(0), ""));
    // An edit elsewhere moves the finding to another line: still known.
    std::fs::write(
        dir.path().join("a.txt"),
        "A new lead paragraph.\n\nIntro.\n\nIt will, after all signs of the sun, pass.\n\nAnd there is no cow on the ice.\n",
    )
    .unwrap();
    let o = fixture_in(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "--baseline",
            "base.json",
            "a.txt",
        ],
    );
    let text = out(&o);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("no-cow-on-the-ice"));
    let o = fixture_in(
        dir.path(),
        &["check", "--baseline", "missing.json", "a.txt"],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn fix_and_diff() {
    let original = "It will, after all signs of the sun, pass. There is no cow on the ice.\n";
    let dir = temp_copy(&[("a.txt", original)]);
    let o = fixture_in(dir.path(), &["check", "--diff", "a.txt"]);
    let diff = out(&o);
    assert!(
        diff.contains("-It will, after all signs of the sun, pass."),
        "{diff}"
    );
    assert!(
        diff.contains("+It will, in all likelihood, pass."),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        original
    );
    let o = fixture_in(
        dir.path(),
        &["check", "--format", "short", "--fix", "a.txt"],
    );
    let fixed = std::fs::read_to_string(dir.path().join("a.txt")).unwrap();
    // Only the safe fix is applied; the unsafe one is still reported.
    assert_eq!(
        fixed,
        "It will, in all likelihood, pass. There is no cow on the ice.\n"
    );
    assert_eq!(o.status.code(), Some(0), "only an info finding is left");
    assert!(out(&o).contains("no-cow-on-the-ice"));
}

fn copy_dir(from: &Path, to: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
            files.push(target);
        }
    }
    files
}

#[test]
fn second_fix_run_on_the_whole_corpus_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let files = copy_dir(&Path::new(ROOT).join("corpus"), dir.path());
    let snapshot = |files: &[PathBuf]| -> Vec<String> {
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap())
            .collect()
    };
    let before = snapshot(&files);
    run(
        dir.path(),
        &["--no-config", "check", "--format", "short", "--fix", "."],
    );
    let once = snapshot(&files);
    run(
        dir.path(),
        &["--no-config", "check", "--format", "short", "--fix", "."],
    );
    let twice = snapshot(&files);
    assert_eq!(once, twice, "a second --fix changed something");
    // Fixes only ever replace finding spans; annotation files are untouched.
    for ((f, b), o) in files.iter().zip(&before).zip(&once) {
        if f.extension().is_some_and(|e| e == "tsv") {
            assert_eq!(b, o);
        }
    }
}
