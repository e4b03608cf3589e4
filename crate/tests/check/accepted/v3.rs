use std::rc::Rc;
use std::cell::RefCell;
use tokio::time::{sleep, Duration};

trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String { String::from("shape") }
}
struct Circle { r: f64 }
impl Shape for Circle {
    fn area(&self) -> f64 { 3.14 * self.r * self.r }
}
fn total<T: Shape>(items: &[T]) -> f64 {
    items.iter().map(|s| s.area()).sum()
}
enum Msg { Quit, Move { x: i32, y: i32 }, Write(String) }

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let shared = Rc::new(RefCell::new(vec![1, 2]));
    let s2 = Rc::clone(&shared);
    sleep(Duration::from_millis(1)).await;
    s2.borrow_mut().push(3);
    println!("{:?}", shared.borrow());
    let cs = vec![Circle { r: 1.0 }, Circle { r: 2.0 }];
    println!("{:.2} {}", total(&cs), cs[0].name());
    let msgs = vec![Msg::Quit, Msg::Move { x: 1, y: 2 }, Msg::Write("hi".into())];
    for m in msgs {
        match m {
            Msg::Quit => println!("quit"),
            Msg::Move { x, y } => println!("{x} {y}"),
            Msg::Write(s) => println!("{s}"),
        }
    }
    let local = tokio::task::LocalSet::new();
    let rc = Rc::new(5);
    local.run_until(async move {
        tokio::task::spawn_local(async move {
            sleep(Duration::from_millis(1)).await;
            println!("{}", rc);
        }).await.unwrap();
    }).await;
}
