use std::sync::{Arc, Mutex};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let data = Arc::new(Mutex::new(vec![1, 2]));
    let in_task = Arc::clone(&data);
    let handle = tokio::spawn(async move {
        let mut guard = in_task.lock().unwrap();
        guard.push(3);
        if guard.len() == 3 {
            panic!("gave up while holding the lock");
        }
    });
    let result = handle.await;
    println!("task failed: {}", result.is_err());
    println!("poisoned: {}", data.is_poisoned());
    match data.lock() {
        Ok(v) => println!("ok {:?}", v),
        Err(e) => println!("error: {e}"),
    }
    println!("{:?}", data);
    println!("count {}", Arc::strong_count(&data));
}
