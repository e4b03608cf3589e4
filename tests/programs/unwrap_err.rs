async fn lookup(id: u32) -> Result<String, String> {
    if id == 1 {
        Ok("alice".to_string())
    } else {
        Err(format!("user {id} not found"))
    }
}

#[tokio::main]
async fn main() {
    let first = lookup(1).await.unwrap();
    println!("found {first}");
    let second = lookup(2).await.unwrap();
    println!("found {second}");
}
