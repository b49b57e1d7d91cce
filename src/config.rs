//! `mtlint.toml`: found by walking up from the current directory, or given
//! with `--config`. Unknown keys and rule ids are errors pointing into the file.

use crate::error::FileError;
use crate::finding::Severity;
use crate::lint::Settings;
use crate::rule::{Registry, RuleFilter};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

pub const FILE_NAME: &str = "mtlint.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: Vec<Spanned<String>>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    enable: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
    #[serde(default)]
    accept: Vec<String>,
    #[serde(default)]
    accept_names: Vec<String>,
    fail_on: Option<crate::FailOn>,
    #[serde(default)]
    report_unused_disables: bool,
}

/// A parsed configuration file, not yet checked against the registry.
#[derive(Debug)]
pub struct Config {
    path: String,
    text: Arc<str>,
    file: ConfigFile,
    dir: PathBuf,
}

impl Config {
    /// The nearest `mtlint.toml` in `start` or one of its ancestors.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    pub fn load(path: &Path) -> Result<Config, FileError> {
        let display = path.display().to_string();
        let text: Arc<str> = match std::fs::read_to_string(path) {
            Ok(t) => Arc::from(t),
            Err(e) => {
                return Err(FileError::new(
                    &display,
                    &Arc::from(""),
                    None,
                    format!("cannot read config: {e}"),
                ))
            }
        };
        Config::parse(&display, text, path.parent().unwrap_or(Path::new(".")))
    }

    pub fn parse(path: &str, text: Arc<str>, dir: &Path) -> Result<Config, FileError> {
        let file: ConfigFile =
            toml::from_str(&text).map_err(|e| FileError::from_toml(path, &text, &e))?;
        Ok(Config {
            path: path.to_string(),
            text,
            file,
            dir: dir.to_path_buf(),
        })
    }

    /// Extra rule directories, relative to the config file.
    pub fn rule_dirs(&self) -> Vec<PathBuf> {
        self.file
            .rules
            .iter()
            .map(|d| self.dir.join(d.get_ref()))
            .collect()
    }

    pub fn fail_on(&self) -> Option<crate::FailOn> {
        self.file.fail_on
    }

    /// Settings for the linter; every rule selector must name a known rule
    /// or prefix.
    pub fn settings(&self, registry: &Registry) -> Result<Settings, Vec<FileError>> {
        let mut errors = Vec::new();
        let mut check = |sel: &Spanned<String>| {
            if !registry.matches_any(sel.get_ref()) {
                errors.push(
                    FileError::new(
                        &self.path,
                        &self.text,
                        Some(sel.span()),
                        format!("no rule is called `{}` or starts with it", sel.get_ref()),
                    )
                    .with_help("run `mtlint rules` to list rule ids"),
                );
            }
        };
        self.file.disable.iter().for_each(&mut check);
        self.file.enable.iter().for_each(&mut check);
        self.file.severity.keys().for_each(&mut check);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Settings {
            filter: RuleFilter {
                disabled: self
                    .file
                    .disable
                    .iter()
                    .map(|s| s.get_ref().clone())
                    .collect(),
                enabled: self
                    .file
                    .enable
                    .iter()
                    .map(|s| s.get_ref().clone())
                    .collect(),
            },
            severity: self
                .file
                .severity
                .iter()
                .map(|(k, v)| (k.get_ref().clone(), *v))
                .collect(),
            accept: self
                .file
                .accept
                .iter()
                .chain(&self.file.accept_names)
                .cloned()
                .collect(),
            report_unused_disables: self.file.report_unused_disables,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_point_at_their_line() {
        let err = Config::parse(
            "mtlint.toml",
            Arc::from("disable = []\nbogus = 1\n"),
            Path::new("."),
        )
        .unwrap_err();
        assert_eq!(err.line(), Some(2));
    }
}
