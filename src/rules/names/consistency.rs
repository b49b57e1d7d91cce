//! `names/inconsistent-spelling`: one person's surname written two ways in
//! one article ("Matthias Harsch" here, "Matthias Harsh" there).

use super::text::{fold_plain, is_near_miss};
use super::DocContext;
use crate::finding::{Category, Finding, Severity};
use std::collections::HashMap;
use std::ops::Range;

pub const RULE: &str = "names/inconsistent-spelling";

/// A surname and every capitalised occurrence of it in the article.
struct Spelling<'a> {
    text: &'a str,
    folded: String,
    occurrences: Vec<Range<usize>>,
    /// Lower-cased given names it was written after.
    given: Vec<String>,
}

pub fn check(cx: &DocContext, out: &mut Vec<Finding>) {
    let mut spellings: Vec<Spelling> = Vec::new();
    let mut by_text: HashMap<&str, usize> = HashMap::new();
    for run in &cx.runs {
        let n = run.words.len();
        if n < 2 {
            continue;
        }
        let (given, surname) = (&run.words[n - 2], &run.words[n - 1]);
        if !cx.lexicon.is_given_name(given.text)
            || (given.sentence_start && cx.lexicon.is_common_word(given.text))
        {
            continue;
        }
        let index = *by_text.entry(surname.text).or_insert_with(|| {
            let folded = fold_plain(surname.text);
            spellings.push(Spelling {
                text: surname.text,
                occurrences: cx.capitalised_occurrences(&folded).to_vec(),
                folded,
                given: Vec::new(),
            });
            spellings.len() - 1
        });
        spellings[index].given.push(given.text.to_lowercase());
    }
    for a in 0..spellings.len() {
        for b in a + 1..spellings.len() {
            let (x, y) = (&spellings[a], &spellings[b]);
            let same_person = x.given.iter().any(|g| y.given.contains(g));
            if same_person && !differ_by_final_s(x.text, y.text) && is_near_miss(x.text, y.text) {
                report(cx, x, y, out);
            }
        }
    }
    report_bare_word_variants(cx, &spellings, out);
}

/// "Romer" and "Romers": a genitive without its apostrophe (Danish and
/// Swedish MT drop it), not a second spelling.
fn differ_by_final_s(a: &str, b: &str) -> bool {
    a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// A surname that also appears on its own (or after "Mr", "Ms") as an
/// English word one letter away ("Ilse Harsch ... Harsh said") was
/// translated there.
fn report_bare_word_variants(cx: &DocContext, spellings: &[Spelling], out: &mut Vec<Finding>) {
    if spellings.is_empty() {
        return;
    }
    for (folded, occurrences) in cx.standalone.iter() {
        let Some(first) = occurrences.first() else {
            continue;
        };
        let word = &cx.doc.text()[first.clone()];
        let may_be_near = |s: &Spelling| {
            s.folded.len().abs_diff(folded.len()) <= 2
                && s.folded.chars().next() == folded.chars().next()
        };
        if !spellings.iter().any(may_be_near)
            || spellings.iter().any(|s| s.folded == *folded)
            || !cx.lexicon.is_plain_english_word(word)
        {
            continue;
        }
        for spelling in spellings {
            if !differ_by_final_s(word, spelling.text)
                && is_near_miss(word, spelling.text)
                && occurrences.len() <= spelling.occurrences.len()
            {
                let bare = Spelling {
                    text: word,
                    folded: folded.clone(),
                    occurrences: occurrences.clone(),
                    given: Vec::new(),
                };
                report(cx, spelling, &bare, out);
            }
        }
    }
}

/// Reports every occurrence of the rarer of two spellings, pointing at the
/// first occurrence of the other.
fn report(cx: &DocContext, x: &Spelling, y: &Spelling, out: &mut Vec<Finding>) {
    let x_suspect =
        cx.lexicon.is_plain_english_word(x.text) && !cx.lexicon.is_plain_english_word(y.text);
    let y_suspect =
        cx.lexicon.is_plain_english_word(y.text) && !cx.lexicon.is_plain_english_word(x.text);
    let (rare, usual) = match x.occurrences.len().cmp(&y.occurrences.len()) {
        std::cmp::Ordering::Less => (x, y),
        std::cmp::Ordering::Greater => (y, x),
        std::cmp::Ordering::Equal if x_suspect => (x, y),
        std::cmp::Ordering::Equal if y_suspect => (y, x),
        // Equally frequent and no sign which is wrong: the later spelling
        // is reported, since the first mention usually carries the full name.
        std::cmp::Ordering::Equal => {
            if x.occurrences.first().map(|r| r.start) > y.occurrences.first().map(|r| r.start) {
                (x, y)
            } else {
                (y, x)
            }
        }
    };
    let Some(usual_at) = usual.occurrences.first() else {
        return;
    };
    for span in &rare.occurrences {
        let message = format!(
            "\"{}\" is written \"{}\" elsewhere in the article; one of the two spellings is wrong",
            rare.text, usual.text
        );
        let note = format!(
            "the same name is spelled \"{}\" {} time(s) and \"{}\" {} time(s): the rarer spelling is probably a translation or a typo",
            usual.text,
            usual.occurrences.len(),
            rare.text,
            rare.occurrences.len()
        );
        out.push(
            Finding::new(
                RULE,
                Category::NameGarbled,
                Severity::Warning,
                span.clone(),
                message,
            )
            .with_note(note)
            .with_suggestion(usual.text, false)
            .with_secondary(usual_at.clone(), format!("written \"{}\" here", usual.text)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::names::tests::findings;

    fn flagged(text: &str) -> Vec<(String, String)> {
        findings(text)
            .into_iter()
            .filter(|f| f.rule == super::RULE)
            .map(|f| {
                (
                    text[f.span.clone()].to_string(),
                    f.suggestions[0].replacement.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn the_rarer_spelling_of_one_persons_name_is_flagged() {
        let text = "Ingrid Halvorsen chairs it. Ingrid Halvorson said so. Halvorsen smiled.";
        assert_eq!(
            flagged(text),
            vec![("Halvorson".into(), "Halvorsen".into())]
        );
    }

    #[test]
    fn a_bare_english_word_near_a_surname_is_flagged() {
        let text = "Ilse Harsch leads the firm. The plan, Harsh said, works. Ms Harsch agreed.";
        assert_eq!(flagged(text), vec![("Harsh".into(), "Harsch".into())]);
    }

    #[test]
    fn different_people_with_similar_names_are_not() {
        assert!(flagged("Anna Hansen and Lars Jansen met Per Nilsen and Eva Nielsen.").is_empty());
        assert!(flagged("Knud Romer spoke. Knud Romers novels sell well.").is_empty());
    }
}
