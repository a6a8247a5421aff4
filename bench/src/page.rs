//! A deterministic generator of synthetic error pages in the layout of `camera.md`: N entries
//! with a title, a message, a description, numbered causes and a solution, worded from fixed
//! vocabularies so that every run writes the same page.

use errcode_test_pages::Rng;

/// The first code.
pub const FIRST_CODE: u32 = 7_400_000;

/// How the codes of a generated page are numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codes {
    /// As vendors number them: runs of consecutive codes (5 to 40 long) with gaps between.
    Runs,
    /// No two codes consecutive: the worst case for the compiler (see BENCHMARKS.md).
    Scattered,
}

const SUBJECTS: &[&str] = &[
    "Camera", "Session", "Device", "Stream", "Buffer", "Image", "Codec", "Surface", "Preview",
    "Capture", "Sensor", "Lens", "Shutter", "Flash", "Focus", "Exposure", "Frame", "Profile",
    "Metadata", "Channel",
];
const STATES: &[&str] = &[
    "Busy",
    "Locked",
    "Missing",
    "Invalid",
    "Conflicting",
    "Preempted",
    "Disabled",
    "Overloaded",
    "Expired",
    "Unsupported",
    "Corrupted",
    "Detached",
    "Suspended",
    "Misconfigured",
    "Unavailable",
];
const PLACES: &[&str] = &[
    "in Preview Mode",
    "during Capture",
    "after Restart",
    "on Startup",
    "in Background",
    "while Recording",
    "under Load",
    "after Timeout",
    "in Low Power Mode",
    "during Update",
];
const CAUSES: &[&str] = &[
    "An exception occurs during the operation.",
    "The memory of the device is insufficient.",
    "Another application holds the resource.",
    "The API is called before the session is configured.",
    "The parameter value is not within the supported range.",
    "The system service restarted unexpectedly.",
    "The configuration committed is not supported by the device.",
];
const SOLUTIONS: &[&str] = &[
    "Check the parameters and call the API again.",
    "Release the resource and retry.",
    "Configure the session first.",
    "Restart the device and try again.",
    "Wait until the operation completes.",
];

/// One generated entry.
pub struct GeneratedEntry {
    /// The code.
    pub code: u32,
    /// The heading's title.
    pub title: String,
    /// The error message.
    pub message: String,
    /// The description.
    pub description: String,
    /// Two to four numbered causes.
    pub causes: Vec<String>,
    /// The solution.
    pub solution: String,
}

/// The entries of a page of `n` entries.
pub fn entries(n: usize, codes: Codes) -> Vec<GeneratedEntry> {
    let mut rng = Rng(0x00E7_7C0D_E5BE_4C11);
    let mut code = FIRST_CODE;
    let mut run_left = 0;
    (0..n)
        .map(|index| {
            if index > 0 {
                code += match codes {
                    Codes::Scattered => 2,
                    Codes::Runs if run_left > 0 => 1,
                    Codes::Runs => 50 + (rng.next_u64() % 950) as u32,
                };
            }
            if run_left == 0 {
                run_left = 5 + (rng.next_u64() % 36) as usize;
            }
            run_left -= 1;
            let (subject, state, place) = (rng.pick(SUBJECTS), rng.pick(STATES), rng.pick(PLACES));
            let causes = (0..2 + index % 3)
                .map(|_| rng.pick(CAUSES).to_owned())
                .collect();
            GeneratedEntry {
                code,
                title: format!("{subject} {state} {place}"),
                message: format!(
                    "{subject} {} {}.",
                    state.to_lowercase(),
                    place.to_lowercase()
                ),
                description: format!(
                    "The {} is {} {}, so the operation cannot continue.",
                    subject.to_lowercase(),
                    state.to_lowercase(),
                    place.to_lowercase()
                ),
                causes,
                solution: rng.pick(SOLUTIONS).to_owned(),
            }
        })
        .collect()
}

/// The page, in the layout of `camera.md`.
pub fn page(entries: &[GeneratedEntry]) -> String {
    let mut page = String::from(
        "# Bench Error Codes\n<!--Kit: Bench Kit-->\n\n> **NOTE**\n>\n> Generated for benchmarks.\n",
    );
    for entry in entries {
        page.push_str(&format!(
            "\n## {} {}\n\n**Error Message**\n\n{}\n\n**Error Description**\n\n{}\n\n**Possible Cause**\n\n",
            entry.code, entry.title, entry.message, entry.description
        ));
        for (index, cause) in entry.causes.iter().enumerate() {
            page.push_str(&format!("{}. {cause}\n", index + 1));
        }
        page.push_str(&format!("\n**Solution**\n\n{}\n", entry.solution));
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic_and_errcode_reads_every_entry() {
        let first = page(&entries(50, Codes::Runs));
        assert_eq!(first, page(&entries(50, Codes::Runs)));
        let scattered = entries(50, Codes::Scattered);
        assert!(
            scattered
                .windows(2)
                .all(|pair| pair[1].code == pair[0].code + 2)
        );
        let source = errcode_catalog::validate::PageSource {
            path: "bench.md",
            stem: "bench",
            text: &first,
        };
        let (catalog, diagnostics) = errcode_catalog::catalog_of(
            &source,
            errcode_catalog::read::Format::Markdown,
            &Default::default(),
        );
        assert!(diagnostics.iter().all(|d| !d.is_error()));
        let entries = &catalog.enums[0].entries;
        assert_eq!(entries.len(), 50);
        assert_eq!(entries[3].causes.len(), 2);
        assert_eq!(entries[4].causes.len(), 3);
    }
}
