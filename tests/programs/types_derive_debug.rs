// What `#[derive(Debug)]` prints, `{:?}` and `{:#?}`: unit, tuple and struct shapes, nested.
#[derive(Debug, Clone, Default)]
struct Unit;

#[derive(Debug, Clone)]
struct Id(u32, String);

#[derive(Debug, Clone)]
enum Kind {
    Empty,
    Tuple(i32, f64),
    Named { label: String, tags: Vec<&'static str> },
}

#[derive(Debug, Clone)]
struct Record {
    id: Id,
    kind: Kind,
    parent: Option<Box<Record>>,
    unit: Unit,
    pairs: Vec<(char, bool)>,
}

// Derived `Debug` does not count as reading a field (rustc's dead-code lint): patterns do.
fn size(r: &Record) -> usize {
    let Record {
        id: Id(n, name),
        kind,
        parent,
        unit,
        pairs,
    } = r;
    let k = match kind {
        Kind::Empty => 0,
        Kind::Tuple(a, b) => (*a as f64 + b) as usize,
        Kind::Named { label, tags } => label.len() + tags.len(),
    };
    let _ = unit;
    let up = match parent {
        Some(p) => size(p),
        None => 0,
    };
    *n as usize + name.len() + k + pairs.len() + up
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let leaf = Record {
        id: Id(1, "leaf".into()),
        kind: Kind::Tuple(-4, 0.5),
        parent: None,
        unit: Unit,
        pairs: vec![('a', true)],
    };
    let root = Record {
        id: Id(2, String::from("root")),
        kind: Kind::Named {
            label: "top".to_string(),
            tags: vec!["x", "y"],
        },
        parent: Some(Box::new(leaf.clone())),
        unit: Unit::default(),
        pairs: Vec::new(),
    };
    println!("{:?}", Unit);
    println!("{:?}", Kind::Empty);
    println!("{:?}", leaf);
    println!("{:#?}", leaf.kind);
    println!("{:#?}", root);
    let all = vec![Kind::Empty, Kind::Tuple(1, 2.0)];
    println!("{:?}", all);
    println!("{:#?}", all);
    println!("{:#?}", (Unit, Id(3, "t".into())));
    println!("{} {}", size(&leaf), size(&root));
}
