//! Applying safe fixes: each finding's first suggestion where the rule marks
//! it safe. Text outside the finding spans is never touched; overlapping
//! fixes after the first are skipped (a second run picks them up if still
//! relevant, and is otherwise a no-op).

use crate::finding::Finding;
use std::io::Write;
use std::path::Path;

/// The fixed text and the number of fixes applied.
pub fn apply(source: &str, findings: &[Finding]) -> (String, usize) {
    let mut fixes: Vec<(&std::ops::Range<usize>, &str)> = findings
        .iter()
        .filter_map(|f| {
            let s = f.suggestions.first()?;
            (s.safe && source[f.span.clone()] != *s.replacement)
                .then_some((&f.span, s.replacement.as_str()))
        })
        .collect();
    fixes.sort_by_key(|(span, _)| (span.start, span.end));
    let mut out = String::with_capacity(source.len());
    let mut pos = 0;
    let mut applied = 0;
    for (span, replacement) in fixes {
        if span.start < pos {
            continue;
        }
        out.push_str(&source[pos..span.start]);
        out.push_str(replacement);
        pos = span.end;
        applied += 1;
    }
    out.push_str(&source[pos..]);
    (out, applied)
}

/// Replaces `path` with `contents` atomically (temporary file in the same
/// directory, then rename), keeping its permissions, unless the file no
/// longer holds `expected` (it changed on disk since it was read).
pub fn write_atomic(path: &Path, expected: &[u8], contents: &str) -> Result<(), String> {
    let display = path.display();
    let current = std::fs::read(path).map_err(|e| format!("{display}: cannot re-read: {e}"))?;
    if current != expected {
        return Err(format!(
            "{display}: changed on disk since it was read; not overwritten"
        ));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(path)
        .map_err(|e| format!("{display}: {e}"))?
        .permissions();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("{display}: cannot create a temporary file: {e}"))?;
    tmp.write_all(contents.as_bytes())
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| format!("{display}: cannot write: {e}"))?;
    std::fs::set_permissions(tmp.path(), permissions)
        .map_err(|e| format!("{display}: cannot keep permissions: {e}"))?;
    tmp.persist(path)
        .map_err(|e| format!("{display}: cannot replace: {}", e.error))?;
    Ok(())
}

/// A unified diff of a fix, for `--diff`.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Category, Severity};

    fn f(span: std::ops::Range<usize>, fix: &str, safe: bool) -> Finding {
        Finding::new("r", Category::IdiomCalque, Severity::Warning, span, "m")
            .with_suggestion(fix, safe)
    }

    #[test]
    fn only_safe_non_overlapping_fixes_apply() {
        let src = "one two three four";
        let (out, n) = apply(
            src,
            &[
                f(4..7, "2", true),
                f(4..13, "x", true),
                f(14..18, "4", false),
                f(0..3, "1", true),
            ],
        );
        assert_eq!(out, "1 2 three four");
        assert_eq!(n, 2);
        let (again, n) = apply(&out, &[]);
        assert_eq!((again.as_str(), n), ("1 2 three four", 0));
    }

    #[test]
    fn atomic_write_refuses_a_file_changed_on_disk_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        assert!(write_atomic(&p, b"something else", "new").is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&p, b"old", "new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
    }
}
