#[tokio::main]
async fn main() {
    let ok: Result<u32, String> = Ok(42);
    let err: Result<u32, String> = Err(String::from("bad input"));
    let some = Some("x");
    let none: Option<i32> = None;
    let list = vec![1, 2, 3];
    let words = vec!["a", "b"];
    let pair = (1, "one");
    let nested: Option<Result<(u8, bool), String>> = Some(Ok((7, true)));
    println!("{:?}", ok);
    println!("{:?}", err);
    println!("{:?} {:?}", some, none);
    println!("{:?} {:?}", list, words);
    println!("{:?}", pair);
    println!("{:?}", nested);
    println!("{:?} {:?} {:?}", "quote \"me\"", 1.5, -3);
    println!("{:?}", String::from("tab\there"));
    let empty: Vec<String> = Vec::new();
    println!("{:?} {:?}", empty, ());
}
