//! Line-level debris: furniture entries, share bars, breadcrumbs and site
//! names. Each line of each paragraph is looked at once.

use super::{fold_line, BoilerplateCheck, Rule};
use crate::document::{fold_char, Document};
use crate::finding::Finding;
use std::ops::Range;

/// Lines longer than this are prose, whatever words they contain.
const MAX_DEBRIS_WORDS: usize = 30;

/// A paragraph this long is article body: the top region ends there.
const BODY_WORDS: usize = 25;

/// How many words a stray teaser headline has.
const TEASER_WORDS: std::ops::RangeInclusive<usize> = 4..=14;

/// Words of share bars that do not make a share bar on their own.
const SHARE_FILLER: &[&str] = &["on", "via", "this", "article", "x"];

const BREADCRUMB_SEPARATORS: &[char] = &['\u{BB}', '\u{203A}', '>', '/', '|', '\u{2192}'];

pub(super) fn check(bp: &BoilerplateCheck, doc: &Document, out: &mut Vec<Finding>) {
    let text = doc.text();
    let paragraphs = doc.paragraphs();
    let body_start = paragraphs
        .iter()
        .position(|p| text[p.clone()].split_whitespace().count() >= BODY_WORDS)
        .unwrap_or(paragraphs.len());
    let first_headline = first_headline(bp, doc);
    for (index, para) in paragraphs.iter().enumerate() {
        let mut offset = para.start;
        let mut previous_line: Option<&str> = None;
        for line in text[para.clone()].split('\n') {
            let start = offset + (line.len() - line.trim_start().len());
            let end = offset + line.trim_end().len();
            offset += line.len() + 1;
            if start >= end {
                continue;
            }
            let span = start..end;
            let line = &text[span.clone()];
            // A wrapped line inside a sentence is no debris line of its own.
            let starts_unit = previous_line
                .is_none_or(|p| ends_unit(p) && line.starts_with(|c: char| !c.is_lowercase()));
            previous_line = Some(line);
            if !starts_unit {
                continue;
            }
            let words = line.split_whitespace().count();
            if words > MAX_DEBRIS_WORDS {
                continue;
            }
            if let Some(f) = furniture(bp, line, span.clone()) {
                out.push(f);
            } else if is_share_bar(bp, line) {
                out.push(
                    bp.finding(
                        Rule::ShareBar as usize,
                        span,
                        "share buttons scraped from the source page".to_string(),
                    )
                    .with_suggestion("", false),
                );
            } else if is_breadcrumb(line) {
                out.push(
                    bp.finding(
                        Rule::Breadcrumb as usize,
                        span,
                        "navigation breadcrumb scraped from the source page".to_string(),
                    )
                    .with_suggestion("", false),
                );
            } else if index < body_start
                && para.start == span.start
                && para.end == span.end
                && is_site_name(bp, line)
                && !is_headline(bp, doc, index, body_start)
            {
                out.push(
                    bp.finding(
                        Rule::SiteName as usize,
                        span,
                        format!("\"{line}\" looks like a site or section name scraped from the source page"),
                    )
                    .with_suggestion("", false),
                );
            } else if index < body_start
                && body_start < paragraphs.len()
                && first_headline.is_some_and(|h| h < index)
                && para.start == span.start
                && para.end == span.end
                && is_stray_teaser(text, line, span.clone())
            {
                out.push(
                    bp.finding(
                        Rule::StrayTeaser as usize,
                        span,
                        format!("\"{line}\" shares no word with the article: a teaser for another story"),
                    )
                    .with_suggestion("", false),
                );
            }
        }
    }
}

/// Whether a line ends where a new line of text may begin: after a
/// sentence, or after a short label.
fn ends_unit(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '\u{201D}', ')', '\u{BB}', '|'])
        || line.split_whitespace().count() <= 8
}

fn furniture(bp: &BoilerplateCheck, line: &str, span: Range<usize>) -> Option<Finding> {
    let folded = fold_line(line);
    let entry = bp
        .whole_lines
        .get(&folded)
        .copied()
        .or_else(|| {
            bp.leads
                .iter()
                .find(|(lead, _)| lead_with_teaser(line, lead))
                .map(|&(_, e)| e)
        })
        .or_else(|| {
            bp.contained.as_ref().and_then(|automaton| {
                automaton
                    .find_overlapping_iter(&folded)
                    .find(|m| on_word_boundaries(&folded, m.start(), m.end()))
                    .map(|m| bp.contained_entries[m.pattern().as_usize()])
            })
        })?;
    let (rule, what) = &bp.furniture[entry];
    Some(
        bp.finding(*rule, span, format!("{what}: \"{line}\""))
            .with_suggestion("", false),
    )
}

/// Whether `line` starts with the folded `lead` and goes on with a
/// separator or a capitalised teaser headline.
fn lead_with_teaser(line: &str, lead: &str) -> bool {
    let Some(rest) = strip_folded_prefix(line, lead) else {
        return false;
    };
    let teaser = rest.trim_start_matches(|c: char| c.is_whitespace() || is_separator(c));
    if teaser.split_whitespace().count() < 2 {
        return false;
    }
    let gap = &rest[..rest.len() - teaser.len()];
    let explicit = gap.contains(is_separator)
        || gap.contains(['\u{a0}', '\u{202f}', '\t'])
        || gap.chars().filter(|c| c.is_whitespace()).count() >= 2;
    explicit
        || (teaser.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !line.trim_end().ends_with(['.', '!', '?', ',', ';']))
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        ':' | '|' | '\u{BB}' | '\u{203A}' | '>' | '-' | '\u{2013}' | '\u{2014}' | '\u{2192}'
    )
}

