//! A hasher for errcode's own maps, whose keys come from one page: no need for SipHash's
//! defence against chosen keys, whose rounds are slow in the unoptimised build cargo gives
//! proc macros.

use std::hash::{BuildHasherDefault, Hasher};

/// Builds [`QuickHasher`]s, for `HashMap<K, V, QuickHash>`.
pub(crate) type QuickHash = BuildHasherDefault<QuickHasher>;

/// Mixes each word (or byte) written into the state with a rotate, an xor and a multiply.
#[derive(Default)]
pub(crate) struct QuickHasher(u64);

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut index = 0;
        while index < bytes.len() {
            self.write_u64(u64::from(bytes[index]));
            index += 1;
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }
}
