// Where a value moved into a task drops: when the task ends, when it is aborted, when a cancelled
// future drops its locals (last declared first), and when the runtime drops the tasks still running
// at the end of `main`.
use tokio::time::{sleep, timeout, Duration};

struct Noisy {
    name: String,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

fn noisy(name: &str) -> Noisy {
    Noisy { name: name.to_string() }
}

#[tokio::main]
async fn main() {
    let ends = noisy("moved into a task that ends at 10 ms");
    tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        println!("the task has {}", ends.name);
    });
    let aborted = noisy("moved into a task aborted at 20 ms");
    let h = tokio::spawn(async move {
        sleep(Duration::from_millis(100)).await;
        println!("never: {}", aborted.name);
    });
    sleep(Duration::from_millis(20)).await;
    h.abort();
    println!("aborted: {}", h.await.unwrap_err().is_cancelled());
    let r = timeout(Duration::from_millis(10), async {
        let _first = noisy("first local of a cancelled block");
        let _second = noisy("second local of a cancelled block");
        sleep(Duration::from_millis(50)).await;
    })
    .await;
    println!("timeout: {r:?}");
    let last = noisy("moved into a task still sleeping when main returns");
    tokio::spawn(async move {
        sleep(Duration::from_millis(1000)).await;
        println!("never: {}", last.name);
    });
    let _local = noisy("main's local");
    sleep(Duration::from_millis(5)).await;
    println!("main ends");
}
