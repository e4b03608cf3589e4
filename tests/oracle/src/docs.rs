//! `oracle docs DIR`: records every `DIR/NAME.rs` with real Tokio into `DIR/NAME.tokio.json`, for the
//! scratch survey of Tokio's documentation examples (`scripts/tokio-docs.mjs`, issue 17). Not part
//! of `npm test`.
//!
//! An example that does not compile in the runner (an unstable API behind `tokio_unstable`, a crate
//! the runner lacks) is dropped, and named, so that one such example does not fail the batch.

use crate::runner::{self, Program};
use std::path::Path;

/// Records the programs of `dir`; returns how many were recorded.
pub fn record_dir(dir: &Path) -> usize {
    let mut programs: Vec<Program> = std::fs::read_dir(dir)
        .expect("the examples' folder")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.strip_suffix(".rs")?.to_string();
            let source = std::fs::read_to_string(&path).ok()?;
            Some(Program { name, source })
        })
        .collect();
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    loop {
        match runner::record("docs", &programs) {
            Ok(transcripts) => {
                for t in &transcripts {
                    let stem = t.program.trim_end_matches(".rs");
                    std::fs::write(dir.join(format!("{stem}.tokio.json")), t.to_json()).unwrap();
                }
                return transcripts.len();
            }
            Err(e) => {
                // rustc names each error's file: `src/bin/../programs/NAME.rs`.
                let bad: Vec<String> = programs
                    .iter()
                    .filter(|p| e.0.contains(&format!("programs/{}.rs", p.name)))
                    .map(|p| p.name.clone())
                    .collect();
                if bad.is_empty() {
                    panic!("the batch failed to build, in no example:\n{}", e.0);
                }
                for name in &bad {
                    eprintln!("oracle docs: {name} does not compile with the runner; dropped");
                    let _ = std::fs::rename(
                        dir.join(format!("{name}.rs")),
                        dir.join(format!("{name}.rs.broken")),
                    );
                }
                programs.retain(|p| !bad.contains(&p.name));
            }
        }
    }
}
