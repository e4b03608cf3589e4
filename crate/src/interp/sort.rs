//! One stable sort for the whole interpreter.
//!
//! Each `sort_by` on its own element type and closure is a copy of std's sort in the wasm (about
//! 2.5 KB each; the interpreter had a dozen). Here std's sort runs on indices only, with the
//! comparison behind a `dyn`, so it is compiled once; what each caller adds is the small
//! permutation below. The order is the one `slice::sort_by` gives: stable, so equal items keep
//! their order.

use std::cmp::Ordering;

/// The stable order of `0..n` under `cmp`: the index of the first item, then of the second, ….
fn stable_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// `v.sort_by(cmp)`: stable.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = stable_order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    // Each index is in `order` once, so every item is taken once.
    v.extend(order.into_iter().filter_map(|i| old[i].take()));
}

/// `v.sort_by_key(key)`: stable.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_std_does() {
        let items: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2, 1]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        let mut ours = items.clone();
        sort_by_key(&mut ours, |x| x.0);
        let mut std = items;
        std.sort_by_key(|x| x.0);
        assert_eq!(ours, std);
        let mut one = vec![5];
        sort_by(&mut one, |a: &i32, b| a.cmp(b));
        assert_eq!(one, [5]);
    }
}
