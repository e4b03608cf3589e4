//! `std::thread::spawn(f);`: a virtual thread, so that a waker sent to a thread (Tokio's tutorial,
//! "Async in depth": `thread::sleep` then `waker.wake()`) wakes its task when the thread would.
//!
//! The closure runs as `spawn_blocking`'s do: a track of its own on the timeline, where
//! `std::thread::sleep` blocks that thread only (a timer here). Its `JoinHandle` is not in the
//! subset: the lowering accepts the call only as a statement.

use super::tokio::BlockingThread;
use super::*;

impl Interp {
    /// Starts `f` on a thread of its own; the thread is detached, as a dropped `JoinHandle`
    /// leaves it.
    pub(super) fn thread_spawn(&self, f: Value, at: Span) -> Value {
        let me = self.clone();
        let body = async move { me.call_value(f, Vec::new(), at).await };
        let name = format!("thread::spawn at {}", at.at());
        let fut: ValFut = Box::pin(self.0.tracer.trace(
            &name,
            BlockingThread {
                interp: self.clone(),
                fut: Box::pin(body),
            },
        ));
        drop(self.spawn_value_task(fut));
        Value::Unit
    }
}
