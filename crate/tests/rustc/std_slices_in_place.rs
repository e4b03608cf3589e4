// A method on a range of a Vec changes the Vec (v[1..4].sort(), v[..2].reverse(), v[3..].iter_mut()),
// range patterns with a type's constants and open ends, f64::total_cmp.
fn slices() {
    let mut v = vec![5, 4, 3, 2, 1];
    v[1..4].sort();
    println!("{:?}", v);
    v[..2].reverse();
    println!("{:?}", v);
    for x in v[3..].iter_mut() { *x *= 10; }
    println!("{:?}", v);
    v[2..].fill(7);
    println!("{:?} {:?}", v, v[1..3].to_vec());
    let mut arr = [3, 1, 2, 9];
    arr[..3].sort_by(|a, b| b.cmp(a));
    println!("{:?} {}", arr, arr[1..].len());
    let s = String::from("hello");
    println!("{}", s[1..3].to_uppercase());
}
fn classify(n: i64) -> &'static str {
    match n {
        i64::MIN..=-1 => "negative",
        0 => "zero",
        1..=9 => "digit",
        100.. => "big",
        _ => "medium",
    }
}
fn main() {
    slices();
    for n in [-5, 0, 7, 42, 1000] {
        println!("{} {}", n, classify(n));
    }
    let mut f = vec![2.5, -1.0, 3.75];
    f.sort_by(|a: &f64, b| b.total_cmp(a));
    println!("{:?}", f);
}
