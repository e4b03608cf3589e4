use std::sync::{Arc, Mutex};
use std::thread;

#[derive(Debug, Clone, PartialEq)]
enum State { Idle, Busy(u32) }

struct Machine { state: State, log: Vec<String> }
impl Machine {
    fn step(&mut self) -> &State {
        self.state = match self.state {
            State::Idle => State::Busy(1),
            State::Busy(n) if n < 3 => State::Busy(n + 1),
            State::Busy(_) => State::Idle,
        };
        self.log.push(format!("{:?}", self.state));
        &self.state
    }
}

fn parse_all(items: &[&str]) -> Result<Vec<i32>, std::num::ParseIntError> {
    let mut out = Vec::new();
    for s in items {
        let n = s.parse::<i32>()?;
        out.push(n);
    }
    Ok(out)
}

fn main() {
    let mut m = Machine { state: State::Idle, log: vec![] };
    for _ in 0..4 { m.step(); }
    println!("{:?}", m.log);
    let counter = Arc::new(Mutex::new(0));
    let mut handles = vec![];
    for _ in 0..4 {
        let c = Arc::clone(&counter);
        handles.push(thread::spawn(move || {
            let mut g = c.lock().unwrap();
            *g += 1;
        }));
    }
    for h in handles { h.join().unwrap(); }
    println!("{}", *counter.lock().unwrap());
    println!("{:?}", parse_all(&["1", "2"]));
    let mut s = String::new();
    {
        let r = &mut s;
        r.push('x');
    }
    s.push('y');
    let words = vec!["a".to_string(), "b".to_string()];
    let lens: Vec<usize> = words.iter().map(|w| w.len()).collect();
    let first = words.into_iter().next();
    println!("{:?} {:?} {s}", lens, first);
    let mut cache: Option<String> = None;
    let val = cache.get_or_insert_with(|| String::from("c"));
    val.push('!');
    println!("{:?}", cache);
    let x = 5;
    let x = x * 2;
    let y;
    match x { 10 => y = "ten", _ => y = "other" }
    println!("{x} {y}");
    let mut it = vec![1, 2].into_iter();
    while let Some(v) = it.next() { println!("{v}"); }
    let nested = vec![vec![1], vec![2, 3]];
    let flat: Vec<i32> = nested.into_iter().flatten().collect();
    println!("{:?}", flat);
    let state = State::Busy(2);
    if state == State::Busy(2) { println!("busy"); }
    let s2 = state.clone();
    drop(state);
    println!("{:?}", s2);
}
