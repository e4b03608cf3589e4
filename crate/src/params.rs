//! Every value a person can type — URL parameters, element attributes, form inputs — is checked
//! here, in one place. Browser-free.
//!
//! A rejected value gets a sentence naming the parameter, the value and the accepted range; the
//! caller shows it and uses the default. Nothing here panics, whatever the input.

use crate::clock::Speed;

/// The longest wait a lesson accepts, in ms. A minute is plenty for a lesson, and keeps every timer
/// far below `setTimeout`'s 2^31−1 ms limit, past which browsers fire at once.
pub const MAX_DURATION_MS: u32 = 60_000;
/// Slowest speed, in thousandths (0.1×).
pub const MIN_SPEED: u32 = 100;
/// Fastest speed, in thousandths (100×).
pub const MAX_SPEED: u32 = 100_000;

/// The demos, by the names the URL's `demo` and the element's `demo` attribute accept, in page
/// order: the distinct prefixes of [`crate::lessons::VARIANTS`]' ids (`join` of `join/join`).
pub fn demo_names() -> impl Iterator<Item = &'static str> {
    let variants = crate::lessons::VARIANTS;
    variants.iter().enumerate().filter_map(move |(i, v)| {
        let name = demo_of(v.id);
        // Ids of one demo are adjacent: a name is new where the previous id had another prefix.
        let seen = i > 0 && demo_of(variants[i - 1].id) == name;
        (!seen).then_some(name)
    })
}

/// `join` of `join/sequential`. By bytes and `get`, which cannot panic: a `str` split or slice
/// would bring its panic message (and char formatting tables) into the wasm.
fn demo_of(id: &'static str) -> &'static str {
    let end = id.bytes().position(|b| b == b'/').unwrap_or(id.len());
    id.get(..end).unwrap_or(id)
}

/// What [`parse_demo`] says it expects. A literal (no formatting in wasm); a test checks that it
/// lists exactly [`demo_names`].
pub const DEMO_EXPECTED: &str = "a demo: use lazy, sleep, join, select, no-await, blocking or many";

/// A value that was rejected, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    /// The parameter's name, e.g. `user`.
    pub name: String,
    /// The value as given (shortened if long).
    pub value: String,
    /// What it should have been, e.g. `a duration: use 0–60000 ms`.
    pub expected: &'static str,
}

impl ParamError {
    fn new(name: &str, value: &str, expected: &'static str) -> Self {
        // A URL can carry kilobytes; the message only needs enough to recognise the value. (Chars,
        // not a byte slice: slicing a str brings its panic message, with char Debug tables, into wasm.)
        let mut chars = value.chars();
        let mut value: String = chars.by_ref().take(40).collect();
        if chars.next().is_some() {
            value.push('…');
        }
        ParamError {
            name: name.to_string(),
            value,
            expected,
        }
    }

    /// The sentence shown to the person, e.g. `user=-5 is not a duration: use 0–60000 ms`.
    pub fn message(&self) -> String {
        // Concatenation rather than format!: this runs in the wasm build, where it is smaller.
        [&self.name, "=", &self.value, " is not ", self.expected].concat()
    }
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ParamError {}

/// Parses a duration in whole milliseconds, 0–60000.
///
/// ```
/// use async_playground::params::parse_duration;
/// assert_eq!(parse_duration("user", "3000"), Ok(3000));
/// assert_eq!(
///     parse_duration("user", "-5").unwrap_err().message(),
///     "user=-5 is not a duration: use 0–60000 ms"
/// );
/// ```
pub fn parse_duration(name: &str, value: &str) -> Result<u32, ParamError> {
    const EXPECTED: &str = "a duration: use 0–60000 ms";
    let err = || ParamError::new(name, value, EXPECTED);
    let digits = value.trim();
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    let ms = digits
        .bytes()
        .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    if ms > MAX_DURATION_MS {
        return Err(err());
    }
    Ok(ms)
}

/// Parses a speed factor, 0.1–100, with at most three decimals (`0.5`, `2`, `10`).
///
/// Written by hand rather than with `str::parse::<f64>`: it accepts exactly plain decimals (no
/// `1e2`, `NaN`, `inf`, `+2`), and float parsing would add kilobytes to the wasm.
///
/// ```
/// use async_playground::{clock::Speed, params::parse_speed};
/// assert_eq!(parse_speed("0.5"), Ok(Speed(500)));
/// assert!(parse_speed("1e400").is_err());
/// ```
pub fn parse_speed(value: &str) -> Result<Speed, ParamError> {
    let err = || ParamError::new("speed", value, "a speed: use 0.1–100");
    let text = value.trim();
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 3
        || frac.len() > 3
        || (text.contains('.') && frac.is_empty())
        || !all_digits(whole)
        || !all_digits(frac)
    {
        return Err(err());
    }
    let mut milli = whole
        .bytes()
        .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
        * 1000;
    let mut scale = 100;
    for b in frac.bytes() {
        milli += u32::from(b - b'0') * scale;
        scale /= 10;
    }
    if !(MIN_SPEED..=MAX_SPEED).contains(&milli) {
        return Err(err());
    }
    Ok(Speed(milli))
}

/// Parses a demo name into its index in [`demo_names`].
///
/// ```
/// use async_playground::params::parse_demo;
/// assert_eq!(parse_demo("join"), Ok(2));
/// assert!(parse_demo("<img src=x>").is_err());
/// ```
pub fn parse_demo(value: &str) -> Result<usize, ParamError> {
    demo_names()
        .position(|d| d == value.trim())
        .ok_or_else(|| ParamError::new("demo", value, DEMO_EXPECTED))
}
