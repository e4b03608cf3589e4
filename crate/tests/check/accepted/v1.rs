use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::time::{sleep, Duration};

#[derive(Debug, Clone)]
struct User {
    name: String,
    age: u32,
}

impl User {
    fn new(name: &str, age: u32) -> Self {
        User { name: name.to_string(), age }
    }
    fn birthday(&mut self) {
        self.age += 1;
    }
    fn greet(&self) -> String {
        format!("hi {}", self.name)
    }
}

#[tokio::main]
async fn main() {
    let db = Arc::new(Mutex::new(HashMap::new()));
    let mut handles = Vec::new();
    for i in 0..3 {
        let db = Arc::clone(&db);
        handles.push(tokio::spawn(async move {
            {
                let mut map = db.lock().unwrap();
                map.insert(i, format!("v{i}"));
            }
            sleep(Duration::from_millis(10)).await;
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let mut u = User::new("ann", 3);
    u.birthday();
    println!("{} {}", u.greet(), u.age);
    let guard = db.lock().unwrap();
    println!("{}", guard.len());
    drop(guard);
    let v2 = u.clone();
    let users = vec![u, v2];
    for user in &users {
        println!("{:?}", user);
    }
    println!("{}", users.len());
}
