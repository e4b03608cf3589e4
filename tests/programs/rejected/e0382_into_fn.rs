// Mistake: `report` takes the String by value, so `name` is gone after the first call.
fn report(name: String) {
    println!("report for {}", name);
}

#[tokio::main]
async fn main() {
    let name = String::from("product");
    report(name);
    report(name);
}
