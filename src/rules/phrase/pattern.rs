//! The phrase pattern language of rule packs (see `docs/rule-packs.md`):
//! words, `a|b` alternatives, `(x y|z)` groups, `(...)?` optional groups, one
//! `{a|b}` inflection slot and `<class>` word classes. A pattern expands to
//! the concrete folded phrases fed to the automaton.

use crate::document::fold_char;

const MAX_EXPANSIONS: usize = 512;

pub const WORD_CLASSES: &[(&str, &[&str])] = &[
    ("poss", &["my", "your", "his", "her", "its", "our", "their"]),
    ("det", &["a", "an", "the"]),
    ("subj", &["i", "you", "he", "she", "it", "we", "they"]),
    ("obj", &["me", "you", "him", "her", "it", "us", "them"]),
    (
        "be",
        &["am", "is", "are", "was", "were", "be", "been", "being"],
    ),
    ("have", &["have", "has", "had", "having"]),
];

#[derive(Debug, Clone, PartialEq)]
struct Item {
    alternatives: Vec<String>,
    optional: bool,
    slot: bool,
}

/// A parsed pattern or replacement template.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    items: Vec<Item>,
}

/// One concrete phrase a pattern expands to, with the slot form it used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    pub phrase: String,
    pub slot_form: Option<usize>,
}

impl Pattern {
    pub fn parse(src: &str) -> Result<Pattern, String> {
        let mut items = Vec::new();
        let mut rest = src.trim();
        if rest.is_empty() {
            return Err("empty pattern".into());
        }
        while !rest.is_empty() {
            let (item, after) = if let Some(r) = rest.strip_prefix('(') {
                let close = r.find(')').ok_or("unclosed `(`")?;
                let (optional, after) = match r[close + 1..].strip_prefix('?') {
                    Some(a) => (true, a),
                    None => (false, &r[close + 1..]),
                };
                (group(&r[..close], optional, false)?, after)
            } else if let Some(r) = rest.strip_prefix('{') {
                let close = r.find('}').ok_or("unclosed `{`")?;
                (group(&r[..close], false, true)?, &r[close + 1..])
            } else if let Some(r) = rest.strip_prefix('<') {
                let close = r.find('>').ok_or("unclosed `<`")?;
                let name = &r[..close];
                let words = WORD_CLASSES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .ok_or_else(|| {
                        let known: Vec<_> = WORD_CLASSES.iter().map(|(n, _)| *n).collect();
                        format!("unknown word class <{name}> (known: {})", known.join(", "))
                    })?
                    .1;
                let item = Item {
                    alternatives: words.iter().map(|w| w.to_string()).collect(),
                    optional: false,
                    slot: false,
                };
                (item, &r[close + 1..])
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let word = &rest[..end];
                if word.contains(['(', ')', '{', '}', '<', '>']) {
                    return Err(format!("`{word}`: brackets must open a group"));
                }
                (group(word, false, false)?, &rest[end..])
            };
            if !after.is_empty() && !after.starts_with(char::is_whitespace) {
                return Err(format!("expected a space after a group, found `{after}`"));
            }
            items.push(item);
            rest = after.trim_start();
        }
        if items.iter().filter(|i| i.slot).count() > 1 {
            return Err("a pattern may have only one `{...}` inflection slot".into());
        }
        if items.iter().all(|i| i.optional) {
            return Err("a pattern needs at least one required word".into());
        }
        Ok(Pattern { items })
    }

    /// Number of forms of the inflection slot, if the pattern has one.
    pub fn slot_arity(&self) -> Option<usize> {
        self.items
            .iter()
            .find(|i| i.slot)
            .map(|i| i.alternatives.len())
    }

