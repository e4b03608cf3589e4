//! `Cell`, `RefCell`, `Mutex` and `RwLock` (std's): their rows reach the memory model's
//! `Interp::cell_method` (eval/smart.rs), which knows borrows, guards and poisoning.

use crate::interp::value::Value;

super::by_name! {
    accepts |v| matches!(v, Value::Cell(_)),
    via cell_method,
    fallback clone,
    rows [
        clone, get, set, replace, take, borrow, borrow_mut, try_borrow, try_borrow_mut, get_mut,
        into_inner, lock, try_lock, read, write, try_read, try_write, is_poisoned, clear_poison,
    ]
}
