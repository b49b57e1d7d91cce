//! `grammar/verb-second` (the finite verb before the subject after a fronted
//! phrase) and `grammar/inverted-attribution` ("…, says she.").

use super::analysis::{Analysis, Word};
use super::{GrammarCheck, Rule};
use crate::finding::Finding;

#[derive(Clone, Copy, PartialEq)]
enum Opener {
    /// "According to the police …": English never inverts after it.
    According,
    /// "Now has …": the verb must follow the adverb directly.
    Adverb,
    /// "Also inside the government have …".
    AdverbPhrase,
    /// "On Tuesday evening …", "For a long time …".
    Preposition,
    /// "This year has …": the time phrase may itself be the subject.
    TimeNoun,
}

pub fn check(g: &GrammarCheck, a: &Analysis, out: &mut Vec<Finding>) {
    for s in &a.sentences {
        let words = a.words_of(s);
        // The main clause, and clauses coordinated after ", and", ", but"
        // or a semicolon ("…, and on several occasions have patients had to
        // wait").
        let clause_starts = std::iter::once(0).chain((1..words.len()).filter(|&c| {
            let w = &words[c];
            let previous = &words[c - 1];
            (w.gap.contains(';'))
                || (w.joined()
                    && matches!(previous.lower.as_str(), "and" | "but")
                    && previous.gap.contains(','))
        }));
        for start in clause_starts {
            if let Some(f) = verb_second(g, a, &words[start..], start == 0) {
                out.push(f);
            }
        }
        inverted_attribution(g, a, words, out);
    }
}

fn opener(g: &GrammarCheck, words: &[Word]) -> Option<(Opener, usize)> {
    let lex = &g.lex;
    let (first, second) = (&words[0], &words[1]);
    if first.quoted || !second.joined() {
        return None;
    }
    if first.is("according") && second.is("to") {
        Some((Opener::According, 2))
    } else if lex.adverb_openers.contains(&first.lower) {
        if lex.prepositions.contains(&second.lower) {
            Some((Opener::AdverbPhrase, 2))
        } else {
            Some((Opener::Adverb, 1))
        }
    } else if lex.prepositions.contains(&first.lower) {
        Some((Opener::Preposition, 1))
    } else if matches!(first.lower.as_str(), "last" | "this" | "next")
        && lex.time_words.contains(&second.lower)
    {
        Some((Opener::TimeNoun, 1))
    } else {
        None
    }
}

/// A finite verb form the scan for the end of the fronted phrase stops at.
fn is_finite_candidate(g: &GrammarCheck, w: &Word) -> bool {
    let lex = &g.lex;
    w.is_lower()
        && (lex.auxiliaries.contains(&w.lower)
            || lex.copulas.contains(&w.lower)
            || lex.reporting_verbs.contains(&w.lower)
            || lex.irregular_past.contains(&w.lower)
            || g.is_ed_form(w))
}

/// Index of the first finite verb after the fronted phrase that starts at
/// `start`, if the phrase runs into it without a comma and no subject came
/// first.
fn end_of_fronted_phrase(g: &GrammarCheck, words: &[Word], start: usize) -> Option<usize> {
    let lex = &g.lex;
    for k in start..words.len().min(start + 9) {
        let w = &words[k];
        if w.after_break() || lex.inversion_licensers.contains(&w.lower) {
            return None;
        }
        if k == start {
            // "Before we do", "For they have": a clause, not a noun phrase.
            if matches!(w.lower.as_str(), "i" | "we" | "he" | "she" | "they" | "you") {
                return None;
            }
            continue;
        }
        let previous = &words[k - 1];
        let after_preposition = lex.prepositions.contains(&previous.lower);
        let noun_phrase_can_end = !after_preposition
            && !lex.determiners.contains(&previous.lower)
            && !matches!(previous.lower.as_str(), "and" | "or");
        if is_finite_candidate(g, w) && noun_phrase_can_end {
            return Some(k);
        }
        // A determiner, number or pronoun right after a noun starts a new
        // noun phrase: the fronted phrase ended without a comma and this is
        // the subject ("According to police the man was ...").
        let new_phrase = lex.determiners.contains(&w.lower)
            || lex.subject_pronouns.contains(&w.lower)
            || (w.number && !lex.time_words.contains(&previous.lower));
        if new_phrase && !after_preposition && !lex.determiners.contains(&previous.lower) {
            return None;
        }
    }
    None
}

/// Could start a subject: a determiner, quantifier, number, pronoun or name.
fn starts_subject(g: &GrammarCheck, w: &Word) -> bool {
    w.joined() && (g.lex.subject_starters.contains(&w.lower) || w.number || w.is_capitalised())
}

