fn describe(n: i32) -> &'static str {
    match n {
        0 => "zero",
        1 => "one",
        _ => "big",
    }
}

fn check(r: Result<u32, String>) -> String {
    match r {
        Ok(0) => String::from("ok, but zero"),
        Ok(n) => format!("ok: {n}"),
        Err(e) => format!("error: {e}"),
    }
}

#[tokio::main]
async fn main() {
    for n in vec![0, 1, 7] {
        println!("{n} is {}", describe(n));
    }
    let maybe = vec![Some(3), None];
    for m in maybe {
        match m {
            Some(v) => println!("some {v}"),
            None => println!("none"),
        }
    }
    println!("{}", check(Ok(0)));
    println!("{}", check(Ok(5)));
    println!("{}", check(Err("no".to_string())));
    let word = "tokio";
    let kind = match word {
        "tokio" => "runtime",
        "serde" => "serialization",
        _ => "unknown",
    };
    println!("{word} is a {kind}");
    let flag = true;
    match flag {
        true => println!("flag set"),
        false => println!("flag clear"),
    }
}
