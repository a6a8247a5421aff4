//! The language an application chooses for every catalog at once.
//!
//! The choice is an atomic pointer where the target has atomics. Without them (thumbv6m, or
//! with `--cfg errcode_no_atomics`, which compiles the atomic code out so that a build for such
//! targets can be tested on any machine) there is no global choice: `locale()` is `None` and
//! code passes the language to `entry_in` itself.

/// A language an application can choose for all catalogs at once ([`set_locale`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Locale {
    tag: &'static str,
}

impl Locale {
    /// The language with this tag (`"zh-CN"`).
    pub const fn new(tag: &'static str) -> Self {
        Locale { tag }
    }

    /// The tag.
    pub const fn tag(&self) -> &'static str {
        self.tag
    }
}

#[cfg(all(target_has_atomic = "ptr", not(errcode_no_atomics)))]
static CURRENT_LOCALE: core::sync::atomic::AtomicPtr<Locale> =
    core::sync::atomic::AtomicPtr::new(core::ptr::null_mut());

/// Chooses the language of [`ErrorCode::localized`](crate::ErrorCode::localized) for the whole application, once, at
/// start-up. An atomic pointer to a `'static` value: sound without std, and free to read.
///
/// ```
/// errcode_runtime::error_catalog!("camera.md", locales = { "zh-CN" = "zh-cn/camera.md" });
/// use errcode_runtime::{ErrorCode, Locale};
///
/// static CHINESE: Locale = Locale::new("zh-CN");
/// errcode_runtime::set_locale(&CHINESE);
/// assert_eq!(CameraError::InvalidOperation.localized().message, CameraError::InvalidOperation.message_in("zh-CN"));
/// ```
#[cfg(all(target_has_atomic = "ptr", not(errcode_no_atomics)))]
pub fn set_locale(locale: &'static Locale) {
    CURRENT_LOCALE.store(
        core::ptr::from_ref(locale).cast_mut(),
        core::sync::atomic::Ordering::Release,
    );
}

/// The tag chosen with [`set_locale`], if any.
pub fn locale() -> Option<&'static str> {
    #[cfg(all(target_has_atomic = "ptr", not(errcode_no_atomics)))]
    {
        let current = CURRENT_LOCALE.load(core::sync::atomic::Ordering::Acquire);
        // SAFETY: the pointer is null or was made from a `&'static Locale` by `set_locale`,
        // and nothing writes through it.
        unsafe { current.as_ref() }.map(Locale::tag)
    }
    #[cfg(any(not(target_has_atomic = "ptr"), errcode_no_atomics))]
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(all(target_has_atomic = "ptr", not(errcode_no_atomics)))]
    #[test]
    fn a_chosen_language_is_every_catalog_s() {
        static CHINESE: Locale = Locale::new("zh-CN");
        set_locale(&CHINESE);
        assert_eq!(locale(), Some("zh-CN"));
    }

    #[cfg(any(not(target_has_atomic = "ptr"), errcode_no_atomics))]
    #[test]
    fn without_atomics_no_language_is_chosen() {
        assert_eq!(locale(), None);
    }
}
