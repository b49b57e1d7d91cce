//! `names/translated-surname`: a given name followed by the English word a
//! surname means ("Matthias Harsh" for German *Harsch*, "Anders Stream" for
//! Swedish *Ström*), from the `kind = "translated-surnames"` tables.

use super::lexicon::{LangSet, Lexicon, ENGLISH};
use super::text::{is_capitalised, is_title_case, strip_possessive};
use super::DocContext;
use crate::document::TokenKind;
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::lang;
use crate::packs::{Pack, PackHeader, PackSet};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use toml::Spanned;

pub const RULE: &str = "names/translated-surname";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SurnameFile {
    #[allow(dead_code)]
    pack: PackHeader,
    translated: Translated,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Translated {
    surnames: Vec<Spanned<SurnameDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SurnameDef {
    name: Spanned<String>,
    renderings: Spanned<Vec<Spanned<String>>>,
}

struct Surname {
    name: String,
    language: usize,
    /// The word the surname means, for messages ("harsh").
    meaning: String,
    /// Folded last word of the name ("jong" for "de Jong"), looked up in the
    /// article to see whether the original form is there too.
    key: String,
}

struct Rendering {
    /// Words as written in the table ("the", "Young").
    words: Vec<String>,
    surname: usize,
}

pub struct SurnameTable {
    surnames: Vec<Surname>,
    renderings: Vec<Rendering>,
    /// Lower-cased first word of a rendering → indices into `renderings`.
    by_first_word: HashMap<String, Vec<usize>>,
    /// The first words of renderings written in lower case ("the", "of").
    lowercase_first_words: Vec<String>,
}

impl SurnameTable {
    pub fn build(packs: &PackSet, lexicon: &mut Lexicon) -> Result<SurnameTable, Vec<FileError>> {
        let mut table = SurnameTable {
            surnames: Vec::new(),
            renderings: Vec::new(),
            by_first_word: HashMap::new(),
            lowercase_first_words: Vec::new(),
        };
        let mut errors = Vec::new();
        for pack in packs.of_kind("translated-surnames") {
            if let Err(e) = table.add_pack(pack, lexicon) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(table)
        } else {
            Err(errors)
        }
    }

    fn add_pack(&mut self, pack: &Pack, lexicon: &mut Lexicon) -> Result<(), FileError> {
        let code = pack.header.language.as_deref().ok_or_else(|| {
            pack.error(
                pack.header.kind.span(),
                "a translated-surnames pack needs `language` in its [pack] header",
            )
        })?;
        let language = lexicon.language_index(code);
        let file: SurnameFile = pack.parse()?;
        let mut seen = HashSet::new();
        for def in file.translated.surnames {
            let def = def.into_inner();
            let name = def.name.get_ref();
            if !seen.insert(name.clone()) {
                return Err(pack.error(def.name.span(), format!("`{name}` is listed twice")));
            }
            let Some(last) = name.split_whitespace().last().filter(|w| is_capitalised(w)) else {
                return Err(pack.error(
                    def.name.span(),
                    "a surname ends with a capitalised word (\"Harsch\", \"de Jong\")",
                ));
            };
            if def.renderings.get_ref().is_empty() {
                return Err(pack.error(def.renderings.span(), "`renderings` is empty"));
            }
            let index = self.surnames.len();
            for rendering in def.renderings.get_ref() {
                let words: Vec<String> = rendering
                    .get_ref()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                if !words.last().is_some_and(|w| is_capitalised(w)) {
                    return Err(pack.error(
                        rendering.span(),
                        "a rendering ends with a capitalised word, as MT writes it (\"Harsh\", \"the Young\")",
                    ));
                }
                if !is_capitalised(&words[0]) && !self.lowercase_first_words.contains(&words[0]) {
                    self.lowercase_first_words.push(words[0].clone());
                }
                self.by_first_word
                    .entry(words[0].to_lowercase())
                    .or_default()
                    .push(self.renderings.len());
                self.renderings.push(Rendering {
                    words,
                    surname: index,
                });
            }
            self.surnames.push(Surname {
                name: name.clone(),
                language,
                meaning: def.renderings.get_ref()[0].get_ref().to_lowercase(),
                key: super::text::fold_plain(last),
            });
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.surnames.len()
    }

    /// Whether a lower-case word begins some rendering ("the Young").
    fn starts_rendering(&self, word: &str) -> bool {
        self.lowercase_first_words
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
    }

    pub fn check(&self, cx: &DocContext, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let text = doc.text();
        for (s, sentence) in doc.sentences().iter().enumerate() {
            let tokens = doc.sentence_tokens(sentence);
            if tokens.len() < 2 || is_title_case(doc, s) {
                continue;
            }
            let joined =
                |a: usize, b: usize| text[tokens[a].span.end..tokens[b].span.start] == *" ";
            for g in 0..tokens.len() - 1 {
                let given = &text[tokens[g].span.clone()];
                if tokens[g].kind != TokenKind::Word || !is_capitalised(given) {
                    continue;
                }
                // Most capitalised words are followed by a lower-case word
                // that starts no rendering: skip them before any lookup.
                let next = &text[tokens[g + 1].span.clone()];
                if !next.starts_with(char::is_uppercase) && !self.starts_rendering(next) {
                    continue;
                }
                let given_langs = cx.lexicon.given_name_languages(given);
                if given_langs.is_empty() || (g == 0 && cx.lexicon.is_common_word(given)) {
                    continue;
                }
                let first = strip_possessive(&text[tokens[g + 1].span.clone()]).to_lowercase();
                let Some(candidates) = self.by_first_word.get(&first) else {
                    continue;
                };
                for &r in candidates {
                    let rendering = &self.renderings[r];
                    let matches = rendering.words.iter().enumerate().all(|(k, word)| {
                        let t = g + 1 + k;
                        if t >= tokens.len() || !joined(t - 1, t) {
                            return false;
                        }
                        let raw = &text[tokens[t].span.clone()];
                        let observed = if k + 1 == rendering.words.len() {
                            strip_possessive(raw)
                        } else {
                            raw
                        };
                        observed.eq_ignore_ascii_case(word)
                            && (!is_capitalised(word) || is_capitalised(observed))
                    });
                    if !matches {
                        continue;
                    }
                    let last = g + rendering.words.len();
                    let last_raw = &text[tokens[last].span.clone()];
                    let possessive = strip_possessive(last_raw).len() != last_raw.len();
                    let continues_as_name = !possessive
                        && last + 1 < tokens.len()
                        && joined(last, last + 1)
                        && is_capitalised(&text[tokens[last + 1].span.clone()]);
                    if continues_as_name {
                        continue;
                    }
                    // "Sven-Göran Stream": the whole hyphenated given name.
                    let mut first = g;
                    while first > 0
                        && text[tokens[first - 1].span.end..tokens[first].span.start] == *"-"
                        && is_capitalised(&text[tokens[first - 1].span.clone()])
                    {
                        first -= 1;
                    }
                    let full_given = &text[tokens[first].span.start..tokens[g].span.end];
                    let span = tokens[first].span.start
                        ..tokens[last].span.start + strip_possessive(last_raw).len();
                    self.report(cx, full_given, given_langs, rendering, span, out);
                    break;
                }
            }
        }
    }

    fn report(
        &self,
        cx: &DocContext,
        given: &str,
        given_langs: LangSet,
        rendering: &Rendering,
        span: std::ops::Range<usize>,
        out: &mut Vec<Finding>,
    ) {
        let observed_word = rendering.words.last().expect("renderings are not empty");
        let english_name = cx.lexicon.is_english_name(observed_word);
        let shared_given_name = given_langs.contains(ENGLISH);
        // Every table entry with this rendering whose language the given name
        // belongs to, with the evidence the article offers for it.
        let mut candidates: Vec<(&Surname, Option<std::ops::Range<usize>>, u32)> = self
            .renderings
            .iter()
            .filter(|r| r.words == rendering.words)
            .map(|r| &self.surnames[r.surname])
            .filter(|s| given_langs.contains(s.language))
            .map(|s| (s, cx.first_capitalised(&s.key), cx.evidence(s.language)))
            .filter(|(_, original, evidence)| {
                original.is_some() || (!english_name && (!shared_given_name || *evidence > 0))
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        candidates.sort_by(|a, b| b.1.is_some().cmp(&a.1.is_some()).then(b.2.cmp(&a.2)));
        let (best, original, best_evidence) = &candidates[0];
        let unique_language = candidates[1..].iter().all(|(s, o, e)| {
            s.language == best.language
                || (original.is_some() && o.is_none())
                || (o.is_some() == original.is_some() && e < best_evidence)
        });
        let observed = &cx.doc.text()[span.clone()];
        let observed_surname = observed[given.len()..].trim_start();
        let lang_name = lang::name(cx.lexicon.language_code(best.language));
        let message = format!(
            "\"{observed}\" looks like the {lang_name} surname {} translated as a word; write \"{given} {}\"",
            best.name, best.name
        );
        let note = format!(
            "machine translation turns surnames that are ordinary words into English: {lang_name} \"{}\" means \"{}\", so \"{observed_surname}\" here is probably the name {}",
            best.name.to_lowercase(),
            best.meaning,
            best.name
        );
        let mut finding = Finding::new(
            RULE,
            Category::NameGarbled,
            Severity::Warning,
            span,
            message,
        )
        .with_note(note);
        let mut suggested = HashSet::new();
        for (surname, _, _) in &candidates {
            if suggested.insert(surname.name.as_str()) {
                finding = finding.with_suggestion(format!("{given} {}", surname.name), false);
            }
        }
        if let Some(at) = original {
            finding = finding.with_secondary(at.clone(), format!("written \"{}\" here", best.name));
        }
        if unique_language {
            finding = finding.with_language(cx.lexicon.language_code(best.language));
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::names::tests::findings;

    fn flagged(text: &str) -> Vec<(String, String, Option<String>)> {
        findings(text)
            .into_iter()
            .filter(|f| f.rule == super::RULE)
            .map(|f| {
                (
                    text[f.span.clone()].to_string(),
                    f.suggestions[0].replacement.clone(),
                    f.language.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn german_given_name_and_translated_surname() {
        assert_eq!(
            flagged("The plant manager, Wolfgang Harsh, said the line was ready."),
            vec![(
                "Wolfgang Harsh".into(),
                "Wolfgang Harsch".into(),
                Some("de".into())
            )]
        );
    }

    #[test]
    fn english_surnames_need_the_original_in_the_article() {
        assert!(flagged("Said Jari Hill, the police chief in Jyväskylä.").is_empty());
        assert!(flagged("Sarah Young and Peter King met Anna Smith and George Bush.").is_empty());
        let found = flagged("Jari Mäki leads the team. Later Jari Hill said it was over.");
        assert_eq!(
            found,
            vec![("Jari Hill".into(), "Jari Mäki".into(), Some("fi".into()))]
        );
    }

    #[test]
    fn indian_given_names_and_other_languages_do_not_fire() {
        assert!(flagged("Harsh Goenka and Rahul Harsh spoke in Mumbai.").is_empty());
        assert!(flagged("Mikko Harsh wrote the report.").is_empty());
    }

    #[test]
    fn shared_given_names_need_evidence_of_the_language() {
        assert!(flagged("Peter Stream said so.").is_empty());
        let found = flagged("Peter Stream said so, according to Göteborgs-Posten and Åsa Berg.");
        assert_eq!(found[0].0, "Peter Stream");
        assert_eq!(found[0].1, "Peter Ström");
    }

    #[test]
    fn multi_word_renderings_and_possessives() {
        let found = flagged("Pieter the Frisian's company, said Femke, is in Utrecht.");
        assert_eq!(
            found,
            vec![(
                "Pieter the Frisian".into(),
                "Pieter de Vries".into(),
                Some("nl".into())
            )]
        );
    }

    #[test]
    fn longer_proper_nouns_and_headlines_are_left_alone() {
        assert!(flagged("She works at Matthias Harsh Consulting.").is_empty());
        assert!(flagged("Matthias Harsh Says Leica Phone Is Ready").is_empty());
    }
}
