use std::thread;
use std::sync::mpsc;

#[derive(Clone, Copy, Debug)]
struct P { x: i32, y: i32 }

fn take(p: P) -> i32 { p.x + p.y }

fn main() {
    let p = P { x: 1, y: 2 };
    let a = take(p);
    let b = take(p);
    println!("{a} {b} {:?}", p);
    let (tx, rx) = mpsc::channel();
    let h = thread::spawn(move || {
        tx.send(5).unwrap();
    });
    println!("{}", rx.recv().unwrap());
    h.join().unwrap();
    let s = String::from("x");
    let t = s;
    let s = String::from("y");
    println!("{s} {t}");
    let mut v = vec![3, 1, 2];
    v.sort();
    let total: i32 = v.iter().sum();
    println!("{total}");
    let mut acc = String::new();
    for i in 0..3 {
        let piece = format!("{i}");
        acc = acc + &piece;
    }
    println!("{acc}");
    let mut buf = String::new();
    loop {
        buf.push('a');
        if buf.len() > 3 { break; }
    }
    let moved;
    loop {
        let z = String::from("z");
        moved = z;
        break;
    }
    println!("{moved} {buf}");
    let nums = [1, 2, 3];
    let doubled: Vec<i32> = nums.iter().map(|n| n * 2).collect();
    println!("{:?}", doubled);
    thread::scope(|sc| {
        sc.spawn(|| println!("{:?}", nums));
    });
    let mut items = vec![String::from("q")];
    while let Some(it) = items.pop() {
        println!("{it}");
    }
    let val = String::from("w");
    let c = move || println!("{val}");
    c();
    c();
    let label = "static";
    let h2 = thread::spawn(move || println!("{label}"));
    h2.join().unwrap();
}
