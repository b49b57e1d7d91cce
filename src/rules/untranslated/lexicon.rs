//! The word-frequency lexicons under `rules/lexicons/` (derived from wordfreq,
//! see `rules/lexicons/ATTRIBUTION.md`): for each source language the words
//! common in it with their Zipf frequency there and in English, plus the
//! common English words. Files are validated when the family is built and
//! indexed on first use, so commands that lint nothing stay fast.

use crate::error::FileError;
use crate::packs::{DataFile, PackSet};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

/// The source languages with a lexicon, in the order of [`Frequencies::source`].
pub const SOURCE_LANGUAGES: [&str; 6] = ["sv", "nb", "da", "de", "nl", "fi"];

/// A word's Zipf frequencies, in tenths (Zipf 4.5 is 45; 0 = not listed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Frequencies {
    pub source: [u8; SOURCE_LANGUAGES.len()],
    pub english: u8,
}

impl Frequencies {
    /// The highest source-language frequency.
    pub fn best_source(&self) -> u8 {
        self.source.iter().copied().max().unwrap_or(0)
    }

    /// Source languages in which the word is within `slack` tenths of its
    /// best frequency (and listed at all).
    pub fn languages_near_best(&self, slack: u8) -> impl Iterator<Item = usize> + '_ {
        let best = self.best_source();
        (0..SOURCE_LANGUAGES.len())
            .filter(move |&i| self.source[i] > 0 && self.source[i] + slack >= best)
    }
}

/// One lexicon file: which column it fills.
struct LexiconFile {
    /// Index into [`SOURCE_LANGUAGES`], or `None` for the English list.
    language: Option<usize>,
    file: DataFile,
}

pub struct Lexicon {
    files: Vec<LexiconFile>,
    index: OnceLock<HashMap<Box<str>, Frequencies, BuildHasherDefault<Fnv>>>,
}

/// FNV-1a: much faster than the default hasher on short words, and the keys
/// come from our own files, so hash flooding is no concern.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        const PRIME: u64 = 0x100_0000_01b3;
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(PRIME);
        }
        self.0 = hash;
    }
}

impl Lexicon {
    /// Collects `lexicons/<lang>.tsv` and `lexicons/en.tsv` from the pack set
    /// (embedded ones and any from `--rules` directories) and checks every
    /// line's format.
    pub fn load(packs: &PackSet) -> Result<Lexicon, Vec<FileError>> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        let languages = SOURCE_LANGUAGES
            .iter()
            .enumerate()
            .map(|(i, code)| (Some(i), *code))
            .chain(std::iter::once((None, "en")));
        for (language, code) in languages {
            let name = format!("lexicons/{code}.tsv");
            for file in packs.data(&name) {
                let columns = if language.is_some() { 3 } else { 2 };
                if let Err(e) = validate(file, columns) {
                    errors.push(e);
                }
                files.push(LexiconFile {
                    language,
                    file: file.clone(),
                });
            }
        }
        if errors.is_empty() {
            Ok(Lexicon {
                files,
                index: OnceLock::new(),
            })
        } else {
            Err(errors)
        }
    }

    pub fn get(&self, lowercase_word: &str) -> Option<&Frequencies> {
        self.index().get(lowercase_word)
    }

    fn index(&self) -> &HashMap<Box<str>, Frequencies, BuildHasherDefault<Fnv>> {
        self.index.get_or_init(|| {
            let mut index: HashMap<Box<str>, Frequencies, BuildHasherDefault<Fnv>> =
                HashMap::with_capacity_and_hasher(150_000, BuildHasherDefault::default());
            for lexicon in &self.files {
                for (word, mut zipfs) in rows(&lexicon.file.text) {
                    let entry = index.entry(Box::from(word)).or_default();
                    let own = zipfs.next().unwrap_or(0);
                    match lexicon.language {
                        Some(lang) => {
                            entry.source[lang] = entry.source[lang].max(own);
                            entry.english = entry.english.max(zipfs.next().unwrap_or(0));
                        }
                        None => entry.english = entry.english.max(own),
                    }
                }
            }
            index
        })
    }
}

/// The data rows of a lexicon file: the word and its Zipf columns in tenths.
fn rows(text: &str) -> impl Iterator<Item = (&str, impl Iterator<Item = u8> + '_)> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let word = cols.next()?;
            Some((word, cols.filter_map(tenths)))
        })
}

/// Parses a Zipf value with one decimal (`4.5`) into tenths (45).
fn tenths(value: &str) -> Option<u8> {
    match *value.as_bytes() {
        [whole, b'.', tenth] if whole.is_ascii_digit() && tenth.is_ascii_digit() => {
            Some((whole - b'0') * 10 + (tenth - b'0'))
        }
        _ => None,
    }
}

fn validate(file: &DataFile, columns: usize) -> Result<(), FileError> {
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let span = offset..offset + content.len();
        offset += line.len();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = content.split('\t').collect();
        let problem = if cols.len() != columns {
            Some(format!(
                "expected {columns} tab-separated columns (word, then Zipf frequencies), found {}",
                cols.len()
            ))
        } else if !cols[0]
            .chars()
            .all(|c| c.is_alphabetic() && !c.is_uppercase())
        {
            Some(format!("`{}` is not a lower-case word", cols[0]))
        } else {
            cols[1..]
                .iter()
                .find(|c| tenths(c).is_none())
                .map(|c| format!("`{c}` is not a Zipf frequency with one decimal (0.0 to 9.9)"))
        };
        if let Some(message) = problem {
            let text: Arc<str> = file.text.clone();
            return Err(FileError::new(&file.origin, &text, Some(span), message));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(files: &[(&str, &str)]) -> PackSet {
        let mut packs = PackSet::default();
        for (name, text) in files {
            packs.add(name.to_string(), text.to_string()).unwrap();
        }
        packs
    }

    #[test]
    fn merges_languages_and_english() {
        let packs = set(&[
            ("rules/lexicons/sv.tsv", "# comment\nprocent\t5.0\t1.1\n"),
            ("rules/lexicons/da.tsv", "procent\t4.8\t1.1\n"),
            ("rules/lexicons/en.tsv", "the\t7.7\n"),
        ]);
        let lex = Lexicon::load(&packs).unwrap();
        let f = lex.get("procent").unwrap();
        assert_eq!(f.source[0], 50);
        assert_eq!(f.source[2], 48);
        assert_eq!(f.english, 11);
        assert_eq!(f.languages_near_best(3).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(lex.get("the").unwrap().english, 77);
        assert!(lex.get("nothing").is_none());
    }

    #[test]
    fn malformed_lines_point_at_the_line() {
        let packs = set(&[("x/lexicons/de.tsv", "gut\t5.0\t1.0\nSchlecht\t4.0\t0.0\n")]);
        let errors = Lexicon::load(&packs).err().unwrap();
        assert_eq!(errors[0].line(), Some(2));
        let packs = set(&[("x/lexicons/nl.tsv", "goed\t5.0\n")]);
        assert!(Lexicon::load(&packs).is_err());
        let packs = set(&[("x/lexicons/fi.tsv", "hyvä\t4.25\t0.0\n")]);
        assert!(Lexicon::load(&packs).is_err());
    }

    #[test]
    fn embedded_lexicons_are_valid_and_know_common_words() {
        let packs = PackSet::embedded().unwrap();
        let lex = Lexicon::load(&packs).unwrap();
        let regeringen = lex.get("regeringen").unwrap();
        assert!(regeringen.source[0] >= 40 && regeringen.english < 10);
        assert!(lex.get("the").unwrap().english >= 70);
    }
}
