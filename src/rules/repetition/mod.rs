//! Repetition (category `repetition`).
//!
//! ## What it does
//! - `repetition/repeated-paragraph`: a headline or paragraph printed twice,
//!   compared after folding case, quotes, apostrophes and whitespace (the two
//!   copies of a scraped headline often differ only in the apostrophe);
//! - `repetition/repeated-sentence`: a sentence of six words or more that
//!   appears twice in different paragraphs;
//! - `repetition/duplicated-word`: the same word twice in a row ("the the");
//! - `repetition/repeated-word`: the same uncommon content word twice in one
//!   sentence ("the pioneering photo smartphone makes the pioneering
//!   progress"), which an editor would vary.
//!
//! ## Why is this bad?
//! Scrapers print headlines twice; translation engines render two different
//! source words with the same English word, or one source word twice.
//!
//! ## Example
//! ```text
//! Leica's collaboration attracts after Huawei
//! Leica’s collaboration attracts after Huawei
//! ```
//! is one headline printed twice.
//!
//! Word lists live in `rules/repetition/words.toml`. Names (capitalised
//! words), function words, idioms like "step by step", legitimate doubles
//! ("had had", "that that") and quoted speech are never flagged.

mod words;

use crate::document::{fold_char, Document, InputFormat, OPAQUE};
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::packs::{PackHeader, PackSet};
use crate::rule::{Check, Family, RuleInfo};
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;

pub const FAMILY: Family = Family {
    name: "repetition",
    pack_kinds: &["repetition"],
    build: |packs| RepetitionCheck::build(packs).map(|c| Box::new(c) as Box<dyn Check>),
};

/// Paragraphs shorter than this are headings and labels that may repeat.
const MIN_PARAGRAPH_WORDS: usize = 4;

/// Sentences shorter than this repeat by chance ("Police said.").
const MIN_SENTENCE_WORDS: usize = 6;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RepetitionFile {
    #[allow(dead_code)]
    pack: PackHeader,
    duplicated_word: Option<words::DuplicatedWordDef>,
    repeated_word: Option<words::RepeatedWordDef>,
}

#[derive(Clone, Copy)]
enum Rule {
    RepeatedParagraph,
    RepeatedSentence,
    DuplicatedWord,
    RepeatedWord,
}

pub struct RepetitionCheck {
    rules: Vec<RuleInfo>,
    words: words::WordLists,
}

