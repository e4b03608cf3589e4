struct Counter { count: u32 }
impl Counter {
    fn into_count(self) -> u32 { self.count }
}
fn show(c: Counter) { println!("{}", c.count); }
fn main() {
    let c = Counter { count: 1 };
    show(c);
    println!("{}", c.count);
    let d = Counter { count: 2 };
    let n = d.into_count();
    let m = d.into_count();
    println!("{n} {m}");
}
// rustc 1.95: E0382@9 E0382@12
