// Mistake: two `&mut` borrows of the same Vec alive at once.
#[tokio::main]
async fn main() {
    let mut queue = vec![1, 2];
    let first = &mut queue;
    let second = &mut queue;
    first.push(3);
    second.push(4);
    println!("{:?}", queue);
}
