//! The heading-per-code pages, `camera.md` and `image.md`, used as a downstream crate uses them.

mod common;

use errcode_catalog::catalog::{Catalog, Code};
use errcode_runtime::{EntryCode, ErrorCode};
use errcode_tests::camera::CameraError;
use errcode_tests::image::ImageError;

/// Every entry the parser reads from the page is a variant with the same code, name and text.
fn agrees_with_page<E: ErrorCode<Code = u32>>(catalog: &Catalog) {
    let [definition] = catalog.enums.as_slice() else {
        panic!("one enum")
    };
    assert_eq!(E::all().len(), definition.entries.len());
    for (variant, entry) in E::all().iter().zip(&definition.entries) {
        let Code::Int(code) = entry.code else {
            panic!("numeric codes")
        };
        let code = u32::try_from(code).unwrap();
        assert_eq!(
            E::from_code(code),
            Some(*variant),
            "code {code} maps to its variant"
        );
        assert_eq!(variant.code(), code, "and back");
        assert_eq!(format!("{variant:?}"), entry.variant);
        assert_eq!(variant.message(), entry.message, "message of {code}");
        assert_eq!(variant.title(), entry.title);
        let runtime = variant.entry();
        assert_eq!(runtime.code, EntryCode::Int(code.into()));
        assert_eq!(runtime.description, entry.description.as_deref());
        assert_eq!(
            runtime.causes,
            entry.causes.iter().map(String::as_str).collect::<Vec<_>>()
        );
        assert_eq!(
            runtime.solutions,
            entry
                .solutions
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        );
        assert_eq!(runtime.source.line, entry.line);
    }
}

#[test]
fn camera_agrees_with_its_page() {
    agrees_with_page::<CameraError>(&common::catalog("camera.md"));
    assert_eq!(CameraError::ALL.len(), 11);
}

#[test]
fn image_agrees_with_its_page() {
    agrees_with_page::<ImageError>(&common::catalog("image.md"));
    assert_eq!(ImageError::ALL.len(), 65);
}

#[test]
fn camera_spot_checks_copied_from_the_page() {
    assert_eq!(
        CameraError::from_code(7400102),
        Some(CameraError::InvalidOperation)
    );
    assert_eq!(
        CameraError::InvalidOperation.to_string(),
        "7400102 Invalid Operation: Operation not allowed."
    );
    assert_eq!(
        CameraError::InvalidOperation.entry().causes,
        [
            "The API execution sequence is incorrect. For example, the commitConfig API is called in prior to beginConfig."
        ]
    );
    assert_eq!(
        CameraError::InvalidParameter.message(),
        "Parameter missing or parameter type incorrect."
    );
    assert_eq!(CameraError::SessionConfigurationLocked.code(), 7400105);
    assert_eq!(CameraError::CameraPreempted.entry().solutions, ["N/A"]);
    assert_eq!(
        CameraError::CameraServiceError.entry().description,
        Some("The camera service is abnormal.")
    );
    assert_eq!(
        CameraError::ALL.first(),
        Some(&CameraError::InvalidParameter)
    );
    assert_eq!(
        CameraError::ALL.last(),
        Some(&CameraError::CameraServiceError)
    );
    assert_eq!(CameraError::from_code(7400111), None);
}

#[test]
fn image_spot_checks_and_clashing_titles() {
    assert_eq!(ImageError::from_code(501), Some(ImageError::ApiCallFailed));
    assert_eq!(ImageError::ApiCallFailed.message(), "Resource unavailable.");
    // "Invalid Image Parameter", "Decoding Failure" and "Unsupported Options" title two entries
    // each: every member of a clash carries its code.
    assert_eq!(ImageError::InvalidImageParameter62980115.code(), 62980115);
    assert_eq!(
        ImageError::InvalidImageParameter62980149.message(),
        "Invalid MIME type for the image source."
    );
    assert_eq!(ImageError::DecodingFailure62980116.code(), 62980116);
    assert_eq!(ImageError::DecodingFailure7700301.code(), 7700301);
    assert_eq!(ImageError::UnsupportedOptions7700203.code(), 7700203);
    assert_eq!(ImageError::UnsupportedOptions7800201.code(), 7800201);
    assert_eq!(
        ImageError::OperationFailed.entry().causes,
        [
            "An exception occurs during image upload.",
            "Other operations are performed during decoding.",
            "Image decoding is not performed as instructed.",
            "The memory of the device is insufficient.",
            "The processing on the decoding library fails.",
        ]
    );
}

#[test]
fn conversions_and_parsing() {
    assert_eq!(
        CameraError::try_from(7400104),
        Ok(CameraError::SessionNotRunning)
    );
    let unknown = CameraError::try_from(42).unwrap_err();
    assert_eq!(unknown.code, 42);
    assert_eq!(unknown.to_string(), "unknown CameraError code `42`");
    assert_eq!(u32::from(CameraError::CameraConflict), 7400107);
    assert_eq!(
        "CameraConflict".parse::<CameraError>(),
        Ok(CameraError::CameraConflict)
    );
    assert_eq!(
        "7400107".parse::<CameraError>(),
        Ok(CameraError::CameraConflict)
    );
    assert!("Nope".parse::<CameraError>().is_err());
    assert_eq!(
        format!("{:?}", CameraError::CameraConflict),
        "CameraConflict"
    );
    assert!(CameraError::InvalidParameter < CameraError::CameraServiceError);
}

#[test]
fn generic_code_handles_any_catalog() {
    fn describe<E: ErrorCode>(error: E) -> String {
        format!(
            "[{}] {} ({})",
            E::CATALOG.name,
            error.message(),
            error.entry().source.file
        )
    }
    assert_eq!(
        describe(CameraError::CameraPreempted),
        "[CameraError] Can not use camera cause of preempted. (../docs-src/camera.md)"
    );
    assert_eq!(
        describe(ImageError::ApiCallFailed),
        "[ImageError] Resource unavailable. (../docs-src/image.md)"
    );
    let error: Box<dyn std::error::Error> = Box::new(CameraError::CameraConflict);
    assert_eq!(
        error.to_string(),
        "7400107 Camera Conflict: Can not use camera cause of conflict."
    );
    assert_eq!(CameraError::CATALOG.metadata[0], ("Kit", "Camera Kit"));
}

#[test]
fn lookups_work_in_const_contexts() {
    const SESSION: Option<CameraError> = CameraError::from_code(7400103);
    const MESSAGE: &str = CameraError::SessionNotConfigured.message();
    assert_eq!(SESSION, Some(CameraError::SessionNotConfigured));
    assert_eq!(MESSAGE, "Session not config.");
}
