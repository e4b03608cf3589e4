// String patterns as closures and char sets (split(|c: char| ..), trim_matches, replace(['-', '_'], ..)),
// String::extend, rotate_left/right, function pointer types fn(i32) -> i32.
fn is_palindrome(s: &str) -> bool {
    let cleaned: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    cleaned.iter().eq(cleaned.iter().rev())
}
fn word_lengths(s: &str) -> Vec<(String, usize)> {
    s.split_whitespace().map(|w| (w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase(), w.len())).collect()
}
fn acronym(s: &str) -> String {
    s.split(|c: char| c == ' ' || c == '-').filter(|w| !w.is_empty()).map(|w| w.chars().next().unwrap().to_ascii_uppercase()).collect()
}
fn text() {
    for s in ["A man, a plan, a canal: Panama", "hello"] { println!("{} -> {}", s, is_palindrome(s)); }
    println!("{:?}", word_lengths("Hello, big World!"));
    println!("{}", acronym("Portable network-graphics"));
    let csv = "name,age\nann,31\nbob,27\n";
    let mut rows = csv.lines();
    let header: Vec<&str> = rows.next().unwrap().split(',').collect();
    for r in rows {
        let f: Vec<&str> = r.split(',').collect();
        let age: u32 = f[1].parse().unwrap();
        println!("{}={} {}={}", header[0], f[0], header[1], age + 1);
    }
    let s = "The Quick brown";
    let t: String = s.chars().map(|c| if c.is_uppercase() { c.to_lowercase().next().unwrap() } else { c.to_uppercase().next().unwrap() }).collect();
    println!("{}", t);
    let count_vowels = s.chars().filter(|c| "aeiouAEIOU".contains(*c)).count();
    println!("{}", count_vowels);
    let mut words: Vec<&str> = s.split(' ').collect();
    words.sort_by_key(|w| w.to_lowercase());
    println!("{:?}", words);
    println!("{:?}", s.char_indices().nth(4));
    println!("{:?}", s.rfind('o'));
    println!("{}", s.trim_start_matches("The ").trim_end_matches('n'));
    println!("{:?}", s.splitn(2, ' ').collect::<Vec<_>>());
    println!("{:?}", "a-b_c".replace(['-', '_'], " "));
    println!("{}", format!("{}{}", "ab".to_owned(), String::from("cd")).len());
    let n: i64 = "  -42 ".trim().parse().unwrap_or(0);
    println!("{}", n * 2);
    println!("{:?}", "3.5e2".parse::<f64>());
    println!("{:?}", "1,2,3".split(',').map(|x| x.parse::<i32>()).collect::<Result<Vec<_>, _>>());
    let mut owned = String::from("abc");
    owned.truncate(2); owned += "Z"; owned.extend(['x', 'y'].iter());
    println!("{} {}", owned, owned.contains("bZ"));
    println!("{:?}", owned.chars().rev().skip(1).collect::<String>());
    println!("{}", owned.chars().all(char::is_alphabetic));
}
fn double(x: i32) -> i32 {
    x * 2
}
fn apply_all(fs: &[(&str, fn(i32) -> i32)], x: i32) -> Vec<(String, i32)> {
    fs.iter().map(|(n, f)| (n.to_string(), f(x))).collect()
}
fn main() {
    text();
    let mut v = vec![1, 2, 3, 4, 5];
    v.rotate_left(2);
    println!("{:?}", v);
    v.rotate_right(1);
    println!("{:?}", v);
    let mut d: std::collections::VecDeque<i32> = (1..=4).collect();
    d.rotate_right(1);
    println!("{:?}", d);
    println!("{:?}", apply_all(&[("double", double), ("neg", |x| -x)], 21));
    let f: fn(i32) -> i32 = double;
    println!("{}", f(f(3)));
}
