//! The per-document view the grammar rules share: the words of every
//! sentence with their lower-case form, the text between them (so a rule can
//! see commas and line breaks) and whether they stand inside quotation marks.
//! Built once per document in one pass over the tokens.

use crate::document::{Document, TokenKind};
use std::ops::Range;

pub struct Word<'a> {
    pub span: Range<usize>,
    pub text: &'a str,
    pub lower: String,
    pub number: bool,
    /// What stands between the previous word of the sentence (or the
    /// sentence start) and this word: spaces, punctuation, line breaks.
    pub gap: &'a str,
    /// Inside quotation marks (“…”, "…", „…“, «…»).
    pub quoted: bool,
}

impl Word<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Starts with a lower-case letter.
    pub fn is_lower(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }

    /// Capitalised, with no further capitals ("The", not "US" or "iPhone").
    pub fn is_title_case(&self) -> bool {
        let mut chars = self.text.chars();
        chars.next().is_some_and(char::is_uppercase) && !chars.any(char::is_uppercase)
    }

    /// Only spaces separate it from the previous word (no punctuation, no
    /// line break, no tab between columns), or a hyphen inside one compound
    /// ("semi-final").
    pub fn joined(&self) -> bool {
        self.gap.chars().all(|c| c == ' ' || c == '\u{a0}') || matches!(self.gap, "-" | "\u{2010}")
    }

    /// A comma, colon, semicolon, dash, bracket or quotation mark separates it
    /// from the previous word.
    pub fn after_break(&self) -> bool {
        !self.joined()
    }

    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }
}

pub struct Sentence {
    /// Indices into [`Analysis::words`].
    pub words: Range<usize>,
    pub span: Range<usize>,
    pub first_in_paragraph: bool,
}

pub struct Analysis<'a> {
    pub text: &'a str,
    pub words: Vec<Word<'a>>,
    pub sentences: Vec<Sentence>,
}

impl<'a> Analysis<'a> {
    pub fn new(doc: &'a Document) -> Analysis<'a> {
        let text = doc.text();
        let quoted_ranges = quoted_ranges(text, doc.paragraphs());
        let mut quoted = quoted_ranges.iter().peekable();
        let mut words = Vec::with_capacity(doc.tokens().len());
        let mut sentences = Vec::with_capacity(doc.sentences().len());
        let mut last_paragraph = usize::MAX;
        for sentence in doc.sentences() {
            let first = words.len();
            let mut previous_end = sentence.span.start;
            for token in doc.sentence_tokens(sentence) {
                while quoted.peek().is_some_and(|q| q.end <= token.span.start) {
                    quoted.next();
                }
                let in_quotes = quoted.peek().is_some_and(|q| q.start <= token.span.start);
                let word = &text[token.span.clone()];
                words.push(Word {
                    span: token.span.clone(),
                    text: word,
                    lower: word.to_lowercase().replace('\u{2019}', "'"),
                    number: token.kind == TokenKind::Number,
                    gap: &text[previous_end.min(token.span.start)..token.span.start],
                    quoted: in_quotes,
                });
                previous_end = token.span.end;
            }
            sentences.push(Sentence {
                words: first..words.len(),
                span: sentence.span.clone(),
                first_in_paragraph: sentence.paragraph != last_paragraph,
            });
            last_paragraph = sentence.paragraph;
        }
        Analysis {
            text,
            words,
            sentences,
        }
    }

    pub fn words_of(&self, sentence: &Sentence) -> &[Word<'a>] {
        &self.words[sentence.words.clone()]
    }
}

/// Text ranges inside quotation marks, never spanning a paragraph break.
/// Any double quotation mark opens a quote when none is open and closes the
/// open one otherwise, which covers “…”, "…", ”…” (Swedish), „…“ (German),
/// «…», »…« and »…».
fn quoted_ranges(text: &str, paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    for paragraph in paragraphs {
        let mut open: Option<usize> = None;
        for (i, c) in text[paragraph.clone()].char_indices() {
            let at = paragraph.start + i;
            match (c, open) {
                ('"' | '\u{201C}' | '\u{201D}' | '\u{AB}' | '\u{BB}', Some(start)) => {
                    ranges.push(start..at);
                    open = None;
                }
                ('"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AB}' | '\u{BB}', None) => {
                    open = Some(at + c.len_utf8());
                }
                _ => {}
            }
        }
        if let Some(start) = open {
            ranges.push(start..paragraph.end);
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::InputFormat;

    #[test]
    fn words_know_their_gaps_and_quotes() {
        let doc = Document::new(
            "Police said: \u{201C}We came, we saw.\u{201D} Then they left.\n\n\u{2013} Hello, she says.".into(),
            InputFormat::Text,
        );
        let a = Analysis::new(&doc);
        let find = |w: &str| a.words.iter().find(|x| x.text == w).unwrap();
        assert!(find("came").quoted);
        assert!(!find("Then").quoted);
        assert!(find("We").after_break());
        assert!(find("said").joined());
        assert!(a.sentences.last().unwrap().first_in_paragraph);
    }
}
