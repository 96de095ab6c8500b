//! Rebuilds when a Fluent file changes: the messages are compiled into the binary by a macro
//! whose inputs cargo does not otherwise see.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
