//! `locale/continental-quotes`: „…“, »…«, »…» and « … ».

use super::{quote_marks, LocaleCheck, Rule};
use crate::document::Document;
use crate::finding::Finding;

const LOW_QUOTE: char = '\u{201E}';
const RIGHT_GUILLEMET: char = '\u{BB}';
const LEFT_GUILLEMET: char = '\u{AB}';

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace())
}

/// Where the quotation opened at `open` (with mark `mark`) closes, if it
/// does within `body`.
fn closing(body: &str, open: usize, mark: char) -> Option<(usize, char)> {
    let inner_start = open + mark.len_utf8();
    let rest = &body[inner_start..];
    rest.char_indices()
        .map(|(i, c)| (inner_start + i, c))
        .find(|&(i, c)| match mark {
            LOW_QUOTE => matches!(c, '\u{201C}' | '\u{201D}' | '"'),
            RIGHT_GUILLEMET => {
                matches!(c, LEFT_GUILLEMET | RIGHT_GUILLEMET)
                    && !is_space(body[..i].chars().next_back())
            }
            _ => c == RIGHT_GUILLEMET,
        })
}

pub(super) fn check(locale: &LocaleCheck, doc: &Document, out: &mut Vec<Finding>) {
    let text = doc.text();
    if !text.contains([LOW_QUOTE, RIGHT_GUILLEMET, LEFT_GUILLEMET]) {
        return;
    }
    let (open_mark, close_mark) = quote_marks(doc);
    for para in doc.paragraphs() {
        let body = &text[para.clone()];
        let mut next = 0;
        for (i, c) in body.char_indices() {
            if i < next || !matches!(c, LOW_QUOTE | RIGHT_GUILLEMET | LEFT_GUILLEMET) {
                continue;
            }
            let before = body[..i].chars().next_back();
            let after = body[i + c.len_utf8()..].chars().next();
            // "Home » News »": a separator, or a closing mark without opener.
            if c == RIGHT_GUILLEMET && is_space(after) {
                continue;
            }
            let opener_glued = c == RIGHT_GUILLEMET && !is_space(before);
            if opener_glued {
                continue;
            }
            let start = para.start + i;
            let finding = match closing(body, i, c) {
                Some((close, close_char)) => {
                    next = close + close_char.len_utf8();
                    let inner = body[i + c.len_utf8()..close]
                        .trim_matches(|c: char| c.is_whitespace() || c == '\u{202F}');
                    let found = &body[i..next];
                    locale
                        .finding(
                            Rule::ContinentalQuotes,
                            start..para.start + next,
                            format!("{found} uses continental quotation marks; English writes {open_mark}{inner}{close_mark}"),
                        )
                        .with_suggestion(format!("{open_mark}{inner}{close_mark}"), true)
                }
                None => locale
                    .finding(
                        Rule::ContinentalQuotes,
                        start..start + c.len_utf8(),
                        format!(
                            "\"{c}\" is a continental quotation mark; English writes {open_mark}"
                        ),
                    )
                    .with_suggestion(open_mark, false),
            };
            out.push(finding.with_note(
                "German and Danish write „…“ or »…«, Swedish and Finnish »…», French and Norwegian «…»",
            ));
        }
    }
}
