fn find(names: Vec<&str>, wanted: &str) -> Option<u32> {
    let mut i = 0;
    for n in names {
        if n == wanted {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[tokio::main]
async fn main() {
    println!("{:?}", find(vec!["ann", "bob"], "bob"));
    let pos = find(vec!["ann", "bob"], "eve").expect("eve should be in the list");
    println!("eve is at {pos}");
}
