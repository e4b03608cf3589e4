// Not a Rust module of this crate: Rust source that the lowering adds to a program that uses
// `std::task::Poll` or `futures::future`'s combinators (see `stdlib::task::prelude_for`). Written
// in the subset itself, after std's and futures 0.3's own sources, so that these futures are
// polled, traced and dropped exactly like a learner's hand-written ones.
//
// Paths are written from the crate root (`crate::std::task::Poll`), even `Pin` and `Context`:
// a `use` here, or a bare name, would be resolved through the learner's own imports. Nothing here
// may warn (no unused variables).
pub mod std {
    pub mod task {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Poll<T> {
            Ready(T),
            Pending,
        }

        impl<T> crate::std::task::Poll<T> {
            pub fn is_ready(&self) -> bool {
                match self {
                    crate::std::task::Poll::Ready(_) => true,
                    crate::std::task::Poll::Pending => false,
                }
            }

            pub fn is_pending(&self) -> bool {
                !self.is_ready()
            }

            pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> crate::std::task::Poll<U> {
                match self {
                    crate::std::task::Poll::Ready(t) => crate::std::task::Poll::Ready(f(t)),
                    crate::std::task::Poll::Pending => crate::std::task::Poll::Pending,
                }
            }

            // `Poll<Result<T, E>>`'s (types are not checked at run time: one impl serves).
            pub fn map_ok<F>(self, f: F) -> crate::std::task::Poll<T> {
                match self {
                    crate::std::task::Poll::Ready(r) => crate::std::task::Poll::Ready(r.map(f)),
                    crate::std::task::Poll::Pending => crate::std::task::Poll::Pending,
                }
            }

            pub fn map_err<F>(self, f: F) -> crate::std::task::Poll<T> {
                match self {
                    crate::std::task::Poll::Ready(r) => crate::std::task::Poll::Ready(r.map_err(f)),
                    crate::std::task::Poll::Pending => crate::std::task::Poll::Pending,
                }
            }
        }
    }

    pub mod future {
        // std's `PollFn`: each poll calls the closure with the task's context.
        pub struct PollFn<F> {
            f: F,
        }

        pub fn poll_fn<F>(f: F) -> crate::std::future::PollFn<F> {
            crate::std::future::PollFn { f }
        }

        impl<F> crate::std::future::Future for crate::std::future::PollFn<F> {
            type Output = u8;
            fn poll(
                mut self: crate::std::pin::Pin<&mut Self>,
                cx: &mut crate::std::task::Context<'_>,
            ) -> crate::std::task::Poll<u8> {
                (self.f)(cx)
            }
        }
    }
}

pub mod futures {
    pub mod future {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Either<A, B> {
            Left(A),
            Right(B),
        }

        pub fn poll_fn<F>(f: F) -> crate::std::future::PollFn<F> {
            crate::std::future::PollFn { f }
        }

        // futures 0.3 `future::select`: `a` first, then `b`; the loser is handed back.
        pub struct Select<A, B> {
            inner: Option<(A, B)>,
        }

        pub fn select<A, B>(a: A, b: B) -> crate::futures::future::Select<A, B> {
            crate::futures::future::Select {
                inner: Some((a, b)),
            }
        }

        impl<A, B> crate::std::future::Future for crate::futures::future::Select<A, B> {
            type Output = u8;
            fn poll(
                mut self: crate::std::pin::Pin<&mut Self>,
                cx: &mut crate::std::task::Context<'_>,
            ) -> crate::std::task::Poll<u8> {
                let (mut a, mut b) = self.inner.take().expect("cannot poll Select twice");
                if let crate::std::task::Poll::Ready(v) = a.poll(cx) {
                    return crate::std::task::Poll::Ready(crate::futures::future::Either::Left((
                        v, b,
                    )));
                }
                if let crate::std::task::Poll::Ready(v) = b.poll(cx) {
                    return crate::std::task::Poll::Ready(crate::futures::future::Either::Right((
                        v, a,
                    )));
                }
                self.inner = Some((a, b));
                crate::std::task::Poll::Pending
            }
        }

