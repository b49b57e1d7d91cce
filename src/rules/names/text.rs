//! Name-shaped pieces of a document: capitalised words, the runs they form
//! ("Matthias Harsch", "Jonas Gahr Støre"), and the folding and distance
//! measures the name rules compare them with.

use crate::document::{is_apostrophe, Document, TokenKind};
use std::ops::Range;

/// A capitalised word, possessive stripped ("Harsch's" → "Harsch").
#[derive(Debug, Clone)]
pub struct NameWord<'a> {
    pub text: &'a str,
    pub span: Range<usize>,
    /// The first word of its sentence, where a capital proves nothing.
    pub sentence_start: bool,
}

/// Maximal sequence of capitalised words separated only by single spaces or
/// hyphens, inside one sentence. Lower-case name particles ("van", "de",
/// "von") inside a run are kept as words of the run.
#[derive(Debug, Clone)]
pub struct NameRun<'a> {
    pub words: Vec<NameWord<'a>>,
}

const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "het", "ter", "ten", "af", "zu", "la", "le", "di", "da", "du",
];

pub fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => chars.any(char::is_lowercase),
        _ => false,
    }
}

/// Strips an English possessive ("Harsch's", "Harsch’s", "Jones'").
pub fn strip_possessive(word: &str) -> &str {
    let mut chars = word.char_indices().rev();
    match (chars.next(), chars.next()) {
        (Some((_, 's')), Some((i, c))) if is_apostrophe(c) => &word[..i],
        (Some((i, c)), _) if is_apostrophe(c) => &word[..i],
        _ => word,
    }
}

/// Splits the document into name runs (one pass over the tokens).
pub fn name_runs<'a>(doc: &'a Document) -> Vec<NameRun<'a>> {
    let text = doc.text();
    let mut runs = Vec::new();
    for sentence in doc.sentences() {
        let tokens = doc.sentence_tokens(sentence);
        let mut current: Vec<NameWord<'a>> = Vec::new();
        let mut pending_particles: Vec<NameWord<'a>> = Vec::new();
        let mut flush = |current: &mut Vec<NameWord<'a>>| {
            if !current.is_empty() {
                runs.push(NameRun {
                    words: std::mem::take(current),
                });
            }
        };
        for (i, token) in tokens.iter().enumerate() {
            let raw = &text[token.span.clone()];
            let word = strip_possessive(raw);
            let joined = i > 0 && {
                let gap = &text[tokens[i - 1].span.end..token.span.start];
                gap == " " || gap == "-" || gap == "\u{a0}"
            };
            let after_possessive = i > 0 && {
                let previous = &text[tokens[i - 1].span.clone()];
                strip_possessive(previous).len() != previous.len()
            };
            if token.kind != TokenKind::Word || !joined || after_possessive {
                flush(&mut current);
                pending_particles.clear();
            }
            if token.kind != TokenKind::Word {
                continue;
            }
            let name_word = NameWord {
                text: word,
                span: token.span.start..token.span.start + word.len(),
                sentence_start: i == 0,
            };
            if is_capitalised(word) {
                current.append(&mut pending_particles);
                current.push(name_word);
            } else if !current.is_empty() && PARTICLES.contains(&word) {
                pending_particles.push(name_word);
            } else {
                flush(&mut current);
                pending_particles.clear();
            }
        }
        flush(&mut current);
    }
    runs
}

/// Lower-cases and strips diacritics the way English text often respells
/// Nordic and German names: "Støre" → "store", "Müller" → "muller".
pub fn fold_plain(word: &str) -> String {
    fold_with(word, false)
}

/// Like [`fold_plain`] but with the German/Nordic expansions: "Müller" →
/// "mueller", "Øvergård" → "oevergaard".
pub fn fold_expanded(word: &str) -> String {
    fold_with(word, true)
}

fn fold_with(word: &str, expand: bool) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let replacement: &str = match c {
            'ä' | 'æ' => {
                if expand {
                    "ae"
                } else {
                    "a"
                }
            }
            'ö' | 'ø' | 'œ' => {
                if expand {
                    "oe"
                } else {
                    "o"
                }
            }
            'ü' => {
                if expand {
                    "ue"
                } else {
                    "u"
                }
            }
            'å' => {
                if expand {
                    "aa"
                } else {
                    "a"
                }
            }
            'ß' => "ss",
            'á' | 'à' | 'â' | 'ã' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'í' | 'ì' | 'î' | 'ï' => "i",
            'ó' | 'ò' | 'ô' | 'õ' => "o",
            'ú' | 'ù' | 'û' => "u",
            'ý' | 'ÿ' => "y",
            'ç' | 'č' | 'ć' => "c",
            'ñ' | 'ń' => "n",
            'š' | 'ś' => "s",
            'ž' | 'ź' | 'ż' => "z",
            'ł' => "l",
            'ð' => "d",
            'þ' => "th",
            c if is_apostrophe(c) => "'",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(replacement);
    }
    out
}

