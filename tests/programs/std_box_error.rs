// `Box<dyn Error>` with `?` converting through `From` (a ParseIntError, a String, a &str).
use std::error::Error;

fn parse_pair(s: &str) -> Result<(i32, i32), Box<dyn Error>> {
    let (a, b) = s.split_once(',').ok_or("no comma")?;
    let a: i32 = a.trim().parse()?;
    let b: i32 = b.trim().parse()?;
    if a > b {
        return Err(format!("{a} > {b}").into());
    }
    Ok((a, b))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    println!("{:?}", parse_pair("1, 2"));
    for s in ["3,x", "nope", "5,4"] {
        match parse_pair(s) {
            Ok(p) => println!("ok {:?}", p),
            Err(e) => println!("error: {e}"),
        }
    }
    let n: i32 = "12".parse()?;
    println!("n = {n}");
    parse_pair("9,1")?;
    println!("unreachable");
    Ok(())
}
