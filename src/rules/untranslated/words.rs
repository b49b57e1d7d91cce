//! How each word token looks to the untranslated rules: plainly English, a
//! name, unknown, or foreign (by frequency, glossary or spelling), and whether
//! the article itself explains a foreign word.

use super::glossary::{Gloss, Glossary};
use super::lexicon::{Frequencies, Lexicon};
use crate::document::{is_apostrophe, Document, Sentence, TokenKind};
use std::ops::Range;

/// A source-language word is suspect when it is at least this common there
/// (Zipf in tenths: 3.0 is about one occurrence per million words)...
const MIN_SOURCE_ZIPF: u8 = 30;
/// ...at most this common in English (Zipf 2.0 is one per hundred million)...
const MAX_ENGLISH_ZIPF: u8 = 20;
/// ...and this much more common in the source language than in English.
const MIN_MARGIN: u8 = 15;
/// A word reported on its own by frequency alone must be practically absent
/// from English (Zipf 1.0 is one occurrence per billion words).
const MAX_ENGLISH_ZIPF_ALONE: u8 = 15;
/// Function words this much more common in a source language ("och", "und",
/// "het") lean foreign even though English text contains them now and then.
const LEANING_MARGIN: u8 = 25;
/// Words this common in English are plainly English...
const ENGLISH_ZIPF: u8 = 35;
/// ...unless they are at least this common in a source language too.
const SHARED_SOURCE_ZIPF: u8 = 50;
/// A foreign word at most this many words after a capitalised foreign name
/// may belong to it.
const MAX_NAME_GAP: usize = 1;
/// Shorter words are too often abbreviations, initials or typos.
const MIN_WORD_CHARS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A common English word.
    English,
    /// A name, acronym or number: says nothing about the language.
    Neutral,
    /// In no list: a rare English word or a rare foreign one.
    Unknown,
    /// Common in English and even more common in a source language ("die",
    /// "was", "man"): it can sit inside a foreign passage without ending it.
    Shared,
    /// A function word far more common in a source language ("och", "und").
    Leaning,
    /// Common in a source language and rare in English, or in the glossary.
    Foreign,
    /// In no list but spelt with letters English does not use ("vaktkommandør").
    ForeignSpelling,
}

impl Class {
    pub fn is_foreign(self) -> bool {
        matches!(
            self,
            Class::Leaning | Class::Foreign | Class::ForeignSpelling
        )
    }

    /// Evidence strong enough to report a word on its own.
    pub fn is_strong(self) -> bool {
        matches!(self, Class::Foreign | Class::ForeignSpelling)
    }
}

/// Whether the quotation around `span` cites foreign text inside an English
/// sentence ("Merkel's famous \"Wir schaffen das\""): the quotation holds at
/// least as many foreign words as English ones and the sentence has words
/// outside it. A translated quotation with a word left in it is not one.
pub fn is_foreign_citation(
    text: &str,
    words: &[Word],
    span: &Range<usize>,
    sentence: &Range<usize>,
) -> bool {
    let Some(quote) = enclosing_quotation(text, span, sentence) else {
        return false;
    };
    let inside = |w: &&Word| quote.start <= w.span.start && w.span.end <= quote.end;
    let foreign = words
        .iter()
        .filter(inside)
        .filter(|w| w.class.is_foreign())
        .count();
    let english = words
        .iter()
        .filter(inside)
        .filter(|w| w.class == Class::English)
        .count();
    let outside = words.iter().filter(|w| !inside(w)).count();
    foreign >= english && outside >= 2
}

/// Whether the word at `index` continues a name or title that starts with a
/// capitalised word English does not know ("Stockholms län", "Kvinnor i
/// konsten"): a foreign word there is part of the name.
pub fn continues_foreign_name(words: &[Word], index: usize) -> bool {
    words[..index].iter().rev().take(MAX_NAME_GAP + 1).any(|w| {
        w.class == Class::Neutral
            && w.capitalised
            && !w.initial
            && w.frequencies.is_none_or(|f| f.english < ENGLISH_ZIPF)
    })
}

