use tokio::time::{interval, interval_at, sleep, timeout_at, Duration, Instant, MissedTickBehavior};

async fn late_ticks(behavior: MissedTickBehavior) {
    let start = Instant::now();
    let mut iv = interval(Duration::from_millis(100));
    iv.set_missed_tick_behavior(behavior);
    iv.tick().await;
    // Busy elsewhere for 350 ms: the ticks at 100, 200 and 300 ms are missed.
    sleep(Duration::from_millis(350)).await;
    let mut at = Vec::new();
    for _ in 0..4 {
        iv.tick().await;
        at.push(start.elapsed().as_millis());
    }
    println!("{:?}: ticks at {:?} ms", iv.missed_tick_behavior(), at);
}

#[tokio::main]
async fn main() {
    late_ticks(MissedTickBehavior::Burst).await;
    late_ticks(MissedTickBehavior::Delay).await;
    late_ticks(MissedTickBehavior::Skip).await;

    let start = Instant::now();
    let mut iv = interval_at(start + Duration::from_millis(50), Duration::from_millis(100));
    iv.tick().await;
    println!("interval_at first tick at {} ms", start.elapsed().as_millis());
    iv.reset();
    iv.tick().await;
    println!("after reset: {} ms", start.elapsed().as_millis());
    iv.reset_after(Duration::from_millis(30));
    iv.tick().await;
    println!("after reset_after(30): {} ms", start.elapsed().as_millis());
    iv.reset_immediately();
    iv.tick().await;
    println!("after reset_immediately: {} ms", start.elapsed().as_millis());
    iv.reset_at(Instant::now() + Duration::from_millis(7));
    iv.tick().await;
    println!("after reset_at(+7): {} ms, period {:?}", start.elapsed().as_millis(), iv.period());

    let deadline = Instant::now() + Duration::from_millis(20);
    let r = timeout_at(deadline, sleep(Duration::from_millis(50))).await;
    println!("timeout_at: {r:?} at {} ms", start.elapsed().as_millis());
    let r = timeout_at(Instant::now() + Duration::from_millis(20), async { 5 }).await;
    println!("timeout_at: {r:?}");
}
