//! `mtlint eval DIR`: recall and precision against annotated articles, false
//! alarms on native controls.
//!
//! Layout (shared with `../shared/corpus-dev`): `NAME.txt` + `NAME.ann.tsv`,
//! one artifact per line `exact substring<TAB>category<TAB>explanation`. A
//! first text line starting with `# source:` is metadata. Articles under a
//! `clean/` folder are native English: every finding there is a false alarm.
//! An artifact is caught when a finding's span overlaps one of its occurrences.

use crate::document::{Document, InputFormat};
use crate::finding::{Category, Finding};
use crate::lint::Linter;
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Annotation {
    pub text: String,
    pub category: Category,
    pub explanation: String,
    pub occurrences: Vec<Range<usize>>,
}

#[derive(Debug)]
pub struct Article {
    pub path: String,
    pub text: String,
    pub clean: bool,
    pub annotations: Vec<Annotation>,
}

/// Loads every article below `dir`; problems with annotation files are
/// returned as messages naming file and line.
pub fn load_dir(dir: &Path) -> Result<(Vec<Article>, Vec<String>), String> {
    if !dir.is_dir() {
        return Err(format!("{}: not a directory", dir.display()));
    }
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let display = path.display().to_string();
        let raw = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{display}: cannot read: {e}"));
                continue;
            }
        };
        let text = match raw.strip_prefix("# source:") {
            Some(_) => raw.split_once('\n').map_or("", |x| x.1).to_string(),
            None => raw,
        };
        let clean = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .components()
            .any(|c| c.as_os_str() == "clean");
        let ann_path = path.with_extension("ann.tsv");
        let annotations = if ann_path.is_file() {
            parse_annotations(&ann_path, &text, &mut problems)
        } else if clean {
            Vec::new()
        } else {
            problems.push(format!("{display}: no .ann.tsv beside it; skipped"));
            continue;
        };
        articles.push(Article {
            path: display,
            text,
            clean,
            annotations,
        });
    }
    Ok((articles, problems))
}

fn parse_annotations(path: &Path, text: &str, problems: &mut Vec<String>) -> Vec<Annotation> {
    let display = path.display();
    let raw = match std::fs::read_to_string(path) {
        Ok(r) => r,
        Err(e) => {
            problems.push(format!("{display}: cannot read: {e}"));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(sub), Some(cat)) = (cols.next(), cols.next()) else {
            problems.push(format!(
                "{display}:{}: expected substring<TAB>category<TAB>explanation",
                n + 1
            ));
            continue;
        };
        let category = match cat.trim().parse::<Category>() {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!("{display}:{}: {e}", n + 1));
                continue;
            }
        };
        let occurrences: Vec<_> = text
            .match_indices(sub)
            .map(|(i, s)| i..i + s.len())
            .collect();
        if occurrences.is_empty() {
            problems.push(format!(
                "{display}:{}: \"{sub}\" does not occur in the article",
                n + 1
            ));
            continue;
        }
        out.push(Annotation {
            text: sub.to_string(),
            category,
            explanation: cols.next().unwrap_or_default().to_string(),
            occurrences,
        });
    }
    out
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Row {
    pub annotated: usize,
    pub caught: usize,
    pub recall: Option<f64>,
    /// Findings of this category on annotated articles.
    pub findings: usize,
    /// Of those, the ones overlapping an annotated artifact.
    pub on_artifact: usize,
    pub precision: Option<f64>,
    pub clean_false_alarms: usize,
    pub clean_per_1k_words: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub path: String,
    pub text: String,
    pub category: Category,
}