/// One classified token.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub span: Range<usize>,
    pub class: Class,
    /// The token starts a sentence (or a quote or a label), so a capital says
    /// nothing about it being a name.
    pub initial: bool,
    pub lowercase: bool,
    /// Written with a capital and then lower case ("Stockholms", not "EU").
    pub capitalised: bool,
    pub frequencies: Option<Frequencies>,
    pub glosses: &'a [Gloss],
}

impl Word<'_> {
    /// A word that may be reported on its own: foreign and written in lower
    /// case, or a capitalised glossary entry (a German noun) mid-sentence.
    fn reportable_alone(&self) -> bool {
        self.class.is_strong() && (self.lowercase || !self.initial && !self.glosses.is_empty())
    }

    /// Whether the word is evidence enough on its own, without lingua or
    /// neighbours: a glossary word, a foreign spelling (lingua still judges
    /// it), or a lexicon word that English practically never uses and that is
    /// neither an English derivation ("segmenter") nor a misspelt English
    /// word ("speling"). Parts of hyphenated words are left alone.
    pub fn stands_alone(&self, text: &str, lexicon: &Lexicon) -> bool {
        if !self.reportable_alone() || is_hyphenated(text, &self.span) {
            return false;
        }
        if !self.glosses.is_empty() || self.class == Class::ForeignSpelling {
            return true;
        }
        let lower = text[self.span.clone()].to_lowercase();
        self.frequencies
            .is_some_and(|f| f.english <= MAX_ENGLISH_ZIPF_ALONE)
            && lower.chars().count() > MIN_WORD_CHARS
            && !looks_english(&lower, lexicon)
    }
}

/// A word split by a hyphen: the tail of a compound ("con-sult") or a word
/// broken at the end of a line ("continu- ally").
fn is_hyphenated(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].chars().next_back();
    let mut after = text[span.end..].chars();
    matches!(before, Some('-' | '\u{ad}'))
        || (matches!(after.next(), Some('-' | '\u{ad}'))
            && after.next().is_none_or(char::is_whitespace))
}

/// English endings that make rare but regular English words from common ones
/// ("segment" + "er", "match" + "ing").
#[rustfmt::skip]
const ENGLISH_SUFFIXES: &[&str] = &[
    "ers", "er", "ings", "ing", "ed", "es", "s", "ly", "ness", "ments", "ment", "able", "ism",
    "ist", "ists", "ized", "ised", "ize", "ise",
];

/// Whether a word is a regular English derivation of a common English word,
/// or one edit (a letter dropped, added, changed or swapped) away from one.
fn looks_english(lower: &str, lexicon: &Lexicon) -> bool {
    let common = |w: &str| {
        w.chars().count() >= MIN_WORD_CHARS
            && lexicon.get(w).is_some_and(|f| f.english >= ENGLISH_ZIPF)
    };
    let derived = ENGLISH_SUFFIXES.iter().any(|suffix| {
        lower.strip_suffix(suffix).is_some_and(|stem| {
            common(stem) || common(&format!("{stem}e")) || undouble(stem).is_some_and(common)
        })
    });
    derived || one_edit_away(lower).iter().any(|w| common(w))
}

/// "shipp" -> "ship": the stem before a doubled consonant.
fn undouble(stem: &str) -> Option<&str> {
    let mut chars = stem.chars().rev();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a == b => Some(&stem[..stem.len() - a.len_utf8()]),
        _ => None,
    }
}

/// Every string one deletion, transposition, substitution or insertion of
/// an ASCII letter away from `word`.
fn one_edit_away(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let mut out = Vec::with_capacity(54 * (n + 1));
    let mut push = |c: Vec<char>| out.push(c.into_iter().collect::<String>());
    for i in 0..n {
        let mut c = chars.clone();
        c.remove(i);
        push(c);
        if i > 0 {
            let mut c = chars.clone();
            c.swap(i - 1, i);
            push(c);
        }
    }
    for letter in 'a'..='z' {
        for i in 0..=n {
            if i < n {
                let mut c = chars.clone();
                c[i] = letter;
                push(c);
            }
            let mut c = chars.clone();
            c.insert(i, letter);
            push(c);
        }
    }
    out
}

