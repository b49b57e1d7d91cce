//! `names/media/<lang>/<name>`: newspapers, broadcasters, institutions and
//! places whose names MT translated literally ("The evening paper" for
//! Aftonbladet, "the newspaper The north" for Norran), from the
//! `kind = "translated-names"` packs.
//!
//! Most renderings are ordinary English ("the north", "the evening paper"),
//! so an entry only fires where the words stand as the name of a source:
//! after "according to", "told", "writes", "the newspaper" and the like, in a
//! dateline "(The online newspaper):", or capitalised after a quoted
//! person's name ("says Anna Berg The evening paper").

use super::DocContext;
use crate::document::{ends_with_words, fold_char, starts_with_words};
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::lang;
use crate::packs::{is_rule_id, Pack, PackHeader, PackSet};
use crate::rule::{Examples, RuleInfo};
use aho_corasick::AhoCorasick;
use serde::Deserialize;
use std::collections::HashSet;
use std::ops::Range;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    #[allow(dead_code)]
    pack: PackHeader,
    #[serde(default)]
    name: Vec<Spanned<EntryDef>>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
enum Context {
    /// Any news cue: "according to", "told", "writes", "reports", the
    /// source nouns, datelines, quote attributions.
    #[default]
    Media,
    /// Only a source noun before it ("the newspaper The north"), a dateline
    /// or a quote attribution: for renderings that are everyday English.
    Strong,
    /// Everywhere (garbles no English text contains, like "So's alarm").
    Anywhere,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDef {
    id: Spanned<String>,
    name: String,
    what: String,
    renderings: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    context: Context,
    #[serde(default)]
    nearby: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    /// Fire only in articles that show signs of the pack's language (for
    /// renderings that are also English names: "the Echo", "Daily News").
    #[serde(default)]
    evidence: bool,
    flag: Spanned<Vec<Spanned<String>>>,
    pass: Spanned<Vec<String>>,
    severity: Option<Severity>,
}

struct Entry {
    rule: usize,
    name: String,
    what: String,
    language: Option<usize>,
    context: Context,
    nearby: Vec<String>,
    exclude: Vec<String>,
    needs_evidence: bool,
}

pub struct TranslatedNames {
    entries: Vec<Entry>,
    /// Automaton pattern → entry.
    targets: Vec<usize>,
    automaton: Option<AhoCorasick>,
}

const SOURCE_NOUNS: &[&str] = &[
    "the newspaper",
    "newspaper",
    "the local newspaper",
    "the local paper",
    "the paper",
    "the daily",
    "the tabloid",
    "the evening tabloid",
    "the broadcaster",
    "the public broadcaster",
    "the channel",
    "the tv channel",
    "the radio station",
    "the radio channel",
    "the station",
    "the magazine",
    "the news magazine",
    "the website",
    "the news site",
    "the news agency",
    "news agency",
    "the agency",
];

const SOURCE_VERBS_BEFORE: &[&str] = &[
    "according to",
    "told",
    "tells",
    "telling",
    "writes",
    "wrote",
    "reports",
    "reported",
    "reporting",
    "interview with",
    "quoted by",
    "cited by",
    "published by",
    "published in",
    "reveals",
    "revealed",
    "writing in",
];

const SOURCE_VERBS_AFTER: &[&str] = &[
    "writes",
    "wrote",
    "reports",
    "reported",
    "has reported",
    "has learned",
    "has learnt",
    "reveals",
    "revealed",
    "can reveal",
];

const ATTRIBUTION_VERBS: &[&str] = &["says", "said", "told", "tells", "explains", "writes"];

impl TranslatedNames {
    pub fn build(
        packs: &PackSet,
        lexicon: &mut super::lexicon::Lexicon,
        rules: &mut Vec<RuleInfo>,
    ) -> Result<TranslatedNames, Vec<FileError>> {
        let mut names = TranslatedNames {
            entries: Vec::new(),
            targets: Vec::new(),
            automaton: None,
        };
        let mut phrases = Vec::new();
        let mut errors = Vec::new();
        for pack in packs.of_kind("translated-names") {
            if let Err(mut e) = names.add_pack(pack, lexicon, rules, &mut phrases) {
                errors.append(&mut e);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if !phrases.is_empty() {
            names.automaton = Some(AhoCorasick::new(&phrases).map_err(|e| {
                let empty = std::sync::Arc::from("");
                vec![FileError::new(
                    "rules/names",
                    &empty,
                    None,
                    format!("cannot build name automaton: {e}"),
                )]
            })?);
        }
        Ok(names)
    }

    fn add_pack(
        &mut self,
        pack: &Pack,
        lexicon: &mut super::lexicon::Lexicon,
        rules: &mut Vec<RuleInfo>,
        phrases: &mut Vec<String>,
    ) -> Result<(), Vec<FileError>> {
        let file: NamesFile = pack.parse().map_err(|e| vec![e])?;
        let language = pack.header.language.clone();
        let language_index = language.as_deref().map(|l| lexicon.language_index(l));
        let lang_name = language
            .as_deref()
            .map(lang::name)
            .unwrap_or("source-language");
        let severity = pack.header.severity.unwrap_or(Severity::Warning);
        let mut seen = HashSet::new();
        let mut errors = Vec::new();
        for def in file.name {
            let def = def.into_inner();
            let local = def.id.get_ref();
            if !is_rule_id(local) || local.contains('/') {
                errors.push(pack.error(
                    def.id.span(),
                    format!("entry id `{local}` is not kebab-case"),
                ));
                continue;
            }
            if !seen.insert(local.clone()) {
                errors.push(pack.error(def.id.span(), format!("duplicate entry id `{local}`")));
                continue;
            }
            if def.renderings.get_ref().is_empty() {
                errors.push(pack.error(def.renderings.span(), "`renderings` is empty"));
                continue;
            }
            if let Err(e) =
                pack.check_examples(def.id.span(), def.flag.get_ref(), def.pass.get_ref().len())
            {
                errors.push(e);
                continue;
            }
            let entry = self.entries.len();
            for rendering in def.renderings.get_ref() {
                phrases.push(fold(rendering.get_ref()));
                self.targets.push(entry);
            }
            let renderings: Vec<String> = def
                .renderings
                .get_ref()
                .iter()
                .map(|r| format!("\"{}\"", r.get_ref()))
                .collect();
            let context_doc = match def.context {
                Context::Media => "where it stands as a news source (\"according to ...\", \"..., writes ...\", \"told ...\", \"the newspaper ...\", a dateline, a quote attribution)",
                Context::Strong => "only capitalised and after a source noun (\"the newspaper ...\"), in a dateline or a quote attribution, because the words are everyday English",
                Context::Anywhere => "wherever it occurs",
            };
            let mut docs = format!(
                "What it does\n  Flags {}, a literal translation of {} ({}), {context_doc}.\n",
                renderings.join(", "),
                def.name,
                def.what
            );
            if !def.nearby.is_empty() {
                docs.push_str(&format!(
                    "  Only in a paragraph that also mentions {}.\n",
                    def.nearby
                        .iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ));
            }
            if def.evidence {
                docs.push_str(&format!(
                    "  Only in articles with other signs of {lang_name} (names, letters), because the words also name English-language media.\n"
                ));
            }
            docs.push_str(&format!(
                "\nWhy is this bad?\n  The proper name is \"{}\"; English readers cannot recognise the {lang_name} name in the translation.\n\nFix\n  Write \"{}\".\n",
                def.name, def.name
            ));
            rules.push(RuleInfo {
                id: format!("{}/{local}", pack.id()),
                category: Category::NameGarbled,
                severity: def.severity.unwrap_or(severity),
                language: language.clone(),
                summary: format!(
                    "{}: {} ({}) translated literally",
                    renderings[0], def.name, def.what
                ),
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
                rule: rules.len() - 1,
                name: def.name,
                what: def.what,
                language: language_index,
                context: def.context,
                nearby: def.nearby,
                exclude: def.exclude,
                needs_evidence: def.evidence,
            });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn check(&self, cx: &DocContext, rules: &[RuleInfo], out: &mut Vec<Finding>) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        let folded = cx.doc.folded().as_str();
        // (text span, entry) of every accepted match.
        let mut hits: Vec<(Range<usize>, usize)> = Vec::new();
        for m in automaton.find_overlapping_iter(folded) {
            let entry_index = self.targets[m.pattern().as_usize()];
            let entry = &self.entries[entry_index];
            if !on_word_boundaries(folded, m.start(), m.end()) {
                continue;
            }
            let span = cx.doc.folded().to_text(m.start()..m.end());
            if self.accepts(cx, entry, folded, m.start(), m.end(), &span) {
                hits.push((span, entry_index));
            }
        }
        // The longest rendering wins ("the evening paper" over "evening
        // paper"); entries sharing a rendering are ranked by the article's
        // evidence for their language.
        hits.sort_by(|a, b| {
            a.0.start
                .cmp(&b.0.start)
                .then(b.0.end.cmp(&a.0.end))
                .then(self.evidence(cx, b.1).cmp(&self.evidence(cx, a.1)))
        });
        let mut last_end = 0;
        let mut i = 0;
        while i < hits.len() {
            let span = hits[i].0.clone();
            let same: Vec<usize> = hits[i..]
                .iter()
                .take_while(|(s, _)| *s == span)
                .map(|(_, e)| *e)
                .collect();
            i += same.len();
            if span.start < last_end {
                continue;
            }
            last_end = span.end;
            out.push(self.finding(cx, rules, span, &same));
        }
    }

    fn evidence(&self, cx: &DocContext, entry: usize) -> u32 {
        self.entries[entry].language.map_or(0, |l| cx.evidence(l))
    }

    fn finding(
        &self,
        cx: &DocContext,
        rules: &[RuleInfo],
        span: Range<usize>,
        entries: &[usize],
    ) -> Finding {
        let best = &self.entries[entries[0]];
        let rule = &rules[best.rule];
        let observed = &cx.doc.text()[span.clone()];
        let mut others: Vec<&Entry> = Vec::new();
        for &e in &entries[1..] {
            let entry = &self.entries[e];
            if entry.name != best.name && !others.iter().any(|o| o.name == entry.name) {
                others.push(entry);
            }
        }
        let mut message = format!(
            "\"{observed}\" is {} ({}) translated literally; write \"{}\"",
            best.name, best.what, best.name
        );
        for other in &others {
            message.push_str(&format!(" (or \"{}\", {})", other.name, other.what));
        }
        let note = "machine translation renders the names of newspapers, broadcasters and places word for word; English texts keep the original name";
        let mut finding =
            Finding::new(rule.id.clone(), rule.category, rule.severity, span, message)
                .with_note(note)
                .with_suggestion(best.name.clone(), false);
        for other in others {
            finding = finding.with_suggestion(other.name.clone(), false);
        }
        if let Some(code) = &rule.language {
            finding = finding.with_language(code.clone());
        }
        finding
    }

    fn accepts(
        &self,
        cx: &DocContext,
        entry: &Entry,
        folded: &str,
        start: usize,
        end: usize,
        span: &Range<usize>,
    ) -> bool {
        let text = cx.doc.text();
        let observed = &text[span.clone()];
        // Checked first: "the time", "the world" occur in every article.
        let capitalised = observed.chars().any(char::is_uppercase);
        if entry.context == Context::Strong && !capitalised {
            return false;
        }
        if entry.exclude.iter().any(|e| excluded(text, span, e)) || observed.contains('\n') {
            return false;
        }
        if entry.needs_evidence && entry.language.is_none_or(|l| cx.evidence(l) == 0) {
            return false;
        }
        if !entry.nearby.is_empty() {
            let paragraph = cx
                .doc
                .paragraph_at(span.start)
                .map(|p| cx.doc.paragraphs()[p].clone());
            let Some(paragraph) = paragraph else {
                return false;
            };
            if !entry
                .nearby
                .iter()
                .any(|n| contains_words(&text[paragraph.clone()], n))
            {
                return false;
            }
        }
        let paragraph_start = folded[..start].rfind('\n').map_or(0, |i| i + 1);
        let before = folded[paragraph_start..start]
            .trim_end_matches([' ', ',', ':', '"', '\'', '\u{201c}', '\u{201d}']);
        let after = &folded[end..];
        let dateline = before.ends_with('(')
            && before[..before.len() - 1].trim().is_empty()
            && after.starts_with(')');
        // "the online newspaper Politico": the words describe a name that
        // follows, they are not one.
        let names_follow = after.strip_prefix(' ').is_some_and(|_| {
            text[span.end..]
                .trim_start()
                .starts_with(char::is_uppercase)
        });
        if names_follow {
            return false;
        }
        // "told the Trade Sheet": the cue may stand before an article.
        let before_article = before
            .strip_suffix("the")
            .filter(|b| b.is_empty() || b.ends_with(' '))
            .map_or(before, str::trim_end);
        let after_noun = SOURCE_NOUNS.iter().any(|cue| ends_with_words(before, cue));
        // "witnesses told The evening paper": a capital "The" inside a
        // sentence before lower-case words is MT writing a name.
        let named_mid_sentence = observed.starts_with("The ")
            && !observed[4..].chars().any(char::is_uppercase)
            && cx
                .doc
                .sentence_at(span.start)
                .is_some_and(|s| cx.doc.sentences()[s].span.start < span.start);
        match entry.context {
            Context::Anywhere => true,
            Context::Strong => {
                capitalised
                    && (dateline
                        || after_noun
                        || named_mid_sentence
                        || self.attribution_tail(cx, span))
            }
            Context::Media => {
                dateline
                    || after_noun
                    || named_mid_sentence
                    || SOURCE_VERBS_BEFORE
                        .iter()
                        .any(|cue| ends_with_words(before_article, cue))
                    || said_to(before_article)
                    || source_verb_follows(after)
                    || self.attribution_tail(cx, span)
            }
        }
    }

    /// "..., says police spokesperson Anna Berg The evening paper.": the
    /// capitalised rendering directly after a quoted person's name, ending
    /// the sentence (MT of "säger Anna Berg till Aftonbladet").
    fn attribution_tail(&self, cx: &DocContext, span: &Range<usize>) -> bool {
        let text = cx.doc.text();
        let observed = &text[span.clone()];
        if !observed.starts_with(char::is_uppercase) {
            return false;
        }
        let before = &text[..span.start];
        let Some(previous) = before
            .strip_suffix(' ')
            .and_then(|b| b.split([' ', '\n']).next_back())
        else {
            return false;
        };
        let rest = text[span.end..].trim_start();
        let ends_sentence = rest.is_empty() || rest.starts_with(['.', ',', '!', '?', ';', '\n']);
        let Some(sentence) = cx.doc.sentence_at(span.start) else {
            return false;
        };
        let sentence_before = fold(&text[cx.doc.sentences()[sentence].span.start..span.start]);
        super::text::is_capitalised(previous)
            && ends_sentence
            && ATTRIBUTION_VERBS
                .iter()
                .any(|v| contains_words(&sentence_before, v))
    }
}

/// "says Lundberg to ...", "said the spokesperson to ...": a say-verb at
/// most four words before a final "to".
fn said_to(before: &str) -> bool {
    let Some(rest) = before.strip_suffix("to") else {
        return false;
    };
    if rest.chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().rev().take(5).collect();
    words.iter().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "says" | "said" | "say" | "explains" | "explained" | "confirms" | "confirmed"
        )
    })
}

/// "..., the evening paper writes." / "... reports that": a reporting verb
/// right after the name, ending the clause (so that "today's news reports
/// suggest" is not read as one).
fn source_verb_follows(after: &str) -> bool {
    let after = after.trim_start_matches([' ', ',']);
    SOURCE_VERBS_AFTER.iter().any(|cue| {
        after.strip_prefix(cue).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with(['.', ',', ':', ';', '\n'])
                || starts_with_words(rest.trim_start(), "that")
        })
    })
}

