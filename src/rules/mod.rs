//! The rule families. This is the one place that lists them; the core
//! (`crate::rule`, `crate::lint`) knows none of them by name.

pub mod phrase;

use crate::rule::Family;

pub const FAMILIES: &[Family] = &[phrase::FAMILY];
