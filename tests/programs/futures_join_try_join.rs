use futures::future::{self, FutureExt};
use tokio::time::{sleep, Duration};

struct Loud(&'static str);
impl Drop for Loud {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn step(name: &'static str, ms: u64) -> &'static str {
    let _l = Loud(name);
    sleep(Duration::from_millis(ms)).await;
    println!("{name} done");
    name
}

async fn fallible(ms: u64, fail: bool) -> Result<u64, String> {
    sleep(Duration::from_millis(ms)).await;
    if fail { Err(format!("failed after {ms}")) } else { Ok(ms) }
}

#[tokio::main]
async fn main() {
    let (a, b) = future::join(step("a", 20), step("b", 10)).await;
    println!("{a} {b}");
    let r = future::try_join(fallible(10, false), fallible(20, false)).await;
    println!("{r:?}");
    let r = future::try_join(step("slow", 50).map(Ok::<_, String>), fallible(5, true)).await;
    println!("{r:?}");
    let r: Result<u32, ()> = future::ok(3).await;
    let e: Result<(), &str> = future::err("no").await;
    println!("{r:?} {e:?} {:?}", wrap());
}
// Some/Ok/Err as functions.
#[allow(dead_code)]
fn wrap() -> Vec<Option<u32>> {
    vec![1, 2].into_iter().map(Some).collect()
}
