//! Scale benchmarks for `npm run bench`, built only with `--features bench`: the same work as the
//! plain-JavaScript versions in bench/bench.js, untraced, so the comparison is the runtime itself.

use futures::future::{join_all, ready};
use gloo_timers::future::TimeoutFuture;
use js_sys::Promise;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, spawn_local};

/// `n` concurrent sleeps of `ms`, joined with `join_all` (vs `Promise.all` of `setTimeout`s).
#[wasm_bindgen]
pub fn bench_sleeps_joined(n: u32, ms: u32) -> Promise {
    future_to_promise(async move {
        join_all((0..n).map(|_| TimeoutFuture::new(ms))).await;
        Ok(JsValue::UNDEFINED)
    })
}

/// `n` sleeps of `ms`, each spawned as its own task; resolves when the last one finishes.
#[wasm_bindgen]
pub fn bench_sleeps_spawned(n: u32, ms: u32) -> Promise {
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    let left = Rc::new(Cell::new(n));
    let tx = Rc::new(Cell::new(Some(tx)));
    for _ in 0..n {
        let (left, tx) = (left.clone(), tx.clone());
        spawn_local(async move {
            TimeoutFuture::new(ms).await;
            left.set(left.get() - 1);
            if left.get() == 0 {
                if let Some(tx) = tx.take() {
                    let _ = tx.send(());
                }
            }
        });
    }
    future_to_promise(async move {
        let _ = rx.await;
        Ok(JsValue::UNDEFINED)
    })
}

/// `n` futures that are ready at once, joined (vs `Promise.all` of resolved promises).
#[wasm_bindgen]
pub fn bench_ready_joined(n: u32) -> Promise {
    future_to_promise(async move {
        let values = join_all((0..n).map(ready)).await;
        Ok(JsValue::from(values.len() as u32))
    })
}
