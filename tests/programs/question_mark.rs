use tokio::time::{sleep, Duration};

fn parse_number(text: &str) -> Result<u32, String> {
    match text {
        "one" => Ok(1),
        "two" => Ok(2),
        "ten" => Ok(10),
        _ => Err(format!("not a number I know: {text}")),
    }
}

async fn add(a: &str, b: &str) -> Result<u32, String> {
    sleep(Duration::from_millis(10)).await;
    let x = parse_number(a)?;
    println!("first is {x}");
    let y = parse_number(b)?;
    println!("second is {y}");
    Ok(x + y)
}

fn double(v: Option<u32>) -> Option<u32> {
    let x = v?;
    Some(x * 2)
}

#[tokio::main]
async fn main() -> Result<(), String> {
    println!("{:?}", add("one", "two").await);
    println!("{:?}", add("ten", "eleven").await);
    println!("{:?} {:?}", double(Some(21)), double(None));
    add("one", "oops").await?;
    println!("never printed");
    Ok(())
}
