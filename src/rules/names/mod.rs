//! The `names` rule family (not implemented yet: reports nothing).

use crate::document::Document;
use crate::finding::Finding;
use crate::rule::{Check, Family, RuleInfo};

pub const FAMILY: Family = Family {
    name: "names",
    pack_kinds: &["names", "gazetteer"],
    build: |_packs| Ok(Box::new(Stub)),
};

struct Stub;

impl Check for Stub {
    fn rules(&self) -> &[RuleInfo] {
        &[]
    }

    fn check(&self, _doc: &Document, _out: &mut Vec<Finding>) {}
}
