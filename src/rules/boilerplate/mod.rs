//! Scraping debris (category `boilerplate`): site furniture carried into the
//! article text, and structural damage from scraping and translation.
//!
//! ## What it does
//! - `boilerplate/<entry>` from `rules/boilerplate/furniture.toml`: whole
//!   lines of site furniture, such as related links ("See also: ..."), dead
//!   link labels ("Read more here."), widgets ("You may also like") and
//!   cookie or paywall notices;
//! - `boilerplate/site-name`: a short line near the top that names the site
//!   or a section of it ("Complete News World");
//! - `boilerplate/share-bar`: a line of social buttons ("Facebook Twitter
//!   Email");
//! - `boilerplate/breadcrumb`: navigation trails ("Home » News » Sweden");
//! - `boilerplate/stray-teaser`: a headline of another story between the
//!   headline and the body, sharing no word with the article;
//! - `boilerplate/lowercase-sentence-start`: a sentence that starts in lower
//!   case ("we will see."), a fragment split off by the translation or the
//!   scraper (reported as `other-mt`);
//! - `boilerplate/whitespace-run`: double spaces and no-break-space runs
//!   inside a sentence.
//!
//! ## Why is this bad?
//! None of it belongs to the article; an editor has to find and delete it
//! before publication.
//!
//! ## Example
//! ```text
//! See also  It will build the most "smart" supercomputer in the world
//! ```
//! is a related-article teaser, not a sentence of the article.
//!
//! The family makes one pass over the lines of the document; every pattern
//! is prepared in `build`.

mod lines;
mod structure;

use crate::document::{fold_char, Document};
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::packs::{is_rule_id, Pack, PackHeader, PackSet};
use crate::rule::{Check, Examples, Family, RuleDoc, RuleInfo};
use aho_corasick::AhoCorasick;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use toml::Spanned;

