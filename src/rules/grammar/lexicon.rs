//! The closed word classes of `rules/grammar/*.toml`. Every `kind =
//! "grammar"` pack may add words to any class; the classes of all packs are
//! merged, so a user pack can extend them.

use crate::error::FileError;
use crate::packs::Pack;
use serde::Deserialize;
use std::collections::HashSet;
use toml::Spanned;

pub type WordList = Spanned<Vec<Spanned<String>>>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct EvidentialDef {
    #[serde(default)]
    attribution_verbs: Option<WordList>,
    #[serde(default)]
    hearsay: Option<WordList>,
    #[serde(default)]
    epistemic_cues: Option<WordList>,
    #[serde(default)]
    mental_verbs: Option<WordList>,
    #[serde(default)]
    evaluative: Option<WordList>,
    #[serde(default)]
    existential_people: Option<WordList>,
    #[serde(default)]
    incident_participles: Option<WordList>,
    #[serde(default)]
    deontic_cues: Option<WordList>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct WordOrderDef {
    #[serde(default)]
    auxiliaries: Option<WordList>,
    #[serde(default)]
    copulas: Option<WordList>,
    #[serde(default)]
    reporting_verbs: Option<WordList>,
    #[serde(default)]
    irregular_past: Option<WordList>,
    #[serde(default)]
    irregular_participles: Option<WordList>,
    #[serde(default)]
    not_verbs_ed: Option<WordList>,
    #[serde(default)]
    determiners: Option<WordList>,
    #[serde(default)]
    subject_starters: Option<WordList>,
    #[serde(default)]
    subject_pronouns: Option<WordList>,
    #[serde(default)]
    not_subjects: Option<WordList>,
    #[serde(default)]
    adverb_openers: Option<WordList>,
    #[serde(default)]
    prepositions: Option<WordList>,
    #[serde(default)]
    inversion_licensers: Option<WordList>,
    #[serde(default)]
    time_words: Option<WordList>,
    #[serde(default)]
    that_verbs: Option<WordList>,
    #[serde(default)]
    subordinators: Option<WordList>,
    #[serde(default)]
    subject_clause_openers: Option<WordList>,
    #[serde(default)]
    focus_adverbs: Option<WordList>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PronounsDef {
    #[serde(default)]
    female_nouns: Option<WordList>,
    #[serde(default)]
    male_nouns: Option<WordList>,
    #[serde(default)]
    person_nouns: Option<WordList>,
    #[serde(default)]
    organisations: Option<WordList>,
    #[serde(default)]
    owned_nouns: Option<WordList>,
    #[serde(default)]
    police_singular_verbs: Option<WordList>,
    #[serde(default)]
    role: Vec<RoleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleDef {
    name: Spanned<String>,
    nouns: WordList,
    verbs: WordList,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct GivenNamesDef {
    #[serde(default)]
    female: Option<WordList>,
    #[serde(default)]
    male: Option<WordList>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CasingDef {
    #[serde(default)]
    function_words: Option<WordList>,
    #[serde(default)]
    attribution_prepositions: Option<WordList>,
    #[serde(default)]
    common_nouns: Option<WordList>,
    #[serde(default)]
    abbreviations: Option<WordList>,
}

pub type Words = HashSet<String>;

/// A role a report binds to one person: the nouns that name it ("the
/// suspect") and the passive verbs that give it to someone ("was arrested").
pub struct Role {
    pub nouns: Words,
    pub verbs: Words,
}

#[derive(Default)]
pub struct Lexicon {
    pub attribution_verbs: Words,
    pub hearsay: Words,
    pub epistemic_cues: Words,
    pub mental_verbs: Words,
    pub evaluative: Words,
    pub existential_people: Words,
    pub incident_participles: Words,
    pub deontic_cues: Words,

    pub auxiliaries: Words,
    pub copulas: Words,
    pub reporting_verbs: Words,
    pub irregular_past: Words,
    pub irregular_participles: Words,
    pub not_verbs_ed: Words,
    pub determiners: Words,
    pub subject_starters: Words,
    pub subject_pronouns: Words,
    pub not_subjects: Words,
    pub adverb_openers: Words,
    pub prepositions: Words,
    pub inversion_licensers: Words,
    pub time_words: Words,
    pub that_verbs: Words,
    pub subordinators: Words,
    pub subject_clause_openers: Words,
    pub focus_adverbs: Words,

    pub female_nouns: Words,
    pub male_nouns: Words,
    pub person_nouns: Words,
    /// Organisation nouns, single words.
    pub organisations: Words,
    /// Organisation nouns of several words ("traffic light"), split.
    pub organisation_phrases: Vec<Vec<String>>,
    pub owned_nouns: Words,
    pub police_singular_verbs: Words,
    pub roles: Vec<Role>,

    /// Given names as written ("Anna"), compared case-sensitively.
    pub female_names: Words,
    pub male_names: Words,

    pub function_words: Words,
    pub attribution_prepositions: Words,
    pub common_nouns: Words,
    pub abbreviations: Words,
}

/// How the words of a list must look.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// One lower-case token.
    LowerWord,
    /// Lower-case words separated by single spaces.
    LowerPhrase,
    /// A capitalised name.
    Name,
}

impl Lexicon {
    pub fn add_evidential(&mut self, pack: &Pack, def: EvidentialDef, errors: &mut Vec<FileError>) {
        let mut add = |target: &mut Words, list: Option<WordList>| {
            extend(target, pack, list, Shape::LowerWord, errors)
        };
        add(&mut self.attribution_verbs, def.attribution_verbs);
        add(&mut self.hearsay, def.hearsay);
        add(&mut self.epistemic_cues, def.epistemic_cues);
        add(&mut self.mental_verbs, def.mental_verbs);
        add(&mut self.evaluative, def.evaluative);
        add(&mut self.existential_people, def.existential_people);
        add(&mut self.incident_participles, def.incident_participles);
        add(&mut self.deontic_cues, def.deontic_cues);
    }

    pub fn add_word_order(&mut self, pack: &Pack, def: WordOrderDef, errors: &mut Vec<FileError>) {
        let mut add = |target: &mut Words, list: Option<WordList>| {
            extend(target, pack, list, Shape::LowerWord, errors)
        };
        add(&mut self.auxiliaries, def.auxiliaries);
        add(&mut self.copulas, def.copulas);
        add(&mut self.reporting_verbs, def.reporting_verbs);
        add(&mut self.irregular_past, def.irregular_past);
        add(&mut self.irregular_participles, def.irregular_participles);
        add(&mut self.not_verbs_ed, def.not_verbs_ed);
        add(&mut self.determiners, def.determiners);
        add(&mut self.subject_starters, def.subject_starters);
        add(&mut self.subject_pronouns, def.subject_pronouns);
        add(&mut self.not_subjects, def.not_subjects);
        add(&mut self.adverb_openers, def.adverb_openers);
        add(&mut self.prepositions, def.prepositions);
        add(&mut self.inversion_licensers, def.inversion_licensers);
        add(&mut self.time_words, def.time_words);
        add(&mut self.that_verbs, def.that_verbs);
        add(&mut self.subordinators, def.subordinators);
        add(&mut self.subject_clause_openers, def.subject_clause_openers);
        add(&mut self.focus_adverbs, def.focus_adverbs);
    }

    pub fn add_pronouns(&mut self, pack: &Pack, def: PronounsDef, errors: &mut Vec<FileError>) {
        extend(
            &mut self.female_nouns,
            pack,
            def.female_nouns,
            Shape::LowerWord,
            errors,
        );
        extend(
            &mut self.male_nouns,
            pack,
            def.male_nouns,
            Shape::LowerWord,
            errors,
        );
        extend(
            &mut self.person_nouns,
            pack,
            def.person_nouns,
            Shape::LowerWord,
            errors,
        );
        extend(
            &mut self.owned_nouns,
            pack,
            def.owned_nouns,
            Shape::LowerWord,
            errors,
        );
        extend(
            &mut self.police_singular_verbs,
            pack,
            def.police_singular_verbs,
            Shape::LowerWord,
            errors,
        );
        let mut organisations = Words::new();
        extend(
            &mut organisations,
            pack,
            def.organisations,
            Shape::LowerPhrase,
            errors,
        );
        for org in organisations {
            if org.contains(' ') {
                self.organisation_phrases
                    .push(org.split(' ').map(str::to_string).collect());
            } else {
                self.organisations.insert(org);
            }
        }
        for role in def.role {
            if role.name.get_ref().trim().is_empty() {
                errors.push(pack.error(role.name.span(), "a role needs a name"));
            }
            let mut nouns = Words::new();
            let mut verbs = Words::new();
            extend(&mut nouns, pack, Some(role.nouns), Shape::LowerWord, errors);
            extend(&mut verbs, pack, Some(role.verbs), Shape::LowerWord, errors);
            self.roles.push(Role { nouns, verbs });
        }
    }

    pub fn add_given_names(
        &mut self,
        pack: &Pack,
        def: GivenNamesDef,
        errors: &mut Vec<FileError>,
    ) {
        extend(
            &mut self.female_names,
            pack,
            def.female,
            Shape::Name,
            errors,
        );
        extend(&mut self.male_names, pack, def.male, Shape::Name, errors);
    }

    pub fn add_casing(&mut self, pack: &Pack, def: CasingDef, errors: &mut Vec<FileError>) {
        let mut add = |target: &mut Words, list: Option<WordList>| {
            extend(target, pack, list, Shape::LowerWord, errors)
        };
        add(&mut self.function_words, def.function_words);
        add(
            &mut self.attribution_prepositions,
            def.attribution_prepositions,
        );
        add(&mut self.common_nouns, def.common_nouns);
        add(&mut self.abbreviations, def.abbreviations);
    }

    /// Names that are in both gendered lists say nothing about gender.
    pub fn finish(&mut self) {
        let both: Vec<String> = self
            .female_names
            .intersection(&self.male_names)
            .cloned()
            .collect();
        for name in both {
            self.female_names.remove(&name);
            self.male_names.remove(&name);
        }
    }
}

/// Adds a list's words to `target`, reporting malformed or repeated words
/// at their place in the pack.
fn extend(
    target: &mut Words,
    pack: &Pack,
    list: Option<WordList>,
    shape: Shape,
    errors: &mut Vec<FileError>,
) {
    let Some(list) = list else { return };
    if list.get_ref().is_empty() {
        errors.push(pack.error(list.span(), "the list is empty"));
        return;
    }
    let mut seen = HashSet::new();
    for word in list.into_inner() {
        let span = word.span();
        let word = word.into_inner();
        let problem = match shape {
            _ if word.is_empty() => Some("empty word"),
            Shape::LowerWord if word.contains(char::is_whitespace) => {
                Some("one word per entry (no spaces)")
            }
            Shape::LowerWord | Shape::LowerPhrase if word.chars().any(char::is_uppercase) => {
                Some("write the word in lower case")
            }
            Shape::LowerPhrase if word.split(' ').any(str::is_empty) || word != word.trim() => {
                Some("separate words by single spaces")
            }
            Shape::Name if !word.chars().next().is_some_and(char::is_uppercase) => {
                Some("a name starts with a capital letter")
            }
            Shape::Name if word.contains(char::is_whitespace) => Some("one name per entry"),
            _ => None,
        };
        if let Some(problem) = problem {
            errors.push(pack.error(span, format!("`{word}`: {problem}")));
        } else if !seen.insert(word.clone()) {
            errors.push(pack.error(span, format!("`{word}` is listed twice")));
        } else {
            target.insert(word);
        }
    }
}