impl RepetitionCheck {
    pub fn build(packs: &PackSet) -> Result<RepetitionCheck, Vec<FileError>> {
        let mut lists = words::WordLists::default();
        let mut errors = Vec::new();
        let mut found = false;
        for pack in packs.of_kind("repetition") {
            let file: RepetitionFile = match pack.parse() {
                Ok(f) => f,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if let Some(def) = file.duplicated_word {
                lists.add_duplicated(def);
            }
            if let Some(def) = file.repeated_word {
                found = true;
                if let Err(e) = lists.add_repeated(pack, def) {
                    errors.push(e);
                }
            }
        }
        if !found && errors.is_empty() {
            let empty = std::sync::Arc::from("");
            errors.push(FileError::new(
                "rules/repetition",
                &empty,
                None,
                "no repetition pack defines the [repeated_word] table",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(RepetitionCheck {
            rules: builtin_rules(),
            words: lists,
        })
    }

    fn finding(&self, rule: Rule, span: Range<usize>, message: String) -> Finding {
        let info = &self.rules[rule as usize];
        Finding::new(info.id.clone(), info.category, info.severity, span, message)
    }

    /// Headlines and paragraphs printed twice; returns which paragraphs are
    /// second copies, so their sentences are not reported again.
    fn repeated_paragraphs(&self, doc: &Document, out: &mut Vec<Finding>) -> Vec<bool> {
        let text = doc.text();
        let paragraphs = doc.paragraphs();
        let mut seen: HashMap<u64, usize> = HashMap::new();
        let mut repeated = vec![false; paragraphs.len()];
        for (i, para) in paragraphs.iter().enumerate() {
            let body = &text[para.clone()];
            let words = body
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            // Hidden code or links differ where the text looks the same;
            // table cells repeat by design.
            if words < MIN_PARAGRAPH_WORDS || body.contains(OPAQUE) || in_table(doc, para.start) {
                continue;
            }
            let key = fold_hash(body);
            let Some(&first) = seen
                .get(&key)
                .filter(|&&first| same_folded(&text[paragraphs[first].clone()], body))
            else {
                seen.entry(key).or_insert(i);
                continue;
            };
            // An HTML page prints its <title> again as the headline.
            if doc.format() == InputFormat::Html && first == 0 {
                continue;
            }
            repeated[i] = true;
            let first_span = paragraphs[first].clone();
            let what = if body.ends_with(['.', '!', '?', '"', '\u{201D}']) {
                "paragraph"
            } else {
                "headline"
            };
            out.push(
                self.finding(
                    Rule::RepeatedParagraph,
                    para.clone(),
                    format!("this {what} is printed twice"),
                )
                .with_secondary(first_span, "first printed here")
                .with_suggestion("", false),
            );
        }
        repeated
    }

    fn repeated_sentences(&self, doc: &Document, repeated: &[bool], out: &mut Vec<Finding>) {
        let text = doc.text();
        let mut seen: HashMap<u64, (usize, Range<usize>)> = HashMap::new();
        for sentence in doc.sentences() {
            let body = &text[sentence.span.clone()];
            if repeated[sentence.paragraph]
                || sentence.tokens.len() < MIN_SENTENCE_WORDS
                || body.contains(OPAQUE)
                || in_table(doc, sentence.span.start)
            {
                continue;
            }
            let key = fold_hash(body);
            match seen.get(&key) {
                None => {
                    seen.insert(key, (sentence.paragraph, sentence.span.clone()));
                }
                Some((paragraph, first))
                    if *paragraph != sentence.paragraph
                        && same_folded(&text[first.clone()], body) =>
                {
                    out.push(
                        self.finding(
                            Rule::RepeatedSentence,
                            sentence.span.clone(),
                            "this sentence is printed twice".to_string(),
                        )
                        .with_secondary(first.clone(), "first printed here")
                        .with_suggestion("", false),
                    );
                }
                Some(_) => {}
            }
        }
    }
}

/// Whether the text at `offset` is a Markdown or HTML table cell.
fn in_table(doc: &Document, offset: usize) -> bool {
    let source = doc.source();
    let at = doc.to_source(offset..offset).start.min(source.len());
    let before = &source[..at];
    match doc.format() {
        InputFormat::Text => false,
        InputFormat::Markdown => before
            .rsplit('\n')
            .next()
            .is_some_and(|line| line.trim_start().starts_with('|')),
        InputFormat::Html => before.rfind('<').is_some_and(|open| {
            let tag = before[open + 1..].get(..2).unwrap_or("");
            tag.eq_ignore_ascii_case("td") || tag.eq_ignore_ascii_case("th")
        }),
    }
}

/// The characters of `text` folded for comparing copies: case, apostrophes,
/// quotation marks and whitespace runs. Spans are trimmed already.
fn folded_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut previous_space = false;
    text.chars().filter_map(move |c| {
        let space = c.is_whitespace();
        let repeated_space = space && previous_space;
        previous_space = space;
        if repeated_space {
            return None;
        }
        Some(match c {
            _ if space => ' ',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AB}' | '\u{BB}' => '"',
            c => {
                let c = fold_char(c);
                // The first lower-case character is enough to compare copies.
                c.to_lowercase().next().unwrap_or(c)
            }
        })
    })
}

/// A hash of the folded text, so copies are found without building a
/// folded string for every sentence.
fn fold_hash(text: &str) -> u64 {
    // FxHash's mixing step: collisions are resolved by `same_folded`.
    folded_chars(text).fold(0u64, |h, c| {
        (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x517c_c1b7_2722_0a95)
    })
}

fn same_folded(a: &str, b: &str) -> bool {
    folded_chars(a).eq(folded_chars(b))
}

impl Check for RepetitionCheck {
    fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let repeated = self.repeated_paragraphs(doc, out);
        self.repeated_sentences(doc, &repeated, out);
        words::check(self, doc, out);
    }
}

use crate::rule::RuleDoc as Doc;

fn builtin_rules() -> Vec<RuleInfo> {
    let docs = [
        Doc {
            id: "repeated-paragraph",
            severity: Severity::Warning,
            summary: "a headline or paragraph printed twice",
            docs: "What it does\n  Flags the second copy of a headline or paragraph of four words or more, compared after folding case, quotation marks, apostrophes and whitespace. In HTML input the <title> repeated as the headline is not flagged.\n\nWhy is this bad?\n  Scrapers pick up the headline from both the page title and the article; the reader sees it twice.\n\nFix\n  Delete the second copy.\n",
            flag: &["Leica's partnership attracts attention\n\n[Leica\u{2019}s partnership attracts attention]\n\nThe camera maker signed a deal."],
            pass: &[
                "Results\n\nThe team won.\n\nResults\n\nThe second team lost.",
                "The minister resigned on Monday.\n\nThe minister resigned on Tuesday.",
            ],
        },
        Doc {
            id: "repeated-sentence",
            severity: Severity::Warning,
            summary: "a sentence printed twice in different paragraphs",
            docs: "What it does\n  Flags the second copy of a sentence of six words or more that appears in two different paragraphs.\n\nWhy is this bad?\n  A scraped teaser or a paragraph split by the translation engine repeats text the reader has just read.\n\nFix\n  Delete one copy.\n",
            flag: &["The bridge will close for repairs in May. Traffic will be diverted.\n\nDrivers are angry. [The bridge will close for repairs in May.]"],
            pass: &["The bridge will close in May. Traffic will be diverted.\n\nDrivers are angry. The tunnel will close in June."],
        },
        Doc {
            id: "duplicated-word",
            severity: Severity::Warning,
            summary: "the same word twice in a row (\"the the\")",
            docs: "What it does\n  Flags a word written twice in a row with only a space between. Doubles that English allows (\"had had\", \"that that\", \"very very\", \"bye bye\") are listed in rules/repetition/words.toml; names written twice (\"Duran Duran\") are not flagged.\n\nWhy is this bad?\n  It is a typo or a glitch of the translation engine.\n\nFix\n  Delete one copy (applied by --fix for short function words).\n",
            flag: &["The fire spread to [the the] roof of the garage."],
            pass: &[
                "She had had enough of the delays.",
                "He said that that was the end of it.",
                "\"It was very very cold,\" she said.",
                "Duran Duran played in Oslo.",
            ],
        },
        Doc {
            id: "repeated-word",
            severity: Severity::Info,
            summary: "the same uncommon word twice in one sentence",
            docs: "What it does\n  Flags an uncommon content word (six letters or more, lower case, written exactly twice in the article) used twice within ten words of one sentence, with no comma, colon or dash between the two and outside quotation marks.\n\nWhy is this bad?\n  An editor would vary it; in translations it often marks two source words rendered alike or a garbled sentence.\n\nFix\n  Replace or drop one of the two.\n",
            flag: &["The first jointly developed pioneering photo smartphone makes the [pioneering] progress evident."],
            pass: &[
                "The first jointly developed pioneering photo smartphone makes the progress evident.",
                "Prices rose step by step, month after month, and prices kept rising.",
                "\"It was a terrible, terrible night,\" she said.",
                "Two accidents involved soldiers: in 1986, sixteen soldiers died.",
            ],
        },
    ];
    docs.into_iter()
        .map(|d| d.to_info("repetition", Category::Repetition))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str, format: InputFormat) -> Vec<(String, String)> {
        let mut packs = PackSet::default();
        packs
            .add(
                "rules/repetition/words.toml".into(),
                include_str!("../../../rules/repetition/words.toml").into(),
            )
            .expect("pack header");
        let check = RepetitionCheck::build(&packs).unwrap_or_else(|e| panic!("{e:?}"));
        let doc = Document::new(text.to_string(), format);
        let mut out = Vec::new();
        check.check(&doc, &mut out);
        out.into_iter()
            .map(|f| (f.rule, doc.text()[f.span].to_string()))
            .collect()
    }

