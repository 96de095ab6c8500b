//! When a sign-in attempt may check a password. Counts are of failed guesses in the last
//! [`WINDOW`] seconds, this attempt included.
//!
//! A browser the person has signed in with before carries a device cookie for their account
//! (signed by the server). Its guesses count only against that device: [`PER_DEVICE`]. Nothing a
//! stranger does, from any address, stops the person signing in from such a browser.
//!
//! Any other attempt counts three ways:
//! - per account *and* address: [`PER_ACCOUNT_AND_ADDRESS`], so one address cannot try one
//!   account more often than that; once an account has [`UNDER_ATTACK`] failures from other
//!   addresses, each address gets one guess at it;
//! - per address: [`PER_ADDRESS`] over all accounts, so one address cannot spray many;
//! - per account: [`PER_ACCOUNT`] from all unknown browsers together, which bounds guessing from
//!   many addresses at once.
//!
//! An IPv6 client is counted by its /64 network: one host usually holds a whole /64.

use std::net::IpAddr;

/// Seconds a failed guess counts.
pub const WINDOW: i64 = 15 * 60;
pub const PER_DEVICE: i64 = 5;
pub const PER_ACCOUNT_AND_ADDRESS: i64 = 5;
pub const PER_ADDRESS: i64 = 50;
pub const UNDER_ATTACK: i64 = 20;
pub const PER_ACCOUNT: i64 = 100;

/// Who is guessing.
#[derive(Clone, Copy, Debug)]
pub enum Guesser<'a> {
    /// A browser with a valid device cookie for the account tried; `device` is its random part.
    KnownDevice {
        device: &'a str,
    },
    Unknown {
        address: IpAddr,
    },
}

/// The keys an attempt is counted under, in the order [`may_try`] reads their counts.
pub fn keys(email: &str, guesser: Guesser) -> Vec<String> {
    match guesser {
        Guesser::KnownDevice { device } => vec![format!("device:{device}")],
        Guesser::Unknown { address } => {
            let address = address_key(address);
            vec![format!("pair:{email} {address}"), format!("account:{email}"), format!("address:{address}")]
        }
    }
}

/// Whether this attempt may check a password, given the counts under its [`keys`].
pub fn may_try(guesser: Guesser, counts: &[i64]) -> bool {
    match (guesser, counts) {
        (Guesser::KnownDevice { .. }, [device]) => *device <= PER_DEVICE,
        (Guesser::Unknown { .. }, [pair, account, address]) => {
            let from_elsewhere = account - pair;
            let pair_limit = if from_elsewhere >= UNDER_ATTACK { 1 } else { PER_ACCOUNT_AND_ADDRESS };
            *pair <= pair_limit && *address <= PER_ADDRESS && *account <= PER_ACCOUNT
        }
        _ => false,
    }
}

/// An address as attempts are counted: IPv4 as it is (also when written as IPv6), IPv6 by /64.
pub fn address_key(address: IpAddr) -> String {
    match address {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRANGER: Guesser = Guesser::Unknown { address: IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1)) };

    #[test]
    fn limits() {
        let table = [
            ("first guess", [1, 1, 1], true),
            ("fifth guess from one address", [5, 5, 5], true),
            ("sixth guess from one address", [6, 6, 6], false),
            ("address at its limit over many accounts", [1, 1, 50], true),
            ("address over its limit", [1, 1, 51], false),
            ("account attacked elsewhere, first guess here", [1, 1 + UNDER_ATTACK, 1], true),
            ("account attacked elsewhere, second guess here", [2, 2 + UNDER_ATTACK, 2], false),
            ("own failures do not count as an attack", [5, 5 + UNDER_ATTACK - 1, 5], true),
            ("account at its limit from unknown browsers", [1, PER_ACCOUNT, 1], true),
            ("account over its limit from unknown browsers", [1, PER_ACCOUNT + 1, 1], false),
        ];
        for (name, counts, want) in table {
            assert_eq!(may_try(STRANGER, &counts), want, "{name}");
        }
        let known = Guesser::KnownDevice { device: "d" };
        assert!(may_try(known, &[PER_DEVICE]));
        assert!(!may_try(known, &[PER_DEVICE + 1]));
        assert!(!may_try(known, &[1, 1, 1]), "counts that do not fit the guesser refuse");
    }

    #[test]
    fn keys_differ_per_account_and_address() {
        let at = |a: &str| Guesser::Unknown { address: a.parse().unwrap() };
        let k = keys("a@x.no", at("192.0.2.1"));
        assert_eq!(k.len(), 3);
        assert_ne!(k[0], keys("a@x.no", at("192.0.2.2"))[0]);
        assert_eq!(k[1], keys("a@x.no", at("192.0.2.2"))[1]);
        assert_eq!(k[2], keys("b@x.no", at("192.0.2.1"))[2]);
        assert_eq!(keys("a@x.no", Guesser::KnownDevice { device: "abc" }), ["device:abc"]);
    }

    #[test]
    fn ipv6_counts_by_network() {
        let key = |a: &str| address_key(a.parse().unwrap());
        assert_eq!(key("2001:db8:1:2:aaaa::1"), key("2001:db8:1:2:bbbb::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("::ffff:192.0.2.7"), "192.0.2.7");
        assert_eq!(key("192.0.2.7"), "192.0.2.7");
    }
}
