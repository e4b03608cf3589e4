//! The std library as the interpreter provides it (`interp/std/`), one test per family, under the
//! virtual clock: what each program prints is what rustc's build prints.
#![cfg(feature = "interp")]

use async_playground::interp::run_virtual;

/// The printed lines of `body` run as `fn main`'s body.
fn out(body: &str) -> Vec<String> {
    let src = format!("fn main() {{\n{body}\n}}\n");
    match run_virtual(&src, 7) {
        Ok(t) => t.lines.into_iter().map(|l| l.text).collect(),
        Err(d) => panic!("{}", d.iter().map(|d| d.render(&src)).collect::<String>()),
    }
}

fn check(body: &str, want: &[&str]) {
    assert_eq!(out(body), want, "{body}");
}

#[test]
fn strings() {
    check(
        r#"let s = "  a,b,,c  ";
    let parts: Vec<&str> = s.trim().split(',').collect();
    println!("{:?}", parts);
    println!("{:?} {:?}", s.find('b'), s.rfind("zz"));
    println!("{}", s.trim().replace(",", ";").to_uppercase());
    println!("{:?}", "a b\tc".split_whitespace().collect::<Vec<_>>());
    for (i, c) in "hé".char_indices() { println!("{i} {c}"); }
    let n: i32 = " 42 ".trim().parse().unwrap();
    println!("{}", n + 1);
    println!("{:?}", "x".parse::<i32>());
    println!("{}", "ab".repeat(3));
    println!("{}", &"hello"[1..3]);
    println!("{:?}", "one\ntwo".lines().collect::<Vec<_>>());
    println!("{}", "abc".starts_with("ab"));"#,
        &[
            r#"["a", "b", "", "c"]"#,
            "Some(4) None",
            "A;B;;C",
            r#"["a", "b", "c"]"#,
            "0 h",
            "1 é",
            "43",
            "Err(ParseIntError { kind: InvalidDigit })",
            "ababab",
            "el",
            r#"["one", "two"]"#,
            "true",
        ],
    );
}

#[test]
fn collect_follows_the_type() {
    check(
        r#"let chars: Vec<char> = "abc".chars().collect();
    println!("{:?}", chars);
    let s: String = chars.iter().rev().collect();
    println!("{}", s);
    let t = "xyz".chars().rev().collect::<String>();
    println!("{t}");
    let r: Result<Vec<i32>, _> = "1 2 x".split(' ').map(|p| p.parse::<i32>()).collect();
    println!("{:?}", r.is_err());
    let ok: Result<Vec<i32>, std::num::ParseIntError> = "1 2".split(' ').map(|p| p.parse::<i32>()).collect();
    println!("{:?}", ok);"#,
        &["['a', 'b', 'c']", "cba", "zyx", "true", "Ok([1, 2])"],
    );
}

#[test]
fn vectors() {
    check(
        r#"let mut v = vec![5, 3, 8, 1, 3];
    v.sort();
    v.dedup();
    println!("{:?}", v);
    v.sort_by(|a, b| b.cmp(a));
    println!("{:?}", v);
    v.sort_by_key(|x| (*x as i32 - 4).abs());
    println!("{:?}", v);
    v.retain(|x| *x != 8);
    println!("{:?} {:?} {:?}", v, v.first(), v.last());
    println!("{:?}", v.binary_search(&100));
    let w: Vec<Vec<i32>> = [1, 2, 3].windows(2).map(|w| w.to_vec()).collect();
    println!("{:?}", w);
    println!("{:?}", vec![1, 2, 3, 4, 5].chunks(2).collect::<Vec<_>>());
    let (a, b) = [1, 2, 3].split_at(1);
    println!("{:?} {:?}", a, b);
    println!("{}", vec!["a", "b"].join("-"));
    println!("{:?}", vec![vec![1], vec![2, 3]].concat());
    let mut d = vec![1, 2, 3, 4];
    let drained: Vec<i32> = d.drain(1..3).collect();
    println!("{:?} {:?}", d, drained);
    d.swap(0, 1);
    d.insert(1, 9);
    println!("{:?} {}", d, d.contains(&9));"#,
        &[
            "[1, 3, 5, 8]",
            "[8, 5, 3, 1]",
            "[5, 3, 1, 8]",
            "[5, 3, 1] Some(5) Some(1)",
            "Err(3)",
            "[[1, 2], [2, 3]]",
            "[[1, 2], [3, 4], [5]]",
            "[1] [2, 3]",
            "a-b",
            "[1, 2, 3]",
            "[1, 4] [2, 3]",
            "[4, 9, 1] true",
        ],
    );
}

