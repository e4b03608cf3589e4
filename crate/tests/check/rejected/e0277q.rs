fn main() {
    let n: i32 = "5".parse()?;
    println!("{}", n);
}
// rustc 1.95: E0277@2
