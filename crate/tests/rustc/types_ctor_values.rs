#[derive(Debug)]
struct Id(u32);

#[derive(Debug)]
enum Msg {
    Num(i64),
    Pair(i64, char),
}

fn main() {
    let ids: Vec<Id> = vec![1, 2, 3].into_iter().map(Id).collect();
    println!("{:?}", ids);
    let msgs: Vec<Msg> = vec![4, 5].into_iter().map(Msg::Num).collect();
    println!("{:?}", msgs);
    let mk = Msg::Pair;
    println!("{:?}", mk(7, 'x'));
    let total: u32 = ids.iter().map(|i| i.0).sum();
    println!("{total}");
}
