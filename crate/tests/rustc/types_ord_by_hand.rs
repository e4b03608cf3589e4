use std::cmp::Ordering;

#[derive(Debug, Clone)]
struct Task {
    pri: u32,
    name: String,
}

impl PartialEq for Task {
    fn eq(&self, other: &Self) -> bool {
        self.pri == other.pri
    }
}

impl Eq for Task {}

impl PartialOrd for Task {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Task {
    fn cmp(&self, other: &Self) -> Ordering {
        other.pri.cmp(&self.pri)
    }
}

fn main() {
    let mut v = vec![
        Task { pri: 1, name: "low".into() },
        Task { pri: 9, name: "high".into() },
        Task { pri: 5, name: "mid".into() },
    ];
    v.sort();
    let names: Vec<String> = v.iter().map(|t| t.name.clone()).collect();
    println!("{:?}", names);
    let a = Task { pri: 5, name: "a".into() };
    let b = Task { pri: 5, name: "b".into() };
    assert_eq!(a, b);
    println!("{} {} {}", a == b, a < v[0], v.contains(&Task { pri: 9, name: "x".into() }));
    println!("{:?}", v.iter().max().map(|t| t.name.clone()));
    println!("{:?}", a.cmp(&v[2]));
}