#[test]
fn lazy_iterators_run_in_rusts_order() {
    check(
        r#"let v = vec![1, 2, 3];
    let r: Vec<i32> = v.iter().map(|x| { println!("map {x}"); x * 2 }).filter(|x| { println!("filter {x}"); *x > 2 }).collect();
    println!("{:?}", r);
    let lazy = v.iter().map(|x| { println!("never {x}"); x });
    drop(lazy);
    println!("{:?}", (1..).take(3).collect::<Vec<i32>>());
    let mut p = [1, 2, 3].iter().peekable();
    println!("{:?}", p.peek());
    println!("{:?} {:?}", p.next(), p.next());
    let z: Vec<(i32, char)> = (1..4).zip("ab".chars()).collect();
    println!("{:?}", z);
    println!("{:?}", (0..10).step_by(3).rev().collect::<Vec<_>>());
    println!("{:?}", (1..10).skip_while(|x| *x < 4).take_while(|x| *x < 7).collect::<Vec<_>>());
    println!("{:?}", vec![vec![1, 2], vec![3]].into_iter().flatten().collect::<Vec<_>>());
    println!("{:?}", (1..4).flat_map(|x| 0..x).collect::<Vec<_>>());
    println!("{:?}", ["1", "x", "3"].iter().filter_map(|s| s.parse::<i32>().ok()).collect::<Vec<_>>());
    println!("{:?}", (1..4).chain(7..9).enumerate().last());"#,
        &[
            "map 1",
            "filter 2",
            "map 2",
            "filter 4",
            "map 3",
            "filter 6",
            "[4, 6]",
            "[1, 2, 3]",
            "Some(1)",
            "Some(1) Some(2)",
            "[(1, 'a'), (2, 'b')]",
            "[9, 6, 3, 0]",
            "[4, 5, 6]",
            "[1, 2, 3]",
            "[0, 0, 1, 0, 1, 2]",
            "[1, 3]",
            "Some((4, 8))",
        ],
    );
}

#[test]
fn consumers() {
    check(
        r#"let v = vec![3, 1, 4, 1, 5];
    println!("{} {} {}", v.iter().sum::<i32>(), v.iter().product::<i32>(), v.iter().count());
    println!("{:?} {:?}", v.iter().max(), v.iter().min_by_key(|x| (**x as i32 - 4).abs()));
    println!("{}", v.iter().fold(0, |a, x| a * 10 + x));
    println!("{} {}", v.iter().any(|x| *x > 4), v.iter().all(|x| *x > 0));
    println!("{:?} {:?}", v.iter().position(|x| *x == 4), v.iter().find(|x| **x > 3));
    let (even, odd): (Vec<i32>, Vec<i32>) = v.iter().partition(|x| *x % 2 == 0);
    println!("{:?} {:?}", even, odd);
    let (a, b): (Vec<i32>, Vec<char>) = vec![(1, 'a'), (2, 'b')].into_iter().unzip();
    println!("{:?} {:?}", a, b);
    println!("{:?}", v.iter().nth(2));
    println!("{:?}", v.iter().max_by(|a, b| a.cmp(b)));
    let total: u8 = [200u8, 55].iter().sum();
    println!("{total}");"#,
        &[
            "14 60 5",
            "Some(5) Some(4)",
            "31415",
            "true true",
            "Some(2) Some(4)",
            "[4] [3, 1, 1, 5]",
            "[1, 2] ['a', 'b']",
            "Some(4)",
            "Some(5)",
            "255",
        ],
    );
}

