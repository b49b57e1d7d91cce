//! miette's graphical report, one diagnostic per finding.

use super::{file_summary, FileResult};
use crate::finding::{Finding, Severity};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};
use std::fmt;
use std::io::IsTerminal;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Colour and Unicode drawing on a terminal (unless NO_COLOR is set);
    /// plain ASCII when the output is piped.
    fn theme(self) -> GraphicalTheme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let tty = std::io::stdout().is_terminal();
        match self {
            ColorChoice::Always => GraphicalTheme::unicode(),
            ColorChoice::Never if tty => GraphicalTheme::unicode_nocolor(),
            ColorChoice::Never => GraphicalTheme::none(),
            ColorChoice::Auto if tty && !no_color => GraphicalTheme::unicode(),
            ColorChoice::Auto if tty => GraphicalTheme::unicode_nocolor(),
            ColorChoice::Auto => GraphicalTheme::none(),
        }
    }
}

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: &'a NamedSource<Arc<str>>,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let f = self.finding;
        let help = match (&f.note, f.help()) {
            (Some(note), Some(help)) => format!("{note}; {help}"),
            (Some(note), None) => note.clone(),
            (None, Some(help)) => help,
            (None, None) => return None,
        };
        Some(Box::new(help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let f = self.finding;
        let primary = LabeledSpan::new_primary_with_span(
            Some(f.category.to_string()),
            f.span.start..f.span.end,
        );
        let secondary = f
            .secondary
            .iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.label.clone()), l.span.clone()));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

pub fn render_file(r: &FileResult, color: ColorChoice) -> String {
    let handler = GraphicalReportHandler::new_themed(color.theme()).with_width(100);
    let mut out = String::new();
    let source = NamedSource::new(&r.path, Arc::<str>::from(r.doc.source()));
    for finding in &r.report.findings {
        let diag = FindingDiagnostic {
            finding,
            source: &source,
        };
        if handler.render_report(&mut out, &diag).is_err() {
            out.push_str(&super::short_line(&r.path, &r.doc, finding));
        }
        out.push('\n');
    }
    out.push_str(&file_summary(r));
    out.push('\n');
    out
}
