// Mistake: the Vec was dropped explicitly, then used again.
#[tokio::main]
async fn main() {
    let scores = vec![3, 1, 2];
    println!("{} scores", scores.len());
    drop(scores);
    println!("first: {}", scores[0]);
}
