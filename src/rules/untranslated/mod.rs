//! Untranslated fragments: words, clauses, captions and labels left in the
//! source language.
//!
//! ## What it does
//! - `untranslated/word`: a single word that is common in a source language
//!   and rare in English ("the regeringen will decide", "38 procent"), or a
//!   glossary word ("Kiez"), or a word spelt with letters English does not use
//!   that lingua places in a source language ("vaktkommandør").
//! - `untranslated/passage`: a run of such words or a whole sentence that
//!   lingua identifies as a source language ("Læs mere om virksomheden her").
//! - `untranslated/finnish-case`: a Finnish place name left with its case
//!   ending after an English preposition ("in Tuirassa" for "in Tuira").
//! - `untranslated/caption/*`, `untranslated/label/*`: source-language photo
//!   credits, captions, related-article labels, timestamps and comment blocks
//!   ("Foto: Henrik Montgomery/TT", "Läs också:", "Kommentare"), and their
//!   half-translated forms ("Photo: Privat"), from the pattern packs.
//!
//! ## Why is this bad?
//! An English reader cannot understand the leftover words, and they show the
//! article was published without an editor reading it.
//!
//! ## Example
//! ```text
//! The regeringen will present the budget on Monday.   <- Swedish "regeringen" (the government)
//! Foto: Anna Berg/TT                                   <- write "Photo: Anna Berg/TT"
//! ```
//!
//! ## How
//! One pass over the text: the pattern packs are matched together with a
//! regex set, then every token is looked up in the frequency lexicons under
//! `rules/lexicons/` (derived from wordfreq). Names (capitalised mid-sentence),
//! loanwords (`rules/untranslated/loanwords.toml`) and words the article
//! explains ("julrätter – Christmas dishes"), foreign text the article quotes
//! on purpose ("Merkel's \"Wir schaffen das\"") and the foreign words of
//! names and titles ("Stockholms län") never count. lingua, restricted
//! to English and the source languages and loaded on first use, only judges
//! candidate spans: a sentence with several foreign words, a run of them, or
//! a word in foreign spelling. The pack formats are described in
//! `rules/untranslated/README.md`.

mod detect;
mod finnish_case;
mod glossary;
mod lexicon;
mod patterns;
mod words;

use crate::document::Document;
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::lang;
use crate::packs::PackSet;
use crate::rule::{Check, Examples, Family, RuleInfo};
use detect::Verdict;
use glossary::{Gloss, Glossary, GLOSSARY_KIND, LOANWORDS_KIND};
use lexicon::{Frequencies, Lexicon, SOURCE_LANGUAGES};
use patterns::{excerpt, Patterns};
use std::ops::Range;
use words::{is_explained, Class, Word};

pub const FAMILY: Family = Family {
    name: "untranslated",
    pack_kinds: &[patterns::KIND, GLOSSARY_KIND, LOANWORDS_KIND],
    build: |packs| UntranslatedCheck::build(packs).map(|c| Box::new(c) as Box<dyn Check>),
};

const WORD_RULE: usize = 0;
const FINNISH_CASE_RULE: usize = 1;
const PASSAGE_RULE: usize = 2;

/// lingua must be at least this sure that a sentence or run is foreign...
const MIN_PASSAGE_CONFIDENCE: f64 = 0.6;
/// ...and this sure for a single word, where it has little to go on.
const MIN_WORD_CONFIDENCE: f64 = 0.8;
/// At most this many words that are neither foreign nor plainly English may
/// sit inside a run of foreign words ("aber die Kunden bleiben").
const MAX_BRIDGE: usize = 2;
/// Two source languages whose frequencies for a word differ by at most this
/// many tenths of a Zipf unit are both plausible sources of it.
const LANGUAGE_SLACK: u8 = 5;

pub struct UntranslatedCheck {
    rules: Vec<RuleInfo>,
    lexicon: Lexicon,
    glossary: Glossary,
    patterns: Patterns,
}

/// A span lingua identified as a source language.
struct Passage {
    span: Range<usize>,
    paragraph: usize,
    verdict: Verdict,
}

