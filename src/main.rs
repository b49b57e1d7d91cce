//! The `mtlint` command line.

// See lib.rs: FileError is large but only used on the error path.
#![allow(clippy::result_large_err)]

use clap::{Args, Parser, Subcommand, ValueEnum};
use mtlint::baseline::{self, Baseline};
use mtlint::config::Config;
use mtlint::document::{Document, InputFormat};
use mtlint::error::FileError;
use mtlint::lint::{Linter, Settings};
use mtlint::output::{self, ColorChoice, FileResult, OutputFormat, Summary};
use mtlint::{eval, fix, load_registry, selftest, FailOn};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "mtlint",
    version,
    about = "A translation-quality linter for machine-translated English articles",
    after_help = "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, input or configuration error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    global: GlobalArgs,
}

#[derive(Args)]
struct GlobalArgs {
    /// Configuration file (default: the nearest mtlint.toml from the current directory up).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any mtlint.toml.
    #[arg(long, global = true, conflicts_with = "config")]
    no_config: bool,
    /// Extra directory of rule packs (repeatable).
    #[arg(long = "rules", global = true, value_name = "DIR")]
    rule_dirs: Vec<PathBuf>,
    /// Disable a rule or every rule under a prefix, e.g. `calque/de` (repeatable).
    #[arg(long, global = true, value_name = "RULE")]
    disable: Vec<String>,
    /// Enable a rule or prefix that the config or --disable turned off (repeatable).
    #[arg(long, global = true, value_name = "RULE")]
    enable: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Lint files, directories (recursively) or `-` for standard input.
    Check(CheckArgs),
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Print a rule's documentation and examples.
    Explain {
        /// Rule id, e.g. calque/sv/after-all-signs-of-the-sun
        rule: String,
    },
    /// Measure recall and precision on an annotated corpus directory.
    Eval {
        dir: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
        /// List every missed artifact and every false alarm.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Run every rule's flag/pass examples (optionally only rules under PREFIX).
    TestRules { prefix: Option<String> },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Args)]
struct CheckArgs {
    /// Files, directories or `-` (standard input).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "graphical")]
    format: OutputFormat,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Exit 1 when there are more than N warnings in all (errors count too).
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Exit 1 when an article's MQM-style penalty per 1,000 words exceeds X.
    #[arg(long, value_name = "X")]
    max_score: Option<f64>,
    /// Input format (default: from the file extension; plain text for stdin).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// File extensions checked inside directories, comma-separated.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "txt,md,markdown,html,htm"
    )]
    ext: Vec<String>,
    /// Colour in the graphical output (NO_COLOR is honoured under `auto`).
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Report inline mtlint-disable directives that suppress nothing.
    #[arg(long)]
    report_unused_disables: bool,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in FILE (and exit 0).
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// Apply safe fixes in place (atomic write; files changed on disk meanwhile are skipped).
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the safe fixes as a unified diff instead of writing them.
    #[arg(long)]
    diff: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(errors) => {
            for e in errors {
                eprintln!("{:?}", miette::Report::new(e));
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

struct Setup {
    linter: Linter,
    fail_on: Option<FailOn>,
}

fn setup(global: &GlobalArgs) -> Result<Setup, Vec<FileError>> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let config_path = match (&global.config, global.no_config) {
        (_, true) => None,
        (Some(p), _) => Some(p.clone()),
        (None, false) => Config::discover(&cwd),
    };
    let config = config_path
        .map(|p| Config::load(&p))
        .transpose()
        .map_err(|e| vec![e])?;
    let mut dirs = config.as_ref().map(Config::rule_dirs).unwrap_or_default();
    dirs.extend(global.rule_dirs.iter().cloned());
    let registry = load_registry(&dirs)?;
    let mut settings = match &config {
        Some(c) => c.settings(&registry)?,
        None => Settings::default(),
    };
    let mut unknown = Vec::new();
    for sel in global.disable.iter().chain(&global.enable) {
        if !registry.matches_any(sel) {
            unknown.push(FileError::new(
                "command line",
                &std::sync::Arc::from(""),
                None,
                format!("no rule is called `{sel}` or starts with it"),
            ));
        }
    }
    if !unknown.is_empty() {
        return Err(unknown);
    }
    settings
        .filter
        .disabled
        .extend(global.disable.iter().cloned());
    settings
        .filter
        .enabled
        .extend(global.enable.iter().cloned());
    Ok(Setup {
        fail_on: config.as_ref().and_then(Config::fail_on),
        linter: Linter::new(registry, settings),
    })
}

fn run(cli: Cli) -> Result<u8, Vec<FileError>> {
    let mut setup = setup(&cli.global)?;
    match cli.command {
        Command::Check(args) => Ok(check(&mut setup, args)),
        Command::Rules { format } => {
            list_rules(&setup.linter, format);
            Ok(0)
        }
        Command::Explain { rule } => Ok(explain(&setup.linter, &rule)),
        Command::Eval {
            dir,
            format,
            verbose,
        } => Ok(run_eval(&setup.linter, &dir, format, verbose)),
        Command::TestRules { prefix } => Ok(test_rules(&setup.linter, prefix.as_deref())),
    }
}

/// Expands directories into the files to check, in a stable order.
fn collect_inputs(paths: &[PathBuf], exts: &[String], errors: &mut Vec<String>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(path.clone());
        } else if path.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                })
                .filter_map(|e| match e {
                    Ok(e) => Some(e),
                    Err(err) => {
                        errors.push(format!("{}: {err}", path.display()));
                        None
                    }
                })
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| {
                    p.extension().is_some_and(|e| {
                        let e = e.to_string_lossy().to_ascii_lowercase();
                        exts.iter()
                            .any(|x| x.trim_start_matches('.').eq_ignore_ascii_case(&e))
                    })
                })
                .collect();
            found.sort();
            out.extend(found);
        } else if path.exists() {
            out.push(path.clone());
        } else {
            errors.push(format!("{}: no such file or directory", path.display()));
        }
    }
    out
}

fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

fn check(setup: &mut Setup, args: CheckArgs) -> u8 {
    let mut errors = Vec::new();
    if args.report_unused_disables {
        setup.linter.report_unused_disables(true);
    }
    let mut baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    let inputs = collect_inputs(&args.paths, &args.ext, &mut errors);
    let mut results = Vec::new();
    let mut recorded = Vec::new();
    let mut fixed_files = 0;
    let stream = output::streams(args.format) && !args.fix && !args.diff;
    for path in inputs {
        let stdin = path.as_os_str() == "-";
        let display = if stdin {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let format = args
            .input_format
            .unwrap_or_else(|| InputFormat::from_path(&path));
        let bytes = match read_input(&path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(format!("{display}: cannot read: {e}"));
                continue;
            }
        };
        let original = bytes.clone();
        let doc = match Document::from_bytes(bytes, format) {
            Ok(d) => d,
            Err(e) => {
                errors.push(format!("{display}: {e}"));
                continue;
            }
        };
        let mut report = setup.linter.lint(&doc);
        if let Some(b) = baseline.as_mut() {
            b.filter(&display, doc.source(), &mut report.findings);
        }
        if args.write_baseline.is_some() {
            recorded.extend(
                report
                    .findings
                    .iter()
                    .map(|f| baseline::entry(&display, doc.source(), f)),
            );
        }
        if args.fix || args.diff {
            let (fixed, applied) = fix::apply(doc.source(), &report.findings);
            if applied > 0 {
                if args.diff {
                    print!("{}", fix::unified_diff(&display, doc.source(), &fixed));
                } else if stdin {
                    errors.push("<stdin>: --fix cannot write to standard input; use --diff".into());
                } else if let Err(e) = fix::write_atomic(&path, &original, &fixed) {
                    errors.push(e);
                } else {
                    fixed_files += 1;
                    eprintln!("fixed {applied} finding(s) in {display}");
                    // Report what is left after fixing.
                    let doc = Document::new(fixed, format);
                    report = setup.linter.lint(&doc);
                    results.push(FileResult {
                        path: display,
                        doc,
                        report,
                    });
                    continue;
                }
            }
        }
        let result = FileResult {
            path: display,
            doc,
            report,
        };
        if stream {
            print!("{}", output::render_file(args.format, &result, args.color));
        }
        results.push(result);
    }
    if let Some(path) = &args.write_baseline {
        let n = recorded.len();
        if let Err(e) = baseline::write(path, recorded) {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
        eprintln!("baseline: recorded {n} finding(s) in {}", path.display());
        return if errors.is_empty() { 0 } else { EXIT_ERROR };
    }
    let summary = Summary::new(&results, errors.len());
    if args.diff {
        // The diff is the output.
    } else if stream {
        print!("{}", output::render_end(args.format, &summary));
    } else {
        print!(
            "{}",
            output::render(
                args.format,
                &results,
                &summary,
                args.color,
                setup.linter.registry()
            )
        );
    }
    if fixed_files > 0 {
        eprintln!("fixed {fixed_files} file(s)");
    }
    for e in &errors {
        eprintln!("error: {e}");
    }
    let fail_on = args.fail_on.or(setup.fail_on).unwrap_or(FailOn::Warning);
    let failed = results
        .iter()
        .flat_map(|r| &r.report.findings)
        .any(|f| fail_on.fails(f.severity))
        || args
            .max_warnings
            .is_some_and(|max| summary.warnings + summary.errors > max)
        || args
            .max_score
            .is_some_and(|max| results.iter().any(|r| r.report.score() > max));
    if !errors.is_empty() {
        EXIT_ERROR
    } else if failed {
        EXIT_FINDINGS
    } else {
        0
    }
}

fn list_rules(linter: &Linter, format: ListFormat) {
    let rules: Vec<_> = linter.registry().rules().collect();
    match format {
        ListFormat::Json => {
            #[derive(serde::Serialize)]
            struct Row<'a> {
                id: &'a str,
                category: &'a str,
                severity: &'a str,
                language: Option<&'a str>,
                summary: &'a str,
            }
            let rows: Vec<_> = rules
                .iter()
                .map(|r| Row {
                    id: &r.id,
                    category: r.category.as_str(),
                    severity: r.severity.as_str(),
                    language: r.language.as_deref(),
                    summary: &r.summary,
                })
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&rows).expect("serialises")
            );
        }
        ListFormat::Text => {
            for r in &rules {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    r.id,
                    r.category,
                    r.severity,
                    r.language.as_deref().unwrap_or("-"),
                    r.summary
                );
            }
            eprintln!("{} rules", rules.len());
        }
    }
}

