//! Grammar carried over from the source language (category `other-mt`).
//!
//! ## What it does
//! Finds the syntax of Swedish, Norwegian, Danish, German, Dutch and Finnish
//! showing through a machine translation:
//!
//! - `grammar/evidential-must-have`, `grammar/evidential-should-have`: the
//!   hearsay modal (Swedish *ska ha*, Norwegian *skal ha*, Danish *skal have*,
//!   German *soll … haben*: "reportedly") rendered "must have" / "should
//!   (not) have";
//! - `grammar/verb-second`: the verb kept before the subject after a fronted
//!   phrase ("According to the police are the injuries minor");
//! - `grammar/inverted-attribution`: "…, says she." (*sier hun*);
//! - `grammar/pronoun-gender-person`: "he/his" for a woman (Finnish *hän* has
//!   no gender) and the reverse;
//! - `grammar/pronoun-gender-organisation`: "she/he/his" for an organisation
//!   (German *die Regierung*, French *le gouvernement*);
//! - `grammar/police-singular`: "The police is/says";
//! - `grammar/stray-capital`, `grammar/lowercase-after-full-stop`: casing
//!   carried over or lost ("Tampere The mother", "emergency Services",
//!   "says Luoto To Ilta-Sanomat", "he says. we will see");
//! - `grammar/generic-one`: the impersonal *man* rendered "one must …";
//! - `grammar/comma-before-that-clause`, `grammar/comma-before-verb`: German
//!   and Dutch clause commas ("said, she is", "Whether there is a majority,
//!   is open");
//! - `grammar/fronted-focus-adverb`: "Also Haaland was …" (*Også Haaland*);
//! - `grammar/definite-title`: "says the nurse Emma Holm"
//!   (*sjuksköterskan Emma Holm*);
//! - `grammar/literal-word-formation/*`, `grammar/construction/*`: number and
//!   word-formation patterns from `rules/grammar/*.toml` ("tens of
//!   passengers" for *ett tiotal*, "ten resources", "rose with 4 percent").
//!
//! ## Why is this bad?
//! These are the most frequent artifacts in machine-translated news, and
//! several change the meaning: "must have" states a conclusion where the
//! source only reports hearsay, and "he" makes a female suspect a man.
//!
//! ## Example
//! ```text
//! According to the police are their injuries minor. The bus must have
//! driven into the car, says the police spokesperson.
//! ```
//! becomes
//! ```text
//! According to the police, their injuries are minor. The bus is said to have
//! driven into the car, the police spokesperson says.
//! ```
//!
//! ## How
//! The rules read the document's sentences and word tokens once, with small
//! closed word classes from `rules/grammar/*.toml` (auxiliaries, attribution
//! verbs, organisation nouns, person nouns, gendered given names). Where a
//! pattern also occurs in native English, a rule requires the context that
//! makes it a tell (an attribution such as "according to" or "says the
//! spokesperson" for "must have") or reports at `info`.

mod analysis;
mod casing;
mod clauses;
mod evidential;
mod lexicon;
mod patterns;
mod pronouns;
mod word_order;

use crate::document::Document;
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::packs::{PackHeader, PackSet};
use crate::rule::{Check, Family, RuleInfo};
use analysis::{Analysis, Word};
use lexicon::{CasingDef, EvidentialDef, GivenNamesDef, Lexicon, PronounsDef, WordOrderDef};
use serde::Deserialize;
use std::collections::HashSet;
use std::ops::Range;
use toml::Spanned;

pub const FAMILY: Family = Family {
    name: "grammar",
    pack_kinds: &["grammar"],
    build: |packs| GrammarCheck::build(packs).map(|c| Box::new(c) as Box<dyn Check>),
};

/// A `kind = "grammar"` pack: any of the word-class tables and pattern entries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GrammarFile {
    #[allow(dead_code)]
    pack: PackHeader,
    evidential: Option<EvidentialDef>,
    word_order: Option<WordOrderDef>,
    pronouns: Option<PronounsDef>,
    given_names: Option<GivenNamesDef>,
    casing: Option<CasingDef>,
    #[serde(default)]
    pattern: Vec<Spanned<patterns::PatternDef>>,
}

