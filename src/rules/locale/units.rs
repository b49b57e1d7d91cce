//! `locale/unit/*`: source-language units and money abbreviations from the
//! `[[unit]]` tables of `kind = "locale"` packs (`rules/locale/units.toml`).
//! All forms of all entries are compiled into one regex.

use super::{word_after, word_before};
use crate::document::Document;
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::lang;
use crate::packs::{is_rule_id, Pack};
use crate::rule::{Examples, RuleInfo};
use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnitDef {
    id: Spanned<String>,
    forms: Spanned<Vec<String>>,
    meaning: String,
    after_number: bool,
    replacement: Spanned<String>,
    #[serde(default)]
    scale: Option<f64>,
    language: Option<Spanned<String>>,
    severity: Option<Severity>,
    flag: Spanned<Vec<Spanned<String>>>,
    pass: Spanned<Vec<String>>,
}

struct Unit {
    rule: usize,
    meaning: String,
    after_number: bool,
    replacement: String,
    scale: f64,
    language: Option<String>,
}

pub(super) struct Units {
    units: Vec<Unit>,
    by_form: HashMap<String, usize>,
    pattern: Option<Regex>,
}

impl Units {
    pub(super) fn build(
        defs: Vec<(&Pack, Spanned<UnitDef>)>,
        rules: &mut Vec<RuleInfo>,
        errors: &mut Vec<FileError>,
    ) -> Units {
        let mut units = Units {
            units: Vec::new(),
            by_form: HashMap::new(),
            pattern: None,
        };
        for (pack, def) in defs {
            if let Err(e) = units.add(pack, def.into_inner(), rules) {
                errors.push(e);
            }
        }
        let mut forms: Vec<&String> = units.by_form.keys().collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        if !forms.is_empty() {
            let alternatives: Vec<String> = forms.iter().map(|f| regex::escape(f)).collect();
            let pattern = format!(
                r"(?:(\d+(?:[ \u{{a0}}\u{{202f}}]\d{{3}})*(?:[.,]\d+)?)[ \u{{a0}}\u{{202f}}]?)?({})",
                alternatives.join("|")
            );
            units.pattern =
                Some(Regex::new(&pattern).expect("escaped unit forms form a valid regex"));
        }
        units
    }

    fn add(
        &mut self,
        pack: &Pack,
        def: UnitDef,
        rules: &mut Vec<RuleInfo>,
    ) -> Result<(), FileError> {
        let local = def.id.get_ref();
        if !is_rule_id(local) || local.contains('/') {
            return Err(pack.error(
                def.id.span(),
                format!("unit id `{local}` is not kebab-case"),
            ));
        }
        let id = format!("{}/{local}", pack.id());
        if rules.iter().any(|r| r.id == id) {
            return Err(pack.error(def.id.span(), format!("duplicate unit id `{local}`")));
        }
        if def.forms.get_ref().is_empty() {
            return Err(pack.error(def.forms.span(), "`forms` is empty"));
        }
        if def.after_number != def.replacement.get_ref().contains("{n}") {
            return Err(pack.error(
                def.replacement.span(),
                "the replacement contains \"{n}\" exactly when `after_number` is true",
            ));
        }
        if let Some(l) = &def.language {
            if !lang::is_known(l.get_ref()) {
                return Err(pack.error(l.span(), format!("unknown language `{}`", l.get_ref())));
            }
        }
        pack.check_examples(def.id.span(), def.flag.get_ref(), def.pass.get_ref().len())?;
        let index = self.units.len();
        for form in def.forms.get_ref() {
            if let Some(&other) = self.by_form.get(form) {
                if other != index {
                    return Err(pack.error(
                        def.forms.span(),
                        format!("form `{form}` is already claimed by another unit"),
                    ));
                }
            }
            self.by_form.insert(form.clone(), index);
        }
        let language = def.language.map(Spanned::into_inner);
        let severity = def
            .severity
            .or(pack.header.severity)
            .unwrap_or(Severity::Warning);
        let forms = def
            .forms
            .get_ref()
            .iter()
            .map(|f| format!("\"{f}\""))
            .collect::<Vec<_>>()
            .join(", ");
        rules.push(RuleInfo {
            id,
            category: Category::LocalePunct,
            severity,
            language: language.clone(),
            summary: format!("{forms}: {}", def.meaning),
            docs: format!(
                "What it does\n  Flags {forms}{}.\n\nWhy is this bad?\n  It is {}; English readers do not know the abbreviation.\n\nFix\n  Write \"{}\".\n",
                if def.after_number { " after a number" } else { "" },
                def.meaning,
                def.replacement.get_ref()
            ),
            examples: Examples {
                flag: def.flag.into_inner().into_iter().map(Spanned::into_inner).collect(),
                pass: def.pass.into_inner(),
            },
            origin: Some(pack.origin.clone()),
        });
        self.units.push(Unit {
            rule: rules.len() - 1,
            meaning: def.meaning,
            after_number: def.after_number,
            replacement: def.replacement.into_inner(),
            scale: def.scale.unwrap_or(1.0),
            language,
        });
        Ok(())
    }

