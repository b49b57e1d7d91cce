//! Loading rule packs: the TOML files under `rules/` (embedded at build time)
//! and any extra directories given at run time. Every pack goes through
//! [`PackSet::add`], which reads the common `[pack]` header; the family that
//! claims the pack's `kind` parses the rest with [`Pack::parse`].

use crate::error::FileError;
use crate::finding::{Category, Severity};
use include_dir::{include_dir, Dir};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

static EMBEDDED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// The `[pack]` table every pack starts with.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackHeader {
    pub kind: Spanned<String>,
    pub id: Spanned<String>,
    pub language: Option<String>,
    pub category: Option<Category>,
    pub severity: Option<Severity>,
    pub description: Option<String>,
}

#[derive(Deserialize)]
struct HeaderOnly {
    pack: PackHeader,
}

#[derive(Debug, Clone)]
pub struct Pack {
    /// Where the pack came from: `rules/calque/sv.toml` for embedded packs,
    /// the file path for packs loaded from disk.
    pub origin: String,
    pub text: Arc<str>,
    pub header: PackHeader,
}

impl Pack {
    /// Deserialises the whole file into a family's own schema.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, FileError> {
        toml::from_str(&self.text).map_err(|e| FileError::from_toml(&self.origin, &self.text, &e))
    }

    /// An error labelled at `span` in this pack.
    pub fn error(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> FileError {
        FileError::new(&self.origin, &self.text, Some(span), message)
    }

    pub fn id(&self) -> &str {
        self.header.id.get_ref()
    }

    /// A flag example marks exactly one span with `[...]`.
    pub fn check_marked(&self, example: &Spanned<String>) -> Result<(), FileError> {
        let text = example.get_ref();
        if text.matches('[').count() != 1 || text.matches(']').count() != 1 {
            return Err(self.error(
                example.span(),
                "a flag example marks exactly one span with `[...]`",
            ));
        }
        Ok(())
    }

    /// Every entry carries at least one flag example (each marking one span)
    /// and at least one pass example; `entry` labels a missing list.
    pub fn check_examples(
        &self,
        entry: std::ops::Range<usize>,
        flag: &[Spanned<String>],
        pass_count: usize,
    ) -> Result<(), FileError> {
        if flag.is_empty() || pass_count == 0 {
            return Err(self.error(
                entry,
                "every entry needs at least one `flag` and one `pass` example",
            ));
        }
        flag.iter()
            .try_for_each(|example| self.check_marked(example))
    }

    pub fn kind(&self) -> &str {
        self.header.kind.get_ref()
    }
}

/// Data files that are not packs (lexicons, word lists), by path relative to
/// `rules/`.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub origin: String,
    pub text: Arc<str>,
}

#[derive(Debug, Default, Clone)]
pub struct PackSet {
    packs: Vec<Pack>,
    data: Vec<DataFile>,
}

