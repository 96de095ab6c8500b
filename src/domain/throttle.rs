//! When a sign-in attempt may check a password. The counts are failed guesses in the last
//! [`WINDOW`] seconds, this attempt included:
//!
//! - per account *and* address: [`PER_ACCOUNT_AND_ADDRESS`] guesses, so one address cannot try
//!   one account more often than that;
//! - per address: [`PER_ADDRESS`] guesses over all accounts, so one address cannot spray many;
//! - an account with [`UNDER_ATTACK`] or more failures from other addresses is under attack:
//!   then each address gets only its first guess at it.
//!
//! Nothing a stranger does locks a person out: from an address where the person has not failed,
//! their correct password is always checked.

/// Seconds a failed guess counts.
pub const WINDOW: i64 = 15 * 60;
pub const PER_ACCOUNT_AND_ADDRESS: i64 = 5;
pub const PER_ADDRESS: i64 = 50;
pub const UNDER_ATTACK: i64 = 20;

/// Failed guesses in the window, this attempt included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub account_and_address: i64,
    pub account: i64,
    pub address: i64,
}

/// Whether this attempt may check a password.
pub fn may_try(c: Counts) -> bool {
    let from_elsewhere = c.account - c.account_and_address;
    let limit = if from_elsewhere >= UNDER_ATTACK { 1 } else { PER_ACCOUNT_AND_ADDRESS };
    c.account_and_address <= limit && c.address <= PER_ADDRESS
}

/// The keys an attempt is counted under: account and address, account, address.
pub fn keys(email: &str, address: &str) -> [String; 3] {
    [format!("pair:{email} {address}"), format!("account:{email}"), format!("address:{address}")]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(account_and_address: i64, account: i64, address: i64) -> Counts {
        Counts { account_and_address, account, address }
    }

    #[test]
    fn limits() {
        let table = [
            ("first guess", counts(1, 1, 1), true),
            ("fifth guess from one address", counts(5, 5, 5), true),
            ("sixth guess from one address", counts(6, 6, 6), false),
            ("address at its limit over many accounts", counts(1, 1, 50), true),
            ("address over its limit", counts(1, 1, 51), false),
            ("account attacked elsewhere, first guess here", counts(1, 1 + UNDER_ATTACK, 1), true),
            ("account attacked elsewhere, second guess here", counts(2, 2 + UNDER_ATTACK, 2), false),
            ("own failures do not count as an attack", counts(5, 5 + UNDER_ATTACK - 1, 5), true),
        ];
        for (name, c, want) in table {
            assert_eq!(may_try(c), want, "{name}");
        }
    }

    #[test]
    fn keys_differ_per_account_and_address() {
        let [pair, account, address] = keys("a@x.no", "192.0.2.1");
        assert_ne!(pair, keys("a@x.no", "192.0.2.2")[0]);
        assert_eq!(account, keys("a@x.no", "192.0.2.2")[1]);
        assert_eq!(address, keys("b@x.no", "192.0.2.1")[2]);
    }
}