/// A single foreign word to report.
struct WordHit<'g> {
    span: Range<usize>,
    frequencies: Option<Frequencies>,
    glosses: &'g [Gloss],
    /// lingua's verdict, for words known only by their spelling.
    verdict: Option<Verdict>,
}

impl UntranslatedCheck {
    pub fn build(packs: &PackSet) -> Result<UntranslatedCheck, Vec<FileError>> {
        let mut errors = Vec::new();
        let lexicon = Lexicon::load(packs).map_err(|mut e| errors.append(&mut e));
        let glossary = Glossary::load(packs).map_err(|mut e| errors.append(&mut e));
        // The built-in rules come first, in the order of WORD_RULE,
        // FINNISH_CASE_RULE and PASSAGE_RULE.
        let mut rules = built_in_rules(glossary.as_ref().ok());
        let patterns = Patterns::load(packs, &mut rules).map_err(|mut e| errors.append(&mut e));
        match (lexicon, glossary, patterns) {
            (Ok(lexicon), Ok(glossary), Ok(patterns)) => Ok(UntranslatedCheck {
                rules,
                lexicon,
                glossary,
                patterns,
            }),
            _ => Err(errors),
        }
    }

    fn check_sentence<'g>(
        &self,
        doc: &Document,
        sentence: usize,
        words: &[Word<'g>],
        covered: &[Range<usize>],
        passages: &mut Vec<Passage>,
        hits: &mut Vec<WordHit<'g>>,
    ) {
        let text = doc.text();
        let all = doc.sentences();
        let this = &all[sentence];
        let next = all
            .get(sentence + 1)
            .filter(|n| n.paragraph == this.paragraph)
            .map(|n| &n.span);
        let explained = |span: &Range<usize>| is_explained(text, span, &this.span, next);
        let is_covered = |span: &Range<usize>| covered.iter().any(|c| overlaps(c, span));
        let foreign = words.iter().filter(|w| w.class.is_foreign()).count();
        let strong = words.iter().filter(|w| w.class.is_strong()).count();
        let english = words.iter().filter(|w| w.class == Class::English).count();
        let first_foreign = words.iter().find(|w| w.class.is_foreign());
        let last_foreign = words.iter().rev().find(|w| w.class.is_foreign());
        if let (Some(first), Some(last)) = (first_foreign, last_foreign) {
            let foreign_span = first.span.start..last.span.end;
            if words::is_foreign_citation(text, words, &foreign_span, &this.span) {
                return;
            }
        }
        if foreign >= 2 && strong >= 1 && foreign >= english && !is_covered(&this.span) {
            if let Some(verdict) = detect::identify(&text[this.span.clone()])
                .filter(|v| v.is_foreign(MIN_PASSAGE_CONFIDENCE))
                .filter(|_| !explained(&this.span))
            {
                passages.push(Passage {
                    span: this.span.clone(),
                    paragraph: this.paragraph,
                    verdict,
                });
                return;
            }
        }
        for run_range in foreign_runs(words) {
            let run = &words[run_range.clone()];
            let span = run[0].span.start..run[run.len() - 1].span.end;
            if is_covered(&span)
                || explained(&span)
                || words::is_foreign_citation(text, words, &span, &this.span)
            {
                continue;
            }
            let foreign = run.iter().filter(|w| w.class.is_foreign()).count();
            let strong = run.iter().filter(|w| w.class.is_strong()).count();
            if strong >= 2 || (foreign >= 3 && strong >= 1) {
                if let Some(verdict) = detect::identify(&text[span.clone()])
                    .filter(|v| v.is_foreign(MIN_PASSAGE_CONFIDENCE))
                {
                    passages.push(Passage {
                        span,
                        paragraph: this.paragraph,
                        verdict,
                    });
                    continue;
                }
            }
            for (index, word) in run_range.clone().zip(run) {
                if !word.stands_alone(text, &self.lexicon)
                    || words::continues_foreign_name(words, index)
                    || explained(&word.span)
                {
                    continue;
                }
                let verdict = match word.class {
                    Class::ForeignSpelling => {
                        match detect::identify(&text[word.span.clone()])
                            .filter(|v| v.is_foreign(MIN_WORD_CONFIDENCE))
                        {
                            Some(v) => Some(v),
                            None => continue,
                        }
                    }
                    _ => None,
                };
                hits.push(WordHit {
                    span: word.span.clone(),
                    frequencies: word.frequencies,
                    glosses: word.glosses,
                    verdict,
                });
            }
        }
    }

