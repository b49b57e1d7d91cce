//! Locale conventions carried over from the source language (category
//! `locale-punct`).
//!
//! ## What it does
//! Finds typography and notation that belong to the source language rather
//! than to English:
//!
//! - `locale/dash-quote`: a paragraph or line opened by a dash to mark direct
//!   speech (the Scandinavian and Finnish *talstreck*: "– We are ready, says
//!   Anna Berg.");
//! - `locale/unmarked-quote`: first-person speech with no quotation marks at
//!   all, closed by ", says NAME" (a dash-quote whose dash was lost);
//! - `locale/decimal-comma`, `locale/space-thousands`: "3,5 percent",
//!   "10 000 kronor";
//! - `locale/dotted-time`, `locale/clock-word`, `locale/numeric-date`,
//!   `locale/ordinal-dot-date`, `locale/lowercase-month`: "at 02.52",
//!   "kl. 14", "8.1. 17:54", "on 8. June", "the 8th of june";
//! - `locale/continental-quotes`: „…“, »…«, »…» and « … »;
//! - `locale/unit/*`: abbreviations from `rules/locale/units.toml` ("12 mkr",
//!   "3 mil", "40 milliard").
//!
//! ## Why is this bad?
//! An English reader takes "3,5" for a list or a misprint, "10 000" for two
//! numbers and a dash at the start of a paragraph for a list item; the text
//! also tells every reader that it was machine-translated.
//!
//! ## Example
//! ```text
//! – We are convinced this will work, says Anna Berg.
//! Prices rose by 3,5 percent to 10 000 kronor at 02.52.
//! ```
//! becomes
//! ```text
//! "We are convinced this will work," says Anna Berg.
//! Prices rose by 3.5 percent to 10,000 kronor at 2.52 am.
//! ```
//!
//! Every check is a scan of the text or a regex compiled once in `build`.

mod dash_quote;
mod dates;
mod numbers;
mod quotes;
mod units;

use crate::document::Document;
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::packs::{PackHeader, PackSet};
use crate::rule::{Check, Family, RuleInfo};
use serde::Deserialize;
use toml::Spanned;

pub const FAMILY: Family = Family {
    name: "locale",
    pack_kinds: &["locale"],
    build: |packs| LocaleCheck::build(packs).map(|c| Box::new(c) as Box<dyn Check>),
};

/// A `kind = "locale"` pack: either the speech vocabulary or a unit table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleFile {
    #[allow(dead_code)]
    pack: PackHeader,
    speech: Option<SpeechDef>,
    #[serde(default)]
    unit: Vec<Spanned<units::UnitDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeechDef {
    verbs: Spanned<Vec<String>>,
    first_person: Spanned<Vec<String>>,
}

pub struct LocaleCheck {
    rules: Vec<RuleInfo>,
    speech: dash_quote::Speech,
    numbers: numbers::Numbers,
    dates: dates::Dates,
    units: units::Units,
}

/// Indices into [`LocaleCheck::rules`] of the built-in rules, in the order
/// [`builtin_rules`] creates them.
#[derive(Clone, Copy)]
enum Rule {
    DashQuote,
    UnmarkedQuote,
    DecimalComma,
    SpaceThousands,
    DotThousands,
    DottedTime,
    ClockWord,
    NumericDate,
    OrdinalDotDate,
    LowercaseMonth,
    ContinentalQuotes,
}

