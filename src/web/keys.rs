//! Server keys that sign what the browser keeps for us (CSRF tokens, device cookies): made at the
//! first start and kept in the database, so that every app node signs and checks alike.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::ctx::{hex, random_token};
use crate::store::{self, Db};

#[derive(Clone)]
pub struct SigningKey(Hmac<Sha256>);

impl SigningKey {
    /// Reads the installation's key called `name`, making it on first start.
    pub async fn load(db: &Db, name: &str) -> anyhow::Result<SigningKey> {
        let fresh = random_token();
        anyhow::ensure!(!fresh.is_empty(), "the system gave no randomness for the {name} key");
        let mut c = db.conn().await?;
        let key = store::keys::get_or_create(c.ex(), name, &fresh, store::now()).await?;
        Ok(SigningKey::new(key.as_bytes()))
    }

    pub fn new(key: &[u8]) -> SigningKey {
        // HMAC takes keys of any length.
        SigningKey(Hmac::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC accepts every key length")))
    }

    /// HMAC-SHA-256 of `message`, as hex.
    pub fn sign(&self, message: &str) -> String {
        let mut mac = self.0.clone();
        mac.update(message.as_bytes());
        hex(&mac.finalize().into_bytes())
    }
}

/// Compares without stopping at the first difference, so timing tells nothing about a secret.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