    fn finnish_case_finding(&self, text: &str, name: &finnish_case::Candidate) -> Finding {
        let rule = &self.rules[FINNISH_CASE_RULE];
        let word = &text[name.span.clone()];
        Finding::new(
            rule.id.clone(),
            rule.category,
            rule.severity,
            name.span.clone(),
            format!(
                "Finnish case ending left on a name: \"{word}\" (\"-{}\" means \"{}\")",
                name.ending, name.preposition
            ),
        )
        .with_note(format!(
            "the English preposition already says \"{}\"; write the name in its basic form (\"-{}\" removed, with any stem change undone, as in Helsingissä → Helsinki)",
            name.preposition, name.ending
        ))
        .with_language("fi")
    }

    fn passage_finding(&self, doc: &Document, passage: &Passage) -> Finding {
        let rule = &self.rules[PASSAGE_RULE];
        let v = passage.verdict;
        Finding::new(
            rule.id.clone(),
            rule.category,
            rule.severity,
            passage.span.clone(),
            format!(
                "untranslated text, {}: \"{}\"",
                v.describe(),
                excerpt(&doc.text()[passage.span.clone()])
            ),
        )
        .with_note(format!(
            "lingua reads this as {} (English {:.2}); translate it, or remove it if it is furniture from the source page",
            lang::name(v.language),
            v.english
        ))
        .with_language(v.language)
    }

    fn word_finding(&self, doc: &Document, hit: &WordHit, votes: &[f32]) -> Finding {
        let rule = &self.rules[WORD_RULE];
        let text = doc.text();
        let word = &text[hit.span.clone()];
        let language = match hit.verdict {
            Some(v) => Some(v.language.to_string()),
            None => resolve_language(hit, votes),
        };
        let gloss = hit
            .glosses
            .iter()
            .find(|g| Some(&g.language) == language.as_ref())
            .or_else(|| hit.glosses.first());
        let language_name = match (&language, hit.verdict) {
            (_, Some(v)) => v.describe(),
            (Some(code), None) => lang::name(code).to_string(),
            (None, None) => candidate_names(hit),
        };
        let mut message = format!("untranslated word, {language_name}: \"{word}\"");
        if let Some(g) = gloss {
            message.push_str(&format!(" (probably \"{}\")", g.meaning));
        }
        let evidence = match (hit.frequencies, hit.verdict) {
            (_, Some(v)) => format!(
                "lingua reads \"{word}\" as {} (confidence {:.2})",
                lang::name(v.language),
                v.confidence
            ),
            (Some(f), None) if f.best_source() > 0 => format!(
                "\"{word}\" is common in {} (Zipf {:.1}) but rare in English (Zipf {:.1})",
                language
                    .as_deref()
                    .map_or("the source language", lang::name),
                f64::from(f.best_source()) / 10.0,
                f64::from(f.english) / 10.0
            ),
            _ => format!(
                "\"{word}\" is a {} word",
                gloss.map_or("source-language", |g| lang::name(&g.language))
            ),
        };
        let mut finding = Finding::new(
            rule.id.clone(),
            rule.category,
            rule.severity,
            hit.span.clone(),
            message,
        );
        match gloss {
            Some(g) => {
                finding = finding
                    .with_note(format!("{evidence}; translate it"))
                    .with_suggestion(fit_article(text, hit.span.start, &g.meaning), false);
            }
            None => finding = finding.with_note(format!("{evidence}; translate it or remove it")),
        }
        if let Some(code) = language {
            finding = finding.with_language(code);
        }
        finding
    }
}

