// Mistake: `?` in a main that returns (), so there is nowhere to send the error.
#[tokio::main]
async fn main() {
    let input = "42";
    let n: u32 = input.parse()?;
    println!("parsed {}", n);
}
