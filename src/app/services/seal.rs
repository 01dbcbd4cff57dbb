//! The browser's own cryptography (WebCrypto) for what is kept sealed: a locked file
//! (the key derived from its passcode with PBKDF2-SHA256) and a counter session (a random
//! key that only the session's windows hold). AES-GCM with a 256-bit key and a fresh
//! 96-bit nonce for every write; the storage key is the additional data, so a sealed text
//! moved under another key does not open. Keys are made non-extractable where the app
//! never needs their bytes: script on the page cannot read them out.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

fn subtle() -> Option<web_sys::SubtleCrypto> {
    Some(web_sys::window()?.crypto().ok()?.subtle())
}

/// `n` bytes from the browser's cryptographic random source.
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    if let Some(c) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = c.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<js_sys::Array>()
        .into()
}

async fn awaited(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(p?).await
}

/// The AES-GCM key of a passcode (PBKDF2-SHA256, `iterations`, `salt`). Slow on purpose:
/// about a second on a cheap phone, so guessing is slow too.
pub async fn passcode_key(passcode: &str, salt: &[u8], iterations: u32) -> Option<CryptoKey> {
    let subtle = subtle()?;
    let raw = Uint8Array::from(passcode.as_bytes());
    let base: CryptoKey =
        awaited(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages(&["deriveKey"])))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    awaited(subtle.derive_key_with_object_and_object(
        &params,
        &base,
        &aes,
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await
    .ok()?
    .dyn_into()
    .ok()
}

/// An AES-GCM key from its 32 bytes (a counter session's, passed between its windows).
#[allow(dead_code)] // the counter's build only
pub async fn raw_key(bytes: &[u8]) -> Option<CryptoKey> {
    let subtle = subtle()?;
    let aes = object(&[("name", "AES-GCM".into())]);
    awaited(subtle.import_key_with_object(
        "raw",
        &Uint8Array::from(bytes),
        &aes,
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await
    .ok()?
    .dyn_into()
    .ok()
}

fn gcm(iv: &[u8], aad: &str) -> Object {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(iv).into()),
        ("additionalData", Uint8Array::from(aad.as_bytes()).into()),
    ])
}

/// Seals `plain` under `key`: (nonce, ciphertext with its tag).
pub async fn encrypt(key: &CryptoKey, plain: &[u8], aad: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    let iv = random_bytes(12);
    let out = awaited(subtle()?.encrypt_with_object_and_u8_array(&gcm(&iv, aad), key, plain))
        .await
        .ok()?;
    Some((iv, Uint8Array::new(&out).to_vec()))
}

/// Opens what `encrypt` sealed; None for a wrong key, another storage key or any change.
pub async fn decrypt(key: &CryptoKey, iv: &[u8], data: &[u8], aad: &str) -> Option<Vec<u8>> {
    let out = awaited(subtle()?.decrypt_with_object_and_u8_array(&gcm(iv, aad), key, data))
        .await
        .ok()?;
    Some(Uint8Array::new(&out).to_vec())
}
