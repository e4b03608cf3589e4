#[tokio::main]
async fn main() {
    println!("{}", countr);
    undefined_fn();
    let count = 1;
    println!("{cont}");
}
// rustc 1.95: E0425@3 E0425@6 E0425@4
