// A field's type is the target of a parse at the end of its expression (P { x: s.parse().unwrap() },
// Token::Num(num.parse().map_err(..)?)): it parsed an integer and failed.
struct P { x: f64 }
enum T { N(f64) }
fn fields() {
    let p = P { x: "3.5".parse().unwrap() };
    println!("{}", p.x);
    let T::N(n) = T::N("2.5".parse().unwrap());
    println!("{}", n);
    let r: Result<f64, String> = "4.5".parse().map_err(|e: std::num::ParseFloatError| e.to_string());
    println!("{:?}", r);
    let q: f64 = "7.5".parse().map_err(|_| 0).unwrap();
    let r2: Result<f64, _> = "8.5".parse();
    let r3: Result<i32, _> = "8.5".parse();
    println!("{:?} {:?}", r2, r3);
    println!("{}", q);
}
#[derive(Debug, Clone, PartialEq)]
enum Token { Num(f64), Op(char), LParen, RParen }
fn tokenize(s: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' => { i += 1; }
            '0'..='9' | '.' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') { i += 1; }
                let num: String = chars[start..i].iter().collect();
                out.push(Token::Num(num.parse().map_err(|e| format!("{:?}", e))?));
            }
            '+' | '-' | '*' | '/' => { out.push(Token::Op(c)); i += 1; }
            '(' => { out.push(Token::LParen); i += 1; }
            ')' => { out.push(Token::RParen); i += 1; }
            other => return Err(format!("unexpected {:?} at {}", other, i)),
        }
    }
    Ok(out)
}
fn eval(tokens: &[Token]) -> f64 {
    let mut stack: Vec<f64> = vec![];
    let mut op = '+';
    for t in tokens {
        match t {
            Token::Num(n) => {
                let n = *n;
                match op { '+' => stack.push(n), '-' => stack.push(-n), '*' => { let l = stack.pop().unwrap(); stack.push(l * n) }, '/' => { let l = stack.pop().unwrap(); stack.push(l / n) }, _ => unreachable!() }
            }
            Token::Op(o) => op = *o,
            _ => {}
        }
    }
    stack.iter().sum()
}
fn tokens() {
    for e in ["1 + 2 * 3", "10 / 4 - 1.5", "2 * (3)", "7 $ 2"] {
        match tokenize(e) {
            Ok(t) => println!("{} => {:?} = {}", e, t.len(), eval(&t)),
            Err(err) => println!("{} => error: {}", e, err),
        }
    }
    println!("{:?}", tokenize("3.5+1"));
    let s = "a1b22c333";
    let nums: Vec<u32> = s.split(|c: char| c.is_alphabetic()).filter(|p| !p.is_empty()).map(|p| p.parse().unwrap()).collect();
    println!("{:?}", nums);
    let grouped: Vec<(char, usize)> = "aaabccdddd".chars().fold(Vec::new(), |mut acc: Vec<(char, usize)>, c| {
        match acc.last_mut() { Some((last, n)) if *last == c => *n += 1, _ => acc.push((c, 1)) }
        acc
    });
    println!("{:?}", grouped);
    let encoded: String = grouped.iter().map(|(c, n)| format!("{}{}", n, c)).collect();
    println!("{}", encoded);
    let v = vec![10, 20, 30];
    match v.as_slice() { [] => println!("empty"), [one] => println!("{}", one), [first, rest @ ..] => println!("{} then {:?}", first, rest) }
    let msg = match v.len() { 0 => "none", 1..=2 => "few", n if n % 2 == 1 => "odd many", _ => "many" };
    println!("{}", msg);
    let opt: Option<&i32> = v.iter().find(|&&x| x > 15);
    if let Some(&x @ 20..=25) = opt { println!("found {}", x); }
    let word = Some("hello");
    let len = word.map(str::len).or(Some(0)).unwrap();
    println!("{}", len);
}
fn main() {
    fields();
    tokens();
}