impl PackSet {
    /// The packs compiled into the binary.
    pub fn embedded() -> Result<PackSet, Vec<FileError>> {
        let mut set = PackSet::default();
        let mut errors = Vec::new();
        let mut files = Vec::new();
        collect_embedded(&EMBEDDED, &mut files);
        files.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, text) in files {
            let origin = format!("rules/{path}");
            if let Err(e) = set.add(origin, text) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(errors)
        }
    }

    /// Adds every `.toml` pack (and data file) below `dir`.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), Vec<FileError>> {
        if !dir.is_dir() {
            let text: Arc<str> = Arc::from("");
            return Err(vec![FileError::new(
                &dir.display().to_string(),
                &text,
                None,
                "rule directory not found",
            )]);
        }
        let mut errors = Vec::new();
        let mut entries: Vec<_> = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .collect();
        entries.sort_by(|a, b| a.path().cmp(b.path()));
        for entry in entries {
            let origin = entry.path().display().to_string();
            match std::fs::read_to_string(entry.path()) {
                Ok(text) => {
                    if let Err(e) = self.add(origin, text) {
                        errors.push(e);
                    }
                }
                Err(e) => {
                    let empty: Arc<str> = Arc::from("");
                    errors.push(FileError::new(
                        &origin,
                        &empty,
                        None,
                        format!("cannot read: {e}"),
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Adds one file: `.toml` files are packs, anything else is data.
    pub fn add(&mut self, origin: String, text: String) -> Result<(), FileError> {
        let text: Arc<str> = Arc::from(text);
        if !origin.ends_with(".toml") {
            self.data.push(DataFile { origin, text });
            return Ok(());
        }
        // The family parses the whole file later; here only the leading
        // `[pack]` table is read, so start-up does not parse every pack twice.
        let head = &text[..header_end(&text)];
        let header: HeaderOnly =
            toml::from_str(head).map_err(|e| FileError::from_toml(&origin, &text, &e))?;
        let header = header.pack;
        let id = header.id.get_ref();
        if !is_rule_id(id) {
            return Err(FileError::new(
                &origin,
                &text,
                Some(header.id.span()),
                format!("pack id `{id}` is not a kebab-case path like `calque/sv`"),
            ));
        }
        self.packs.push(Pack {
            origin,
            text,
            header,
        });
        Ok(())
    }

    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    pub fn of_kind<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Pack> + 'a {
        self.packs.iter().filter(move |p| p.kind() == kind)
    }

    /// Data files whose path (relative to `rules/`, or on disk) ends with `suffix`.
    pub fn data<'a>(&'a self, suffix: &'a str) -> impl Iterator<Item = &'a DataFile> + 'a {
        self.data.iter().filter(move |d| d.origin.ends_with(suffix))
    }
}

/// Where the `[pack]` table ends: at the next table header, if any.
fn header_end(text: &str) -> usize {
    let mut offset = 0;
    let mut seen_pack = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            if seen_pack {
                return offset;
            }
            seen_pack = t.starts_with("[pack]");
        }
        offset += line.len();
    }
    text.len()
}

fn collect_embedded(dir: &'static Dir<'static>, out: &mut Vec<(String, String)>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        let is_doc = path.ends_with(".md") || path.ends_with("LICENSE") || path.ends_with(".py");
        if let (false, Some(text)) = (is_doc, file.contents_utf8()) {
            out.push((path, text.to_string()));
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// Rule ids are `/`-separated kebab-case segments: `calque/sv/tastes-of-progress`.
pub fn is_rule_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('/').all(|seg| {
            !seg.is_empty()
                && !seg.starts_with('-')
                && !seg.ends_with('-')
                && !seg.contains("--")
                && seg
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_kebab_case_paths() {
        assert!(is_rule_id("calque/sv/after-all-signs-of-the-sun"));
        assert!(is_rule_id("names/translated-surname"));
        assert!(!is_rule_id("calque/SV"));
        assert!(!is_rule_id("calque//x"));
        assert!(!is_rule_id("calque/-x"));
        assert!(!is_rule_id("calque/x_y"));
    }

    #[test]
    fn malformed_header_points_at_the_line() {
        let mut set = PackSet::default();
        let err = set
            .add(
                "x.toml".into(),
                "[pack]\nkind = \"phrase\"\nid = \"Bad Id\"\n".into(),
            )
            .unwrap_err();
        assert_eq!(err.line(), Some(3));
        let err = set
            .add(
                "y.toml".into(),
                "[pack]\nkind = \"phrase\"\nid = \"a/b\"\ncategory = \"nope\"\n".into(),
            )
            .unwrap_err();
        assert_eq!(err.line(), Some(4));
    }

    #[test]
    fn embedded_packs_load() {
        let set = PackSet::embedded().expect("embedded packs are valid");
        assert!(set.packs().iter().any(|p| p.id().starts_with("calque/")));
        crate::rule::Registry::build(&set, crate::rules::FAMILIES)
            .expect("every embedded pack is claimed by a family and valid");
    }
}
