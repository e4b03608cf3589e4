// Iterator adapters are lazy: each element goes through the whole chain before the next.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let v = vec![1, 2, 3, 4];
    let out: Vec<i32> = v
        .iter()
        .map(|x| {
            println!("map {x}");
            x * 10
        })
        .filter(|x| {
            println!("filter {x}");
            x % 20 == 0
        })
        .collect();
    println!("{:?}", out);
    sleep(Duration::from_millis(10)).await;
    let firsts: Vec<u64> = (1..).map(|n| n * n).take_while(|n| *n < 50).collect();
    println!("{:?}", firsts);
    let mut it = (1..=5).peekable();
    while let Some(x) = it.next() {
        if let Some(next) = it.peek() {
            println!("{x} then {next}");
        }
    }
    let (even, odd): (Vec<i32>, Vec<i32>) = (1..10).partition(|n| n % 2 == 0);
    println!("{:?} {:?}", even, odd);
    let total: i32 = (1..=4).product();
    println!("{} {}", total, (1..10).step_by(3).rev().map(|x| x.to_string()).collect::<Vec<_>>().join(","));
    let pos = v.iter().position(|x| *x == 3);
    println!("{:?} {:?}", pos, v.iter().rev().skip_while(|x| **x > 2).collect::<Vec<_>>());
    let nested = vec![vec![1, 2], vec![], vec![3]];
    println!("{:?}", nested.iter().flatten().chain([9, 8].iter()).collect::<Vec<_>>());
    let words = ["a", "bb", "a", "ccc"];
    println!("{:?}", words.iter().enumerate().filter_map(|(i, w)| if w.len() > 1 { Some(i) } else { None }).collect::<Vec<_>>());
    println!("{}", words.iter().fold(String::new(), |acc, w| acc + w));
}
