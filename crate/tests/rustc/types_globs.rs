mod geo {
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub enum Dir {
        North,
        East,
        South,
        West,
    }

    pub fn turn(d: Dir) -> Dir {
        use Dir::*;
        match d {
            North => East,
            East => South,
            South => West,
            West => North,
        }
    }

    pub struct Pos(pub i32, pub i32);
}

use geo::*;
use geo::Dir::*;

#[derive(Debug)]
enum Shape {
    Circle(f64),
    Square(f64),
}

use Shape::*;

fn area(s: &Shape) -> f64 {
    match s {
        Circle(r) => 3.0 * r * r,
        Square(a) => a * a,
    }
}

fn main() {
    let mut d = North;
    for _ in 0..5 {
        d = turn(d);
    }
    println!("{:?} {}", d, d == East);
    let p = Pos(1, -2);
    println!("{} {}", p.0, p.1);
    let shapes = vec![Circle(1.0), Square(2.0)];
    for s in &shapes {
        println!("{:?} {}", s, area(s));
    }
    if let Circle(r) = shapes[0] {
        println!("r {r}");
    }
}
