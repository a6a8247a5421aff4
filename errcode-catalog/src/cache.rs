//! Expansions kept between builds, so that a crate whose page did not change does not pay for
//! reading it again.
//!
//! cargo builds proc macros without optimisation, and rustc runs a proc macro on every build of
//! the crate that invokes it: each edit of a user's own code used to read, recognise and
//! validate the page again (0.3 s at 1,000 entries, BENCHMARKS.md). A kept expansion is
//! handed to rustc as text, which its own (optimised) lexer reads.
//!
//! An expansion is reused only when everything that made it is the same, compared byte for
//! byte, not by a hash: the invocation's tokens, the crate and file that invoke it, the sources
//! errcode-catalog was built from (`build.rs`), the files the page resolves to (the page, its
//! lock, its translations) and the workspace's `Cargo.lock` (the versions of errcode's own
//! dependencies, which the build folder does not tell apart). An expansion with errors is never
//! kept (their spans point into the invocation). The files are compared with the bytes read
//! before the expansion was made, and an expansion is kept only if they read the same
//! afterwards, so a page edited during a build is read again by the next one.
//!
//! The kept text is the expansion's own (`expand` writes Rust source text), so page text
//! reaches it only inside the literals the expansion built; a file changed by anything else fails the
//! checks of its layout, or fails to lex and is expanded again. Whoever can write the target
//! folder could as well replace the proc macro itself.
//!
//! The cache lives in errcode-catalog's build folder inside the target folder (`OUT_DIR`,
//! removed by `cargo clean`), one file per invocation, replaced when its page changes. It is
//! best effort: a folder that cannot be written (a read-only or sandboxed build) means no
//! cache, not an error; two compilers writing at once each write a file of their own and
//! rename it into place.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

/// What an expansion is kept under, and where.
pub struct Cache {
    folder: PathBuf,
    /// Named by the invocation alone, so that a build of other sources replaces it.
    file: PathBuf,
    key: String,
}

/// The files an expansion was made from, with their bytes.
#[derive(PartialEq, Eq)]
pub struct Inputs {
    files: Vec<(PathBuf, Vec<u8>)>,
}

/// Starts every cache file, so that other files are never taken for one.
const MAGIC: &[u8; 8] = b"errcode1";

impl Cache {
    /// The cache of this build of errcode-catalog, for one invocation: `invocation` is
    /// everything besides the files that decides the expansion (the macro's tokens and where
    /// they were written).
    pub fn in_build_folder(invocation: &str) -> Cache {
        Cache::in_folder(Path::new(env!("OUT_DIR")).join("expansions"), invocation)
    }

    /// [`Cache::in_build_folder`] in another folder.
    pub fn in_folder(folder: PathBuf, invocation: &str) -> Cache {
        let mut hasher = DefaultHasher::new();
        invocation.hash(&mut hasher);
        Cache {
            file: folder.join(format!("{:016x}.expansion", hasher.finish())),
            folder,
            key: format!(
                "errcode-catalog {} {}\n{invocation}",
                env!("CARGO_PKG_VERSION"),
                env!("ERRCODE_CATALOG_SOURCES")
            ),
        }
    }

    /// The expansion kept for exactly these inputs.
    pub fn find(&self, inputs: &Inputs) -> Option<String> {
        let bytes = std::fs::read(&self.file).ok()?;
        let mut reader = Reader {
            rest: bytes.strip_prefix(MAGIC)?,
        };
        if reader.bytes()? != self.key.as_bytes() {
            return None;
        }
        let count = reader.length()?;
        if count != inputs.files.len() {
            return None;
        }
        for (path, content) in &inputs.files {
            if reader.bytes()? != path.as_os_str().as_encoded_bytes()
                || reader.bytes()? != content.as_slice()
            {
                return None;
            }
        }
        let expansion = reader.bytes()?;
        if !reader.rest.is_empty() {
            return None;
        }
        String::from_utf8(expansion.to_vec()).ok()
    }

    /// Keeps `expansion` for `inputs`, replacing what was kept for this invocation. Failures
    /// are ignored: the next build expands the page again.
    pub fn keep(&self, inputs: &Inputs, expansion: &str) {
        let mut bytes = MAGIC.to_vec();
        push_bytes(&mut bytes, self.key.as_bytes());
        push_length(&mut bytes, inputs.files.len());
        for (path, content) in &inputs.files {
            push_bytes(&mut bytes, path.as_os_str().as_encoded_bytes());
            push_bytes(&mut bytes, content);
        }
        push_bytes(&mut bytes, expansion.as_bytes());
        let unique = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.as_nanos())
            .unwrap_or_default();
        let partial = self
            .file
            .with_extension(format!("{}-{unique}.partial", std::process::id()));
        let written = std::fs::create_dir_all(&self.folder)
            .and_then(|()| std::fs::write(&partial, &bytes))
            .and_then(|()| std::fs::rename(&partial, &self.file));
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
    }
}

