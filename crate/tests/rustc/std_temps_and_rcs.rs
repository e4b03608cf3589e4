// A part of a temporary is a place (`cell.borrow_mut().field = x`, `m.lock().unwrap().v.push(x)`),
// an `Rc` given to a std method stays an `Rc`, and `scan`, `cycle`, `try_fold`, `as_bytes`.
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Mutex;

#[derive(Debug)]
struct Node {
    val: i32,
    children: Vec<Rc<RefCell<Node>>>,
}

fn sum(n: &Rc<RefCell<Node>>) -> i32 {
    let node = n.borrow();
    node.val + node.children.iter().map(sum).sum::<i32>()
}

fn main() {
    let root = Rc::new(RefCell::new(Node { val: 1, children: vec![] }));
    let leaf = Rc::new(RefCell::new(Node { val: 2, children: vec![] }));
    root.borrow_mut().children.push(Rc::clone(&leaf));
    root.borrow_mut().children.push(leaf.clone());
    println!("sum = {}, leaf count = {}", sum(&root), Rc::strong_count(&leaf));
    leaf.borrow_mut().val = 20;
    leaf.borrow_mut().val += 1;
    println!("sum = {}", sum(&root));
    let m = Mutex::new(vec![1, 2]);
    m.lock().unwrap().push(3);
    m.lock().unwrap()[0] = 10;
    println!("{:?}", m.lock().unwrap());
    let mut shared = Vec::new();
    let a = Rc::new(String::from("a"));
    shared.push(a.clone());
    shared.push(Rc::clone(&a));
    println!("{} {:?}", Rc::strong_count(&a), shared);
    let v = vec![5, 3, 8, 1];
    let running: Vec<i32> = v
        .iter()
        .scan(0, |acc, &x| {
            *acc += x;
            Some(*acc)
        })
        .collect();
    println!("{:?}", running);
    let until: Vec<i32> = v
        .iter()
        .scan(1, |p, &x| {
            *p *= x;
            if *p > 20 {
                None
            } else {
                Some(*p)
            }
        })
        .collect();
    println!("{:?}", until);
    let cyc: Vec<char> = "ab".chars().cycle().take(5).collect();
    println!("{:?}", cyc);
    let turns: Vec<&str> = ["x", "o"].iter().cycle().take(3).cloned().collect();
    println!("{:?}", turns);
    println!("{:?}", (1..=3).cycle().skip(2).take(4).collect::<Vec<_>>());
    let p = v.iter().try_fold(1u8, |acc, &x| acc.checked_mul(x as u8));
    let q = (1..=6u8).try_fold(1u8, |acc, x| acc.checked_mul(x));
    println!("{:?} {:?}", p, q);
    let bytes = "hey".as_bytes().to_vec();
    println!("{:?} {} {}", bytes, "hey".as_bytes()[1], "hey".as_bytes().len());
}