#[derive(Debug, Clone, Serialize)]
pub struct FalseAlarm {
    pub path: String,
    pub clean: bool,
    pub rule: String,
    pub category: Category,
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    pub dir: String,
    pub articles: usize,
    pub clean_articles: usize,
    pub words: usize,
    pub clean_words: usize,
    pub categories: BTreeMap<Category, Row>,
    pub overall: Row,
    pub misses: Vec<Miss>,
    pub false_alarms: Vec<FalseAlarm>,
    pub problems: Vec<String>,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

pub fn evaluate(
    linter: &Linter,
    dir: &str,
    articles: &[Article],
    problems: Vec<String>,
) -> EvalReport {
    let mut rows: BTreeMap<Category, Row> =
        Category::ALL.iter().map(|&c| (c, Row::default())).collect();
    let mut overall = Row::default();
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    let (mut words, mut clean_words, mut clean_articles) = (0, 0, 0);
    for article in articles {
        let doc = Document::new(article.text.clone(), InputFormat::Text);
        let report = linter.lint(&doc);
        let alarm = |f: &Finding| FalseAlarm {
            path: article.path.clone(),
            clean: article.clean,
            rule: f.rule.clone(),
            category: f.category,
            text: article.text[f.span.clone()].to_string(),
            line: doc.line_col(f.span.start).0,
        };
        if article.clean {
            clean_articles += 1;
            clean_words += report.words;
            for f in &report.findings {
                rows.get_mut(&f.category).unwrap().clean_false_alarms += 1;
                overall.clean_false_alarms += 1;
                false_alarms.push(alarm(f));
            }
            continue;
        }
        words += report.words;
        for a in &article.annotations {
            let row = rows.get_mut(&a.category).unwrap();
            row.annotated += 1;
            overall.annotated += 1;
            let caught = report
                .findings
                .iter()
                .any(|f| a.occurrences.iter().any(|o| overlaps(o, &f.span)));
            if caught {
                row.caught += 1;
                overall.caught += 1;
            } else {
                misses.push(Miss {
                    path: article.path.clone(),
                    text: a.text.clone(),
                    category: a.category,
                });
            }
        }
        for f in &report.findings {
            let hit = article
                .annotations
                .iter()
                .any(|a| a.occurrences.iter().any(|o| overlaps(o, &f.span)));
            let row = rows.get_mut(&f.category).unwrap();
            row.findings += 1;
            overall.findings += 1;
            if hit {
                row.on_artifact += 1;
                overall.on_artifact += 1;
            } else {
                false_alarms.push(alarm(f));
            }
        }
    }
    for row in rows.values_mut().chain(std::iter::once(&mut overall)) {
        row.recall = ratio(row.caught, row.annotated);
        row.precision = ratio(row.on_artifact, row.findings);
        row.clean_per_1k_words = if clean_words > 0 {
            row.clean_false_alarms as f64 * 1000.0 / clean_words as f64
        } else {
            0.0
        };
    }
    EvalReport {
        dir: dir.to_string(),
        articles: articles.len() - clean_articles,
        clean_articles,
        words,
        clean_words,
        categories: rows,
        overall,
        misses,
        false_alarms,
        problems,
    }
}

fn pct(n: usize, d: usize) -> String {
    match ratio(n, d) {
        Some(r) => format!("{n}/{d} {:>5.1}%", r * 100.0),
        None => "-".to_string(),
    }
}

impl EvalReport {
    pub fn to_text(&self, verbose: bool) -> String {
        let mut out = format!(
            "mtlint eval {}: {} annotated articles ({} words), {} clean articles ({} words)\n\n",
            self.dir, self.articles, self.words, self.clean_articles, self.clean_words
        );
        out.push_str(&format!(
            "{:<14} {:>16} {:>18} {:>10} {:>10}\n",
            "category", "recall", "precision", "clean FA", "FA/1k w"
        ));
        let line = |name: &str, r: &Row| {
            format!(
                "{:<14} {:>16} {:>18} {:>10} {:>10.2}\n",
                name,
                pct(r.caught, r.annotated),
                pct(r.on_artifact, r.findings),
                r.clean_false_alarms,
                r.clean_per_1k_words
            )
        };
        for (c, r) in &self.categories {
            out.push_str(&line(c.as_str(), r));
        }
        out.push_str(&line("overall", &self.overall));
        if verbose {
            if !self.misses.is_empty() {
                out.push_str("\nmissed:\n");
                for m in &self.misses {
                    out.push_str(&format!("  {} [{}] {}\n", m.path, m.category, m.text));
                }
            }
            if !self.false_alarms.is_empty() {
                out.push_str("\nfalse alarms:\n");
                for f in &self.false_alarms {
                    out.push_str(&format!(
                        "  {}:{} [{}] {}{}\n",
                        f.path,
                        f.line,
                        f.rule,
                        f.text,
                        if f.clean { " (clean)" } else { "" }
                    ));
                }
            }
        }
        for p in &self.problems {
            out.push_str(&format!("warning: {p}\n"));
        }
        out
    }
}
