//! Throughput benchmark: `cargo bench --bench throughput`.
//!
//! Builds two generated corpora of at least 20 MB each by cycling the
//! project's own articles (`corpus/clean` = native English, the rest = MT
//! text), lints every article as its own document on one thread, and
//! reports MB/s for the whole engine and for each stage (document model and
//! each rule family), plus the start-up time of `mtlint check` on one small
//! file. Set `MTLINT_BENCH_MB` to change the corpus size.

use mtlint::document::{Document, InputFormat};
use mtlint::finding::Finding;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn articles(root: &Path, clean: bool) -> Vec<String> {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| p.components().any(|c| c.as_os_str() == "clean") == clean)
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let t = std::fs::read_to_string(p).expect("corpus article is readable");
            match t.strip_prefix("# source:") {
                Some(_) => t
                    .split_once('\n')
                    .map_or(String::new(), |x| x.1.to_string()),
                None => t,
            }
        })
        .collect()
}

fn generate(sources: &[String], min_bytes: usize) -> Vec<String> {
    assert!(!sources.is_empty(), "no corpus articles found");
    let mut out = Vec::new();
    let mut total = 0;
    for text in sources.iter().cycle() {
        if total >= min_bytes {
            break;
        }
        total += text.len();
        out.push(text.clone());
    }
    out
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1_000_000.0 / time.as_secs_f64()
}

fn bench_corpus(label: &str, docs: &[String], linter: &mtlint::lint::Linter) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let start = Instant::now();
    let parsed: Vec<Document> = docs
        .iter()
        .map(|t| Document::new(t.clone(), InputFormat::Text))
        .collect();
    let doc_time = start.elapsed();
    println!(
        "{label}: {:.1} MB in {} articles",
        bytes as f64 / 1e6,
        docs.len()
    );
    println!(
        "  {:<14} {:>9.1} MB/s",
        "document",
        mb_per_s(bytes, doc_time)
    );
    for (name, check) in linter.registry().families() {
        let mut sink: Vec<Finding> = Vec::new();
        let start = Instant::now();
        for doc in &parsed {
            sink.clear();
            check.check(doc, &mut sink);
        }
        println!(
            "  {:<14} {:>9.1} MB/s",
            name,
            mb_per_s(bytes, start.elapsed())
        );
    }
    let start = Instant::now();
    let mut findings = 0;
    for text in docs {
        let doc = Document::new(text.clone(), InputFormat::Text);
        findings += linter.lint(&doc).findings.len();
    }
    let total = start.elapsed();
    println!(
        "  {:<14} {:>9.1} MB/s ({findings} findings, {:.2} s)",
        "whole engine",
        mb_per_s(bytes, total),
        total.as_secs_f64()
    );
}

fn startup(root: &Path) {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let bin = target.join("release/mtlint");
    if !bin.is_file() {
        println!("start-up: build with `cargo build --release` to measure it");
        return;
    }
    let seed = root.join("corpus/seed/leica-xiaomi.txt");
    let runs = 20;
    let start = Instant::now();
    for _ in 0..runs {
        std::process::Command::new(&bin)
            .args(["--no-config", "check", "--format", "short"])
            .arg(&seed)
            .output()
            .expect("mtlint runs");
    }
    println!(
        "start-up: `mtlint check` on the seed article: {:.1} ms per run (mean of {runs})",
        start.elapsed().as_secs_f64() * 1000.0 / runs as f64
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mb: usize = std::env::var("MTLINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let start = Instant::now();
    let linter = mtlint::default_linter();
    println!(
        "rules loaded: {} in {:.1} ms",
        linter.registry().rules().count(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    let corpus = root.join("corpus");
    let native = generate(&articles(&corpus, true), mb * 1_000_000);
    let mt = generate(&articles(&corpus, false), mb * 1_000_000);
    bench_corpus("native English (corpus/clean)", &native, &linter);
    bench_corpus("MT text (corpus/ minus clean)", &mt, &linter);
    startup(root);
}
