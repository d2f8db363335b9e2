//! How strong a passphrase looks while it is typed: a hint from its length and the kinds of
//! characters in it, with no dictionary to download. It guides; it does not judge words.

/// Fewer characters than this are refused for the lock.
pub const MIN_CHARS: usize = 8;
/// More than this is refused (a paste gone wrong), well above any real passphrase.
pub const MAX_CHARS: usize = 1_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

impl Strength {
    /// The hint shown under the field.
    pub fn words(self) -> &'static str {
        match self {
            Strength::TooShort => "Too short: use at least 8 characters.",
            Strength::Weak => "Weak: longer is better, or mix in other kinds of characters.",
            Strength::Fair => "Fair: a few more words would make it strong.",
            Strength::Strong => "Strong.",
        }
    }
}

/// About how many bits of guessing `passphrase` would take, from its length, how many kinds of
/// characters it uses and how often it repeats itself.
pub fn estimated_bits(passphrase: &str) -> f64 {
    let chars: Vec<char> = passphrase.chars().collect();
    let mut pool = 0u32;
    type Kind = (fn(&char) -> bool, u32);
    let kinds: [Kind; 5] = [
        (char::is_ascii_lowercase, 26),
        (char::is_ascii_uppercase, 26),
        (char::is_ascii_digit, 10),
        (|c| c.is_ascii_punctuation() || *c == ' ', 33),
        (|c| !c.is_ascii(), 100),
    ];
    for (is, size) in kinds {
        if chars.iter().any(is) {
            pool += size;
        }
    }
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    // "aaaaaaaaaaaa" is long but says little: count a repeated character at a quarter.
    let repeats = chars.len() - distinct.len();
    let effective = distinct.len() as f64 + repeats as f64 / 4.0;
    effective * f64::from(pool.max(1)).log2()
}

/// The hint for `passphrase`.
pub fn strength(passphrase: &str) -> Strength {
    if passphrase.chars().count() < MIN_CHARS {
        return Strength::TooShort;
    }
    match estimated_bits(passphrase) {
        bits if bits < 45.0 => Strength::Weak,
        bits if bits < 70.0 => Strength::Fair,
        _ => Strength::Strong,
    }
}

/// Why a new passphrase cannot be used, in words; `None` when it can.
pub fn refused(passphrase: &str, repeated: &str) -> Option<&'static str> {
    let count = passphrase.chars().count();
    if count < MIN_CHARS {
        Some("Use at least 8 characters.")
    } else if count > MAX_CHARS {
        Some("Use at most 1,000 characters.")
    } else if passphrase != repeated {
        Some("The two passphrases are not the same.")
    } else {
        None
    }
}

/// Wrong tries in a row after which each further try waits.
pub const FREE_TRIES: u32 = 3;
/// The longest wait between tries, in seconds.
pub const LONGEST_WAIT_SECONDS: u32 = 300;

/// Wrong passphrases typed in a row at the unlock screen, and when the last one was, in
/// milliseconds since 1970 (as remembered in this browser; checked when read).
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Tries {
    pub wrong: u32,
    pub last_ms: f64,
}

impl Tries {
    /// Remembered tries brought into range: a count past any real one, or a time that is not
    /// a time, counts as the longest wait from now.
    pub fn in_range(self, now_ms: f64) -> Tries {
        let wrong = self.wrong.min(FREE_TRIES + 10);
        let last_ms = if self.last_ms.is_finite() && self.last_ms >= 0.0 {
            // A clock moved back does not make the wait last for ever.
            self.last_ms.min(now_ms)
        } else {
            now_ms
        };
        Tries { wrong, last_ms }
    }

    /// Seconds to wait before the next try: none after one or two wrong tries, 5 s after the
    /// third, doubling with each wrong try after it, up to 5 minutes.
    pub fn wait_seconds(self) -> u32 {
        match self.wrong.checked_sub(FREE_TRIES) {
            None => 0,
            Some(over) => (5u32 << over.min(6)).min(LONGEST_WAIT_SECONDS),
        }
    }

    /// Whole seconds left to wait at `now_ms`.
    pub fn seconds_left(self, now_ms: f64) -> u32 {
        let until = self.last_ms + f64::from(self.wait_seconds()) * 1000.0;
        ((until - now_ms) / 1000.0)
            .ceil()
            .clamp(0.0, f64::from(LONGEST_WAIT_SECONDS)) as u32
    }

    /// One more wrong try at `now_ms`.
    pub fn failed(self, now_ms: f64) -> Tries {
        Tries {
            wrong: self.wrong.saturating_add(1).min(FREE_TRIES + 10),
            last_ms: now_ms,
        }
    }
}
