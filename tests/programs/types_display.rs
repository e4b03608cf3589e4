// `impl Display` honouring the caller's width, fill and precision (`f.pad`, delegating `fmt`),
// and `Debug` by hand with `debug_struct`.
use std::fmt;

struct Name(String);

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.pad(&self.0)
    }
}

struct Money {
    cents: i64,
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "${}.{:02}", self.cents / 100, self.cents % 100)
    }
}

struct Celsius(f64);

impl fmt::Display for Celsius {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if let Some(p) = f.precision() {
            write!(f, "{:.*} C", p, self.0)
        } else {
            write!(f, "{} C", self.0)
        }
    }
}

struct Token {
    id: u32,
    secret: String,
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Token")
            .field("id", &self.id)
            .field("secret", &"***")
            .finish()
    }
}

struct Table {
    rows: Vec<(Name, Money)>,
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (name, money) in &self.rows {
            writeln!(f, "|{:<8}|{:>10}|", name, money.to_string())?;
        }
        write!(f, "({} rows)", self.rows.len())
    }
}

#[tokio::main]
async fn main() {
    let n = Name("Ada".to_string());
    println!("[{}] [{:>6}] [{:<6}] [{:^7}] [{:-^9}] [{:.2}]", n, n, n, n, n, n);
    let m = Money { cents: 12345 };
    println!("[{}] [{:>12}]", m, m);
    let s = m.to_string();
    println!("[{:>12}] {}", s, s.len());
    let c = Celsius(21.456);
    println!("{} | {:.1}", c, c);
    let t = Token { id: 9, secret: "hunter2".into() };
    println!("{:?}", t);
    println!("{:#?}", t);
    println!("{}", t.secret.len());
    let table = Table {
        rows: vec![
            (Name("tea".into()), Money { cents: 250 }),
            (Name("cake".into()), Money { cents: 1999 }),
        ],
    };
    println!("{table}");
}
