use tokio::time::{self, Duration, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let sleep = time::sleep(Duration::from_millis(100));
    tokio::pin!(sleep);
    println!("elapsed? {}", sleep.is_elapsed());

    // Each message pushes the deadline back: the sleep fires 100 ms after the last one.
    let mut pushes = 0;
    loop {
        tokio::select! {
            () = &mut sleep => {
                println!("idle timeout at {} ms", start.elapsed().as_millis());
                break;
            }
            _ = time::sleep(Duration::from_millis(60)), if pushes < 3 => {
                pushes += 1;
                sleep.as_mut().reset(Instant::now() + Duration::from_millis(100));
                println!("activity at {} ms, deadline in {} ms", start.elapsed().as_millis(),
                    (sleep.deadline() - Instant::now()).as_millis());
            }
        }
    }
    println!("elapsed? {}", sleep.is_elapsed());
    time::sleep_until(Instant::now() + Duration::from_millis(5)).await;
    println!("done at {} ms", start.elapsed().as_millis());
}
