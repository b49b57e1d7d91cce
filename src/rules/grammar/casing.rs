//! `grammar/stray-capital` and `grammar/lowercase-sentence-start`: capitals
//! carried over from the source (German nouns, bold datelines, headline
//! casing) or lost at a sentence start.

use super::analysis::{Analysis, Sentence, Word};
use super::{GrammarCheck, Rule};
use crate::finding::Finding;

pub fn check(g: &GrammarCheck, a: &Analysis, out: &mut Vec<Finding>) {
    for (si, s) in a.sentences.iter().enumerate() {
        let words = a.words_of(s);
        if !is_title_case(g, words) {
            // Lines without closing punctuation are headings, menus and
            // captions, where a capital may start a new item.
            let closed = a.text[s.span.clone()]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201D}']);
            stray_capitals(g, s, words, closed, out);
        }
        lowercase_start(g, a, si, words, out);
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
        if w.quoted || !w.joined() || !w.is_title_case() {
            continue;
        }
        let next = words.get(i + 1).filter(|n| n.joined());
        let next_lower = next.is_some_and(Word::is_lower);
        let lower = w.lower.as_str();
        let in_name = i >= 2
            && matches!(
                prev.lower.as_str(),
                "of" | "and" | "for" | "de" | "on" | "in"
            )
            && words[i - 2].is_capitalised();
        let (kind, fix) = if matches!(lower, "the" | "an") && next_lower && closed {
            if i == 1 && s.first_in_paragraph && prev.is_capitalised() {
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
            && next.is_none_or(|n| {
                n.is_lower()
                    && !matches!(n.lower.as_str(), "of" | "and" | "for" | "in" | "on" | "de")
            })
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

fn lowercase_start(
    g: &GrammarCheck,
    a: &Analysis,
    si: usize,
    words: &[Word],
    out: &mut Vec<Finding>,
) {
    let s = &a.sentences[si];
    let plain = |w: &Word| w.text.chars().all(|c| c.is_lowercase()) && !w.quoted;
    // A prose paragraph after a paragraph that ended a sentence.
    if let Some(first) = words.first() {
        let sentence = a.text[s.span.clone()].trim_end();
        let previous_ends = si > 0 && {
            let previous = &a.sentences[si - 1];
            a.text[previous.span.clone()]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201D}'])
        };
        if s.first_in_paragraph
            && previous_ends
            && first.gap.is_empty()
            && plain(first)
            && words.len() >= 3
            && sentence.ends_with(['.', '!', '?'])
        {
            out.push(finding(g, first));
        }
    }
    // A word after a full stop inside what the segmenter kept as one
    // sentence ("... he says. we will see").
    for i in 1..words.len().saturating_sub(1) {
        let (prev, w) = (&words[i - 1], &words[i]);
        let after_stop = w.gap.trim_end_matches([' ', '\u{a0}']) == ".";
        if after_stop
            && plain(w)
            && !prev.number
            && prev.text.chars().count() > 1
            && !prev.text.contains('.')
            && !g.lex.abbreviations.contains(&prev.lower)
        {
            out.push(finding(g, w));
        }
    }
}

fn finding(g: &GrammarCheck, w: &Word) -> Finding {
    let fix = super::with_case_of("A", w.text);
    g.finding(
        Rule::LowercaseSentenceStart,
        g.default_severity(Rule::LowercaseSentenceStart),
        w.span.clone(),
        format!("the sentence starts in lower case; write \"{fix}\""),
    )
    .with_note("MT loses the capital when it splits or joins the source's segments")
    .with_suggestion(fix, false)
}
