use std::cell::{Cell, RefCell};
use std::rc::Rc;

fn main() {
    let shared = Rc::new(RefCell::new(vec![1]));
    let a = Rc::clone(&shared);
    {
        let b = shared.clone();
        b.borrow_mut().push(2);
        println!("count inside: {}", Rc::strong_count(&shared));
    }
    a.borrow_mut().push(3);
    println!("{:?} count {}", shared.borrow(), Rc::strong_count(&shared));
    println!("{:?}", shared);
    {
        let r1 = shared.borrow();
        let r2 = shared.borrow();
        println!("two readers: {} {}", r1.len(), r2.len());
        println!("try_borrow_mut is_err: {}", shared.try_borrow_mut().is_err());
    }
    let g = shared.borrow_mut();
    println!("{:?}", a);
    if let Err(e) = shared.try_borrow() {
        println!("{e} / {e:?}");
    }
    drop(g);
    {
        let _r = shared.borrow();
        if let Err(e) = shared.try_borrow_mut() {
            println!("{e} / {e:?}");
        }
    }
    let lock = std::sync::RwLock::new(3);
    {
        let _w = lock.write().unwrap();
        println!("{:?}", lock);
    }
    {
        let _r = lock.read().unwrap();
        println!("{:?}", lock);
    }
    let m = std::sync::Mutex::new(1);
    let _held = m.lock().unwrap();
    if let Err(e) = m.try_lock() {
        println!("{e} / {e:?}");
    }
    println!("{:#?}", RefCell::new((1, "x")));

    let c = Cell::new(5);
    c.set(c.get() * 2);
    let old = c.replace(1);
    println!("{} {} {:?}", old, c.get(), c);

    let mut x = String::from("left");
    let mut y = String::from("right");
    std::mem::swap(&mut x, &mut y);
    let was = std::mem::replace(&mut x, String::from("new"));
    let mut v = vec![7, 8];
    let taken = std::mem::take(&mut v);
    println!("{x} {y} {was} {:?} {:?}", v, taken);

    let boxed = Box::new(41);
    println!("{}", *boxed + 1);

    let cell = RefCell::new(1);
    let _first = cell.borrow_mut();
    let _second = cell.borrow_mut();
    println!("not reached");
}
