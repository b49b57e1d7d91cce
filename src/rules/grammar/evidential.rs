//! `grammar/evidential-must-have`, `grammar/evidential-should-have`: the
//! hearsay modal of the source rendered "must have" / "should (not) have".

use super::analysis::{Analysis, Word};
use super::{GrammarCheck, Rule};
use crate::finding::{Finding, Severity};

#[derive(Clone, Copy, PartialEq)]
enum Modal {
    Must,
    Should,
}

/// "must have", "should not have", "there must be": where the modal phrase
/// starts and ends, and the words that follow it.
struct Phrase {
    modal: Modal,
    negated: bool,
    /// Index of "have"/"be" in the sentence.
    aux: usize,
    /// "be" rather than "have": only reported for "there must be".
    present: bool,
}

fn parse(words: &[Word], i: usize) -> Option<Phrase> {
    let w = &words[i];
    let modal = match w.lower.as_str() {
        "must" | "mustn't" => Modal::Must,
        "should" | "shouldn't" => Modal::Should,
        _ => return None,
    };
    let mut negated = w.lower.ends_with("n't");
    let mut j = i + 1;
    if words.get(j).is_some_and(|x| x.is("not") && x.joined()) {
        negated = true;
        j += 1;
    }
    if words
        .get(j)
        .is_some_and(|x| x.joined() && matches!(x.lower.as_str(), "also" | "already" | "all"))
    {
        j += 1;
    }
    let aux = words.get(j).filter(|x| x.joined())?;
    let present = aux.is("be");
    if !present && !aux.is("have") {
        return None;
    }
    Some(Phrase {
        modal,
        negated,
        aux: j,
        present,
    })
}

pub fn check(g: &GrammarCheck, a: &Analysis, out: &mut Vec<Finding>) {
    for (si, s) in a.sentences.iter().enumerate() {
        let words = a.words_of(s);
        // (conclusion cue, criticism cue, report context), computed on the
        // first candidate only: most sentences have none.
        let mut context: Option<(bool, bool, bool)> = None;
        for i in 0..words.len() {
            if words[i].quoted {
                continue;
            }
            let Some(phrase) = parse(words, i) else {
                continue;
            };
            let (epistemic, deontic, report) = *context.get_or_insert_with(|| {
                let cue = |list: &super::lexicon::Words| {
                    words.iter().any(|w| !w.quoted && list.contains(&w.lower))
                };
                (
                    cue(&g.lex.epistemic_cues),
                    cue(&g.lex.deontic_cues),
                    g.report_context(a, si),
                )
            });
            if epistemic || (phrase.modal == Modal::Should && deontic) {
                continue;
            }
            let subject = i.checked_sub(1).map(|k| &words[k]);
            // First person, generic "one", indefinite "someone" and "it"
            // conclude ("Someone must have seen it", "it must have taken
            // years").
            if subject.is_some_and(|w| {
                w.quoted
                    || matches!(
                        w.lower.as_str(),
                        "i" | "we"
                            | "you"
                            | "one"
                            | "someone"
                            | "somebody"
                            | "anyone"
                            | "anybody"
                            | "whoever"
                            | "it"
                            | "this"
                            | "that"
                    )
            }) {
                continue;
            }
            let existential = subject.is_some_and(|w| w.is("there"));
            let Some(reported) = complement(g, words, &phrase, existential) else {
                continue;
            };
            let progressive = reported.lower.ends_with("ing");
            if (phrase.present || progressive) && !report {
                continue;
            }
            let severity = if report {
                g.default_severity(rule_of(phrase.modal))
            } else {
                Severity::Info
            };
            out.push(finding(g, a, words, i, &phrase, reported, severity));
        }
    }
}

fn rule_of(modal: Modal) -> Rule {
    match modal {
        Modal::Must => Rule::EvidentialMustHave,
        Modal::Should => Rule::EvidentialShouldHave,
    }
}

/// The word after the modal phrase that reports an event, if the phrase
/// reads as hearsay: a participle ("must have driven"), "been" + participle
/// ("must have been helped"), or people after "there must be/have been".
fn complement<'w>(
    g: &GrammarCheck,
    words: &'w [Word],
    phrase: &Phrase,
    existential: bool,
) -> Option<&'w Word<'w>> {
    let lex = &g.lex;
    let mut k = phrase.aux + 1;
    let next = words.get(k).filter(|w| w.joined())?;
    if existential {
        let people = if phrase.present {
            next
        } else {
            if !next.is("been") {
                return None;
            }
            k += 1;
            words.get(k).filter(|w| w.joined())?
        };
        return (lex.existential_people.contains(&people.lower) || people.number).then_some(people);
    }
    if phrase.present {
        return None;
    }
    let event = if next.is("been") {
        let after = words.get(k + 1).filter(|w| w.joined())?;
        if lex.evaluative.contains(&after.lower) {
            return None;
        }
        let progressive = after.lower.ends_with("ing") && after.lower.len() > 4;
        // "must have been joking" is mostly a native guess; reported only
        // with an attribution (see `check`).
        if !(g.is_participle(after) || progressive) {
            return None;
        }
        after
    } else {
        if !g.is_participle(next) || lex.mental_verbs.contains(&next.lower) {
            return None;
        }
        next
    };
    match phrase.modal {
        Modal::Must => Some(event),
        Modal::Should => lex
            .incident_participles
            .contains(&event.lower)
            .then_some(event),
    }
}

