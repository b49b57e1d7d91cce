//! The `grammar` rule family (not implemented yet: reports nothing).

use crate::document::Document;
use crate::finding::Finding;
use crate::rule::{Check, Family, RuleInfo};

pub const FAMILY: Family = Family {
    name: "grammar",
    pack_kinds: &["grammar"],
    build: |_packs| Ok(Box::new(Stub)),
};

struct Stub;

impl Check for Stub {
    fn rules(&self) -> &[RuleInfo] {
        &[]
    }

    fn check(&self, _doc: &Document, _out: &mut Vec<Finding>) {}
}
