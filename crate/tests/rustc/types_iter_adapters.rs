// Your own `impl Iterator` where std expects an iterator: the Rust Book's Counter, as an argument
// of `zip`, and with adapters the evaluator has no eager shortcut for (`take_while`, `step_by`).
struct Counter {
    count: u32,
}

impl Counter {
    fn new() -> Counter {
        Counter { count: 0 }
    }
}

impl Iterator for Counter {
    type Item = u32;

    fn next(&mut self) -> Option<Self::Item> {
        if self.count < 5 {
            self.count += 1;
            println!("next -> {}", self.count);
            Some(self.count)
        } else {
            None
        }
    }
}

fn main() {
    let sum: u32 = Counter::new()
        .zip(Counter::new().skip(1))
        .map(|(a, b)| a * b)
        .filter(|x| x % 3 == 0)
        .sum();
    println!("sum {}", sum);
    let small: Vec<u32> = Counter::new().take_while(|&x| x < 3).collect();
    println!("{:?}", small);
    let odd: Vec<u32> = Counter::new().step_by(2).collect();
    println!("{:?}", odd);
    let pairs: Vec<(u32, u32)> = (10..13).zip(Counter::new()).collect();
    println!("{:?}", pairs);
}
