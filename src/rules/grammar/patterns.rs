//! Pattern entries (`[[pattern]]` in `kind = "grammar"` packs): source-language
//! word formation and constructions around numbers that need a regular
//! expression rather than a fixed phrase ("tens of <noun>", "rose with 4
//! percent", "a man of 52 years").
//!
//! All patterns are compiled into one `RegexSet`, run once over the text; only
//! the patterns that matched are then run for their spans.

use super::analysis::Analysis;
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::lang;
use crate::packs::{is_rule_id, Pack};
use crate::rule::{Examples, RuleInfo};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;
use std::collections::HashSet;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternDef {
    id: Spanned<String>,
    source: String,
    meaning: String,
    regex: Spanned<String>,
    replacements: Spanned<Vec<String>>,
    flag: Spanned<Vec<Spanned<String>>>,
    pass: Spanned<Vec<String>>,
    note: Option<String>,
    language: Option<String>,
    severity: Option<Severity>,
    #[serde(default)]
    except_next: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
}

struct Entry {
    rule: usize,
    regex: Regex,
    source: String,
    meaning: String,
    note: Option<String>,
    language: Option<String>,
    replacements: Vec<String>,
    except_next: HashSet<String>,
    not_after: HashSet<String>,
    not_before: HashSet<String>,
    context: HashSet<String>,
}

#[derive(Default)]
pub struct Patterns {
    entries: Vec<Entry>,
    set: Option<RegexSet>,
}

fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).case_insensitive(true).build()
}

