//! The table, HTML and saved-text pages: `avsdk.md`, `call-service.html`, `ipcam-api.txt`.

mod common;

use errcode_catalog::catalog::{Code, EnumDef};
use errcode_runtime::ErrorCode;
use errcode_tests::avsdk::{
    AvsdkClientError, AvsdkServiceSideError, NonInteractiveBroadcastingError, RecordingError,
};
use errcode_tests::call_service::CallServiceError;
use errcode_tests::ipcam::IpcamApiError;

/// Every entry the parser reads is a variant with the same code, section, message and name.
fn agrees<E: ErrorCode<Code = u32>>(definition: &EnumDef) {
    assert_eq!(E::CATALOG.name, definition.name);
    assert_eq!(
        E::all().len(),
        definition.entries.len(),
        "{}",
        definition.name
    );
    for (variant, entry) in E::all().iter().zip(&definition.entries) {
        let Code::Int(code) = entry.code else {
            panic!("numeric codes")
        };
        let code = u32::try_from(code).unwrap();
        assert_eq!(E::from_code(code), Some(*variant));
        assert_eq!(variant.code(), code);
        assert_eq!(format!("{variant:?}"), entry.variant);
        assert_eq!(variant.message(), entry.message);
        assert_eq!(variant.entry().section, entry.section.as_deref());
        assert_eq!(variant.entry().symbol, entry.symbol.as_deref());
    }
}

#[test]
fn avsdk_sections_reuse_codes_so_each_is_an_enum() {
    let catalog = common::catalog("avsdk.md");
    let names: Vec<&str> = catalog.enums.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "AvsdkClientError",
            "AvsdkServiceSideError",
            "RecordingError",
            "NonInteractiveBroadcastingError"
        ]
    );
    agrees::<AvsdkClientError>(&catalog.enums[0]);
    agrees::<AvsdkServiceSideError>(&catalog.enums[1]);
    agrees::<RecordingError>(&catalog.enums[2]);
    agrees::<NonInteractiveBroadcastingError>(&catalog.enums[3]);
    let counts = [
        AvsdkClientError::ALL.len(),
        AvsdkServiceSideError::ALL.len(),
        RecordingError::ALL.len(),
        NonInteractiveBroadcastingError::ALL.len(),
    ];
    assert_eq!(counts, [23, 11, 30, 44]);
    assert_eq!(counts.iter().sum::<usize>(), 108);
}

#[test]
fn avsdk_spot_checks_copied_from_the_page() {
    // Code 1001 is in two sections with different meanings.
    let client = AvsdkClientError::from_code(1001).unwrap();
    assert_eq!(client, AvsdkClientError::AvErrRepeatedOperation);
    assert_eq!(client.message(), "Repetitive operation");
    assert_eq!(client.entry().symbol, Some("AV_ERR_REPEATED_OPERATION"));
    assert_eq!(client.entry().section, Some("AVSDK Client Error Codes"));
    assert_eq!(
        client.entry().solutions,
        ["Perform the next operation after the previous operation has been completed."]
    );
    let broadcasting = NonInteractiveBroadcastingError::from_code(1001).unwrap();
    assert_eq!(broadcasting.message(), "Permission error");
    // Quoted cells lose their quotes; the "Error Code Name" column of numbers is the code.
    assert_eq!(
        broadcasting.entry().solutions,
        ["It is generally caused by wrong input of sdkappid"]
    );
    assert_eq!(
        RecordingError::from_code(30000412).unwrap().message(),
        "Request for ending recording has been sent more than once. The user has ended recording"
    );
    // A row with no trailing pipe and tab-separated cells.
    assert_eq!(
        NonInteractiveBroadcastingError::from_code(50002)
            .unwrap()
            .entry()
            .solutions,
        ["Check whether user ID and sdkappid are entered correctly"]
    );
    // AV_ERR_SERVER_ID_NOT_IN_ROOM names both 10006 and 10009: both carry their code.
    assert_eq!(
        AvsdkServiceSideError::AvErrServerIdNotInRoom10006.code(),
        10006
    );
    assert_eq!(
        AvsdkServiceSideError::AvErrServerIdNotInRoom10009.message(),
        "Room does not exist"
    );
}

