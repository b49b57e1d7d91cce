//! The glossary packs (`kind = "untranslated-glossary"`: source-language
//! words MT leaves behind, with their English meaning) and the loanword packs
//! (`kind = "untranslated-loanwords"`: foreign words English uses, which must
//! never be reported).

use crate::error::FileError;
use crate::lang;
use crate::packs::{Pack, PackHeader, PackSet};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use toml::Spanned;

pub const GLOSSARY_KIND: &str = "untranslated-glossary";
pub const LOANWORDS_KIND: &str = "untranslated-loanwords";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[allow(dead_code)]
    pack: PackHeader,
    /// Examples for `untranslated/word` that use this glossary.
    #[serde(default)]
    examples: ExampleTable,
    words: BTreeMap<String, Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ExampleTable {
    #[serde(default)]
    flag: Vec<Spanned<String>>,
    #[serde(default)]
    pass: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LoanwordFile {
    #[allow(dead_code)]
    pack: PackHeader,
    /// Native sentences using the loanwords: `untranslated/word` must pass them.
    #[serde(default)]
    examples: ExampleTable,
    loanwords: LoanwordTable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LoanwordTable {
    words: Vec<Spanned<String>>,
}

/// One glossary meaning of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gloss {
    pub language: String,
    pub meaning: String,
}

/// Words with their meanings, plus the loanwords English uses.
#[derive(Debug, Default)]
pub struct Glossary {
    /// Lower-case entries, matched by lower-case tokens.
    lower: HashMap<String, Vec<Gloss>>,
    /// Capitalised entries (German nouns), matched by exactly that spelling.
    capitalised: HashMap<String, Vec<Gloss>>,
    loanwords: HashSet<String>,
    /// Flag and pass examples the packs contribute to `untranslated/word`.
    pub flag_examples: Vec<String>,
    pub pass_examples: Vec<String>,
}

impl Glossary {
    pub fn load(packs: &PackSet) -> Result<Glossary, Vec<FileError>> {
        let mut glossary = Glossary::default();
        let mut errors = Vec::new();
        for pack in packs.of_kind(GLOSSARY_KIND) {
            if let Err(e) = glossary.add_glossary(pack) {
                errors.push(e);
            }
        }
        for pack in packs.of_kind(LOANWORDS_KIND) {
            if let Err(e) = glossary.add_loanwords(pack) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(glossary)
        } else {
            Err(errors)
        }
    }

    fn add_glossary(&mut self, pack: &Pack) -> Result<(), FileError> {
        let file: GlossaryFile = pack.parse()?;
        let language = match &pack.header.language {
            Some(code) if lang::is_known(code) => code.clone(),
            Some(code) => {
                return Err(pack.error(
                    pack.header.id.span(),
                    format!("unknown language `{code}` in [pack]"),
                ))
            }
            None => {
                return Err(pack.error(
                    pack.header.id.span(),
                    "a glossary needs `language` in [pack]",
                ))
            }
        };
        for example in &file.examples.flag {
            pack.check_marked(example)?;
        }
        for (word, meaning) in file.words {
            if word.is_empty() || !word.chars().all(char::is_alphabetic) {
                return Err(pack.error(
                    meaning.span(),
                    format!("`{word}` is not a single word (phrases belong in a pattern pack)"),
                ));
            }
            if meaning.get_ref().trim().is_empty() {
                return Err(pack.error(meaning.span(), format!("`{word}` has no meaning")));
            }
            let gloss = Gloss {
                language: language.clone(),
                meaning: meaning.into_inner(),
            };
            let map = if word.chars().next().is_some_and(char::is_uppercase) {
                &mut self.capitalised
            } else {
                &mut self.lower
            };
            map.entry(word).or_default().push(gloss);
        }
        self.flag_examples
            .extend(file.examples.flag.into_iter().map(Spanned::into_inner));
        self.pass_examples.extend(file.examples.pass);
        Ok(())
    }

    fn add_loanwords(&mut self, pack: &Pack) -> Result<(), FileError> {
        let file: LoanwordFile = pack.parse()?;
        if !file.examples.flag.is_empty() {
            return Err(pack.error(
                file.examples.flag[0].span(),
                "loanwords are never flagged: give only `pass` examples",
            ));
        }
        for word in file.loanwords.words {
            let w = word.get_ref();
            if w.is_empty() || !w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()) {
                return Err(pack.error(
                    word.span(),
                    format!("`{w}` is not a single lower-case word"),
                ));
            }
            self.loanwords.insert(word.into_inner());
        }
        self.pass_examples.extend(file.examples.pass);
        Ok(())
    }

    /// Meanings of a token: capitalised entries match the exact spelling,
    /// lower-case ones the lower-cased token.
    pub fn lookup(&self, token: &str, lowercase: &str) -> &[Gloss] {
        let starts_upper = token.chars().next().is_some_and(char::is_uppercase);
        let entries = if starts_upper {
            self.capitalised.get(token)
        } else {
            self.lower.get(lowercase)
        };
        entries.map_or(&[], Vec::as_slice)
    }

    /// Meanings of a lower-case word regardless of how the token was written.
    pub fn lookup_lower(&self, lowercase: &str) -> &[Gloss] {
        self.lower.get(lowercase).map_or(&[], Vec::as_slice)
    }

    pub fn is_loanword(&self, lowercase: &str) -> bool {
        self.loanwords.contains(lowercase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Glossary, Vec<FileError>> {
        let mut packs = PackSet::default();
        packs.add("g.toml".into(), text.into()).unwrap();
        Glossary::load(&packs)
    }

    #[test]
    fn capitalised_entries_match_only_that_spelling() {
        let g = load(
            "[pack]\nkind = \"untranslated-glossary\"\nid = \"untranslated/glossary/de\"\nlanguage = \"de\"\n[words]\nKiez = \"neighbourhood\"\nprozent = \"per cent\"\n",
        )
        .unwrap();
        assert_eq!(g.lookup("Kiez", "kiez")[0].meaning, "neighbourhood");
        assert!(g.lookup("kiez", "kiez").is_empty());
        assert_eq!(g.lookup("prozent", "prozent")[0].language, "de");
        assert!(g.lookup("Prozent", "prozent").is_empty());
        assert_eq!(g.lookup_lower("prozent").len(), 1);
    }

    #[test]
    fn bad_entries_point_at_the_line() {
        let err = load(
            "[pack]\nkind = \"untranslated-glossary\"\nid = \"untranslated/glossary/sv\"\nlanguage = \"sv\"\n[words]\nregeringen = \"the government\"\n\"läs också\" = \"read also\"\n",
        )
        .err()
        .unwrap();
        assert_eq!(err[0].line(), Some(7));
        let err = load(
            "[pack]\nkind = \"untranslated-loanwords\"\nid = \"untranslated/loanwords\"\n[loanwords]\nwords = [\n  \"angst\",\n  \"Zeitgeist\",\n]\n",
        )
        .err()
        .unwrap();
        assert_eq!(err[0].line(), Some(7));
    }
}
