use std::fmt::Display;

trait Shape {
    fn area(&self) -> f64;
    fn scale(&mut self, k: f64);
}

struct Sq(f64);

impl Shape for Sq {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
    fn scale(&mut self, k: f64) {
        self.0 *= k;
    }
}

struct Count(u32);

impl Iterator for Count {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        self.0 += 1;
        if self.0 < 4 { Some(self.0) } else { None }
    }
}

fn show<T: Display>(x: T) -> String {
    format!("[{}]", x)
}

fn main() {
    let mut s = Sq(2.0);
    Shape::scale(&mut s, 1.5);
    println!("{}", Shape::area(&s));
    let mut c = Count(0);
    println!("{:?} {:?}", Iterator::next(&mut c), c.next());
    while let Some(x) = c.next() {
        println!("got {x}");
    }
    println!("{}", show(3));
    let shapes: Vec<&dyn Shape> = vec![&s];
    println!("{}", shapes.iter().map(|x| x.area()).sum::<f64>());
}
