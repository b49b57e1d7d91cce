//! Garbled names: surnames translated as words, misspelled public figures,
//! one name spelled two ways, and newspapers or places translated literally.
//! Category `name-garbled`.
//!
//! ## What it does
//! - `names/translated-surname`: a given name followed by the English word a
//!   surname means: "Matthias Harsh" for Leica's Matthias *Harsch* (German
//!   *harsch* = harsh), "Anders Stream" for *Ström*, "Pieter the Frisian"
//!   for *de Vries*. Tables per language in `rules/names/surnames/*.toml`
//!   (`kind = "translated-surnames"`); given names per language in
//!   `rules/names/given/*.toml` (`kind = "given-names"`).
//! - `names/misspelled-figure`: a name one letter away from a person in the
//!   gazetteer ("Lee Jun" for Xiaomi's Lei Jun), when the article confirms
//!   who is meant.
//! - `names/inconsistent-spelling`: one person's surname written two ways in
//!   the same article; the rarer spelling is flagged, pointing at the other.
//! - `names/missing-diacritics` (info): a gazetteer name with its
//!   diacritics dropped or changed ("Jonas Gahr Store", "Markus Soder");
//!   the transliterations ae/oe/ue ("Soeder") are accepted.
//! - `names/media/<lang>/<name>` and `names/institutions/<name>`:
//!   newspapers, broadcasters, institutions and places translated literally
//!   ("The evening paper" for Aftonbladet, "the Department of Foreign
//!   Affairs" for the US State Department), one rule per entry of
//!   `rules/names/media/*.toml` (`kind = "translated-names"`).
//!
//! ## Why is this bad?
//! A reader cannot find "Matthias Harsh" or "the newspaper The north"
//! anywhere; the name is the one thing a translation must not change.
//!
//! ## Example
//! ```text
//! The CEO of Leica Camera, Matthias Harsh, said ...   → Matthias Harsch
//! As Lee Jun, founder and CEO of Xiaomi Group, adds   → Lei Jun
//! According to the newspaper The north, ...          → Norran
//! ```
//!
//! ## Precision policy
//! Names are where a linter draws most complaints, so every rule needs
//! evidence beyond the shape of the words:
//! - A translated surname that is also an English surname ("Young", "King",
//!   "Hill", "Miller"; `rules/names/english/surnames.toml`) is reported only
//!   when the original surname appears in the same article ("Jari Mäki" ...
//!   "Jari Hill"): "Sarah Young" or "Jari Hill" alone are real people.
//! - A given name the source language shares with English ("Anna", "Peter",
//!   "Thomas", "Maria"; listed in `rules/names/given/en.toml`) only counts
//!   when the article carries other evidence of that language: another
//!   given name only that language uses (in name position) or a name with its
//!   letters (å, ä, ö, ø, æ, ü, ß, Dutch "ij") or a typical surname ending
//!   ("-qvist", "-sen", "-nen", "-mann"). "Peter Stream" in an article
//!   with no Swedish in it stays quiet; "Matthias Harsh" needs nothing more,
//!   because Matthias is not an English name and Harsh not an English surname.
//! - Headlines in title case and longer proper nouns ("Anders Mountain
//!   Resort") are skipped.
//! - A gazetteer near miss is reported only if a linked organisation or place
//!   appears in the article, the differing word is a plain English word
//!   ("Harsh"), or the correct spelling appears too. A respelling that only
//!   drops diacritics ("Jonas Gahr Store") is reported at info level by its
//!   own rule; the transliterations ae, oe, ue ("Mueller") are accepted.
//! - Inconsistent spellings need the same given name in both mentions (or a
//!   lone plain English word one letter from the surname); a Scandinavian
//!   genitive without apostrophe ("Knud Romers novels") is not a spelling.
//! - Media renderings fire only where they stand as a news source (see
//!   [`media`]).
//!
//! ## Adding names for your beat
//! Any pack in a directory given with `--rules DIR` (or `rules = ["DIR"]` in
//! `mtlint.toml`) is loaded with the built-in ones. A gazetteer pack:
//!
//! ```toml
//! [pack]
//! kind = "gazetteer"
//! id = "names/gazetteer/my-beat"
//! description = "People our desk writes about"
//!
//! [[person]]
//! name = "Lei Jun"                 # canonical spelling
//! aliases = ["雷军"]                # other correct spellings (optional)
//! links = ["Xiaomi"]               # organisations/places that confirm the person
//! language = "zh"                  # language of the name (optional)
//! role = "founder and CEO of Xiaomi"
//! ```
//!
//! Given names (`kind = "given-names"`, `language = ..`, `names = [..]`),
//! surname tables (`kind = "translated-surnames"`) and media tables
//! (`kind = "translated-names"`) can be extended the same way; see
//! the comments at the top of the built-in packs.
//!
//! ## Cost
//! One pass over the tokens builds the name runs; gazetteer candidates come
//! from a word index (only entries sharing a word with the text are
//! compared); surname renderings are looked up by their first word; media
//! renderings are one Aho-Corasick automaton over the folded text.

