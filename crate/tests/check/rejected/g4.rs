use std::sync::{Arc, Mutex};
fn main() {
    let counter = Arc::new(Mutex::new(0));
    let mut g = counter.lock();
    *g += 1;
    let mut n = counter.lock().unwrap();
    n += 1;
}
// rustc 1.95: E0614@5 E0368@7
