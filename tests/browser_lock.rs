//! The passphrase lock in headless Chromium: the key derivation in WebCrypto against published
//! PBKDF2-HMAC-SHA-256 vectors, the sealing read back by the browser's own AES-GCM, and the
//! storage layer locked, opened with the right passphrase only, and keeping a tampered record
//! aside byte for byte.
#![cfg(target_arch = "wasm32")]

use reachout::format::seal::{self, Kdf};
use reachout::model::ContactDraft;
use reachout::storage::{self, Mode, StorageNotice, Store, UnlockError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

mod common;
use common::browser::{clear, local};
use common::{book_with, now};

wasm_bindgen_test_configure!(run_in_browser);

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every key and value of `namespace`, to compare before and after.
fn stored(namespace: &str) -> Vec<(String, String)> {
    let storage = local();
    let mut all: Vec<(String, String)> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(&format!("{namespace}:")))
        .map(|k| {
            let v = storage.get_item(&k).unwrap().unwrap();
            (k, v)
        })
        .collect();
    all.sort();
    all
}

#[wasm_bindgen_test]
async fn pbkdf2_in_webcrypto_matches_the_published_vectors() {
    let derive = |passphrase: &'static str, salt: &'static [u8], iterations: u32| async move {
        let kdf = Kdf {
            iterations,
            salt: salt.to_vec(),
        };
        hex(reachout::crypto::derive(passphrase, &kdf)
            .await
            .unwrap()
            .as_slice())
    };
    // The first 32 bytes of the PBKDF2-HMAC-SHA-256 vectors published for RFC 6070's inputs,
    // and of RFC 7914 section 11's.
    assert_eq!(
        derive("password", b"salt", 1).await,
        "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
    );
    assert_eq!(
        derive("password", b"salt", 2).await,
        "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"
    );
    assert_eq!(
        derive("password", b"salt", 4096).await,
        "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
    );
    assert_eq!(
        derive("passwd", b"salt", 1).await,
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
    );
}

#[wasm_bindgen_test]
async fn what_is_sealed_opens_with_the_browsers_own_aes_gcm() {
    let key = [3u8; 32];
    let nonce = [5u8; 12];
    let sealed = seal::seal_bytes(&key, nonce, b"Ada Lovelace", b"reachout-sealed1:test");
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    let usages = js_sys::Array::of1(&"decrypt".into());
    let imported = subtle
        .import_key_with_str(
            "raw",
            &js_sys::Uint8Array::from(key.as_slice()),
            "AES-GCM",
            false,
            &usages,
        )
        .unwrap();
    let crypto_key: web_sys::CryptoKey = JsFuture::from(imported).await.unwrap().unchecked_into();
    let params = js_sys::Object::new();
    let set = |name: &str, value: JsValue| js_sys::Reflect::set(&params, &name.into(), &value);
    set("name", "AES-GCM".into()).unwrap();
    set("iv", js_sys::Uint8Array::from(nonce.as_slice()).into()).unwrap();
    set(
        "additionalData",
        js_sys::Uint8Array::from(b"reachout-sealed1:test".as_slice()).into(),
    )
    .unwrap();
    let opened = subtle
        .decrypt_with_object_and_u8_array(&params, &crypto_key, &sealed[12..])
        .unwrap();
    let opened = js_sys::Uint8Array::new(&JsFuture::from(opened).await.unwrap()).to_vec();
    assert_eq!(opened, b"Ada Lovelace");
}

#[wasm_bindgen_test]
async fn locked_storage_opens_with_its_passphrase_only() {
    let ns = "lock-open";
    clear(ns);
    storage::forget();
    let book = book_with(&["Ada Lovelace", "Grace Hopper"]);
    let mut opened = Store::open(ns, now());
    opened.store.save(&book, now()).unwrap();
    let keys = storage::prepare("a long enough passphrase").await.unwrap();
    opened.store.relock(&book, Some(keys), now()).unwrap();
    let document = local().get_item(&Store::document_key(ns)).unwrap().unwrap();
    assert!(seal::is_locked(&document));
    assert!(stored(ns).iter().all(|(_, v)| !v.contains("Ada")));

    // A tab without the keys reads nothing and writes nothing.
    storage::forget();
    let before = stored(ns);
    let locked = Store::open(ns, now());
    assert_eq!(locked.notice, Some(StorageNotice::LockChanged));
    assert_eq!(locked.store.mode(), Mode::ReadOnly);
    assert!(locked.book.contacts.is_empty());
    assert_eq!(
        storage::unlock(ns, "not the passphrase").await,
        Err(UnlockError::Wrong)
    );
    assert!(!storage::is_unlocked());
    assert_eq!(stored(ns), before, "nothing changed by a wrong passphrase");

    storage::unlock(ns, "a long enough passphrase")
        .await
        .unwrap();
    let unlocked = Store::open(ns, now());
    assert_eq!(unlocked.notice, None);
    assert_eq!(unlocked.book, book);
    // A save while unlocked is sealed too.
    let mut more = book.clone();
    more.add_contact(
        &ContactDraft {
            name: "Katherine Johnson".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let mut store = unlocked.store;
    store.save(&more, now()).unwrap();
    assert!(stored(ns).iter().all(|(_, v)| !v.contains("Katherine")));
    assert_eq!(Store::open(ns, now()).book, more);
    storage::forget();
    clear(ns);
}

#[wasm_bindgen_test]
async fn a_tampered_record_is_kept_aside_as_it_is() {
    let ns = "lock-tampered";
    clear(ns);
    storage::forget();
    let book = book_with(&["Ada Lovelace"]);
    let mut opened = Store::open(ns, now());
    let keys = storage::prepare("a long enough passphrase").await.unwrap();
    opened.store.relock(&book, Some(keys), now()).unwrap();
    let key = Store::document_key(ns);
    let document = local().get_item(&key).unwrap().unwrap();
    // One character of the sealed body changed, as a disk error or a hand would.
    let mut chars: Vec<char> = document.chars().collect();
    let last = chars.len() - 3;
    chars[last] = char::from_u32(u32::from(chars[last]) ^ 4).unwrap();
    let tampered: String = chars.into_iter().collect();
    local().set_item(&key, &tampered).unwrap();

    let reopened = Store::open(ns, now());
    let Some(StorageNotice::Quarantined { key: copy, reason }) = reopened.notice else {
        panic!("expected the record kept aside, got {:?}", reopened.notice);
    };
    assert!(reason.contains("changed or damaged"), "{reason}");
    assert!(reopened.book.contacts.is_empty());
    assert_eq!(local().get_item(&copy).unwrap().unwrap(), tampered);
    assert_eq!(local().get_item(&key).unwrap().unwrap(), tampered);
    storage::forget();
    clear(ns);
}
