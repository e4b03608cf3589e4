struct Counter { count: u32 }
impl Counter {
    fn new() -> Self { Counter { count: 0 } }
    fn increment(&mut self) { self.count += 1; }
    fn into_count(self) -> u32 { self.count }
}
fn show(c: Counter) { println!("{}", c.count); }
fn main() {
    let c = Counter::new();
    c.increment();
    c.reset();
    println!("{}", c.total);
}
// rustc 1.95: E0599@11 E0609@12