    #[test]
    fn the_seed_repetitions_are_caught() {
        let text = "Leica's collaboration attracts after Huawei\n\nLeica\u{2019}s collaboration attracts after Huawei\n\n\
            \u{2013} We are convinced that the first jointly developed pioneering photo smartphone makes the pioneering progress of the two companies evident.";
        assert_eq!(
            flagged(text, InputFormat::Text),
            [
                (
                    "repetition/repeated-paragraph".to_string(),
                    "Leica\u{2019}s collaboration attracts after Huawei".to_string()
                ),
                (
                    "repetition/repeated-word".to_string(),
                    "pioneering".to_string()
                ),
            ]
        );
    }

    #[test]
    fn legitimate_repetition_passes() {
        let text = "She had had enough. He said that that was it. \"It was very very cold,\" she said. \
            Duran Duran played Bora Bora. Prices rose step by step and day after day.\n\n\
            Results\n\nThe first team won the final.\n\nResults\n\nThe second team lost the final.\n\n\
            \"A terrible, terrible night,\" the mayor said. Sweden beat Sweden's old record.";
        assert_eq!(flagged(text, InputFormat::Text), []);
    }

    #[test]
    fn an_html_title_repeated_as_the_headline_is_a_template_not_an_error() {
        let html = "<html><head><title>Storm closes coastal roads in Norway</title></head><body>\
            <h1>Storm closes coastal roads in Norway</h1><p>The storm hit on Friday.</p></body></html>";
        assert_eq!(flagged(html, InputFormat::Html), []);
        let text = "Storm closes coastal roads in Norway\n\nStorm closes coastal roads in Norway\n\nThe storm hit.";
        assert_eq!(flagged(text, InputFormat::Text).len(), 1);
    }