/// Could start a subject after an auxiliary: also a bare plural noun
/// ("have patients had to wait"), but not a participle, adverb or preposition.
fn starts_subject_after_aux(g: &GrammarCheck, w: &Word) -> bool {
    let lex = &g.lex;
    if lex.not_subjects.contains(&w.lower) {
        return false;
    }
    starts_subject(g, w)
        || (w.joined()
            && w.is_lower()
            && !g.is_participle(w)
            && !w.lower.ends_with("ly")
            && !w.lower.ends_with("ing")
            && !lex.prepositions.contains(&w.lower)
            && !lex.auxiliaries.contains(&w.lower)
            && !lex.copulas.contains(&w.lower))
}

/// The main verb after an inverted auxiliary and its subject, as the range
/// of word indices of the verb group ("have threatened", "been criticized").
fn main_verb(g: &GrammarCheck, words: &[Word], aux: usize) -> Option<(usize, usize)> {
    let lex = &g.lex;
    let subject = &words[aux + 1];
    let start = if lex.subject_pronouns.contains(&subject.lower) {
        // "can it be", "does one shake": any verb follows a pronoun.
        let verb = words.get(aux + 2).filter(|w| w.joined() && w.is_lower())?;
        if lex.determiners.contains(&verb.lower) || lex.prepositions.contains(&verb.lower) {
            return None;
        }
        aux + 2
    } else {
        (aux + 2..words.len().min(aux + 8)).find(|&m| {
            let w = &words[m];
            w.joined()
                && (g.is_participle(w)
                    || matches!(w.lower.as_str(), "have" | "be" | "been" | "being"))
        })?
    };
    if words[aux + 1..start].iter().any(|w| {
        w.after_break() || lex.auxiliaries.contains(&w.lower) || lex.copulas.contains(&w.lower)
    }) {
        return None;
    }
    let mut end = start;
    while words.get(end + 1).is_some_and(|w| {
        w.joined() && (g.is_participle(w) || matches!(w.lower.as_str(), "been" | "being"))
    }) && matches!(
        words[end].lower.as_str(),
        "have" | "has" | "had" | "be" | "been" | "being"
    ) {
        end += 1;
    }
    Some((start, end))
}

/// `main_clause`: `words` start the sentence; otherwise they start a clause
/// after ", and", where only a fronted prepositional phrase is checked
/// ("…, and on several occasions have patients had to wait").
fn verb_second(
    g: &GrammarCheck,
    a: &Analysis,
    words: &[Word],
    main_clause: bool,
) -> Option<Finding> {
    let lex = &g.lex;
    if words.len() < 4 {
        return None;
    }
    let (kind, phrase_start) = opener(g, words)?;
    if !main_clause && !matches!(kind, Opener::According | Opener::Preposition) {
        return None;
    }
    let verb = match kind {
        Opener::Adverb => 1,
        _ => end_of_fronted_phrase(g, words, phrase_start)?,
    };
    let v = &words[verb];
    let next = words.get(verb + 1).filter(|w| w.joined())?;
    let is_aux = lex.auxiliaries.contains(&v.lower);
    let is_copula = lex.copulas.contains(&v.lower);
    let is_past = lex.irregular_past.contains(&v.lower) || g.is_ed_form(v);
    // A present-tense reporting verb cannot be a reduced relative clause.
    let is_reporting_present =
        lex.reporting_verbs.contains(&v.lower) && !is_past && !v.lower.ends_with("ed");
    let phrase = &words[phrase_start..verb];
    let temporal = phrase
        .iter()
        .all(|w| w.number || lex.time_words.contains(&w.lower));
    let mut verb_group = None;
    let mut possession = false;
    let accepted = match kind {
        Opener::According if is_aux || is_copula => {
            if is_aux && starts_subject_after_aux(g, next) {
                verb_group = main_verb(g, words, verb);
            }
            !g.is_participle(next) && !matches!(next.lower.as_str(), "by" | "to" | "not")
        }
        Opener::According => starts_subject(g, next),
        // "Now should I …" is native; MT inverts a noun subject after an
        // adverb ("Now has the police …"), and do-support only around a
        // pronoun ("does one shake").
        Opener::Adverb if lex.subject_pronouns.contains(&next.lower) => false,
        _ if is_aux
            && matches!(v.lower.as_str(), "do" | "does" | "did")
            && !lex.subject_pronouns.contains(&next.lower) =>
        {
            false
        }
        _ if is_aux => {
            verb_group = main_verb(g, words, verb);
            possession = verb_group.is_none() && possessive_have(g, words, verb);
            starts_subject_after_aux(g, next) && (verb_group.is_some() || possession)
        }
        Opener::Preposition => {
            ((temporal && is_past) || is_reporting_present) && starts_subject(g, next)
        }
        _ => false,
    };
    if !accepted {
        return None;
    }
    let opener_text = &a.text[words[0].span.start..words[verb - 1].span.end];
    let sep = if kind == Opener::Adverb { " " } else { ", " };
    let do_support = matches!(v.lower.as_str(), "do" | "does" | "did");
    let (end, fix) = match verb_group {
        Some((m, end)) if !do_support => {
            let subject = &a.text[words[verb + 1].span.start..words[m - 1].span.end];
            let group = &a.text[words[m].span.start..words[end].span.end];
            (
                end,
                Some(format!("{opener_text}{sep}{subject} {} {group}", v.text)),
            )
        }
        _ if possession => {
            let name = &words[verb + 1];
            (
                verb + 1,
                Some(format!("{opener_text}{sep}{} {}", name.text, v.text)),
            )
        }
        _ if is_copula => match copula_subject_end(words, verb) {
            Some(last) => {
                let subject = &a.text[words[verb + 1].span.start..words[last].span.end];
                (
                    last,
                    Some(format!("{opener_text}{sep}{subject} {}", v.text)),
                )
            }
            None => (verb, None),
        },
        Some((_, end)) => (end, None),
        None => (verb, None),
    };
    let span = words[0].span.start..words[end].span.end;
    let mut message = format!(
        "the verb \"{}\" comes before its subject after the fronted phrase \"{opener_text}\": verb-second order kept from the source",
        v.text
    );
    if let Some(fix) = &fix {
        message.push_str(&format!("; write \"{fix}\""));
    } else {
        message.push_str("; put the subject before the verb");
    }
    let mut finding = g
        .finding(Rule::VerbSecond, g.default_severity(Rule::VerbSecond), span, message)
        .with_note(
            "Swedish, Norwegian, Danish, German and Dutch put the finite verb second in a main clause, so after a fronted phrase it comes before the subject; English keeps the subject first (\"According to police, the man has …\")",
        );
    if let Some(fix) = fix {
        finding = finding.with_suggestion(fix, false);
    }
    Some(finding)
}

