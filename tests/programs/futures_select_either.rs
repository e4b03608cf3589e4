use futures::future::{self, select, select_all, Either, BoxFuture, FutureExt};
use tokio::time::{sleep, Duration};

async fn after(ms: u64, v: u32) -> u32 {
    sleep(Duration::from_millis(ms)).await;
    v
}

async fn okv(v: u32) -> Result<u32, String> {
    Ok(v)
}

#[tokio::main]
async fn main() {
    let a = Box::pin(after(100, 1));
    let b = Box::pin(after(50, 2));
    match select(a, b).await {
        Either::Left((v, _rest)) => println!("left won with {v}"),
        Either::Right((v, rest)) => {
            println!("right won with {v}");
            println!("then left gave {}", rest.await);
        }
    }
    let futs: Vec<BoxFuture<'static, u32>> = vec![
        after(30, 10).boxed(),
        after(10, 20).boxed(),
        after(20, 30).boxed(),
    ];
    let (v, i, rest) = select_all(futs).await;
    println!("select_all: {v} from {i}, {} left", rest.len());
    let all = future::join_all(rest).await;
    println!("rest: {all:?}");
    let ok: Result<Vec<u32>, String> =
        future::try_join_all(vec![okv(1), okv(2)]).await;
    println!("{ok:?}");
    let bad: Result<Vec<u32>, String> = future::try_join_all(vec![
        async { Ok::<u32, String>(after(10, 1).await) }.boxed(),
        async { Err::<u32, String>("nope".to_string()) }.boxed(),
    ])
    .await;
    println!("{bad:?}");
    let l = future::lazy(|_| {
        println!("lazy ran");
        5
    });
    println!("before lazy");
    println!("lazy gave {}", l.await);
    println!("ready gave {}", future::ready(9).await);
}
