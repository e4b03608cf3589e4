//! Tokio's behaviour on a single-threaded event loop: see the module docs of [`crate::interp`].
