//! The interpreter's memory model (interp/mem.rs, eval/smart.rs) under the virtual clock: references
//! to places through calls, `async fn`s, closures and `async` blocks; moves; drops where Rust drops;
//! `Box`, `Rc`/`Arc`, `Cell`/`RefCell`, `std::sync::{Mutex, RwLock}` and `std::mem`.
#![cfg(feature = "interp")]

use async_playground::interp::{run_virtual, Stream, Transcript};

fn run(src: &str) -> Transcript {
    match run_virtual(src, 7) {
        Ok(t) => t,
        Err(d) => panic!("{}", d.iter().map(|d| d.render(src)).collect::<String>()),
    }
}

/// The printed lines (stderr ones prefixed with "E ").
fn text(src: &str) -> Vec<String> {
    run(src)
        .lines
        .into_iter()
        .map(|l| {
            let e = if l.stream == Stream::Stderr { "E " } else { "" };
            format!("{e}{}", l.text)
        })
        .collect()
}

fn main_body(body: &str) -> String {
    format!("fn main() {{\n{body}\n}}\n")
}

fn tokio_body(body: &str) -> String {
    format!(
        "use std::sync::{{Arc, Mutex}};\nuse std::time::Duration;\n\n#[tokio::main]\nasync fn main() {{\n{body}\n}}\n"
    )
}

#[test]
fn mut_ref_through_a_fn_changes_the_callers_vec() {
    let src = "fn add(v: &mut Vec<i32>, x: i32) { v.push(x); v.push(x * 2); }\n\
               fn total(v: &Vec<i32>) -> i32 { let mut s = 0; for x in v { s += *x; } s }\n\
               fn main() { let mut v = vec![1]; add(&mut v, 5); println!(\"{:?} {}\", v, total(&v)); }";
    assert_eq!(text(src), ["[1, 5, 10] 16"]);
}

#[test]
fn mut_ref_through_an_async_fn_survives_await() {
    let src = "use std::time::Duration;\n\
               async fn bump(n: &mut i32) { *n += 1; tokio::time::sleep(Duration::from_millis(5)).await; *n += 10; }\n\
               #[tokio::main] async fn main() { let mut n = 1; bump(&mut n).await; bump(&mut n).await; println!(\"{n}\"); }";
    assert_eq!(text(src), ["23"]);
}

#[test]
fn references_to_elements_fields_and_through_for() {
    let src = main_body(
        "let mut v = vec![1, 2, 3];\n\
         for x in &mut v { *x *= 10; }\n\
         for x in v.iter_mut() { *x += 1; }\n\
         let r = &mut v[1];\n*r = 99;\n\
         let mut t = (1, String::from(\"a\"));\n\
         let s = &mut t.1;\n s.push_str(\"bc\");\n\
         let first = &v[0];\n\
         println!(\"{:?} {:?} {} {}\", v, t, first, *first == 11);",
    );
    assert_eq!(text(&src), ["[11, 99, 31] (1, \"abc\") 11 true"]);
}

#[test]
fn closures_capture_by_reference_and_move_by_value() {
    let src = main_body(
        "let mut count = 0;\n\
         let mut inc = || count += 1;\n\
         inc();\ninc();\n\
         println!(\"{count}\");\n\
         let mut log = Vec::new();\n\
         let mut push = |x: i32| log.push(x);\n\
         push(1);\npush(2);\n\
         println!(\"{:?}\", log);\n\
         let mut n = 5;\n\
         let mut own = move || { n += 1; n };\n\
         println!(\"{} {} {}\", own(), own(), n);",
    );
    assert_eq!(text(&src), ["2", "[1, 2]", "6 7 5"]);
}

#[test]
fn non_move_async_block_borrows() {
    let src = tokio_body(
        "let mut hits = Vec::new();\n\
         let fut = async { hits.push(1); tokio::time::sleep(Duration::from_millis(1)).await; hits.push(2); };\n\
         fut.await;\n\
         println!(\"{:?}\", hits);",
    );
    assert_eq!(text(&src), ["[1, 2]"]);
}

#[test]
fn arc_clone_shares_one_allocation() {
    let src = tokio_body(
        "let a = Arc::new(5);\n\
         let b = Arc::clone(&a);\n\
         let c = a.clone();\n\
         println!(\"{} {} {:?} {}\", a, Arc::strong_count(&a), b, Arc::ptr_eq(&a, &c));\n\
         drop(c);\n\
         println!(\"{}\", Arc::strong_count(&b));\n\
         println!(\"{}\", *a + 1);",
    );
    assert_eq!(text(&src), ["5 3 5 true", "2", "6"]);
}

