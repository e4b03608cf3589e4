use std::fmt;

#[derive(Debug, Clone, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

impl Point {
    fn new(x: i32, y: i32) -> Self {
        Point { x, y }
    }
    fn dist2(&self) -> i32 {
        self.x * self.x + self.y * self.y
    }
    fn shift(&mut self, dx: i32) {
        self.x += dx;
    }
}

#[derive(Debug)]
enum Shape {
    Circle(f64),
    Rect { w: f64, h: f64 },
    Empty,
}

impl Shape {
    fn area(&self) -> f64 {
        match self {
            Shape::Circle(r) => 3.0 * r * r,
            Shape::Rect { w, h } => w * h,
            Shape::Empty => 0.0,
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

trait Animal {
    fn name(&self) -> String;
    fn speak(&self) -> String {
        format!("{} makes a sound", self.name())
    }
}

struct Dog;
struct Cat {
    lives: u8,
}

impl Animal for Dog {
    fn name(&self) -> String {
        "Dog".to_string()
    }
    fn speak(&self) -> String {
        "Woof".to_string()
    }
}

impl Animal for Cat {
    fn name(&self) -> String {
        format!("Cat with {} lives", self.lives)
    }
}

fn main() {
    let mut p = Point::new(3, 4);
    println!("{:?} {}", p, p.dist2());
    p.shift(2);
    println!("{p} {:#?}", p);
    let q = Point { y: 9, ..p.clone() };
    println!("{}", q == p);
    let shapes = vec![Shape::Circle(1.0), Shape::Rect { w: 2.0, h: 3.0 }, Shape::Empty];
    for s in &shapes {
        println!("{:?} area {}", s, s.area());
    }
    println!("{:#?}", shapes);
    let animals: Vec<Box<dyn Animal>> = vec![Box::new(Dog), Box::new(Cat { lives: 9 })];
    for a in animals.iter() {
        println!("{}", a.speak());
    }
    let v = [1, 2, 3, 4];
    match v {
        [first, .., last] => println!("{first} {last}"),
    }
    if let [x, rest @ ..] = v {
        println!("{x} {:?}", rest);
    }
    let n = 7;
    match n {
        k @ 1..=9 => println!("small {k}"),
        _ => println!("big"),
    }
    p.x = 100;
    println!("{:>12}|", format!("{}", p));
}