fn explain(linter: &Linter, id: &str) -> u8 {
    let Some(rule) = linter.registry().rule(id) else {
        eprintln!("error: no rule `{id}` (run `mtlint rules` to list them)");
        return EXIT_ERROR;
    };
    println!("{}", rule.id);
    println!(
        "category: {}   default severity: {}{}",
        rule.category,
        rule.severity,
        rule.language
            .as_deref()
            .map(|l| format!("   source language: {} ({l})", mtlint::lang::name(l)))
            .unwrap_or_default()
    );
    if let Some(origin) = &rule.origin {
        println!("defined in: {origin}");
    }
    println!("\n{}", rule.summary);
    println!("\n{}", rule.docs.trim_end());
    if !rule.examples.flag.is_empty() {
        println!("\nFlagged (the reported span in [brackets])");
        for e in &rule.examples.flag {
            println!("  {e}");
        }
    }
    if !rule.examples.pass.is_empty() {
        println!("\nNot flagged");
        for e in &rule.examples.pass {
            println!("  {e}");
        }
    }
    0
}

fn run_eval(linter: &Linter, dir: &Path, format: ListFormat, verbose: bool) -> u8 {
    let (articles, problems) = match eval::load_dir(dir) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    let report = eval::evaluate(linter, &dir.display().to_string(), &articles, problems);
    match format {
        ListFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("serialises")
        ),
        ListFormat::Text => print!("{}", report.to_text(verbose)),
    }
    0
}

fn test_rules(linter: &Linter, prefix: Option<&str>) -> u8 {
    let report = selftest::run(linter, prefix);
    for f in &report.failures {
        println!(
            "FAIL {} ({}): {}\n     {}",
            f.rule,
            f.origin.as_deref().unwrap_or("built-in"),
            f.problem,
            f.example
        );
    }
    println!(
        "{} rules, {} examples: {} passed, {} failed",
        report.rules,
        report.examples,
        report.examples - report.failures.len(),
        report.failures.len()
    );
    if report.failures.is_empty() {
        0
    } else {
        EXIT_FINDINGS
    }
}
