//! `cargo run -p errcode-demo`: expands the five pages of `docs-src/` with `error_catalog!` and
//! prints what the generated enums know, then looks a few codes up the way an application does.

use errcode_runtime::ErrorCode;

mod camera {
    errcode_runtime::error_catalog!("camera.md");
}
mod image {
    errcode_runtime::error_catalog!("image.md");
}
mod avsdk {
    errcode_runtime::error_catalog!("avsdk.md", strip_prefix = "AV_ERR_");
}
mod call_service {
    errcode_runtime::error_catalog!("call-service.html");
}
mod ipcam {
    errcode_runtime::error_catalog!("ipcam-api.txt");
}

/// One line per variant: code, `Enum::Variant`, message.
fn list<E: ErrorCode>() {
    let catalog = E::CATALOG;
    let heading = catalog.section.or(catalog.title).unwrap_or(catalog.source);
    println!(
        "\n{} — {} ({} entries, from {})",
        catalog.name,
        heading,
        E::all().len(),
        catalog.source
    );
    for error in E::all() {
        let name = format!("{}::{error:?}", catalog.name);
        println!(
            "  {:>11}  {name:<58} {}",
            error.code().to_string(),
            error.message()
        );
    }
}

fn main() {
    list::<camera::CameraError>();
    list::<image::ImageError>();
    list::<avsdk::AvsdkClientError>();
    list::<avsdk::AvsdkServiceSideError>();
    list::<avsdk::RecordingError>();
    list::<avsdk::NonInteractiveBroadcastingError>();
    list::<call_service::CallServiceError>();
    list::<ipcam::IpcamApiError>();

    println!("\nLooking codes up as an application does:");
    let raw = 7400102;
    match camera::CameraError::from_code(raw) {
        Some(error) => {
            let entry = error.entry();
            println!("  {raw} -> {error:?}: {error}");
            println!("    description: {}", entry.description.unwrap_or("-"));
            for cause in entry.causes {
                println!("    cause:       {cause}");
            }
            for step in entry.solutions {
                println!("    solution:    {step}");
            }
            println!(
                "    defined at:  {}:{}",
                entry.source.file, entry.source.line
            );
        }
        None => println!("  {raw} is not a camera error"),
    }
    let error = call_service::CallServiceError::from_code(1007200001);
    if let Some(error) = error {
        println!("  1007200001 -> {error:?}: {error}");
        println!(
            "    可能原因:    {}",
            error.entry().causes.iter().collect::<Vec<_>>().join(" / ")
        );
    }
    println!(
        "  42 -> {:?}",
        camera::CameraError::try_from(42).map_err(|e| e.to_string())
    );
    println!(
        "  \"RepeatedOperation\".parse() -> {:?}",
        "RepeatedOperation".parse::<avsdk::AvsdkClientError>()
    );
    println!("\nBrowse the same pages as documentation: cargo doc -p errcode-tests --open");
}
