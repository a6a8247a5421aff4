//! Codes as they come over the wire: [`WireCode`] keeps a code the page does not define, and
//! the errors of `TryFrom` and `FromStr` name the code and the enum.

use core::fmt;

use crate::ErrorCode;

/// An error code from the wire: a variant when the page defines the code, else the code as it
/// came, so nothing is lost. It displays, parses and (with `serde`) serialises as the code.
///
/// ```
/// errcode_runtime::error_catalog!("camera.md");
/// use errcode_runtime::WireCode;
///
/// let known: WireCode<CameraError> = WireCode::new(7400102);
/// assert_eq!(known.known(), Some(CameraError::InvalidOperation));
/// let unknown: WireCode<CameraError> = "7499999".parse().unwrap();
/// assert_eq!(unknown, WireCode::Unknown(7499999));
/// assert_eq!(unknown.to_string(), "7499999");
/// assert_eq!(unknown.to_string().parse::<WireCode<CameraError>>(), Ok(unknown));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WireCode<E: ErrorCode> {
    /// A code the page defines.
    Known(E),
    /// A code the page does not define, kept as it came.
    Unknown(E::Code),
}

impl<E: ErrorCode> WireCode<E> {
    /// The variant for `code`, or `Unknown(code)`.
    pub fn new(code: E::Code) -> Self {
        match E::from_code(code) {
            Some(error) => WireCode::Known(error),
            None => WireCode::Unknown(code),
        }
    }

    /// The code, known or not.
    pub fn code(self) -> E::Code {
        match self {
            WireCode::Known(error) => error.code(),
            WireCode::Unknown(code) => code,
        }
    }

    /// The variant, when the page defines the code.
    pub fn known(self) -> Option<E> {
        match self {
            WireCode::Known(error) => Some(error),
            WireCode::Unknown(_) => None,
        }
    }
}

impl<E: ErrorCode> From<E> for WireCode<E> {
    fn from(error: E) -> Self {
        WireCode::Known(error)
    }
}

impl<E: ErrorCode> fmt::Display for WireCode<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code(), f)
    }
}

impl<E: ErrorCode> core::str::FromStr for WireCode<E>
where
    E::Code: core::str::FromStr,
{
    type Err = <E::Code as core::str::FromStr>::Err;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.trim().parse().map(WireCode::new)
    }
}

#[cfg(feature = "serde")]
impl<E: ErrorCode> serde::Serialize for WireCode<E>
where
    E::Code: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.code().serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de, E: ErrorCode> serde::Deserialize<'de> for WireCode<E>
where
    E::Code: serde::Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        E::Code::deserialize(deserializer).map(WireCode::new)
    }
}

/// A code that the page does not define, from `TryFrom`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCode<C> {
    /// The code that was not found.
    pub code: C,
    /// The enum that was asked.
    pub catalog: &'static str,
}

impl<C> UnknownCode<C> {
    /// An unknown `code` of the enum named `catalog`.
    pub const fn new(code: C, catalog: &'static str) -> Self {
        UnknownCode { code, catalog }
    }
}

impl<C: fmt::Display> fmt::Display for UnknownCode<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} code `{}`", self.catalog, self.code)
    }
}

impl<C: fmt::Debug + fmt::Display> core::error::Error for UnknownCode<C> {}

/// Text that is neither a variant name nor a code, from `FromStr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseError {
    /// The enum that was asked.
    pub catalog: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a {} variant name or code", self.catalog)
    }
}

impl core::error::Error for ParseError {}
