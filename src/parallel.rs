//! Many cases side by side: each case runs on a worker pool of its own, of
//! one thread, taking the next case when it finishes one; never as a job in
//! a pool shared with other cases.
//!
//! Typst lays a document's pages out, and its PDF writer serialises, on
//! whichever worker pool it is called from. When cases were jobs in one
//! shared pool, a worker waiting for its document's pages took another
//! whole case off the queue and built it on top of the first, on the same
//! stack: memory grew with every case in a batch. Cases on threads outside
//! the pool instead left the pool's workers spinning beside them for each
//! document's small parallel parts, on cores the cases needed. A pool of
//! one thread per case does that small work itself, and holds nothing but
//! its own case.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Each worker's stack: Typst's layout recurses as deep as a document nests.
pub const STACK: usize = 32 << 20;

/// Runs `work` on every item, as many at once as the global pool has
/// threads (`RAYON_NUM_THREADS`, else one per core), and returns the
/// results in the items' order. A thread whose pool cannot be started
/// (the system is out of threads) leaves its share to the others; the
/// calling thread takes part, and works on its own when it has no pool.
pub fn each<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let done: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let take = || {
        let i = next.fetch_add(1, Ordering::Relaxed);
        items.get(i).map(|item| (i, item))
    };
    let run = || {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .stack_size(STACK)
            .thread_name(|_| "case".into())
            .build();
        while let Some((i, item)) = take() {
            let result = match &pool {
                Ok(pool) => pool.install(|| work(item)),
                Err(_) => work(item),
            };
            *done[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
        }
    };
    let threads = rayon::current_num_threads().min(items.len());
    std::thread::scope(|scope| {
        for _ in 1..threads {
            // Not started: the others take its cases.
            let _ = std::thread::Builder::new()
                .name("cases".into())
                .spawn_scoped(scope, run);
        }
        run();
    });
    done.into_iter()
        .map(|slot| {
            slot.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every item is taken by a thread and finished, or the scope panicked")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;
    use std::cell::Cell;

    #[test]
    fn every_item_is_worked_once_and_returned_in_order() {
        let items: Vec<usize> = (0..100).collect();
        let seen = AtomicUsize::new(0);
        let out = each(&items, |i| {
            seen.fetch_add(1, Ordering::Relaxed);
            // On a pool of its own, of one thread, with the stack Typst needs.
            assert_eq!(rayon::current_num_threads(), 1);
            i * 2
        });
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(seen.load(Ordering::Relaxed), 100);
        assert!(each(&[] as &[u8], |_| 0).is_empty());
    }

    #[test]
    fn a_case_waiting_on_the_pool_never_takes_another_case() {
        // The fault this module exists for: work waiting on the pool
        // inside one case must not start a second case on its stack.
        let items: Vec<usize> = (0..16).collect();
        let depth = |_: &usize| {
            thread_local!(static IN: Cell<usize> = const { Cell::new(0) });
            IN.set(IN.get() + 1);
            let nested = IN.get();
            // Work on the pool, as Typst's layout does, while this case waits.
            let _: Vec<u64> = (0..64u64).into_par_iter().map(|x| x * x).collect();
            IN.set(IN.get() - 1);
            nested
        };
        assert!(each(&items, depth).iter().all(|&n| n == 1));
    }
}