#[test]
fn rc_strong_count_follows_moves_and_scopes() {
    let src = "use std::rc::Rc;\nfn main() {\n\
               let a = Rc::new(String::from(\"hi\"));\n\
               { let b = Rc::clone(&a); println!(\"{} {}\", b.len(), Rc::strong_count(&a)); }\n\
               let v = vec![a.clone(), a.clone()];\n\
               println!(\"{}\", Rc::strong_count(&a));\n\
               let w = v;\n\
               drop(w);\n\
               println!(\"{} {}\", Rc::strong_count(&a), a);\n}";
    assert_eq!(text(src), ["2 2", "3", "1 hi"]);
}

#[test]
fn arc_mutex_shared_by_spawned_tasks() {
    let src = tokio_body(
        "let counter = Arc::new(Mutex::new(0));\n\
         let mut handles = vec![];\n\
         for i in 0..5 {\n\
             let counter = Arc::clone(&counter);\n\
             handles.push(tokio::spawn(async move {\n\
                 tokio::time::sleep(Duration::from_millis(10 * i)).await;\n\
                 let mut n = counter.lock().unwrap();\n\
                 *n += 1;\n\
             }));\n\
         }\n\
         for h in handles { h.await.unwrap(); }\n\
         println!(\"{}\", *counter.lock().unwrap());\n\
         println!(\"{:?}\", counter);\n\
         let g = counter.lock().unwrap();\n\
         println!(\"{:?} {}\", counter, g);\n\
         drop(g);\n\
         println!(\"{:?}\", counter.try_lock().is_ok());",
    );
    assert_eq!(
        text(&src),
        [
            "5",
            "Mutex { data: 5, poisoned: false, .. }",
            "Mutex { data: \"<locked>\", poisoned: false, .. } 5",
            "true"
        ]
    );
}

#[test]
fn guard_unlocks_at_end_of_statement_and_scope() {
    let src = main_body(
        "let m = std::sync::Mutex::new(vec![1]);\n\
         m.lock().unwrap().push(2);\n\
         *m.lock().unwrap() = vec![7];\n\
         { let mut g = m.lock().unwrap(); g.push(8); }\n\
         println!(\"{:?}\", m.try_lock().is_ok());\n\
         let v = m.into_inner().unwrap();\n\
         println!(\"{:?}\", v);",
    );
    assert_eq!(text(&src), ["true", "[7, 8]"]);
}

#[test]
fn refcell_borrows_are_tracked() {
    let src = "use std::cell::RefCell;\nfn main() {\n\
               let c = RefCell::new(vec![1]);\n\
               c.borrow_mut().push(2);\n\
               { let r = c.borrow(); let r2 = c.borrow(); println!(\"{} {:?}\", r.len(), r2); }\n\
               println!(\"{:?}\", c);\n\
               let g = c.borrow_mut();\n\
               println!(\"{:?} {}\", c, c.try_borrow().is_err());\n\
               let _h = c.borrow_mut();\n\
               drop(g);\n}";
    let out = text(src);
    assert_eq!(
        out[..3],
        [
            "2 [1, 2]",
            "RefCell { value: [1, 2] }",
            "RefCell { value: <borrowed> } true"
        ]
    );
    assert!(
        out.iter().any(|l| l == "E RefCell already borrowed"),
        "{out:?}"
    );
    assert!(out
        .iter()
        .any(|l| l.starts_with("E thread 'main' panicked at main.rs:9:")));
}

#[test]
fn refcell_borrow_while_mutably_borrowed_panics() {
    let src = "use std::cell::RefCell;\nfn main() {\n\
               let c = RefCell::new(1);\n\
               let _g = c.borrow_mut();\n\
               let r = c.borrow();\n}";
    let out = text(src);
    assert!(
        out.iter()
            .any(|l| l == "E RefCell already mutably borrowed"),
        "{out:?}"
    );
}

#[test]
fn cell_and_mem_functions() {
    let src = "use std::cell::Cell;\nfn main() {\n\
               let c = Cell::new(5);\n\
               c.set(c.get() + 1);\n\
               let old = c.replace(10);\n\
               println!(\"{} {} {:?}\", old, c.get(), c);\n\
               let mut a = String::from(\"a\");\n\
               let mut b = String::from(\"b\");\n\
               std::mem::swap(&mut a, &mut b);\n\
               let was = std::mem::replace(&mut a, String::from(\"z\"));\n\
               let mut v = vec![1, 2];\n\
               let taken = std::mem::take(&mut v);\n\
               println!(\"{a} {b} {was} {:?} {:?}\", v, taken);\n}";
    assert_eq!(text(src), ["6 10 Cell { value: 10 }", "z a b [] [1, 2]"]);
}

#[test]
fn box_derefs_to_its_content() {
    let src = main_body(
        "let b = Box::new(41);\n\
         let c = *b + 1;\n\
         let mut s = Box::new(String::from(\"x\"));\n\
         s.push('y');\n\
         println!(\"{} {} {:?} {}\", b, c, s, s.len());",
    );
    assert_eq!(text(&src), ["41 42 \"xy\" 2"]);
}

