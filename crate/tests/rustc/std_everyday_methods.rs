// Everyday methods across std's families: Option::iter/replace/get_or_insert_with, Result combinators,
// the entry API, HashSet from a collect, VecDeque extend/retain/drain, String remove/retain/split_off,
// Vec drain/split_off/dedup_by_key/binary_search_by, and more.
use std::collections::{HashMap, HashSet, VecDeque, BTreeMap};
fn main() {
    // Option
    let mut o: Option<i32> = None;
    let g = *o.get_or_insert_with(|| 5);
    println!("{:?} {:?}", g, o);
    let old = o.replace(7);
    println!("{:?} {:?}", old, o);
    println!("{:?} {:?}", o.iter().next(), o.map(|x| x + 1).is_some_and(|x| x > 5));
    let name: Option<String> = Some("ann".into());
    println!("{:?} {}", name.as_deref(), name.as_ref().map(|s| s.len()).unwrap_or(0));
    // Result
    let r: Result<i32, String> = Err("bad".into());
    println!("{:?} {:?} {}", r.clone().ok(), r.clone().err(), r.clone().is_ok_and(|x| x > 1));
    println!("{}", r.clone().unwrap_or_else(|e| e.len() as i32));
    println!("{:?}", r.as_ref().map_err(|e| e.to_uppercase()));
    let ok: Result<i32, String> = Ok(3);
    println!("{:?} {:?}", ok.clone().and_then(|x| if x > 2 { Ok(x * 2) } else { Err("small".to_string()) }), ok.iter().count());
    // HashMap
    let mut m: HashMap<String, Vec<u32>> = HashMap::new();
    m.entry("a".into()).or_default().push(1);
    m.entry("a".into()).and_modify(|v| v.push(2)).or_insert_with(Vec::new);
    m.entry("b".into()).or_insert(vec![9]);
    let mut keys: Vec<_> = m.keys().cloned().collect(); keys.sort();
    println!("{:?} {} {}", keys, m.len(), m.contains_key("b"));
    let total: u32 = m.values().map(|v| v.iter().sum::<u32>()).sum();
    println!("{}", total);
    m.retain(|k, _| k != "b");
    println!("{:?}", m);
    let counts: HashMap<char, usize> = "hello".chars().fold(HashMap::new(), |mut acc, c| { *acc.entry(c).or_insert(0) += 1; acc });
    let mut cv: Vec<_> = counts.into_iter().collect(); cv.sort();
    println!("{:?}", cv);
    let best = cv.iter().max_by_key(|(_, n)| *n).map(|(c, _)| *c);
    println!("{:?}", best);
    let hm: HashMap<&str, i32> = vec![("x", 1), ("y", 2)].into_iter().collect();
    let mut hv: Vec<_> = hm.iter().map(|(k, v)| format!("{}{}", k, v)).collect(); hv.sort();
    println!("{:?} {:?}", hv, hm.get("z").copied().unwrap_or(-1));
    // HashSet
    let mut s: HashSet<i32> = HashSet::new();
    println!("{} {} {}", s.insert(1), s.insert(1), s.contains(&1));
    s.extend([2, 3, 4]);
    s.retain(|x| x % 2 == 0);
    let mut sv: Vec<_> = s.iter().copied().collect(); sv.sort();
    println!("{:?} {}", sv, s.is_subset(&[2, 4, 6].into_iter().collect()));
    let uniq: HashSet<char> = "banana".chars().collect();
    println!("{}", uniq.len());
    // VecDeque
    let mut dq: VecDeque<i32> = VecDeque::from(vec![1, 2, 3]);
    dq.extend([4, 5]);
    dq.retain(|x| *x != 3);
    println!("{:?} {:?} {}", dq, dq.get(1), dq.iter().sum::<i32>());
    let drained: Vec<i32> = dq.drain(..).collect();
    println!("{:?} {}", drained, dq.is_empty());
    // String
    let mut st = String::from("hello world");
    st.insert_str(0, ">> ");
    let removed = st.remove(0);
    st.retain(|c| c != 'o');
    println!("{} {:?}", st, removed);
    let tail = st.split_off(5);
    println!("{:?} {:?}", st, tail);
    st.clear();
    println!("{:?} {}", st, st.is_empty());
    let words = vec!["a".to_string(), "b".to_string()];
    println!("{} {}", words.concat(), words.join("+"));
    // Vec
    let mut v = vec![5, 1, 4, 1, 5, 9, 2, 6];
    let d: Vec<i32> = v.drain(1..3).collect();
    println!("{:?} {:?}", d, v);
    let back = v.split_off(4);
    println!("{:?} {:?}", v, back);
    v.append(&mut vec![7, 7]);
    v.dedup_by_key(|x| *x / 2);
    println!("{:?}", v);
    v.resize(8, 0);
    let sw = v.swap_remove(0);
    println!("{:?} {}", v, sw);
    v.sort_unstable_by_key(|x| -*x);
    println!("{:?} {:?}", v, v.binary_search_by(|p| 5.cmp(p)));
    println!("{:?}", v.chunks(3).map(|c| c.iter().sum::<i32>()).collect::<Vec<_>>());

    println!("{} {}", v.starts_with(&[9]), v.contains(&7));
    let (evens, odds): (Vec<i32>, Vec<i32>) = v.iter().partition(|x| *x % 2 == 0);
    println!("{:?} {:?}", evens, odds);
    let (a, b): (Vec<i32>, Vec<char>) = vec![(1, 'a'), (2, 'b')].into_iter().unzip();
    println!("{:?} {:?}", a, b);
    let fl = [1.5, 0.5, 2.5];
    println!("{:?} {:?}", fl.iter().cloned().fold(f64::NAN, f64::min), fl.iter().max_by(|a, b| a.partial_cmp(b).unwrap()));
    println!("{:.2}", fl.iter().sum::<f64>() / fl.len() as f64);
    println!("{:?}", fl.iter().map(|x| x * 2.0).collect::<Vec<f64>>());
    let bt: BTreeMap<i32, &str> = [(2, "b"), (1, "a")].into_iter().collect();
    println!("{:?} {:?}", bt, bt.first_key_value());
    println!("{:?}", (1..=4).rev().step_by(2).collect::<Vec<_>>());
    println!("{:?}", vec![3, 1, 2].into_iter().rev().collect::<Vec<_>>());
    println!("{}", (1..=5).map(|x| x.to_string()).collect::<Vec<_>>().join(","));
    println!("{:?}", "abc".chars().last());
    println!("{:?}", [1, 2, 3].iter().skip_while(|x| **x < 2).collect::<Vec<_>>());
}
