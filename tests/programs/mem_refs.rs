use std::time::Duration;
use tokio::time::sleep;

// `&mut` through a plain fn: the caller's Vec changes.
fn add(v: &mut Vec<i32>, x: i32) {
    v.push(x);
}

fn total(v: &Vec<i32>) -> i32 {
    let mut s = 0;
    for x in v {
        s += *x;
    }
    s
}

// `&mut` through an async fn, across an `.await`.
async fn bump(n: &mut u64, by: u64) {
    *n += by;
    sleep(Duration::from_millis(10)).await;
    *n *= 2;
}

#[tokio::main]
async fn main() {
    let mut v = vec![1, 2];
    add(&mut v, 3);
    println!("{:?} total {}", v, total(&v));

    for x in v.iter_mut() {
        *x *= 10;
    }
    let last = &mut v[2];
    *last += 1;
    println!("{:?}", v);

    let mut n = 1;
    bump(&mut n, 2).await;
    bump(&mut n, 1).await;
    println!("n = {n}");

    // A borrowing closure changes what it captured.
    let mut count = 0;
    let mut inc = |by: i32| count += by;
    inc(2);
    inc(3);
    println!("count = {count}");

    // A non-move async block borrows too, across its `.await`.
    let mut log: Vec<String> = Vec::new();
    let job = async {
        log.push(String::from("start"));
        sleep(Duration::from_millis(5)).await;
        log.push(String::from("end"));
    };
    job.await;
    println!("{:?}", log);

    let mut pair = (1, String::from("a"));
    let (num, text) = &mut pair;
    *num += 1;
    text.push('b');
    if let Some(x) = &mut Some(5) {
        *x += 1;
        println!("x = {x}");
    }
    println!("{:?}", pair);
}
