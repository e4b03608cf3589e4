// Mistake: a struct literal names a field the struct does not have.
#[derive(Debug)]
struct Order {
    id: u32,
    total: u32,
}

#[tokio::main]
async fn main() {
    let order = Order { id: 1, price: 250 };
    println!("{:?}", order);
}
