mod shapes {
    pub const UNIT: f64 = 1.0;

    pub trait Area {
        fn area(&self) -> f64;
        fn describe(&self) -> String {
            format!("area {:.2}", self.area())
        }
    }

    #[derive(Debug)]
    pub struct Circle {
        pub r: f64,
    }

    impl Circle {
        pub const PI: f64 = 3.14159;
        pub fn new(r: f64) -> Self {
            Self { r }
        }
        pub fn unit() -> Circle {
            Circle::new(super::shapes::UNIT)
        }
    }

    impl Area for Circle {
        fn area(&self) -> f64 {
            Self::PI * self.r * self.r
        }
    }

    pub mod square {
        use super::Area;
        pub struct Square(pub f64);
        impl Area for Square {
            fn area(&self) -> f64 {
                self.0 * self.0
            }
        }
    }
}

use shapes::square::Square;
use shapes::{Area, Circle};
use std::str::FromStr;
use std::fmt::Display;

trait Double {
    fn double(&self) -> Self;
}
impl Double for i32 {
    fn double(&self) -> i32 {
        self * 2
    }
}
impl Double for String {
    fn double(&self) -> String {
        format!("{}{}", self, self)
    }
}

trait Summary {
    fn summarize(&self) -> String;
}
impl Summary for Vec<i32> {
    fn summarize(&self) -> String {
        format!("{} items", self.len())
    }
}

struct Counter {
    n: u32,
}

impl Iterator for Counter {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.n < 5 {
            self.n += 1;
            Some(self.n)
        } else {
            None
        }
    }
}

#[derive(Debug, PartialEq)]
struct Rgb(u8, u8, u8);

impl FromStr for Rgb {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = s.split_whitespace().collect();
        if parts.len() != 3 {
            return Err(format!("bad: {}", s));
        }
        Ok(Rgb(1, 2, 3))
    }
}

fn largest<T: PartialOrd + Copy>(items: &[T]) -> T {
    let mut m = items[0];
    for &i in items {
        if i > m {
            m = i;
        }
    }
    m
}

fn show<T>(x: T) -> String
where
    T: Display,
{
    format!("<{}>", x)
}

fn total(shapes: &[Box<dyn Area>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

fn make() -> impl Area {
    Square(2.0)
}

fn print_it(a: &impl Area) {
    println!("{}", a.describe());
}

type Km = u32;
static GREETING: &str = "hi";

fn main() {
    let c = Circle::unit();
    println!("{:?} {}", c, c.describe());
    let s = Square(3.0);
    println!("{}", s.describe());
    let all: Vec<Box<dyn Area>> = vec![Box::new(Circle::new(2.0)), Box::new(Square(1.5))];
    println!("{:.3}", total(&all));
    println!("{} {}", 21.double(), String::from("ab").double());
    println!("{}", vec![1, 2, 3].summarize());
    let mut counter = Counter { n: 0 };
    println!("{:?}", counter.next());
    for x in (Counter { n: 2 }) {
        print!("{x} ");
    }
    println!();
    let sum: u32 = Counter { n: 0 }.zip(Counter { n: 0 }.skip(1)).map(|(a, b)| a * b).filter(|x| x % 3 == 0).sum();
    println!("{sum}");
    let r: Rgb = "1 2 3".parse().unwrap();
    println!("{:?}", r);
    let bad = "1 2".parse::<Rgb>();
    println!("{:?}", bad);
    println!("{} {} {}", largest(&[3, 9, 2]), largest(&[1.5, 0.2]), largest(&['x', 'b']));
    println!("{} {}", show(5), show("s"));
    print_it(&make());
    let d: Km = 42;
    println!("{d} {GREETING} {}", shapes::UNIT);
    fn helper(x: i32) -> i32 {
        x + 1
    }
    println!("{}", helper(1));
}
