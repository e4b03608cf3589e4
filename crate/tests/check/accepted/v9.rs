use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::collections::VecDeque;

struct Ready(u32);
impl Future for Ready {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        Poll::Ready(self.0)
    }
}
struct Point { x: i32, y: i32 }
impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}
#[derive(Default, Debug)]
struct Config { name: String, retries: u32, verbose: bool }

fn consume(s: String) -> usize { s.len() }

#[tokio::main]
async fn main() {
    println!("{}", Ready(3).await);
    println!("{}", Point { x: 1, y: 2 });
    let c = Config { name: "x".into(), ..Default::default() };
    println!("{:?} {} {}", c, c.retries, c.verbose);
    let mut s = String::from("a");
    for i in 0..3 {
        let n = consume(s);
        s = format!("{n}{i}");
    }
    println!("{s}");
    let mut q = VecDeque::new();
    q.push_back(1);
    while let Some(x) = q.pop_front() {
        if x < 3 { q.push_back(x + 1); }
    }
    let text = String::from("hello");
    let r = &text;
    println!("{r}");
    let moved = text;
    println!("{moved}");
    let mut v = vec![1, 2, 3];
    let first = v[0];
    v.push(first);
    v.push(v.len() as i32);
    let total = v.iter().fold(0, |a, b| a + b);
    println!("{total} {x}", x = 5);
    let width = 6;
    println!("{:>width$}|{:<1$}|", "r", 3);
    let mut a = 1;
    let mut b = 2;
    std::mem::swap(&mut a, &mut b);
    let (mut p, q2) = (1, 2);
    p += q2;
    println!("{a} {b} {p}");
    let label;
    loop {
        label = "done";
        break;
    }
    'outer: for i in 0..3 {
        for j in 0..3 {
            if i * j > 2 { break 'outer; }
        }
    }
    println!("{label}");
    let data = vec![String::from("a"), String::from("b")];
    for d in &data { println!("{d}"); }
    let joined = data.join(",");
    println!("{joined} {}", data.len());
    let maybe: Option<String> = None;
    let value = match maybe {
        Some(v) => v,
        None => return,
    };
    println!("{value}");
}
