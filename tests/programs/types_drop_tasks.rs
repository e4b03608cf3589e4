// `impl Drop` on your own type: drops run where Rust drops (scope end in reverse order, `drop()`,
// reassignment, a task's end), visible between the lines the tasks print.
use tokio::time::{sleep, Duration};

struct Guard {
    name: String,
}

impl Guard {
    fn new(name: &str) -> Guard {
        println!("acquire {name}");
        Guard { name: name.to_string() }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        println!("release {}", self.name);
    }
}

async fn worker(id: u32, ms: u64) -> u32 {
    let _g = Guard::new(&format!("worker-{id}"));
    sleep(Duration::from_millis(ms)).await;
    println!("worker {id} done");
    id
}

#[tokio::main]
async fn main() {
    let _outer = Guard::new("outer");
    {
        let _a = Guard::new("a");
        let _b = Guard::new("b");
        println!("inner scope ends");
    }
    let early = Guard::new("early");
    drop(early);
    let mut slot = Guard::new("first");
    println!("holding {}", slot.name);
    slot = Guard::new("second");
    println!("holding {}", slot.name);
    let h1 = tokio::spawn(worker(1, 200));
    let h2 = tokio::spawn(worker(2, 100));
    println!("joined {} {}", h1.await.unwrap(), h2.await.unwrap());
    println!("main ends");
}
