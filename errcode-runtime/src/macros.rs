//! The macros generated code calls for the impls of optional features, so that the user's
//! crate needs no dependency on serde or miette.

/// Implements `serde::Serialize` and `Deserialize` for a generated enum, as its code, when this
/// crate's `serde` feature is on; nothing otherwise. The user's crate needs no serde dependency.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_impls {
    ($name:ident, $catalog:literal, int $code:ty) => {
        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serde::Serialize::serialize(&self.code(), serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_int::<D, $code, Self>(
                    deserializer,
                    Self::from_code,
                    $catalog,
                )
            }
        }
    };
    ($name:ident, $catalog:literal, text) => {
        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_text::<D, Self>(
                    deserializer,
                    Self::from_code,
                    $catalog,
                )
            }
        }
    };
}

/// Without the `serde` feature, generated enums have no serde impls.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_impls {
    ($($tokens:tt)*) => {};
}

/// Implements `miette::Diagnostic` for a generated enum when this crate's `miette` feature is
/// on: `code` is the code, `help` the solutions, `url` where the page publishes the entry.
#[cfg(feature = "miette")]
#[doc(hidden)]
#[macro_export]
macro_rules! __miette_impls {
    ($name:ident) => {
        impl $crate::__private::miette::Diagnostic for $name {
            fn code<'a>(
                &'a self,
            ) -> ::core::option::Option<$crate::__private::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::miette_code(self.entry()).map(|b| b as _)
            }

            fn help<'a>(
                &'a self,
            ) -> ::core::option::Option<$crate::__private::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::miette_help(self.entry()).map(|b| b as _)
            }

            fn url<'a>(
                &'a self,
            ) -> ::core::option::Option<$crate::__private::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::miette_url(self.entry()).map(|b| b as _)
            }
        }
    };
}

/// Without the `miette` feature, generated enums have no `Diagnostic` impl.
#[cfg(not(feature = "miette"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __miette_impls {
    ($($tokens:tt)*) => {};
}
