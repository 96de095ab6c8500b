//! Server keys: secrets made once per installation and shared by every app process through the
//! database.

use super::{Ex, Result, exec, scalar};

/// The key called `name`; `fresh` is stored first when there is none yet. Two processes starting
/// at once both end up with the one that was stored first.
pub async fn get_or_create(mut ex: Ex<'_>, name: &str, fresh: &str, now: i64) -> Result<String> {
    exec!(
        ex.reborrow(),
        "INSERT INTO server_keys (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
        name,
        fresh,
        now
    )?;
    scalar!(ex, String, "SELECT value FROM server_keys WHERE name = $1", name)
}