/// The rest of `line` after a prefix that folds to `lead` and ends on a word
/// boundary.
fn strip_folded_prefix<'a>(line: &'a str, lead: &str) -> Option<&'a str> {
    let mut chars = line.char_indices().peekable();
    for expected in lead.chars() {
        let (_, c) = chars.next()?;
        if expected == ' ' {
            if !c.is_whitespace() {
                return None;
            }
            while chars.peek().is_some_and(|&(_, d)| d.is_whitespace()) {
                chars.next();
            }
        } else if !fold_char(c).to_lowercase().eq(std::iter::once(expected)) {
            return None;
        }
    }
    let at = chars.peek().map_or(line.len(), |&(i, _)| i);
    let rest = &line[at..];
    (!rest.starts_with(|c: char| c.is_alphanumeric())).then_some(rest)
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn is_share_bar(bp: &BoilerplateCheck, line: &str) -> bool {
    let mut real = 0;
    let all_buttons = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '\u{B7}' | '\u{2022}' | ','))
        .filter(|w| !w.is_empty())
        .all(|w| {
            if w.chars().all(|c| c.is_ascii_digit()) {
                return true;
            }
            let folded = fold_line(w);
            if !SHARE_FILLER.contains(&folded.as_str()) {
                real += 1;
            }
            bp.share_words.contains(&folded)
        });
    all_buttons && real >= 2
}

fn is_breadcrumb(line: &str) -> bool {
    if !line.contains(BREADCRUMB_SEPARATORS) {
        return false;
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut cuts = Vec::new();
    let mut separator = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !BREADCRUMB_SEPARATORS.contains(&c) {
            continue;
        }
        let spaced_before = k > 0 && chars[k - 1].1.is_whitespace();
        let spaced_after = chars.get(k + 1).is_none_or(|&(_, d)| d.is_whitespace());
        if spaced_before && spaced_after && separator.is_none_or(|s| s == c) {
            separator = Some(c);
            cuts.push(i..i + c.len_utf8());
        }
    }
    if cuts.len() < 2 {
        return false;
    }
    let mut segments = Vec::new();
    let mut from = 0;
    for cut in &cuts {
        segments.push(&line[from..cut.start]);
        from = cut.end;
    }
    segments.push(&line[from..]);
    let segments: Vec<&str> = segments
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    segments.len() >= 2
        && segments
            .iter()
            .all(|s| s.split_whitespace().count() <= 4 && !s.ends_with(['.', '!', '?', ',', ';']))
}

fn is_site_name(bp: &BoilerplateCheck, line: &str) -> bool {
    if line.ends_with(['.', '!', '?', ':', ',', ';']) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let mut media = false;
    let mut named = false;
    for word in &words {
        let folded = fold_line(word);
        if bp.media_words.contains(&folded) {
            media = true;
        } else if bp.connectors.contains(&folded) {
            continue;
        } else if word.starts_with(char::is_uppercase) {
            named = true;
        } else {
            return false;
        }
    }
    media && named
}

/// The first paragraph that is not a date, a number, a label or a site name.
fn first_headline(bp: &BoilerplateCheck, doc: &Document) -> Option<usize> {
    let text = doc.text();
    doc.paragraphs().iter().position(|p| {
        let body = &text[p.clone()];
        body.chars().filter(|c| c.is_alphabetic()).count() > 12 && !is_site_name(bp, body)
    })
}

/// The article's own headline: the first headline-like paragraph, when the
/// body follows it directly.
fn is_headline(bp: &BoilerplateCheck, doc: &Document, index: usize, body_start: usize) -> bool {
    first_headline(bp, doc) == Some(index) && body_start == index + 1
}

/// A headline-like line between the headline and the body none of whose
/// words occurs anywhere else: a teaser for another story on the source
/// page ("Leksand extended the winning streak beat AIK").
fn is_stray_teaser(text: &str, line: &str, span: std::ops::Range<usize>) -> bool {
    let words = line.split_whitespace().count();
    if !TEASER_WORDS.contains(&words)
        || line.contains(|c: char| c.is_ascii_digit())
        || line.ends_with(['.', '!', '?', ':', ';', ',', '"', '\u{201D}', ')'])
        || line.starts_with("By ")
        || !line.starts_with(char::is_uppercase)
    {
        return false;
    }
    let content: Vec<String> = line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect();
    if content.len() < 2 {
        return false;
    }
    let rest = format!("{} {}", &text[..span.start], &text[span.end..]).to_lowercase();
    !content.iter().any(|w| {
        rest.match_indices(w.as_str())
            .any(|(i, _)| on_word_boundaries(&rest, i, i + w.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_need_a_separator_or_a_teaser() {
        assert!(lead_with_teaser(
            "See also: After a year, a sale",
            "see also"
        ));
        assert!(lead_with_teaser(
            "See also\u{a0} It will build it",
            "see also"
        ));
        assert!(lead_with_teaser(
            "See also It will build the fastest computer",
            "see also"
        ));
        assert!(!lead_with_teaser("See also the reply below.", "see also"));
        assert!(!lead_with_teaser("Seen also: it", "see also"));
        assert!(!lead_with_teaser("See also:", "see also"));
    }

    #[test]
    fn breadcrumbs_are_short_segments_between_one_kind_of_separator() {
        assert!(is_breadcrumb("Home \u{BB} today \u{BB} News \u{BB}"));
        assert!(is_breadcrumb("News | Sweden | Politics"));
        assert!(!is_breadcrumb(
            "The rate is 4.5 percent / year, the bank said."
        ));
        assert!(!is_breadcrumb(
            "STOCKHOLM/OSLO (Reuters) \u{2013} Both held rates."
        ));
        assert!(!is_breadcrumb(
            "Sales rose 5% > forecast | analysts were surprised by the jump."
        ));
    }
}
