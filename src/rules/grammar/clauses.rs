//! Clause-level punctuation and order carried over from the source:
//! `grammar/comma-before-that-clause` ("said, she is"),
//! `grammar/comma-before-verb` ("Whether there is a majority, is open"),
//! `grammar/fronted-focus-adverb` ("Also Haaland was …") and
//! `grammar/definite-title` ("says the nurse Emma Holm").

use super::analysis::{Analysis, Word};
use super::{GrammarCheck, Rule};
use crate::finding::Finding;
use std::ops::Range;

pub fn check(g: &GrammarCheck, a: &Analysis, out: &mut Vec<Finding>) {
    for s in &a.sentences {
        let words = a.words_of(s);
        let question = a.text[s.span.clone()].trim_end().ends_with('?');
        comma_before_that_clause(g, words, out);
        if !question {
            comma_before_verb(g, a, words, out);
        }
        fronted_focus_adverb(g, a, words, out);
        definite_title(g, a, words, out);
    }
}

/// The gap before `w` is a lone comma (no quotation mark, dash or bracket).
fn comma_only(w: &Word) -> bool {
    w.gap.trim() == ","
}

/// The span of the comma in the gap before `w`.
fn comma_span(w: &Word) -> Range<usize> {
    let at = w.span.start - w.gap.len() + w.gap.find(',').unwrap_or(0);
    at..at + 1
}

fn is_finite(g: &GrammarCheck, w: &Word) -> bool {
    let lex = &g.lex;
    lex.auxiliaries.contains(&w.lower) || lex.copulas.contains(&w.lower) || g.is_ed_form(w)
}

/// "The minister said, the government is …": German "sagte, dass" without
/// "that" but with its comma.
fn comma_before_that_clause(g: &GrammarCheck, words: &[Word], out: &mut Vec<Finding>) {
    let lex = &g.lex;
    for i in 0..words.len().saturating_sub(2) {
        let (verb, next) = (&words[i], &words[i + 1]);
        if verb.quoted || !lex.that_verbs.contains(&verb.lower) || !comma_only(next) {
            continue;
        }
        let clause_start = words[..i].iter().rposition(Word::after_break).unwrap_or(0);
        if words[clause_start..i]
            .iter()
            .any(|w| lex.subordinators.contains(&w.lower))
        {
            continue;
        }
        let subject =
            lex.subject_pronouns.contains(&next.lower) || lex.determiners.contains(&next.lower);
        // The verb has a subject of its own right before it: a name, a
        // pronoun or a person or organisation noun ("Bärbel Bass said,", not
        // "Briefly stated," or "the latest reports,").
        let speaker = i.checked_sub(1).map(|k| &words[k]).is_some_and(|w| {
            let key = w.lower.as_str();
            (w.is_capitalised() && i > 1 && !lex.function_words.contains(key))
                || matches!(key, "he" | "she" | "they" | "we" | "i")
                || lex.person_nouns.contains(key)
                || lex.organisations.contains(key)
                || lex.female_nouns.contains(key)
                || lex.male_nouns.contains(key)
        });
        let finite = words[i + 2..words.len().min(i + 6)]
            .iter()
            .take_while(|w| w.joined())
            .any(|w| is_finite(g, w));
        if !subject || !speaker || !finite || next.lower == "that" {
            continue;
        }
        let comma = comma_span(next);
        let message = format!(
            "\"{}, {}\": a comma introduces the that-clause as in German \"sagte, dass\"; write \"{} that {}\"",
            verb.text, next.text, verb.text, next.text
        );
        out.push(
            g.finding(
                Rule::CommaBeforeThatClause,
                g.default_severity(Rule::CommaBeforeThatClause),
                comma,
                message,
            )
            .with_note("German, Dutch, Polish and Finnish always put a comma before a that-clause (\"sagte, dass sie …\"); MT drops \"that\" and keeps the comma, which English reads as a comma splice")
            .with_suggestion(" that", false),
        );
    }
}

/// "Whether there is a majority, is actually open."
fn comma_before_verb(g: &GrammarCheck, a: &Analysis, words: &[Word], out: &mut Vec<Finding>) {
    let lex = &g.lex;
    let Some(first) = words.first() else { return };
    if first.quoted || !lex.subject_clause_openers.contains(&first.lower) {
        return;
    }
    let Some(j) = (1..words.len()).find(|&j| words[j].after_break()) else {
        return;
    };
    let verb = &words[j];
    let is_verb = lex.copulas.contains(&verb.lower)
        || lex.auxiliaries.contains(&verb.lower)
        || matches!(
            verb.lower.as_str(),
            "remains" | "seems" | "depends" | "appears"
        );
    if !comma_only(verb) || !is_verb || j < 3 {
        return;
    }
    let comma = comma_span(verb);
    let clause = &a.text[first.span.start..words[j - 1].span.end];
    let message = format!(
        "a comma separates the subject clause \"{clause}\" from its verb \"{}\", as German and Dutch punctuate; remove it",
        verb.text
    );
    out.push(
        g.finding(
            Rule::CommaBeforeVerb,
            g.default_severity(Rule::CommaBeforeVerb),
            comma,
            message,
        )
        .with_note("German and Dutch close every subordinate clause with a comma, also one that is the subject (\"Ob es eine Mehrheit gibt, ist offen\"); English puts no comma between a subject and its verb")
        .with_suggestion("", false),
    );
}

