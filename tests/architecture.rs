//! The dependency rules ARCHITECTURE.md states, checked on the source so
//! they stay true: a rule nobody checks drifts.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/<dir>` (or the file `src/<dir>.rs`), with its text.
fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.join(dir)];
    let file = root.join(format!("{dir}.rs"));
    if file.is_file() {
        stack.push(file);
    }
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("readable source directory") {
                stack.push(entry.expect("entry").path());
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("readable source");
            out.push((path, text));
        }
    }
    assert!(!out.is_empty(), "no sources under src/{dir}");
    out
}

fn forbid(dir: &str, needles: &[&str]) {
    for (path, text) in sources(dir) {
        for needle in needles {
            assert!(
                !text.contains(needle),
                "{} mentions `{needle}`, against ARCHITECTURE.md",
                path.display()
            );
        }
    }
}

#[test]
fn model_is_passive_data() {
    forbid(
        "model",
        &[
            "petgraph",
            "crate::graph",
            "crate::query",
            "crate::io",
            "crate::render",
            "crate::argument",
        ],
    );
}

#[test]
fn frameworks_know_nothing_of_corpora() {
    forbid(
        "argument",
        &[
            "crate::graph",
            "crate::query",
            "crate::io",
            "crate::render",
            "crate::model",
        ],
    );
}

#[test]
fn the_graph_does_not_reach_up() {
    forbid(
        "graph",
        &[
            "crate::query",
            "crate::io",
            "crate::render",
            "crate::argument",
        ],
    );
}

#[test]
fn queries_never_mutate() {
    forbid(
        "query",
        &["graph_mut", "&mut Corpus", "crate::io", "crate::render"],
    );
}

#[test]
fn nothing_imports_io_or_render() {
    for dir in [
        "model",
        "graph",
        "query",
        "argument",
        "corpus",
        "synthetic",
        "error",
        "names",
    ] {
        forbid(dir, &["crate::io", "crate::render"]);
    }
}

#[test]
fn mod_files_declare_and_re_export_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for dir in [
        "model",
        "query",
        "argument",
        "io",
        "render",
        "render/layered",
        "render/layout",
        "render/layout/place",
        "render/svg",
        "corpus",
        "query/debate",
    ] {
        let path = root.join(dir).join("mod.rs");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for line in text.lines().map(str::trim_start) {
            let declares = line.starts_with("mod ")
                || line.starts_with("pub mod ")
                || line.starts_with("pub(crate) mod ")
                || line.starts_with("pub use ")
                || line.starts_with("pub(crate) use ")
                || line.starts_with("use ");
            let code = !(line.is_empty() || line.starts_with("//") || line.starts_with('#'));
            assert!(
                !code || declares || !line.contains("fn "),
                "{} holds logic: {line}",
                path.display()
            );
        }
    }
}

#[test]
fn loaders_build_through_the_bulk_api() {
    // The graph's internals are private to it (checked by the compiler);
    // loaders name no graph module but the bulk API's items.
    forbid("io", &["graph::edit", "graph::table", "graph_mut"]);
}
