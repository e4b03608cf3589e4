#[tokio::main]
async fn main() {
    let name = "tokio";
    let n = 42;
    let pi = 3.14159265;
    println!("[{:>8}]", name);
    println!("[{:<8}]", name);
    println!("[{:^9}]", name);
    println!("[{:*^9}]", name);
    println!("[{:5}]", n);
    println!("[{:<5}]", n);
    println!("[{:05}]", n);
    println!("[{:+}]", n);
    println!("[{:.2}]", pi);
    println!("[{:8.3}]", pi);
    println!("[{:<8.1}]", pi);
    println!("[{name}] [{n}] [{pi:.1}]");
    println!("[{0}-{1}-{0}]", "a", "b");
    let width = 6;
    println!("[{:>width$}]", n);
    println!("{{literal braces}} {}", "and a value");
    println!("[{:?}] [{:>6}]", Some(1), true);
    println!("[{:?}]", vec![1.5, 2.0]);
    let s = format!("{}-{}", n, name);
    println!("{s} has {} bytes", s.len());
}
