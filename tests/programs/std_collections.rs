// HashMap with the entry API (printed sorted, as courses do), BTreeMap, HashSet, VecDeque.
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let text = "one two three two three three";
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in text.split(' ') {
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut sorted: Vec<_> = counts.iter().collect();
    sorted.sort();
    println!("{:?}", sorted);
    println!("{:?} {}", counts.get("two"), counts.contains_key("four"));
    sleep(Duration::from_millis(20)).await;
    let mut by_len: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for w in text.split(' ') {
        by_len.entry(w.len()).or_default().push(w);
    }
    println!("{:?}", by_len);
    let unique: HashSet<&str> = text.split(' ').collect();
    println!("{} unique", unique.len());
    let mut queue: VecDeque<u32> = VecDeque::new();
    queue.push_back(1);
    queue.push_back(2);
    queue.push_front(0);
    while let Some(x) = queue.pop_front() {
        println!("took {x}, {} left", queue.len());
    }
    let squares: BTreeMap<i32, i32> = (1..4).map(|i| (i, i * i)).collect();
    for (k, v) in &squares {
        println!("{k} -> {v}");
    }
}
