trait Animal {
    fn new(name: &str) -> Self;
    fn name(&self) -> String;
    fn kind() -> String;
    const LEGS: u32;
}

#[derive(Debug, Default)]
struct Dog {
    name: String,
}

#[derive(Debug, Default)]
struct Bird {
    name: String,
}

impl Animal for Dog {
    fn new(name: &str) -> Self {
        Dog { name: name.to_string() }
    }
    fn name(&self) -> String {
        self.name.clone()
    }
    fn kind() -> String {
        "dog".into()
    }
    const LEGS: u32 = 4;
}

impl Animal for Bird {
    fn new(name: &str) -> Self {
        Bird { name: name.to_string() }
    }
    fn name(&self) -> String {
        self.name.clone()
    }
    fn kind() -> String {
        "bird".into()
    }
    const LEGS: u32 = 2;
}

fn make<T: Animal>(name: &str) -> T {
    T::new(name)
}

fn describe<T: Animal>(a: &T) -> String {
    format!("{} the {} has {} legs", a.name(), T::kind(), T::LEGS)
}

fn fresh<T: Default + std::fmt::Debug>() -> T {
    T::default()
}

fn pair<T: Default, U: Animal>(n: &str) -> (T, U) {
    (T::default(), U::new(n))
}

fn main() {
    let d: Dog = make("Rex");
    let b = make::<Bird>("Tweety");
    println!("{}", describe(&d));
    println!("{}", describe(&b));
    let x: Dog = fresh();
    let n = fresh::<i32>();
    let s = fresh::<String>();
    let v: Vec<u8> = fresh::<Vec<u8>>();
    println!("{:?} {} {:?} {:?}", x, n, s, v);
    let (a, c): (u64, Bird) = pair::<u64, Bird>("Polly");
    println!("{} {}", a, c.name());
}
