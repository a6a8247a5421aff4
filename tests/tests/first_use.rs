//! The entries of an enum are built the first time one is asked for (`errcode_runtime::table`):
//! threads that ask at the same moment all get the one set of entries, complete.

use std::sync::Barrier;
use std::thread;

errcode_runtime::error_catalog!("camera.md");

#[test]
fn threads_asking_at_once_share_one_complete_set_of_entries() {
    const THREADS: usize = 8;
    let barrier = Barrier::new(THREADS);
    let seen: Vec<Vec<usize>> = thread::scope(|scope| {
        let workers: Vec<_> = (0..THREADS)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    CameraError::ALL
                        .iter()
                        .map(|error| {
                            let entry = error.entry();
                            assert_eq!(entry.message, error.message());
                            assert_eq!(entry.variant, format!("{error:?}"));
                            entry as *const errcode_runtime::Entry as usize
                        })
                        .collect()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().unwrap())
            .collect()
    });
    assert!(seen.iter().all(|addresses| addresses == &seen[0]));
    assert_eq!(seen[0].len(), CameraError::ALL.len());
}
