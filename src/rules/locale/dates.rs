//! Dates written the continental way: `locale/numeric-date` ("23.5.2021",
//! "8.1. 17:54"), `locale/ordinal-dot-date` ("on 8. June") and
//! `locale/lowercase-month` ("the 8th of june", "on monday").

use super::numbers::MONTHS;
use super::{word_after, word_before, LocaleCheck, Rule};
use crate::document::Document;
use crate::finding::Finding;
use regex::Regex;

const MONTH_PATTERN: &str =
    r"(?i:January|February|March|April|May|June|July|August|September|October|November|December)";

/// Lower-case month and weekday names that are no English word.
const ALWAYS_NAMES: &str = r"january|february|april|june|july|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

/// Month names that are also English words: flagged only beside a number.
const AMBIGUOUS_NAMES: &str = r"may|march|august";

/// Words before "8. June" that show it is a date, not a sentence ending.
const DATE_LEADS: &[&str] = &[
    "on",
    "from",
    "until",
    "till",
    "since",
    "by",
    "before",
    "after",
    "of",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub(super) struct Dates {
    numeric: Regex,
    ordinal_dot: Regex,
    lowercase: Regex,
    time_after: Regex,
}

impl Dates {
    pub(super) fn new() -> Dates {
        let compile = |p: &str| {
            Regex::new(&super::ascii_boundaries(p)).expect("locale date pattern is valid")
        };
        Dates {
            numeric: compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})?"),
            ordinal_dot: compile(&format!(r"\b(\d{{1,2}})\.\s+({MONTH_PATTERN})\b")),
            lowercase: compile(&format!(r"\b(?:({ALWAYS_NAMES})|({AMBIGUOUS_NAMES}))\b")),
            time_after: compile(r"^\s+(?:(?:klo|kl\.?|at)\s+)?\d{1,2}[:.]\d{2}\b"),
        }
    }

    pub(super) fn check(&self, locale: &LocaleCheck, doc: &Document, out: &mut Vec<Finding>) {
        let text = doc.text();
        self.numeric_dates(locale, text, out);
        self.ordinal_dots(locale, text, out);
        self.lowercase_names(locale, text, out);
    }

    fn numeric_dates(&self, locale: &LocaleCheck, text: &str, out: &mut Vec<Finding>) {
        for caps in self.numeric.captures_iter(text) {
            let whole = caps.get(0).expect("group");
            let (Ok(day), Ok(month)) = (caps[1].parse::<usize>(), caps[2].parse::<usize>()) else {
                continue;
            };
            if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
                continue;
            }
            if text[..whole.start()].ends_with(|c: char| c.is_ascii_digit() || c == '.') {
                continue;
            }
            let after = &text[whole.end()..];
            let month_name = MONTHS[month - 1];
            let fixed = match caps.get(3) {
                Some(year) => {
                    if after.starts_with(|c: char| c.is_ascii_digit())
                        || after.starts_with('.') && word_after(text, whole.end() + 1)
                    {
                        continue;
                    }
                    format!("{day} {month_name} {}", year.as_str())
                }
                None if self.time_after.is_match(after) => format!("{day} {month_name}"),
                None => continue,
            };
            let found = whole.as_str();
            out.push(
                locale
                    .finding(
                        Rule::NumericDate,
                        whole.range(),
                        format!("\"{found}\" is a day.month. date; write \"{fixed}\""),
                    )
                    .with_note("Finnish, German and the Scandinavian languages write dates as day.month.year")
                    .with_suggestion(fixed, false),
            );
        }
    }

    fn ordinal_dots(&self, locale: &LocaleCheck, text: &str, out: &mut Vec<Finding>) {
        for caps in self.ordinal_dot.captures_iter(text) {
            let whole = caps.get(0).expect("group");
            let Ok(day) = caps[1].parse::<usize>() else {
                continue;
            };
            if !(1..=31).contains(&day) || word_before(text, whole.start()) {
                continue;
            }
            let before = text[..whole.start()].trim_end();
            let previous_word = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            let line_start = before.is_empty() || before.ends_with('\n');
            let year_after = text[whole.end()..]
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .count()
                == 4;
            let after_lead = !before.ends_with(|c: char| c.is_ascii_digit())
                && DATE_LEADS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(previous_word));
            if !(after_lead || line_start || year_after) {
                continue;
            }
            let month = capitalise(&caps[2]);
            let fixed = format!("{day} {month}");
            let found = whole.as_str();
            out.push(
                locale
                    .finding(
                        Rule::OrdinalDotDate,
                        whole.range(),
                        format!("\"{found}\" writes the ordinal with a dot; English writes \"{fixed}\""),
                    )
                    .with_note("German, Danish, Norwegian and Finnish mark ordinals with a dot (\"8. Juni\")")
                    .with_suggestion(fixed, true),
            );
        }
    }

    fn lowercase_names(&self, locale: &LocaleCheck, text: &str, out: &mut Vec<Finding>) {
        for caps in self.lowercase.captures_iter(text) {
            let whole = caps.get(0).expect("group");
            let glued = |c: Option<char>| matches!(c, Some('/' | '@' | '#' | '.' | '_' | '-'));
            if word_before(text, whole.start())
                || word_after(text, whole.end())
                || glued(text[..whole.start()].chars().next_back())
                || glued(text[whole.end()..].chars().next()) && word_after(text, whole.end() + 1)
            {
                continue;
            }
            if caps.get(2).is_some() && !beside_a_number(text, whole.start(), whole.end()) {
                continue;
            }
            let name = whole.as_str();
            let fixed = capitalise(name);
            out.push(
                locale
                    .finding(
                        Rule::LowercaseMonth,
                        whole.range(),
                        format!("\"{name}\" is not capitalised; English writes \"{fixed}\""),
                    )
                    .with_note("the Nordic languages, Dutch, Finnish and the Romance languages write months and weekdays in lower case")
                    .with_suggestion(fixed, true),
            );
        }
    }
}

/// "8 may", "8th of may", "may 8", "may 2023".
fn beside_a_number(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let before = before.strip_suffix(" of").unwrap_or(before).trim_end();
    let previous = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let previous_is_day = previous.starts_with(|c: char| c.is_ascii_digit())
        && previous.len() <= 4
        && previous
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_lowercase());
    let next = text[end..].trim_start_matches(' ');
    let digits = next.chars().take_while(char::is_ascii_digit).count();
    // "8 may 2023", "on 8 may." but not "width 1 may cause".
    let ends_phrase = !next.starts_with(char::is_alphabetic);
    (previous_is_day && ends_phrase) || digits == 4 || (1..=2).contains(&digits)
}

fn capitalise(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_beside_numbers() {
        let t = "on 8 may, we";
        assert!(beside_a_number(t, 5, 8));
        let t = "width 1 may cause";
        assert!(!beside_a_number(t, 8, 11));
        let t = "the 8th of may.";
        assert!(beside_a_number(t, 11, 14));
        let t = "you may go";
        assert!(!beside_a_number(t, 4, 7));
        let t = "may 2023";
        assert!(beside_a_number(t, 0, 3));
    }
}
