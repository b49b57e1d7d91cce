//! The rule packs under `rules/` are embedded with `include_dir!`, which does
//! not notice added or removed files; this makes any change there rebuild.

fn main() {
    println!("cargo:rerun-if-changed=rules");
}