/// Classifies the tokens of one sentence. `lower` is a scratch buffer.
pub fn classify<'g>(
    doc: &Document,
    sentence: &Sentence,
    lexicon: &Lexicon,
    glossary: &'g Glossary,
    lower: &mut String,
) -> Vec<Word<'g>> {
    let text = doc.text();
    let mut words = Vec::with_capacity(sentence.tokens.len());
    for token in doc.sentence_tokens(sentence) {
        let raw = &text[token.span.clone()];
        let (core, span) = strip_possessive(raw, token.span.clone());
        let initial = is_initial(text, sentence.span.start, span.start);
        let mut word = Word {
            span: span.clone(),
            class: Class::Neutral,
            initial,
            lowercase: false,
            capitalised: false,
            frequencies: None,
            glosses: &[],
        };
        if token.kind == TokenKind::Number
            || !core.chars().all(char::is_alphabetic)
            || is_in_address(text, &span)
        {
            words.push(word);
            continue;
        }
        lower.clear();
        lower.extend(core.chars().flat_map(char::to_lowercase));
        let capitalised = core.chars().next().is_some_and(char::is_uppercase);
        let all_caps = core.chars().count() > 1 && !core.chars().any(char::is_lowercase);
        word.lowercase = !capitalised;
        word.capitalised = capitalised && !all_caps;
        word.glosses = glossary.lookup(core, lower);
        word.frequencies = lexicon.get(lower).copied();
        word.class = if all_caps {
            Class::Neutral
        } else if glossary.is_loanword(lower) {
            Class::English
        } else if capitalised && !initial && word.glosses.is_empty() {
            Class::Neutral
        } else {
            if capitalised && word.glosses.is_empty() {
                // A sentence-initial word counts by its lower-case entry.
                word.glosses = glossary.lookup_lower(lower);
            }
            classify_by_frequency(lower, word.frequencies, !word.glosses.is_empty())
        };
        words.push(word);
    }
    words
}

fn classify_by_frequency(
    lower: &str,
    frequencies: Option<Frequencies>,
    in_glossary: bool,
) -> Class {
    if in_glossary {
        return Class::Foreign;
    }
    let Some(f) = frequencies else {
        return if has_foreign_letters(lower) && lower.chars().count() > MIN_WORD_CHARS {
            Class::ForeignSpelling
        } else {
            Class::Unknown
        };
    };
    let source = f.best_source();
    let margin = source.saturating_sub(f.english);
    if source >= MIN_SOURCE_ZIPF
        && f.english <= MAX_ENGLISH_ZIPF
        && margin >= MIN_MARGIN
        && lower.chars().count() >= MIN_WORD_CHARS
    {
        Class::Foreign
    } else if margin >= LEANING_MARGIN {
        Class::Leaning
    } else if f.english >= ENGLISH_ZIPF && source >= SHARED_SOURCE_ZIPF {
        Class::Shared
    } else if f.english >= ENGLISH_ZIPF {
        Class::English
    } else {
        Class::Unknown
    }
}

/// Letters of the source languages that English words do not use.
fn has_foreign_letters(word: &str) -> bool {
    word.chars()
        .any(|c| matches!(c, 'å' | 'ä' | 'ö' | 'ø' | 'æ' | 'ß' | 'ü' | 'õ'))
}

/// Drops an English possessive ("regeringen's") from a token.
fn strip_possessive(raw: &str, span: Range<usize>) -> (&str, Range<usize>) {
    let mut chars = raw.char_indices().rev();
    if let (Some((_, 's')), Some((i, c))) = (chars.next(), chars.next()) {
        if is_apostrophe(c) && i > 0 {
            return (&raw[..i], span.start..span.start + i);
        }
    }
    (raw, span)
}

