//! Caption, credit and label patterns (`kind = "untranslated-pattern"`):
//! source-language furniture such as "Foto: Henrik Montgomery/TT",
//! "Läs också:" or "Kommentare", and half-translated forms such as
//! "Photo: Privat". Each entry is a regular expression over the document's
//! text and becomes the rule `<pack id>/<entry id>`; a group named `flag`
//! narrows the reported span to part of the match.

use crate::document::Document;
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::lang;
use crate::packs::{is_rule_id, Pack, PackHeader, PackSet};
use crate::rule::{Examples, RuleInfo};
use regex::{Regex, RegexSet};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use toml::Spanned;

pub const KIND: &str = "untranslated-pattern";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    #[allow(dead_code)]
    pack: PackHeader,
    /// Named fragments that patterns use as `{name}`.
    #[serde(default)]
    define: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    entry: Vec<EntryDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDef {
    id: Spanned<String>,
    language: Option<String>,
    /// What the match is, for the message: `Swedish photo credit "Foto:"`.
    what: String,
    /// What an English article would write instead, for the docs.
    meaning: String,
    pattern: Spanned<String>,
    /// The fix: a template using the pattern's named groups (`Photo: $credit`);
    /// empty to remove the match.
    replacement: Option<Spanned<String>>,
    #[serde(default)]
    safe_fix: bool,
    severity: Option<Severity>,
    note: Option<String>,
    flag: Spanned<Vec<Spanned<String>>>,
    pass: Spanned<Vec<String>>,
}

struct Entry {
    /// Index of the entry's rule in the family's rule list.
    rule: usize,
    regex: Regex,
    what: String,
    language: Option<String>,
    replacement: String,
    safe_fix: bool,
}

/// Every pattern of every pack, matched together.
pub struct Patterns {
    entries: Vec<Entry>,
    set: RegexSet,
}

