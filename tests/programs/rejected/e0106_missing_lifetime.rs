// Mistake: a fn returning a reference chosen from two arguments needs a lifetime.
fn longer(a: &str, b: &str) -> &str {
    if a.len() > b.len() { a } else { b }
}

#[tokio::main]
async fn main() {
    println!("{}", longer("user", "product"));
}
