// Mistake: taking `&mut` of a binding that is not `mut`.
fn add_bonus(score: &mut u32) {
    *score += 10;
}

#[tokio::main]
async fn main() {
    let score = 5;
    add_bonus(&mut score);
    println!("score: {}", score);
}
