#[derive(Debug)]
struct P {
    x: i32,
}

impl Clone for P {
    fn clone(&self) -> Self {
        println!("cloning");
        P { x: self.x + 100 }
    }
}

impl Copy for P {}

fn take(p: P) -> i32 {
    p.x
}

fn main() {
    let a = P { x: 1 };
    let b = a;
    println!("{} {}", take(a), b.x);
    let c = a.clone();
    println!("{:?} {:?}", a, c);
}
