use std::fmt::Debug;

struct Stack<U> {
    items: Vec<U>,
}

impl<U: Clone> Stack<U> {
    fn show(&self, top: U) {
        println!("top: {:?}", top);
        for item in self.items.iter() {
            let _ = item.clone();
        }
    }
}

fn log_all<T>(items: &[T]) {
    for item in items {
        println!("item: {item}");
    }
}

fn both<T: Copy + Send + 'static, D: Debug>(a: T, d: D) {
    println!("{:?} {:?}", d, a);
}

fn main() {
    Stack { items: vec![1] }.show(2);
    log_all(&[1, 2]);
    both(1, 2);
}
// rustc 1.95: E0277@9 E0277@18 E0277@23