        // futures 0.3 `future::select_all`: the first ready in order; `swap_remove` leaves the rest.
        pub struct SelectAll<F> {
            inner: Vec<F>,
        }

        pub fn select_all<F>(futs: Vec<F>) -> crate::futures::future::SelectAll<F> {
            let inner: Vec<F> = futs.into_iter().collect();
            assert!(!inner.is_empty());
            crate::futures::future::SelectAll { inner }
        }

        impl<F> crate::std::future::Future for crate::futures::future::SelectAll<F> {
            type Output = u8;
            fn poll(
                mut self: crate::std::pin::Pin<&mut Self>,
                cx: &mut crate::std::task::Context<'_>,
            ) -> crate::std::task::Poll<u8> {
                let mut i = 0;
                while i < self.inner.len() {
                    if let crate::std::task::Poll::Ready(v) = self.inner[i].poll(cx) {
                        self.inner.swap_remove(i);
                        let rest = std::mem::take(&mut self.inner);
                        return crate::std::task::Poll::Ready((v, i, rest));
                    }
                    i += 1;
                }
                crate::std::task::Poll::Pending
            }
        }

        // futures 0.3 `future::try_join_all` (the small case): every unfinished future in order
        // at each poll; the first `Err` ends it and drops the rest.
        pub struct TryJoinAll<F, T> {
            futs: Vec<Option<F>>,
            outs: Vec<Option<T>>,
        }

        pub fn try_join_all<F, T>(futs: Vec<F>) -> crate::futures::future::TryJoinAll<F, T> {
            let futs: Vec<Option<F>> = futs.into_iter().map(|f| Some(f)).collect();
            let outs: Vec<Option<T>> = futs.iter().map(|_| None).collect();
            crate::futures::future::TryJoinAll { futs, outs }
        }

        impl<F, T> crate::std::future::Future for crate::futures::future::TryJoinAll<F, T> {
            type Output = u8;
            fn poll(
                mut self: crate::std::pin::Pin<&mut Self>,
                cx: &mut crate::std::task::Context<'_>,
            ) -> crate::std::task::Poll<u8> {
                let mut pending = false;
                let mut i = 0;
                while i < self.futs.len() {
                    let polled = match self.futs[i].as_mut() {
                        Some(f) => f.poll(cx),
                        None => crate::std::task::Poll::Pending,
                    };
                    match polled {
                        crate::std::task::Poll::Ready(Ok(v)) => {
                            self.futs[i] = None;
                            self.outs[i] = Some(v);
                        }
                        crate::std::task::Poll::Ready(Err(e)) => {
                            self.futs.clear();
                            return crate::std::task::Poll::Ready(Err(e));
                        }
                        crate::std::task::Poll::Pending => {
                            if self.futs[i].is_some() {
                                pending = true;
                            }
                        }
                    }
                    i += 1;
                }
                if pending {
                    return crate::std::task::Poll::Pending;
                }
                let outs = std::mem::take(&mut self.outs);
                crate::std::task::Poll::Ready(Ok(outs.into_iter().map(|o| o.unwrap()).collect()))
            }
        }

        // futures 0.3 `future::join`: both polled in order at each poll until each is done (a
        // finished one drops at once, as `MaybeDone` drops it).
        pub struct Join<A, B, X, Y> {
            a: Option<A>,
            b: Option<B>,
            ra: Option<X>,
            rb: Option<Y>,
        }

        pub fn join<A, B>(a: A, b: B) -> crate::futures::future::Join<A, B, u8, u8> {
            crate::futures::future::Join {
                a: Some(a),
                b: Some(b),
                ra: None,
                rb: None,
            }
        }

