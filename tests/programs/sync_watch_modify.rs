use tokio::sync::watch;

#[tokio::main]
async fn main() {
    let (tx, mut rx) = watch::channel(vec![1, 2]);
    tx.send_modify(|v| v.push(3));
    println!("changed: {:?}", rx.has_changed());
    println!("value: {:?}", *rx.borrow_and_update());

    let changed = tx.send_if_modified(|v| {
        if v.len() > 5 {
            v.clear();
            true
        } else {
            false
        }
    });
    println!("send_if_modified: {changed}, rx changed: {:?}", rx.has_changed());

    let changed = tx.send_if_modified(|v| {
        v.push(4);
        true
    });
    println!("send_if_modified: {changed}, rx changed: {:?}", rx.has_changed());
    rx.changed().await.unwrap();
    println!("value: {:?}", *rx.borrow());
    println!("sender sees: {:?}", *tx.borrow());
}