/// "With the victory has Norway a strong position": "has" as the main verb
/// before a one-word name or a pronoun and its object.
fn possessive_have(g: &GrammarCheck, words: &[Word], verb: usize) -> bool {
    matches!(words[verb].lower.as_str(), "has" | "have" | "had")
        && words.get(verb + 1).is_some_and(|n| {
            n.joined()
                && (n.is_title_case()
                    || matches!(n.lower.as_str(), "he" | "she" | "it" | "they" | "we"))
        })
        && words
            .get(verb + 2)
            .is_some_and(|d| d.joined() && g.lex.determiners.contains(&d.lower))
}

/// The last word of the subject after an inverted "is/are/was/were": the
/// word before "not", "never", "also", "still" … ("are their injuries not").
fn copula_subject_end(words: &[Word], copula: usize) -> Option<usize> {
    (copula + 2..words.len().min(copula + 7))
        .take_while(|&k| words[k].joined())
        .find(|&k| {
            matches!(
                words[k].lower.as_str(),
                "not" | "never" | "also" | "still" | "already" | "now" | "no"
            )
        })
        .map(|k| k - 1)
}

fn inverted_attribution(g: &GrammarCheck, a: &Analysis, words: &[Word], out: &mut Vec<Finding>) {
    for i in 1..words.len().saturating_sub(1) {
        let (verb, pronoun) = (&words[i], &words[i + 1]);
        if verb.quoted
            || !verb.is_lower()
            || !g.lex.attribution_verbs.contains(&verb.lower)
            || !pronoun.joined()
            || !matches!(pronoun.lower.as_str(), "he" | "she" | "they" | "we")
        {
            continue;
        }
        let after_quote = verb
            .gap
            .trim_end()
            .ends_with([',', '"', '\u{201D}', '\u{2013}', '\u{2014}']);
        let clause_ends = words.get(i + 2).is_none_or(|w| {
            !w.gap.trim().is_empty() || matches!(w.lower.as_str(), "to" | "in" | "on" | "at")
        });
        // Past tense inverts in older literary prose ("said he, \"my
        // book …\""); MT news inverts the present ("says she.") or names
        // the medium ("said he to NRK").
        let past = !verb.lower.ends_with('s');
        let to_medium = words
            .get(i + 2)
            .is_some_and(|w| w.joined() && matches!(w.lower.as_str(), "to" | "in" | "on" | "at"));
        if past && !to_medium {
            continue;
        }
        if !after_quote || !clause_ends {
            continue;
        }
        let fix = format!("{} {}", pronoun.lower, verb.text);
        let span = verb.span.start..pronoun.span.end;
        let message = format!(
            "\"{}\" inverts the attribution the Scandinavian way (sier hun, säger hon); write \"{fix}\"",
            &a.text[span.clone()]
        );
        out.push(
            g.finding(
                Rule::InvertedAttribution,
                g.default_severity(Rule::InvertedAttribution),
                span,
                message,
            )
            .with_note("Swedish, Norwegian and Danish put the verb before a pronoun in an attribution (\"sier hun\"); English does that only with a name or noun (\"says Kari Holm\") and otherwise writes \"she says\"")
            .with_suggestion(fix, true),
        );
    }
}
