use tokio::sync::{OnceCell, SetOnce};
use tokio::time::{sleep, Duration};

static CONFIG: OnceCell<u32> = OnceCell::const_new();
static READY: SetOnce<&str> = SetOnce::const_new();

async fn load() -> u32 {
    println!("loading once");
    sleep(Duration::from_millis(20)).await;
    7
}

#[tokio::main]
async fn main() {
    let waiter = tokio::spawn(async {
        let v = READY.wait().await;
        println!("waiter sees {v}");
    });
    let a = tokio::spawn(async { *CONFIG.get_or_init(load).await });
    let b = tokio::spawn(async { *CONFIG.get_or_init(load).await });
    println!("a = {}, b = {}", a.await.unwrap(), b.await.unwrap());
    println!("get: {:?}", READY.get());
    println!("set: {:?}", READY.set("go"));
    println!("set again: {:?}", READY.set("again"));
    waiter.await.unwrap();
    println!("initialized: {}", READY.initialized());
}
