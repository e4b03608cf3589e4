fn consume(s: String) -> usize { s.len() }
fn main() {
    let s = String::from("hi");
    let n = consume(s);
    println!("{} {}", n, s);
    let v = vec![1];
    for _ in 0..2 {
        drop(v);
    }
    let a = String::new();
    let b = a;
    let c = a;
    println!("{b}{c}");
}
// rustc 1.95: E0382@5 E0382@8 E0382@12
