//! The browser's cryptography for the passphrase lock: random bytes (`crypto.getRandomValues`)
//! and the passphrase key, derived with WebCrypto's PBKDF2-HMAC-SHA-256 (native code, about
//! ten times faster than the same in WebAssembly, and no download). Sealing itself is in
//! `format::seal` (it must not wait for a promise).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use zeroize::Zeroize;

use crate::format::seal::{Kdf, KeyBytes, KEY_BYTES};

fn crypto() -> Result<web_sys::Crypto, JsValue> {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"crypto".into())?.dyn_into::<web_sys::Crypto>()
}

/// `N` random bytes from the browser's generator; `None` where it has none.
pub fn random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// Why no key could be derived.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("this browser cannot derive a key here ({0}); the lock needs a secure page (https or localhost)")]
pub struct NoCrypto(pub String);

/// The passphrase key: PBKDF2-HMAC-SHA-256 of `passphrase` (its UTF-8 bytes, in Unicode's NFC
/// form) with the salt and count of `kdf`, 256 bits.
pub async fn derive(passphrase: &str, kdf: &Kdf) -> Result<KeyBytes, NoCrypto> {
    let failed = |e: JsValue| NoCrypto(e.as_string().unwrap_or_else(|| format!("{e:?}")));
    let subtle = crypto().map_err(failed)?.subtle();
    // The same passphrase typed on another system may arrive composed differently ("é" as one
    // character or two): Unicode's NFC makes them the same bytes.
    let mut secret = String::from(js_sys::JsString::from(passphrase).normalize("NFC")).into_bytes();
    let usages = js_sys::Array::of1(&"deriveBits".into());
    let imported = subtle.import_key_with_str(
        "raw",
        &js_sys::Uint8Array::from(secret.as_slice()),
        "PBKDF2",
        false,
        &usages,
    );
    secret.zeroize();
    let key: web_sys::CryptoKey = JsFuture::from(imported.map_err(failed)?)
        .await
        .map_err(failed)?
        .unchecked_into();
    let salt = js_sys::Uint8Array::from(kdf.salt.as_slice());
    let params = web_sys::Pbkdf2Params::new("PBKDF2", &"SHA-256".into(), kdf.iterations, &salt);
    let bits = subtle
        .derive_bits_with_object(&params, &key, (KEY_BYTES * 8) as u32)
        .map_err(failed)?;
    let bits = JsFuture::from(bits).await.map_err(failed)?;
    let view = js_sys::Uint8Array::new(&bits);
    let mut out = KeyBytes::new([0u8; KEY_BYTES]);
    if view.length() as usize != KEY_BYTES {
        return Err(NoCrypto("a key of the wrong length".into()));
    }
    view.copy_to(out.as_mut_slice());
    view.fill(0, 0, KEY_BYTES as u32);
    Ok(out)
}
