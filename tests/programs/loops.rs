use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    // for over a range, with an await inside
    for i in 0..3 {
        sleep(Duration::from_millis(100)).await;
        println!("tick {i}");
    }

    // while with a counter
    let mut n = 10;
    while n > 0 {
        n -= 3;
    }
    println!("n = {n}");

    // loop with continue and break
    let mut count = 0;
    let mut odd = 0;
    loop {
        count += 1;
        if count % 2 == 0 {
            continue;
        }
        odd += count;
        if count >= 9 {
            break;
        }
    }
    println!("sum of odd numbers up to {count}: {odd}");

    // for over a Vec
    let names = vec!["ada", "grace", "linus"];
    for name in names {
        print!("{name} ");
    }
    println!();

    // while let over an Option that changes
    let mut next = Some(1);
    while let Some(v) = next {
        println!("visiting {v}");
        next = if v < 3 { Some(v + 1) } else { None };
    }

    // a loop that yields a value
    let mut tries = 0;
    let found = loop {
        tries += 1;
        sleep(Duration::from_millis(10)).await;
        if tries == 4 {
            break tries * 100;
        }
    };
    println!("found {found} after {tries} tries");
}
