//! Placeholder replaced below.
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::value::Value;

/// The collection `target` (`HashMap`, `VecDeque`, …) of `items`, or the items back if `target`
/// is not a collection of this file.
pub(crate) fn from_items(
    _: &Interp,
    _: &str,
    items: Vec<Value>,
    _: Span,
) -> R<Result<Value, Vec<Value>>> {
    Ok(Err(items))
}
