//! The lesson's code blocks, extracted from `lesson/async-and-await.md` (never copied by hand), so
//! that the corpus holds exactly what the tutorial shows: the `n`-th ```` ```rust ```` block becomes
//! `tests/programs/lesson_n.rs`, verbatim. `crate/tests/oracle.rs` checks that they still match.

use std::path::Path;

/// The lesson's ```` ```rust ```` blocks, in order, each ending with a newline.
pub fn rust_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None => {
                let fence = line.trim_start();
                if let Some(info) = fence.strip_prefix("```") {
                    // The info string's first word is the language (`rust`, `rust,ignore`…).
                    let lang = info.split([',', ' ']).next().unwrap_or("");
                    if lang == "rust" {
                        current = Some(String::new());
                    }
                }
            }
            Some(block) => {
                if line.trim_start().starts_with("```") {
                    blocks.push(std::mem::take(block));
                    current = None;
                } else {
                    block.push_str(line);
                    block.push('\n');
                }
            }
        }
    }
    blocks
}

/// Writes `tests/programs/lesson_N.rs` for every block; returns the names written.
pub fn extract(root: &Path) -> Vec<String> {
    let md = std::fs::read_to_string(root.join("lesson/async-and-await.md"))
        .expect("lesson/async-and-await.md");
    let mut names = Vec::new();
    for (i, block) in rust_blocks(&md).into_iter().enumerate() {
        let name = format!("lesson_{}", i + 1);
        let path = root.join(format!("tests/programs/{name}.rs"));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(block.as_str()) {
            std::fs::write(&path, block).expect("writing a lesson program");
        }
        names.push(name);
    }
    names
}