        impl<A, B, X, Y> crate::std::future::Future for crate::futures::future::Join<A, B, X, Y> {
            type Output = u8;
            fn poll(
                mut self: crate::std::pin::Pin<&mut Self>,
                cx: &mut crate::std::task::Context<'_>,
            ) -> crate::std::task::Poll<u8> {
                let pa = match self.a.as_mut() {
                    Some(f) => f.poll(cx),
                    None => crate::std::task::Poll::Pending,
                };
                if let crate::std::task::Poll::Ready(v) = pa {
                    self.a = None;
                    self.ra = Some(v);
                }
                let pb = match self.b.as_mut() {
                    Some(f) => f.poll(cx),
                    None => crate::std::task::Poll::Pending,
                };
                if let crate::std::task::Poll::Ready(v) = pb {
                    self.b = None;
                    self.rb = Some(v);
                }
                if self.ra.is_some() && self.rb.is_some() {
                    let ra = self.ra.take().unwrap();
                    let rb = self.rb.take().unwrap();
                    return crate::std::task::Poll::Ready((ra, rb));
                }
                crate::std::task::Poll::Pending
            }
        }

        // futures 0.3 `future::try_join`: as `join`, but the first `Err` ends it.
        pub struct TryJoin<A, B, X, Y> {
            a: Option<A>,
            b: Option<B>,
            ra: Option<X>,
            rb: Option<Y>,
        }

        pub fn try_join<A, B>(a: A, b: B) -> crate::futures::future::TryJoin<A, B, u8, u8> {
            crate::futures::future::TryJoin {
                a: Some(a),
                b: Some(b),
                ra: None,
                rb: None,
            }
        }

        impl<A, B, X, Y> crate::std::future::Future for crate::futures::future::TryJoin<A, B, X, Y> {
            type Output = u8;
            fn poll(
                mut self: crate::std::pin::Pin<&mut Self>,
                cx: &mut crate::std::task::Context<'_>,
            ) -> crate::std::task::Poll<u8> {
                let pa = match self.a.as_mut() {
                    Some(f) => f.poll(cx),
                    None => crate::std::task::Poll::Pending,
                };
                match pa {
                    crate::std::task::Poll::Ready(Ok(v)) => {
                        self.a = None;
                        self.ra = Some(v);
                    }
                    crate::std::task::Poll::Ready(Err(e)) => {
                        self.a = None;
                        self.b = None;
                        return crate::std::task::Poll::Ready(Err(e));
                    }
                    crate::std::task::Poll::Pending => {}
                }
                let pb = match self.b.as_mut() {
                    Some(f) => f.poll(cx),
                    None => crate::std::task::Poll::Pending,
                };
                match pb {
                    crate::std::task::Poll::Ready(Ok(v)) => {
                        self.b = None;
                        self.rb = Some(v);
                    }
                    crate::std::task::Poll::Ready(Err(e)) => {
                        self.a = None;
                        self.b = None;
                        return crate::std::task::Poll::Ready(Err(e));
                    }
                    crate::std::task::Poll::Pending => {}
                }
                if self.ra.is_some() && self.rb.is_some() {
                    let ra = self.ra.take().unwrap();
                    let rb = self.rb.take().unwrap();
                    return crate::std::task::Poll::Ready(Ok((ra, rb)));
                }
                crate::std::task::Poll::Pending
            }
        }

        // futures 0.3 `future::ok` and `future::err`: ready at the first poll.
        pub fn ok<T>(t: T) -> crate::futures::future::Lazy<u8> {
            crate::futures::future::Lazy {
                f: Some(move |_cx| Ok(t)),
            }
        }

        pub fn err<E>(e: E) -> crate::futures::future::Lazy<u8> {
            crate::futures::future::Lazy {
                f: Some(move |_cx| Err(e)),
            }
        }

        // futures 0.3 `future::lazy`: the closure runs at the first poll.
        pub struct Lazy<F> {
            f: Option<F>,
        }

        pub fn lazy<F>(f: F) -> crate::futures::future::Lazy<F> {
            crate::futures::future::Lazy { f: Some(f) }
        }

        impl<F> crate::std::future::Future for crate::futures::future::Lazy<F> {
            type Output = u8;
            fn poll(
                mut self: crate::std::pin::Pin<&mut Self>,
                cx: &mut crate::std::task::Context<'_>,
            ) -> crate::std::task::Poll<u8> {
                let f = self.f.take().expect("Lazy polled after completion");
                crate::std::task::Poll::Ready(f(cx))
            }
        }
    }
}