impl Check for UntranslatedCheck {
    fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let mut covered = Vec::new();
        let first_label = out.len();
        self.patterns.check(doc, &self.rules, out, &mut covered);
        let label_languages: Vec<String> = out[first_label..]
            .iter()
            .filter_map(|f| f.language.clone())
            .collect();
        let text = doc.text();
        let mut lower = String::new();
        let mut passages = Vec::new();
        let mut hits = Vec::new();
        let mut inflected_names = Vec::new();
        for (index, sentence) in doc.sentences().iter().enumerate() {
            let words = words::classify(doc, sentence, &self.lexicon, &self.glossary, &mut lower);
            finnish_case::candidates(text, &words, &mut inflected_names);
            if words.iter().any(|w| w.class.is_foreign()) {
                self.check_sentence(doc, index, &words, &covered, &mut passages, &mut hits);
            }
        }
        let passages = merge_passages(text, passages);
        let votes = language_votes(&label_languages, &passages, &hits);
        let finnish_evidence = source_index("fi").is_some_and(|i| votes[i] > 0.0);
        let reported: Vec<Range<usize>> = covered
            .iter()
            .cloned()
            .chain(passages.iter().map(|p| p.span.clone()))
            .collect();
        for name in inflected_names {
            if !reported.iter().any(|r| overlaps(r, &name.span))
                && finnish_case::confirm(text, &name, &self.lexicon, finnish_evidence)
            {
                out.push(self.finnish_case_finding(text, &name));
            }
        }
        out.extend(passages.iter().map(|p| self.passage_finding(doc, p)));
        out.extend(hits.iter().map(|h| self.word_finding(doc, h, &votes)));
    }
}

/// Index ranges of `words` holding foreign words, each run starting and
/// ending with one; up to [`MAX_BRIDGE`] names, numbers, unknown or shared
/// words may sit between two, while a plainly English word ends the run.
fn foreign_runs(words: &[Word]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for (i, w) in words.iter().enumerate() {
        if w.class.is_foreign() {
            current = match current {
                Some(r) if i - r.end <= MAX_BRIDGE => Some(r.start..i + 1),
                Some(r) => {
                    runs.push(r);
                    Some(i..i + 1)
                }
                None => Some(i..i + 1),
            };
        } else if w.class == Class::English {
            runs.extend(current.take());
        }
    }
    runs.extend(current);
    runs
}

/// Joins passages of one language that follow each other in a paragraph, so
/// a whole untranslated paragraph is one finding.
fn merge_passages(text: &str, passages: Vec<Passage>) -> Vec<Passage> {
    let mut merged: Vec<Passage> = Vec::with_capacity(passages.len());
    for p in passages {
        if let Some(last) = merged.last_mut() {
            let between = text.get(last.span.end..p.span.start).unwrap_or("x");
            if last.paragraph == p.paragraph
                && last.verdict.language == p.verdict.language
                && between.trim().is_empty()
            {
                last.span.end = p.span.end;
                last.verdict.confidence = last.verdict.confidence.min(p.verdict.confidence);
                last.verdict.english = last.verdict.english.max(p.verdict.english);
                continue;
            }
        }
        merged.push(p);
    }
    merged
}

/// How much the document's foreign evidence points to each source language:
/// a label or passage counts three times a word, and a word shared by
/// several languages splits its vote between them.
fn language_votes(labels: &[String], passages: &[Passage], hits: &[WordHit]) -> Vec<f32> {
    let mut votes = vec![0.0; SOURCE_LANGUAGES.len()];
    let spans = labels
        .iter()
        .map(String::as_str)
        .chain(passages.iter().map(|p| p.verdict.language));
    for code in spans {
        if let Some(i) = source_index(code) {
            votes[i] += 3.0;
        }
    }
    for hit in hits {
        let languages: Vec<usize> = plausible_languages(hit)
            .iter()
            .filter_map(|c| source_index(c))
            .collect();
        for &i in &languages {
            votes[i] += 1.0 / languages.len() as f32;
        }
    }
    votes
}

fn source_index(code: &str) -> Option<usize> {
    SOURCE_LANGUAGES.iter().position(|&c| c == code)
}

