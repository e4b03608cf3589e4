use std::collections::HashMap;
#[derive(Debug, Default)]
struct Inventory { items: HashMap<String, u32>, log: Vec<String> }
impl Inventory {
    fn add(&mut self, name: &str, n: u32) {
        *self.items.entry(name.to_string()).or_insert(0) += n;
        self.log.push(format!("add {name}"));
    }
    fn count(&self, name: &str) -> u32 { self.items.get(name).copied().unwrap_or(0) }
}
fn longest<'a>(a: &'a str, b: &'a str) -> &'a str { if a.len() > b.len() { a } else { b } }
fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 { f(x) }
fn make_adder(n: i32) -> impl Fn(i32) -> i32 { move |x| x + n }
fn boxed() -> Box<dyn Fn(i32) -> i32> { Box::new(|x| x * 3) }
const LIMIT: u32 = 10;
static GREETING: &str = "hello";
fn main() {
    let mut inv = Inventory::default();
    inv.add("apple", 3);
    inv.add("apple", 2);
    println!("{} {:?}", inv.count("apple"), inv.log);
    println!("{}", longest("ab", "abc"));
    println!("{}", apply(|x| x + 1, 2));
    let add5 = make_adder(5);
    println!("{} {}", add5(1), boxed()(2));
    println!("{LIMIT} {GREETING}");
    let mut grid = vec![vec![0; 3]; 2];
    grid[1][2] = 5;
    println!("{:?}", grid);
    let mut s = String::from("abc");
    let len = s.len();
    s.truncate(len - 1);
    let t = &s;
    println!("{t} {}", s);
    let opt: Option<&str> = None;
    println!("{}", opt.unwrap_or("none"));
    let mut nums = vec![1, 2, 3];
    for n in nums.iter_mut() { *n *= 2; }
    let last = nums.last().unwrap();
    println!("{last}");
    nums.push(4);
    let x: u64 = 5;
    let y = x as f64 / 2.0;
    println!("{y}");
    let tuple = (1, String::from("t"));
    let (a, b) = tuple;
    println!("{a} {b}");
}