/// "Also Haaland was in a good mood": the focus adverb before the subject.
fn fronted_focus_adverb(g: &GrammarCheck, a: &Analysis, words: &[Word], out: &mut Vec<Finding>) {
    let lex = &g.lex;
    if words.len() < 4 {
        return;
    }
    let (adverb, next) = (&words[0], &words[1]);
    if adverb.quoted
        || !adverb.is_capitalised()
        || !lex.focus_adverbs.contains(&adverb.lower)
        || !next.joined()
    {
        return;
    }
    let subject = (lex.determiners.contains(&next.lower)
        && !matches!(next.lower.as_str(), "a" | "an"))
        || (next.is_title_case() && !lex.time_words.contains(&next.lower));
    // A clause follows: no comma right after the subject's first words.
    let clause = words[2..words.len().min(5)].iter().all(Word::joined);
    if !subject || !clause {
        return;
    }
    let span = adverb.span.start..next.span.end;
    let message = format!(
        "\"{}\": the focus adverb stands before the subject as in Norwegian \"også\", Swedish \"även\", German \"auch\" or Dutch \"ook\"; put it after the subject (\"{} … {}\") or write \"too\"",
        &a.text[span.clone()],
        next.text,
        adverb.lower
    );
    out.push(
        g.finding(
            Rule::FrontedFocusAdverb,
            g.default_severity(Rule::FrontedFocusAdverb),
            span,
            message,
        )
        .with_note("the Scandinavian languages, German and Dutch put a focus adverb in front of the subject it focuses (\"Også Haaland var fornøyd\"); English places \"also\" after the subject or the auxiliary, or uses \"too\""),
    );
}

/// "says the nurse Emma Holm": a definite job title before a name, as
/// Swedish writes "sjuksköterskan Emma Holm".
fn definite_title(g: &GrammarCheck, a: &Analysis, words: &[Word], out: &mut Vec<Finding>) {
    let lex = &g.lex;
    for i in 0..words.len() {
        let the = &words[i];
        if the.quoted || !the.is("the") {
            continue;
        }
        let introduced = match i {
            0 => true,
            1 => words[0].is("to") || lex.attribution_verbs.contains(&words[0].lower),
            _ => {
                lex.attribution_verbs.contains(&words[i - 1].lower)
                    || (words[i - 2].is("according") && words[i - 1].is("to"))
            }
        };
        if !introduced {
            continue;
        }
        // One to three lower-case words ending in a person noun, then a name.
        let title_end = (i + 1..words.len().min(i + 4))
            .take_while(|&k| words[k].joined() && words[k].is_lower())
            .filter(|&k| lex.person_nouns.contains(&words[k].lower))
            .last();
        let Some(title_end) = title_end else { continue };
        let name_start = title_end + 1;
        let name_end = (name_start..words.len())
            .take_while(|&k| {
                words[k].is_title_case() && (k == name_start || words[k].gap.trim().is_empty())
            })
            .last();
        let Some(name_end) = name_end else { continue };
        let first_name = words[name_start].text;
        let known_name =
            lex.female_names.contains(first_name) || lex.male_names.contains(first_name);
        if !words[name_start].joined() || (name_end == name_start && !known_name) {
            continue;
        }
        let title = &a.text[words[i + 1].span.start..words[title_end].span.end];
        let name = &a.text[words[name_start].span.start..words[name_end].span.end];
        let article = if title.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let more = words.get(name_end + 1).is_some_and(Word::joined);
        let fix = format!("{name}, {article} {title}{}", if more { "," } else { "" });
        let span = the.span.start..words[name_end].span.end;
        let message = format!(
            "\"{}\": a definite job title before the name, as Swedish \"sjuksköterskan Emma Holm\"; write \"{fix}\"",
            &a.text[span.clone()]
        );
        out.push(
            g.finding(
                Rule::DefiniteTitle,
                g.default_severity(Rule::DefiniteTitle),
                span,
                message,
            )
            .with_note("Swedish, Norwegian and Danish put the definite title before a name (\"pressofficeren Johan Strand\"); English news names the person first and adds the job (\"Johan Strand, a press officer\") or uses the title without an article (\"press officer Johan Strand\")")
            .with_suggestion(fix, false),
        );
    }
}
