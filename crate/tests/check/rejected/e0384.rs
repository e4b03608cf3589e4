fn main() {
    let total = 100;
    total = 300;
    println!("{}", total);
    let x;
    x = 1;
    x = 2;
    println!("{x}");
}
// rustc 1.95: E0384@3 E0384@7
