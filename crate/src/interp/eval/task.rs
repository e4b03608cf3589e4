//! Per-poll accounting of a task's future, and boxing of futures.

use super::*;

/// Polls a spawned task's (or `main`'s) future with the per-poll accounting reset: the busy-time
/// limit is per poll, and a panic names the thread it happened on.
pub(super) struct TaskCtx {
    pub(super) interp: Interp,
    pub(super) task: bool,
    pub(super) fut: ValFut,
}

impl Future for TaskCtx {
    type Output = R;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let i = self.interp.0.clone();
        let outer = i.in_task.replace(self.task);
        i.ops.set(0);
        i.blocked.set(0);
        i.poll_start.set(i.rt.wall_us());
        i.depth.set(0);
        // Formatting calls your `Display`/`Debug` impls through this poll's interpreter.
        let user = !i.program.types.impls.is_empty();
        let _hook = user.then(|| crate::interp::types::fmt::install(Some(self.interp.fmt_hook())));
        let _cmp = user.then(|| crate::interp::types::install_cmp(Some(self.interp.cmp_hook())));
        let r = self.fut.as_mut().poll(cx);
        i.in_task.set(outer);
        if r.is_ready() {
            // A panic has unwound to its task: guards dropped from now on do not poison.
            mem::set_panicking(false);
        }
        r
    }
}

/// Counts an `async fn`'s poll as one call level, so deep `Box::pin` recursion stops cleanly.
pub(super) struct Depth<F> {
    pub(super) interp: Interp,
    pub(super) fut: F,
}

impl<F: Future<Output = R> + Unpin> Future for Depth<F> {
    type Output = R;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let i = self.interp.0.clone();
        let d = i.depth.get();
        if d >= i.limits.max_call_depth {
            return Poll::Ready(Err(self.interp.halt(i.limits.call_too_deep())));
        }
        i.depth.set(d + 1);
        let r = Pin::new(&mut self.fut).poll(cx);
        i.depth.set(d);
        r
    }
}

/// Boxes a future behind `dyn`, so that its poll is a call of its own and not inlined into the
/// caller's: every interpreted call level then costs only a small stack frame (the wasm stack is 1 MB).
pub(super) fn boxed<'a, T>(
    f: impl Future<Output = T> + 'a,
) -> Pin<Box<dyn Future<Output = T> + 'a>> {
    Box::pin(f)
}

pub(super) fn future_value(f: ValFut) -> Value {
    Value::Future(FutCell::new(RefCell::new(Some(f))))
}
