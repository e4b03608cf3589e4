fn main() {
    let mut s = String::new();
    let a = &mut s;
    let b = &mut s;
    a.push('x');
    b.push('y');
    let mut v = vec![1, 2];
    let first = &v[0];
    v.push(3);
    println!("{}", first);
}
// rustc 1.95: E0499@4 E0502@9
