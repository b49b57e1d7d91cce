//! `grammar/stray-capital` and `grammar/lowercase-after-full-stop`: capitals
//! carried over from the source (German nouns, bold datelines, headline
//! casing) or lost after a full stop. (A paragraph that starts in lower case
//! is `boilerplate/lowercase-sentence-start`.)

use super::analysis::{Analysis, Sentence, Word};
use super::{GrammarCheck, Rule};
use crate::finding::Finding;

pub fn check(g: &GrammarCheck, a: &Analysis, out: &mut Vec<Finding>) {
    let mut lost_capitals = Vec::new();
    for s in &a.sentences {
        let words = a.words_of(s);
        if !is_title_case(g, words) {
            // Lines without closing punctuation are headings, menus and
            // captions, where a capital may start a new item.
            let closed = a.text[s.span.clone()]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201D}']);
            stray_capitals(g, s, words, closed, out);
        }
        lost_capitals.extend(lowercase_after_full_stop(g, words));
    }
    // Chat logs and notes write whole texts in lower case; a lost capital
    // is a tell only where the text otherwise capitalises its sentences.
    if lost_capitals.len() * 10 <= a.sentences.len() + 10 {
        out.extend(lost_capitals.into_iter().map(|w| finding(g, w)));
    }
}

/// A headline or title in title case: every word capitalised but for
/// function words and numbers.
fn is_title_case(g: &GrammarCheck, words: &[Word]) -> bool {
    words.len() >= 3
        && words
            .iter()
            .skip(1)
            .all(|w| w.is_capitalised() || w.number || g.lex.function_words.contains(&w.lower))
}

fn stray_capitals(
    g: &GrammarCheck,
    s: &Sentence,
    words: &[Word],
    closed: bool,
    out: &mut Vec<Finding>,
) {
    let lex = &g.lex;
    for i in 1..words.len() {
        let (prev, w) = (&words[i - 1], &words[i]);
        // Several spaces align table columns.
        if w.quoted || !w.joined() || w.gap.len() > 1 || !w.is_title_case() {
            continue;
        }
        // "To-mapping": a capital inside a hyphenated compound is the
        // writer's choice.
        let next = words
            .get(i + 1)
            .filter(|n| n.joined() && !n.gap.contains(['-', '\u{2010}']));
        let next_lower = next.is_some_and(Word::is_lower);
        let lower = w.lower.as_str();
        let in_name = i >= 2
            && matches!(
                prev.lower.as_str(),
                "of" | "and" | "for" | "de" | "on" | "in"
            )
            && words[i - 2].is_capitalised();
        let (kind, fix) = if matches!(lower, "the" | "an") && next_lower && closed {
            if prev.number {
                // A timeline or list ("1929 The pause that refreshes").
                continue;
            }
            if i == 1
                && s.first_in_paragraph
                && prev.is_capitalised()
                && !lex.function_words.contains(&prev.lower)
            {
                (
                    "a dateline run into the sentence",
                    format!("\u{2013} {}", w.text),
                )
            } else {
                ("an article capitalised mid-sentence", w.lower.clone())
            }
        } else if lex.function_words.contains(lower) && prev.is_lower() && next_lower && closed {
            ("a function word capitalised mid-sentence", w.lower.clone())
        } else if lex.attribution_prepositions.contains(lower)
            && prev.is_capitalised()
            && is_medium_at_end(&words[i + 1..])
            && words[..i - 1]
                .iter()
                .any(|x| lex.attribution_verbs.contains(&x.lower))
        {
            (
                "a preposition capitalised before the medium's name",
                w.lower.clone(),
            )
        } else if lex.common_nouns.contains(lower)
            && prev.is_lower()
            && !in_name
            && is_compound_part(g, prev, next)
        {
            ("a common noun capitalised mid-sentence", w.lower.clone())
        } else {
            continue;
        };
        let message = format!("\"{}\": {kind}; write \"{fix}\"", w.text);
        out.push(
            g.finding(
                Rule::StrayCapital,
                g.default_severity(Rule::StrayCapital),
                w.span.clone(),
                message,
            )
            .with_note("German capitalises every noun, source pages set datelines and names in bold, and MT keeps capitals from headlines; in English a capital mid-sentence reads as the start of a name")
            .with_suggestion(fix, false),
        );
    }
}

/// The rest of the sentence is one capitalised name ("Ilta-Sanomat",
/// "Bergens Tidende").
fn is_medium_at_end(rest: &[Word]) -> bool {
    !rest.is_empty()
        && rest.len() <= 4
        && rest
            .iter()
            .all(|w| w.is_capitalised() && w.gap.chars().all(|c| c == ' ' || c == '-'))
}

/// A capitalised noun inside a compound: before a lower-case head ("the
/// Fire department") or after a lower-case modifier ("emergency Services").
/// Capitals for emphasis ("set him on Fire") are left alone.
fn is_compound_part(g: &GrammarCheck, prev: &Word, next: Option<&Word>) -> bool {
    let content = |w: &Word| w.is_lower() && !g.lex.function_words.contains(&w.lower);
    next.is_some_and(content) || content(prev)
}

/// Words that commonly open an English sentence: a lower-case one after a
/// full stop has lost its capital, while a lower-case name ("dbus", "iPhone")
/// may be written that way.
fn starts_sentences(g: &GrammarCheck, w: &Word) -> bool {
    let lex = &g.lex;
    [
        &lex.determiners,
        &lex.subject_pronouns,
        &lex.prepositions,
        &lex.auxiliaries,
        &lex.copulas,
        &lex.adverb_openers,
        &lex.subordinators,
    ]
    .iter()
    .any(|class| class.contains(&w.lower))
        || matches!(
            w.lower.as_str(),
            "but" | "and" | "however" | "according" | "there"
        )
}

/// "… he says. we will see": a word after a full stop inside what the
/// segmenter kept as one sentence (it only splits before a capital).
fn lowercase_after_full_stop<'w, 'a>(g: &GrammarCheck, words: &'w [Word<'a>]) -> Vec<&'w Word<'a>> {
    let plain = |w: &Word| w.text.chars().all(|c| c.is_lowercase()) && !w.quoted;
    (1..words.len().saturating_sub(1))
        .filter(|&i| {
            let (prev, w) = (&words[i - 1], &words[i]);
            w.gap.trim_end_matches([' ', '\u{a0}']) == "."
                && plain(w)
                && starts_sentences(g, w)
                && !prev.number
                && prev.text.chars().count() > 1
                && !prev.text.contains('.')
                && !g.lex.abbreviations.contains(&prev.lower)
        })
        .map(|i| &words[i])
        .collect()
}

fn finding(g: &GrammarCheck, w: &Word) -> Finding {
    let fix = super::with_case_of("A", w.text);
    g.finding(
        Rule::LowercaseAfterFullStop,
        g.default_severity(Rule::LowercaseAfterFullStop),
        w.span.clone(),
        format!("the sentence starts in lower case; write \"{fix}\""),
    )
    .with_note("MT loses the capital when it splits or joins the source's segments")
    .with_suggestion(fix, false)
}
