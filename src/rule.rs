//! The rule trait and the registry. The core knows no individual rule: each
//! family (see `crate::rules`) implements [`Check`] and describes the rules it
//! reports with [`RuleInfo`].

use crate::document::Document;
use crate::error::FileError;
use crate::finding::{Category, Finding, Severity};
use crate::packs::PackSet;
use serde::Serialize;
use std::collections::HashMap;

/// Examples that document a rule and are run as tests: each `flag` example
/// marks the expected span with `[...]`; `pass` examples must yield nothing.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Examples {
    pub flag: Vec<String>,
    pub pass: Vec<String>,
}

/// The description of one rule id.
#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    /// Source language (ISO 639-1) the rule is specific to.
    pub language: Option<String>,
    /// One line for `mtlint rules`.
    pub summary: String,
    /// Longer documentation for `mtlint explain`.
    pub docs: String,
    pub examples: Examples,
    /// The pack file the rule was defined in, if any.
    pub origin: Option<String>,
}

/// A rule described in code: families list their built-in rules as static
/// data and turn them into [`RuleInfo`] with [`RuleDoc::to_info`].
pub struct RuleDoc {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub docs: &'static str,
    pub flag: &'static [&'static str],
    pub pass: &'static [&'static str],
}

impl RuleDoc {
    /// The rule `<family>/<id>` in `category`.
    pub fn to_info(&self, family: &str, category: Category) -> RuleInfo {
        RuleInfo {
            id: format!("{family}/{}", self.id),
            category,
            severity: self.severity,
            language: None,
            summary: self.summary.to_string(),
            docs: self.docs.to_string(),
            examples: Examples {
                flag: self.flag.iter().map(|s| s.to_string()).collect(),
                pass: self.pass.iter().map(|s| s.to_string()).collect(),
            },
            origin: None,
        }
    }
}

/// A rule family: one pass over a document reporting findings for the rule
/// ids it describes.
pub trait Check: Send + Sync {
    fn rules(&self) -> &[RuleInfo];
    /// Appends findings with spans into [`Document::text`].
    fn check(&self, doc: &Document, out: &mut Vec<Finding>);
}

pub type FamilyResult = Result<Box<dyn Check>, Vec<FileError>>;

/// How a family is built from the loaded packs.
pub struct Family {
    pub name: &'static str,
    /// The pack kinds this family reads.
    pub pack_kinds: &'static [&'static str],
    pub build: fn(&PackSet) -> FamilyResult,
}

pub struct Registry {
    names: Vec<&'static str>,
    checks: Vec<Box<dyn Check>>,
    index: HashMap<String, (usize, usize)>,
}

impl Registry {
    pub fn build(packs: &PackSet, families: &[Family]) -> Result<Registry, Vec<FileError>> {
        let mut errors = Vec::new();
        for pack in packs.packs() {
            if !families.iter().any(|f| f.pack_kinds.contains(&pack.kind())) {
                let kinds: Vec<_> = families.iter().flat_map(|f| f.pack_kinds).collect();
                errors.push(pack.error(
                    pack.header.kind.span(),
                    format!(
                        "unknown pack kind `{}` (expected one of: {})",
                        pack.kind(),
                        kinds
                            .iter()
                            .map(|k| k.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
        let mut checks = Vec::new();
        let mut names = Vec::new();
        for family in families {
            match (family.build)(packs) {
                Ok(check) => {
                    names.push(family.name);
                    checks.push(check);
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut index = HashMap::new();
        for (c, check) in checks.iter().enumerate() {
            for (r, rule) in check.rules().iter().enumerate() {
                if let Some((c0, r0)) = index.insert(rule.id.clone(), (c, r)) {
                    let first: &RuleInfo = &checks[c0].rules()[r0];
                    let text = std::sync::Arc::from("");
                    errors.push(FileError::new(
                        rule.origin.as_deref().unwrap_or("<built-in>"),
                        &text,
                        None,
                        format!(
                            "rule id `{}` is defined twice (also in {})",
                            rule.id,
                            first.origin.as_deref().unwrap_or("<built-in>")
                        ),
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(Registry {
                names,
                checks,
                index,
            })
        } else {
            Err(errors)
        }
    }

    pub fn checks(&self) -> &[Box<dyn Check>] {
        &self.checks
    }

    /// Each family's name with its check (for per-stage benchmarks).
    pub fn families(&self) -> impl Iterator<Item = (&'static str, &dyn Check)> {
        self.names
            .iter()
            .copied()
            .zip(self.checks.iter().map(|c| c.as_ref()))
    }

    pub fn rules(&self) -> impl Iterator<Item = &RuleInfo> {
        self.checks.iter().flat_map(|c| c.rules())
    }

    pub fn rule(&self, id: &str) -> Option<&RuleInfo> {
        let &(c, r) = self.index.get(id)?;
        Some(&self.checks[c].rules()[r])
    }

    /// Whether `selector` names a rule id or a prefix of one (`calque/de`).
    pub fn matches_any(&self, selector: &str) -> bool {
        self.rules().any(|r| id_matches(&r.id, selector))
    }
}

/// `selector` selects `id` when it is the id or a `/`-segment prefix of it.
pub fn id_matches(id: &str, selector: &str) -> bool {
    id == selector
        || (id.starts_with(selector) && id[selector.len()..].starts_with('/'))
        || selector == "all"
}

/// Which rules run: the most specific matching selector wins, so
/// `disable = ["calque"]` with `enable = ["calque/sv"]` runs only Swedish calques.
#[derive(Debug, Clone, Default)]
pub struct RuleFilter {
    pub disabled: Vec<String>,
    pub enabled: Vec<String>,
}

impl RuleFilter {
    pub fn is_enabled(&self, id: &str) -> bool {
        let best = |list: &[String]| {
            list.iter()
                .filter(|s| id_matches(id, s))
                .map(|s| if s == "all" { 0 } else { s.len() + 1 })
                .max()
        };
        match (best(&self.disabled), best(&self.enabled)) {
            (Some(d), Some(e)) => e >= d,
            (Some(_), None) => false,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_match_on_segment_boundaries() {
        assert!(id_matches("calque/de/x", "calque/de"));
        assert!(id_matches("calque/de/x", "calque"));
        assert!(!id_matches("calque/den/x", "calque/de"));
        assert!(id_matches("calque/de/x", "calque/de/x"));
    }

    #[test]
    fn most_specific_selector_wins() {
        let f = RuleFilter {
            disabled: vec!["calque".into()],
            enabled: vec!["calque/sv".into()],
        };
        assert!(f.is_enabled("calque/sv/a"));
        assert!(!f.is_enabled("calque/de/a"));
        assert!(f.is_enabled("names/x"));
    }
}