impl Inputs {
    /// The bytes of each file, or `None` if one cannot be read.
    pub fn read(paths: &[PathBuf]) -> Option<Inputs> {
        let files = paths
            .iter()
            .map(|path| Some((path.clone(), std::fs::read(path).ok()?)))
            .collect::<Option<Vec<_>>>()?;
        Some(Inputs { files })
    }

    /// The files, in the order they were read.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().map(|(path, _)| path.as_path())
    }
}

fn push_length(bytes: &mut Vec<u8>, length: usize) {
    bytes.extend_from_slice(&(length as u64).to_le_bytes());
}

fn push_bytes(bytes: &mut Vec<u8>, content: &[u8]) {
    push_length(bytes, content.len());
    bytes.extend_from_slice(content);
}

/// Reads what [`Cache::keep`] wrote; `None` on anything else.
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn length(&mut self) -> Option<usize> {
        let (length, rest) = self.rest.split_first_chunk::<8>()?;
        self.rest = rest;
        usize::try_from(u64::from_le_bytes(*length)).ok()
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let length = self.length()?;
        if length > self.rest.len() {
            return None;
        }
        let (bytes, rest) = self.rest.split_at(length);
        self.rest = rest;
        Some(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let folder = std::env::temp_dir()
                .join(format!("errcode-cache-test-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&folder);
            std::fs::create_dir_all(&folder).unwrap();
            Scratch(folder)
        }

        fn page(&self, text: &str) -> PathBuf {
            let path = self.0.join("camera.md");
            std::fs::write(&path, text).unwrap();
            path
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn an_expansion_is_found_for_the_same_inputs_only() {
        let scratch = Scratch::new("same");
        let page = scratch.page("## 1 Busy\n");
        let cache = Cache::in_folder(scratch.0.join("cache"), "\"camera.md\"");
        let inputs = Inputs::read(std::slice::from_ref(&page)).unwrap();
        assert_eq!(cache.find(&inputs), None);
        cache.keep(&inputs, "pub enum CameraError { Busy = 1 }");
        assert_eq!(
            cache.find(&inputs).as_deref(),
            Some("pub enum CameraError { Busy = 1 }")
        );

        scratch.page("## 1 Busy!\n");
        let edited = Inputs::read(std::slice::from_ref(&page)).unwrap();
        assert_eq!(cache.find(&edited), None, "one byte of the page changed");

        let other_options = Cache::in_folder(scratch.0.join("cache"), "\"camera.md\", name = E");
        assert_eq!(other_options.find(&inputs), None);

        let lock = scratch.0.join("camera.md.lock");
        std::fs::write(&lock, "").unwrap();
        let with_lock = Inputs::read(&[page, lock]).unwrap();
        assert_eq!(cache.find(&with_lock), None, "a file more");
    }

    #[test]
    fn a_damaged_or_foreign_file_is_no_expansion() {
        let scratch = Scratch::new("damaged");
        let page = scratch.page("## 1 Busy\n");
        let cache = Cache::in_folder(scratch.0.join("cache"), "\"camera.md\"");
        let inputs = Inputs::read(&[page]).unwrap();
        cache.keep(&inputs, "pub enum CameraError { Busy = 1 }");
        let file = &cache.file;
        let whole = std::fs::read(file).unwrap();
        for cut in [0, 5, 8, 20, whole.len() - 1] {
            std::fs::write(file, &whole[..cut]).unwrap();
            assert_eq!(cache.find(&inputs), None, "cut at {cut}");
        }
        std::fs::write(file, [whole.as_slice(), b"x"].concat()).unwrap();
        assert_eq!(cache.find(&inputs), None, "a byte too many");
        std::fs::write(file, b"pub enum Injected {}").unwrap();
        assert_eq!(cache.find(&inputs), None);
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_no_cache() {
        let scratch = Scratch::new("unwritable");
        let page = scratch.page("## 1 Busy\n");
        let not_a_folder = scratch.0.join("camera.md");
        let cache = Cache::in_folder(not_a_folder, "\"camera.md\"");
        let inputs = Inputs::read(&[page]).unwrap();
        cache.keep(&inputs, "pub enum CameraError { Busy = 1 }");
        assert_eq!(cache.find(&inputs), None);
    }

    #[test]
    fn a_missing_file_has_no_inputs() {
        let scratch = Scratch::new("missing");
        assert!(Inputs::read(&[scratch.0.join("nowhere.md")]).is_none());
    }
}
