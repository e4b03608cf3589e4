use std::error::Error;
use std::fmt::{self, Debug, Display};
use std::hash::Hash;

trait Named: Debug {
    fn name(&self) -> String;
}

#[derive(Debug)]
struct Job(u32);

impl Named for Job {
    fn name(&self) -> String {
        format!("job {}", self.0)
    }
}

struct Wrapper<W>(W);

impl<W> Wrapper<W>
where
    W: Display,
{
    fn show(&self, w: &W) {
        println!("{} {}", w, self.0);
    }
}

fn named<T: Named>(items: Vec<T>) {
    for item in &items {
        println!("{:?} {}", item, item.name());
    }
}

fn debug_all<T>(items: &[T])
where
    T: Debug + Clone,
{
    for item in items.iter() {
        println!("{item:?}");
    }
}

fn displayed<T: fmt::Display + Hash>(x: T) {
    println!("{x}");
}

fn failed<E: Error>(e: E) {
    println!("{} / {:?}", e, e);
}

fn pointer<T: Copy>(x: T, y: i32) {
    println!("{:p} {y}", &x);
    let x = y;
    println!("{x} {}", x = 3);
}

fn shadowed<T: Clone>(items: Vec<T>) {
    let items = vec![1, 2];
    for item in items {
        println!("{}", item);
    }
}

fn main() {
    named(vec![Job(1)]);
    debug_all(&[1, 2]);
    Wrapper(3).show(&4);
    displayed(5);
    failed(fmt::Error);
    pointer(1, 2);
    shadowed(vec![1]);
}
