#[tokio::main]
async fn main() {
    let names = vec![String::from("a"), String::from("b")];
    for n in names {
        println!("{n}");
    }
    println!("{}", names.len());
}
// rustc 1.95: E0382@7
