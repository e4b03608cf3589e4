trait Animal {
    fn name(&self) -> String;
    fn speak(&self) -> String { format!("{} speaks", self.name()) }
}
struct Dog;
struct Cat { lives: u8 }
impl Animal for Dog { fn name(&self) -> String { "dog".into() } }
impl Animal for Cat { fn name(&self) -> String { format!("cat{}", self.lives) } }

fn describe(a: &dyn Animal) -> String { a.speak() }
fn largest<T: PartialOrd + Copy>(xs: &[T]) -> T {
    let mut m = xs[0];
    for &x in xs { if x > m { m = x; } }
    m
}
struct Stack<T> { items: Vec<T> }
impl<T: std::fmt::Debug> Stack<T> {
    fn new() -> Self { Stack { items: Vec::new() } }
    fn push(&mut self, t: T) { self.items.push(t); }
    fn pop(&mut self) -> Option<T> { self.items.pop() }
}
mod util {
    pub fn double(x: i32) -> i32 { x * 2 }
    pub mod inner { pub const K: i32 = 3; }
}
use util::inner::K;

fn main() {
    let zoo: Vec<Box<dyn Animal>> = vec![Box::new(Dog), Box::new(Cat { lives: 9 })];
    for a in zoo.iter() { println!("{}", describe(a.as_ref())); }
    println!("{}", largest(&[1, 5, 3]));
    let mut st: Stack<i32> = Stack::new();
    st.push(1);
    println!("{:?}", st.pop());
    println!("{} {}", util::double(K), crate::util::double(1));
    let c = Cat { lives: 3 };
    let Cat { lives } = c;
    println!("{lives}");
    let v: Vec<i32> = (1..=3).collect();
    let evens: Vec<_> = v.iter().filter(|x| *x % 2 == 0).cloned().collect();
    println!("{:?}", evens);
    let o = Some(3);
    if let Some(n) = o { println!("{n}"); }
    println!("{:?}", o);
    let s = "text";
    let owned: String = s.to_string();
    let t = owned;
    let owned = 5;
    println!("{t} {owned}");
}
