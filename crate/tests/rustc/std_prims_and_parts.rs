use std::collections::HashMap;
// Primitive types' associated functions (i32::pow, u8::try_from, char::from_digit, from_str_radix,
// String::from_utf8), b'x' literals and 'as char', u8's ASCII methods, &mut to parts (get_mut,
// last_mut, as_mut), Iterator::eq, and sums of Options.
fn prims() {
    println!("{}", i32::pow(2, 10));
    println!("{:?} {:?}", u8::try_from(300i32), u8::try_from(25i32));
    println!("{}", char::from(65u8));
    println!("{}", f64::from(3u8));
    println!("{} {}", i32::max(3, 9), f64::max(1.5, 0.5));
    println!("{}", i32::abs(-3));
    println!("{:?} {:?}", u32::from_str_radix("ff", 16), i64::from_str_radix("-101", 2));
    println!("{:?}", u8::from_str_radix("fff", 16));
    match u8::from_str_radix("zz", 10) { Ok(n) => println!("{}", n), Err(e) => println!("{}", e) }
    println!("{:?} {:?}", std::char::from_digit(5, 10), char::from_digit(11, 16));
    println!("{:?}", char::from_u32(0x41));
    println!("{:?}", String::from_utf8(vec![104, 105]));
    println!("{:?}", String::from_utf8(vec![255]));
    let c = 97u8 as char;
    println!("{} {}", c, (b'a' + 2) as char);
    println!("{}", i64::from(7u32) * 3);
    println!("{}", u64::pow(2, 40));
    println!("{}", u32::from('a'));
    println!("{}", char::is_alphabetic('x'));
}
fn parts() {
    let mut m: HashMap<&str, i32> = HashMap::new();
    m.insert("a", 1);
    if let Some(x) = m.get_mut("a") { *x += 10; }
    println!("{:?}", m.get("a"));
    let mut v = vec![1, 2, 3];
    if let Some(x) = v.get_mut(1) { *x *= 7; }


    println!("{:?}", v);
    for val in m.values_mut() { *val += 1; }
    for (_, val) in m.iter_mut() { *val *= 2; }
    println!("{:?}", m);
    let mut o = Some(5);
    if let Some(x) = o.as_mut() { *x += 1; }
    if let Some(x) = &mut o { *x += 1; }
    println!("{:?}", o);
    let mut words = vec![String::from("a")];
    for w in words.iter_mut() { w.push('!'); }
    println!("{:?}", words);
    let e = m.entry("b").or_insert(5);
    *e += 1;
    println!("{:?}", m.get("b"));
    more();
}
fn more() {
    let mut v = vec![1, 2, 3];
    if let Some(l) = v.last_mut() { *l = 0; }
    if let Some(f) = v.first_mut() { *f = -1; }
    println!("{:?} {:?}", v, v.split_first());
    println!("{:?}", v.get_mut(10));
    let mut o: Option<String> = Some("x".into());
    if let Some(s) = o.as_mut() { s.push('y'); }
    println!("{:?}", o);
}
fn main() {
    prims();
    paths_as_values();
    parts();
    let b = b'q';
    println!("{} {} {}", b, b.is_ascii_lowercase(), b.to_ascii_uppercase() as char);
    println!("{}", "racecar".chars().eq("racecar".chars().rev()));
    let s: Option<i32> = vec![Some(1), Some(2)].into_iter().sum();
    let n: Option<i32> = vec![Some(1), None].into_iter().sum();
    let r: Result<i32, String> = vec![Ok(3), Ok(4)].into_iter().product();
    println!("{:?} {:?} {:?}", s, n, r);
    let name: Option<&str> = None;
    println!("{}", name.unwrap_or_default().len());
}

fn paths_as_values() {
    let v: Vec<String> = vec!["a", "b"].into_iter().map(String::from).collect();
    let t: Vec<&str> = " x , y ".split(',').map(str::trim).collect();
    let s: Vec<String> = [1, 2].iter().map(ToString::to_string).collect();
    println!("{:?} {:?} {:?}", v, t, s);
    let n = "a1b2".chars().filter(char::is_ascii_digit).count();
    let m = [1.5f64, 3.0, 2.0].iter().cloned().fold(f64::MIN, f64::max);
    println!("{} {}", n, m);
    let total = vec![1, 2, 3].iter().copied().reduce(|a, b| a + b);
    println!("{:?} {:e} {:.2e} {:E}", total, 1234.5, 0.00123, 9876.5);
}
