struct User { name: String, age: u32, email: String }
#[derive(Debug)]
struct P(i32);
fn main() {
    let u = User { name: String::new(), mail: String::new() };
    let w = User { name: String::new() };
    let z = User { };
    let q = User { name: String::new(), age: 1, email: String::new(), agee: 3 };
    let n = Foo::new();
    let m = foo::bar();
    let x = missing;
    let y = Missing;
    Bar(1);
}
fn f(x: i32) { x = 5; }
fn g() -> u32 {
    let v = 3;
    v.await
}
// rustc 1.95: E0425@11 E0425@12 E0728@18 E0560@5 E0063@6 E0063@7 E0560@8 E0433@9 E0433@10 E0425@13 E0384@15
