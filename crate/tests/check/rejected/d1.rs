struct User { name: String }
fn make() -> &str { "x" }
fn pick(a: &str, b: &str, c: &str) -> &str { a }
fn main() {
    let u = User { name: String::from("a") };
    println!("{:?}", u);
    println!("{}", u);
    let t = (1, 2);
    println!("{}", t);
    let o = Some(1);
    println!("{} {}", o, u.name);
}
// rustc 1.95: E0106@2 E0106@3 E0277@6 E0277@7 E0277@9 E0277@11
