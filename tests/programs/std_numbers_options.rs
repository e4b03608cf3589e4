// Integers overflow by their type (the last line panics as a debug build does); floats; Option and Result combinators; `?` on Option.
fn first_even(v: &[i32]) -> Option<i32> {
    let x = v.iter().find(|x| *x % 2 == 0)?;
    Some(x * 100)
}

#[tokio::main]
async fn main() {
    println!("{} {} {}", (-7i32).rem_euclid(3), 3i64.pow(4), i32::MAX);
    println!("{:?} {:?}", 200u8.checked_add(100), 200u8.checked_mul(1));
    println!("{} {}", 200u8.wrapping_add(100), 200u8.saturating_add(100));
    println!("{} {}", 17.clamp(0, 10), (-3i32).abs().max(2));
    let x = 2.0_f64;
    println!("{:.3} {} {} {}", x.sqrt(), x.powi(10), (7.5f64).floor(), f64::NAN.is_nan());
    println!("{}", f64::INFINITY > 1e308);
    println!("{:?} {:?}", first_even(&[1, 3, 4]), first_even(&[1]));
    let a: Option<i32> = None;
    println!("{:?} {:?}", a.or(Some(1)), a.map_or(0, |v| v * 2));
    println!("{:?}", Some(3).and_then(|v| if v > 2 { Some(v) } else { None }).filter(|v| *v != 3));
    let r: Result<u32, String> = "42".parse::<u32>().map_err(|e| e.to_string());
    println!("{:?} {:?}", r, "x".parse::<u32>().map_err(|e| e.to_string()));
    println!("{:?}", r.as_ref().ok());
    let bytes: u8 = [100u8, 100, 55].iter().sum();
    println!("{bytes}");
    let big: u8 = 250;
    let more = big + [3u8, 3].iter().sum::<u8>();
    println!("unreachable {more}");
}
