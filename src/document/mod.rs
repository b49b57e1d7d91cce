//! The document model every rule shares: the original input, the prose
//! extracted for linting, paragraphs, sentences and word tokens. All spans that
//! rules see are offsets into [`Document::text`]; the engine maps them back to
//! byte offsets of the original input with [`Document::to_source`].

mod html;
mod markdown;
mod offset_map;

use offset_map::{OffsetMap, TextBuilder};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::Path;
use unicode_segmentation::UnicodeSegmentation;

/// Stands in the prose for something that is not prose (inline code, a bare
/// URL link), so that words on either side are not glued together.
pub const OPAQUE: &str = "\u{FFFC}";

const BOM: &str = "\u{FEFF}";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
}

impl InputFormat {
    /// The format a file extension implies; unknown extensions are plain text.
    pub fn from_path(path: &Path) -> InputFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => InputFormat::Markdown,
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InputError {
    #[error("not valid UTF-8: invalid byte at offset {offset}")]
    InvalidUtf8 { offset: usize },
    #[error("looks like a binary file (NUL byte at offset {offset})")]
    Binary { offset: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    pub paragraph: usize,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub kind: TokenKind,
    pub sentence: usize,
}

#[derive(Debug)]
pub struct Document {
    source: String,
    format: InputFormat,
    text: String,
    map: OffsetMap,
    paragraphs: Vec<Range<usize>>,
    sentences: Vec<Sentence>,
    tokens: Vec<Token>,
    folded: Folded,
    line_starts: Vec<usize>,
    /// Byte length of a leading BOM, which columns do not count.
    bom: usize,
}

impl Document {
    /// Decodes raw bytes and builds the document. Invalid UTF-8 and binary
    /// input are errors naming the byte offset.
    pub fn from_bytes(bytes: Vec<u8>, format: InputFormat) -> Result<Document, InputError> {
        if let Some(offset) = bytes.iter().take(8192).position(|&b| b == 0) {
            return Err(InputError::Binary { offset });
        }
        let source = String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })?;
        Ok(Document::new(source, format))
    }

    pub fn new(source: String, format: InputFormat) -> Document {
        let bom = if source.starts_with(BOM) {
            BOM.len()
        } else {
            0
        };
        let (text, map) = match format {
            InputFormat::Text => (
                source[bom..].to_string(),
                OffsetMap::shifted(source.len() - bom, bom),
            ),
            InputFormat::Markdown => {
                let mut b = TextBuilder::new();
                markdown::extract(&source, bom, &mut b);
                b.finish()
            }
            InputFormat::Html => {
                let mut b = TextBuilder::new();
                html::extract(&source, bom, &mut b);
                b.finish()
            }
        };
        let paragraphs = split_paragraphs(&text);
        let (sentences, tokens) = split_sentences(&text, &paragraphs);
        let folded = Folded::new(&text);
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Document {
            source,
            format,
            text,
            map,
            paragraphs,
            sentences,
            tokens,
            folded,
            line_starts,
            bom,
        }
    }

    /// The original input, exactly as read.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn format(&self) -> InputFormat {
        self.format
    }

    /// The prose extracted for linting. Rules report spans into this text.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }

    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    pub fn token_text(&self, token: &Token) -> &str {
        &self.text[token.span.clone()]
    }

    /// Index of the sentence containing text offset `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Index of the paragraph containing text offset `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= offset).then_some(i)
    }

    /// The case- and punctuation-folded text used for phrase matching.
    pub fn folded(&self) -> &Folded {
        &self.folded
    }

    /// Maps a span of [`Document::text`] to a byte range of the original input.
    pub fn to_source(&self, text_span: Range<usize>) -> Range<usize> {
        self.map.range_to_source(text_span)
    }

    /// Whether the text span was copied verbatim from the input (no decoded
    /// entity or collapsed whitespace inside), so a fix can replace it.
    pub fn is_verbatim(&self, text_span: Range<usize>) -> bool {
        self.map.is_verbatim(text_span)
    }

    /// 1-based line and column (in characters) of a byte offset of the input.
    pub fn line_col(&self, source_offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= source_offset);
        let line_start = self.line_starts[line - 1].max(if line == 1 { self.bom } else { 0 });
        let offset = source_offset.clamp(line_start, self.source.len());
        let column = self.source[line_start..offset].chars().count() + 1;
        (line, column)
    }

    /// Number of word tokens (numbers excluded), for per-1,000-word rates.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
    }
}

fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut paragraphs = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_content_end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                paragraphs.push(s..last_content_end);
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(offset + lead);
            }
            last_content_end = offset + content.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        paragraphs.push(s..last_content_end);
    }
    paragraphs
}

fn split_sentences(text: &str, paragraphs: &[Range<usize>]) -> (Vec<Sentence>, Vec<Token>) {
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    for (p, range) in paragraphs.iter().enumerate() {
        // Line breaks inside a paragraph do not end a sentence; replacing them
        // with spaces keeps every byte offset.
        let flat: String = text[range.clone()]
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        for (start, sentence) in flat.split_sentence_bound_indices() {
            let trimmed = sentence.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            if trimmed.trim().is_empty() {
                continue;
            }
            let span = range.start + start + lead..range.start + start + trimmed.len();
            let index = sentences.len();
            let first_token = tokens.len();
            for (w_start, word) in trimmed[lead..].split_word_bound_indices() {
                if !word.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let kind = if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                let s = span.start + w_start;
                tokens.push(Token {
                    span: s..s + word.len(),
                    kind,
                    sentence: index,
                });
            }
            sentences.push(Sentence {
                span,
                paragraph: p,
                tokens: first_token..tokens.len(),
            });
        }
    }
    (sentences, tokens)
}

/// The text folded for phrase matching: ASCII letters lower-cased, curly
/// apostrophes made straight, every run of whitespace inside a paragraph made
/// one space and every paragraph break one newline. Offsets map back to
/// [`Document::text`].
#[derive(Debug, Default)]
pub struct Folded {
    text: String,
    /// (folded offset, text offset) at the start of every run whose length
    /// changed; between breakpoints the offsets advance together.
    breaks: Vec<(usize, usize)>,
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`'
    )
}

/// Whether `text` ends with `phrase` and the phrase starts on a word boundary.
pub fn ends_with_words(text: &str, phrase: &str) -> bool {
    text.ends_with(phrase)
        && !text[..text.len() - phrase.len()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Whether `text` starts with `phrase` and the phrase ends on a word boundary.
pub fn starts_with_words(text: &str, phrase: &str) -> bool {
    text.starts_with(phrase)
        && !text[phrase.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Folds one character the way [`Folded`] does (used for patterns too).
pub fn fold_char(c: char) -> char {
    if is_apostrophe(c) {
        '\''
    } else {
        c.to_ascii_lowercase()
    }
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut out = String::with_capacity(text.len());
        let mut breaks = vec![(0, 0)];
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                let mut end = i + c.len_utf8();
                let mut newlines = usize::from(c == '\n');
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_whitespace() {
                        break;
                    }
                    newlines += usize::from(d == '\n');
                    end = j + d.len_utf8();
                    chars.next();
                }
                let replacement = if newlines >= 2 { '\n' } else { ' ' };
                out.push(replacement);
                if end - i != 1 || c != replacement {
                    breaks.push((out.len(), end));
                }
                continue;
            }
            let f = fold_char(c);
            out.push(f);
            if f.len_utf8() != c.len_utf8() {
                breaks.push((out.len(), i + c.len_utf8()));
            }
        }
        Folded { text: out, breaks }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    fn map(&self, folded_offset: usize) -> usize {
        let i = self.breaks.partition_point(|&(f, _)| f <= folded_offset) - 1;
        let (f, t) = self.breaks[i];
        t + (folded_offset - f)
    }

    /// Maps a folded span to the span of [`Document::text`] it covers.
    pub fn to_text(&self, span: Range<usize>) -> Range<usize> {
        let start = self.map(span.start);
        // The end maps through the last folded character so that a collapsed
        // whitespace run at the end is not swallowed whole.
        let end = if span.end > span.start {
            let last = self.text[..span.end]
                .chars()
                .next_back()
                .map_or(0, char::len_utf8);
            let last_start = self.map(span.end - last);
            let orig_last = if self.text[span.end - last..].starts_with([' ', '\n']) {
                1
            } else {
                last
            };
            last_start + orig_last
        } else {
            start
        };
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str, f: InputFormat) -> Document {
        Document::new(s.to_string(), f)
    }

    #[test]
    fn plain_text_paragraphs_and_sentences() {
        let d = doc(
            "Title\n\nFirst one. Second one!\r\n\r\nThird\nline.",
            InputFormat::Text,
        );
        let paras: Vec<_> = d
            .paragraphs()
            .iter()
            .map(|r| &d.text()[r.clone()])
            .collect();
        assert_eq!(paras, ["Title", "First one. Second one!", "Third\nline."]);
        let sents: Vec<_> = d
            .sentences()
            .iter()
            .map(|s| &d.text()[s.span.clone()])
            .collect();
        assert_eq!(
            sents,
            ["Title", "First one.", "Second one!", "Third\nline."]
        );
        assert_eq!(d.word_count(), 7);
    }

    #[test]
    fn bom_does_not_shift_offsets_or_columns() {
        let d = doc("\u{FEFF}Hello world", InputFormat::Text);
        assert_eq!(d.text(), "Hello world");
        assert_eq!(d.to_source(6..11), 9..14);
        assert_eq!(d.line_col(9), (1, 7));
    }

    #[test]
    fn columns_count_characters_across_crlf_tabs_nbsp_and_curly_quotes() {
        let d = doc("a\r\n\t\u{a0}\u{201c}x\u{201d} y", InputFormat::Text);
        let y = d.source().find('y').unwrap();
        assert_eq!(d.line_col(y), (2, 7));
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = Document::from_bytes(b"ok \xff bad".to_vec(), InputFormat::Text).unwrap_err();
        assert_eq!(err, InputError::InvalidUtf8 { offset: 3 });
        let err = Document::from_bytes(b"a\0b".to_vec(), InputFormat::Text).unwrap_err();
        assert_eq!(err, InputError::Binary { offset: 1 });
    }

    #[test]
    fn markdown_skips_code_urls_and_comments() {
        let src = "# Head\n\nSee [the docs](http://x.org/a) and `code` here.\n\n```\nlet x = 1;\n```\n\n<!-- hidden -->\n<https://example.com>\n";
        let d = doc(src, InputFormat::Markdown);
        assert!(d.text().contains("Head"));
        assert!(d.text().contains("the docs"));
        assert!(!d.text().contains("x.org"));
        assert!(!d.text().contains("code"));
        assert!(!d.text().contains("let x"));
        assert!(!d.text().contains("hidden"));
        assert!(!d.text().contains("example.com"));
        let t = d.text().find("the docs").unwrap();
        assert_eq!(&src[d.to_source(t..t + 8)], "the docs");
    }

    #[test]
    fn html_visible_text_with_entities_mapped_to_raw_source() {
        let src = "<html><head><title>T</title><style>p{}</style></head><body><p class=\"a\">Fish &amp; chips</p><script>var x;</script><p>Two\n   words</p></body></html>";
        let d = doc(src, InputFormat::Html);
        assert!(d.text().contains("Fish & chips"));
        assert!(!d.text().contains("var x"));
        assert!(!d.text().contains("class"));
        assert!(d.text().contains("Two words"));
        let amp = d.text().find('&').unwrap();
        assert_eq!(&src[d.to_source(amp..amp + 1)], "&amp;");
        let chips = d.text().find("chips").unwrap();
        assert_eq!(&src[d.to_source(chips..chips + 5)], "chips");
        assert_eq!(d.paragraphs().len(), 2);
    }

    #[test]
    fn folding_maps_back_through_curly_apostrophes_and_space_runs() {
        let text = "Leica\u{2019}s  Big\u{a0}plan\n\nNext";
        let f = Folded::new(text);
        assert_eq!(f.as_str(), "leica's big plan\nnext");
        let at = f.as_str().find("big plan").unwrap();
        assert_eq!(&text[f.to_text(at..at + 8)], "Big\u{a0}plan");
        let at = f.as_str().find("'s big").unwrap();
        assert_eq!(&text[f.to_text(at..at + 6)], "\u{2019}s  Big");
    }
}
