// Strings and vectors as courses use them, between awaits.
use tokio::time::{sleep, Duration};

fn shout(s: &str) -> String {
    s.chars().rev().collect()
}

#[tokio::main]
async fn main() {
    let text = "the quick brown fox jumps over the lazy dog";
    let mut words: Vec<&str> = text.split_whitespace().collect();
    words.sort_by_key(|w| w.len());
    println!("{:?}", words);
    words.dedup();
    words.retain(|w| !w.starts_with('t'));
    println!("{} words, longest {:?}", words.len(), words.iter().max_by_key(|w| w.len()));
    sleep(Duration::from_millis(50)).await;
    let chars: Vec<char> = "abc".chars().collect();
    println!("{:?} {}", chars, shout("olleh"));
    println!("{:?} {:?}", text.find("fox"), text.rfind('o'));
    println!("{}", text.replace("the ", "").to_uppercase());
    let nums: Vec<i32> = "3,1,4,1,5,9".split(',').map(|n| n.parse().unwrap()).collect();
    let mut sorted = nums.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    println!("{:?} {:?}", nums, sorted);
    for w in nums.windows(2).filter(|w| w[0] < w[1]) {
        println!("rise {:?}", w);
    }
    println!("{:?}", nums.chunks(4).map(|c| c.iter().sum::<i32>()).collect::<Vec<_>>());
    println!("{}", &text[4..9]);
    println!("{:?}", "a=1;b=2".split(';').map(|kv| kv.split_once('=')).collect::<Vec<_>>());
}
