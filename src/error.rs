//! Errors that point into a file the user wrote (rule packs, mtlint.toml).

use miette::{Diagnostic, NamedSource, SourceSpan};
use std::ops::Range;
use std::sync::Arc;

/// A problem in a TOML file, rendered by miette with a label on the
/// offending line.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{path}: {message}")]
#[diagnostic(code(mtlint::invalid_file))]
pub struct FileError {
    pub path: String,
    pub message: String,
    #[source_code]
    source_code: NamedSource<Arc<str>>,
    #[label("{label}")]
    span: Option<SourceSpan>,
    label: String,
    #[help]
    help: Option<String>,
}

impl FileError {
    pub fn new(
        path: &str,
        text: &Arc<str>,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> FileError {
        let message = message.into();
        FileError {
            path: path.to_string(),
            label: first_line(&message),
            message,
            source_code: NamedSource::new(path, text.clone()).with_language("toml"),
            span: span.map(|r| SourceSpan::from(r.start..r.end.max(r.start))),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Converts a TOML parse or deserialisation error, keeping its span.
    pub fn from_toml(path: &str, text: &Arc<str>, err: &toml::de::Error) -> FileError {
        FileError::new(path, text, err.span(), err.message().trim().to_string())
    }

    /// 1-based line of the labelled span, for plain-text reports and tests.
    pub fn line(&self) -> Option<usize> {
        let span = self.span?;
        let text = self.source_code.inner();
        Some(text[..span.offset().min(text.len())].matches('\n').count() + 1)
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().to_string()
}
