// String literals after the format string are arguments, not format strings.
#[derive(Debug)]
struct P;

fn main() {
    let p = P;
    println!("{} {:?}", "name", p);
    println!("{}", "{nothing}");
    assert_eq!(format!("{:?}", p), "P", "{:?} is {}", p, "{p}");
}