#[test]
fn pretty_debug_of_cells() {
    let src = "use std::sync::Mutex;\nuse std::cell::RefCell;\nfn main() {\n\
               println!(\"{:#?}\", Mutex::new(1));\n\
               println!(\"{:#?}\", RefCell::new((1, 2)));\n}";
    assert_eq!(
        text(src),
        [
            "Mutex {",
            "    data: 1,",
            "    poisoned: false,",
            "    ..",
            "}",
            "RefCell {",
            "    value: (",
            "        1,",
            "        2,",
            "    ),",
            "}"
        ]
    );
}

#[test]
fn moved_resource_is_not_dropped_at_scope_end() {
    // The sender moved into the task closes the channel when the task ends, not when `main`'s
    // scope does: `recv` sees the end after two messages.
    let src = "use tokio::sync::mpsc;\n\
               #[tokio::main] async fn main() {\n\
               let (tx, mut rx) = mpsc::channel(4);\n\
               let tx2 = tx;\n\
               tokio::spawn(async move { tx2.send(1).await.unwrap(); tx2.send(2).await.unwrap(); });\n\
               while let Some(x) = rx.recv().await { println!(\"{x}\"); }\n\
               println!(\"closed\");\n}";
    assert_eq!(text(src), ["1", "2", "closed"]);
}

#[test]
fn if_let_through_mut_ref_changes_the_option() {
    let src = main_body(
        "let mut o = Some(1);\n\
         if let Some(x) = &mut o { *x += 5; }\n\
         let mut pair = (1, 2);\n\
         let (a, b) = &mut pair;\n\
         *a += 10; *b += 20;\n\
         match &o { Some(n) => println!(\"{n} {:?}\", pair), None => {} }",
    );
    assert_eq!(text(&src), ["6 (11, 22)"]);
}

#[test]
fn a_panic_while_holding_a_lock_poisons_it() {
    let src = include_str!("../../tests/programs/mem_poison.rs");
    let out = text(src);
    assert!(out.contains(&"poisoned: true".to_string()), "{out:?}");
    assert!(out.contains(&"error: poisoned lock: another task failed inside".to_string()));
    assert!(out.contains(&"Mutex { data: [1, 2, 3], poisoned: true, .. }".to_string()));
}

#[test]
fn rwlock_readers_share_and_writer_excludes() {
    let src = "use std::sync::RwLock;\nfn main() {\n\
               let l = RwLock::new(1);\n\
               { let a = l.read().unwrap(); let b = l.read().unwrap(); println!(\"{} {} {}\", *a + *b, l.try_write().is_err(), l.try_read().is_ok()); }\n\
               { let mut w = l.write().unwrap(); *w += 1; println!(\"{:?} {}\", l, l.try_read().is_err()); }\n\
               println!(\"{:?}\", l);\n}";
    assert_eq!(
        text(src),
        [
            "2 true true",
            "RwLock { data: <locked>, poisoned: false, .. } true",
            "RwLock { data: 2, poisoned: false, .. }"
        ]
    );
}

#[test]
fn locking_a_held_std_mutex_again_stops_the_run_instead_of_hanging() {
    let t = run(&main_body(
        "let m = std::sync::Mutex::new(1);\nlet _a = m.lock().unwrap();\nlet _b = m.lock().unwrap();\nprintln!(\"never\");",
    ));
    assert!(t.lines.is_empty(), "{:?}", t.lines);
    assert!(
        t.notes.iter().any(|n| n.contains("deadlock")),
        "{:?}",
        t.notes
    );
}

#[test]
fn struct_like_state_through_nested_refs_and_returned_refs() {
    let src = "fn first(v: &Vec<String>) -> &String { &v[0] }\n\
               fn grow(v: &mut Vec<String>) { let w = v; w.push(String::from(\"c\")); }\n\
               fn main() {\n\
               let mut v = vec![String::from(\"a\")];\n\
               grow(&mut v);\n\
               let r = &v;\n\
               let rr = &r;\n\
               println!(\"{} {} {:?} {}\", first(&v), rr.len(), rr, r[1] == \"c\");\n}";
    assert_eq!(text(src), ["a 2 [\"a\", \"c\"] true"]);
}

#[test]
fn moves_into_tasks_release_rc_counts_when_tasks_end() {
    let src = tokio_body(
        "let a = Arc::new(1);\n\
         let b = a.clone();\n\
         let h = tokio::spawn(async move { tokio::time::sleep(Duration::from_millis(5)).await; *b + 1 });\n\
         println!(\"{}\", Arc::strong_count(&a));\n\
         println!(\"{:?}\", h.await);\n\
         println!(\"{}\", Arc::strong_count(&a));",
    );
    assert_eq!(text(&src), ["2", "Ok(2)", "1"]);
}