mod consistency;
mod gazetteer;
mod lexicon;
mod media;
mod surnames;
mod text;

use crate::document::Document;
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::packs::PackSet;
use crate::rule::{Check, Examples, Family, RuleInfo};
use gazetteer::Gazetteer;
use lexicon::{LangSet, Lexicon, ENGLISH};
use media::TranslatedNames;
use std::collections::HashMap;
use std::ops::Range;
use surnames::SurnameTable;
use text::{fold_plain, name_runs, NameRun};

pub const FAMILY: Family = Family {
    name: "names",
    pack_kinds: &[
        "given-names",
        "english-surnames",
        "translated-surnames",
        "gazetteer",
        "translated-names",
    ],
    build: |packs| NamesCheck::build(packs).map(|c| Box::new(c) as Box<dyn Check>),
};

pub struct NamesCheck {
    rules: Vec<RuleInfo>,
    lexicon: Lexicon,
    surnames: SurnameTable,
    gazetteer: Gazetteer,
    media: TranslatedNames,
    /// Letters that mark a name as coming from some languages ("å").
    letters: Vec<(&'static str, LangSet)>,
    /// Surname endings that do the same ("-qvist", "-nen").
    surname_endings: Vec<(&'static str, LangSet)>,
}

/// What the rules share about one document, computed in one pass.
pub struct DocContext<'a> {
    pub doc: &'a Document,
    pub lexicon: &'a Lexicon,
    pub runs: Vec<NameRun<'a>>,
    /// Folded capitalised word → its occurrences (sentence-initial common
    /// words left out: "Harsh words" is not a name).
    pub capitalised: HashMap<String, Vec<Range<usize>>>,
    /// The same for words standing alone (or after "Mr", "Ms", "Dr").
    pub standalone: HashMap<String, Vec<Range<usize>>>,
    /// Per language: how many distinct names in the article belong to it.
    evidence: Vec<u32>,
}

impl DocContext<'_> {
    pub fn evidence(&self, language: usize) -> u32 {
        self.evidence.get(language).copied().unwrap_or(0)
    }

    pub fn capitalised_occurrences(&self, folded: &str) -> &[Range<usize>] {
        self.capitalised.get(folded).map_or(&[], Vec::as_slice)
    }

    pub fn first_capitalised(&self, folded: &str) -> Option<Range<usize>> {
        self.capitalised_occurrences(folded).first().cloned()
    }