pub struct GrammarCheck {
    rules: Vec<RuleInfo>,
    lex: Lexicon,
    patterns: patterns::Patterns,
}

/// Indices into [`GrammarCheck::rules`] of the built-in rules, in the order
/// [`builtin_rules`] creates them.
#[derive(Clone, Copy)]
enum Rule {
    EvidentialMustHave,
    EvidentialShouldHave,
    VerbSecond,
    InvertedAttribution,
    PronounGenderPerson,
    PronounGenderOrganisation,
    PoliceSingular,
    StrayCapital,
    LowercaseAfterFullStop,
    GenericOne,
    CommaBeforeThatClause,
    CommaBeforeVerb,
    FrontedFocusAdverb,
    DefiniteTitle,
}

impl GrammarCheck {
    pub fn build(packs: &PackSet) -> Result<GrammarCheck, Vec<FileError>> {
        let mut rules = builtin_rules();
        let mut lex = Lexicon::default();
        let mut patterns = patterns::Patterns::default();
        let mut errors = Vec::new();
        let mut seen_ids: HashSet<String> = rules.iter().map(|r| r.id.clone()).collect();
        let mut sections = [false; 5];
        for pack in packs.of_kind("grammar") {
            let file: GrammarFile = match pack.parse() {
                Ok(f) => f,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if let Some(def) = file.evidential {
                sections[0] = true;
                lex.add_evidential(pack, def, &mut errors);
            }
            if let Some(def) = file.word_order {
                sections[1] = true;
                lex.add_word_order(pack, def, &mut errors);
            }
            if let Some(def) = file.pronouns {
                sections[2] = true;
                lex.add_pronouns(pack, def, &mut errors);
            }
            if let Some(def) = file.given_names {
                sections[3] = true;
                lex.add_given_names(pack, def, &mut errors);
            }
            if let Some(def) = file.casing {
                sections[4] = true;
                lex.add_casing(pack, def, &mut errors);
            }
            for def in file.pattern {
                if let Err(e) = patterns.add(pack, def.into_inner(), &mut rules, &mut seen_ids) {
                    errors.push(e);
                }
            }
        }
        let names = [
            "evidential",
            "word_order",
            "pronouns",
            "given_names",
            "casing",
        ];
        for (present, name) in sections.iter().zip(names) {
            if !present && errors.is_empty() {
                let empty = std::sync::Arc::from("");
                errors.push(FileError::new(
                    "rules/grammar",
                    &empty,
                    None,
                    format!("no grammar pack defines the [{name}] table"),
                ));
            }
        }
        if let Err(e) = patterns.finish() {
            let empty = std::sync::Arc::from("");
            errors.push(FileError::new("rules/grammar", &empty, None, e));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        lex.finish();
        Ok(GrammarCheck {
            rules,
            lex,
            patterns,
        })
    }

    fn finding(
        &self,
        rule: Rule,
        severity: Severity,
        span: Range<usize>,
        message: String,
    ) -> Finding {
        let info = &self.rules[rule as usize];
        Finding::new(info.id.clone(), info.category, severity, span, message)
    }

    fn default_severity(&self, rule: Rule) -> Severity {
        self.rules[rule as usize].severity
    }

    /// A past participle: "fired", "driven", "sitting" is not one.
    fn is_participle(&self, w: &Word) -> bool {
        w.is_lower() && (self.lex.irregular_participles.contains(&w.lower) || self.is_ed_form(w))
    }

    /// A regular past tense or participle ("announced").
    fn is_ed_form(&self, w: &Word) -> bool {
        w.is_lower()
            && w.lower.len() > 4
            && w.lower.ends_with("ed")
            && !self.lex.not_verbs_ed.contains(&w.lower)
    }

    /// Whether a sentence reports what someone says: an attribution verb or
    /// "according to" outside quotation marks, or a hearsay adverb here or at
    /// the end of the previous sentence of the paragraph.
    fn report_context(&self, a: &Analysis, sentence: usize) -> bool {
        let s = &a.sentences[sentence];
        let here = a.words_of(s).iter().any(|w| {
            !w.quoted
                && (self.lex.attribution_verbs.contains(&w.lower)
                    || self.lex.hearsay.contains(&w.lower))
        });
        let before = sentence > 0 && !s.first_in_paragraph && {
            let previous = &a.sentences[sentence - 1];
            a.words_of(previous)
                .iter()
                .any(|w| self.lex.hearsay.contains(&w.lower))
        };
        here || before
    }
}

impl Check for GrammarCheck {
    fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let a = Analysis::new(doc);
        evidential::check(self, &a, out);
        evidential::generic_one(self, &a, out);
        word_order::check(self, &a, out);
        pronouns::check(self, &a, out);
        casing::check(self, &a, out);
        clauses::check(self, &a, out);
        self.patterns.check(&self.rules, &a, out);
    }
}

/// Copies the case of `model`'s first letter onto `word`.
fn with_case_of(model: &str, word: &str) -> String {
    let upper = model.chars().next().is_some_and(char::is_uppercase);
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if upper => first.to_uppercase().chain(chars).collect(),
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

use crate::rule::RuleDoc as Doc;

fn builtin_rules() -> Vec<RuleInfo> {
    let docs = [
        Doc {
            id: "evidential-must-have",
            severity: Severity::Warning,
            summary: "\"must have\" for the hearsay modal (sv ska ha, nb skal ha, da skal have, de soll … haben): write \"is said to have\"",
            docs: "What it does\n  Flags \"must have\" + participle (and \"there must be/have been people\") where the source language's hearsay modal was translated: Swedish \"ska ha\", Norwegian \"skal ha\", Danish \"skal have\", German \"soll … haben\" and Dutch \"zou … hebben\" mean \"reportedly\".\n\nWhy is this bad?\n  In English \"The bus must have driven into the car\" is the writer's own conclusion; the source only reported what police or witnesses said. The meaning changes.\n\nWhen\n  With an attribution in the sentence (\"according to\", \"says the spokesperson\", \"police write that\") or a hearsay word such as \"allegedly\" just before, the finding is a warning; in plain narration it is info, since a native writer may conclude something. Inside quotation marks, after I/we/you, with a conclusion word (\"probably\", \"because\", \"believe\") or an evaluation (\"must have been terrifying\", \"must have known\") nothing is reported.\n\nFix\n  Write \"is said to have\", \"reportedly\" + past tense, or attribute it: \"according to the police, the bus drove into the car\".\n",
            flag: &[
                "Several shots [must have] been fired at the man, according to witnesses.",
                "\u{2013} All passengers [must have] been helped out of the bus, says the police spokesperson.",
                "Police write that there [must be] people inside the building.",
                "A car and a bus have collided in Karlstad. The bus [must have] driven into the side of the car.",
            ],
            pass: &[
                "\"The thief must have used a ladder,\" she said.",
                "We must have missed the turning.",
                "It must have been terrifying for the passengers.",
                "They must have known how dangerous the explosives were, the judge said.",
                "There must be a better way to fund the railway, the minister said.",
                "The thief probably must have used a ladder because the door was locked.",
                "The bus is said to have driven into the side of the car.",
            ],
        },
        Doc {
            id: "evidential-should-have",
            severity: Severity::Warning,
            summary: "\"should (not) have\" for the hearsay modal (sv ska inte ha, de soll nicht … haben): write \"is said (not) to have\"",
            docs: "What it does\n  Flags \"should (not) have\" + an incident participle (received, suffered, been injured, fired, stolen …) where the source's hearsay modal was translated: Swedish \"ska inte ha fått några allvarliga skador\" means \"reportedly did not suffer serious injuries\".\n\nWhy is this bad?\n  English \"should have\" criticises (\"they should have acted sooner\"); the reader hears blame where the source reported hearsay.\n\nWhen\n  A warning with an attribution or a hearsay word (\"allegedly\") in the sentence or just before; info otherwise. Criticism cues (sooner, earlier, instead, never, been allowed, been told …) and quotation marks leave the sentence alone.\n\nFix\n  Write \"is said (not) to have\" or \"reportedly did (not)\".\n",
            flag: &[
                "She allegedly threw a stone at the man. However, they [should not have] received any serious injuries.",
                "The man [should have] threatened the staff with a knife, according to the police.",
            ],
            pass: &[
                "The government should have acted sooner, the opposition said.",
                "He should not have been allowed to drive, the court said.",
                "\"I should have written down the number plate,\" said the neighbour.",
                "They are said not to have received any serious injuries.",
            ],
        },
        Doc {
            id: "verb-second",
            severity: Severity::Warning,
            summary: "verb before the subject after a fronted phrase (\"According to the police are the injuries minor\"): Germanic verb-second order",
            docs: "What it does\n  Flags a sentence that opens with a fronted phrase and puts the finite verb before the subject: \"According to the union have 60 nurses quit\", \"Now has the police cordoned off the area\", \"In August attracted the writer a stir\", \"On Wednesday can it be minus 25\".\n\nWhy is this bad?\n  Swedish, Norwegian, Danish, German and Dutch put the verb second in a main clause; English keeps subject-verb order after a fronted phrase and reads the inversion as a question or a garble.\n\nWhen\n  After \"according to\" any inverted verb counts. After other fronted phrases, an auxiliary must be followed by a subject and a main verb (\"has the police cordoned\"), or a simple past must follow a time phrase (\"On Tuesday announced the minister\"). Native inversions are left alone: after negative or restrictive words (\"Never has\", \"Only then did\"), locative inversion with \"be\" (\"In the car were two men\") and time words as subjects (\"Last week saw\").\n\nFix\n  Put the subject first, and a comma after a long fronted phrase: \"According to the union, 60 nurses have quit\".\n",
            flag: &[
                "[According to the union have at least 60 nurses quit] since the summer.",
                "[Now has the police cordoned] off a large area.",
                "[On Wednesday morning can it be] down to minus 25 degrees.",
                "[According to the police are their injuries] not serious.",
                "[In August of this year attracted] the writer a lot of attention.",
                "[For a long time has Spotify been criticized] for its low payments.",
            ],
            pass: &[
                "According to the union, at least 60 nurses have quit since the summer.",
                "According to police the man was seen leaving the house.",
                "Never has the city seen such a storm.",
                "Only then did the police arrive.",
                "In the car were two men and a dog.",
                "Last week saw the biggest rally in a decade.",
                "This year has been difficult for farmers.",
                "According to people who have seen the plans, the tower will be taller.",
                "Now the police have cordoned off a large area.",
                "In 2019 the company had cut 300 jobs.",
            ],
        },
        Doc {
            id: "inverted-attribution",
            severity: Severity::Warning,
            summary: "\"…, says she.\": Scandinavian inverted attribution (sier hun, säger hon); write \"she says\"",
            docs: "What it does\n  Flags an attribution after a quote with the pronoun after the verb: \"says she\", \"said he to the newspaper\".\n\nWhy is this bad?\n  Swedish, Norwegian and Danish invert the attribution (\"sier hun\"); English inverts only with a name or noun (\"says Anna Berg\") and puts a pronoun first (\"she says\").\n\nFix\n  Write \"she says\" (applied by --fix).\n",
            flag: &[
                "\u{2013} Everyone got out quickly, [says she].",
                "\"We are pleased with the result,\" [said he] to the newspaper.",
            ],
            pass: &[
                "\"Everyone got out quickly,\" she says.",
                "\"Everyone got out quickly,\" says Kari Holm.",
                "That is what he says he wants.",
            ],
        },
        Doc {
            id: "pronoun-gender-person",
            severity: Severity::Warning,
            summary: "\"he/his\" for a woman (or \"she/her\" for a man): the source pronoun has no gender (Finnish hän)",
            docs: "What it does\n  Flags a gendered pronoun whose only possible antecedent in the previous two sentences is a person of the other sex (\"A 45-year-old woman has been remanded. He was arrested at the scene.\"), and a pronoun for a role (\"the suspect … his injuries\") after the report has made that role a woman (\"The mother … is suspected of murder\").\n\nWhy is this bad?\n  Finnish \"hän\" (like Estonian, Hungarian and Turkish pronouns) has no gender, so MT guesses \"he\". The reader takes the suspect for a man.\n\nWhen\n  Only when no person of the pronoun's sex and no person of unknown sex (a role noun such as \"the officer\", a name not in the list of given names) is mentioned in between or in the two previous sentences.\n\nFix\n  Use the pronoun that matches the person.\n",
            flag: &[
                "A 45-year-old woman has been remanded in custody. [He] was arrested at the scene without resistance.",
                "The mother of the child is suspected of murder. After the death, the suspect was taken to hospital with [his] injuries.",
            ],
            pass: &[
                "A 45-year-old woman has been remanded in custody. She was arrested at the scene without resistance.",
                "A man was stabbed on Sunday. Police arrested a woman at the scene. He was taken to hospital.",
                "Anna Berg met the officer on Monday. He said the case was closed.",
                "The woman called the police. Her husband said he had heard nothing.",
            ],
        },
        Doc {
            id: "pronoun-gender-organisation",
            severity: Severity::Warning,
            summary: "\"she/he/his\" for an organisation (German die Regierung, French le gouvernement): write \"it/its\"",
            docs: "What it does\n  Flags \"she\", \"he\" or a gendered possessive that refers to an organisation: a sentence opening with \"She/He\" after a sentence about an organisation with no person in sight (\"The coalition wants to cut taxes. She also plans …\"), and \"his/her\" + something the organisation owns in a sentence it is the subject of (\"The police says in his announcement\").\n\nWhy is this bad?\n  German, French, Spanish, Italian and Polish nouns have grammatical gender (die Regierung, la police, le gouvernement), and MT carries it over. In English an organisation is \"it\" (or \"they\").\n\nFix\n  Write \"it/its\", or \"they/their\" for the police.\n",
            flag: &[
                "The coalition wants to cut taxes next year. [She] also plans to raise pensions.",
                "The police said in [his] announcement that the road was closed.",
            ],
            pass: &[
                "The coalition wants to cut taxes next year. It also plans to raise pensions.",
                "Anna Berg leads the coalition. The coalition wants to cut taxes. She also plans to raise pensions.",
                "The police said his car was found in a lake.",
                "The company hired Maria Holm in 2019. She now runs its Swedish business.",
            ],
        },
        Doc {
            id: "police-singular",
            severity: Severity::Warning,
            summary: "\"the police is/says\": police is plural in English",
            docs: "What it does\n  Flags \"police\" followed by a singular verb: \"The police is searching\", \"The police says\", \"Police asks for tips\".\n\nWhy is this bad?\n  Swedish \"polisen\", German \"die Polizei\" and Dutch \"de politie\" are singular nouns; English \"police\" is always plural.\n\nFix\n  Use the plural verb: \"the police are\", \"police say\" (applied by --fix).\n",
            flag: &[
                "The [police is] searching for one or two perpetrators.",
                "The [police asks] the public for tips.",
            ],
            pass: &[
                "The police are searching for one or two perpetrators.",
                "The police station is closed on Sundays.",
                "The police officer says she saw nothing.",
            ],
        },
        Doc {
            id: "stray-capital",
            severity: Severity::Warning,
            summary: "capital letter mid-sentence on a common or function word (\"Tampere The mother\", \"emergency Services\", \"To Ilta-Sanomat\")",
            docs: "What it does\n  Flags a capitalised article before a lower-case word mid-sentence (\"Tampere The mother of …\", a bold dateline run into the text), a capitalised function word between lower-case words (\"do you Have to\"), a capitalised preposition before a medium's name at the end of an attribution (\"says Jari Luoto To Ilta-Sanomat\") and a capitalised emergency-service noun between lower-case words (\"the Fire department\", \"emergency Services\").\n\nWhy is this bad?\n  German capitalises nouns, source pages set datelines in bold and MT keeps capitals from headlines; in English the capital reads as the start of a name or a sentence.\n\nWhen\n  Titles in title case (most words capitalised) and names whose next word is capitalised (\"The Hague\", \"Back To The Future\") are left alone.\n\nFix\n  Write the word in lower case; separate a dateline with a dash.\n",
            flag: &[
                "Tampere [The] mother of a child who died on Saturday is suspected of murder.",
                "The driver called the [Fire] department at once.",
                "Do you [Have] to pay for the parking?",
                "The case is serious, says inspector Jari Luoto [To] Ilta-Sanomat.",
            ],
            pass: &[
                "She moved to The Hague in 2010 and joined The Guardian.",
                "The film Back To The Future was shown on Friday.",
                "Man Sentenced To Life In Prison For Murder",
                "The fire department arrived at once.",
                "\"The Fire Inside\" is her new book.",
            ],
        },
        Doc {
            id: "lowercase-after-full-stop",
            severity: Severity::Warning,
            summary: "a lower-case word after a full stop (\"… he says. we will see\")",
            docs: "What it does\n  Flags a lower-case word right after a full stop inside a paragraph (\"The talks ended at midnight. the region will …\"). A paragraph that starts in lower case is boilerplate/lowercase-sentence-start.\n\nWhy is this bad?\n  MT loses the capital when it splits or joins the source's segments; the reader stumbles.\n\nWhen\n  Words after abbreviations (\"e.g.\", \"approx.\", \"oz.\"), numbers and texts written in lower case throughout (chat logs) are left alone.\n\nFix\n  Capitalise the word.\n",
            flag: &[
                "The talks ended at midnight. [the] region will present an action plan in May.",
                "Both parties face an exciting future, he says. [we] will see.",
            ],
            pass: &[
                "The talks ended at midnight. The region will present an action plan in May.",
                "Prices rose, e.g. for bread and milk.",
                "The meeting starts at 9 a.m. and ends at noon.",
            ],
        },
        Doc {
            id: "generic-one",
            severity: Severity::Info,
            summary: "\"one must/should …\" in a news report: the impersonal man (sv/nb/da/de) rendered literally",
            docs: "What it does\n  Flags the generic pronoun \"one\" before \"must\" or \"should\" in narration (\"During the stay, one must also visit Congress\").\n\nWhy is this bad?\n  Swedish, Norwegian, Danish and German use the impersonal \"man\" where English news names the people who act (\"the delegation will also visit\") or uses the passive. Formal \"one\" is native in essays, so this is info.\n\nFix\n  Name who acts, or use the passive.\n",
            flag: &["During the stay, [one must] also visit the US Congress."],
            pass: &[
                "Two suspects fled; one must appear in court on Monday.",
                "No one must leave the building.",
                "During the stay, the delegation will also visit the US Congress.",
            ],
        },
        Doc {
            id: "comma-before-that-clause",
            severity: Severity::Warning,
            summary: "\"said, she is\": the comma of German \"sagte, dass\" kept without \"that\"",
            docs: "What it does\n  Flags a comma between a verb of saying or thinking and the subject of its that-clause: \"Bärbel Bass said, the government must act\", \"She said, she is worried\".\n\nWhy is this bad?\n  German, Dutch, Polish and Finnish always put a comma before a that-clause; MT drops \"that\" and keeps the comma, which English reads as a comma splice or a misplaced quote.\n\nWhen\n  Commas that close a quotation, and clauses opened by \"as\", \"when\", \"if\" … (\"As the minister said, the plan is ambitious\") are left alone.\n\nFix\n  Replace the comma with \"that\".\n",
            flag: &[
                "The minister said[,] the government will not raise taxes.",
                "The chief executive said[,] she is disappointed with the result.",
            ],
            pass: &[
                "As the minister said, the government will not raise taxes.",
                "\"We lost,\" he said, \"but the team played well.\"",
                "The minister said that the government will not raise taxes.",
                "She said, however, that the plan was ambitious.",
            ],
        },
        Doc {
            id: "comma-before-verb",
            severity: Severity::Info,
            summary: "\"Whether there is a majority, is open\": a comma between a subject clause and its verb",
            docs: "What it does\n  Flags a comma after a clause that opens the sentence as its subject (\"Whether …\", \"Where …\", \"What …\", \"How …\") right before the main verb.\n\nWhy is this bad?\n  German and Dutch close every subordinate clause with a comma (\"Ob es eine Mehrheit gibt, ist offen\"); English puts no comma between a subject and its verb. Older English prose sometimes does (\"What is food to one, is poison to others\"), so this is info.\n\nFix\n  Remove the comma.\n",
            flag: &[
                "Whether there is a majority[,] is still open.",
                "Where the 400 million will come from[,] is unclear.",
            ],
            pass: &[
                "Whether there is a majority is still open.",
                "Where the money will come from, nobody knows.",
                "How can that be, is it true?",
            ],
        },
        Doc {
            id: "fronted-focus-adverb",
            severity: Severity::Warning,
            summary: "\"Also Haaland was …\": a focus adverb before the subject (nb også, sv även, de auch, nl ook)",
            docs: "What it does\n  Flags a sentence that opens with \"Also\" or \"Especially\" directly before its subject: \"Also Haaland was in a good mood\", \"Especially the young deputies are angry\".\n\nWhy is this bad?\n  The Scandinavian languages, German and Dutch put a focus adverb in front of the subject it focuses; English puts \"also\" after the subject (\"Haaland was also …\") or uses \"too\", and reads a fronted \"Also\" as \"in addition\".\n\nWhen\n  \"Also\" followed by a comma, a participle or a preposition (\"Also affected are …\", \"Also on the agenda is …\") is native and left alone.\n\nFix\n  \"Haaland, too, was in a good mood\"; \"The young deputies in particular are angry\".\n",
            flag: &[
                "[Also Haaland] was in a good mood after the match.",
                "[Especially the] young deputies are angry about the plan.",
            ],
            pass: &[
                "Also, Haaland was in a good mood after the match.",
                "Also affected are the regional trains.",
                "Also on the agenda is the budget.",
                "Haaland was also in a good mood after the match.",
            ],
        },
        Doc {
            id: "definite-title",
            severity: Severity::Info,
            summary: "\"says the nurse Emma Holm\": a definite job title before a name (sv sjuksköterskan Emma Holm)",
            docs: "What it does\n  Flags \"the\" + a job title + a name after an attribution or at the start of a sentence: \"says the press officer Johan Strand\", \"according to the meteorologist Maria Falk\".\n\nWhy is this bad?\n  Swedish, Norwegian and Danish put the definite title before a name; English news writes \"Johan Strand, a press officer\" or \"press officer Johan Strand\". British English sometimes writes \"the economist John Kay\", so this is info.\n\nFix\n  \"says Johan Strand, a press officer\".\n",
            flag: &[
                "\"The roads are icy,\" says [the press officer Johan Strand].",
                "Snow will fall until Tuesday, according to [the meteorologist Maria Falk].",
            ],
            pass: &[
                "\"The roads are icy,\" says Johan Strand, a press officer.",
                "\"The roads are icy,\" says press officer Johan Strand.",
                "The officer said the road was closed.",
            ],
        },
    ];
    docs.into_iter()
        .map(|d| d.to_info("grammar", Category::OtherMt))
        .collect()
}

#[cfg(test)]
mod tests;
