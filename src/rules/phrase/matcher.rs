//! The phrase automaton: every expanded phrase of every pack, matched in one
//! pass over the folded text.
//!
//! The packs expand to tens of thousands of phrases (inflection slots times
//! optional words), and a byte automaton over all of them takes a quarter of
//! a second to build, paid on every CLI run. Instead, one Aho-Corasick
//! automaton holds the distinct two-word prefixes (a few thousand); each
//! prefix hit is completed by comparing the few phrases that share the prefix.
//! The result is the same set of overlapping matches at a fraction of the
//! build time.

use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;

pub struct PhraseMatcher<T> {
    automaton: Option<AhoCorasick>,
    /// Per prefix: the phrases that start with it, with their targets.
    buckets: Vec<Vec<(String, Vec<T>)>>,
}

/// The first two words of a phrase (the whole phrase if shorter).
fn prefix(phrase: &str) -> &str {
    match phrase.match_indices(' ').nth(1) {
        Some((i, _)) => &phrase[..i],
        None => phrase,
    }
}

impl<T: Copy> PhraseMatcher<T> {
    pub fn new(phrases: Vec<(String, T)>) -> Result<Self, aho_corasick::BuildError> {
        let mut prefix_ids: HashMap<String, usize> = HashMap::new();
        let mut buckets: Vec<HashMap<String, Vec<T>>> = Vec::new();
        for (phrase, target) in phrases {
            let p = prefix(&phrase).to_string();
            let id = *prefix_ids.entry(p).or_insert_with(|| {
                buckets.push(HashMap::new());
                buckets.len() - 1
            });
            buckets[id].entry(phrase).or_default().push(target);
        }
        let mut prefixes: Vec<(String, usize)> = prefix_ids.into_iter().collect();
        prefixes.sort_by_key(|&(_, id)| id);
        let automaton = if prefixes.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(prefixes.iter().map(|(p, _)| p))?,
            )
        };
        let buckets = buckets
            .into_iter()
            .map(|b| {
                let mut v: Vec<_> = b.into_iter().collect();
                v.sort_by(|a, b| a.0.cmp(&b.0));
                v
            })
            .collect();
        Ok(PhraseMatcher { automaton, buckets })
    }

    /// Calls `found(start, end, target)` for every occurrence of every phrase,
    /// overlapping ones included.
    pub fn for_each_match(&self, text: &str, mut found: impl FnMut(usize, usize, T)) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        for m in automaton.find_overlapping_iter(text) {
            let rest = &text[m.start()..];
            for (phrase, targets) in &self.buckets[m.pattern().as_usize()] {
                if rest.starts_with(phrase.as_str()) {
                    for &t in targets {
                        found(m.start(), m.start() + phrase.len(), t);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_phrase_including_overlaps_and_shared_prefixes() {
        let m = PhraseMatcher::new(vec![
            ("smoke divers".to_string(), 1),
            ("smoke divers went in".to_string(), 2),
            ("divers went".to_string(), 3),
            ("smoke".to_string(), 4),
            ("smoke divers".to_string(), 5),
        ])
        .unwrap();
        let mut hits = Vec::new();
        m.for_each_match("the smoke divers went in", |s, e, t| hits.push((s, e, t)));
        hits.sort();
        assert_eq!(
            hits,
            [(4, 9, 4), (4, 16, 1), (4, 16, 5), (4, 24, 2), (10, 21, 3)]
        );
    }
}
