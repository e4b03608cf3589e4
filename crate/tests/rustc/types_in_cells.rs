use std::cell::RefCell;
use std::rc::Rc;

#[derive(Debug)]
struct Counter {
    n: u32,
}

impl Counter {
    fn bump(&mut self) -> u32 {
        self.n += 1;
        self.n
    }
    fn get(&self) -> u32 {
        self.n
    }
}

fn main() {
    let shared = Rc::new(RefCell::new(Counter { n: 0 }));
    let other = Rc::clone(&shared);
    shared.borrow_mut().bump();
    other.borrow_mut().bump();
    println!("{} {:?}", shared.borrow().get(), other.borrow());
    let boxed: Box<Counter> = Box::new(Counter { n: 5 });
    println!("{}", boxed.get());
    let mut list = vec![Counter { n: 1 }, Counter { n: 2 }];
    list[1].bump();
    for c in list.iter_mut() {
        c.bump();
    }
    println!("{:?}", list);
}