/// Whether two spellings are the same name written with or without
/// diacritics ("Støre"/"Store", "Müller"/"Mueller"): a respelling English
/// style guides allow, not an error.
pub fn same_modulo_diacritics(a: &str, b: &str) -> bool {
    let (pa, pb) = (fold_plain(a), fold_plain(b));
    pa == pb
        || fold_expanded(a) == fold_expanded(b)
        || fold_expanded(a) == pb
        || pa == fold_expanded(b)
}

/// Whether `observed` is a near miss of `expected`: same first letter, one
/// edit away (two for longer names), and not a mere diacritics respelling.
pub fn is_near_miss(observed: &str, expected: &str) -> bool {
    // Cheap rejection before any folding: folding changes a length by at
    // most one character per letter with diacritics.
    if observed.chars().count().abs_diff(expected.chars().count()) > 3 {
        return false;
    }
    if same_modulo_diacritics(observed, expected) {
        return false;
    }
    let (o, e) = (fold_plain(observed), fold_plain(expected));
    if o.chars().next() != e.chars().next() {
        return false;
    }
    let longest = o.chars().count().max(e.chars().count());
    let distance = strsim::damerau_levenshtein(&o, &e);
    let allowed = match longest {
        0..=2 => 0,
        3..=7 => 1,
        _ => 2,
    };
    distance > 0 && distance <= allowed
}

/// Whether `observed` is the accepted ASCII transliteration of `expected`
/// ("Soeder" for Söder, "Mueller" for Müller), as opposed to a spelling
/// that merely drops the diacritics ("Soder", "Store" for Støre).
pub fn is_transliteration(observed: &str, expected: &str) -> bool {
    observed.is_ascii()
        && fold_expanded(observed) == fold_expanded(expected)
        && fold_plain(observed) != fold_plain(expected)
}

/// Words that follow a name without being something it possesses.
const AFTER_NAME: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "explains",
    "stated",
    "states",
    "is",
    "was",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "did",
    "does",
    "and",
    "or",
    "who",
    "which",
    "that",
    "also",
    "himself",
    "herself",
    "in",
    "on",
    "at",
    "to",
    "from",
    "of",
    "for",
    "with",
    "by",
    "as",
];

/// "Knud Romers novels": a Scandinavian genitive without its apostrophe
/// (`observed` is `expected` plus "s" and a possessed word follows), not a
/// second spelling of the name.
pub fn is_bare_genitive(observed: &str, expected: &str, following: &str) -> bool {
    observed.strip_suffix('s') == Some(expected)
        && following.strip_prefix(' ').is_some_and(|rest| {
            let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            next.starts_with(char::is_lowercase) && !AFTER_NAME.contains(&next.as_str())
        })
}

/// Whether a sentence is set in title case (a headline), where capitals do
/// not mark names.
pub fn is_title_case(doc: &Document, sentence: usize) -> bool {
    let sentence = &doc.sentences()[sentence];
    let words: Vec<&str> = doc
        .sentence_tokens(sentence)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.token_text(t))
        .filter(|w| w.chars().count() > 3)
        .collect();
    words.len() >= 3
        && words
            .iter()
            .all(|w| is_capitalised(w) || w.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::InputFormat;

    fn runs(text: &str) -> Vec<Vec<String>> {
        let doc = Document::new(text.to_string(), InputFormat::Text);
        name_runs(&doc)
            .iter()
            .map(|r| r.words.iter().map(|w| w.text.to_string()).collect())
            .collect()
    }

    #[test]
    fn runs_group_capitalised_words_and_particles() {
        assert_eq!(
            runs("As Lee Jun said, Ursula von der Leyen's plan and Jan de Jong agreed."),
            vec![
                vec!["As", "Lee", "Jun"],
                vec!["Ursula", "von", "der", "Leyen"],
                vec!["Jan", "de", "Jong"],
            ]
        );
    }

    #[test]
    fn runs_stop_at_punctuation_and_possessives() {
        assert_eq!(
            runs("Harsch, Leica's chief, met Karl-Heinz Rummenigge’s team."),
            vec![
                vec!["Harsch"],
                vec!["Leica"],
                vec!["Karl", "Heinz", "Rummenigge"],
            ]
        );
    }

    #[test]
    fn diacritics_respellings_are_not_near_misses() {
        assert!(same_modulo_diacritics("Støre", "Store"));
        assert!(same_modulo_diacritics("Müller", "Mueller"));
        assert!(same_modulo_diacritics("Åsa", "Aasa"));
        assert!(!is_near_miss("Store", "Støre"));
        assert!(is_near_miss("Harsh", "Harsch"));
        assert!(is_near_miss("Lee", "Lei"));
        assert!(is_near_miss("Blachmann", "Blachman"));
        assert!(!is_near_miss("Berg", "Bergman"));
        assert!(is_bare_genitive("Romers", "Romer", " novels sell well"));
        assert!(!is_bare_genitive("Bass", "Bas", " said so"));
        assert!(!is_bare_genitive("Bass", "Bas", ", the minister"));
        assert!(!is_near_miss("Kee", "Lei"));
    }
}