#[test]
fn numbers() {
    check(
        r#"println!("{} {}", (-7i32).rem_euclid(3), 2i32.pow(10));
    println!("{:?} {:?}", 250u8.checked_add(10), 5u8.checked_sub(6));
    println!("{} {}", 250u8.wrapping_add(10), 250u8.saturating_add(10));
    println!("{} {} {}", i32::MAX, (-5i32).abs(), 7.clamp(1, 5));
    println!("{} {}", 3.min(9), 2.0f64.max(1.5));
    let x = 2.0f64;
    println!("{} {} {}", x.sqrt(), x.powi(3), (2.5f64).round());
    println!("{} {}", f64::NAN.is_nan(), (-1.5f64).floor());"#,
        &[
            "2 1024",
            "None None",
            "4 255",
            "2147483647 5 5",
            "3 2",
            "1.4142135623730951 8 3",
            "true -2",
        ],
    );
}

#[test]
fn options_and_results() {
    check(
        r#"let a: Option<i32> = None;
    let b = Some(2);
    println!("{:?} {:?}", a.or(Some(9)), b.or_else(|| Some(0)));
    println!("{:?} {}", b.and_then(|x| if x > 1 { Some(x * 10) } else { None }), a.map_or(-1, |x| x));
    println!("{:?} {:?}", b.ok_or("none"), a.ok_or("none"));
    println!("{:?} {}", b.filter(|x| *x > 5), b.is_some_and(|x| x == 2));
    println!("{:?}", b.zip(Some('z')));
    let mut c = Some(3);
    let t = c.take();
    println!("{:?} {:?}", c, t);
    let r: Result<i32, String> = Err("bad".to_string());
    println!("{:?} {}", r.clone().ok(), r.clone().unwrap_or_default());
    println!("{:?}", r.map_err(|e| e.len()));"#,
        &[
            "Some(9) Some(2)",
            "Some(20) -1",
            r#"Ok(2) Err("none")"#,
            "None true",
            "Some((2, 'z'))",
            "None Some(3)",
            "None 0",
            "Err(3)",
        ],
    );
}

#[test]
fn char_methods() {
    check(
        r#"let c = 'a';
    println!("{} {} {:?}", c.is_alphabetic(), c.to_ascii_uppercase(), '7'.to_digit(10));
    println!("{}", c.to_uppercase());"#,
        &["true A Some(7)", "A"],
    );
}

