// Mistake: std::thread::spawn's closure borrows `results` instead of taking it with `move`.
use std::thread;

fn main() {
    let results = vec!["user", "product"];
    let worker = thread::spawn(|| {
        println!("worker sees {:?}", results);
    });
    worker.join().unwrap();
}
