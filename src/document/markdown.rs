//! Prose extraction from Markdown: paragraphs, headings, list items, quotes and
//! table cells are linted; code, URLs, link targets and HTML are not.

use super::offset_map::TextBuilder;
use super::OPAQUE;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub(super) fn extract(full: &str, base: usize, out: &mut TextBuilder) {
    let src = &full[base..];
    let parser = Parser::new_ext(src, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut in_code_block = 0usize;
    let mut autolink_depth = 0usize;
    for (event, range) in parser.into_offset_iter() {
        let range = range.start + base..range.end + base;
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                out.end_block(range.start);
                in_code_block += 1;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = in_code_block.saturating_sub(1);
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let inner = &src[range.start - base..range.end - base];
                if inner.starts_with('<') || inner == dest_url.as_ref() {
                    autolink_depth += 1;
                    out.push_replaced(OPAQUE, range);
                }
            }
            Event::End(TagEnd::Link) => {
                autolink_depth = autolink_depth.saturating_sub(1);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::TableCell
                | Tag::FootnoteDefinition(_),
            ) => out.end_block(range.start),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition,
            ) => out.end_block(range.end),
            Event::Text(text) if in_code_block == 0 && autolink_depth == 0 => {
                let raw = &src[range.start - base..range.end - base];
                if raw == text.as_ref() {
                    out.push_verbatim(full, range);
                } else {
                    out.push_replaced(&text, range);
                }
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) if in_code_block == 0 => {
                out.push_replaced(OPAQUE, range)
            }
            Event::SoftBreak => out.push_replaced("\n", range),
            Event::HardBreak => out.push_replaced("\n", range),
            Event::Html(_) | Event::InlineHtml(_) => {}
            _ => {}
        }
    }
}
