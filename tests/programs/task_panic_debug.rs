#[tokio::main(flavor = "current_thread")]
async fn main() {
    let first = tokio::spawn(async { 1 });
    let second = tokio::spawn(async {
        let v: Vec<u32> = Vec::new();
        if v.len() == 0 {
            panic!("the list is empty");
        }
        2
    });
    println!("{:?}", first.await);
    println!("{:?}", second.await);
}