    /// The first occurrence of `phrase` (folded, on word boundaries).
    pub fn find_phrase(&self, phrase: &str) -> Option<Range<usize>> {
        let folded = self.doc.folded().as_str();
        let needle: String = phrase.chars().map(crate::document::fold_char).collect();
        folded.match_indices(needle.as_str()).find_map(|(i, m)| {
            let end = i + m.len();
            let bounded = !folded[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !folded[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            bounded.then(|| self.doc.folded().to_text(i..end))
        })
    }
}

const TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "Prof", "Professor"];

impl NamesCheck {
    pub fn build(packs: &PackSet) -> Result<NamesCheck, Vec<FileError>> {
        let mut errors = Vec::new();
        let mut lexicon = Lexicon::build(packs).unwrap_or_else(|mut e| {
            errors.append(&mut e);
            Lexicon::default()
        });
        let mut rules = fixed_rules();
        let surnames = SurnameTable::build(packs, &mut lexicon);
        let gazetteer = Gazetteer::build(packs);
        let media = TranslatedNames::build(packs, &mut lexicon, &mut rules);
        let (surnames, gazetteer, media) = match (surnames, gazetteer, media) {
            (Ok(s), Ok(g), Ok(m)) if errors.is_empty() => (s, g, m),
            (s, g, m) => {
                for result in [s.err(), g.err(), m.err()].into_iter().flatten() {
                    errors.extend(result);
                }
                return Err(errors);
            }
        };
        let to_sets = |table: &[(&'static str, &[&str])]| -> Vec<(&'static str, LangSet)> {
            table
                .iter()
                .map(|&(pattern, codes)| {
                    let mut set = LangSet::default();
                    for code in codes {
                        if let Some(i) = lexicon.find_language(code) {
                            set.insert(i);
                        }
                    }
                    (pattern, set)
                })
                .collect()
        };
        let letters = to_sets(&[
            ("å", &["sv", "nb", "da"]),
            ("ä", &["sv", "fi", "de"]),
            ("ö", &["sv", "fi", "de"]),
            ("ü", &["de"]),
            ("ß", &["de"]),
            ("æ", &["nb", "da"]),
            ("ø", &["nb", "da"]),
            ("ij", &["nl"]),
        ]);
        let surname_endings = to_sets(&[
            ("sson", &["sv"]),
            ("qvist", &["sv"]),
            ("ström", &["sv"]),
            ("strøm", &["nb", "da"]),
            ("gaard", &["da", "nb"]),
            ("sen", &["da", "nb"]),
            ("nen", &["fi"]),
            ("mann", &["de"]),
            ("stra", &["nl"]),
        ]);
        Ok(NamesCheck {
            rules,
            lexicon,
            surnames,
            gazetteer,
            media,
            letters,
            surname_endings,
        })
    }

    /// Table sizes, for `mtlint` reports and the benchmark notes.
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.surnames.len(), self.gazetteer.len(), self.media.len())
    }

    fn context<'a>(&'a self, doc: &'a Document) -> DocContext<'a> {
        let runs = name_runs(doc);
        let mut capitalised: HashMap<String, Vec<Range<usize>>> = HashMap::new();
        let mut standalone: HashMap<String, Vec<Range<usize>>> = HashMap::new();
        let mut evidence = vec![0; self.lexicon.language_count()];
        let mut counted: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for run in &runs {
            let alone = run.words.len() == 1
                || (run.words.len() == 2 && TITLES.contains(&run.words[0].text));
            for (i, word) in run.words.iter().enumerate() {
                if word.sentence_start && self.lexicon.is_common_word(word.text) {
                    continue;
                }
                let folded = fold_plain(word.text);
                if alone && i + 1 == run.words.len() {
                    standalone
                        .entry(folded.clone())
                        .or_default()
                        .push(word.span.clone());
                }
                capitalised
                    .entry(folded)
                    .or_default()
                    .push(word.span.clone());
                if !counted.insert(word.text) {
                    continue;
                }
                let mut languages = LangSet::default();
                let lower = word.text.to_lowercase();
                if i + 1 < run.words.len() {
                    let given = self.lexicon.given_name_languages_lower(&lower);
                    if !given.contains(ENGLISH) {
                        languages = languages.union(given);
                    }
                }
                for (letter, set) in &self.letters {
                    if lower.contains(letter) {
                        languages = languages.union(*set);
                    }
                }
                if i > 0 && i + 1 == run.words.len() {
                    for (suffix, set) in &self.surname_endings {
                        if lower.ends_with(suffix) {
                            languages = languages.union(*set);
                        }
                    }
                }
                for l in languages.iter() {
                    evidence[l] += 1;
                }
            }
        }
        DocContext {
            doc,
            lexicon: &self.lexicon,
            runs,
            capitalised,
            standalone,
            evidence,
        }
    }
}

