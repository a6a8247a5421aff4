//! The built `errcode` binary, run on the pages of `docs-src/` and `tests/pages/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use errcode_catalog::catalog::Catalog;
use errcode_catalog::options::Options;
use errcode_catalog::resolve::Environment;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .unwrap()
}

fn errcode(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcode"))
        .args(args)
        .current_dir(workspace())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The catalog the library reads, with the workspace as the root, as the binary does.
fn catalog(page: &str, options: &Options) -> Catalog {
    errcode_catalog::load(page, options, &environment())
        .catalog
        .unwrap()
}

fn environment() -> Environment {
    Environment {
        manifest_dir: workspace(),
        source_file: None,
    }
}

/// The 1-based line of the first line of `page` that contains `needle`.
fn line_of(page: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(workspace().join(page)).unwrap();
    text.lines().position(|line| line.contains(needle)).unwrap() + 1
}

#[test]
fn every_command_has_help() {
    for command in ["list", "explain", "expand", "json", "check", "diff", "lock"] {
        let output = errcode(&[command, "--help"]);
        assert!(output.status.success(), "{command} --help");
        assert!(
            stdout(&output).contains(&format!("Usage: errcode {command}")),
            "{}",
            stdout(&output)
        );
    }
    assert!(stdout(&errcode(&["--help"])).contains("explain"));
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &["bogus"][..],
        &["list"],
        &["check", "--deny", "everything", "docs-src"],
    ] {
        let output = errcode(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).starts_with("errcode: "),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn list_shows_one_line_per_entry() {
    let output = errcode(&["list", "docs-src/camera.md"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 11);
    assert_eq!(
        text.lines().nth(1).unwrap(),
        "7400102  CameraError::InvalidOperation                    Operation not allowed."
    );
    let section = errcode(&[
        "list",
        "docs-src/avsdk.md",
        "--section",
        "Recording Error Codes",
    ]);
    assert_eq!(stdout(&section).lines().count(), 30);
}

#[test]
fn explain_shows_the_whole_entry() {
    let output = errcode(&["explain", "7400101"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let entry = &catalog("docs-src/camera.md", &Options::default()).enums[0].entries[0];
    assert!(text.starts_with("7400101 Invalid Parameter\n"), "{text}");
    assert!(text.contains(&format!(
        "CameraError::InvalidParameter · docs-src/camera.md:{}",
        entry.line
    )));
    assert!(text.contains(&format!("Message:     {}", entry.message)));
    assert!(text.contains(&format!(
        "Description: {}",
        entry.description.as_deref().unwrap()
    )));
    assert!(text.contains(&entry.causes[0]));
    assert!(text.contains(&entry.solutions[0]));
}

#[test]
fn explain_accepts_loose_input_and_finds_codes_on_several_pages() {
    let signing = "errcode-cli/tests/pages/signing.md";
    let symbol = errcode(&["explain", "authfailure.signatureexpire", signing]);
    assert!(
        stdout(&symbol).starts_with("AuthFailure.SignatureExpire Signature expired\n"),
        "{}",
        stdout(&symbol)
    );
    // 1001 is defined by two sections of avsdk.md: both are shown.
    let both = stdout(&errcode(&["explain", "1001", "docs-src/avsdk.md"]));
    assert!(both.contains("AvsdkClientError::AvErrRepeatedOperation"));
    assert!(
        both.contains("NonInteractiveBroadcastingError::E1001")
            || both.contains("NonInteractiveBroadcastingError::PermissionError"),
        "{both}"
    );
    let symbol_name = stdout(&errcode(&["explain", "av_err_failed", "docs-src/avsdk.md"]));
    assert!(symbol_name.starts_with("1\n"), "{symbol_name}");
    let unknown = errcode(&["explain", "999"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).starts_with("errcode: no page defines `999`"));
}

#[test]
fn check_reports_the_name_clash_of_avsdk_at_its_line() {
    let output = errcode(&["check", "docs-src/avsdk.md"]);
    assert_eq!(output.status.code(), Some(0), "warnings only");
    let line = line_of(
        "docs-src/avsdk.md",
        "| AV_ERR_SERVER_ID_NOT_IN_ROOM | 10006",
    );
    let other = line_of("docs-src/avsdk.md", "| AV_ERR_SERVER_ID_NOT_IN_ROOM| 10009");
    let text = stdout(&output);
    assert!(
        text.contains(&format!("docs-src/avsdk.md:{line}:2: warning: variant name `AvErrServerIdNotInRoom` fits codes `10006` and `10009`")),
        "{text}"
    );
    assert!(text.contains(&format!("docs-src/avsdk.md:{other}:2: note: also here")));
    assert!(
        text.contains("docs-src/avsdk.md:1:1: warning: section `IMSDK Error Codes` has no entries")
    );
    let lines: Vec<&str> = text.lines().collect();
    let mut sorted = lines.clone();
    sorted.sort_by_key(|line| line.split(':').nth(1).and_then(|n| n.parse::<usize>().ok()));
    assert_eq!(lines, sorted, "sorted by line");
    let denied = errcode(&["check", "--deny", "warnings", "docs-src/avsdk.md"]);
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn check_fails_on_errors_and_walks_folders() {
    let folder = workspace().join("target/cli-tests/check");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("push.md"),
        "# Push Error Codes\n\n| Code | Meaning |\n|---|---|\n| 7 | A |\n| 7 | B |\n",
    )
    .unwrap();
    std::fs::write(folder.join("notes.md"), "# Notes\n\nNothing here.\n").unwrap();
    let output = errcode(&["check", "target/cli-tests/check"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("target/cli-tests/check/notes.md:1:1: error: no error entries found"),
        "{text}"
    );
    assert!(
        text.contains(
            "target/cli-tests/check/push.md:5:2: error: code `7` has 2 different entries"
        ),
        "{text}"
    );
    assert!(stderr(&output).contains("checked 2 pages: 2 errors"));
}

#[test]
fn diff_reports_removed_changed_and_added_entries() {
    let folder = workspace().join("target/cli-tests/diff");
    std::fs::create_dir_all(&folder).unwrap();
    let old = std::fs::read_to_string(workspace().join("docs-src/camera.md")).unwrap();
    let start = old.find("## 7400103").unwrap();
    let end = old.find("## 7400104").unwrap();
    let new = format!("{}{}", &old[..start], &old[end..]).replace(
        "Operation not allowed.",
        "Operation is not allowed in this mode.",
    ) + "\n## 7400301 Camera Overheated\n\n**Error Message**\n\nCamera too hot.\n";
    std::fs::write(folder.join("old.md"), &old).unwrap();
    std::fs::write(folder.join("new.md"), &new).unwrap();
    let output = errcode(&[
        "diff",
        "target/cli-tests/diff/old.md",
        "target/cli-tests/diff/new.md",
    ]);
    assert_eq!(output.status.code(), Some(1), "a removed variant breaks");
    assert_eq!(
        stdout(&output),
        "ok       message of CameraError::InvalidOperation (7400102): \"Operation not allowed.\" -> \"Operation is not allowed in this mode.\"\n\
         breaking removed CameraError::SessionNotConfigured (7400103)\n\
         ok       added CameraError::CameraOverheated (7400301)\n"
    );
    assert_eq!(stderr(&output), "3 changes, 1 breaking\n");
    let same = errcode(&[
        "diff",
        "target/cli-tests/diff/old.md",
        "target/cli-tests/diff/old.md",
    ]);
    assert_eq!(same.status.code(), Some(0));
}

#[test]
fn a_lock_keeps_names_through_a_retitle_and_a_removal() {
    let folder = workspace().join("target/cli-tests/lock");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let old = std::fs::read_to_string(workspace().join("docs-src/camera.md")).unwrap();
    std::fs::write(folder.join("camera.md"), &old).unwrap();
    let written = errcode(&["lock", "target/cli-tests/lock/camera.md"]);
    assert!(written.status.success(), "{}", stderr(&written));
    assert_eq!(
        stderr(&written),
        "wrote target/cli-tests/lock/camera.md.lock: 11 codes in 1 enum\n"
    );
    let lock = std::fs::read_to_string(folder.join("camera.md.lock")).unwrap();
    assert!(lock.contains("\npage = \"camera.md\"\n\n[CameraError]\n7400101 = { variant = \"InvalidParameter\", message = \"Parameter missing or parameter type incorrect.\" }\n"), "{lock}");

    // Retitle one entry and remove another.
    let start = old.find("## 7400104").unwrap();
    let end = old.find("## 7400105").unwrap();
    let new = format!("{}{}", &old[..start], &old[end..]).replace(
        "## 7400103 Session Not Configured",
        "## 7400103 Session Not Yet Configured",
    );
    std::fs::write(folder.join("old.md"), &old).unwrap();
    std::fs::write(folder.join("camera.md"), &new).unwrap();
    let diff = errcode(&[
        "diff",
        "target/cli-tests/lock/old.md",
        "target/cli-tests/lock/camera.md",
    ]);
    assert_eq!(
        stdout(&diff),
        "ok       deprecated CameraError::SessionNotRunning (7400104): the page no longer lists it; its lock keeps it\n"
    );
    assert_eq!(diff.status.code(), Some(0), "{}", stderr(&diff));
    let check = errcode(&["check", "target/cli-tests/lock/camera.md"]);
    assert!(
        stdout(&check).contains("target/cli-tests/lock/camera.md.lock:10:1: warning: `target/cli-tests/lock/camera.md.lock` keeps code `7400104`"),
        "{}",
        stdout(&check)
    );

    let missing = errcode(&[
        "diff",
        "target/cli-tests/lock/old.md",
        "target/cli-tests/lock/camera.md",
        "--lock",
        "target/cli-tests/lock/nope.lock",
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        stderr(&missing),
        "errcode: no such lock file: `target/cli-tests/lock/nope.lock`\n"
    );

    let pruned = errcode(&["lock", "--prune", "target/cli-tests/lock/camera.md"]);
    assert_eq!(
        stderr(&pruned),
        "wrote target/cli-tests/lock/camera.md.lock: 10 codes in 1 enum; pruned 1 the page no longer lists\n"
    );
    let lock = std::fs::read_to_string(folder.join("camera.md.lock")).unwrap();
    assert!(lock.contains("SessionNotConfigured") && !lock.contains("7400104"));
}

#[test]
fn json_round_trips_through_the_catalog_model() {
    let output = errcode(&[
        "json",
        "docs-src/avsdk.md",
        "--opt",
        "strip_prefix = \"AV_ERR_\"",
    ]);
    assert!(output.status.success());
    let parsed: Catalog = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        parsed,
        catalog(
            "docs-src/avsdk.md",
            &Options::from_text(&[("strip_prefix", "AV_ERR_")]).unwrap()
        )
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        value["enums"][0]["entries"][1]["code"], 1001,
        "numeric codes are JSON numbers"
    );
    assert_eq!(
        value["enums"][0]["entries"][1]["variant"],
        "RepeatedOperation"
    );
}

#[test]
fn expand_prints_exactly_what_the_macro_generates() {
    let output = errcode(&[
        "expand",
        "docs-src/camera.md",
        "--opt",
        "name = Camera",
        "--opt",
        "vis = pub(crate)",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let options = Options::from_text(&[("name", "Camera"), ("vis", "pub(crate)")]).unwrap();
    let code = errcode_catalog::expand_page("docs-src/camera.md", &options, &environment()).code;
    let expected = prettyplease::unparse(&syn::parse_file(&code).unwrap());
    assert_eq!(stdout(&output), format!("{expected}\n"));
    assert!(expected.contains("pub(crate) enum Camera {"));
}

#[test]
fn page_errors_are_reported_with_their_position() {
    let output = errcode(&["expand", "docs-src/camera.md", "--opt", "repr = u8"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("errcode: invalid --opt `repr = u8`: unsupported repr `u8`"),
        "{}",
        stderr(&output)
    );
    let missing = errcode(&["json", "nope.md"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).starts_with("errcode: error: cannot find page `nope.md`"),
        "{}",
        stderr(&missing)
    );
}
