// Modules with `pub` items and paths, consts and statics, a `type` alias, `impl Iterator` for your
// own type (in `for` and with adapters), and `use`/`fn` items inside a function.
mod shapes {
    pub const SIDES_MAX: u32 = 8;

    pub trait Area {
        fn area(&self) -> f64;
        fn describe(&self) -> String {
            format!("area {:.2}", self.area())
        }
    }

    #[derive(Debug)]
    pub struct Square(pub f64);

    impl Area for Square {
        fn area(&self) -> f64 {
            self.0 * self.0
        }
    }

    pub mod round {
        use super::Area;

        #[derive(Debug)]
        pub struct Circle {
            pub r: f64,
        }

        impl Circle {
            pub const PI: f64 = 3.14;
            pub fn unit() -> Self {
                Circle { r: 1.0 }
            }
        }

        impl Area for Circle {
            fn area(&self) -> f64 {
                Self::PI * self.r * self.r
            }
        }
    }
}

use shapes::round::Circle;
use shapes::{Area, Square};
use tokio::time::{sleep, Duration};

type Millis = u64;
static PREFIX: &str = "tick";

struct Countdown {
    n: u32,
}

impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.n == 0 {
            None
        } else {
            self.n -= 1;
            Some(self.n + 1)
        }
    }
}

async fn ticker(from: u32, every: Millis) {
    for i in (Countdown { n: from }) {
        sleep(Duration::from_millis(every)).await;
        println!("{PREFIX} {i}");
    }
}

#[tokio::main]
async fn main() {
    let shapes: Vec<Box<dyn Area>> = vec![Box::new(Square(2.0)), Box::new(Circle::unit())];
    for s in &shapes {
        println!("{}", s.describe());
    }
    println!("{} {:?}", shapes::SIDES_MAX, Circle { r: 2.5 });
    let total: u32 = Countdown { n: 5 }.map(|x| x * 10).filter(|x| *x > 20).sum();
    println!("total {total}");
    let firsts: Vec<u32> = Countdown { n: 9 }.take(3).collect();
    println!("{:?}", firsts);
    fn double(x: u32) -> u32 {
        x * 2
    }
    use std::fmt::Write;
    let mut s = String::new();
    for x in (Countdown { n: 3 }) {
        write!(s, "{} ", double(x)).unwrap();
    }
    println!("{}", s.trim());
    tokio::join!(ticker(3, 100), ticker(2, 150));
}
