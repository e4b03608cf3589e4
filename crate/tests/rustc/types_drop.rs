struct Noisy {
    name: String,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

#[derive(Clone)]
struct Token(u32);

impl Drop for Token {
    fn drop(&mut self) {
        println!("token {} released", self.0);
    }
}

struct Holder {
    a: Noisy,
    b: Noisy,
}

fn make(n: &str) -> Noisy {
    Noisy { name: n.to_string() }
}

fn main() {
    let _x = make("x");
    {
        let _y = make("inner");
        println!("in scope");
    }
    let z = make("z");
    drop(z);
    println!("after drop");
    let t = Token(1);
    let t2 = t.clone();
    println!("cloned {}", t2.0);
    let h = Holder { a: make("ha"), b: make("hb") };
    println!("holder {} {}", h.a.name, h.b.name);
    let v = vec![make("v1"), make("v2")];
    println!("vec {}", v.len());
    let mut r = make("r1");
    println!("first {}", r.name);
    r = make("r2");
    println!("reassigned {}", r.name);
    println!("end");
}