impl Patterns {
    /// Compiles the packs and appends one [`RuleInfo`] per entry to `rules`.
    pub fn load(packs: &PackSet, rules: &mut Vec<RuleInfo>) -> Result<Patterns, Vec<FileError>> {
        let mut entries = Vec::new();
        let mut errors = Vec::new();
        for pack in packs.of_kind(KIND) {
            if let Err(e) = add_pack(pack, rules, &mut entries) {
                errors.push(e);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // The set only preselects entries; Unicode word boundaries would force
        // the slow PikeVM over every document, so the set drops them (which
        // only widens it). Each entry's own regex decides every match.
        let set = RegexSet::new(
            entries
                .iter()
                .map(|e: &Entry| e.regex.as_str().replace("\\b", "")),
        )
        .expect("each pattern compiled on its own");
        Ok(Patterns { entries, set })
    }

    /// Reports every match and records the matched spans in `covered`, so that
    /// the word and passage rules do not report them again.
    pub fn check(
        &self,
        doc: &Document,
        rules: &[RuleInfo],
        out: &mut Vec<Finding>,
        covered: &mut Vec<Range<usize>>,
    ) {
        let text = doc.text();
        for index in self.set.matches(text).iter() {
            let entry = &self.entries[index];
            let rule = &rules[entry.rule];
            for caps in entry.regex.captures_iter(text) {
                // A group named `flag` narrows the finding to part of the
                // match; the rest is context.
                let flagged = caps
                    .name("flag")
                    .or_else(|| caps.get(0))
                    .expect("group 0 always matches");
                let span = trim_span(text, flagged.range());
                if span.is_empty() || covered.iter().any(|c| overlaps(c, &span)) {
                    continue;
                }
                let mut replacement = String::new();
                caps.expand(&entry.replacement, &mut replacement);
                let replacement = replacement.trim();
                let matched = &text[span.clone()];
                let mut finding = Finding::new(
                    rule.id.clone(),
                    rule.category,
                    rule.severity,
                    span.clone(),
                    format!("{} left untranslated: \"{}\"", entry.what, excerpt(matched)),
                )
                .with_suggestion(replacement, entry.safe_fix);
                if let Some(code) = &entry.language {
                    finding = finding.with_language(code.clone());
                }
                out.push(finding);
                covered.push(span);
            }
        }
    }
}

fn add_pack(
    pack: &Pack,
    rules: &mut Vec<RuleInfo>,
    entries: &mut Vec<Entry>,
) -> Result<(), FileError> {
    let file: PatternFile = pack.parse()?;
    let header = &pack.header;
    let category = header.category.unwrap_or(Category::Untranslated);
    let mut seen = HashSet::new();
    for (name, fragment) in &file.define {
        if !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(pack.error(
                fragment.span(),
                format!("define `{name}`: names are lower-case letters and `_`"),
            ));
        }
        let expanded = expand_defines(fragment.get_ref(), &file.define)
            .map_err(|e| pack.error(fragment.span(), format!("define `{name}`: {e}")))?;
        Regex::new(&expanded)
            .map_err(|e| pack.error(fragment.span(), format!("define `{name}`: {e}")))?;
    }
    for def in file.entry {
        let local = def.id.get_ref();
        if !is_rule_id(local) || local.contains('/') {
            return Err(pack.error(
                def.id.span(),
                format!("entry id `{local}` is not kebab-case"),
            ));
        }
        if !seen.insert(local.clone()) {
            return Err(pack.error(def.id.span(), format!("duplicate entry id `{local}`")));
        }
        let language = def.language.clone().or_else(|| header.language.clone());
        if let Some(code) = language.as_deref().filter(|c| !lang::is_known(c)) {
            return Err(pack.error(def.id.span(), format!("unknown language `{code}`")));
        }
        if def.flag.get_ref().is_empty() {
            return Err(pack.error(def.id.span(), "entry has no `flag` example"));
        }
        if def.pass.get_ref().is_empty() {
            return Err(pack.error(
                def.id.span(),
                "entry has no `pass` example (every entry needs at least one near miss)",
            ));
        }
        for example in def.flag.get_ref() {
            pack.check_marked(example)?;
        }
        let source = expand_defines(def.pattern.get_ref(), &file.define)
            .map_err(|e| pack.error(def.pattern.span(), e))?;
        // `^` and `$` mean the start and end of a line: captions and labels
        // stand on lines of their own.
        let regex = Regex::new(&format!("(?m){source}"))
            .map_err(|e| pack.error(def.pattern.span(), e.to_string()))?;
        if let Some(r) = &def.replacement {
            check_replacement(&regex, r.get_ref()).map_err(|e| pack.error(r.span(), e))?;
        }
        let replacement = def.replacement.map(Spanned::into_inner).unwrap_or_default();
        let severity = def
            .severity
            .or(header.severity)
            .unwrap_or(Severity::Warning);
        let lang_name = language.as_deref().map_or("a source language", lang::name);
        let fix = if replacement.is_empty() {
            "Remove it.".to_string()
        } else {
            format!("Write \"{replacement}\".")
        };
        let mut docs = format!(
            "What it does\n  Flags {} ({lang_name}) left in the English text.\n\nWhy is this bad?\n  An English reader expects {}; the {lang_name} furniture shows the article was machine-translated without editing.\n",
            def.what, def.meaning
        );
        if let Some(note) = &def.note {
            docs.push_str(&format!("  {note}\n"));
        }
        docs.push_str(&format!(
            "\nFix\n  {fix}{}\n",
            if def.safe_fix {
                " (applied by --fix)"
            } else {
                ""
            }
        ));
        rules.push(RuleInfo {
            id: format!("{}/{local}", pack.id()),
            category,
            severity,
            language: language.clone(),
            summary: format!("{} left untranslated ({})", def.what, def.meaning),
            docs,
            examples: Examples {
                flag: def
                    .flag
                    .into_inner()
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect(),
                pass: def.pass.into_inner(),
            },
            origin: Some(pack.origin.clone()),
        });
        entries.push(Entry {
            rule: rules.len() - 1,
            regex,
            what: def.what,
            language,
            replacement,
            safe_fix: def.safe_fix,
        });
    }
    Ok(())
}

/// Replaces `{name}` with the `[define]` fragment of that name (fragments may
/// use other fragments). Regex repetitions such as `{2,3}` contain digits and
/// are left alone.
fn expand_defines(
    pattern: &str,
    defines: &BTreeMap<String, Spanned<String>>,
) -> Result<String, String> {
    expand_nested(pattern, defines, 0)
}

fn expand_nested(
    pattern: &str,
    defines: &BTreeMap<String, Spanned<String>>,
    depth: usize,
) -> Result<String, String> {
    const MAX_DEPTH: usize = 8;
    if depth > MAX_DEPTH {
        return Err("[define] fragments refer to each other in a cycle".into());
    }
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        // `\p{Lu}` and friends are regex syntax, not fragments.
        let escaped = rest[..open].ends_with(['p', 'P']) && rest[..open - 1].ends_with('\\');
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after.find('}').map(|c| &after[..c]);
        match name {
            Some(n)
                if !escaped
                    && !n.is_empty()
                    && n.chars().all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                let fragment = defines
                    .get(n)
                    .ok_or_else(|| format!("`{{{n}}}` is not defined in [define]"))?;
                let expanded = expand_nested(fragment.get_ref(), defines, depth + 1)?;
                out.push_str(&format!("(?:{expanded})"));
                rest = &after[n.len() + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Every `$name` in a replacement names a group of the pattern.
fn check_replacement(regex: &Regex, replacement: &str) -> Result<(), String> {
    let names: HashSet<&str> = regex.capture_names().flatten().collect();
    let mut rest = replacement;
    while let Some(dollar) = rest.find('$') {
        let after = rest[dollar + 1..].trim_start_matches('{');
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty()
            && !name.chars().all(|c| c.is_ascii_digit())
            && !names.contains(name.as_str())
        {
            return Err(format!("the pattern has no group named `{name}`"));
        }
        rest = &rest[dollar + 1..];
    }
    Ok(())
}

/// Trims whitespace the pattern may have taken at either end.
fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    start..end.max(start)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The matched text, shortened for a one-line message.
pub fn excerpt(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX_CHARS {
        flat
    } else {
        let cut: String = flat.chars().take(MAX_CHARS).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<(Patterns, Vec<RuleInfo>), Vec<FileError>> {
        let mut packs = PackSet::default();
        packs.add("p.toml".into(), text.into()).unwrap();
        let mut rules = Vec::new();
        Patterns::load(&packs, &mut rules).map(|p| (p, rules))
    }

    const HEAD: &str = "[pack]\nkind = \"untranslated-pattern\"\nid = \"untranslated/caption\"\nlanguage = \"sv\"\n";

    #[test]
    fn defines_expand_and_replacements_use_groups() {
        let (patterns, rules) = load(&format!(
            "{HEAD}[define]\nagency = 'TT|NTB'\n[[entry]]\nid = \"foto\"\nwhat = \"photo credit\"\nmeaning = \"Photo:\"\npattern = 'Foto: (?P<credit>[^\\n]*/(?:{{agency}}))'\nreplacement = 'Photo: $credit'\nflag = [\"[Foto: A B/TT]\"]\npass = [\"Photo: A B/TT\"]\n"
        ))
        .unwrap();
        assert_eq!(rules[0].id, "untranslated/caption/foto");
        let doc = Document::new(
            "Text.\n\nFoto: Anna Berg/TT\n".into(),
            crate::document::InputFormat::Text,
        );
        let mut out = Vec::new();
        let mut covered = Vec::new();
        patterns.check(&doc, &rules, &mut out, &mut covered);
        assert_eq!(out.len(), 1);
        assert_eq!(&doc.text()[out[0].span.clone()], "Foto: Anna Berg/TT");
        assert_eq!(out[0].suggestions[0].replacement, "Photo: Anna Berg/TT");
        assert_eq!(covered, vec![out[0].span.clone()]);
    }

    #[test]
    fn errors_point_at_the_offending_line() {
        let err = load(&format!(
            "{HEAD}[[entry]]\nid = \"x\"\nwhat = \"w\"\nmeaning = \"m\"\npattern = 'Foto: ({{nope}})'\nflag = [\"[Foto: x]\"]\npass = [\"y\"]\n"
        ))
        .err()
        .unwrap();
        assert_eq!(err[0].line(), Some(9));
        let err = load(&format!(
            "{HEAD}[[entry]]\nid = \"x\"\nwhat = \"w\"\nmeaning = \"m\"\npattern = 'Foto: (?P<who>.*)'\nreplacement = 'Photo: $credit'\nflag = [\"[Foto: x]\"]\npass = [\"y\"]\n"
        ))
        .err()
        .unwrap();
        assert_eq!(err[0].line(), Some(10));
        let err = load(&format!(
            "{HEAD}[[entry]]\nid = \"x\"\nwhat = \"w\"\nmeaning = \"m\"\npattern = 'Foto: ('\nflag = [\"[Foto: x]\"]\npass = [\"y\"]\n"
        ))
        .err()
        .unwrap();
        assert_eq!(err[0].line(), Some(9));
    }

    #[test]
    fn long_matches_are_shortened() {
        assert_eq!(excerpt("a  b\nc"), "a b c");
        assert!(excerpt(&"word ".repeat(30)).ends_with('…'));
    }
}
