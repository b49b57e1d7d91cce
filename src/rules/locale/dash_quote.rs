//! `locale/dash-quote` and `locale/unmarked-quote`: direct speech marked the
//! Nordic way, with a dash at the start of the line, or not marked at all.
//!
//! A dash at the start of a line is also how plain text writes a list, so a
//! dash line is only taken for speech when it carries evidence of speech: an
//! attribution (", says Anna Berg."), first-person words, a question or
//! exclamation, or a lead-in ending in a colon. Runs of adjacent dash lines
//! are lists unless most of them are speech; a hyphen needs an attribution.

use super::{quote_marks, LocaleCheck, Rule};
use crate::document::{fold_char, Document};
use crate::finding::Finding;
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;

/// How far from the end of a quote its attribution may start, in bytes.
const ATTRIBUTION_WINDOW: usize = 300;

pub(super) struct Speech {
    /// ", says NAME" / ", NAME said" / "? asks NAME" at the end of a quote.
    attribution: Regex,
    first_person: HashSet<String>,
    /// Byte length of the longest first-person word, with room for a curly
    /// apostrophe.
    longest_first_person: usize,
    first_person_initials: HashSet<char>,
}

impl Speech {
    pub(super) fn new(verbs: &[String], first_person: &[String]) -> Speech {
        let mut verbs: Vec<String> = verbs
            .iter()
            .map(|v| {
                v.split_whitespace()
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        verbs.sort_by_key(|v| std::cmp::Reverse(v.len()));
        let name = r"\p{Lu}[\p{L}'\u{2019}.-]*(?:\s+(?:\p{Lu}[\p{L}'\u{2019}.-]*|van|von|de|af))*";
        let subject = format!(r"(?:he|she|they|it|[Tt]he\s+\p{{Ll}}[\p{{Ll}}\s-]{{0,40}}?|{name})");
        let pattern = format!(
            r"(?:,|[?!])[\u{{201D}}\u{{2019}}]?\s+(?:{subject}\s+)?(?:{})\b",
            verbs.join("|")
        );
        let first_person: HashSet<String> = first_person.iter().map(|w| fold(w)).collect();
        Speech {
            longest_first_person: first_person.iter().map(String::len).max().unwrap_or(0) + 2,
            first_person_initials: first_person
                .iter()
                .filter_map(|w| w.chars().next())
                .flat_map(|c| [c, c.to_ascii_uppercase()])
                .collect(),
            first_person,
            attribution: Regex::new(&super::ascii_boundaries(&pattern))
                .expect("attribution pattern is valid"),
        }
    }

    /// Where the speech ends (after its comma, question or exclamation mark)
    /// when `text` closes with an attribution.
    fn attribution_start(&self, text: &str) -> Option<usize> {
        // An attribution closes the text, so only its tail is searched.
        let mut from = text.len().saturating_sub(ATTRIBUTION_WINDOW);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let tail = &text[from..];
        let m = self
            .attribution
            .find_iter(tail)
            .filter(|m| !has_sentence_break(&tail[m.end()..]))
            .last()?;
        // The speech keeps its own punctuation mark.
        Some(from + m.start() + 1)
    }

    fn speaks_in_first_person(&self, text: &str) -> bool {
        words(text).any(|w| {
            // Cheap tests first: first-person words are short and start with
            // one of a few letters.
            w.len() <= self.longest_first_person
                && w.starts_with(|c: char| self.first_person_initials.contains(&c))
                // "US" is the country, not the pronoun.
                && (w.len() == 1 || w.chars().any(char::is_lowercase))
                && self.first_person.contains(&fold(w))
        })
    }
}

fn fold(word: &str) -> String {
    word.chars()
        .map(fold_char)
        .collect::<String>()
        .to_lowercase()
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || crate::document::is_apostrophe(c)))
        .map(|w| w.trim_matches(crate::document::is_apostrophe))
        .filter(|w| !w.is_empty())
}