    #[test]
    fn duplicated_words_are_flagged_once_with_the_single_word() {
        let doc = Document::new("The fire spread to the the roof.".into(), InputFormat::Text);
        let mut packs = PackSet::default();
        packs
            .add(
                "rules/repetition/words.toml".into(),
                include_str!("../../../rules/repetition/words.toml").into(),
            )
            .expect("pack header");
        let mut out = Vec::new();
        RepetitionCheck::build(&packs)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .check(&doc, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].suggestions[0].replacement, "the");
        assert!(out[0].suggestions[0].safe);
    }

    #[test]
    fn builtin_rule_order_matches_the_enum() {
        let rules = builtin_rules();
        let ids: Vec<_> = [
            Rule::RepeatedParagraph,
            Rule::RepeatedSentence,
            Rule::DuplicatedWord,
            Rule::RepeatedWord,
        ]
        .iter()
        .map(|&r| rules[r as usize].id.as_str())
        .collect();
        assert_eq!(
            ids,
            [
                "repetition/repeated-paragraph",
                "repetition/repeated-sentence",
                "repetition/duplicated-word",
                "repetition/repeated-word"
            ]
        );
    }

    #[test]
    fn copies_differing_in_quotes_and_apostrophes_fold_alike() {
        let (a, b) = (
            "Leica's  \u{201C}big\u{201D} plan",
            "Leica\u{2019}s \"big\" plan",
        );
        assert!(same_folded(a, b));
        assert_eq!(fold_hash(a), fold_hash(b));
        assert!(!same_folded(a, "Leica's big plans"));
    }
}
