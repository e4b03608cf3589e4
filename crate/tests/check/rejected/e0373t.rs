use std::thread;
fn main() {
    let v = vec![1, 2, 3];
    let handle = thread::spawn(|| {
        println!("Here's a vec: {:?}", v);
    });
    handle.join().unwrap();
}
// rustc 1.95: E0373@4