/// Whether a token at `offset` starts its sentence, a quotation, or the text
/// after a colon or dash, where a capital is not a sign of a name.
fn is_initial(text: &str, sentence_start: usize, offset: usize) -> bool {
    let before = text[sentence_start..offset].trim_end();
    match before.chars().next_back() {
        None => true,
        Some(c) => is_opening_quote(c) || matches!(c, ':' | '–' | '—' | '-' | '(' | '•' | '|'),
    }
}

/// A token that is part of a web address, e-mail, handle or file name.
fn is_in_address(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].chars().next_back();
    let mut after = text[span.end..].chars();
    let (next, next2) = (after.next(), after.next());
    matches!(before, Some('@' | '#' | '/' | '\\' | '.' | '_' | '='))
        || matches!(next, Some('@' | '/' | '_' | '\\'))
        || (next == Some('.') && next2.is_some_and(char::is_alphanumeric))
}

fn is_opening_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '»' | '›' | '‹' | '*' | '_'
    )
}

fn is_quote(c: char) -> bool {
    is_opening_quote(c) || matches!(c, '”' | '’')
}

/// Words before a foreign term that introduce it as one.
#[rustfmt::skip]
const INTRODUCERS: &[&str] = &[
    "swedish", "swede", "swedes", "norwegian", "norwegians", "danish", "dane", "danes",
    "german", "germans", "dutch", "flemish", "finnish", "finn", "finns", "scandinavian",
    "scandinavians", "nordic", "icelandic", "nynorsk", "bokmål", "sami", "word", "words",
    "term", "terms", "phrase", "expression", "concept", "idea", "notion", "call", "calls",
    "called", "known", "dubbed", "nicknamed", "so-called", "named", "titled", "entitled",
    "motto", "slogan", "title", "headline", "hashtag", "sign", "banner", "reads", "read",
    "chanted", "chanting", "film", "book", "novel", "album", "song", "series", "show",
    "programme", "program", "play", "brand", "label", "magazine", "newspaper", "tabloid",
    "reading", "marked", "labelled", "labeled", "bearing", "emblazoned", "printed", "stamped",
    "hit", "single", "track", "poem", "painting", "exhibition", "documentary", "podcast",
    "column", "blog", "opera", "musical", "production", "campaign", "festival", "project",
    "app", "website", "movement",
];

/// Words that translate a quoted foreign term ("which means", "literally").
#[rustfmt::skip]
const TRANSLATION_CUES: &[&str] = &[
    "means", "meaning", "meant", "translates", "translated", "translation", "literally",
    "roughly", "loosely", "english",
];

/// What right after a foreign term shows the article glosses it.
#[rustfmt::skip]
const GLOSS_OPENERS: &[&str] = &[
    " – ", " — ", " - ", " (", " [", ", or ", ", meaning", ", which means", ", which is",
    ", which are", ", a kind of", ", a type of", ", a sort of", ", a form of", ", literally",
    ", roughly", ", i.e.", ", translated", ", that is", " or \"", " or “", ": \"", ": “",
];

/// Whether the article explains the foreign `span` itself: a gloss right after
/// it ("julrätter – Christmas dishes", "fika (a coffee break)"), the word in
/// brackets after its translation ("the municipality (kommun)"), a term
/// introduced as one ("the Swedish word lagom", "a film called ..."), or a
/// quoted term that the sentence or the next one translates.
pub fn is_explained(
    text: &str,
    span: &Range<usize>,
    sentence: &Range<usize>,
    next_sentence: Option<&Range<usize>>,
) -> bool {
    // Judge a run inside a longer quotation by the whole quotation.
    let span = &enclosing_quotation(text, span, sentence).unwrap_or_else(|| span.clone());
    let mut before = &text[sentence.start..span.start];
    let mut after = text[span.end..sentence.end].to_string();
    let mut quoted = false;
    // A comma or full stop may sit inside the closing quote ("lagom," she said).
    let (inner_punct, rest) = match after.chars().next() {
        Some(c @ (',' | '.')) => (Some(c), &after[1..]),
        _ => (None, after.as_str()),
    };
    if let (Some(open), Some(close)) = (before.chars().next_back(), rest.chars().next()) {
        if is_quote(open) && is_quote(close) {
            before = &before[..before.len() - open.len_utf8()];
            after = format!(
                "{}{}",
                inner_punct.map(String::from).unwrap_or_default(),
                &rest[close.len_utf8()..]
            );
            quoted = true;
        }
    }
    if GLOSS_OPENERS.iter().any(|g| after.starts_with(g))
        || (quoted && after.starts_with(", "))
        || (before.trim_end().ends_with('(') && after.trim_start().starts_with(')'))
    {
        return true;
    }
    let introduced = last_words(before, 4).any(|w| INTRODUCERS.contains(&w.as_str()));
    if introduced {
        return true;
    }
    if !quoted {
        return false;
    }
    let sentence_words = words_lower(&text[sentence.clone()]);
    let next_words: Vec<String> = next_sentence
        .map(|n| words_lower(&text[n.clone()]).into_iter().take(6).collect())
        .unwrap_or_default();
    sentence_words
        .iter()
        .chain(&next_words)
        .any(|w| TRANSLATION_CUES.contains(&w.as_str()))
}