    pub(super) fn check(&self, rules: &[RuleInfo], doc: &Document, out: &mut Vec<Finding>) {
        let Some(pattern) = &self.pattern else {
            return;
        };
        let text = doc.text();
        for caps in pattern.captures_iter(text) {
            let form = caps.get(2).expect("group");
            let unit = &self.units[self.by_form[form.as_str()]];
            let number = caps.get(1);
            let start = number.map_or(form.start(), |n| n.start());
            let mut end = form.end();
            // "mrd." keeps its dot only inside a sentence ("19 mrd. kroner").
            if form.as_str().ends_with('.') {
                let rest = &text[end..];
                let inside = rest.starts_with(' ')
                    && rest[1..].starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
                if !inside {
                    end -= 1;
                }
            } else if word_after(text, end) {
                continue;
            }
            if word_before(text, start)
                || text[..start].ends_with(['$', '£', '.', ','])
                || (unit.after_number && number.is_none())
            {
                continue;
            }
            let fixed = match number {
                Some(n) if unit.after_number => {
                    let Some(value) = parse_number(n.as_str()) else {
                        continue;
                    };
                    unit.replacement
                        .replace("{n}", &format_number(value * unit.scale))
                }
                _ => unit.replacement.clone(),
            };
            // Without "{n}" the number stays as written.
            let (span, fixed) = if unit.after_number {
                (start..end, fixed)
            } else {
                (form.start()..end, fixed)
            };
            let rule = &rules[unit.rule];
            let found = &text[span.clone()];
            let mut finding = Finding::new(
                rule.id.clone(),
                rule.category,
                rule.severity,
                span,
                format!("\"{found}\": {}; write \"{fixed}\"", unit.meaning),
            )
            .with_suggestion(fixed, false);
            if let Some(l) = &unit.language {
                finding = finding.with_language(l.clone());
            }
            out.push(finding);
        }
    }
}

/// "1,5" and "1.5" are both one and a half here (the unit is continental),
/// but "1,500" is fifteen hundred.
fn parse_number(s: &str) -> Option<f64> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let thousands = compact
        .split_once(',')
        .is_some_and(|(_, frac)| frac.len() == 3);
    if thousands {
        compact.replace(',', "").parse().ok()
    } else {
        compact.replace(',', ".").parse().ok()
    }
}

/// 48000 -> "48,000"; 1.5 -> "1.5".
fn format_number(value: f64) -> String {
    if value.fract().abs() > 1e-9 {
        return format!("{}", (value * 100.0).round() / 100.0);
    }
    let digits = format!("{}", value.round() as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_continentally_and_written_in_english() {
        assert_eq!(parse_number("1,5"), Some(1.5));
        assert_eq!(parse_number("10 000"), Some(10000.0));
        assert_eq!(parse_number("1,500"), Some(1500.0));
        assert_eq!(format_number(48000.0), "48,000");
        assert_eq!(format_number(15.0), "15");
        assert_eq!(format_number(1.5), "1.5");
        assert_eq!(format_number(1234567.0), "1,234,567");
    }
}
