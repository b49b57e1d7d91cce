//! Numbers and clock times written the continental way: `locale/decimal-comma`,
//! `locale/space-thousands`, `locale/dotted-time` and `locale/clock-word`.

use super::{word_after, word_before, LocaleCheck, Rule};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use regex::Regex;

/// Words after a number that make it a quantity (so "3,5" before them is a
/// decimal, and "02.50" before them a price rather than a time).
const UNITS: &str = r"percent|per\s+cent|procent|prosent|prozent|proc|million|millions|billion|billions|trillion|mln|bn|mio|mia|mrd|km|kilo|kilometres|kilometers|metres|meters|cm|mm|kg|kilos|kilograms|grams|tonnes|tons|litres|liters|degrees|hours|minutes|seconds|years|months|weeks|days|times|points|goals|euros?|kronor|kroner|krona|krone|crowns|dollars|pounds|francs|zloty|SEK|NOK|DKK|EUR|USD|kr";

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Units after which "1.500" may be an English decimal ("1.500 seconds").
const MEASURES: &[&str] = &[
    "seconds",
    "minutes",
    "hours",
    "metres",
    "meters",
    "kilometres",
    "kilometers",
    "miles",
    "inches",
    "feet",
    "litres",
    "liters",
    "grams",
    "kilograms",
    "tonnes",
    "tons",
    "degrees",
    "points",
    "times",
    "percent",
    "per",
];

/// Words before "at 14.30" that make it a price rather than a clock time.
const PRICE_VERBS: &[&str] = &[
    "closed", "traded", "trading", "priced", "stood", "stands", "opened", "ended", "finished",
    "valued", "sold", "bought", "cost", "costs", "rate", "rates", "level",
];

/// Words near a time that make "14.30" a clock time rather than a price.
const DAY_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "updated",
    "published",
    "local",
    "cet",
    "cest",
    "gmt",
    "utc",
];

pub(super) struct Numbers {
    decimal_comma: Regex,
    currency_decimal_comma: Regex,
    space_thousands: Regex,
    dot_thousands: Regex,
    dotted_time: Regex,
    hours_after: Regex,
    unit_after: Regex,
    french_hour: Regex,
    clock_word_before: Regex,
    clock_word_after: Regex,
}

impl Numbers {
    pub(super) fn new() -> Numbers {
        let compile = |p: &str| {
            Regex::new(&super::ascii_boundaries(p)).expect("locale number pattern is valid")
        };
        Numbers {
            decimal_comma: compile(&format!(
                r"(\d{{1,3}}),(\d{{1,2}})(?:\s?%|\s?°|[\s-](?:{UNITS})\b)"
            )),
            currency_decimal_comma: compile(
                r"(?:[€$£]\s?|\b(?:EUR|SEK|NOK|DKK)\s)(\d{1,3}),(\d{2})",
            ),
            space_thousands: compile(r"\d{1,3}(?:[ \u{a0}\u{202f}\u{2009}]\d{3})+"),
            dot_thousands: compile(r"[1-9]\d{0,2}(?:\.\d{3})+"),
            dotted_time: compile(
                r"\b((?i:at|from|until|till|after|before|around|since))\s+(\d{1,2})\.(\d{2})",
            ),
            hours_after: compile(r"^\s?hours\b"),
            french_hour: compile(
                r"\b(?i:at|from|until|till|after|before|around|since|by)\s+(\d{1,2})h(\d{2})?\b",
            ),
            unit_after: compile(&format!(
                r"^\s?(?:%|°|(?i:am|pm|a\.m\.|p\.m\.|h\b)|(?:{UNITS})\b)"
            )),
            clock_word_before: compile(r"\b(kl|klo)\.?\s?(\d{1,2})(?:[.:](\d{2}))?"),
            clock_word_after: compile(r"(\d{1,2})(?:[.:](\d{2}))?\s?(Uhr|uur|o['\u{2019}]clock)\b"),
        }
    }

    pub(super) fn check(&self, locale: &LocaleCheck, doc: &Document, out: &mut Vec<Finding>) {
        let text = doc.text();
        self.decimal_commas(locale, text, out);
        self.space_thousands(locale, text, out);
        self.dot_thousands(locale, text, out);
        self.dotted_times(locale, text, out);
        self.clock_words(locale, text, out);
    }

    fn decimal_commas(&self, locale: &LocaleCheck, text: &str, out: &mut Vec<Finding>) {
        let matches = self
            .decimal_comma
            .captures_iter(text)
            .chain(self.currency_decimal_comma.captures_iter(text));
        for caps in matches {
            let (int, frac) = (caps.get(1).expect("group"), caps.get(2).expect("group"));
            let before = text[..int.start()].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
                || text[frac.end()..].starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let number = &text[int.start()..frac.end()];
            let fixed = number.replace(',', ".");
            out.push(
                locale
                    .finding(
                        Rule::DecimalComma,
                        int.start()..frac.end(),
                        format!("\"{number}\" uses a decimal comma; English writes \"{fixed}\""),
                    )
                    .with_note("most continental European languages write decimals with a comma")
                    .with_suggestion(fixed, true),
            );
        }
    }

