use std::time::Duration;
use tokio::time::sleep;

fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(100 * attempt as u64)
}

fn is_even(n: i64) -> bool {
    n % 2 == 0
}

fn halves(v: Vec<i64>) -> (Vec<i64>, Vec<i64>) {
    let mut even = Vec::new();
    let mut odd = Vec::new();
    for x in v {
        if is_even(x) {
            even.push(x);
        } else {
            odd.push(x);
        }
    }
    (even, odd)
}

fn check_name(name: &str) -> Result<String, String> {
    if name.len() > 3 {
        Ok(name.to_string())
    } else {
        Err(String::from("too short"))
    }
}

async fn retry(times: u32) -> Option<u32> {
    for attempt in 1..=times {
        let wait = backoff(attempt);
        println!("attempt {attempt}: waiting {:?}", wait);
        sleep(wait).await;
    }
    if times > 2 {
        Some(times)
    } else {
        None
    }
}

#[tokio::main]
async fn main() {
    println!("{:?}", halves(vec![1, 2, 3, 4, 5]));
    println!("{:?} {:?}", check_name("ferris"), check_name("io"));
    println!("{:?}", retry(3).await);
    println!("{:?}", retry(1).await);
    let b: bool = is_even(-4);
    println!("{}", b);
}
