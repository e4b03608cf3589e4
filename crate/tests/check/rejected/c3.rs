use std::sync::{Arc, Mutex};
#[tokio::main]
async fn main() {
    let data = Arc::new(Mutex::new(Vec::new()));
    let mut handles = vec![];
    for i in 0..3 {
        handles.push(tokio::spawn(async move {
            data.lock().unwrap().push(i);
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
}
// rustc 1.95: E0382@7
