// Mistake: one argument too many for a helper fn.
fn describe(name: &str) -> String {
    format!("task {}", name)
}

#[tokio::main]
async fn main() {
    println!("{}", describe("fetch", 3));
}
