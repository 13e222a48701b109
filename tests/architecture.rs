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

/// Every `mod.rs` under `src/` holds declarations and re-exports only:
/// each line of code is a `mod` or `use` item (or continues a `use` list),
/// with its attributes, docs and comments.
#[test]
fn mod_files_declare_and_re_export_only() {
    let mod_files: Vec<(PathBuf, String)> = sources("")
        .into_iter()
        .filter(|(path, _)| path.file_name().is_some_and(|n| n == "mod.rs"))
        .collect();
    assert!(
        mod_files.len() >= 8,
        "expected the mod.rs files of src/, found {}",
        mod_files.len()
    );
    for (path, text) in mod_files {
        let mut in_use = false;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with("//") || line.starts_with('#') {
                continue;
            }
            if in_use {
                in_use = !line.ends_with(';');
                continue;
            }
            let item = ["pub(crate) ", "pub(super) ", "pub "]
                .iter()
                .find_map(|v| line.strip_prefix(v))
                .unwrap_or(line);
            let declares = item.starts_with("mod ") && line.ends_with(';');
            let uses = item.starts_with("use ");
            assert!(
                declares || uses,
                "{} holds more than declarations: {line}",
                path.display()
            );
            in_use = uses && !line.ends_with(';');
        }
    }
}

#[test]
fn loaders_build_through_the_bulk_api() {
    // The graph's internals are private to it (checked by the compiler);
    // loaders name no graph module but the bulk API's items.
    forbid("io", &["graph::edit", "graph::table", "graph_mut"]);
}

/// Every public function that returns a `Result` says which errors it can
/// return, under `# Errors` in its documentation (or in the page its
/// documentation includes).
#[test]
fn every_fallible_public_function_documents_its_errors() {
    let mut missing = Vec::new();
    for (path, text) in sources("") {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(rest) = line.trim_start().strip_prefix("pub fn ") else {
                continue;
            };
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let signature: String = lines[i..]
                .iter()
                .take_while(|l| !l.contains('{') && !l.trim_end().ends_with(';'))
                .chain(lines[i..].iter().find(|l| l.contains('{')))
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let returns = signature.split("->").nth(1).unwrap_or_default();
            if !returns.contains("Result<") {
                continue;
            }
            let doc: Vec<&str> = lines[..i]
                .iter()
                .rev()
                .take_while(|l| {
                    let l = l.trim_start();
                    l.starts_with("///") || l.starts_with("#[")
                })
                .copied()
                .collect();
            let included = doc.iter().find_map(|l| {
                let start = l.find("include_str!(\"")? + "include_str!(\"".len();
                let end = l[start..].find('"')? + start;
                let page = path.parent()?.join(&l[start..end]);
                std::fs::read_to_string(page).ok()
            });
            let documented = doc.iter().any(|l| l.contains("# Errors"))
                || included.is_some_and(|page| page.contains("# Errors"));
            if !documented {
                missing.push(format!("{}:{} {name}", path.display(), i + 1));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "public functions returning Result without `# Errors`:\n{}",
        missing.join("\n")
    );
}

/// The crate's only `unsafe` code is the call into CaDiCaL's C interface,
/// compiled with the `cadical` feature only; everything else stays under
/// `#![deny(unsafe_code)]`.
#[test]
fn unsafe_code_lives_in_the_cadical_binding_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(root.join("lib.rs")).expect("readable lib.rs");
    assert!(lib.contains("#![deny(unsafe_code)]"));
    let binding = root.join("argument").join("ccadical.rs");
    let declaration =
        std::fs::read_to_string(root.join("argument").join("mod.rs")).expect("readable mod.rs");
    assert!(declaration.contains("#[cfg(feature = \"cadical\")]\nmod ccadical;"));
    let mut seen = 0;
    for (path, text) in sources("") {
        let unsafe_code = [
            "unsafe {",
            "unsafe impl",
            "unsafe extern",
            "unsafe fn",
            "allow(unsafe_code)",
            "expect(unsafe_code)",
            "warn(unsafe_code)",
        ]
        .iter()
        .any(|needle| text.contains(needle));
        if path == binding {
            assert!(unsafe_code, "the binding's unsafe code moved");
            seen += 1;
        } else {
            assert!(!unsafe_code, "{} has unsafe code", path.display());
        }
    }
    assert_eq!(seen, 1, "src/argument/ccadical.rs is read");
}