/// The inside of the quotation around `span` in its sentence, if any: an
/// opening quote after a space (or at the start) before it and a closing
/// quote before a space or punctuation after it, with no quote in between.
pub fn enclosing_quotation(
    text: &str,
    span: &Range<usize>,
    sentence: &Range<usize>,
) -> Option<Range<usize>> {
    let before = &text[sentence.start..span.start];
    let (open, quote) = before.char_indices().rev().find(|&(_, c)| is_quote(c))?;
    let opens = before[..open]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(');
    let after = &text[span.end..sentence.end];
    let (close, closing) = after.char_indices().find(|&(_, c)| is_quote(c))?;
    let closes = after[close + closing.len_utf8()..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    (opens && closes).then(|| sentence.start + open + quote.len_utf8()..span.end + close)
}

fn words_lower(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn last_words(text: &str, n: usize) -> impl Iterator<Item = String> {
    let mut words = words_lower(text);
    let keep = words.len().saturating_sub(n);
    words.drain(..keep);
    words.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(sentence: &str, word: &str) -> bool {
        let at = sentence.find(word).unwrap();
        is_explained(sentence, &(at..at + word.len()), &(0..sentence.len()), None)
    }

    #[test]
    fn glosses_and_introductions_explain_a_word() {
        assert!(explained(
            "They served julrätter – Christmas dishes – all day.",
            "julrätter"
        ));
        assert!(explained(
            "Swedes call it lagom, meaning just enough.",
            "lagom"
        ));
        assert!(explained("The municipality (kommun) pays.", "kommun"));
        assert!(explained(
            "The Swedish word \"lagom\" is hard to translate.",
            "lagom"
        ));
        assert!(explained(
            "Everyone wants \"fika\", the coffee break.",
            "fika"
        ));
        assert!(explained(
            "They went for \"fika\", which means coffee.",
            "fika"
        ));
        assert!(!explained(
            "The regeringen will decide on Friday.",
            "regeringen"
        ));
        assert!(!explained(
            "He said \"regeringen\" will decide.",
            "regeringen"
        ));
        assert!(explained(
            "It sums it up: \"Ut på tur, aldri sur\", or \"out on a trip, never grumpy\".",
            "Ut på tur, aldri"
        ));
        assert!(explained(
            "Officers in jackets marked Polizei came.",
            "Polizei"
        ));
        assert!(explained(
            "Everything in the house is lagom [just right].",
            "lagom"
        ));
        assert!(explained(
            "The Christmas table, the julbord, which is a buffet, is popular.",
            "julbord"
        ));
    }

    #[test]
    fn addresses_and_possessives() {
        let text = "see regeringen.se or @polisen now";
        let at = text.find("regeringen").unwrap();
        assert!(is_in_address(text, &(at..at + 10)));
        let at = text.find("polisen").unwrap();
        assert!(is_in_address(text, &(at..at + 7)));
        assert_eq!(strip_possessive("kommunens", 0..9).0, "kommunens");
        assert_eq!(strip_possessive("Berg’s", 0..8).0, "Berg");
    }
}
