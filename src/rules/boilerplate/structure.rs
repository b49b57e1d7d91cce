//! Structural damage: `boilerplate/lowercase-sentence-start` and
//! `boilerplate/whitespace-run`.

use super::{BoilerplateCheck, Rule};
use crate::document::{Document, InputFormat, TokenKind};
use crate::finding::Finding;

/// Lower-case name particles that may start a sentence ("van Gogh's ...").
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "la", "le", "du", "da", "di", "dos", "das", "al", "el",
    "bin", "ibn", "ter", "ten", "af", "zu", "d'", "l'",
];

/// Tags whose content legitimately starts in lower case (list items, cells).
const LIST_TAGS: &[&str] = &["li", "td", "th", "dd", "dt", "option", "label", "button"];

pub(super) fn check(bp: &BoilerplateCheck, doc: &Document, out: &mut Vec<Finding>) {
    lowercase_starts(bp, doc, out);
    whitespace_runs(bp, doc, out);
}

fn lowercase_starts(bp: &BoilerplateCheck, doc: &Document, out: &mut Vec<Finding>) {
    let text = doc.text();
    let paragraphs = doc.paragraphs();
    let sentences = doc.sentences();
    for (i, sentence) in sentences.iter().enumerate() {
        let body = &text[sentence.span.clone()];
        if !body.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        let paragraph_start = paragraphs[sentence.paragraph].start == sentence.span.start;
        // "Is it over? nobody knows", but not "Press ? to search".
        let after_question = !paragraph_start
            && i > 0
            && text[sentences[i - 1].span.clone()]
                .strip_suffix(['?', '!'])
                .is_some_and(|before| before.ends_with(char::is_alphabetic));
        if !(paragraph_start || after_question) {
            continue;
        }
        let tokens = doc.sentence_tokens(sentence);
        if tokens.len() < 2 {
            continue;
        }
        let word = doc.token_text(&tokens[0]);
        let next = doc.token_text(&tokens[1]);
        if tokens[0].span.start != sentence.span.start
            || word
                .chars()
                .skip(1)
                .any(|c| c.is_uppercase() || c.is_ascii_digit())
            || (NAME_PARTICLES.contains(&word) && next.starts_with(char::is_uppercase))
            || ["e.g", "i.e", "etc", "vs", "www", "http", "https"].contains(&word)
            // "crates.io", "no_std": an identifier, not a word.
            || word.contains(['.', '_', '/'])
            || text[tokens[0].span.end..].starts_with(['.', '_', '/'])
            // A metadata label ("date 2022-05-23", "page 3"), not a sentence.
            || tokens[1].kind == TokenKind::Number
        {
            continue;
        }
        // A short line without a full stop is a heading or a label.
        let heading = paragraph_start
            && paragraphs[sentence.paragraph].end == sentence.span.end
            && !body.ends_with(['.', '!', '?'])
            && tokens.len() <= 6;
        if heading
            || paragraph_start
                && (starts_list_item(doc, sentence.span.start)
                    || continues_previous_paragraph(doc, sentence.paragraph))
        {
            continue;
        }
        let mut fixed = String::new();
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            fixed.extend(first.to_uppercase());
            fixed.push_str(chars.as_str());
        }
        out.push(
            bp.finding(
                Rule::LowercaseSentenceStart as usize,
                tokens[0].span.clone(),
                format!("sentence starts in lower case (\"{word}\"): a fragment split off from its sentence or a lost capital"),
            )
            .with_note("machine translation and scraping split sentences at line breaks and links")
            .with_suggestion(fixed, false),
        );
    }
}

/// Whether the previous paragraph stops mid-sentence (before a list, a
/// colon or a code block), so this one may go on in lower case.
fn continues_previous_paragraph(doc: &Document, paragraph: usize) -> bool {
    paragraph > 0 && {
        let previous = &doc.text()[doc.paragraphs()[paragraph - 1].clone()];
        !previous
            .trim_end_matches(['"', '\u{201D}', '\u{2019}', ')', '*', '_'])
            .ends_with(['.', '!', '?'])
    }
}

/// Whether the text at `offset` is the content of a Markdown or HTML list
/// item or table cell, whose marker is not part of the document text.
fn starts_list_item(doc: &Document, offset: usize) -> bool {
    let source = doc.source();
    let at = doc.to_source(offset..offset).start.min(source.len());
    let before = &source[..at];
    match doc.format() {
        InputFormat::Text => false,
        InputFormat::Markdown => {
            let line = before.rsplit('\n').next().unwrap_or("").trim();
            line.ends_with(['-', '*', '+', '>', '|', '#'])
                || line
                    .strip_suffix(['.', ')'])
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        }
        InputFormat::Html => {
            let Some(open) = before.rfind('<') else {
                return false;
            };
            let name: String = before[open + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            LIST_TAGS.contains(&name.as_str())
        }
    }
}

fn whitespace_runs(bp: &BoilerplateCheck, doc: &Document, out: &mut Vec<Finding>) {
    let text = doc.text();
    let is_space = |c: char| {
        matches!(
            c,
            ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}'
        )
    };
    for sentence in doc.sentences() {
        let body = &text[sentence.span.clone()];
        let mut run_start: Option<usize> = None;
        for (i, c) in body
            .char_indices()
            .chain(std::iter::once((body.len(), 'x')))
        {
            if is_space(c) {
                run_start.get_or_insert(i);
                continue;
            }
            let Some(start) = run_start.take() else {
                continue;
            };
            let run = &body[start..i];
            if run.chars().count() < 2 || c == '\n' || i == body.len() {
                continue;
            }
            // HTML collapses ordinary spaces outside <pre>: only no-break
            // spaces show.
            if doc.format() == InputFormat::Html && run.chars().all(|c| c == ' ' || c == '\t') {
                continue;
            }
            let before = body[..start].chars().next_back();
            if before.is_none_or(|b| b == '\n' || matches!(b, '.' | '!' | '?' | ':' | ';')) {
                continue;
            }
            let what = if run.contains(|c: char| c != ' ' && c != '\t') {
                "a run of no-break and ordinary spaces"
            } else {
                "a double space"
            };
            let span = sentence.span.start + start..sentence.span.start + i;
            out.push(
                bp.finding(
                    Rule::WhitespaceRun as usize,
                    span,
                    format!("{what} inside a sentence, often where the scraper dropped a link or an image"),
                )
                .with_suggestion(" ", true),
            );
        }
    }
}
