//! Password hashing with Argon2id (m = 19 MiB, t = 2, p = 1). CPU-heavy: call from a blocking task.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// Hashes a password into a PHC string with a fresh random salt.
pub fn hash(password: &str) -> Result<String, String> {
    Argon2::default().hash_password(password.as_bytes()).map(|h| h.to_string()).map_err(|e| e.to_string())
}

/// Checks a password against a stored hash. A missing hash still costs one verification, so the
/// answer takes as long whether or not the account exists.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2Ftc3BpbGxzYWx0$WJpmwT4Zm5tV0QvS0m9tC0Sm3Xq1g1m3bY3b5mGq1fA";
    let candidate = stored.unwrap_or(DUMMY);
    let Ok(parsed) = PasswordHash::new(candidate) else { return false };
    Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok() && stored.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_password_verifies_and_wrong_does_not() {
        let stored = hash("riktig hest batteri").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("riktig hest batteri", Some(&stored)));
        assert!(!verify("feil", Some(&stored)));
        assert!(!verify("riktig hest batteri", None));
    }
}