/// Folds like [`crate::document::Folded`]: ASCII lower case, straight
/// apostrophes, single spaces.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(fold_char)
        .collect()
}

fn excluded(text: &str, span: &Range<usize>, exclude: &str) -> bool {
    let from = span.start.saturating_sub(exclude.len());
    let to = (span.end + exclude.len()).min(text.len());
    let (from, to) = (floor_boundary(text, from), ceil_boundary(text, to));
    text[from..to].match_indices(exclude).any(|(i, m)| {
        let (s, e) = (from + i, from + i + m.len());
        s < span.end && e > span.start
    })
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn on_word_boundaries(folded: &str, start: usize, end: usize) -> bool {
    let before = folded[..start].chars().next_back();
    let after = folded[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        !text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !text[i + phrase.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::names::tests::findings;

    fn flagged(text: &str) -> Vec<(String, String)> {
        findings(text)
            .into_iter()
            .filter(|f| f.rule.starts_with("names/media/"))
            .map(|f| {
                (
                    text[f.span.clone()].to_string(),
                    f.suggestions[0].replacement.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn renderings_fire_only_as_news_sources() {
        assert_eq!(
            flagged("According to the newspaper The north, the fire is out."),
            vec![("The north".into(), "Norran".into())]
        );
        assert!(flagged("Snow is expected in the north tonight.").is_empty());
        assert!(flagged("The north of the country is cold.").is_empty());
    }

    #[test]
    fn datelines_and_attribution_tails() {
        assert_eq!(
            flagged("(The online newspaper): Police are at the scene.")[0].1,
            "Nettavisen"
        );
        assert_eq!(
            flagged("– We are searching, says spokesperson Eva Lund The evening paper.")[0].1,
            "Aftonbladet"
        );
    }

    #[test]
    fn excluded_spellings_are_left_alone() {
        assert!(flagged("According to the Daily News, the mayor resigned.").is_empty());
    }
}