/// Whether `tail` (text after an attribution) starts another sentence
/// before its end, so the attribution is not the quote's last words.
fn has_sentence_break(tail: &str) -> bool {
    let tail = tail.trim_end();
    let body = tail.trim_end_matches(['.', '!', '?', '"', '\u{201D}', ')']);
    body.char_indices().any(|(i, c)| {
        if !matches!(c, '.' | '!' | '?') {
            return false;
        }
        let rest = body[i + 1..].trim_start_matches(['"', '\u{201D}', ')']);
        let starts_sentence = rest.starts_with(char::is_whitespace)
            && rest.trim_start().starts_with(char::is_uppercase);
        let word = body[..i]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let abbreviation = c == '.'
            && word.starts_with(char::is_uppercase)
            && (word.chars().count() <= 3 || word == "Prof");
        starts_sentence && !abbreviation
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// En or em dash: the Nordic speech dash.
    Dash,
    /// Hyphen-minus: far more often a plain-text list bullet.
    Hyphen,
}

/// One dash-opened stretch of text: the marker line and the lines that
/// continue it up to the next dash line or the end of the paragraph.
struct Item {
    marker: Marker,
    /// From the dash to the end of the item.
    span: Range<usize>,
    /// After the dash and its space.
    content: Range<usize>,
    /// Index of the run of adjacent items it belongs to.
    run: usize,
    /// The line or paragraph before the run ends in a colon.
    after_colon: bool,
}

fn dash_marker(line: &str) -> Option<(Marker, usize)> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    let marker = match c {
        '\u{2013}' | '\u{2014}' | '\u{2015}' => Marker::Dash,
        '-' | '\u{2212}' => Marker::Hyphen,
        _ => return None,
    };
    let (i, next) = chars.next()?;
    let content = if next == ' ' || next == '\u{a0}' || next == '\t' {
        i + next.len_utf8()
    } else if marker == Marker::Dash && (next.is_uppercase() || matches!(next, '"' | '\u{201C}')) {
        i
    } else {
        return None;
    };
    let rest = &line[content..];
    let offset = content + (rest.len() - rest.trim_start().len());
    (words(&line[offset..]).nth(1).is_some()).then_some((marker, offset))
}

/// The offset of the dash in "Headline: – Quote", where a colon introduces a
/// dash-quote in the middle of a line.
fn inline_quote_dash(line: &str) -> Option<usize> {
    [": \u{2013} ", ": \u{2014} "]
        .iter()
        .filter_map(|p| line.find(p))
        .min()
        .map(|i| i + 2)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\u{201D}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?', ':'])
}

fn collect_items(doc: &Document) -> Vec<Item> {
    let text = doc.text();
    let mut items: Vec<Item> = Vec::new();
    let mut run = 0;
    // Whether the previous line (in this or the previous paragraph) was part
    // of a dash item, and whether the last non-item text ended in a colon.
    let mut in_item = false;
    let mut last_text_colon = false;
    for para in doc.paragraphs() {
        let mut offset = para.start;
        for line in text[para.clone()].split('\n') {
            let line_start = offset;
            offset += line.len() + 1;
            let trimmed = line.trim_start();
            let start = line_start + (line.len() - trimmed.len());
            let end = line_start + line.trim_end().len();
            if start >= end {
                continue;
            }
            if let Some((marker, content)) = dash_marker(&text[start..end]) {
                if !in_item {
                    run += 1;
                }
                items.push(Item {
                    marker,
                    span: start..end,
                    content: start + content..end,
                    run,
                    after_colon: !in_item && last_text_colon,
                });
                in_item = true;
            } else if let Some(item) = items.last_mut().filter(|i| {
                in_item && i.span.end > para.start && !ends_sentence(&text[i.span.clone()])
            }) {
                // A hard-wrapped line continues the item; a line after a
                // finished sentence is narration again.
                item.span.end = end;
                item.content.end = end;
            } else {
                in_item = false;
                last_text_colon = text[start..end].ends_with(':');
                // A headline quote: "Norway crushed Italy: – Now we believe".
                if let Some(dash) = inline_quote_dash(&text[start..end]) {
                    run += 1;
                    let content = start + dash + '\u{2013}'.len_utf8() + 1;
                    items.push(Item {
                        marker: Marker::Dash,
                        span: start + dash..end,
                        content: content..end,
                        run,
                        after_colon: false,
                    });
                }
            }
        }
        // A blank line ends a wrapped item, though the next paragraph may
        // continue the run with a new dash line.
        if let Some(last) = items.last() {
            if last.span.end == para.end {
                continue;
            }
        }
        in_item = false;
    }
    items
}

pub(super) fn check(locale: &LocaleCheck, doc: &Document, out: &mut Vec<Finding>) {
    let text = doc.text();
    let speech = &locale.speech;
    let items = collect_items(doc);
    struct Evidence {
        attribution: Option<usize>,
        speech_like: bool,
    }
    let evidence: Vec<Evidence> = items
        .iter()
        .map(|item| {
            let content = &text[item.content.clone()];
            let attribution = speech.attribution_start(content);
            let spoken = &content[..attribution.unwrap_or(content.len())];
            let speech_like = speech.speaks_in_first_person(spoken)
                || content
                    .trim_end_matches(['"', '\u{201D}'])
                    .ends_with(['?', '!']);
            Evidence {
                attribution,
                speech_like,
            }
        })
        .collect();
    let mut dash_spans = Vec::new();
    // Looked up once, and only when something is flagged.
    let mut marks = None;
    for (i, item) in items.iter().enumerate() {
        let ev = &evidence[i];
        let run: Vec<usize> = (0..items.len())
            .filter(|&j| items[j].run == item.run)
            .collect();
        let in_list = run.len() > 1;
        let flagged = match item.marker {
            Marker::Hyphen => {
                ev.attribution.is_some() || (!in_list && ev.speech_like && item.after_colon)
            }
            Marker::Dash if in_list => {
                let spoken = run
                    .iter()
                    .filter(|&&j| evidence[j].attribution.is_some() || evidence[j].speech_like)
                    .count();
                ev.attribution.is_some() || (ev.speech_like && spoken * 2 >= run.len())
            }
            Marker::Dash => ev.attribution.is_some() || ev.speech_like || item.after_colon,
        };
        dash_spans.push(item.span.clone());
        if !flagged {
            continue;
        }
        let speech_end = item.content.start + ev.attribution.unwrap_or(item.content.len());
        let span = item.span.start..speech_end;
        let (open, close) = *marks.get_or_insert_with(|| quote_marks(doc));
        let spoken = text[item.content.start..speech_end].trim_end();
        let opening: String = spoken
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        let message = format!(
            "\"{opening} ...\" is direct speech opened with a dash; English puts it in quotation marks"
        );
        out.push(
            locale
                .finding(Rule::DashQuote, span, message)
                .with_note(
                    "Swedish, Norwegian, Danish and Finnish news mark each quoted line with a dash (talstreck) instead of quotation marks",
                )
                .with_suggestion(format!("{open}{spoken}{close}"), false),
        );
    }
    unmarked_quotes(locale, doc, &dash_spans, &mut marks, out);
}

/// Paragraphs of first-person speech with no quotation marks that end in an
/// attribution: the dash of a dash-quote was dropped in translation.
fn unmarked_quotes(
    locale: &LocaleCheck,
    doc: &Document,
    dash_spans: &[Range<usize>],
    marks: &mut Option<(&'static str, &'static str)>,
    out: &mut Vec<Finding>,
) {
    let text = doc.text();
    for para in doc.paragraphs() {
        if dash_spans.iter().any(|s| s.start == para.start) {
            continue;
        }
        let body = &text[para.clone()];
        if body.contains([
            '"', '\u{201C}', '\u{201D}', '\u{2018}', '\u{AB}', '\u{BB}', '\u{201E}',
        ]) {
            continue;
        }
        // The cheap test first: most narration has no first-person word.
        if !locale.speech.speaks_in_first_person(body) {
            continue;
        }
        let Some(end) = locale.speech.attribution_start(body) else {
            continue;
        };
        let spoken = &body[..end];
        if words(spoken).count() < 4 || !locale.speech.speaks_in_first_person(spoken) {
            continue;
        }
        let (open, close) = *marks.get_or_insert_with(|| quote_marks(doc));
        out.push(
            locale
                .finding(
                    Rule::UnmarkedQuote,
                    para.start..para.start + end,
                    "first-person speech without quotation marks reads as the reporter's words"
                        .to_string(),
                )
                .with_note("the source marked this quote with a leading dash, which was lost")
                .with_suggestion(format!("{open}{spoken}{close}"), false),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speech() -> Speech {
        Speech::new(
            &["says".into(), "said".into(), "according to".into()],
            &["i".into(), "i'm".into(), "we".into(), "us".into()],
        )
    }

    #[test]
    fn attribution_must_close_the_quote() {
        let s = speech();
        assert_eq!(s.attribution_start("We won, says Anna Berg."), Some(7));
        assert_eq!(s.attribution_start("We won, he said."), Some(7));
        assert_eq!(s.attribution_start("Ready? says Mr. Smith."), Some(6));
        assert_eq!(
            s.attribution_start("We won, says Berg. Then we left."),
            None
        );
        assert_eq!(s.attribution_start("We won and we left."), None);
    }

    #[test]
    fn the_us_is_not_us() {
        let s = speech();
        assert!(!s.speaks_in_first_person("The US embassy closed."));
        assert!(s.speaks_in_first_person("They told us to wait."));
        assert!(s.speaks_in_first_person("I\u{2019}m not sure."));
    }

    #[test]
    fn markers_need_a_space_and_content() {
        assert!(dash_marker("– We are ready now").is_some());
        assert!(dash_marker("–We are ready").is_some());
        assert!(dash_marker("-based on it").is_none());
        assert!(dash_marker("–").is_none());
        assert!(dash_marker("- x").is_none());
    }
}
