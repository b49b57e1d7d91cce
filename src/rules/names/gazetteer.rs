//! `names/misspelled-figure`: a name one letter away from a public figure in
//! the `kind = "gazetteer"` packs ("Lee Jun" for Xiaomi's Lei Jun), reported
//! only when the article confirms who is meant.

use super::lexicon::Lexicon;
use super::text::{
    fold_plain, is_bare_genitive, is_capitalised, is_near_miss, is_transliteration,
    same_modulo_diacritics, NameRun,
};
use super::DocContext;
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::packs::{Pack, PackHeader, PackSet};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use toml::Spanned;

pub const RULE: &str = "names/misspelled-figure";
pub const DIACRITICS_RULE: &str = "names/missing-diacritics";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    #[allow(dead_code)]
    pack: PackHeader,
    #[serde(default)]
    person: Vec<Spanned<PersonDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonDef {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    links: Vec<String>,
    #[allow(dead_code)]
    language: Option<String>,
    role: Option<String>,
}

struct Person {
    name: String,
    role: Option<String>,
    links: Vec<String>,
    /// The canonical name and the aliases, split into words.
    forms: Vec<Vec<String>>,
}

/// Where a word occurs in the gazetteer: person, form, word position.
#[derive(Clone, Copy)]
struct Posting {
    person: usize,
    form: usize,
    position: usize,
}

pub struct Gazetteer {
    people: Vec<Person>,
    /// Folded name word → where it occurs. Candidates for a near miss share
    /// at least one word with the text, so only their postings are compared.
    index: HashMap<String, Vec<Posting>>,
}

/// What one document's name runs matched.
#[derive(Default)]
struct Matches {
    /// Person → the first place their name is spelled right.
    exact: HashMap<usize, Range<usize>>,
    /// Spans that spell some person's name right.
    exact_spans: HashSet<(usize, usize)>,
    misses: Vec<NearMiss>,
}

/// Why a near miss is taken to be the person: the note, and the place in
/// the article that shows it.
struct Evidence {
    note: String,
    secondary: Option<(Range<usize>, String)>,
}

/// A run of words that is one letter away from a gazetteer form, or the
/// form with its diacritics dropped or changed.
struct NearMiss {
    span: Range<usize>,
    person: usize,
    form: usize,
    /// The observed words that are one letter away; empty when only the
    /// diacritics differ.
    differing: Vec<String>,
}

impl Gazetteer {
    pub fn build(packs: &PackSet) -> Result<Gazetteer, Vec<FileError>> {
        let mut gazetteer = Gazetteer {
            people: Vec::new(),
            index: HashMap::new(),
        };
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut errors = Vec::new();
        for pack in packs.of_kind("gazetteer") {
            if let Err(e) = gazetteer.add_pack(pack, &mut by_name) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(gazetteer)
        } else {
            Err(errors)
        }
    }

