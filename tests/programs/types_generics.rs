// Generic functions and structs with bounds, `where` clauses, `impl Trait` arguments and returns.
use std::fmt::{Debug, Display};
use tokio::time::{sleep, Duration};

#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct Meters(f64);

#[derive(Debug)]
struct Pair<T> {
    a: T,
    b: T,
}

impl<T: PartialOrd + Copy + Debug> Pair<T> {
    fn new(a: T, b: T) -> Self {
        Pair { a, b }
    }
    fn largest(&self) -> T {
        if self.a > self.b {
            self.a
        } else {
            self.b
        }
    }
}

trait Describe {
    fn describe(&self) -> String;
}

impl<T: Debug> Describe for Pair<T> {
    fn describe(&self) -> String {
        format!("pair of {:?} and {:?}", self.a, self.b)
    }
}

fn largest<T: PartialOrd + Copy>(items: &[T]) -> T {
    let mut m = items[0];
    for &x in items {
        if x > m {
            m = x;
        }
    }
    m
}

fn show_all<T>(items: &[T]) -> String
where
    T: Display,
{
    let parts: Vec<String> = items.iter().map(|x| format!("<{}>", x)).collect();
    parts.join(" ")
}

fn describe_it(d: &impl Describe) {
    println!("{}", d.describe());
}

fn make_pair(n: i32) -> impl Describe {
    Pair::new(n, n * 2)
}

async fn delayed<T: Debug>(value: T, ms: u64) -> T {
    sleep(Duration::from_millis(ms)).await;
    println!("ready: {:?}", value);
    value
}

#[tokio::main]
async fn main() {
    println!("{}", largest(&[3, 17, 5]));
    println!("{}", largest(&[1.5, -2.0]));
    println!("{:?}", largest(&[Meters(2.0), Meters(9.5), Meters(1.0)]));
    println!("{}", show_all(&["x", "y"]));
    println!("{}", show_all(&[1, 2, 3]));
    let p = Pair::new('a', 'z');
    println!("{:?} largest {}", p, p.largest());
    describe_it(&p);
    describe_it(&make_pair(4));
    let (x, y) = tokio::join!(delayed(Meters(3.5), 20), delayed("text", 10));
    println!("{:?} {}", x, y);
}
