use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
enum AppError {
    Parse(ParseIntError),
    Negative(i64),
    Empty,
}

impl From<ParseIntError> for AppError {
    fn from(e: ParseIntError) -> Self {
        AppError::Parse(e)
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            AppError::Parse(e) => write!(f, "parse error: {}", e),
            AppError::Negative(n) => write!(f, "{} is negative", n),
            AppError::Empty => write!(f, "empty input"),
        }
    }
}

#[derive(Debug)]
struct Meters(u32);

impl From<u32> for Meters {
    fn from(n: u32) -> Self {
        Meters(n)
    }
}

impl From<&str> for Meters {
    fn from(s: &str) -> Self {
        Meters(s.len() as u32)
    }
}

fn parse_positive(s: &str) -> Result<i64, AppError> {
    if s.is_empty() {
        return Err(AppError::Empty);
    }
    let n: i64 = s.trim().parse()?;
    if n < 0 {
        return Err(AppError::Negative(n));
    }
    Ok(n)
}

fn sum_all(items: &[&str]) -> Result<i64, AppError> {
    let mut total = 0;
    for s in items {
        total += parse_positive(s)?;
    }
    Ok(total)
}

fn main() {
    for s in ["42", "-7", "abc", ""] {
        match parse_positive(s) {
            Ok(n) => println!("ok {n}"),
            Err(e) => println!("error: {} / {:?}", e, e),
        }
    }
    println!("{:?}", sum_all(&["1", "2", "3"]).unwrap());
    println!("{}", sum_all(&["1", "x"]).unwrap_err());
    let a = Meters::from(5);
    let b = Meters::from("abc");
    let c: Meters = 7.into();
    println!("{:?} {:?} {:?}", a, b, c);
}
