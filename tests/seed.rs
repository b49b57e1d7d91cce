//! The founding example: the binary on `corpus/seed/leica-xiaomi.txt` reports
//! the seed's artifacts with the right category and exact spans.

use std::process::Command;

struct Found {
    rule: String,
    category: String,
    text: String,
    suggestions: Vec<String>,
}

fn findings() -> (String, Vec<Found>, serde_json::Value) {
    let path = "corpus/seed/leica-xiaomi.txt";
    let o = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(["--no-config", "check", "--format", "json", path])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let source =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
            .unwrap();
    let found = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            Found {
                rule: f["rule"].as_str().unwrap().to_string(),
                category: f["category"].as_str().unwrap().to_string(),
                text: source[s..e].to_string(),
                suggestions: f["suggestions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect(),
            }
        })
        .collect();
    (source, found, v)
}

fn assert_found(found: &[Found], text: &str, category: &str) -> usize {
    let i = found
        .iter()
        .position(|f| f.text == text)
        .unwrap_or_else(|| panic!("\"{text}\" not reported with exactly that span"));
    assert_eq!(found[i].category, category, "{text}: {}", found[i].rule);
    i
}

#[test]
fn seed_calques_are_reported_with_exact_spans() {
    let (_, found, _) = findings();
    let i = assert_found(&found, "after all signs of the sun", "idiom-calque");
    assert!(found[i].rule.starts_with("calque/sv/"));
    assert!(found[i]
        .suggestions
        .iter()
        .any(|s| s == "in all likelihood"));
    assert_found(&found, "tastes of progress", "idiom-calque");
    assert_found(&found, "But with all that.", "idiom-calque");
}

/// Whether a finding of `category` overlaps the first occurrence of `text`.
fn covered(source: &str, v: &serde_json::Value, text: &str, category: &str) -> Option<String> {
    let start = source.find(text).expect("text occurs in the seed");
    let end = start + text.len();
    v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            s < end && start < e && f["category"] == category
        })
        .map(|f| f["rule"].as_str().unwrap().to_string())
}

#[test]
fn seed_names_are_restored() {
    let (_, found, _) = findings();
    let harsh = assert_found(&found, "Matthias Harsh", "name-garbled");
    assert_eq!(found[harsh].suggestions[0], "Matthias Harsch");
    let lee = assert_found(&found, "Lee Jun", "name-garbled");
    assert_eq!(found[lee].suggestions[0], "Lei Jun");
}

#[test]
fn seed_locale_debris_and_repetition_are_reported() {
    let (source, _, v) = findings();
    for (text, category) in [
        ("– We are convinced", "locale-punct"),
        ("– This cooperation", "locale-punct"),
        ("Complete News World", "boilerplate"),
        ("See also\u{a0} It will build", "boilerplate"),
        ("we will see.", "other-mt"),
        ("the pioneering progress", "repetition"),
    ] {
        assert!(
            covered(&source, &v, text, category).is_some(),
            "\"{text}\" not reported as {category}"
        );
    }
    // The headline's second copy (it differs only in the apostrophe).
    let second = source.find("Leica\u{2019}s collaboration").unwrap();
    let hit = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| {
            f["category"] == "repetition"
                && f["start"].as_u64().unwrap() as usize <= second
                && second < f["end"].as_u64().unwrap() as usize
        });
    assert!(hit, "repeated headline not reported");
}

#[test]
fn seed_fingerprint_is_swedish() {
    let (_, _, v) = findings();
    assert_eq!(v["files"][0]["language"]["language"], "sv");
}
