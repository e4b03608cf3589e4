#[derive(Debug, Default)]
struct Inner {
    n: u8,
}

#[derive(Debug)]
struct Config {
    name: String,
    retries: u32,
    ratio: f64,
    tags: Vec<String>,
    inner: Inner,
    on: bool,
}

fn main() {
    let c = Config {
        name: Default::default(),
        retries: Default::default(),
        ratio: Default::default(),
        tags: Default::default(),
        inner: Default::default(),
        on: Default::default(),
    };
    println!("{:?}", c);
    println!("{:?}", extra());
}

fn extra() -> (u32, String, bool) {
    let a: u32 = Default::default();
    let b: String = Default::default();
    let c: bool = Default::default();
    (a, b, c)
}
