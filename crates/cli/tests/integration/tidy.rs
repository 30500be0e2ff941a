//! Workspace rules that no compiler checks: which crate may depend on which (DESIGN.md).

use std::collections::BTreeMap;

use super::workspace_root;

/// For each workspace package, the workspace packages it may depend on (normal dependencies).
const ALLOWED: &[(&str, &[&str])] = &[
    ("dateline-model", &[]),
    ("dateline-parse", &["dateline-model"]),
    ("dateline-text", &["dateline-model"]),
    ("dateline-analyze", &["dateline-model", "dateline-text"]),
    ("dateline-reuse", &["dateline-model", "dateline-text"]),
    ("dateline-actors", &["dateline-model", "dateline-text"]),
    // It only draws the analyses' results.
    ("dateline-report", &["dateline-model", "dateline-analyze", "dateline-actors", "dateline-reuse"]),
    (
        "dateline",
        &[
            "dateline-model",
            "dateline-parse",
            "dateline-text",
            "dateline-analyze",
            "dateline-actors",
            "dateline-reuse",
            "dateline-report",
        ],
    ),
    // The README's property-testing example, a user's crate (dev-dependencies only).
    ("dateline-downstream-example", &["dateline-parse"]),
    (
        "dateline-python",
        &["dateline-model", "dateline-parse", "dateline-text", "dateline-analyze", "dateline-actors", "dateline-reuse"],
    ),
    (
        "dateline-benches",
        &["dateline-model", "dateline-parse", "dateline-text", "dateline-analyze", "dateline-reuse", "dateline"],
    ),
];

fn manifests() -> BTreeMap<String, toml::Table> {
    let root = workspace_root();
    let workspace: toml::Table =
        std::fs::read_to_string(root.join("Cargo.toml")).expect("root manifest").parse().expect("TOML");
    let members = workspace["workspace"]["members"].as_array().expect("members").clone();
    members
        .iter()
        .map(|member| {
            let path = root.join(member.as_str().expect("a path")).join("Cargo.toml");
            let manifest: toml::Table = std::fs::read_to_string(&path).expect("member manifest").parse().expect("TOML");
            let name = manifest["package"]["name"].as_str().expect("a name").to_owned();
            (name, manifest)
        })
        .collect()
}

#[test]
fn crates_depend_only_on_what_the_design_allows() {
    let manifests = manifests();
    for (name, manifest) in &manifests {
        let allowed = ALLOWED.iter().find(|(n, _)| n == name).map(|(_, a)| *a);
        let allowed = allowed
            .unwrap_or_else(|| panic!("{name} is not in the tidy test's table: add it with its allowed dependencies"));
        let deps = manifest.get("dependencies").and_then(|d| d.as_table()).cloned().unwrap_or_default();
        for dep in deps.keys().filter(|d| manifests.contains_key(*d)) {
            assert!(allowed.contains(&dep.as_str()), "{name} depends on {dep}, which DESIGN.md does not allow");
        }
    }
}

#[test]
fn every_crate_uses_the_workspace_lints() {
    for (name, manifest) in manifests() {
        let inherits = manifest.get("lints").and_then(|l| l.get("workspace")).and_then(toml::Value::as_bool);
        assert_eq!(inherits, Some(true), "{name} must have `[lints] workspace = true`");
    }
}
