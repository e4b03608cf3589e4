use tokio::sync::Mutex;

#[tokio::main]
async fn main() {
    let m = Mutex::new((1u8, 2u8));
    let g = m.lock();
    println!("{}", g.0);
}
// rustc 1.95: E0609@7
