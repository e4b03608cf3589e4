use std::time::Duration;

fn parse(s: &str) -> Result<u32, std::num::ParseIntError> {
    let n: u32 = s.parse()?;
    Ok(n * 2)
}

async fn fetch(id: u32) -> Option<String> {
    tokio::time::sleep(Duration::from_millis(5)).await;
    if id > 0 { Some(format!("item{id}")) } else { None }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = parse("21")?;
    println!("{n}");
    let mut s = String::new();
    let x;
    if n > 10 { x = 1; } else { x = 2; }
    s.push_str("a");
    let r = &mut s;
    r.push('b');
    println!("{s} {x}");
    let item = fetch(1).await;
    match item {
        Some(v) => println!("{v}"),
        None => println!("none"),
    }
    let mut opt = Some(String::from("x"));
    if let Some(v) = opt.take() { println!("{v}"); }
    let name = String::from("bob");
    let greeting = if n > 0 { name } else { String::from("nobody") };
    println!("{greeting}");
    let data = vec![1, 2, 3];
    let h = tokio::spawn(async move { data.iter().sum::<i32>() });
    println!("{}", h.await?);
    let text = String::from("a b c");
    let words: Vec<&str> = text.split(' ').collect();
    println!("{:?}", words);
    let mut count = 0;
    let mut inc = || count += 1;
    inc();
    inc();
    println!("{count}");
    let v = vec![String::from("a")];
    let first = v[0].clone();
    println!("{first} {}", v.len());
    let res = tokio::select! {
        a = fetch(2) => a,
        _ = tokio::time::sleep(Duration::from_millis(100)) => None,
    };
    println!("{:?}", res);
    let (a, b) = tokio::join!(fetch(3), fetch(4));
    println!("{:?} {:?}", a, b);
    Ok(())
}