impl LocaleCheck {
    pub fn build(packs: &PackSet) -> Result<LocaleCheck, Vec<FileError>> {
        let mut rules = builtin_rules();
        let mut speech: Option<dash_quote::Speech> = None;
        let mut unit_defs = Vec::new();
        let mut errors = Vec::new();
        for pack in packs.of_kind("locale") {
            let file: LocaleFile = match pack.parse() {
                Ok(f) => f,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if let Some(def) = file.speech {
                for (list, name) in [(&def.verbs, "verbs"), (&def.first_person, "first_person")] {
                    if list.get_ref().is_empty() {
                        errors.push(pack.error(list.span(), format!("`{name}` is empty")));
                    }
                }
                speech = Some(dash_quote::Speech::new(
                    def.verbs.get_ref(),
                    def.first_person.get_ref(),
                ));
            }
            for def in file.unit {
                unit_defs.push((pack, def));
            }
        }
        let units = units::Units::build(unit_defs, &mut rules, &mut errors);
        let Some(speech) = speech else {
            if errors.is_empty() {
                let empty = std::sync::Arc::from("");
                errors.push(FileError::new(
                    "rules/locale",
                    &empty,
                    None,
                    "no locale pack defines the [speech] table",
                ));
            }
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(LocaleCheck {
            rules,
            speech,
            numbers: numbers::Numbers::new(),
            dates: dates::Dates::new(),
            units,
        })
    }

    fn finding(&self, rule: Rule, span: std::ops::Range<usize>, message: String) -> Finding {
        let info = &self.rules[rule as usize];
        Finding::new(info.id.clone(), info.category, info.severity, span, message)
    }
}

impl Check for LocaleCheck {
    fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        dash_quote::check(self, doc, out);
        self.numbers.check(self, doc, out);
        self.dates.check(self, doc, out);
        quotes::check(self, doc, out);
        self.units.check(&self.rules, doc, out);
    }
}

/// The curly quotes when the document already uses them, else straight ones.
fn quote_marks(doc: &Document) -> (&'static str, &'static str) {
    if doc.text().contains(['\u{201C}', '\u{201D}']) {
        ("\u{201C}", "\u{201D}")
    } else {
        ("\"", "\"")
    }
}

/// Makes every `\b` of a pattern an ASCII word boundary. A Unicode `\b`
/// keeps the regex engine off its fast automaton on non-ASCII text; the
/// checks that need Unicode letters ([`word_before`], [`word_after`]) are
/// made on the match.
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `text[at..]` is preceded by a word character.
fn word_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(is_word_char)
}

/// Whether `text[..at]` is followed by a word character.
fn word_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(is_word_char)
}

use crate::rule::RuleDoc as Doc;

