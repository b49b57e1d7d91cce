//! The rule families. This is the one place that lists them; the core
//! (`crate::rule`, `crate::lint`) knows none of them by name.

pub mod boilerplate;
pub mod grammar;
pub mod locale;
pub mod names;
pub mod phrase;
pub mod repetition;
pub mod untranslated;

use crate::rule::Family;

pub const FAMILIES: &[Family] = &[
    phrase::FAMILY,
    names::FAMILY,
    untranslated::FAMILY,
    locale::FAMILY,
    boilerplate::FAMILY,
    repetition::FAMILY,
    grammar::FAMILY,
    crate::suppress::FAMILY,
];
