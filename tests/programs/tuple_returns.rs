use tokio::time::{sleep, Duration};

async fn min_max(values: Vec<i64>) -> (i64, i64) {
    sleep(Duration::from_millis(1)).await;
    let mut lo = 1000;
    let mut hi = -1000;
    for v in values {
        if v < lo {
            lo = v;
        }
        if v > hi {
            hi = v;
        }
    }
    (lo, hi)
}

#[tokio::main]
async fn main() {
    let (lo, hi) = min_max(vec![3, -7, 12, 0]).await;
    println!("min {lo}, max {hi}, spread {}", hi - lo);
    let both = min_max(vec![5]).await;
    println!("{:?}", both);
    let ok = lo < hi && !(hi == 0 || lo > 100);
    println!("ok: {ok}");
}
