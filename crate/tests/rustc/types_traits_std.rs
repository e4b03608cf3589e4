use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, Index, Mul, Neg, Sub};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct V2 {
    x: f64,
    y: f64,
}

impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 {
        V2 { x: self.x + o.x, y: self.y + o.y }
    }
}

impl Sub for V2 {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self { x: self.x - o.x, y: self.y - o.y }
    }
}

impl Mul<f64> for V2 {
    type Output = V2;
    fn mul(self, k: f64) -> V2 {
        V2 { x: self.x * k, y: self.y * k }
    }
}

impl Neg for V2 {
    type Output = V2;
    fn neg(self) -> V2 {
        V2 { x: -self.x, y: -self.y }
    }
}

impl AddAssign for V2 {
    fn add_assign(&mut self, o: V2) {
        self.x += o.x;
        self.y += o.y;
    }
}

struct Poly(Vec<i32>);

impl Index<usize> for Poly {
    type Output = i32;
    fn index(&self, i: usize) -> &i32 {
        &self.0[i]
    }
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Person {
    age: u32,
    name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Low = 1,
    Mid = 5,
    High = 10,
}

struct Celsius(f64);
struct Fahrenheit(f64);

impl From<Celsius> for Fahrenheit {
    fn from(c: Celsius) -> Self {
        Fahrenheit(c.0 * 9.0 / 5.0 + 32.0)
    }
}

struct Name {
    first: String,
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.pad(&self.first)
    }
}

struct Secret {
    id: u32,
    key: String,
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Secret").field("id", &self.id).finish()
    }
}

#[derive(Debug, Default)]
struct Config {
    name: String,
    retries: u32,
    verbose: bool,
    tags: Vec<String>,
    level: Option<u8>,
}

#[derive(Debug)]
struct Wrapper {
    inner: Option<V2>,
    list: Vec<(i32, String)>,
    s: Secret,
}

fn main() {
    let a = V2 { x: 1.0, y: 2.0 };
    let b = V2 { x: 0.5, y: -1.0 };
    let mut c = a + b;
    println!("{:?}", c);
    println!("{:?}", a - b);
    println!("{:?}", a * 3.0);
    println!("{:?}", -a);
    c += V2 { x: 10.0, y: 10.0 };
    println!("{:?} {}", c, c == a);
    println!("{:?}", V2::default());
    let p = Poly(vec![3, 4, 5]);
    println!("{}", p[1]);
    let mut people = vec![
        Person { age: 30, name: "Zed".to_string() },
        Person { age: 25, name: "Amy".to_string() },
        Person { age: 30, name: "Bob".to_string() },
    ];
    people.sort();
    println!("{:?}", people);
    let older = people[0] < people[1];
    println!("{older}");
    match people[0].age.cmp(&people[1].age) {
        Ordering::Less => println!("less"),
        Ordering::Equal => println!("equal"),
        Ordering::Greater => println!("greater"),
    }
    println!("{:?}", people[1].cmp(&people[2]));
    let l = Level::Mid;
    println!("{:?} {} {}", l, l as i32, Level::High as u8);
    let f: Fahrenheit = Celsius(100.0).into();
    println!("{}", f.0);
    let f2 = Fahrenheit::from(Celsius(0.0));
    println!("{}", f2.0);
    let n = Name { first: "Ann".to_string() };
    println!("[{:>6}] [{:<6}] [{:^7}] [{:*>5}] [{}]", n, n, n, n, n);
    let s = Secret { id: 7, key: "k".into() };
    println!("{:?}", s);
    println!("{:#?}", s);
    let cfg = Config::default();
    println!("{:?}", cfg);
    let cfg2 = Config { name: "x".into(), retries: 3, ..Default::default() };
    println!("{:#?}", cfg2);
    let w = Wrapper { inner: Some(a), list: vec![(1, "a".into())], s };
    println!("{:#?}", w);
    let _ = &w.s.key;
}
