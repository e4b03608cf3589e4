#[derive(Debug)]
enum State {
    Running(u32),
    Stopped,
}

#[derive(Debug)]
struct Machine {
    state: State,
    log: Vec<String>,
}

impl Machine {
    fn tick(&mut self) {
        match &mut self.state {
            State::Running(n) => {
                *n += 1;
                if *n >= 3 {
                    self.log.push(format!("stop at {}", n));
                    self.state = State::Stopped;
                }
            }
            State::Stopped => self.log.push("idle".into()),
        }
    }
    fn reset(&mut self) -> &mut Self {
        self.state = State::Running(0);
        self
    }
}

struct Stack<T> {
    items: Vec<T>,
}

impl<T: std::fmt::Debug> Stack<T> {
    fn new() -> Self {
        Stack { items: Vec::new() }
    }
    fn push(&mut self, x: T) {
        self.items.push(x);
    }
    fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }
    fn peek(&self) -> Option<&T> {
        self.items.last()
    }
    fn len(&self) -> usize {
        self.items.len()
    }
    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

fn bump(m: &mut Machine) {
    m.tick();
}

fn main() {
    let mut m = Machine { state: State::Running(1), log: vec![] };
    m.tick();
    bump(&mut m);
    m.tick();
    println!("{:?}", m);
    m.reset().tick();
    println!("{:?} {}", m.state, m.log.len());
    let mut s = Stack::new();
    s.push(1);
    s.push(2);
    println!("{:?} {}", s.peek(), s.len());
    println!("{:?}", s.pop());
    println!("{:?} {}", s.pop(), s.is_empty());
    let mut points = vec![(1, 2), (3, 4)];
    for p in points.iter_mut() {
        p.0 += 10;
    }
    println!("{:?}", points);
    let mut ms = vec![Machine { state: State::Stopped, log: vec![] }];
    for mm in &mut ms {
        mm.tick();
    }
    ms[0].tick();
    println!("{:?}", ms[0].log);
    let first = &mut ms[0];
    first.log.clear();
    println!("{}", ms[0].log.len());
}
