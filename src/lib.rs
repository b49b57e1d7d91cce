//! mtlint: a translation-quality linter for machine-translated English
//! articles.
//!
//! The core is small: [`document`] (what is linted, with spans into the
//! original input), [`rule`] (the [`rule::Check`] trait and the registry),
//! [`finding`] (what a rule reports), [`packs`] (loading the TOML rule packs)
//! and [`lint`] (running everything). Rule families live in [`rules`].

// FileError carries the file's text for miette's labels; it only travels on
// the cold path of a broken config or pack, so its size does not matter.
#![allow(clippy::result_large_err)]

pub mod baseline;
pub mod config;
pub mod document;
pub mod error;
pub mod eval;
pub mod finding;
pub mod fingerprint;
pub mod fix;
pub mod lang;
pub mod lint;
pub mod output;
pub mod packs;
pub mod rule;
pub mod rules;
pub mod selftest;
pub mod suppress;

use error::FileError;
use finding::Severity;
use lint::{Linter, Settings};
use packs::PackSet;
use rule::Registry;
use std::path::PathBuf;

/// The lowest severity that makes `mtlint check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

/// Loads the embedded packs plus `extra_dirs` and builds the registry.
pub fn load_registry(extra_dirs: &[PathBuf]) -> Result<Registry, Vec<FileError>> {
    let mut packs = PackSet::embedded()?;
    let mut errors = Vec::new();
    for dir in extra_dirs {
        if let Err(mut e) = packs.add_dir(dir) {
            errors.append(&mut e);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Registry::build(&packs, rules::FAMILIES)
}

/// A linter with the embedded rules and default settings (used by tests and
/// benchmarks).
pub fn default_linter() -> Linter {
    let registry = load_registry(&[]).expect("embedded rule packs are valid");
    Linter::new(registry, Settings::default())
}
