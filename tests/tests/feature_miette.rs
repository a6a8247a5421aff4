//! `errcode-runtime`'s `miette` feature: generated enums are `miette::Diagnostic`s whose code
//! is the error code, whose help is the page's solution and whose url links the entry when the
//! invocation gives `base_url`. Run with `--features miette`.
#![cfg(feature = "miette")]

use miette::{Diagnostic, NarratableReportHandler};

mod camera {
    errcode_runtime::error_catalog!(
        "camera.md",
        base_url = "https://gitee.com/openharmony/docs/blob/master/en/application-dev/reference/apis-camera-kit/errorcode-camera.md",
    );
}

use camera::CameraError;

fn report(error: &dyn Diagnostic) -> String {
    let mut out = String::new();
    NarratableReportHandler::new()
        .render_report(&mut out, error)
        .unwrap();
    out
}

#[test]
fn a_report_carries_the_code_the_solution_and_the_link() {
    let error = CameraError::InvalidOperation;
    assert_eq!(Diagnostic::code(&error).unwrap().to_string(), "7400102");
    assert_eq!(
        Diagnostic::help(&error).unwrap().to_string(),
        "Perform operations according to the API reference and guide."
    );
    assert_eq!(
        error.url().unwrap().to_string(),
        "https://gitee.com/openharmony/docs/blob/master/en/application-dev/reference/apis-camera-kit/errorcode-camera.md#7400102-invalid-operation"
    );
    let text = report(&error);
    assert!(
        text.contains("7400102 Invalid Operation: Operation not allowed."),
        "{text}"
    );
    assert!(
        text.contains("Perform operations according to the API reference and guide."),
        "{text}"
    );
    assert!(text.contains("#7400102-invalid-operation"), "{text}");
}

#[test]
fn several_solutions_are_numbered_and_no_base_url_means_no_link() {
    use errcode_tests::call_service::CallServiceError;
    let error = CallServiceError::InvalidParameterValue;
    let help = Diagnostic::help(&error).unwrap().to_string();
    assert!(
        help.starts_with("1. 请确认上述参数传递正确。\n2. "),
        "{help}"
    );
    assert!(error.url().is_none());
}
