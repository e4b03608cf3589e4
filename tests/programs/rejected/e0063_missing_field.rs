// Mistake: a struct literal forgets one of the fields.
#[derive(Debug)]
struct User {
    name: String,
    age: u32,
}

async fn load_user() -> User {
    User { name: "Ferris".to_string() }
}

#[tokio::main]
async fn main() {
    println!("{:?}", load_user().await);
}
