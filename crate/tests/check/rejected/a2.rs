fn main() {
    let s = String::from("x");
    let t = std::thread::spawn(move || println!("{}", s));
    println!("{}", s.len());
    t.join().unwrap();
    let h = std::thread::spawn(|| 1);
    let a = h.join();
    let b = h.join();
    let mut s2 = String::new();
    loop {
        println!("{}", s2);
        drop(s2);
    }
}
// rustc 1.95: E0382@4 E0382@8 E0382@11
