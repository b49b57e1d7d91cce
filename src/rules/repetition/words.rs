//! `repetition/duplicated-word` and `repetition/repeated-word`, with the word
//! lists of `rules/repetition/words.toml`.

use super::{RepetitionCheck, Rule};
use crate::document::{Document, Token, TokenKind};
use crate::error::FileError;
use crate::finding::Finding;
use crate::packs::Pack;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DuplicatedWordDef {
    allowed: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RepeatedWordDef {
    min_length: Spanned<usize>,
    max_distance: Spanned<usize>,
    connectors: Vec<String>,
    common: Vec<String>,
}

#[derive(Default)]
pub(super) struct WordLists {
    allowed_doubles: HashSet<String>,
    min_length: usize,
    max_distance: usize,
    connectors: HashSet<String>,
    common: HashSet<String>,
}

const CLAUSE_MARKS: &[char] = &[
    ',', ';', ':', '\u{2013}', '\u{2014}', '(', ')', '.', '!', '?',
];

const QUOTE_MARKS: &[char] = &['"', '\u{201C}', '\u{201D}', '\u{AB}', '\u{BB}', '\u{201E}'];

impl WordLists {
    pub(super) fn add_duplicated(&mut self, def: DuplicatedWordDef) {
        self.allowed_doubles
            .extend(def.allowed.iter().map(|w| w.to_lowercase()));
    }

    pub(super) fn add_repeated(
        &mut self,
        pack: &Pack,
        def: RepeatedWordDef,
    ) -> Result<(), FileError> {
        if *def.min_length.get_ref() < 3 {
            return Err(pack.error(
                def.min_length.span(),
                "`min_length` below 3 would report function words",
            ));
        }
        if *def.max_distance.get_ref() < 2 {
            return Err(pack.error(def.max_distance.span(), "`max_distance` must be at least 2"));
        }
        self.min_length = *def.min_length.get_ref();
        self.max_distance = *def.max_distance.get_ref();
        self.connectors
            .extend(def.connectors.iter().map(|w| w.to_lowercase()));
        self.common
            .extend(def.common.iter().map(|w| w.to_lowercase()));
        Ok(())
    }
}

pub(super) fn check(rep: &RepetitionCheck, doc: &Document, out: &mut Vec<Finding>) {
    duplicated_words(rep, doc, out);
    repeated_words(rep, doc, out);
}

fn duplicated_words(rep: &RepetitionCheck, doc: &Document, out: &mut Vec<Finding>) {
    let text = doc.text();
    for pair in doc.tokens().windows(2) {
        let [first, second] = pair else { continue };
        if first.sentence != second.sentence
            || first.kind != TokenKind::Word
            || second.kind != TokenKind::Word
        {
            continue;
        }
        let gap = &text[first.span.end..second.span.start];
        if gap.is_empty() || !gap.chars().all(char::is_whitespace) {
            continue;
        }
        let (a, b) = (doc.token_text(first), doc.token_text(second));
        // "Duran Duran", "Bora Bora": a name written twice.
        if !a.eq_ignore_ascii_case(b) || b.starts_with(char::is_uppercase) {
            continue;
        }
        if rep.words.allowed_doubles.contains(&a.to_lowercase()) {
            continue;
        }
        let span = first.span.start..second.span.end;
        out.push(
            rep.finding(
                Rule::DuplicatedWord,
                span,
                format!("\"{b}\" is written twice"),
            )
            .with_suggestion(a, gap == " "),
        );
    }
}

fn repeated_words(rep: &RepetitionCheck, doc: &Document, out: &mut Vec<Finding>) {
    let lists = &rep.words;
    let text = doc.text();
    let is_candidate = |token: &Token| {
        let word = doc.token_text(token);
        token.kind == TokenKind::Word
            && word.chars().count() >= lists.min_length
            && word.chars().all(|c| c.is_lowercase() || c == '-')
    };
    // How often each long word occurs in the article, counted only once a
    // sentence has a candidate pair.
    let mut counts: Option<HashMap<Cow<str>, usize>> = None;
    let count_words = || {
        let mut counts: HashMap<Cow<str>, usize> = HashMap::new();
        for token in doc.tokens() {
            if token.kind == TokenKind::Word && token.span.len() >= lists.min_length {
                let word = doc.token_text(token);
                let key = if word.chars().any(char::is_uppercase) {
                    Cow::Owned(word.to_lowercase())
                } else {
                    Cow::Borrowed(word)
                };
                *counts.entry(key).or_default() += 1;
            }
        }
        counts
    };
    for sentence in doc.sentences() {
        if text[sentence.span.clone()].contains(QUOTE_MARKS) {
            continue;
        }
        let tokens = doc.sentence_tokens(sentence);
        let mut reported: HashSet<&str> = HashSet::new();
        for (i, first) in tokens.iter().enumerate() {
            if !is_candidate(first) {
                continue;
            }
            let word = doc.token_text(first);
            if lists.common.contains(word) || reported.contains(word) {
                continue;
            }
            let window = &tokens[i + 1..tokens.len().min(i + 1 + lists.max_distance)];
            let Some(offset) = window.iter().position(|t| doc.token_text(t) == word) else {
                continue;
            };
            if counts.get_or_insert_with(count_words).get(word).copied() != Some(2) {
                continue;
            }
            // "step by step", "different tools for different jobs": a
            // connector between the copies makes an idiom or a parallel.
            if window[..offset]
                .iter()
                .any(|t| lists.connectors.contains(&doc.token_text(t).to_lowercase()))
            {
                continue;
            }
            if offset == 0 {
                // Adjacent copies are repetition/duplicated-word's.
                continue;
            }
            // "soldiers: in 1986, 16 soldiers", "a hard year, a hard loss": a
            // clause boundary between the copies makes the echo deliberate.
            let second = &window[offset];
            if text[first.span.end..second.span.start].contains(CLAUSE_MARKS) {
                continue;
            }
            reported.insert(word);
            out.push(
                rep.finding(
                    Rule::RepeatedWord,
                    second.span.clone(),
                    format!("\"{word}\" is used twice in one sentence; vary or drop one"),
                )
                .with_secondary(first.span.clone(), "first used here")
                .with_suggestion("", false),
            );
        }
    }
}
