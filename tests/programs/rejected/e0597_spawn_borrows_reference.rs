// Mistake: the task moves in a reference to a local; tokio::spawn needs everything to be 'static.
#[tokio::main]
async fn main() {
    let names = vec![String::from("a"), String::from("b")];
    let first = &names[0];
    let handle = tokio::spawn(async move {
        println!("first is {}", first);
    });
    handle.await.unwrap();
}
