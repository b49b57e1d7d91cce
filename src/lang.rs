//! Source languages mtlint knows by ISO 639-1 code.

pub const LANGUAGES: &[(&str, &str)] = &[
    ("sv", "Swedish"),
    ("nb", "Norwegian"),
    ("da", "Danish"),
    ("de", "German"),
    ("nl", "Dutch"),
    ("fi", "Finnish"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("en", "English"),
];

/// The English name of a language code, or the code itself when unknown.
pub fn name(code: &str) -> &str {
    LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, n)| n)
}

pub fn is_known(code: &str) -> bool {
    LANGUAGES.iter().any(|(c, _)| *c == code)
}