pub const FAMILY: Family = Family {
    name: "boilerplate",
    pack_kinds: &["boilerplate"],
    build: |packs| BoilerplateCheck::build(packs).map(|c| Box::new(c) as Box<dyn Check>),
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoilerplateFile {
    #[allow(dead_code)]
    pack: PackHeader,
    #[serde(default)]
    furniture: Vec<Spanned<FurnitureDef>>,
    site_name: Option<SiteNameDef>,
    share_bar: Option<ShareBarDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FurnitureDef {
    id: Spanned<String>,
    what: String,
    #[serde(default)]
    line: Vec<String>,
    #[serde(default)]
    lead: Vec<String>,
    #[serde(default)]
    contains: Vec<String>,
    severity: Option<Severity>,
    flag: Spanned<Vec<Spanned<String>>>,
    pass: Spanned<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteNameDef {
    media_words: Spanned<Vec<String>>,
    connectors: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShareBarDef {
    words: Spanned<Vec<String>>,
}

/// Indices into [`BoilerplateCheck::rules`] of the built-in rules.
#[derive(Clone, Copy)]
enum Rule {
    SiteName,
    ShareBar,
    Breadcrumb,
    LowercaseSentenceStart,
    WhitespaceRun,
    StrayTeaser,
}

pub struct BoilerplateCheck {
    rules: Vec<RuleInfo>,
    /// Rule index and description of each furniture entry.
    furniture: Vec<(usize, String)>,
    /// Folded whole line -> furniture entry.
    whole_lines: HashMap<String, usize>,
    /// Folded lead phrase -> furniture entry, longest first.
    leads: Vec<(String, usize)>,
    /// Folded phrases of `contains` entries, matched in one pass per line.
    contained: Option<AhoCorasick>,
    /// Furniture entry of each phrase of `contained`.
    contained_entries: Vec<usize>,
    media_words: HashSet<String>,
    connectors: HashSet<String>,
    share_words: HashSet<String>,
}

/// Folds a line for comparison: case, apostrophes, whitespace runs, and the
/// punctuation a label may end with.
fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(fold_char(c).to_lowercase());
        }
    }
    out.trim_matches(|c: char| c == ' ' || is_trailing_mark(c))
        .to_string()
}

fn is_trailing_mark(c: char) -> bool {
    matches!(
        c,
        '.' | ':'
            | '!'
            | '\u{2026}'
            | '\u{BB}'
            | '\u{203A}'
            | '>'
            | '|'
            | '-'
            | '\u{2013}'
            | '\u{2014}'
    )
}

impl BoilerplateCheck {
    pub fn build(packs: &PackSet) -> Result<BoilerplateCheck, Vec<FileError>> {
        let mut check = BoilerplateCheck {
            rules: builtin_rules(),
            furniture: Vec::new(),
            whole_lines: HashMap::new(),
            leads: Vec::new(),
            contained: None,
            contained_entries: Vec::new(),
            media_words: HashSet::new(),
            connectors: HashSet::new(),
            share_words: HashSet::new(),
        };
        let mut errors = Vec::new();
        let mut contained_phrases = Vec::new();
        for pack in packs.of_kind("boilerplate") {
            let file: BoilerplateFile = match pack.parse() {
                Ok(f) => f,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            for def in file.furniture {
                if let Err(e) = check.add_furniture(pack, def.into_inner(), &mut contained_phrases)
                {
                    errors.push(e);
                }
            }
            if let Some(site) = file.site_name {
                if site.media_words.get_ref().is_empty() {
                    errors.push(pack.error(site.media_words.span(), "`media_words` is empty"));
                }
                check
                    .media_words
                    .extend(site.media_words.get_ref().iter().map(|w| fold_line(w)));
                check
                    .connectors
                    .extend(site.connectors.iter().map(|w| fold_line(w)));
            }
            if let Some(bar) = file.share_bar {
                if bar.words.get_ref().is_empty() {
                    errors.push(pack.error(bar.words.span(), "`words` is empty"));
                }
                check
                    .share_words
                    .extend(bar.words.get_ref().iter().map(|w| fold_line(w)));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        check.leads.sort_by_key(|(l, _)| std::cmp::Reverse(l.len()));
        if !contained_phrases.is_empty() {
            let automaton = AhoCorasick::new(&contained_phrases).map_err(|e| {
                let empty = std::sync::Arc::from("");
                vec![FileError::new(
                    "rules/boilerplate",
                    &empty,
                    None,
                    format!("cannot build the `contains` automaton: {e}"),
                )]
            })?;
            check.contained = Some(automaton);
        }
        Ok(check)
    }

    fn add_furniture(
        &mut self,
        pack: &Pack,
        def: FurnitureDef,
        contained_phrases: &mut Vec<String>,
    ) -> Result<(), FileError> {
        let local = def.id.get_ref();
        if !is_rule_id(local) || local.contains('/') {
            return Err(pack.error(
                def.id.span(),
                format!("entry id `{local}` is not kebab-case"),
            ));
        }
        let id = format!("{}/{local}", pack.id());
        if self.rules.iter().any(|r| r.id == id) {
            return Err(pack.error(def.id.span(), format!("duplicate rule id `{id}`")));
        }
        if def.line.is_empty() && def.lead.is_empty() && def.contains.is_empty() {
            return Err(pack.error(
                def.id.span(),
                "the entry needs at least one of `line`, `lead` or `contains`",
            ));
        }
        pack.check_examples(def.id.span(), def.flag.get_ref(), def.pass.get_ref().len())?;
        let entry = self.furniture.len();
        for phrase in &def.line {
            let folded = fold_line(phrase);
            if let Some(&other) = self.whole_lines.get(&folded) {
                if other != entry {
                    return Err(pack.error(
                        def.id.span(),
                        format!("line `{phrase}` is already claimed by another entry"),
                    ));
                }
            }
            self.whole_lines.insert(folded, entry);
        }
        self.leads
            .extend(def.lead.iter().map(|p| (fold_line(p), entry)));
        for phrase in &def.contains {
            contained_phrases.push(fold_line(phrase));
            self.contained_entries.push(entry);
        }
        let severity = def
            .severity
            .or(pack.header.severity)
            .unwrap_or(Severity::Warning);
        let category = pack.header.category.unwrap_or(Category::Boilerplate);
        let quote = |list: &[String]| {
            list.iter()
                .take(4)
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut shapes = Vec::new();
        if !def.line.is_empty() {
            shapes.push(format!("a line that is only {}, ...", quote(&def.line)));
        }
        if !def.lead.is_empty() {
            shapes.push(format!(
                "a line that starts with {}, ... followed by a teaser headline",
                quote(&def.lead)
            ));
        }
        if !def.contains.is_empty() {
            shapes.push(format!(
                "a short line containing {}, ...",
                quote(&def.contains)
            ));
        }
        self.rules.push(RuleInfo {
            id,
            category,
            severity,
            language: None,
            summary: def.what.clone(),
            docs: format!(
                "What it does\n  Flags {}: {}.\n\nWhy is this bad?\n  It is part of the source web page, not of the article.\n\nFix\n  Delete the line.\n",
                def.what,
                shapes.join("; or ")
            ),
            examples: Examples {
                flag: def.flag.into_inner().into_iter().map(Spanned::into_inner).collect(),
                pass: def.pass.into_inner(),
            },
            origin: Some(pack.origin.clone()),
        });
        self.furniture.push((self.rules.len() - 1, def.what));
        Ok(())
    }

    fn finding(&self, rule: usize, span: Range<usize>, message: String) -> Finding {
        let info = &self.rules[rule];
        Finding::new(info.id.clone(), info.category, info.severity, span, message)
    }
}

impl Check for BoilerplateCheck {
    fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        lines::check(self, doc, out);
        structure::check(self, doc, out);
    }
}

struct Doc {
    id: &'static str,
    category: Category,
    severity: Severity,
    summary: &'static str,
    docs: &'static str,
    flag: &'static [&'static str],
    pass: &'static [&'static str],
}

fn builtin_rules() -> Vec<RuleInfo> {
    let docs = [
        Doc {
            id: "site-name",
            category: Category::Boilerplate,
            severity: Severity::Warning,
            summary: "a site or section name standing alone near the top",
            docs: "What it does\n  Flags a short line (at most four words, no sentence punctuation) near the top of the article made only of capitalised words and connectors with a media word such as \"News\", \"Times\" or \"Daily\" (\"Complete News World\", \"Quick news from Aftonbladet\"). The media words are listed in rules/boilerplate/furniture.toml.\n\nWhy is this bad?\n  It is the name of the site the article was scraped from.\n\nFix\n  Delete the line.\n",
            flag: &[
                "June 8, 2023\n\n[Complete News World]\n\nLeica and Xiaomi join forces\n\nThe two companies announced a partnership on Tuesday that will bring Leica cameras to the next generation of Xiaomi phones, both companies said.",
                "[Quick news from Dagbladet]\n\nFerry traffic resumes\n\nFerries between the islands were running again on Sunday after two days of storms had kept all boats in port, the operator said.",
            ],
            pass: &[
                "Fox News host leaves network\n\nThe presenter said on Monday that she would leave the channel after twenty years, ending one of the longest careers in cable news.",
                "Storm hits coast\n\nPolice said on Monday that the coastal road would stay closed.\n\nDaily life in the town has come to a halt, and the schools are closed until further notice, the mayor told reporters.",
            ],
        },
        Doc {
            id: "share-bar",
            category: Category::Boilerplate,
            severity: Severity::Warning,
            summary: "a line of share and social-media buttons",
            docs: "What it does\n  Flags a line made only of share and social-network labels (\"Facebook Twitter Email\", \"Share 0 Tweet\"); the words are listed in rules/boilerplate/furniture.toml.\n\nWhy is this bad?\n  The buttons of the source page were scraped as text.\n\nFix\n  Delete the line.\n",
            flag: &["The fire is under control.\n\n[Facebook Twitter LinkedIn Email]\n\nNo one was injured."],
            pass: &["Facebook said on Monday it would appeal against the fine."],
        },
        Doc {
            id: "breadcrumb",
            category: Category::Boilerplate,
            severity: Severity::Warning,
            summary: "a navigation breadcrumb trail (\"Home \u{BB} News \u{BB} Sweden\")",
            docs: "What it does\n  Flags a line of short segments separated by \u{BB}, \u{203A}, >, / or | (\"Home \u{BB} today \u{BB} News \u{BB}\").\n\nWhy is this bad?\n  It is the source site's navigation, not the article.\n\nFix\n  Delete the line.\n",
            flag: &["[Home \u{BB} today \u{BB} News \u{BB}]\n\nThe government fell on Tuesday."],
            pass: &[
                "The rate is 4.5 percent / year, the bank said.",
                "STOCKHOLM/OSLO (Reuters) \u{2013} Both central banks held rates.",
            ],
        },
        Doc {
            id: "lowercase-sentence-start",
            category: Category::OtherMt,
            severity: Severity::Warning,
            summary: "a sentence that starts in lower case (\"we will see.\")",
            docs: "What it does\n  Flags a paragraph, or a sentence after a question or exclamation mark, that starts with a lower-case word. List items, words like \"iPhone\" or \"eBay\" and name particles (\"van Gogh\") are not flagged.\n\nWhy is this bad?\n  It is a fragment that the translation engine or the scraper split off from its sentence, or a sentence whose capital was lost.\n\nFix\n  Capitalise it or join it to the sentence it belongs to.\n",
            flag: &[
                "Both parties face an exciting future, he says.\n\n[we] will see.",
                "Will the plan work? [nobody] knows yet.",
            ],
            pass: &[
                "We will see.",
                "iPhone sales rose in the quarter.",
                "\"Is it over?\" she asked.",
                "van Gogh's early paintings are on show.",
            ],
        },
        Doc {
            id: "whitespace-run",
            category: Category::Boilerplate,
            severity: Severity::Info,
            summary: "a double space or no-break-space run inside a sentence",
            docs: "What it does\n  Flags two or more spaces (including no-break and narrow no-break spaces) between words inside a sentence. Two spaces after a full stop, a typewriter habit, are not flagged.\n\nWhy is this bad?\n  It usually marks a place where a link, an image or a word was removed by the scraper or the translation.\n\nFix\n  Use a single space (applied by --fix).\n",
            flag: &["The company said[  ]it would appeal."],
            pass: &["The company appealed.  It lost again.", "The ship is 10\u{a0}km off the coast."],
        },
        Doc {
            id: "stray-teaser",
            category: Category::Boilerplate,
            severity: Severity::Warning,
            summary: "a teaser headline for another story between the headline and the body",
            docs: "What it does\n  Flags a headline-like line (four to fourteen words, no digits, no closing punctuation) between the article's headline and its body when none of its words of four letters or more occurs anywhere else in the article.\n\nWhy is this bad?\n  It is a link to another story on the source page.\n\nFix\n  Delete the line.\n",
            flag: &["Korans desecrated in Ronneby\n\n[Leksand extended the winning streak against AIK]\n\nSeveral Korans have been desecrated and scattered in Ronneby municipality, the police said on Monday, adding that they had opened an investigation into hate crime and asked witnesses to come forward."],
            pass: &["Korans desecrated in Ronneby\n\nPolice open hate-crime investigation\n\nSeveral Korans have been desecrated and scattered in Ronneby municipality, the police said on Monday, adding that they had opened an investigation into hate crime and asked witnesses to come forward."],
        },
    ];
    docs.into_iter()
        .map(|d| {
            RuleDoc {
                id: d.id,
                severity: d.severity,
                summary: d.summary,
                docs: d.docs,
                flag: d.flag,
                pass: d.pass,
            }
            .to_info("boilerplate", d.category)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::InputFormat;

    fn flagged(text: &str, format: InputFormat) -> Vec<(String, String)> {
        let mut packs = PackSet::default();
        packs
            .add(
                "rules/boilerplate/furniture.toml".into(),
                include_str!("../../../rules/boilerplate/furniture.toml").into(),
            )
            .expect("pack header");
        let check = BoilerplateCheck::build(&packs).unwrap_or_else(|e| panic!("{e:?}"));
        let doc = Document::new(text.to_string(), format);
        let mut out = Vec::new();
        check.check(&doc, &mut out);
        out.into_iter()
            .map(|f| (f.rule, doc.text()[f.span].to_string()))
            .collect()
    }

    #[test]
    fn the_seed_debris_is_caught() {
        let text = "June 8, 2023\n\n\nComplete News World\n\nLeica's collaboration attracts after Huawei\n\n\
            If there's one thing that phone makers love, it's that they adorn themselves with brand names from the photo industry.\n\n\
            See also\u{a0} It will build the most \"smart\" supercomputer in the world\n\n\
            Both parties face a very exciting future, he says.\n\nwe will see.";
        let rules: Vec<_> = flagged(text, InputFormat::Text)
            .into_iter()
            .map(|(rule, _)| rule)
            .collect();
        assert_eq!(
            rules,
            [
                "boilerplate/site-name",
                "boilerplate/related-link",
                "boilerplate/lowercase-sentence-start",
                "boilerplate/whitespace-run",
            ]
        );
    }

    #[test]
    fn native_articles_pass() {
        let text = "Storm hits Norway's coast\n\nOSLO (Reuters) \u{2013} A storm hit the coast on Friday.  \
            Police said 10\u{a0}km of road was closed. See also the warnings issued on Thursday.\n\n\
            Read more about the plan on the ministry's website.\n\n\
            The main parties have said:\n\n- they want a stable majority;\n- they would prefer a small coalition.\n\n\
            iPhone sales rose. \"Is it over?\" she asked. van Gogh's paintings survived.\n\n\
            Facebook said on Monday it would appeal against the fine.";
        assert_eq!(flagged(text, InputFormat::Text), []);
    }

    #[test]
    fn markdown_and_html_list_items_may_start_in_lower_case() {
        let md = "# Plans\n\nThe parties said:\n\n- they want a majority;\n- they want few parties.\n\n1. first we vote\n";
        assert_eq!(flagged(md, InputFormat::Markdown), []);
        let html = "<html><body><p>The parties said:</p><ul><li>they want a majority</li></ul><p>It rained.</p><p>we will see.</p></body></html>";
        assert_eq!(
            flagged(html, InputFormat::Html),
            [(
                "boilerplate/lowercase-sentence-start".to_string(),
                "we".to_string()
            )]
        );
    }

    #[test]
    fn builtin_rule_order_matches_the_enum() {
        let rules = builtin_rules();
        assert_eq!(rules[Rule::SiteName as usize].id, "boilerplate/site-name");
        assert_eq!(rules[Rule::ShareBar as usize].id, "boilerplate/share-bar");
        assert_eq!(
            rules[Rule::Breadcrumb as usize].id,
            "boilerplate/breadcrumb"
        );
        assert_eq!(
            rules[Rule::LowercaseSentenceStart as usize].id,
            "boilerplate/lowercase-sentence-start"
        );
        assert_eq!(
            rules[Rule::WhitespaceRun as usize].id,
            "boilerplate/whitespace-run"
        );
        assert_eq!(
            rules[Rule::StrayTeaser as usize].id,
            "boilerplate/stray-teaser"
        );
    }

    #[test]
    fn lines_fold_case_apostrophes_spaces_and_trailing_marks() {
        assert_eq!(fold_line("  Don\u{2019}t   Miss: "), "don't miss");
        assert_eq!(fold_line("Read more here."), "read more here");
        assert_eq!(fold_line("News \u{BB}"), "news");
    }
}
