fn main() {
    let v = Vec::new();
    v.push(1);
    let s = String::new();
    s.push_str("a");
    let n = 5;
    let r = &mut n;
    *r += 1;
    println!("{:?} {} {}", v, s, n);
}
// rustc 1.95: E0596@3 E0596@5 E0596@7