/// The word's source languages: those where it is (nearly) most common and
/// those whose glossary lists it.
fn plausible_languages(hit: &WordHit) -> Vec<String> {
    let mut codes: Vec<String> = hit
        .frequencies
        .iter()
        .flat_map(|f| f.languages_near_best(LANGUAGE_SLACK))
        .map(|i| SOURCE_LANGUAGES[i].to_string())
        .collect();
    for g in hit.glosses {
        if !codes.contains(&g.language) {
            codes.push(g.language.clone());
        }
    }
    codes
}

/// The one language the word most likely comes from, using the document's
/// other evidence to choose between languages that share the word.
fn resolve_language(hit: &WordHit, votes: &[f32]) -> Option<String> {
    let codes = plausible_languages(hit);
    if codes.len() <= 1 {
        return codes.into_iter().next();
    }
    let vote = |code: &str| source_index(code).map_or(0.0, |i| votes[i]);
    let best = codes.iter().map(|c| vote(c)).fold(0.0, f32::max);
    let mut leaders = codes.iter().filter(|c| vote(c) >= best - 1e-3);
    match (leaders.next(), leaders.next()) {
        (Some(one), None) => Some(one.clone()),
        _ => None,
    }
}

/// "Swedish, Danish or Dutch" for a word shared by several languages.
fn candidate_names(hit: &WordHit) -> String {
    let codes = plausible_languages(hit);
    let names: Vec<&str> = codes.iter().map(|c| lang::name(c)).collect();
    match names.as_slice() {
        [] => "source language".to_string(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Drops a meaning's first word when the text already has it right before
/// the foreign word: "the regeringen" becomes "the government", not "the the
/// government", and "at klo 14.30" becomes "at 14.30".
fn fit_article(text: &str, start: usize, meaning: &str) -> String {
    let previous = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let (first, rest) = meaning.split_once(' ').unwrap_or((meaning, ""));
    if !previous.is_empty() && first.eq_ignore_ascii_case(previous) {
        rest.to_string()
    } else {
        meaning.to_string()
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn built_in_rules(glossary: Option<&Glossary>) -> Vec<RuleInfo> {
    let mut word_flag = vec![
        "The [procent] of voters who stayed home rose sharply.".to_string(),
        "Firefighters and the [vaktkommandør] at the station were alerted at midnight.".to_string(),
    ];
    word_flag.extend(
        glossary
            .iter()
            .flat_map(|g| g.flag_examples.iter().cloned()),
    );
    let mut word_pass = vec![
        "Minister Anna Lindqvist said the Riksdag will vote in June.".to_string(),
        "The Swedish word \"regeringen\" simply means the government.".to_string(),
        "Visitors come for the sauna, the fjords and a little hygge.".to_string(),
        "Details are on regeringen.se and on the ministry's site.".to_string(),
    ];
    word_pass.extend(
        glossary
            .iter()
            .flat_map(|g| g.pass_examples.iter().cloned()),
    );
    vec![
        RuleInfo {
            id: "untranslated/word".into(),
            category: Category::Untranslated,
            severity: Severity::Warning,
            language: None,
            summary: "a source-language word left in the English text".into(),
            docs: "What it does\n  Flags a word that is common in Swedish, Norwegian, Danish, German, Dutch or Finnish and rare in English (by the wordfreq lexicons in rules/lexicons/), a word from the glossaries in rules/untranslated/glossary/, or a word spelt with letters English does not use that lingua places in a source language.\n  Names (capitalised mid-sentence), acronyms, loanwords English uses (rules/untranslated/loanwords.toml), web addresses and words the article explains (\"julrätter – Christmas dishes\", \"the Swedish word lagom\") are never flagged.\n\nWhy is this bad?\n  The MT engine did not know the word and left it; an English reader cannot understand it.\n\nFix\n  Translate it (the message gives the meaning when the glossary knows it), or remove it.\n".into(),
            examples: Examples {
                flag: word_flag,
                pass: word_pass,
            },
            origin: None,
        },
        RuleInfo {
            id: "untranslated/finnish-case".into(),
            category: Category::Untranslated,
            severity: Severity::Warning,
            language: Some("fi".into()),
            summary: "a Finnish place name left with its case ending (\"in Tuirassa\")".into(),
            docs: "What it does\n  Flags a capitalised name with a Finnish local case ending (-ssa/-ssä in, -sta/-stä and -lta/-ltä from, -lla/-llä at, -lle to) right after an English preposition, when the lexicon knows the inflected form as Finnish or the article shows other Finnish evidence and lingua reads the name as Finnish.\n\nWhy is this bad?\n  The MT engine copied the inflected form and added the English preposition, so the name is wrong: \"in Tuirassa\" is \"in Tuira\", \"from Helsingistä\" is \"from Helsinki\".\n\nFix\n  Write the name in its basic form.\n".into(),
            examples: Examples {
                flag: vec![
                    "The fire broke out in an apartment in [Helsingissä] on Sunday.".into(),
                ],
                pass: vec![
                    "The fire broke out in an apartment in Helsinki on Sunday.".into(),
                    "She moved from Odessa to Vanessa's flat in Marbella.".into(),
                ],
            },
            origin: None,
        },
        RuleInfo {
            id: "untranslated/passage".into(),
            category: Category::Untranslated,
            severity: Severity::Warning,
            language: None,
            summary: "a clause or sentence left in the source language".into(),
            docs: "What it does\n  Flags a run of foreign words, or a sentence where foreign words outnumber English ones, when lingua (restricted to English and the source languages) identifies it as a source language. The message names the language and lingua's confidence.\n  Passages the article explains (a quoted title, a phrase followed by its translation) are not flagged.\n\nWhy is this bad?\n  A clause or sentence the MT engine skipped (often a caption, link or widget from the source page) is unreadable to an English reader.\n\nFix\n  Translate it, or remove it if it is furniture from the source page.\n".into(),
            examples: Examples {
                flag: vec![
                    "The club won again on Sunday.\n\n[Se alle målene fra kampen her]\n\nThe next match is on Wednesday.".into(),
                    "The shop reopened on Monday, [aber die Kunden bleiben noch immer weg], the owner said.".into(),
                ],
                pass: vec![
                    "The club won again on Sunday. See all the goals from the match here.".into(),
                    "The crowd chanted \"Vi vil ha mer\" – we want more – until the band returned.".into(),
                    "Her debut novel, \"Det som inte dödar\", sold well in Stockholm.".into(),
                ],
            },
            origin: None,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::InputFormat;

    fn findings(text: &str) -> Vec<(String, String)> {
        let check = UntranslatedCheck::build(&PackSet::embedded().unwrap()).unwrap();
        let doc = Document::new(text.to_string(), InputFormat::Text);
        let mut out = Vec::new();
        check.check(&doc, &mut out);
        out.into_iter()
            .map(|f| (f.rule, doc.text()[f.span].to_string()))
            .collect()
    }

    #[test]
    fn shared_words_take_the_language_of_the_rest_of_the_article() {
        let check = UntranslatedCheck::build(&PackSet::embedded().unwrap()).unwrap();
        let doc = Document::new(
            "Shares rose 38 procent. The virksomheden also said the regeringen must act.".into(),
            InputFormat::Text,
        );
        let mut out = Vec::new();
        check.check(&doc, &mut out);
        let procent = out
            .iter()
            .find(|f| &doc.text()[f.span.clone()] == "procent")
            .unwrap();
        assert_eq!(procent.language.as_deref(), Some("da"));
        assert!(procent.message.contains("Danish"), "{}", procent.message);
    }

    #[test]
    fn the_meaning_fits_the_word_before() {
        assert_eq!(fit_article("at klo 14.30", 3, "at"), "");
        assert_eq!(
            fit_article("the regeringen", 4, "the government"),
            "government"
        );
        assert_eq!(
            fit_article("as regeringen", 3, "the government"),
            "the government"
        );
    }

    #[test]
    fn native_english_with_names_and_loanwords_is_clean() {
        let text = "Prime Minister Ulf Kristersson met Jonas Gahr Støre in Göteborg. \
                    The talks, held over fika and smörgåsbord, touched on the Riksdag, \
                    the Storting and the kindergarten shortage. Angst about the krona \
                    remains, the Nordea economist Annika Winsth said.";
        assert_eq!(findings(text), Vec::<(String, String)>::new());
    }
}
