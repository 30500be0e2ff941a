//! The README's examples are real: each `$ cargo run --release -p dateline -- ARGS` block is
//! run and its output compared with what the README shows.

use super::{dateline, workspace_root};

#[test]
fn readme_examples_show_real_output() {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md");
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        let Some((command, expected)) = block.split_once('\n') else { continue };
        let Some(args) = command.strip_prefix("$ cargo run --release -p dateline -- ") else { continue };
        let output = dateline().args(args.split_whitespace()).output().expect("runs");
        assert_eq!(String::from_utf8_lossy(&output.stdout), expected, "README example `{args}`");
        checked += 1;
    }
    assert!(checked >= 2, "the README shows at least two dateline examples");
}
