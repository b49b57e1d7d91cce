//! Mapping from offsets in the extracted prose back to the original input.
//!
//! Extraction copies most of the input verbatim and replaces a few pieces
//! (decoded HTML entities, collapsed whitespace, separators between blocks).
//! The map records one piece per run so that every span a rule reports can be
//! turned back into a byte range of the file the user gave us.

use std::ops::Range;

#[derive(Debug, Clone, Copy)]
struct Piece {
    text_start: usize,
    text_len: usize,
    src_start: usize,
    src_len: usize,
}

impl Piece {
    fn verbatim(&self) -> bool {
        self.text_len == self.src_len
    }
}

/// Builds the prose text and its offset map together.
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    pieces: Vec<Piece>,
}

impl TextBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Copies `src[range]` into the text unchanged.
    pub fn push_verbatim(&mut self, src: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let piece = Piece {
            text_start: self.text.len(),
            text_len: range.len(),
            src_start: range.start,
            src_len: range.len(),
        };
        self.text.push_str(&src[range]);
        self.push_piece(piece);
    }

    /// Puts `replacement` in the text in place of `src_range` (which may be empty,
    /// for separators that stand for no source bytes).
    pub fn push_replaced(&mut self, replacement: &str, src_range: Range<usize>) {
        if replacement.is_empty() {
            return;
        }
        let piece = Piece {
            text_start: self.text.len(),
            text_len: replacement.len(),
            src_start: src_range.start,
            src_len: src_range.len(),
        };
        self.text.push_str(replacement);
        self.pieces.push(piece);
    }

    fn push_piece(&mut self, piece: Piece) {
        if let Some(last) = self.pieces.last_mut() {
            if last.verbatim()
                && last.text_start + last.text_len == piece.text_start
                && last.src_start + last.src_len == piece.src_start
            {
                last.text_len += piece.text_len;
                last.src_len += piece.src_len;
                return;
            }
        }
        self.pieces.push(piece);
    }

    /// Ends the current block with a blank-line separator, unless the text is
    /// empty or already ends with one.
    pub fn end_block(&mut self, at_src: usize) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        let sep = if self.text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        self.push_replaced(sep, at_src..at_src);
    }

    pub fn finish(self) -> (String, OffsetMap) {
        (
            self.text,
            OffsetMap {
                pieces: self.pieces,
            },
        )
    }
}

#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The identity map shifted by `shift` bytes (plain text after a BOM).
    pub fn shifted(len: usize, shift: usize) -> Self {
        OffsetMap {
            pieces: vec![Piece {
                text_start: 0,
                text_len: len,
                src_start: shift,
                src_len: len,
            }],
        }
    }

    fn piece_index(&self, text_offset: usize) -> Option<usize> {
        if self.pieces.is_empty() {
            return None;
        }
        let idx = self
            .pieces
            .partition_point(|p| p.text_start <= text_offset)
            .saturating_sub(1);
        Some(idx)
    }

    /// Source offset of the character that starts at `text_offset`.
    pub fn start_to_source(&self, text_offset: usize) -> usize {
        let Some(i) = self.piece_index(text_offset) else {
            return 0;
        };
        let p = self.pieces[i];
        let delta = text_offset.saturating_sub(p.text_start);
        if delta >= p.text_len {
            p.src_start + p.src_len
        } else if p.verbatim() {
            p.src_start + delta
        } else {
            p.src_start
        }
    }

    /// Source offset just after the character that ends at `text_offset`.
    pub fn end_to_source(&self, text_offset: usize) -> usize {
        if text_offset == 0 {
            return self.start_to_source(0);
        }
        let Some(i) = self.piece_index(text_offset - 1) else {
            return 0;
        };
        let p = self.pieces[i];
        let delta = text_offset - p.text_start;
        if p.verbatim() {
            p.src_start + delta.min(p.text_len)
        } else {
            p.src_start + p.src_len
        }
    }

    pub fn range_to_source(&self, range: Range<usize>) -> Range<usize> {
        let start = self.start_to_source(range.start);
        let end = self.end_to_source(range.end).max(start);
        start..end
    }

    /// Whether `text_range` was copied from the source byte for byte, so that
    /// replacing it in the source is safe.
    pub fn is_verbatim(&self, text_range: Range<usize>) -> bool {
        let Some(i) = self.piece_index(text_range.start) else {
            return false;
        };
        let p = self.pieces[i];
        p.verbatim() && text_range.end <= p.text_start + p.text_len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaced_pieces_map_to_their_whole_source_range() {
        let src = "a &amp; b";
        let mut b = TextBuilder::new();
        b.push_verbatim(src, 0..2);
        b.push_replaced("&", 2..7);
        b.push_verbatim(src, 7..9);
        let (text, map) = b.finish();
        assert_eq!(text, "a & b");
        assert_eq!(map.range_to_source(2..3), 2..7);
        assert_eq!(map.range_to_source(4..5), 8..9);
        assert_eq!(map.range_to_source(0..5), 0..9);
        assert!(map.is_verbatim(0..2));
        assert!(!map.is_verbatim(2..3));
    }

    #[test]
    fn adjacent_verbatim_pieces_merge() {
        let src = "hello world";
        let mut b = TextBuilder::new();
        b.push_verbatim(src, 0..5);
        b.push_verbatim(src, 5..11);
        let (_, map) = b.finish();
        assert_eq!(map.pieces.len(), 1);
        assert!(map.is_verbatim(0..11));
    }
}