    fn add_pack(
        &mut self,
        pack: &Pack,
        by_name: &mut HashMap<String, usize>,
    ) -> Result<(), FileError> {
        let file: GazetteerFile = pack.parse()?;
        for def in file.person {
            let def = def.into_inner();
            let mut forms = Vec::new();
            for form in std::iter::once(&def.name).chain(&def.aliases) {
                let words: Vec<String> = form
                    .get_ref()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                if !form.get_ref().chars().any(char::is_alphabetic) {
                    return Err(pack.error(form.span(), "a name needs at least one letter"));
                }
                forms.push(words);
            }
            // The same person in two packs (a regional list and a sector
            // list) is merged rather than reported twice.
            let person = match by_name.get(def.name.get_ref()) {
                Some(&existing) => {
                    let known = &mut self.people[existing];
                    known.links.extend(def.links);
                    known.role = known.role.take().or(def.role);
                    forms.retain(|f| !known.forms.contains(f));
                    existing
                }
                None => {
                    by_name.insert(def.name.get_ref().clone(), self.people.len());
                    self.people.push(Person {
                        name: def.name.into_inner(),
                        role: def.role,
                        links: def.links,
                        forms: Vec::new(),
                    });
                    self.people.len() - 1
                }
            };
            for words in forms {
                let form = self.people[person].forms.len();
                // Single-word names ("Neymar") cannot be matched safely.
                if words.len() >= 2 {
                    for (position, word) in words.iter().enumerate() {
                        if is_capitalised(word) && word.chars().count() >= 2 {
                            self.index
                                .entry(fold_plain(word))
                                .or_default()
                                .push(Posting {
                                    person,
                                    form,
                                    position,
                                });
                        }
                    }
                }
                self.people[person].forms.push(words);
            }
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.people.len()
    }

    pub fn check(&self, cx: &DocContext, out: &mut Vec<Finding>) {
        let mut matches = Matches::default();
        for run in cx.runs.iter().filter(|r| r.words.len() >= 2) {
            for (i, word) in run.words.iter().enumerate() {
                let Some(postings) = self.index.get(&fold_plain(word.text)) else {
                    continue;
                };
                for posting in postings {
                    self.align(cx, run, i, *posting, &mut matches);
                }
            }
        }
        let Matches {
            exact,
            exact_spans,
            misses,
        } = matches;
        let mut reported: HashSet<(usize, usize)> = HashSet::new();
        for miss in misses {
            let key = (miss.span.start, miss.span.end);
            // A run that spells some other known person exactly is that person.
            if exact_spans.contains(&key) || !reported.insert(key) {
                continue;
            }
            let person = &self.people[miss.person];
            if miss.differing.is_empty() {
                out.push(self.respelling(cx, person, miss));
                continue;
            }
            let Some(evidence) = self.evidence(cx, cx.lexicon, person, &miss, &exact) else {
                reported.remove(&key);
                continue;
            };
            let observed = &cx.doc.text()[miss.span.clone()];
            let form = person.forms[miss.form].join(" ");
            let who = match &person.role {
                Some(role) => format!("{} ({role})", person.name),
                None => person.name.clone(),
            };
            let message =
                format!("\"{observed}\" looks like a misspelling of {who}; write \"{form}\"");
            let mut finding = Finding::new(
                RULE,
                Category::NameGarbled,
                Severity::Warning,
                miss.span,
                message,
            )
            .with_note(evidence.note)
            .with_suggestion(form, false);
            if let Some((span, label)) = evidence.secondary {
                finding = finding.with_secondary(span, label);
            }
            out.push(finding);
        }
    }

    /// Compares the form a posting belongs to with the run, aligned on the
    /// word that was looked up.
    fn align(
        &self,
        cx: &DocContext,
        run: &NameRun,
        at: usize,
        posting: Posting,
        matches: &mut Matches,
    ) {
        let form = &self.people[posting.person].forms[posting.form];
        let Some(start) = at.checked_sub(posting.position) else {
            return;
        };
        if start + form.len() > run.words.len() {
            return;
        }
        let observed = &run.words[start..start + form.len()];
        let mut differing = Vec::new();
        let mut respelled = false;
        for (expected, seen) in form.iter().zip(observed) {
            let following = &cx.doc.text()[seen.span.end..];
            if seen.text == expected
                || is_transliteration(seen.text, expected)
                || is_bare_genitive(seen.text, expected, following)
            {
                continue;
            }
            if same_modulo_diacritics(seen.text, expected) {
                respelled = true;
            } else if is_near_miss(seen.text, expected) {
                differing.push(seen.text.to_string());
            } else {
                return;
            }
        }
        let span = observed[0].span.start..observed[observed.len() - 1].span.end;
        if differing.is_empty() && !respelled {
            matches.exact.entry(posting.person).or_insert(span.clone());
            matches.exact_spans.insert((span.start, span.end));
        } else if differing.len() < form.len() {
            matches.misses.push(NearMiss {
                span,
                person: posting.person,
                form: posting.form,
                differing,
            });
        }
    }

    /// "Jonas Gahr Store", "Markus Soder": the whole name matches but its
    /// diacritics were dropped (not transliterated as "oe") or changed.
    fn respelling(&self, cx: &DocContext, person: &Person, miss: NearMiss) -> Finding {
        let observed = &cx.doc.text()[miss.span.clone()];
        let form = person.forms[miss.form].join(" ");
        let who = match &person.role {
            Some(role) => format!("{} ({role})", person.name),
            None => person.name.clone(),
        };
        Finding::new(
            DIACRITICS_RULE,
            Category::NameGarbled,
            Severity::Info,
            miss.span,
            format!("\"{observed}\" is {who} without the right letters; write \"{form}\""),
        )
        .with_note("names keep their diacritics in English (or, for ä ö ü, the transliteration ae oe ue); disable names/missing-diacritics if your style guide drops them")
        .with_suggestion(form, false)
    }

    /// Why the near miss is the person and not someone else, or `None` when
    /// the article does not say.
    fn evidence(
        &self,
        cx: &DocContext,
        lexicon: &Lexicon,
        person: &Person,
        miss: &NearMiss,
        exact: &HashMap<usize, Range<usize>>,
    ) -> Option<Evidence> {
        if let Some(span) = exact.get(&miss.person) {
            return Some(Evidence {
                note: format!("the article also spells the name \"{}\"", person.name),
                secondary: Some((span.clone(), "spelled correctly here".to_string())),
            });
        }
        for link in &person.links {
            if let Some(span) = cx.find_phrase(link) {
                return Some(Evidence {
                    note: format!(
                        "{link} is mentioned in the article: the name is probably {}",
                        person.name
                    ),
                    secondary: Some((span, format!("{link} mentioned here"))),
                });
            }
        }
        let word = miss
            .differing
            .iter()
            .find(|w| lexicon.is_plain_english_word(w))?;
        Some(Evidence {
            note: format!("\"{word}\" is an English word: machine translation probably translated or respelled the name {}", person.name),
            secondary: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::names::tests::findings;

    fn flagged(text: &str) -> Vec<(String, String)> {
        findings(text)
            .into_iter()
            .filter(|f| f.rule == super::RULE)
            .map(|f| {
                (
                    text[f.span.clone()].to_string(),
                    f.suggestions[0].replacement.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_near_miss_with_a_linked_organisation_is_flagged() {
        assert_eq!(
            flagged("As Lee Jun, founder of Xiaomi Group, adds: it is good."),
            vec![("Lee Jun".into(), "Lei Jun".into())]
        );
    }

    #[test]
    fn a_near_miss_without_evidence_is_not() {
        assert!(flagged("Li Jun, a researcher in Beijing, said the talks went well.").is_empty());
        assert_eq!(
            flagged("Lei Jun spoke. Li Jun, a researcher, agreed.").len(),
            1,
            "{:?}",
            flagged("Lei Jun spoke. Li Jun, a researcher, agreed.")
        );
    }

    #[test]
    fn dropped_diacritics_are_reported_at_info_level() {
        let found = findings("Prime Minister Jonas Gahr Store met the Labour Party.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, super::DIACRITICS_RULE);
        assert_eq!(found[0].severity, crate::finding::Severity::Info);
        assert_eq!(found[0].suggestions[0].replacement, "Jonas Gahr Støre");
    }

    #[test]
    fn a_genitive_without_apostrophe_is_not_a_misspelling() {
        assert!(flagged("Xiaomi grew fast. Lei Juns plan worked.").is_empty());
        assert_eq!(flagged("Xiaomi grew fast. Lei Juns said so.").len(), 1);
    }

    #[test]
    fn exact_names_and_respellings_are_not_misspellings() {
        assert!(flagged("Lei Jun, the head of Xiaomi, and Jonas Gahr Store met.").is_empty());
    }
}