fn finding(
    g: &GrammarCheck,
    a: &Analysis,
    words: &[Word],
    i: usize,
    phrase: &Phrase,
    reported: &Word,
    severity: Severity,
) -> Finding {
    let span = words[i].span.start..words[phrase.aux].span.end;
    let matched = &a.text[span.clone()];
    let plural = if words.get(i.wrapping_sub(1)).is_some_and(|w| w.is("there")) {
        is_plural(reported)
    } else {
        subject_is_plural(words, i)
    };
    let be = if plural { "are" } else { "is" };
    let not = if phrase.negated { " not" } else { "" };
    let verb = if phrase.present { "be" } else { "have" };
    let fix = super::with_case_of(matched, &format!("{be} said{not} to {verb}"));
    let (source, meaning) = match (phrase.modal, phrase.negated) {
        (Modal::Must, _) => (
            "Swedish \"ska ha\", Norwegian \"skal ha\", Danish \"skal have\" or German \"soll … haben\"",
            "reportedly",
        ),
        (Modal::Should, false) => (
            "Swedish \"ska ha\", Danish \"skal have\", German \"soll … haben\" or Dutch \"zou … hebben\"",
            "reportedly",
        ),
        (Modal::Should, true) => (
            "Swedish \"ska inte ha\", Danish \"skal ikke have\", German \"soll nicht … haben\" or Dutch \"zou niet … hebben\"",
            "reportedly not",
        ),
    };
    let reads_as = match phrase.modal {
        Modal::Must => "a conclusion of the writer's",
        Modal::Should => "criticism",
    };
    let message = format!(
        "\"{matched}\" probably renders the hearsay modal ({meaning}), not {reads_as}; write \"{fix}\""
    );
    let note = format!(
        "{source} reports what others say ({meaning}); English \"{}\" reads as {reads_as}, which changes the meaning",
        match phrase.modal {
            Modal::Must => "must have",
            Modal::Should => "should have",
        }
    );
    g.finding(rule_of(phrase.modal), severity, span, message)
        .with_note(note)
        .with_suggestion(fix, false)
}

fn is_plural(w: &Word) -> bool {
    let word = w.lower.as_str();
    if w.number {
        return word != "1";
    }
    if matches!(word, "someone" | "somebody" | "one" | "a" | "an") {
        return false;
    }
    matches!(
        word,
        "people"
            | "police"
            | "children"
            | "men"
            | "women"
            | "staff"
            | "several"
            | "many"
            | "injured"
            | "dead"
            | "they"
            | "we"
            | "you"
            | "these"
            | "those"
            | "both"
    ) || (word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && !matches!(word, "he" | "she" | "it" | "this" | "his" | "its"))
}

/// Number of the subject right before the modal; a relative pronoun takes
/// its antecedent's ("the man, who must have been sitting").
fn subject_is_plural(words: &[Word], modal: usize) -> bool {
    let Some(mut k) = modal.checked_sub(1) else {
        return false;
    };
    if matches!(words[k].lower.as_str(), "who" | "which" | "that") && k > 0 {
        k -= 1;
    }
    is_plural(&words[k])
}

/// `grammar/generic-one`: "During the stay, one must also visit …" — the
/// impersonal *man* after a fronted phrase.
pub fn generic_one(g: &GrammarCheck, a: &Analysis, out: &mut Vec<Finding>) {
    for s in &a.sentences {
        let words = a.words_of(s);
        // The plan of a particular event ("During the stay, one must also
        // visit …"), not a maxim ("In order to succeed, one must …").
        let anchored = words.first().is_some_and(|w| {
            matches!(
                w.lower.as_str(),
                "during" | "after" | "before" | "later" | "then"
            )
        }) || words
            .iter()
            .take_while(|w| !w.gap.contains(','))
            .any(|w| g.lex.time_words.contains(&w.lower) && !g.lex.determiners.contains(&w.lower));
        if !anchored {
            continue;
        }
        for i in 1..words.len().saturating_sub(2) {
            let (one, modal) = (&words[i], &words[i + 1]);
            let after_comma = one.gap.trim_end().ends_with(',');
            if one.quoted
                || !one.is("one")
                || !after_comma
                || !modal.joined()
                || !matches!(modal.lower.as_str(), "must" | "should")
            {
                continue;
            }
            let span = one.span.start..modal.span.end;
            let message = format!(
                "\"{}\": the impersonal \"man\" (sv/nb/da/de) rendered word for word; name who acts or use the passive",
                &a.text[span.clone()]
            );
            out.push(
                g.finding(Rule::GenericOne, g.default_severity(Rule::GenericOne), span, message)
                    .with_note("Swedish, Norwegian, Danish and German say \"man ska\" / \"man muss\" where English news names the people who act (\"the delegation will also visit\") or uses the passive"),
            );
        }
    }
}
