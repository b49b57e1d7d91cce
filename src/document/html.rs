//! Visible-text extraction from HTML with spans into the raw markup.
//!
//! A full HTML5 tree builder throws away source positions, and the linter needs
//! every character of visible text mapped back to the raw file, so this is a
//! position-keeping scanner: tags, comments and doctypes are skipped, the
//! contents of non-visible elements (script, style, head, template, ...) are
//! dropped, block-level tags end a paragraph, entities are decoded (through
//! `html-escape`'s table) and whitespace runs collapse to one space as a
//! browser renders them.

use super::offset_map::TextBuilder;

const HIDDEN: &[&str] = &[
    "script", "style", "head", "template", "noscript", "svg", "math", "iframe", "object", "canvas",
    "select", "textarea",
];

const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "body",
    "html",
    "title",
    "caption",
    "option",
    "button",
    "label",
];

pub(super) fn extract(src: &str, base: usize, out: &mut TextBuilder) {
    let bytes = src.as_bytes();
    let mut i = base;
    let mut hidden_until: Option<String> = None;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if let Some(end) = markup_end(src, i) {
                let tag = tag_name(&src[i..end]);
                if let Some(hidden) = &hidden_until {
                    if tag.as_deref() == Some(&format!("/{hidden}")) {
                        hidden_until = None;
                    }
                } else if let Some(tag) = tag {
                    let name = tag.trim_start_matches('/');
                    let self_closing = src[i..end].ends_with("/>");
                    if !tag.starts_with('/') && !self_closing && HIDDEN.contains(&name) {
                        hidden_until = Some(name.to_string());
                    }
                    if BLOCK.contains(&name) {
                        out.end_block(i);
                    }
                }
                i = end;
                continue;
            }
        }
        let next = src[i..].find('<').map_or(bytes.len(), |p| i + p);
        let next = if next == i { i + 1 } else { next };
        if hidden_until.is_none() {
            push_text(src, i..next, out);
        }
        i = next;
    }
}

/// End offset of the tag, comment or doctype starting at `start`, or `None`
/// when the `<` does not open markup (e.g. "a < b").
fn markup_end(src: &str, start: usize) -> Option<usize> {
    let rest = &src[start..];
    if rest.starts_with("<!--") {
        return Some(rest.find("-->").map_or(src.len(), |p| start + p + 3));
    }
    let second = rest[1..].chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!' || second == '?') {
        return None;
    }
    let mut quote: Option<u8> = None;
    for (k, &b) in rest.as_bytes().iter().enumerate().skip(1) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(start + k + 1),
            None => {}
        }
    }
    Some(src.len())
}

fn tag_name(markup: &str) -> Option<String> {
    let inner = markup.strip_prefix('<')?;
    if inner.starts_with('!') || inner.starts_with('?') {
        return None;
    }
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    Some(if closing { format!("/{name}") } else { name })
}

fn push_text(src: &str, range: std::ops::Range<usize>, out: &mut TextBuilder) {
    let text = &src[range.clone()];
    let mut pos = range.start;
    let mut chars = text.char_indices().peekable();
    let mut verbatim_start = pos;
    while let Some((k, c)) = chars.next() {
        let at = range.start + k;
        if c == '&' {
            if let Some(len) = entity_len(&text[k..]) {
                let entity = &text[k..k + len];
                let decoded = html_escape::decode_html_entities(entity);
                if decoded != entity {
                    out.push_verbatim(src, verbatim_start..at);
                    out.push_replaced(&decoded, at..at + len);
                    for _ in 1..entity.chars().count() {
                        chars.next();
                    }
                    pos = at + len;
                    verbatim_start = pos;
                    continue;
                }
            }
        }
        if c.is_ascii_whitespace() {
            let mut end = at + c.len_utf8();
            while let Some(&(k2, c2)) = chars.peek() {
                if !c2.is_ascii_whitespace() {
                    break;
                }
                end = range.start + k2 + c2.len_utf8();
                chars.next();
            }
            let at_block_start =
                verbatim_start == at && (out.text().is_empty() || out.text().ends_with('\n'));
            if at_block_start {
                verbatim_start = end;
            } else if src[at..end] != *" " {
                out.push_verbatim(src, verbatim_start..at);
                out.push_replaced(" ", at..end);
                verbatim_start = end;
            }
            pos = end;
            continue;
        }
        pos = at + c.len_utf8();
    }
    out.push_verbatim(src, verbatim_start..pos.max(verbatim_start));
}

fn entity_len(s: &str) -> Option<usize> {
    let end = s.char_indices().take(33).find(|&(_, c)| c == ';')?.0;
    let body = &s[1..end];
    let ok = !body.is_empty()
        && (body.chars().all(|c| c.is_ascii_alphanumeric())
            || (body.starts_with('#') && body[1..].chars().all(|c| c.is_ascii_alphanumeric())));
    ok.then_some(end + 1)
}
