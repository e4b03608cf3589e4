// Mistake: `.await` on the result of a plain (non-async) fn.
fn compute_total(prices: &[u32]) -> u32 {
    prices.iter().sum()
}

#[tokio::main]
async fn main() {
    let total = compute_total(&[100, 250]).await;
    println!("total: {}", total);
}
