//! An entry is read from the generated tables each time it is asked for: nothing is built at
//! run time, so there is nothing to lock, nothing to poison and no memory that grows with the
//! page. `entry()` is a `const fn`, which shows it touches no run-time state.

use std::thread;

use errcode_runtime::{Entry, EntryCode, ErrorCode};

errcode_runtime::error_catalog!("camera.md");

/// Evaluated by the compiler: an entry needs no run-time state at all.
const INVALID_OPERATION: Entry = CameraError::InvalidOperation.entry();

#[test]
fn an_entry_is_the_same_in_a_constant_and_at_run_time() {
    assert_eq!(INVALID_OPERATION, CameraError::InvalidOperation.entry());
    assert_eq!(INVALID_OPERATION.code, EntryCode::Int(7400102));
    assert_eq!(INVALID_OPERATION.variant, "InvalidOperation");
    assert_eq!(INVALID_OPERATION.causes.len(), 1);
}

#[test]
fn the_lists_of_an_entry_read_like_slices() {
    let entry = CameraError::InvalidOperation.entry();
    let causes: Vec<&str> = entry.causes.iter().collect();
    assert_eq!(causes.len(), entry.causes.len());
    assert_eq!(causes[0], &entry.causes[0]);
    assert_eq!(entry.causes.get(0), Some(causes[0]));
    assert_eq!(entry.causes.get(1), None);
    assert_eq!(entry.causes.iter().rev().count(), 1);
    let mut seen = 0;
    for cause in entry.causes {
        assert!(!cause.is_empty());
        seen += 1;
    }
    assert_eq!(seen, 1);
    assert_eq!(format!("{:?}", entry.causes), format!("{causes:?}"));
}

#[test]
fn threads_reading_at_once_read_the_same_entries() {
    let seen: Vec<Vec<Entry>> = thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|_| scope.spawn(|| CameraError::all().iter().map(|e| e.entry()).collect()))
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert!(seen.iter().all(|entries| entries == &seen[0]));
    for (error, entry) in CameraError::ALL.iter().zip(&seen[0]) {
        assert_eq!(entry.message, error.message());
        assert_eq!(entry.variant, format!("{error:?}"));
    }
}
