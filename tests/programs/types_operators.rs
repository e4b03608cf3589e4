// Operator traits, `From`/`Into`, `TryFrom` and `FromStr` on your own types, used from tasks.
use std::fmt;
use std::ops::{Add, AddAssign, Index, Mul, Neg, Sub};
use std::str::FromStr;
use tokio::time::{sleep, Duration};

#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
struct Vec2 {
    x: f64,
    y: f64,
}

impl Add for Vec2 {
    type Output = Vec2;
    fn add(self, o: Vec2) -> Vec2 {
        Vec2 { x: self.x + o.x, y: self.y + o.y }
    }
}

impl Sub for Vec2 {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self { x: self.x - o.x, y: self.y - o.y }
    }
}

impl Mul<f64> for Vec2 {
    type Output = Vec2;
    fn mul(self, k: f64) -> Vec2 {
        Vec2 { x: self.x * k, y: self.y * k }
    }
}

impl Neg for Vec2 {
    type Output = Vec2;
    fn neg(self) -> Vec2 {
        Vec2 { x: -self.x, y: -self.y }
    }
}

impl AddAssign for Vec2 {
    fn add_assign(&mut self, o: Vec2) {
        self.x += o.x;
        self.y += o.y;
    }
}

impl fmt::Display for Vec2 {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({:.1}, {:.1})", self.x, self.y)
    }
}

impl From<(f64, f64)> for Vec2 {
    fn from(t: (f64, f64)) -> Self {
        Vec2 { x: t.0, y: t.1 }
    }
}

#[derive(Debug, PartialEq)]
struct Even(u32);

impl TryFrom<u32> for Even {
    type Error = String;
    fn try_from(n: u32) -> Result<Self, Self::Error> {
        if n % 2 == 0 {
            Ok(Even(n))
        } else {
            Err(format!("{} is odd", n))
        }
    }
}

#[derive(Debug)]
struct Rgb(u8, u8, u8);

impl FromStr for Rgb {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = s.split_whitespace().collect();
        if parts.len() != 3 {
            return Err(format!("expected 3 numbers in {:?}", s));
        }
        let r: u8 = parts[0].parse().map_err(|_| "bad red".to_string())?;
        let g: u8 = parts[1].parse().map_err(|_| "bad green".to_string())?;
        let b: u8 = parts[2].parse().map_err(|_| "bad blue".to_string())?;
        Ok(Rgb(r, g, b))
    }
}

struct Path {
    points: Vec<Vec2>,
}

impl Index<usize> for Path {
    type Output = Vec2;
    fn index(&self, i: usize) -> &Vec2 {
        &self.points[i]
    }
}

async fn walk(start: Vec2, step: Vec2, n: u32) -> Vec2 {
    let mut pos = start;
    for _ in 0..n {
        sleep(Duration::from_millis(10)).await;
        pos += step;
    }
    println!("walked to {}", pos);
    pos
}

#[tokio::main]
async fn main() {
    let a = Vec2 { x: 1.0, y: 2.0 };
    let b: Vec2 = (0.5, -1.0).into();
    println!("{} {} {} {}", a + b, a - b, a * 2.0, -a);
    println!("{:?} {}", Vec2::default(), a > b);
    let path = Path { points: vec![a, b, a + b] };
    println!("{}", path[2]);
    println!("{:?} {:?}", Even::try_from(4), Even::try_from(7));
    let c: Result<Rgb, _> = "255 128 0".parse::<Rgb>();
    println!("{:?}", c);
    if let Ok(Rgb(r, g, b)) = &c {
        println!("red {r}, green {g}, blue {b}");
    }
    println!("{:?}", "1 2".parse::<Rgb>());
    println!("{:?}", "1 2 x".parse::<Rgb>());
    let (p, q) = tokio::join!(walk(a, b, 3), walk(b, a, 2));
    println!("{}", p == q);
}
