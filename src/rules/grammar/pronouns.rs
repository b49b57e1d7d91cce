//! `grammar/pronoun-gender-person`, `grammar/pronoun-gender-organisation` and
//! `grammar/police-singular`: pronouns and agreement that follow the source
//! language's grammar instead of the referent.
//!
//! Every sentence is read once for the people it mentions (gendered nouns,
//! given names, role nouns, capitalised names of unknown sex), its gendered
//! pronouns and whether an organisation is its subject. A pronoun is only
//! flagged when nothing of its own gender, and no one of unknown gender, is
//! mentioned between it and the person or organisation it seems to refer to.

use super::analysis::{Analysis, Word};
use super::{GrammarCheck, Rule};
use crate::finding::Finding;
use std::ops::Range;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Gender {
    Female,
    Male,
    Unknown,
}

impl Gender {
    fn other(self) -> Gender {
        match self {
            Gender::Female => Gender::Male,
            Gender::Male => Gender::Female,
            Gender::Unknown => Gender::Unknown,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Gender::Female => "a woman",
            Gender::Male => "a man",
            Gender::Unknown => "someone",
        }
    }
}

struct Mention {
    /// Index into [`Analysis::words`].
    word: usize,
    gender: Gender,
}

struct Pronoun {
    word: usize,
    gender: Gender,
    quoted: bool,
}

#[derive(Default)]
struct Refs {
    persons: Vec<Mention>,
    pronouns: Vec<Pronoun>,
    /// The organisation the sentence is about (its subject): word index and
    /// whether it is the police (plural in English).
    organisation: Option<(usize, bool)>,
}

pub fn check(g: &GrammarCheck, a: &Analysis, out: &mut Vec<Finding>) {
    let refs: Vec<Refs> = a
        .sentences
        .iter()
        .map(|s| read(g, a, s.words.clone()))
        .collect();
    let mut flagged = Vec::new();
    person_gender(g, a, &refs, &mut flagged, out);
    role_gender(g, a, &refs, &mut flagged, out);
    organisation_gender(g, a, &refs, &flagged, out);
    police_singular(g, a, out);
}

fn gender_of_pronoun(word: &str) -> Option<Gender> {
    match word {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Capitalised but not an acronym ("Anna", not "SVT").
fn is_name_like(w: &Word) -> bool {
    w.is_capitalised() && (w.text.chars().count() == 1 || w.text.chars().any(char::is_lowercase))
}

fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word)
}

fn read(g: &GrammarCheck, a: &Analysis, range: Range<usize>) -> Refs {
    let lex = &g.lex;
    let words = &a.words[range.clone()];
    let mut refs = Refs::default();
    let mut k = 0;
    while k < words.len() {
        let w = &words[k];
        let at = range.start + k;
        if let Some(gender) = gender_of_pronoun(&w.lower) {
            refs.pronouns.push(Pronoun {
                word: at,
                gender,
                quoted: w.quoted,
            });
            k += 1;
            continue;
        }
        let key = without_possessive(&w.lower);
        // A capitalised "King" or "Bishop" mid-sentence is a surname.
        let common = w.is_lower() || k == 0;
        let noun_gender = if !common {
            None
        } else if lex.female_nouns.contains(key) {
            Some(Gender::Female)
        } else if lex.male_nouns.contains(key) {
            Some(Gender::Male)
        } else if lex.person_nouns.contains(key) {
            Some(Gender::Unknown)
        } else {
            None
        };
        if let Some(gender) = noun_gender {
            // "the group leader Anna Weber": the name that follows a role
            // noun tells its gender.
            let named = words
                .get(k + 1)
                .filter(|n| n.joined() && gender == Gender::Unknown && is_name_like(n));
            if let Some(name) = named {
                let given = given_name_gender(g, without_possessive(name.text));
                refs.persons.push(Mention {
                    word: at,
                    gender: given.unwrap_or(Gender::Unknown),
                });
                k += 1;
                while words
                    .get(k)
                    .is_some_and(|n| is_name_like(n) && n.gap.chars().all(|c| c == ' ' || c == '-'))
                {
                    k += 1;
                }
                continue;
            }
            refs.persons.push(Mention { word: at, gender });
            k += 1;
            continue;
        }
        if is_name_like(w) && !lex.function_words.contains(&w.lower) {
            // A run of capitalised words: a name, unless an organisation
            // noun is part of it ("Oulu University Hospital").
            let mut end = k + 1;
            while end < words.len()
                && words[end].gap.chars().all(|c| c == ' ' || c == '-')
                && is_name_like(&words[end])
            {
                end += 1;
            }
            let run = &words[k..end];
            let organisation = run
                .iter()
                .any(|x| lex.organisations.contains(without_possessive(&x.lower)));
            let given = run
                .iter()
                .find_map(|x| given_name_gender(g, without_possessive(x.text)));
            let beside_attribution = |i: Option<usize>| {
                i.and_then(|i| words.get(i))
                    .is_some_and(|x| lex.attribution_verbs.contains(&x.lower))
            };
            let gender = match given {
                _ if organisation => None,
                // A given name alone may be a surname ("Ruth made …").
                Some(gender) if run.len() > 1 => Some(gender),
                Some(_) => Some(Gender::Unknown),
                None if k > 0 && run.len() > 1 => Some(Gender::Unknown),
                None if k > 0
                    && (beside_attribution(k.checked_sub(1)) || beside_attribution(Some(end))) =>
                {
                    Some(Gender::Unknown)
                }
                None => None,
            };
            if let Some(gender) = gender {
                refs.persons.push(Mention { word: at, gender });
            }
            if refs.organisation.is_none() && organisation && refs.persons.is_empty() && k <= 4 {
                refs.organisation = organisation_subject(g, words, k, end - 1)
                    .map(|o| (range.start + o, words[o].is("police")));
            }
            k = end;
            continue;
        }
        if refs.organisation.is_none() && refs.persons.is_empty() && k <= 4 {
            refs.organisation = organisation_subject(g, words, k, k).map(|o| {
                let police = words[o].is("police");
                (range.start + o, police)
            });
        }
        k += 1;
    }
    refs
}

