fn greeting(name: &str) -> String {
    let s = String::from("hello, ");
    s += name;
    s
}

#[tokio::main]
async fn main() {
    let g = greeting("world");
    println!("{g} ({} bytes)", g.len());
    let n = 5.to_string();
    println!("{}", n + "!");
    let mut v: Vec<u32> = Vec::new();
    for i in 0..5 {
        v.push(i * i);
    }
    println!("{:?} has {} items", v, v.len());
    let words = vec![String::from("a"), "b".to_string()];
    println!("{:?}", words);
    let empty = String::from("");
    println!("[{}] {}", empty, empty.len());
    let pair = (String::from("x"), 1);
    let (label, count) = pair;
    println!("{label}={count}");
}
// rustc 1.95: E0596@3
