//! The core's shape, checked on every run: modules import each other without a cycle, no
//! function is longer than 60 lines, and no folder holds more than a dozen modules. Read
//! from the sources as text (`use crate::x` and `crate::x::` name a dependency, every module
//! being re-exported at the root under its own name; a function runs from `fn` to the brace
//! at its indent). The plan's modules (`plan/`) have their own names and checks (plan.rs).

use std::collections::{BTreeMap, BTreeSet};

/// The folders of src/ that group the core's modules (the plan's aside).
const GROUPS: [&str; 4] = ["read", "rules", "evaluate", "text"];

fn source_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The `.rs` files of a folder, by file stem (`mod.rs` left out: it only declares).
fn files_in(dir: &std::path::Path) -> Vec<(String, std::path::PathBuf)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs") && !path.ends_with("mod.rs"))
        .map(|path| (path.file_stem().unwrap().to_string_lossy().into_owned(), path))
        .collect()
}

/// Every module of the root and of its groups, by name, with its text.
fn sources() -> BTreeMap<String, String> {
    let root = source_dir();
    let groups = GROUPS.iter().flat_map(|group| files_in(&root.join(group)));
    files_in(&root).into_iter().chain(groups).map(|(name, path)| (name, std::fs::read_to_string(path).unwrap())).collect()
}

#[test]
fn modules_in_groups_of_at_most_a_dozen() {
    let root = source_dir();
    assert!(files_in(&root).len() <= 3, "the root holds lib.rs, model.rs and little else: {:?}", files_in(&root));
    for group in GROUPS {
        let count = files_in(&root.join(group)).len();
        assert!((2..=12).contains(&count), "{group}/ holds {count} modules");
    }
    let every: usize = std::iter::once(root.clone()).chain(GROUPS.iter().map(|g| root.join(g))).map(|dir| files_in(&dir).len()).sum();
    assert!(every > 25 && sources().len() == every, "every module is read");
    let folders = std::fs::read_dir(&root).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count();
    assert_eq!(folders, GROUPS.len() + 1, "every folder but plan/ is a group");
}

/// Each module → the modules it names as `crate::name`.
fn imports(sources: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    sources
        .iter()
        .map(|(module, text)| {
            let used = text
                .match_indices("crate::")
                .map(|(at, _)| text[at + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>())
                .filter(|name| name != module && sources.contains_key(name))
                .collect();
            (module.clone(), used)
        })
        .collect()
}

/// A cycle through `module`, if any: depth-first, keeping the path.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
    let module = path.last().unwrap().clone();
    for next in &graph[&module] {
        if let Some(at) = path.iter().position(|m| m == next) {
            let mut found = path[at..].to_vec();
            found.push(next.clone());
            return Some(found);
        }
        if done.contains(next) {
            continue;
        }
        path.push(next.clone());
        if let Some(found) = cycle(graph, path, done) {
            return Some(found);
        }
        path.pop();
    }
    done.insert(module);
    None
}

#[test]
fn no_module_cycle() {
    let graph = imports(&sources());
    assert!(graph["input"].contains("header") && graph["assessment"].contains("resources"), "the imports are read");
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        if let Some(found) = cycle(&graph, &mut vec![module.clone()], &mut done) {
            panic!("a module cycle: {}", found.join(" → "));
        }
    }
}

#[test]
fn no_function_over_60_lines() {
    let mut long = Vec::new();
    for (module, text) in sources() {
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            let indent = line.len() - line.trim_start().len();
            let body = line.trim_start();
            let is_fn = ["fn ", "pub fn ", "pub(crate) fn ", "const fn ", "pub const fn "].iter().any(|p| body.starts_with(p));
            if is_fn && !line.trim_end().ends_with(';') {
                let close = format!("{}}}", " ".repeat(indent));
                let end = (i..lines.len()).find(|&j| lines[j].trim_end() == close).unwrap_or(i);
                if end - i + 1 > 60 {
                    long.push(format!("{module}.rs:{} ({} lines)", i + 1, end - i + 1));
                }
                i = end;
            }
            i += 1;
        }
    }
    assert!(long.is_empty(), "functions over 60 lines: {long:?}");
}