mod avsdk_client_only {
    errcode_runtime::error_catalog!(
        "avsdk.md",
        section = "AVSDK Client Error Codes",
        strip_prefix = "AV_ERR_"
    );
}

mod avsdk_renamed {
    errcode_runtime::error_catalog!(
        "avsdk.md",
        section = "AVSDK Service Side Error",
        name = ServerError,
        strip_prefix = "AV_ERR_SERVER_",
        rename = { 10009 = RoomNotExist },
    );
}

#[test]
fn section_strip_prefix_and_rename() {
    use avsdk_client_only::AvsdkClientError as Client;
    assert_eq!(Client::ALL.len(), 23);
    assert_eq!(Client::from_code(1001), Some(Client::RepeatedOperation));
    assert_eq!(
        Client::RepeatedOperation.entry().symbol,
        Some("AV_ERR_REPEATED_OPERATION")
    );
    use avsdk_renamed::ServerError;
    assert_eq!(ServerError::RoomNotExist.code(), 10009);
    // With 10009 renamed, 10006 no longer clashes.
    assert_eq!(ServerError::IdNotInRoom.code(), 10006);
    assert_eq!(
        ServerError::CATALOG.section,
        Some("AVSDK Service Side Error")
    );
}

#[test]
fn call_service_reads_the_html_page() {
    let catalog = common::catalog("call-service.html");
    agrees::<CallServiceError>(&catalog.enums[0]);
    assert_eq!(CallServiceError::ALL.len(), 4);
    let codes: Vec<u32> = CallServiceError::ALL.iter().map(|e| e.code()).collect();
    assert_eq!(codes, [1007200001, 1007200002, 1007200003, 1007200999]);
    let invalid = CallServiceError::InvalidParameterValue;
    assert_eq!(invalid.code(), 1007200001);
    assert_eq!(invalid.title(), "参数无效");
    assert_eq!(invalid.message(), "Invalid parameter value.");
    assert_eq!(invalid.entry().description, Some("参数异常。"));
    assert_eq!(invalid.entry().causes.len(), 5);
    assert_eq!(
        &invalid.entry().causes[0],
        "参数数量错误，例如必填参数未传递等。"
    );
    assert_eq!(
        &invalid.entry().solutions[1],
        "也可以通过在线提单提交问题，华为支持人员会及时处理。"
    );
    assert_eq!(
        CallServiceError::from_code(1007200002),
        Some(CallServiceError::OperationFailedCannotConnectToService)
    );
    assert_eq!(
        CallServiceError::UnknownErrorCode.to_string(),
        "1007200999 未知错误: Unknown error code."
    );
    let docs = &catalog.enums[0].entries[0].docs;
    assert!(
        docs.contains("[在线提单](https://developer.huawei.com/consumer/cn/support/feedback/#/)"),
        "links survive: {docs}"
    );
}

#[test]
fn ipcam_reads_the_saved_text_page() {
    let catalog = common::catalog("ipcam-api.txt");
    agrees::<IpcamApiError>(&catalog.enums[0]);
    assert_eq!(IpcamApiError::ALL.len(), 54);
    let success = IpcamApiError::from_code(0).unwrap();
    assert_eq!(success.message(), "Successful");
    assert_eq!(success.entry().section, Some("Base Error Codes"));
    let invalid = IpcamApiError::from_code(1).unwrap();
    assert_eq!(invalid.message(), "Invalid Request");
    assert_eq!(
        invalid.entry().description,
        Some("command name, channel ID, or action name not recognized")
    );
    assert_eq!(
        IpcamApiError::from_code(15).unwrap().message(),
        "Missing Required Parameters"
    );
    assert_eq!(
        IpcamApiError::from_code(79).unwrap().entry().section,
        Some("Extended Error Codes (v2.0)")
    );
    assert_eq!(
        IpcamApiError::from_code(111).unwrap().message(),
        "Audio file occupied by another process"
    );
    assert_eq!(
        IpcamApiError::from_code(207).unwrap().entry().section,
        Some("License Plate Processing Error Codes (v2.0)")
    );
    let docs = &catalog.enums[0].docs;
    assert!(
        docs.contains(r#"errorCode="1" errorDesc="Invalid Request""#),
        "the XML example is in the enum docs"
    );
    assert!(
        docs.contains("v1.9 devices return only the numeric errorCode."),
        "so is the note"
    );
}
