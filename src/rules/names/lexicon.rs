//! The word lists the name rules share: given names per language
//! (`kind = "given-names"`), English surnames that are also ordinary words
//! (`kind = "english-surnames"`) and a list of common English words (the
//! data file `names/english/common-words.txt`).

use crate::error::FileError;
use crate::packs::{Pack, PackHeader, PackSet};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use toml::Spanned;

pub const COMMON_WORDS: &str = "names/english/common-words.txt";

/// A set of languages, as bits over [`Lexicon::languages`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LangSet(u64);

impl LangSet {
    pub fn insert(&mut self, index: usize) {
        self.0 |= 1 << index;
    }
    pub fn contains(self, index: usize) -> bool {
        self.0 & (1 << index) != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn union(self, other: LangSet) -> LangSet {
        LangSet(self.0 | other.0)
    }
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..64).filter(move |&i| self.contains(i))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GivenNamesFile {
    #[allow(dead_code)]
    pack: PackHeader,
    given: GivenNames,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GivenNames {
    names: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnglishSurnamesFile {
    #[allow(dead_code)]
    pack: PackHeader,
    english: EnglishSurnames,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnglishSurnames {
    surnames: Vec<Spanned<String>>,
}

#[derive(Default)]
pub struct Lexicon {
    /// Language codes; [`LangSet`] bits index this list. English is index 0.
    languages: Vec<String>,
    /// Lower-cased given name → the languages it is common in.
    given: HashMap<String, LangSet>,
    /// Lower-cased English surnames that are also words ("young", "king").
    english_surnames: HashSet<String>,
    /// Lower-cased common English words.
    common_words: HashSet<String>,
}

pub const ENGLISH: usize = 0;

impl Lexicon {
    pub fn build(packs: &PackSet) -> Result<Lexicon, Vec<FileError>> {
        let mut lexicon = Lexicon {
            languages: vec!["en".to_string()],
            ..Lexicon::default()
        };
        let mut errors = Vec::new();
        for pack in packs.of_kind("given-names") {
            if let Err(e) = lexicon.add_given_names(pack) {
                errors.push(e);
            }
        }
        for pack in packs.of_kind("english-surnames") {
            match pack
                .parse::<EnglishSurnamesFile>()
                .and_then(|f| checked_names(pack, f.english.surnames))
            {
                Ok(names) => lexicon
                    .english_surnames
                    .extend(names.into_iter().map(|n| n.to_lowercase())),
                Err(e) => errors.push(e),
            }
        }
        for file in packs.data(COMMON_WORDS) {
            lexicon.common_words.extend(
                file.text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_lowercase),
            );
        }
        if errors.is_empty() {
            Ok(lexicon)
        } else {
            Err(errors)
        }
    }

    fn add_given_names(&mut self, pack: &Pack) -> Result<(), FileError> {
        let language = pack.header.language.clone().ok_or_else(|| {
            pack.error(
                pack.header.kind.span(),
                "a given-names pack needs `language` in its [pack] header",
            )
        })?;
        let index = self.language_index(&language);
        let file: GivenNamesFile = pack.parse()?;
        for name in checked_names(pack, file.given.names)? {
            self.given
                .entry(name.to_lowercase())
                .or_default()
                .insert(index);
        }
        Ok(())
    }

    /// The index of a language code, registering it if new.
    pub fn language_index(&mut self, code: &str) -> usize {
        match self.languages.iter().position(|l| l == code) {
            Some(i) => i,
            None => {
                self.languages.push(code.to_string());
                self.languages.len() - 1
            }
        }
    }

    pub fn find_language(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l == code)
    }

    pub fn language_code(&self, index: usize) -> &str {
        &self.languages[index]
    }

    pub fn language_count(&self) -> usize {
        self.languages.len()
    }

    /// The languages `word` is a common given name in (empty if none).
    pub fn given_name_languages(&self, word: &str) -> LangSet {
        self.given_name_languages_lower(&word.to_lowercase())
    }

    /// [`Lexicon::given_name_languages`] for a word already lower-cased.
    pub fn given_name_languages_lower(&self, lower: &str) -> LangSet {
        self.given.get(lower).copied().unwrap_or_default()
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        !self.given_name_languages(word).is_empty()
    }

    /// Whether `word` is (also) a common English given name or an English
    /// surname: "Sarah Young" and "Peter King" are English names, not
    /// translated ones.
    pub fn is_english_name(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.english_surnames.contains(&lower)
            || self
                .given
                .get(&lower)
                .is_some_and(|langs| langs.contains(ENGLISH))
    }

    /// Whether `word` is a common English word that is not also an English
    /// name ("harsh" yes, "young" and "lee" no).
    pub fn is_plain_english_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.common_words.contains(&lower) && !self.is_english_name(word)
    }

    pub fn is_common_word(&self, word: &str) -> bool {
        self.common_words.contains(&word.to_lowercase())
    }
}

/// Validates a list of names: capitalised words, no duplicates.
fn checked_names(pack: &Pack, list: Vec<Spanned<String>>) -> Result<Vec<String>, FileError> {
    let mut seen = HashSet::new();
    let mut names = Vec::with_capacity(list.len());
    for name in list {
        let text = name.get_ref();
        let well_formed = text.chars().next().is_some_and(char::is_uppercase)
            && text
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        if !well_formed {
            return Err(pack.error(
                name.span(),
                format!(
                    "`{text}` is not a capitalised name (letters, hyphens and apostrophes only)"
                ),
            ));
        }
        if !seen.insert(text.clone()) {
            return Err(pack.error(name.span(), format!("`{text}` is listed twice")));
        }
        names.push(name.into_inner());
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::build(&PackSet::embedded().unwrap()).unwrap()
    }

    #[test]
    fn given_names_carry_their_languages() {
        let lex = lexicon();
        let de = lex.find_language("de").unwrap();
        let sv = lex.find_language("sv").unwrap();
        assert!(lex.given_name_languages("Matthias").contains(de));
        assert!(lex.given_name_languages("Anders").contains(sv));
        assert!(!lex.given_name_languages("Anders").contains(de));
        assert!(lex.given_name_languages("Thomas").contains(ENGLISH));
        assert!(lex.given_name_languages("Rahul").is_empty());
    }

    #[test]
    fn english_names_are_not_plain_words() {
        let lex = lexicon();
        for name in [
            "Young", "King", "Smith", "Brown", "Bush", "Lee", "Stone", "Hill",
        ] {
            assert!(lex.is_english_name(name), "{name}");
            assert!(!lex.is_plain_english_word(name), "{name}");
        }
        assert!(lex.is_plain_english_word("Harsh"));
        assert!(!lex.is_plain_english_word("Harsch"));
    }

    #[test]
    fn malformed_name_lists_point_at_the_entry() {
        let mut set = PackSet::default();
        set.add(
            "g.toml".into(),
            "[pack]\nkind = \"given-names\"\nid = \"names/given/xx\"\nlanguage = \"xx\"\n[given]\nnames = [\n  \"Anna\",\n  \"anna\",\n]\n"
                .into(),
        )
        .unwrap();
        let err = Lexicon::build(&set).err().unwrap();
        assert_eq!(err[0].line(), Some(8));
    }
}
