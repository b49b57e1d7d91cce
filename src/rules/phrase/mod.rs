//! Phrase rules: calques and false friends from the `kind = "phrase"` packs.
//!
//! ## What it does
//! Finds the literal English renderings of source-language idioms ("after all
//! signs of the sun" for Swedish *efter alla solens tecken*) and false friends
//! in context ("the actual proposal" for Swedish *aktuell*).
//!
//! ## How
//! Every pattern of every pack is expanded to concrete phrases and compiled
//! into one automaton (see `matcher`), run once over the document's folded text
//! (case, apostrophes and whitespace runs folded). Matches are then checked
//! for word boundaries and the entry's context conditions.

mod matcher;
pub mod pattern;

use crate::document::{ends_with_words, starts_with_words, Document};
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::lang;
use crate::packs::{is_rule_id, Pack, PackHeader, PackSet};
use crate::rule::{Check, Examples, Family, RuleInfo};
use matcher::PhraseMatcher;
use pattern::{fold, Pattern};
use serde::Deserialize;
use std::collections::HashSet;

/// A match: (entry index, folded start, folded end, slot form).
type Hit = (usize, usize, usize, Option<usize>);
use toml::Spanned;

pub const FAMILY: Family = Family {
    name: "phrase",
    pack_kinds: &["phrase"],
    build: |packs| PhraseCheck::build(packs).map(|c| Box::new(c) as Box<dyn Check>),
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    #[allow(dead_code)]
    pack: PackHeader,
    #[serde(default)]
    entry: Vec<Spanned<EntryDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDef {
    id: Spanned<String>,
    source: String,
    meaning: String,
    patterns: Spanned<Vec<Spanned<String>>>,
    replacements: Spanned<Vec<Spanned<String>>>,
    flag: Spanned<Vec<Spanned<String>>>,
    pass: Spanned<Vec<String>>,
    note: Option<String>,
    severity: Option<Severity>,
    category: Option<Category>,
    #[serde(default)]
    safe_fix: bool,
    #[serde(default)]
    sentence_start: bool,
    #[serde(default)]
    sentence_end: bool,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
}

struct Entry {
    rule: usize,
    source: String,
    meaning: String,
    language: Option<String>,
    replacements: Vec<Pattern>,
    safe_fix: bool,
    sentence_start: bool,
    sentence_end: bool,
    not_before: Vec<String>,
    not_after: Vec<String>,
}

pub struct PhraseCheck {
    rules: Vec<RuleInfo>,
    entries: Vec<Entry>,
    /// Every expanded phrase, targeting (entry index, slot form).
    matcher: PhraseMatcher<(usize, Option<usize>)>,
}

impl PhraseCheck {
    pub fn build(packs: &PackSet) -> Result<PhraseCheck, Vec<FileError>> {
        let mut check = PhraseCheck {
            rules: Vec::new(),
            entries: Vec::new(),
            matcher: PhraseMatcher::new(Vec::new()).expect("empty matcher builds"),
        };
        let mut phrases: Vec<(String, (usize, Option<usize>))> = Vec::new();
        let mut errors = Vec::new();
        // Parsing the TOML is most of the start-up cost: parse the packs
        // on all cores, then add their entries in a stable order.
        let packs: Vec<&Pack> = packs.of_kind("phrase").collect();
        let parsed: Vec<Result<PackFile, FileError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = packs
                .iter()
                .map(|pack| scope.spawn(move || pack.parse::<PackFile>()))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("pack parsing does not panic"))
                .collect()
        });
        for (pack, file) in packs.into_iter().zip(parsed) {
            let result = file
                .map_err(|e| vec![e])
                .and_then(|file| check.add_pack(pack, file, &mut phrases));
            if let Err(mut e) = result {
                errors.append(&mut e);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        check.matcher = PhraseMatcher::new(phrases).map_err(|e| {
            vec![FileError::new(
                "rules",
                &std::sync::Arc::from(""),
                None,
                format!("cannot build the phrase automaton: {e}"),
            )]
        })?;
        Ok(check)
    }

    fn add_pack(
        &mut self,
        pack: &Pack,
        file: PackFile,
        phrases: &mut Vec<(String, (usize, Option<usize>))>,
    ) -> Result<(), Vec<FileError>> {
        let header = &pack.header;
        let mut errors = Vec::new();
        let mut seen = HashSet::new();
        for def in file.entry {
            if let Err(e) = self.add_entry(pack, header, def.into_inner(), phrases, &mut seen) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn add_entry(
        &mut self,
        pack: &Pack,
        header: &PackHeader,
        def: EntryDef,
        phrases: &mut Vec<(String, (usize, Option<usize>))>,
        seen: &mut HashSet<String>,
    ) -> Result<(), FileError> {
        let local_id = def.id.get_ref();
        let id = format!("{}/{}", pack.id(), local_id);
        if !is_rule_id(local_id) || local_id.contains('/') {
            return Err(pack.error(
                def.id.span(),
                format!("entry id `{local_id}` is not kebab-case"),
            ));
        }
        if !seen.insert(local_id.clone()) {
            return Err(pack.error(def.id.span(), format!("duplicate entry id `{local_id}`")));
        }
        let category = def.category.or(header.category).ok_or_else(|| {
            pack.error(
                def.id.span(),
                "entry has no category (set it in [pack] or the entry)",
            )
        })?;
        let severity = def
            .severity
            .or(header.severity)
            .unwrap_or(Severity::Warning);
        if def.patterns.get_ref().is_empty() {
            return Err(pack.error(def.patterns.span(), "`patterns` is empty"));
        }
        if def.replacements.get_ref().is_empty() {
            return Err(pack.error(def.replacements.span(), "`replacements` is empty"));
        }
        pack.check_examples(def.id.span(), def.flag.get_ref(), def.pass.get_ref().len())?;
        let mut replacements = Vec::new();
        for r in def.replacements.get_ref() {
            let parsed = Pattern::parse(r.get_ref()).map_err(|e| pack.error(r.span(), e))?;
            replacements.push(parsed);
        }
        let entry_index = self.entries.len();
        let mut compiled = Vec::new();
        for p in def.patterns.get_ref() {
            let parsed = Pattern::parse(p.get_ref()).map_err(|e| pack.error(p.span(), e))?;
            if let Some(arity) = parsed.slot_arity() {
                if let Some(bad) = replacements
                    .iter()
                    .find(|r| r.slot_arity().is_some_and(|a| a != arity))
                {
                    return Err(pack.error(
                        def.replacements.span(),
                        format!(
                            "the pattern's slot has {arity} forms but replacement `{}` has {}",
                            bad.render(None),
                            bad.slot_arity().unwrap_or(0)
                        ),
                    ));
                }
            }
            for e in parsed.expand().map_err(|e| pack.error(p.span(), e))? {
                compiled.push(e);
            }
        }
        for e in compiled {
            phrases.push((e.phrase, (entry_index, e.slot_form)));
        }
        let language = header.language.clone();
        let lang_name = language
            .as_deref()
            .map(lang::name)
            .unwrap_or("the source language");
        let first_pattern = def.patterns.get_ref()[0].get_ref().clone();
        let rendered: Vec<String> = replacements.iter().map(|r| r.render(None)).collect();
        let summary = match category {
            Category::FalseFriend => format!(
                "\"{first_pattern}\": {lang_name} \"{}\" means {}",
                def.source, def.meaning
            ),
            _ => format!(
                "\"{first_pattern}\": {lang_name} \"{}\" ({})",
                def.source, def.meaning
            ),
        };
        let mut docs = format!(
            "What it does\n  Flags {}, a word-for-word rendering of {lang_name} \"{}\".\n\nWhy is this bad?\n  \"{}\" means {}; an English reader does not understand the literal words.\n",
            quote_list(def.patterns.get_ref().iter().map(|p| p.get_ref().as_str())),
            def.source,
            def.source,
            def.meaning
        );
        if let Some(note) = &def.note {
            docs.push_str(&format!("  {note}\n"));
        }
        docs.push_str(&format!(
            "\nFix\n  Write {}.{}\n",
            quote_list(rendered.iter().map(String::as_str)).replace(", ", " or "),
            if def.safe_fix {
                " (applied by --fix)"
            } else {
                ""
            }
        ));
        self.rules.push(RuleInfo {
            id,
            category,
            severity,
            language: language.clone(),
            summary,
            docs,
            examples: Examples {
                flag: def
                    .flag
                    .into_inner()
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect(),
                pass: def.pass.into_inner(),
            },
            origin: Some(pack.origin.clone()),
        });
        self.entries.push(Entry {
            rule: self.rules.len() - 1,
            source: def.source,
            meaning: def.meaning,
            language,
            replacements,
            safe_fix: def.safe_fix,
            sentence_start: def.sentence_start,
            sentence_end: def.sentence_end,
            not_before: def.not_before.iter().map(|s| fold(s)).collect(),
            not_after: def.not_after.iter().map(|s| fold(s)).collect(),
        });
        Ok(())
    }

    /// Keeps one hit per entry and place (the longest, leftmost). Where packs
    /// of several languages share a rendering ("smoke divers" is Swedish and
    /// Norwegian), every entry reports and names the others; the engine keeps
    /// the one whose language has the most evidence in the document.
    fn select(&self, mut hits: Vec<Hit>) -> Vec<(Hit, Vec<usize>)> {
        hits.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
        let mut per_entry: Vec<Hit> = Vec::with_capacity(hits.len());
        for hit in hits {
            if let Some(last) = per_entry.last() {
                if last.0 == hit.0 && hit.1 < last.2 {
                    continue;
                }
            }
            per_entry.push(hit);
        }
        per_entry.sort_by_key(|h| (h.1, h.2, h.0));
        let mut out = Vec::with_capacity(per_entry.len());
        for group in per_entry.chunk_by(|a, b| (a.1, a.2) == (b.1, b.2)) {
            for hit in group {
                let language = &self.entries[hit.0].language;
                let alternates = group
                    .iter()
                    .filter(|h| self.entries[h.0].language != *language)
                    .map(|h| h.0)
                    .collect();
                out.push((*hit, alternates));
            }
        }
        out
    }

    fn accepts(&self, entry: &Entry, doc: &Document, start: usize, end: usize) -> bool {
        let folded = doc.folded().as_str();
        let before = &folded[..start];
        let after = &folded[end..];
        let edge_ok = |c: Option<char>, edge: Option<char>| match (c, edge) {
            (Some(c), Some(e)) if e.is_alphanumeric() => !c.is_alphanumeric(),
            _ => true,
        };
        let matched = &folded[start..end];
        if !edge_ok(before.chars().next_back(), matched.chars().next())
            || !edge_ok(after.chars().next(), matched.chars().next_back())
        {
            return false;
        }
        if entry
            .not_before
            .iter()
            .any(|p| ends_with_words(before.trim_end_matches(' '), p))
        {
            return false;
        }
        if entry
            .not_after
            .iter()
            .any(|p| starts_with_words(after.trim_start_matches(' '), p))
        {
            return false;
        }
        if entry.sentence_start {
            let text_start = doc.folded().to_text(start..end).start;
            let prev = doc.text()[..text_start]
                .trim_end_matches([' ', '\t', '\u{a0}'])
                .chars()
                .next_back();
            let starts = match prev {
                None => true,
                Some(c) => matches!(
                    c,
                    '\n' | '.'
                        | '!'
                        | '?'
                        | ':'
                        | ';'
                        | '"'
                        | '\u{201c}'
                        | '\u{201d}'
                        | '\u{2013}'
                        | '\u{2014}'
                        | '-'
                        | '('
                        | '\u{2022}'
                        | '\u{fffc}'
                ),
            };
            if !starts {
                return false;
            }
        }
        if entry.sentence_end && !matched.ends_with(['.', '!', '?']) && !ends_sentence(after) {
            return false;
        }
        true
    }
}

/// Whether the sentence ends right at the start of `after`: end of
/// paragraph, or terminal punctuation not followed by a word character (so
/// "set in .vimrc" or "3.5" do not count).
fn ends_sentence(after: &str) -> bool {
    let rest = after.trim_start_matches(' ');
    let mut chars = rest.chars();
    match chars.next() {
        None | Some('\n') => true,
        Some('.' | '!' | '?' | ';' | ':') => !chars.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

fn quote_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Upper-cases the replacement's first letter when the matched text starts
/// with a capital.
fn match_case(matched: &str, replacement: String) -> String {
    let starts_upper = matched.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if starts_upper && first.is_lowercase() => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => replacement,
    }
}

impl Check for PhraseCheck {
    fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let folded = doc.folded().as_str();
        let mut hits: Vec<Hit> = Vec::new();
        self.matcher
            .for_each_match(folded, |start, end, (entry, slot)| {
                if self.accepts(&self.entries[entry], doc, start, end) {
                    hits.push((entry, start, end, slot));
                }
            });
        for ((entry_index, start, end, slot), alternates) in self.select(hits) {
            let entry = &self.entries[entry_index];
            let rule = &self.rules[entry.rule];
            let span = doc.folded().to_text(start..end);
            let matched = &doc.text()[span.clone()];
            let lang_name = entry
                .language
                .as_deref()
                .map(lang::name)
                .unwrap_or("source-language");
            let fixes: Vec<String> = entry
                .replacements
                .iter()
                .map(|r| match_case(matched, r.render(slot)))
                .collect();
            let write = fixes
                .iter()
                .map(|f| format!("\"{f}\""))
                .collect::<Vec<_>>()
                .join(" or ");
            let message = match rule.category {
                Category::FalseFriend => format!(
                    "\"{matched}\" is a false friend of {lang_name} \"{}\" ({}); write {write}",
                    entry.source, entry.meaning
                ),
                _ => format!(
                    "\"{matched}\" is {lang_name} \"{}\" ({}); write {write}",
                    entry.source, entry.meaning
                ),
            };
            let note = match rule.category {
                Category::FalseFriend => format!(
                    "{lang_name} \"{}\" looks like the English word but means {}",
                    entry.source, entry.meaning
                ),
                _ => format!(
                    "a word-for-word rendering of the {lang_name} idiom \"{}\", which means {}",
                    entry.source, entry.meaning
                ),
            };
            let note = if alternates.is_empty() {
                note
            } else {
                let others: Vec<String> = alternates
                    .iter()
                    .map(|&a| {
                        let e = &self.entries[a];
                        let l = e.language.as_deref().map_or("another language", lang::name);
                        format!("{l} \"{}\"", e.source)
                    })
                    .collect();
                format!("{note}; the same words also render {}", others.join(", "))
            };
            let mut finding =
                Finding::new(rule.id.clone(), rule.category, rule.severity, span, message)
                    .with_note(note);
            for (k, fix) in fixes.into_iter().enumerate() {
                finding = finding.with_suggestion(fix, k == 0 && entry.safe_fix);
            }
            if let Some(l) = &entry.language {
                finding = finding.with_language(l.clone());
            }
            out.push(finding);
        }
    }
}