fn builtin_rules() -> Vec<RuleInfo> {
    let docs = [
        Doc {
            id: "dash-quote",
            severity: Severity::Warning,
            summary: "a dash opens direct speech (Scandinavian/Finnish convention); use quotation marks",
            docs: "What it does\n  Flags a paragraph or line that opens with a dash to mark direct speech, as Swedish, Norwegian, Danish and Finnish news do (\"– We are ready, says Anna Berg.\").\n\nWhy is this bad?\n  English marks speech with quotation marks; a leading dash reads as a list item or a stray mark. Lines in a list (several adjacent dash lines without speech) and dashes inside a sentence, such as the dateline \"OSLO (Reuters) –\", are not flagged.\n\nFix\n  Put the speech in quotation marks and keep the attribution outside: \"We are ready,\" says Anna Berg.\n",
            flag: &[
                "The minister was clear.\n\n[– We will not raise taxes this year,] says Anna Berg.",
                "The chief executive said:\n\n[– This is a historic day for the company.]",
                "Police are at the scene.\n[– I heard a loud bang and ran outside.]\nThe road remains closed.",
                "Norway crushed Italy: [– Now we believe in it]\n\nThe team won 3-0 in Oslo.",
            ],
            pass: &[
                "OSLO (Reuters) – Norway's parliament on Thursday approved the plan.",
                "The main parties have said:\n\n- they want a stable majority;\n- they would prefer a small coalition.",
                "Key dates:\n- Monday: retail sales\n- Tuesday: unemployment figures",
                "The museum is open 10–18 daily, and tickets cost 120–150 crowns.",
                "Election guide: – the parties and their leaders",
                "\"We will not raise taxes this year,\" says Anna Berg.",
            ],
        },
        Doc {
            id: "unmarked-quote",
            severity: Severity::Warning,
            summary: "first-person speech without quotation marks before \", says NAME\"",
            docs: "What it does\n  Flags a paragraph that speaks in the first person, has no quotation marks and ends with an attribution (\"..., said Romer on the radio.\"). This is a dash-quote whose dash was dropped, so the speech reads as narration.\n\nWhy is this bad?\n  The reader cannot tell the reporter's words from the speaker's.\n\nFix\n  Put the speech in quotation marks.\n",
            flag: &["[I was angry and I left the party early,] said Romer on the radio."],
            pass: &[
                "\"I was angry and I left the party early,\" said Romer on the radio.",
                "The party ended early, the organisers said on Monday.",
            ],
        },
        Doc {
            id: "decimal-comma",
            severity: Severity::Warning,
            summary: "decimal comma (\"3,5 percent\"); English uses a decimal point",
            docs: "What it does\n  Flags a number with a comma before one or two digits followed by a unit (\"3,5 percent\", \"1,25 million\").\n\nWhy is this bad?\n  In English the comma separates thousands, so \"3,5\" reads as a typo.\n\nFix\n  Write a decimal point: \"3.5 percent\" (applied by --fix).\n",
            flag: &["Unemployment rose to [3,5] percent in May."],
            pass: &[
                "Unemployment rose to 3.5 percent in May.",
                "The club sold 1,500 tickets and 2,400 season cards.",
                "Chapters 1,2 and 3 are free to read.",
            ],
        },
        Doc {
            id: "space-thousands",
            severity: Severity::Warning,
            summary: "space as thousands separator (\"10 000 kronor\")",
            docs: "What it does\n  Flags numbers whose groups of three digits are separated by spaces before a word (\"10 000 kronor\").\n\nWhy is this bad?\n  English news groups thousands with commas; \"10 000\" can be read as two numbers.\n\nFix\n  Write \"10,000\".\n",
            flag: &["The fine was [10 000] kronor."],
            pass: &[
                "The fine was 10,000 kronor.",
                "Between 2015 and 2020 100 schools closed, officials said.",
                "On May 2 100 protesters gathered outside.",
            ],
        },
        Doc {
            id: "dot-thousands",
            severity: Severity::Warning,
            summary: "dot as thousands separator (\"4.000 jobs\")",
            docs: "What it does\n  Flags numbers grouped with dots before a counted noun or a currency (\"4.000 jobs\", \"1.250 euros\", \"1.250.000\").\n\nWhy is this bad?\n  In English the dot is the decimal point: \"4.000 jobs\" reads as four jobs.\n\nFix\n  Write \"4,000\".\n",
            flag: &["The supplier will cut [4.000] jobs in Germany."],
            pass: &[
                "The supplier will cut 4,000 jobs in Germany.",
                "The bond pays 1.125 percent a year.",
                "The winner ran 1.500 seconds faster.",
            ],
        },
        Doc {
            id: "dotted-time",
            severity: Severity::Warning,
            summary: "24-hour time with a dot and leading zero (\"at 02.52\")",
            docs: "What it does\n  Flags clock times written the Nordic and German way: a dot and a leading zero (\"at 02.52\"), or an afternoon hour with a dot next to a day word (\"today at 14.30\").\n\nWhy is this bad?\n  English writes \"2.52 am\" (British) or \"2:52 a.m.\" (American); \"02.52\" looks like a price or a decimal.\n\nFix\n  Write \"2.52 am\" or \"02:52\".\n",
            flag: &[
                "The alarm went off at [02.52] on Sunday.",
                "The meeting starts today at [14.30], the council said.",
                "Police arrived around [22.15 hours] on Friday.",
            ],
            pass: &[
                "The alarm went off at 2.52 am on Sunday.",
                "Shares closed at 14.30 crowns on Friday.",
                "The train leaves at 11.45am.",
                "Shares closed at 14.30 on Friday.",
            ],
        },
        Doc {
            id: "clock-word",
            severity: Severity::Warning,
            summary: "source-language clock word (\"kl. 14\", \"klo 14\", \"14 Uhr\", \"14 o'clock\")",
            docs: "What it does\n  Flags the Scandinavian \"kl.\" (klockan/klokken), Finnish \"klo\", German \"Uhr\", Dutch \"uur\", French \"17h30\" and 24-hour \"o'clock\" (\"14 o'clock\", \"02:30 o'clock\") left in a time.\n\nWhy is this bad?\n  None of these is English; \"14 o'clock\" mixes two systems.\n\nFix\n  Write \"at 2 pm\" or \"at 14:00\".\n",
            flag: &[
                "The police were called around [22 Uhr] to the station.",
                "The debate resumes at [17h30] in the Assembly.",
                "The press conference starts [kl. 14] in Stockholm.",
                "The shop opens at [14 o'clock] on Sundays.",
            ],
            pass: &[
                "The press conference starts at 2 pm in Stockholm.",
                "The shop opens at two o'clock on Sundays.",
            ],
        },
        Doc {
            id: "numeric-date",
            severity: Severity::Warning,
            summary: "dotted numeric date (\"23.5.2021\", \"8.1. 17:54\")",
            docs: "What it does\n  Flags dates written day.month.year or day.month. followed by a time, as Finnish, German and the Scandinavian languages write them.\n\nWhy is this bad?\n  English readers cannot tell the day from the month, and a trailing dot reads as a decimal.\n\nFix\n  Write the month as a word: \"23 May 2021\".\n",
            flag: &[
                "The statement was published on [23.5.2021] by the police.",
                "Updated [8.1.] 17:54",
            ],
            pass: &[
                "The statement was published on 23 May 2021 by the police.",
                "The index rose 8.1 percent, then 2.3 more.",
                "Version 10.0.1 fixes the bug.",
            ],
        },
        Doc {
            id: "ordinal-dot-date",
            severity: Severity::Warning,
            summary: "ordinal dot in a date (\"on 8. June\")",
            docs: "What it does\n  Flags a day number followed by a dot and a month name, the German and Nordic way of writing an ordinal (\"8. Juni\").\n\nWhy is this bad?\n  In English the dot ends a sentence.\n\nFix\n  Write \"8 June\".\n",
            flag: &["The exhibition opens on [8. June] in Bergen."],
            pass: &[
                "The exhibition opens on 8 June in Bergen.",
                "The vote was 52 to 8. June will bring a second round.",
            ],
        },
        Doc {
            id: "lowercase-month",
            severity: Severity::Warning,
            summary: "month or weekday in lower case (\"the 8th of june\", \"on monday\")",
            docs: "What it does\n  Flags month and weekday names in lower case, as the Nordic languages, Dutch, Finnish and the Romance languages write them.\n\nWhy is this bad?\n  English capitalises them.\n\nFix\n  Capitalise the name (applied by --fix). \"may\", \"march\" and \"august\" are flagged only next to a day number or year.\n",
            flag: &[
                "The ceremony takes place on the 8th of [june].",
                "Talks resume on [monday] in Brussels.",
                "The vote was held on 8 [may] 2023.",
            ],
            pass: &[
                "The ceremony takes place on the 8th of June.",
                "You may march in August, but the august body may object.",
            ],
        },
        Doc {
            id: "continental-quotes",
            severity: Severity::Warning,
            summary: "continental quotation marks (\u{201E}\u{2026}\u{201C}, \u{BB}\u{2026}\u{AB}, \u{AB} \u{2026} \u{BB})",
            docs: "What it does\n  Flags German low-high quotes (\u{201E}\u{2026}\u{201C}), guillemets pointing inwards or outwards (\u{BB}\u{2026}\u{AB}, \u{AB}\u{2026}\u{BB}) and the Swedish and Finnish \u{BB}\u{2026}\u{BB}, with or without French spacing.\n\nWhy is this bad?\n  English uses \u{201C}\u{2026}\u{201D} or \"\u{2026}\".\n\nFix\n  Replace the marks (applied by --fix). Guillemets with spaces on both sides used as separators (\"Home \u{BB} News\") are left to boilerplate/breadcrumb.\n",
            flag: &[
                "The minister called the plan [\u{201E}unrealistic\u{201C}] on Monday.",
                "She called it [\u{AB} a scandal \u{BB}] in parliament.",
                "He called it [\u{BB}a good start\u{BB}] yesterday.",
            ],
            pass: &[
                "The minister called the plan \u{201C}unrealistic\u{201D} on Monday.",
                "Home \u{BB} News \u{BB} Politics",
            ],
        },
    ];
    docs.into_iter()
        .map(|d| d.to_info("locale", Category::LocalePunct))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::InputFormat;

    fn locale() -> LocaleCheck {
        let mut packs = PackSet::default();
        for (origin, text) in [
            (
                "rules/locale/speech.toml",
                include_str!("../../../rules/locale/speech.toml"),
            ),
            (
                "rules/locale/units.toml",
                include_str!("../../../rules/locale/units.toml"),
            ),
        ] {
            packs.add(origin.into(), text.into()).expect("pack header");
        }
        LocaleCheck::build(&packs).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn flagged(text: &str, format: InputFormat) -> Vec<(String, String)> {
        let doc = Document::new(text.to_string(), format);
        let mut out = Vec::new();
        locale().check(&doc, &mut out);
        out.into_iter()
            .map(|f| (f.rule, doc.text()[f.span].to_string()))
            .collect()
    }

    #[test]
    fn builtin_rule_order_matches_the_enum() {
        let rules = builtin_rules();
        assert_eq!(rules[Rule::DashQuote as usize].id, "locale/dash-quote");
        assert_eq!(
            rules[Rule::DotThousands as usize].id,
            "locale/dot-thousands"
        );
        assert_eq!(
            rules[Rule::ContinentalQuotes as usize].id,
            "locale/continental-quotes"
        );
    }

    #[test]
    fn native_dashes_datelines_ranges_and_lists_pass() {
        let native = "OSLO (Reuters) \u{2013} Norway's parliament on Thursday approved the scheme.\n\n\
            COPENHAGEN \u{2014} Denmark will set up a fund \u{2013} worth 50 billion crowns \u{2013} for air defence.\n\n\
            The museum is open 10\u{2013}18 daily from May\u{2013}September, and the 2019\u{2013}2023 figures are on pages 5\u{2013}7.\n\n\
            The parties have said:\n\n- they want a stable majority;\n- they would prefer a small coalition.\n\n\
            Key dates:\n- Monday: retail sales\n- Tuesday: unemployment figures\n\n\
            \u{201C}We are ready,\u{201D} said Anna Berg. \"I think so,\" he added.\n\n\
            \u{2014} Reporting by Anna Berg; editing by Tom Lee";
        assert_eq!(flagged(native, InputFormat::Text), []);
    }

    #[test]
    fn markdown_lists_lose_their_marker_but_dash_quotes_do_not() {
        let md = "# Plans\n\nThe party promised:\n\n- We will cut taxes\n- We will build homes\n\n\u{2013} We are ready, says Anna Berg.\n";
        let found = flagged(md, InputFormat::Markdown);
        assert_eq!(
            found,
            [(
                "locale/dash-quote".to_string(),
                "\u{2013} We are ready,".to_string()
            )]
        );
    }

    #[test]
    fn english_numbers_times_and_dates_pass() {
        let native = "Prices rose 3.5 percent to 10,000 kronor, and the 1,340-kilometre border \
            closed at 2.52 am (02:52) on 8 June 2023. The bond pays 1.125 percent. \
            Shares closed at 14.30 crowns. Chapters 1,2 and 3 are free. In May the march \
            was august. Version 10.0.1 is out. It cost SEK 1.2 billion, or $5 mil.";
        assert_eq!(flagged(native, InputFormat::Text), []);
    }

    #[test]
    fn continental_notation_is_flagged_with_english_suggestions() {
        let doc = Document::new(
            "Inflation hit 3,5 percent. The fine was 10 000 kronor and 4.000 jobs went at 02.52 on 8. June.".to_string(),
            InputFormat::Text,
        );
        let mut out = Vec::new();
        locale().check(&doc, &mut out);
        let fixes: Vec<_> = out
            .iter()
            .map(|f| f.suggestions[0].replacement.as_str())
            .collect();
        assert_eq!(fixes, ["3.5", "10,000", "4,000", "2.52 am", "8 June"]);
    }

    #[test]
    fn source_language_abbreviations_carry_their_language() {
        let doc = Document::new(
            "Profit was 12 mkr. Doors open klo 14.".to_string(),
            InputFormat::Text,
        );
        let mut out = Vec::new();
        locale().check(&doc, &mut out);
        let langs: Vec<_> = out.iter().map(|f| f.language.as_deref()).collect();
        assert_eq!(langs, [Some("fi"), Some("sv")]);
    }
}