fn given_name_gender(g: &GrammarCheck, name: &str) -> Option<Gender> {
    if g.lex.female_names.contains(name) {
        Some(Gender::Female)
    } else if g.lex.male_names.contains(name) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Whether the words `from..=to` of a sentence are an organisation that is
/// the subject: the sentence opens with it (after determiners and
/// modifiers) and the next word is not a person it modifies ("the police
/// officer").
fn organisation_subject(g: &GrammarCheck, words: &[Word], from: usize, to: usize) -> Option<usize> {
    let lex = &g.lex;
    let head = &words[to];
    let is_organisation = lex.organisations.contains(&head.lower)
        || lex.organisation_phrases.iter().any(|phrase| {
            phrase.len() <= to + 1
                && phrase
                    .iter()
                    .rev()
                    .zip(words[..=to].iter().rev())
                    .all(|(p, w)| *p == w.lower)
        });
    if !is_organisation || words.iter().take(to + 1).skip(1).any(Word::after_break) {
        return None;
    }
    let opener_ok = words[..from].iter().enumerate().all(|(i, w)| {
        !(i == 0 && (lex.prepositions.contains(&w.lower) || w.is("according")))
            && !lex.subject_pronouns.contains(&w.lower)
            && !lex.auxiliaries.contains(&w.lower)
            && !lex.copulas.contains(&w.lower)
            && !w.text.contains(['\'', '\u{2019}'])
    });
    let next_is_person = words.get(to + 1).is_some_and(|n| {
        let key = without_possessive(&n.lower);
        lex.person_nouns.contains(key)
            || lex.female_nouns.contains(key)
            || lex.male_nouns.contains(key)
            || lex.organisations.contains(key)
    });
    (opener_ok && !next_is_person && !head.lower.ends_with("'s")).then_some(to)
}

/// The replacement pronoun of the other gender (or for an organisation).
fn swap(g: &GrammarCheck, a: &Analysis, word: usize, to: Option<Gender>, police: bool) -> String {
    let w = &a.words[word];
    let next = a
        .words
        .get(word + 1)
        .filter(|n| n.joined() && n.span.start > w.span.start);
    let possessive = next.is_some_and(|n| {
        !g.lex.prepositions.contains(&n.lower)
            && !g.lex.auxiliaries.contains(&n.lower)
            && !g.lex.copulas.contains(&n.lower)
            && !matches!(
                n.lower.as_str(),
                "and" | "or" | "but" | "that" | "who" | "to"
            )
    }) && a
        .sentences
        .iter()
        .any(|s| s.words.contains(&word) && s.words.contains(&(word + 1)));
    let replacement = match (w.lower.as_str(), to) {
        ("he", Some(Gender::Female)) => "she",
        ("him", Some(Gender::Female)) => "her",
        ("his", Some(Gender::Female)) => "her",
        ("himself", Some(Gender::Female)) => "herself",
        ("she", Some(Gender::Male)) => "he",
        ("her", Some(Gender::Male)) => {
            if possessive {
                "his"
            } else {
                "him"
            }
        }
        ("hers", Some(Gender::Male)) => "his",
        ("herself", Some(Gender::Male)) => "himself",
        ("he" | "she", _) if police => "they",
        ("him" | "her", _) if police && !possessive => "them",
        ("his" | "her" | "hers", _) if police => "their",
        ("himself" | "herself", _) if police => "themselves",
        ("he" | "she", _) => "it",
        ("his" | "her" | "hers", _) if possessive || w.lower != "her" => "its",
        ("himself" | "herself", _) => "itself",
        _ => "it",
    };
    super::with_case_of(w.text, replacement)
}

/// Mentions of people in sentence `s` before word `before` (or all of them).
fn persons_in(refs: &[Refs], s: usize, before: usize) -> impl Iterator<Item = &Mention> {
    refs[s].persons.iter().filter(move |m| m.word < before)
}

/// Whether sentences `window` mention someone of `gender` or of unknown
/// gender, or use a pronoun of `gender`.
fn window_has(refs: &[Refs], window: Range<usize>, gender: Gender) -> bool {
    window.into_iter().any(|s| {
        refs[s]
            .persons
            .iter()
            .any(|m| m.gender == gender || m.gender == Gender::Unknown)
            || refs[s].pronouns.iter().any(|p| p.gender == gender)
    })
}

/// "A 45-year-old woman has been remanded. He was arrested at the scene."
/// Two shapes, both within one paragraph: a sentence opening with "He/She"
/// right after a sentence that names exactly one person, of the other sex;
/// and "his/her" in a sentence whose subject is a person of the other sex
/// and who is the only person named so far.
fn person_gender(
    g: &GrammarCheck,
    a: &Analysis,
    refs: &[Refs],
    flagged: &mut Vec<usize>,
    out: &mut Vec<Finding>,
) {
    for (s, here) in refs.iter().enumerate() {
        let Some(p) = here.pronouns.iter().find(|p| !p.quoted) else {
            continue;
        };
        let sentence = &a.sentences[s];
        let opens = p.word == sentence.words.start
            && matches!(a.words[p.word].lower.as_str(), "he" | "she");
        let possessive = matches!(a.words[p.word].lower.as_str(), "his" | "her");
        let earlier_here: Vec<&Mention> = persons_in(refs, s, p.word).collect();
        let antecedent = if opens && !sentence.first_in_paragraph {
            // The sentence before names exactly one person, of the other sex.
            match refs[s - 1].persons.as_slice() {
                [only] if only.gender == p.gender.other() => Some(only),
                _ => None,
            }
        } else if possessive {
            // The subject is the only person so far in the sentence.
            match earlier_here.as_slice() {
                [only]
                    if only.gender == p.gender.other()
                        && only.word < sentence.words.start + 4
                        && !here.pronouns.iter().any(|q| q.word < p.word) =>
                {
                    Some(*only)
                }
                _ => None,
            }
        } else {
            None
        };
        let Some(antecedent) = antecedent else {
            continue;
        };
        // Nobody of the pronoun's sex, or of unknown sex, in the paragraph's
        // two previous sentences.
        let paragraph_start = (0..=s)
            .rev()
            .find(|&k| a.sentences[k].first_in_paragraph)
            .unwrap_or(0);
        let window = s.saturating_sub(2).max(paragraph_start)..s;
        if window_has(refs, window, p.gender) {
            continue;
        }
        flagged.push(p.word);
        out.push(person_finding(g, a, p, antecedent));
    }
}

fn person_finding(g: &GrammarCheck, a: &Analysis, p: &Pronoun, antecedent: &Mention) -> Finding {
    let word = &a.words[p.word];
    let fix = swap(g, a, p.word, Some(p.gender.other()), false);
    let named = &a.text[a.words[antecedent.word].span.clone()];
    let message = format!(
        "\"{}\" seems to refer to {} (\"{named}\"); write \"{fix}\"",
        word.text,
        antecedent.gender.noun()
    );
    g.finding(
        Rule::PronounGenderPerson,
        g.default_severity(Rule::PronounGenderPerson),
        word.span.clone(),
        message,
    )
    .with_note("the source pronoun has no gender (Finnish \"hän\", Estonian \"tema\", Hungarian \"ő\", Turkish \"o\"), so MT guessed one; the only person it can refer to is of the other sex")
    .with_secondary(a.words[antecedent.word].span.clone(), format!("{} named here", antecedent.gender.noun()))
    .with_suggestion(fix, false)
}

/// "The mother … is suspected of murder. … the suspect … his injuries."
fn role_gender(
    g: &GrammarCheck,
    a: &Analysis,
    refs: &[Refs],
    flagged: &mut Vec<usize>,
    out: &mut Vec<Finding>,
) {
    let lex = &g.lex;
    // Per role: the person it was given to (word index and gender), or
    // `None` once two people of different sex have held it.
    let mut bound: Vec<Option<Option<&Mention>>> = vec![None; lex.roles.len()];
    for (s, sentence) in a.sentences.iter().enumerate() {
        let range = sentence.words.clone();
        for (role, binding) in lex.roles.iter().zip(&bound) {
            let Some(Some(holder)) = binding else {
                continue;
            };
            for r in range.clone() {
                let w = &a.words[r];
                let definite = r > range.start && a.words[r - 1].is("the");
                if w.quoted || !definite || !role.nouns.contains(&w.lower) {
                    continue;
                }
                let pronoun = refs[s].pronouns.iter().find(|p| p.word > r && !p.quoted);
                let Some(p) = pronoun else { continue };
                let someone_between = refs[s]
                    .persons
                    .iter()
                    .any(|m| m.word > r && m.word < p.word);
                if p.gender != holder.gender && !someone_between && !flagged.contains(&p.word) {
                    flagged.push(p.word);
                    out.push(person_finding(g, a, p, holder));
                }
            }
        }
        bind_roles(g, a, &refs[s], range, &mut bound);
    }
}

/// Gives a role to the sentence's first gendered person when a passive role
/// verb follows ("The mother … is suspected", "a woman has been arrested").
fn bind_roles<'r>(
    g: &GrammarCheck,
    a: &Analysis,
    refs: &'r Refs,
    range: Range<usize>,
    bound: &mut [Option<Option<&'r Mention>>],
) {
    let Some(first) = refs
        .persons
        .iter()
        .find(|m| m.gender != Gender::Unknown && !a.words[m.word].quoted)
    else {
        return;
    };
    for (role, binding) in g.lex.roles.iter().zip(bound.iter_mut()) {
        let passive = (first.word + 1..range.end).find(|&v| {
            role.verbs.contains(&a.words[v].lower)
                && (v.saturating_sub(2)..v).any(|b| {
                    b > first.word
                        && matches!(
                            a.words[b].lower.as_str(),
                            "is" | "was" | "were" | "are" | "been" | "be" | "being"
                        )
                })
        });
        let Some(verb) = passive else { continue };
        let rival = refs
            .persons
            .iter()
            .any(|m| m.word < verb && m.gender == first.gender.other());
        *binding = match binding {
            _ if rival => Some(None),
            None => Some(Some(first)),
            Some(Some(holder)) if holder.gender == first.gender => Some(Some(first)),
            Some(_) => Some(None),
        };
    }
}

/// "The coalition wants … She also plans …", "The police said in his
/// announcement …".
fn organisation_gender(
    g: &GrammarCheck,
    a: &Analysis,
    refs: &[Refs],
    flagged: &[usize],
    out: &mut Vec<Finding>,
) {
    for (s, here) in refs.iter().enumerate() {
        // The organisation is this sentence's subject and owns the
        // pronoun's noun.
        if let Some((org, police)) = here.organisation {
            for p in here.pronouns.iter().filter(|p| p.word > org && !p.quoted) {
                let owned = a
                    .words
                    .get(p.word + 1)
                    .is_some_and(|n| n.joined() && g.lex.owned_nouns.contains(&n.lower));
                let possessive = matches!(a.words[p.word].lower.as_str(), "his" | "her");
                // Anyone of that gender here or in the sentence before may
                // own the noun instead ("Her party … her coalition partners").
                let person_nearby = persons_in(refs, s, p.word).next().is_some()
                    || here
                        .pronouns
                        .iter()
                        .any(|q| q.word < p.word && q.gender == p.gender)
                    || window_has(refs, s.saturating_sub(1)..s, p.gender);
                if !owned || !possessive || person_nearby {
                    continue;
                }
                out.push(organisation_finding(g, a, p, org, police));
            }
        }
        // The previous sentence is about the organisation and no one else;
        // this one opens with "She"/"He".
        let Some(previous) = s.checked_sub(1) else {
            continue;
        };
        let Some((org, police)) = refs[previous].organisation else {
            continue;
        };
        let Some(p) = here.pronouns.first() else {
            continue;
        };
        let sentence = &a.sentences[s];
        if p.quoted
            || p.word != sentence.words.start
            || sentence.first_in_paragraph
            || flagged.contains(&p.word)
        {
            continue;
        }
        let before_previous = previous.saturating_sub(1)..previous;
        if !refs[previous].persons.is_empty()
            || refs[previous].pronouns.iter().any(|q| q.gender == p.gender)
            || window_has(refs, before_previous, p.gender)
        {
            continue;
        }
        out.push(organisation_finding(g, a, p, org, police));
    }
}

fn organisation_finding(
    g: &GrammarCheck,
    a: &Analysis,
    p: &Pronoun,
    org: usize,
    police: bool,
) -> Finding {
    let word = &a.words[p.word];
    let fix = swap(g, a, p.word, None, police);
    let named = a.words[org].text;
    let message = format!(
        "\"{}\" refers to the organisation \"{named}\"; write \"{fix}\"",
        word.text
    );
    g.finding(
        Rule::PronounGenderOrganisation,
        g.default_severity(Rule::PronounGenderOrganisation),
        word.span.clone(),
        message,
    )
    .with_note("German, French, Spanish, Italian and Polish nouns have grammatical gender (die Regierung, la police, le gouvernement) and MT carries it over; in English an organisation is \"it\", the police \"they\"")
    .with_secondary(a.words[org].span.clone(), "the organisation")
    .with_suggestion(fix, false)
}

/// "The police is searching", "Police asks for tips".
fn police_singular(g: &GrammarCheck, a: &Analysis, out: &mut Vec<Finding>) {
    for (i, w) in a.words.iter().enumerate() {
        // "caught by the police is probably guilty": the verb is not theirs.
        let object =
            (i.saturating_sub(2)..i).any(|k| g.lex.prepositions.contains(&a.words[k].lower));
        if !w.is("police") || w.quoted || object {
            continue;
        }
        let Some(verb) = a.words.get(i + 1).filter(|v| {
            v.joined() && v.is_lower() && g.lex.police_singular_verbs.contains(&v.lower)
        }) else {
            continue;
        };
        // The next word must belong to the same sentence.
        if a.text[w.span.end..verb.span.start].contains(['.', '\n']) {
            continue;
        }
        let plural = plural_verb(&verb.lower);
        let span = w.span.start..verb.span.end;
        let fix = format!("{} {plural}", w.text);
        let message = format!(
            "\"{}\": \"police\" is plural in English; write \"{fix}\"",
            &a.text[span.clone()]
        );
        out.push(
            g.finding(
                Rule::PoliceSingular,
                g.default_severity(Rule::PoliceSingular),
                span,
                message,
            )
            .with_note("Swedish \"polisen\", Norwegian \"politiet\", German \"die Polizei\" and Dutch \"de politie\" are singular nouns, so MT keeps a singular verb")
            .with_suggestion(fix, true),
        );
    }
}

fn plural_verb(verb: &str) -> String {
    match verb {
        "is" => "are".into(),
        "was" => "were".into(),
        "has" => "have".into(),
        "does" => "do".into(),
        "doesn't" => "don't".into(),
        "hasn't" => "haven't".into(),
        "isn't" => "aren't".into(),
        "wasn't" => "weren't".into(),
        _ if ["sses", "shes", "ches", "xes", "zes"]
            .iter()
            .any(|e| verb.ends_with(e)) =>
        {
            verb[..verb.len() - 2].to_string()
        }
        _ if verb.ends_with("ies") => format!("{}y", &verb[..verb.len() - 3]),
        _ => verb.strip_suffix('s').unwrap_or(verb).to_string(),
    }
}