#[test]
fn maps_sets_and_deques() {
    let src = r#"use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
fn main() {
    let mut counts = HashMap::new();
    for w in "b a b c b a".split_whitespace() {
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut pairs: Vec<(&str, i32)> = counts.iter().map(|(k, v)| (*k, *v)).collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("{:?}", pairs);
    let mut groups: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for w in ["aa", "b", "cc", "d"] {
        groups.entry(w.len()).or_insert_with(Vec::new).push(w);
    }
    println!("{:?}", groups);
    println!("{:?} {:?} {}", groups.get(&1), groups.get(&9), groups.contains_key(&2));
    if let Some(v) = groups.get_mut(&1) {
        v.push("e");
    }
    groups.entry(2).and_modify(|v| v.clear()).or_default();
    println!("{:?} {}", groups, groups.len());
    let mut m: HashMap<String, i32> = HashMap::new();
    m.insert("x".to_string(), 1);
    println!("{:?} {:?}", m.insert("x".to_string(), 2), m.remove("x"));
    let s: HashSet<i32> = [3, 1, 3, 2].into_iter().collect();
    println!("{} {}", s.len(), s.contains(&3));
    let mut seen = HashSet::new();
    println!("{} {}", seen.insert(5), seen.insert(5));
    let mut q = VecDeque::new();
    q.push_back(1);
    q.push_back(2);
    q.push_front(0);
    println!("{:?} {:?} {:?}", q.pop_front(), q.back(), q);
    let b: BTreeMap<i32, char> = vec![(2, 'b'), (1, 'a')].into_iter().collect();
    for (k, v) in &b {
        println!("{k}={v}");
    }
}
"#;
    let t = run_virtual(src, 7).unwrap_or_else(|d| panic!("{}", d[0].render(src)));
    let got: Vec<String> = t.lines.into_iter().map(|l| l.text).collect();
    assert_eq!(
        got,
        [
            r#"[("b", 3), ("a", 2), ("c", 1)]"#,
            r#"{1: ["b", "d"], 2: ["aa", "cc"]}"#,
            r#"Some(["b", "d"]) None true"#,
            r#"{1: ["b", "d", "e"], 2: []} 2"#,
            "Some(1) Some(2)",
            "3 true",
            "true false",
            "Some(0) Some(2) [1, 2]",
            "1=a",
            "2=b",
        ]
    );
}

#[test]
fn arithmetic_overflows_by_the_declared_type() {
    let got = out("let x: u8 = 255;\n    println!(\"{}\", x.wrapping_add(1));\n    let y = x + 1;\n    println!(\"{y}\");");
    assert_eq!(got[0], "0");
    assert!(
        got.iter().any(|l| l == "attempt to add with overflow"),
        "{got:?}"
    );
}

#[test]
fn collections_print_as_rust_does() {
    check(
        r#"let mut m = std::collections::BTreeMap::new();
    m.insert("b", vec![2]);
    m.insert("a", vec![1]);
    println!("{:?}", m);
    println!("{:#?}", m);
    let s: std::collections::BTreeSet<char> = "hello".chars().collect();
    println!("{:?}", s);"#,
        &[
            r#"{"a": [1], "b": [2]}"#,
            "{",
            r#"    "a": ["#,
            "        1,",
            "    ],",
            r#"    "b": ["#,
            "        2,",
            "    ],",
            "}",
            "{'e', 'h', 'l', 'o'}",
        ],
    );
}

#[test]
fn defaults_follow_the_type() {
    check(
        r#"let a: Option<String> = None;
    let s: String = a.unwrap_or_default();
    let v: Vec<i32> = None.unwrap_or_default();
    let n: u8 = "x".parse().unwrap_or_default();
    println!("{:?} {:?} {}", s, v, n);"#,
        &[r#""" [] 0"#],
    );
}

#[test]
fn map_values_change_through_references() {
    check(
        r#"let mut m = std::collections::BTreeMap::new();
    m.insert("a", 1);
    m.insert("b", 2);
    for (_, v) in &mut m {
        *v *= 10;
    }
    for v in m.values_mut() {
        *v += 1;
    }
    let mut pairs: Vec<(&str, i32)> = m.into_iter().collect();
    pairs.sort_by(|x, y| y.1.cmp(&x.1));
    println!("{:?}", pairs);"#,
        &[r#"[("b", 21), ("a", 11)]"#],
    );
}

#[test]
fn or_default_without_a_written_type() {
    check(
        r#"let mut groups = std::collections::BTreeMap::new();
    for w in ["ant", "bee", "asp"] {
        groups.entry(w.chars().next().unwrap()).or_default().push(w);
    }
    let mut counts = std::collections::BTreeMap::new();
    for c in "abca".chars() {
        *counts.entry(c).or_default() += 1;
    }
    println!("{:?} {:?}", groups, counts);"#,
        &[r#"{'a': ["ant", "asp"], 'b': ["bee"]} {'a': 2, 'b': 1, 'c': 1}"#],
    );
}