    /// All concrete folded phrases. Errors past [`MAX_EXPANSIONS`].
    pub fn expand(&self) -> Result<Vec<Expansion>, String> {
        let mut out = vec![(String::new(), None)];
        for item in &self.items {
            let mut next = Vec::new();
            for (prefix, slot) in &out {
                if item.optional {
                    next.push((prefix.clone(), *slot));
                }
                for (k, alt) in item.alternatives.iter().enumerate() {
                    let mut p = prefix.clone();
                    if !p.is_empty() {
                        p.push(' ');
                    }
                    p.push_str(alt);
                    next.push((p, if item.slot { Some(k) } else { *slot }));
                }
            }
            if next.len() > MAX_EXPANSIONS {
                return Err(format!(
                    "pattern expands to more than {MAX_EXPANSIONS} phrases; split it"
                ));
            }
            out = next;
        }
        Ok(out
            .into_iter()
            .map(|(p, slot_form)| Expansion {
                phrase: fold(&p),
                slot_form,
            })
            .collect())
    }

    /// Renders a replacement template: the slot takes form `slot_form`
    /// (the first form when the match had no slot), optional items are kept.
    pub fn render(&self, slot_form: Option<usize>) -> String {
        let words: Vec<&str> = self
            .items
            .iter()
            .map(|i| {
                if i.slot {
                    let k = slot_form.unwrap_or(0).min(i.alternatives.len() - 1);
                    i.alternatives[k].as_str()
                } else {
                    i.alternatives[0].as_str()
                }
            })
            .filter(|w| !w.is_empty())
            .collect();
        words.join(" ")
    }
}

fn group(inner: &str, optional: bool, slot: bool) -> Result<Item, String> {
    let mut alternatives: Vec<String> = Vec::new();
    for alt in inner.split('|') {
        let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
        if alt.is_empty() {
            return Err(format!("empty alternative in `{inner}`"));
        }
        if alt.contains('<') && !slot {
            // A word class inside a group: `(lose <poss> head|go mad)`.
            let nested = Pattern::parse(&alt)?.expand()?;
            alternatives.extend(nested.into_iter().map(|e| e.phrase));
        } else {
            alternatives.push(alt);
        }
    }
    Ok(Item {
        alternatives,
        optional,
        slot,
    })
}

/// Folds a pattern phrase the way [`crate::document::Folded`] folds text.
pub fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(fold_char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(p: &str) -> Vec<String> {
        let mut v: Vec<_> = Pattern::parse(p)
            .unwrap()
            .expand()
            .unwrap()
            .into_iter()
            .map(|e| e.phrase)
            .collect();
        v.sort();
        v
    }

    #[test]
    fn alternatives_optional_groups_and_classes_expand() {
        assert_eq!(
            phrases("after all (the)? signs of the sun"),
            [
                "after all signs of the sun",
                "after all the signs of the sun"
            ]
        );
        assert_eq!(
            phrases("take it|this with (a pinch|a grain) of salt").len(),
            4
        );
        assert_eq!(phrases("lose <poss> head").len(), 7);
        assert_eq!(phrases("(lose <poss> head|go mad)").len(), 8);
        assert_eq!(phrases("Leica’s plan"), ["leica's plan"]);
    }

    #[test]
    fn slot_forms_follow_into_the_replacement() {
        let p = Pattern::parse("{taste|tastes|tasted|tasting} of progress").unwrap();
        let e = p.expand().unwrap();
        let tasted = e.iter().find(|e| e.phrase == "tasted of progress").unwrap();
        let r = Pattern::parse("{smack|smacks|smacked|smacking} of progress").unwrap();
        assert_eq!(r.render(tasted.slot_form), "smacked of progress");
        assert_eq!(r.slot_arity(), Some(4));
    }

    #[test]
    fn malformed_patterns_are_errors() {
        assert!(Pattern::parse("(unclosed").is_err());
        assert!(Pattern::parse("{a|b} and {c|d}").is_err());
        assert!(Pattern::parse("<nope> x").is_err());
        assert!(Pattern::parse("(a)?").is_err());
        assert!(Pattern::parse("a||b").is_err());
        assert!(Pattern::parse("(a)b").is_err());
    }
}
