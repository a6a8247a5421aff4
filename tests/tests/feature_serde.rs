//! `errcode-runtime`'s `serde` feature: enums are (de)serialised as their code, `Entry` with all
//! its fields, `WireCode<E>` keeps unknown codes. Run with `--features serde`.
#![cfg(feature = "serde")]

use errcode_runtime::{ErrorCode, WireCode};
use errcode_tests::camera::CameraError;

mod storage {
    errcode_runtime::error_catalog!("../ui/pages/symbolic.md");
}

#[test]
fn variants_are_their_codes_in_json() {
    assert_eq!(
        serde_json::to_string(&CameraError::InvalidOperation).unwrap(),
        "7400102"
    );
    assert_eq!(
        serde_json::from_str::<CameraError>("7400102").unwrap(),
        CameraError::InvalidOperation
    );
    let error = serde_json::from_str::<CameraError>("42").unwrap_err();
    assert_eq!(error.to_string(), "unknown CameraError code `42`");
    use storage::StorageError;
    assert_eq!(
        serde_json::to_string(&StorageError::AccessDenied).unwrap(),
        "\"AccessDenied\""
    );
    assert_eq!(
        serde_json::from_str::<StorageError>("\"NoSuchKey\"").unwrap(),
        StorageError::NoSuchKey
    );
    assert!(serde_json::from_str::<StorageError>("\"NoSuchBucket\"").is_err());
}

#[test]
fn a_server_can_return_the_entry() {
    let value = serde_json::to_value(CameraError::InvalidOperation.entry()).unwrap();
    assert_eq!(value["code"], 7400102);
    assert_eq!(value["message"], "Operation not allowed.");
    assert_eq!(value["variant"], "InvalidOperation");
    assert_eq!(value["title"], "Invalid Operation");
    assert_eq!(
        value["causes"][0],
        CameraError::InvalidOperation.entry().causes[0]
    );
    assert_eq!(value["source"]["line"], 30);
    let storage = serde_json::to_value(storage::StorageError::AccessDenied.entry()).unwrap();
    assert_eq!(storage["code"], "AccessDenied");
    let catalog = serde_json::to_value(CameraError::CATALOG).unwrap();
    assert_eq!(catalog["name"], "CameraError");
}

#[test]
fn unknown_codes_from_the_wire_survive() {
    let codes: Vec<WireCode<CameraError>> = serde_json::from_str("[7400101, 7499999]").unwrap();
    assert_eq!(
        codes,
        [
            WireCode::Known(CameraError::InvalidParameter),
            WireCode::Unknown(7499999)
        ]
    );
    assert_eq!(serde_json::to_string(&codes).unwrap(), "[7400101,7499999]");
}
