//! The README shows `tests/testkit.rs` as the example to paste: it must be the file that runs.

#[test]
fn the_readme_shows_the_example_that_runs() {
    let readme = include_str!("../../../README.md");
    let example = include_str!("testkit.rs");
    assert!(
        readme.contains(&format!("```rust\n{example}```\n")),
        "README.md's example differs from examples/downstream/tests/testkit.rs"
    );
}
