// Everyday numbers: median/mode, NaN filtering, f64 folds and formatting, rem_euclid, digits, from_str_radix,
// a labelled continue, scan over a tuple state, bit counts; an unannotated parse of "0.5" pushed into a Vec<f64>.
fn median(v: &mut Vec<f64>) -> Option<f64> {
    if v.is_empty() { return None; }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let m = v.len() / 2;
    Some(if v.len() % 2 == 0 { (v[m - 1] + v[m]) / 2.0 } else { v[m] })
}
fn mode(v: &[i32]) -> Option<i32> {
    let mut sorted = v.to_vec();
    sorted.sort();
    let mut best = None; let mut best_n = 0; let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j] == sorted[i] { j += 1; }
        if j - i > best_n { best_n = j - i; best = Some(sorted[i]); }
        i = j;
    }
    best
}
fn numbers() {
    let mut v = vec![3.5, 1.0, 2.25, 8.0];
    println!("{:?} {:?}", median(&mut v), median(&mut vec![]));
    println!("{:?}", mode(&[1, 3, 3, 2, 1, 3]));
    let temps = [22.5f64, -3.25, 15.0, f64::NAN];
    let valid: Vec<f64> = temps.iter().copied().filter(|t| !t.is_nan()).collect();
    let avg = valid.iter().sum::<f64>() / valid.len() as f64;
    println!("avg {:.1} max {} min {}", avg, valid.iter().cloned().fold(f64::NEG_INFINITY, f64::max), valid.iter().cloned().fold(f64::INFINITY, f64::min));
    for t in valid.iter() { println!("{:>7.2}C = {:>7.2}F", t, t * 9.0 / 5.0 + 32.0); }
    let x: i32 = -7;
    println!("{} {} {} {}", x % 3, x.rem_euclid(3), x / 2, (x as f64 / 2.0).floor());
    let n = 1234567u64;
    let digits: Vec<u32> = n.to_string().chars().map(|c| c.to_digit(10).unwrap()).collect();
    println!("{:?} {}", digits, digits.iter().sum::<u32>());
    let bin = format!("{:b}", 37);
    println!("{} {} {:?}", bin, bin.len(), u8::from_str_radix(&bin, 2));
    println!("{}", i64::pow(3, 4) + 2_i64.pow(3));
    let mut primes = vec![];
    'outer: for i in 2..30 { for p in &primes { if i % p == 0 { continue 'outer; } } primes.push(i); }
    println!("{:?}", primes);
    let fib: Vec<u64> = (0..10).scan((0u64, 1u64), |s, _| { let r = s.0; *s = (s.1, s.0 + s.1); Some(r) }).collect();
    println!("{:?}", fib);
    println!("{}", (1..=20u64).product::<u64>());
    println!("{:?}", 255u8.checked_mul(2).or(Some(0)));
    println!("{:e}", 1.0e-10f64);
    println!("{}", 1e15f64 + 0.3);
    println!("{} {}", f64::MAX, f64::MIN_POSITIVE);
    println!("{} {} {}", 0.1 + 0.7, 100.0f64 / 3.0, 2.0f64.powf(0.5));
    println!("{:?} {:?}", 1.0f64, 0.000001f64);
    println!("{} {}", 1.0e7f64, 1.0e-7f64);
    println!("{} {}", (2.5f64).round(), (-2.5f64).round());
    println!("{}", 7u32.pow(2).trailing_zeros());
}
fn main() {
    numbers();
    let mut v: Vec<f64> = Vec::new();
    for p in "0.5 1.25".split(' ') {
        v.push(p.parse().unwrap());
    }
    println!("{:?}", v);
    println!("{:?} {:?} {:?}", 8u8.leading_zeros(), 96u32.trailing_zeros(), (-1i16).count_zeros());
}