impl Check for NamesCheck {
    fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let cx = self.context(doc);
        let mut found = Vec::new();
        // Most specific first: a gazetteer hit names the person, which beats
        // the generic surname-table and consistency findings on the same name.
        self.gazetteer.check(&cx, &mut found);
        self.surnames.check(&cx, &mut found);
        consistency::check(&cx, &mut found);
        self.media.check(&cx, &self.rules, &mut found);
        let mut kept: Vec<Finding> = Vec::new();
        for finding in found {
            let overlapping = kept
                .iter_mut()
                .find(|k| k.span.start < finding.span.end && finding.span.start < k.span.end);
            match overlapping {
                // "Matthias Harsh" is both a gazetteer near miss and a German
                // surname translated: keep the first, more specific finding
                // but let the table say which language it is evidence of.
                Some(kept) => {
                    if kept.span == finding.span && kept.language.is_none() {
                        kept.language = finding.language;
                    }
                }
                None => kept.push(finding),
            }
        }
        out.append(&mut kept);
    }
}

fn rule(id: &str, summary: &str, docs: &str, flag: &[&str], pass: &[&str]) -> RuleInfo {
    RuleInfo {
        id: id.to_string(),
        category: Category::NameGarbled,
        severity: Severity::Warning,
        language: None,
        summary: summary.to_string(),
        docs: docs.to_string(),
        examples: Examples {
            flag: flag.iter().map(|s| s.to_string()).collect(),
            pass: pass.iter().map(|s| s.to_string()).collect(),
        },
        origin: None,
    }
}

