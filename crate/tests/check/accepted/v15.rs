// `Copy` written by hand (before the struct it is for): the value is copied, not moved.
impl Clone for P {
    fn clone(&self) -> Self {
        *self
    }
}

impl Copy for P {}

#[derive(Debug)]
struct P {
    x: i32,
}

fn take(p: P) -> i32 {
    p.x
}

#[tokio::main]
async fn main() {
    let a = P { x: 1 };
    let b = a;
    let h = tokio::spawn(async move { take(a) });
    println!("{} {} {:?}", take(a), b.x, h.await.unwrap());
}