impl Patterns {
    /// Adds one entry; its rule goes to `rules`.
    pub fn add(
        &mut self,
        pack: &Pack,
        def: PatternDef,
        rules: &mut Vec<RuleInfo>,
        seen: &mut HashSet<String>,
    ) -> Result<(), FileError> {
        let local = def.id.get_ref();
        if !is_rule_id(local) || local.contains('/') {
            return Err(pack.error(
                def.id.span(),
                format!("entry id `{local}` is not kebab-case"),
            ));
        }
        let id = format!("{}/{local}", pack.id());
        if !seen.insert(id.clone()) {
            return Err(pack.error(def.id.span(), format!("duplicate entry id `{local}`")));
        }
        let regex = compile(def.regex.get_ref())
            .map_err(|e| pack.error(def.regex.span(), format!("invalid regex: {e}")))?;
        let has_group = |name: &str| regex.capture_names().any(|n| n == Some(name));
        if !def.except_next.is_empty() && !has_group("next") {
            return Err(pack.error(
                def.regex.span(),
                "`except_next` needs a group named `next` in the regex",
            ));
        }
        if def.replacements.get_ref().is_empty() {
            return Err(pack.error(def.replacements.span(), "`replacements` is empty"));
        }
        for template in def.replacements.get_ref() {
            for name in template_groups(template) {
                if !has_group(&name) {
                    return Err(pack.error(
                        def.replacements.span(),
                        format!("replacement `{template}` uses `${name}`, which the regex does not define"),
                    ));
                }
            }
        }
        pack.check_examples(def.id.span(), def.flag.get_ref(), def.pass.get_ref().len())?;
        if let Some(l) = &def.language {
            if !lang::is_known(l) {
                return Err(pack.error(def.id.span(), format!("unknown language `{l}`")));
            }
        }
        let header = &pack.header;
        let language = def.language.or_else(|| header.language.clone());
        let severity = def
            .severity
            .or(header.severity)
            .unwrap_or(Severity::Warning);
        let note = def.note.clone().unwrap_or_default();
        rules.push(RuleInfo {
            id,
            category: header.category.unwrap_or(Category::OtherMt),
            severity,
            language: language.clone(),
            summary: format!("{} ({}): {}", def.source, def.meaning, first_words(&note)),
            docs: format!(
                "What it does\n  Flags the literal English rendering of {}, which means {}.\n\nWhy is this bad?\n  {}\n\nFix\n  Write {}.\n",
                def.source,
                def.meaning,
                note,
                def.replacements
                    .get_ref()
                    .iter()
                    .map(|r| format!("\"{r}\""))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
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
        let lower = |list: Vec<String>| list.into_iter().map(|w| w.to_lowercase()).collect();
        self.entries.push(Entry {
            rule: rules.len() - 1,
            regex,
            source: def.source,
            meaning: def.meaning,
            note: def.note,
            language,
            replacements: def.replacements.into_inner(),
            except_next: lower(def.except_next),
            not_after: lower(def.not_after),
            not_before: lower(def.not_before),
            context: lower(def.context),
        });
        Ok(())
    }

    pub fn finish(&mut self) -> Result<(), String> {
        if self.entries.is_empty() {
            return Ok(());
        }
        // The set only preselects the patterns worth running. Unicode word
        // boundaries would force the slow PikeVM over every document, so the
        // set drops them (dropping an assertion only widens the set, it never
        // misses); each pattern's own regex and `word_edges` decide every match.
        let set = RegexSetBuilder::new(
            self.entries
                .iter()
                .map(|e| e.regex.as_str().replace("\\b", "")),
        )
        .case_insensitive(true)
        .build()
        .map_err(|e| format!("cannot build the pattern set: {e}"))?;
        self.set = Some(set);
        Ok(())
    }

    pub fn check(&self, rules: &[RuleInfo], a: &Analysis, out: &mut Vec<Finding>) {
        let Some(set) = &self.set else { return };
        for index in set.matches(a.text).iter() {
            let entry = &self.entries[index];
            for caps in entry.regex.captures_iter(a.text) {
                let whole = caps.get(0).expect("group 0 always matches");
                let flagged = caps.name("flag").unwrap_or(whole);
                if !word_edges(a.text, whole.start(), whole.end()) {
                    continue;
                }
                if let Some(next) = caps.name("next") {
                    if entry.except_next.contains(&next.as_str().to_lowercase()) {
                        continue;
                    }
                }
                if next_word(a.text, whole.end())
                    .is_some_and(|w| entry.not_after.contains(&w.to_lowercase()))
                {
                    continue;
                }
                if previous_word(a.text, whole.start())
                    .is_some_and(|w| entry.not_before.contains(&w.to_lowercase()))
                {
                    continue;
                }
                if !entry.context.is_empty() && !sentence_has(a, whole.start(), &entry.context) {
                    continue;
                }
                let matched = flagged.as_str();
                let fixes: Vec<String> = entry
                    .replacements
                    .iter()
                    .map(|template| {
                        let mut fix = String::new();
                        caps.expand(template, &mut fix);
                        match_case(matched, fix)
                    })
                    .collect();
                let rule = &rules[entry.rule];
                let mut finding = Finding::new(
                    rule.id.clone(),
                    rule.category,
                    rule.severity,
                    flagged.range(),
                    format!(
                        "\"{matched}\" renders {} ({}) word for word; write \"{}\"",
                        entry.source, entry.meaning, fixes[0]
                    ),
                );
                if let Some(note) = &entry.note {
                    finding = finding.with_note(note.clone());
                }
                for fix in fixes {
                    finding = finding.with_suggestion(fix, false);
                }
                if let Some(l) = &entry.language {
                    finding = finding.with_language(l.clone());
                }
                out.push(finding);
            }
        }
    }
}

/// `$name` and `${name}` groups a replacement template refers to.
fn template_groups(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find('$') {
        rest = &rest[at + 1..];
        let name: String = if let Some(braced) = rest.strip_prefix('{') {
            braced.chars().take_while(|&c| c != '}').collect()
        } else {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        if !name.is_empty() && !name.chars().all(|c| c.is_ascii_digit()) {
            names.push(name);
        }
    }
    names
}

fn first_words(note: &str) -> String {
    note.split(". ")
        .next()
        .unwrap_or(note)
        .trim_end_matches('.')
        .to_string()
}

/// The match neither starts nor ends inside a word.
fn word_edges(text: &str, start: usize, end: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

fn next_word(text: &str, at: usize) -> Option<&str> {
    let rest = text[at..].trim_start_matches([' ', '\u{a0}']);
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn previous_word(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end_matches([' ', '\u{a0}']);
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    (start < before.len()).then(|| &before[start..])
}

/// Whether the sentence around text offset `at` contains one of `words`.
fn sentence_has(a: &Analysis, at: usize, words: &HashSet<String>) -> bool {
    let i = a.sentences.partition_point(|s| s.span.end <= at);
    a.sentences
        .get(i)
        .is_some_and(|s| a.words_of(s).iter().any(|w| words.contains(&w.lower)))
}

/// Upper-cases the replacement's first letter when the matched text starts
/// with a capital.
pub fn match_case(matched: &str, replacement: String) -> String {
    let starts_upper = matched.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if starts_upper && first.is_lowercase() => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => replacement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_groups_are_found() {
        assert_eq!(template_groups("$n units"), ["n"]);
        assert_eq!(template_groups("aged ${ages} and $1"), ["ages"]);
    }

    #[test]
    fn next_word_skips_spaces() {
        assert_eq!(next_word("abc  ago, x", 3), Some("ago"));
        assert_eq!(next_word("abc.", 3), None);
        assert_eq!(previous_word("was  informed", 5), Some("was"));
        assert_eq!(previous_word(", informed", 2), None);
    }
}