fn fixed_rules() -> Vec<RuleInfo> {
    vec![
        rule(
            surnames::RULE,
            "a surname translated as an English word (\"Matthias Harsh\" for Harsch)",
            "What it does\n  Flags a given name of a source language followed by the English word a surname of that language means: \"Matthias Harsh\" (German Harsch = harsh), \"Anders Stream\" (Swedish Ström), \"Jari Hill\" next to \"Jari Mäki\".\n\nWhy is this bad?\n  MT translates surnames that are ordinary words; the reader gets a person who does not exist.\n\nPrecision\n  An English surname (Young, King, Hill) is reported only when the original surname appears in the same article. A given name shared with English (Anna, Peter, Thomas) needs other evidence of the language in the article.\n\nFix\n  Restore the surname.\n",
            &[
                "The plant manager, [Wolfgang Harsh], said the line was ready.",
                "Stefanie Harsch opened the plant. Later [Stefanie Harsh] thanked the staff.",
                "The coach, [Sven-Göran Stream], picked the team.",
            ],
            &[
                "Harsh Goenka, the chairman of the group, spoke in Mumbai.",
                "Detective Inspector Sarah Young led the search.",
                "\"It was planned,\" said Lars Cook, a professor of accounting.",
                "Jari Hill, the police chief, thanked the volunteers.",
                "She works at Matthias Harsh Consulting in Bonn.",
            ],
        ),
        rule(
            gazetteer::RULE,
            "a public figure's name misspelled (\"Lee Jun\" for Lei Jun)",
            "What it does\n  Flags a name one letter away from a person in the gazetteer (rules/names/gazetteer/*.toml and any gazetteer pack given with --rules).\n\nPrecision\n  Only when the article confirms the person: an organisation or place linked to them is mentioned, the differing word is a plain English word (\"Harsh\"), or the correct spelling appears too. \"Li Jun\" in an article without Xiaomi is left alone. Spellings without diacritics (\"Store\" for Støre) are accepted.\n\nFix\n  Use the gazetteer's spelling.\n",
            &[
                "As [Lee Jun], founder and chief executive of Xiaomi Group, put it: the phone sells.",
                "Leica's chief executive [Mathias Harsch] presented the camera.",
            ],
            &[
                "Li Jun, a researcher at a Beijing institute, said the talks went well.",
                "Lei Jun, Xiaomi's founder, told the audience about the car.",
                "Prime Minister Jonas Gahr Store spoke in Oslo.",
            ],
        ),
        RuleInfo {
            severity: Severity::Info,
            ..rule(
                gazetteer::DIACRITICS_RULE,
                "a public figure's name with its diacritics dropped (\"Jonas Gahr Store\")",
                "What it does\n  Flags a gazetteer name written with its diacritics dropped or changed: \"Jonas Gahr Store\" for Støre, \"Markus Soder\" for Söder, \"Martin Ødegård\" for Ødegaard. The transliterations ae, oe, ue (\"Soeder\") are accepted.\n\nWhy is this bad?\n  The name is spelled otherwise; many English style guides keep the diacritics.\n\nSeverity\n  Info: style guides differ. Disable the rule if yours drops diacritics.\n\nFix\n  Use the gazetteer's spelling.\n",
                &["Prime Minister [Jonas Gahr Store] met the king in Oslo."],
                &[
                    "Prime Minister Jonas Gahr Støre met the king in Oslo.",
                    "Bavaria's premier Markus Soeder spoke in Munich.",
                ],
            )
        },
        rule(
            consistency::RULE,
            "one person's name spelled two ways in one article",
            "What it does\n  Flags the rarer of two spellings of one person's surname (same given name, one letter apart), or a surname that reappears alone as an English word one letter away (\"Harsch\" ... \"Harsh said\").\n\nWhy is this bad?\n  At most one spelling is right; the reader cannot tell whether two people are meant.\n\nFix\n  Use one spelling throughout (check which one is right).\n",
            &[
                "Ingrid Halvorsen chairs the board. Ingrid Halvorsen said so. On Friday Ingrid [Halvorson] resigned.",
            ],
            &[
                "Anna Hansen and Lars Jansen met Per Nilsen and Eva Nielsen.",
                "Knud Romer spoke. Knud Romers novels sell well.",
            ],
        ),
    ]
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::document::{Document, InputFormat};
    use crate::finding::Finding;
    use crate::rule::Check;
    use std::sync::OnceLock;

    fn check() -> &'static super::NamesCheck {
        static CHECK: OnceLock<super::NamesCheck> = OnceLock::new();
        CHECK.get_or_init(|| {
            super::NamesCheck::build(&crate::packs::PackSet::embedded().unwrap())
                .unwrap_or_else(|e| panic!("{e:?}"))
        })
    }

    pub fn findings(text: &str) -> Vec<Finding> {
        let doc = Document::new(text.to_string(), InputFormat::Text);
        let mut out = Vec::new();
        check().check(&doc, &mut out);
        out
    }

    #[test]
    fn the_seed_names_are_caught_with_the_right_fix() {
        let seed = include_str!("../../../corpus/seed/leica-xiaomi.txt");
        let found = findings(seed);
        let fixes: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (&seed[f.span.clone()], f.suggestions[0].replacement.as_str()))
            .collect();
        assert!(
            fixes.contains(&("Matthias Harsh", "Matthias Harsch")),
            "{fixes:?}"
        );
        assert!(fixes.contains(&("Lee Jun", "Lei Jun")), "{fixes:?}");
    }

    #[test]
    fn tables_have_the_promised_sizes() {
        let (surnames, people, media) = check().sizes();
        assert!(surnames >= 240, "{surnames}");
        assert!(people >= 10, "{people}");
        assert!(media >= 30, "{media}");
    }
}