    fn space_thousands(&self, locale: &LocaleCheck, text: &str, out: &mut Vec<Finding>) {
        for m in self.space_thousands.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '-' | '/')) {
                continue;
            }
            let after = &text[m.end()..];
            if after.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
                continue;
            }
            // "On May 2 100 protesters gathered": a date, then a count.
            let previous_word = text[..m.start()]
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if MONTHS
                .iter()
                .any(|mo| mo.eq_ignore_ascii_case(previous_word))
            {
                continue;
            }
            let next = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
            if !next.starts_with(|c: char| c.is_alphabetic() || matches!(c, '%' | '€' | '$' | '£'))
            {
                continue;
            }
            let number = m.as_str();
            let fixed: String = number
                .chars()
                .map(|c| if c.is_ascii_digit() { c } else { ',' })
                .collect();
            out.push(
                locale
                    .finding(
                        Rule::SpaceThousands,
                        m.range(),
                        format!("\"{number}\" groups thousands with spaces; English writes \"{fixed}\""),
                    )
                    .with_note("Nordic, German, French and Finnish typography separate thousands with a (thin) space")
                    .with_suggestion(fixed, false),
            );
        }
    }

    fn dot_thousands(&self, locale: &LocaleCheck, text: &str, out: &mut Vec<Finding>) {
        for m in self.dot_thousands.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '-')) {
                continue;
            }
            let after = &text[m.end()..];
            if after.starts_with(|c: char| c.is_ascii_digit())
                || (after.starts_with(['.', ',']) && word_after(text, m.end() + 1))
            {
                continue;
            }
            let number = m.as_str();
            // "1.125 percent" is an English decimal; "4.000 jobs" is not.
            if number.matches('.').count() == 1 {
                let next: String = after
                    .trim_start_matches(' ')
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                let measure = MEASURES.contains(&next.as_str());
                let counted = next.len() > 2
                    && next.chars().all(|c| c.is_lowercase())
                    && (number.ends_with("000") || (next.ends_with('s') && !measure));
                let currency = matches!(
                    next.as_str(),
                    "euros" | "euro" | "kronor" | "kroner" | "crowns" | "dollars" | "pounds"
                );
                if !(counted || currency) {
                    continue;
                }
            }
            let fixed = number.replace('.', ",");
            out.push(
                locale
                    .finding(
                        Rule::DotThousands,
                        m.range(),
                        format!("\"{number}\" groups thousands with dots; English writes \"{fixed}\""),
                    )
                    .with_note("German, Dutch, Danish, Norwegian and the Romance languages separate thousands with a dot")
                    .with_suggestion(fixed, false),
            );
        }
    }

    fn dotted_times(&self, locale: &LocaleCheck, text: &str, out: &mut Vec<Finding>) {
        for caps in self.dotted_time.captures_iter(text) {
            let prefix = caps.get(1).expect("group");
            let (h, m) = (caps.get(2).expect("group"), caps.get(3).expect("group"));
            let (Ok(hour), Ok(minute)) = (h.as_str().parse::<u32>(), m.as_str().parse::<u32>())
            else {
                continue;
            };
            if hour > 23 || minute > 59 || word_after(text, m.end()) {
                continue;
            }
            let after = &text[m.end()..];
            let hours_word = self.hours_after.is_match(after);
            if after.starts_with(['.', ',']) && word_after(text, m.end() + 1)
                || (!hours_word && self.unit_after.is_match(after))
            {
                continue;
            }
            let previous_word = text[..prefix.start()]
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if PRICE_VERBS
                .iter()
                .any(|v| v.eq_ignore_ascii_case(previous_word))
            {
                continue;
            }
            let leading_zero = h.as_str().len() == 2 && h.as_str().starts_with('0');
            let afternoon = (13..=23).contains(&hour);
            if !leading_zero && !afternoon {
                continue;
            }
            // A bare "at 14.30" may still be British; say so with less weight.
            let sure = leading_zero || hours_word || near_day_word(text, h.start(), m.end());
            let span = if hours_word {
                h.start()..m.end() + after.find("hours").expect("matched") + "hours".len()
            } else {
                h.start()..m.end()
            };
            let time = &text[span.clone()];
            let twelve = twelve_hour(hour, minute);
            let colon = format!("{hour:02}:{minute:02}");
            let mut finding = locale
                .finding(
                    Rule::DottedTime,
                    span,
                    format!("\"{time}\" is a continental 24-hour time; write \"{twelve}\" or \"{colon}\""),
                )
                .with_note("Nordic, German and Dutch texts write clock times with a dot, a leading zero or \"hours\"")
                .with_suggestion(twelve, false)
                .with_suggestion(colon, false);
            if !sure {
                finding.severity = Severity::Info;
            }
            out.push(finding);
        }
    }

    fn clock_words(&self, locale: &LocaleCheck, text: &str, out: &mut Vec<Finding>) {
        for caps in self.clock_word_before.captures_iter(text) {
            let whole = caps.get(0).expect("group");
            if word_before(text, whole.start()) || word_after(text, whole.end()) {
                continue;
            }
            let word = caps.get(1).expect("group").as_str();
            let language = (word == "klo").then_some("fi");
            let source = if word == "klo" {
                "Finnish \"klo\" (kello)"
            } else {
                "Scandinavian \"kl.\" (klockan/klokken)"
            };
            self.push_clock(
                locale,
                text,
                &caps,
                2,
                3,
                whole.range(),
                source,
                language,
                out,
            );
        }
        for caps in self.clock_word_after.captures_iter(text) {
            let whole = caps.get(0).expect("group");
            if word_before(text, whole.start()) {
                continue;
            }
            let word = caps.get(3).expect("group").as_str();
            let (source, language) = match word {
                "Uhr" => ("German \"Uhr\"", Some("de")),
                "uur" => ("Dutch \"uur\"", Some("nl")),
                _ => ("a 24-hour \"o'clock\"", None),
            };
            let twelve_hour_clock = caps[1].len() == 1 || !caps[1].starts_with('0');
            let hour: u32 = caps[1].parse().unwrap_or(0);
            if word.ends_with("clock")
                && (1..=12).contains(&hour)
                && twelve_hour_clock
                && caps.get(2).is_none()
            {
                continue;
            }
            self.push_clock(
                locale,
                text,
                &caps,
                1,
                2,
                whole.range(),
                source,
                language,
                out,
            );
        }
        for caps in self.french_hour.captures_iter(text) {
            let hour = caps.get(1).expect("group");
            let span = hour.start()..caps.get(0).expect("group").end();
            let source = "French \"h\" (heures)";
            self.push_clock(locale, text, &caps, 1, 2, span, source, Some("fr"), out);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_clock(
        &self,
        locale: &LocaleCheck,
        text: &str,
        caps: &regex::Captures,
        hour_group: usize,
        minute_group: usize,
        span: std::ops::Range<usize>,
        source: &str,
        language: Option<&str>,
        out: &mut Vec<Finding>,
    ) {
        let Ok(hour) = caps[hour_group].parse::<u32>() else {
            return;
        };
        let minute = caps
            .get(minute_group)
            .and_then(|m| m.as_str().parse::<u32>().ok())
            .unwrap_or(0);
        if hour > 24 || minute > 59 {
            return;
        }
        let preceded_by_at = text[..span.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("at"));
        let at = if preceded_by_at { "" } else { "at " };
        let twelve = format!("{at}{}", twelve_hour(hour % 24, minute));
        let colon = format!("{at}{:02}:{minute:02}", hour % 24);
        let found = &text[span.clone()];
        let mut finding = locale
            .finding(
                Rule::ClockWord,
                span,
                format!("\"{found}\" keeps {source}; write \"{twelve}\" or \"{colon}\""),
            )
            .with_note("English gives the time as \"2 pm\" or \"14:00\" without a clock word")
            .with_suggestion(twelve, false)
            .with_suggestion(colon, false);
        if let Some(l) = language {
            finding = finding.with_language(l);
        }
        out.push(finding);
    }
}

fn near_day_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].rsplit(char::is_whitespace).take(4);
    let after = text[end..].split(char::is_whitespace).take(4);
    before.chain(after).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        DAY_WORDS.iter().any(|d| d.eq_ignore_ascii_case(w))
    })
}

/// "2.52 am", "2 pm" (British news style).
fn twelve_hour(hour: u32, minute: u32) -> String {
    let suffix = if hour < 12 { "am" } else { "pm" };
    let h = match hour % 12 {
        0 => 12,
        h => h,
    };
    if minute == 0 {
        format!("{h} {suffix}")
    } else {
        format!("{h}.{minute:02} {suffix}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_hour_clock() {
        assert_eq!(twelve_hour(2, 52), "2.52 am");
        assert_eq!(twelve_hour(0, 5), "12.05 am");
        assert_eq!(twelve_hour(12, 0), "12 pm");
        assert_eq!(twelve_hour(14, 30), "2.30 pm");
    }
}
