//! What pages read, kept on each node under the data version it was read at.
//!
//! The database holds counters (`data_version`: one row on SQLite; on PostgreSQL sixteen, summed,
//! so that transactions committing at once raise different rows) that triggers raise in the same
//! transaction as every change to what pages show. Every request reads it in its session's
//! statement, before anything else. A value kept at those same counters was read after the last
//! change that any node committed, so it is served as it is: no node shows anything older than a
//! fresh read would, and the first request after a change, on any node, reads again. Nothing is
//! kept for a time, nothing needs to be told to forget.

use std::any::Any;
use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};

/// The counters of `data_version`, as one request read them with its session.
#[derive(sqlx::FromRow, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DataVersion {
    /// Raised by every change to what pages show but the three parts below.
    pub content: i64,
    /// Raised by every change to self-assessments, exercises and their shares.
    pub development: i64,
    /// Raised by every change to the outbox.
    pub outbox: i64,
    /// Raised by every answer and participation in a survey.
    pub participation: i64,
}

/// Which counters a kept value is kept under: `content` always, and each of the parts that
/// change often unless the value is said not to read it. A value said to read a part it does
/// not read is only read again more often than it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reads {
    development: bool,
    outbox: bool,
    participation: bool,
}

impl Reads {
    /// Reads from any table.
    pub const ALL: Reads = Reads { development: true, outbox: true, participation: true };
    /// Reads what the organisation, conversations and surveys hold: none of the parts that
    /// change often.
    pub const CONTENT: Reads = Reads::ALL.not_development().not_outbox().not_participation();
    /// Reads content and self-assessments, exercises or their shares.
    pub const DEVELOPMENT: Reads = Reads::ALL.not_outbox().not_participation();
    /// Reads content and the outbox.
    pub const OUTBOX: Reads = Reads::ALL.not_development().not_participation();
    /// Reads content and who has answered surveys, or the answers.
    pub const PARTICIPATION: Reads = Reads::ALL.not_development().not_outbox();

    /// Reads no self-assessment, exercise or share.
    pub const fn not_development(self) -> Reads {
        Reads { development: false, ..self }
    }

    /// Reads nothing of the outbox.
    pub const fn not_outbox(self) -> Reads {
        Reads { outbox: false, ..self }
    }

    /// Reads nothing of who has answered a survey or of the answers.
    pub const fn not_participation(self) -> Reads {
        Reads { participation: false, ..self }
    }
}

type Stamp = [i64; 4];

impl DataVersion {
    /// The counters a value that `reads` is kept under; a part it does not read counts as -1.
    fn stamp(self, reads: Reads) -> Stamp {
        let part = |read: bool, n: i64| if read { n } else { -1 };
        [
            self.content,
            part(reads.development, self.development),
            part(reads.outbox, self.outbox),
            part(reads.participation, self.participation),
        ]
    }
}

/// What was read and for whom: the kind of value and the arguments it was read with.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    what: &'static str,
    args: String,
}

impl Key {
    /// `what` names the value (a store function); `args` is everything it was read with, the
    /// viewer and any date included.
    pub fn new(what: &'static str, args: impl Debug) -> Key {
        Key { what, args: format!("{args:?}") }
    }
}

struct Entry {
    stamp: Stamp,
    /// From this time on the value would read differently.
    until: i64,
    value: Arc<dyn Any + Send + Sync>,
}

/// Beyond this many values a node forgets those of older versions first, then all of them.
const MAX_ENTRIES: usize = 20_000;

/// The values this node has read, each under the version it was read at.
#[derive(Default)]
pub struct Cache {
    entries: Mutex<HashMap<Key, Entry>>,
}

impl Cache {
    /// The value kept under `key` at `version`, or what `load` reads, kept from now on. `version`
    /// must have been read before `load` runs (the session's): a value is then never kept under a
    /// version later than what it saw. `load` is not polled when the value is kept. Outside a
    /// request (`one_connection_at_a_time`), or once the request has begun to write, `load` reads.
    pub async fn get<T, E>(
        &self,
        version: DataVersion,
        reads: Reads,
        key: Key,
        load: impl Future<Output = Result<T, E>>,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
    {
        self.get_until(version, reads, key, 0, |_| None, load).await
    }

    /// As `get`, for a value that also depends on the time it was read at: `until` says from
    /// which time (`now`'s seconds) it would read differently though nothing changed (the next
    /// conversation has begun), and from then on it is read again.
    pub async fn get_until<T, E>(
        &self,
        version: DataVersion,
        reads: Reads,
        key: Key,
        now: i64,
        until: impl FnOnce(&T) -> Option<i64>,
        load: impl Future<Output = Result<T, E>>,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
    {
        // A request that writes reads what it changed, and in its transaction, and keeps nothing:
        // its version is from before the change.
        if super::written() {
            return load.await.map(Arc::new);
        }
        let stamp = version.stamp(reads);
        let kept = self.entries().get(&key).filter(|e| e.stamp == stamp && now < e.until).map(|e| e.value.clone());
        if let Some(value) = kept.and_then(|v| v.downcast::<T>().ok()) {
            return Ok(value);
        }
        let value = Arc::new(load.await?);
        let until = until(&value).unwrap_or(i64::MAX);
        self.keep(key, Entry { stamp, until, value: value.clone() });
        Ok(value)
    }

    fn keep(&self, key: Key, entry: Entry) {
        let stamp = entry.stamp;
        let mut entries = self.entries();
        if entries.len() >= MAX_ENTRIES && !entries.contains_key(&key) {
            entries.retain(|_, e| e.stamp == stamp);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        // A request that read its version before a change may finish after one that read it
        // after: the later value stays.
        let newer = |e: &Entry| e.stamp.iter().zip(&stamp).all(|(kept, new)| kept >= new) && e.stamp != stamp;
        if !entries.get(&key).is_some_and(newer) {
            entries.insert(key, entry);
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Entry>> {
        // A panic while the map was held leaves it whole (each change is one insert or retain).
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{mark_written, one_connection_at_a_time as in_request};
    use std::cell::Cell;

    fn at(content: i64, participation: i64) -> DataVersion {
        DataVersion { content, participation, ..DataVersion::default() }
    }

    async fn read(cache: &Cache, version: DataVersion, reads: Reads, value: i64, loads: &Cell<u32>) -> i64 {
        let load = async {
            loads.set(loads.get() + 1);
            Ok::<_, ()>(value)
        };
        *cache.get(version, reads, Key::new("n", 1), load).await.unwrap_or_else(|()| Arc::new(-1))
    }

    #[tokio::test]
    async fn a_value_is_read_again_once_its_version_has_moved() {
        let cache = Cache::default();
        let loads = Cell::new(0);
        assert_eq!(in_request(read(&cache, at(1, 0), Reads::CONTENT, 10, &loads)).await, 10);
        assert_eq!(in_request(read(&cache, at(1, 0), Reads::CONTENT, 11, &loads)).await, 10);
        assert_eq!(loads.get(), 1);
        assert_eq!(in_request(read(&cache, at(2, 0), Reads::CONTENT, 12, &loads)).await, 12);
        assert_eq!(loads.get(), 2);
    }

    #[tokio::test]
    async fn a_part_moves_only_what_reads_it() {
        let cache = Cache::default();
        let loads = Cell::new(0);
        in_request(read(&cache, at(1, 0), Reads::CONTENT, 10, &loads)).await;
        assert_eq!(in_request(read(&cache, at(1, 5), Reads::CONTENT, 11, &loads)).await, 10);
        let everything = Cache::default();
        in_request(read(&everything, at(1, 0), Reads::PARTICIPATION, 10, &loads)).await;
        assert_eq!(in_request(read(&everything, at(1, 5), Reads::PARTICIPATION, 11, &loads)).await, 11);
        let development = DataVersion { development: 7, ..at(1, 5) };
        assert_eq!(in_request(read(&everything, development, Reads::PARTICIPATION, 12, &loads)).await, 11);
        assert_eq!(in_request(read(&everything, development, Reads::ALL, 13, &loads)).await, 13);
    }

    #[tokio::test]
    async fn a_late_read_of_an_older_version_does_not_replace_a_newer_value() {
        let cache = Cache::default();
        let loads = Cell::new(0);
        in_request(read(&cache, at(3, 0), Reads::CONTENT, 30, &loads)).await;
        assert_eq!(in_request(read(&cache, at(2, 0), Reads::CONTENT, 20, &loads)).await, 20);
        assert_eq!(in_request(read(&cache, at(3, 0), Reads::CONTENT, 31, &loads)).await, 30);
        assert_eq!(loads.get(), 2);
    }

    #[tokio::test]
    async fn a_request_that_wrote_reads_afresh_and_keeps_nothing() {
        let cache = Cache::default();
        let loads = Cell::new(0);
        in_request(read(&cache, at(1, 0), Reads::CONTENT, 10, &loads)).await;
        let after_a_write = in_request(async {
            mark_written();
            read(&cache, at(1, 0), Reads::CONTENT, 11, &loads).await
        });
        assert_eq!(after_a_write.await, 11);
        assert_eq!(in_request(read(&cache, at(1, 0), Reads::CONTENT, 12, &loads)).await, 10);
        // Outside a request nothing says what was written: it always reads.
        assert_eq!(read(&cache, at(1, 0), Reads::CONTENT, 13, &loads).await, 13);
        assert_eq!(loads.get(), 3);
    }

    #[tokio::test]
    async fn a_failed_read_keeps_nothing() {
        let cache = Cache::default();
        let failed = in_request(cache.get(at(1, 0), Reads::CONTENT, Key::new("n", 1), async { Err::<i64, _>("down") })).await;
        assert!(failed.is_err());
        let loads = Cell::new(0);
        assert_eq!(in_request(read(&cache, at(1, 0), Reads::CONTENT, 10, &loads)).await, 10);
        assert_eq!(loads.get(), 1);
    }

    #[tokio::test]
    async fn keys_keep_values_apart() {
        let cache = Cache::default();
        let get = |args: (i64, &'static str), value: i64| {
            in_request(cache.get(at(1, 0), Reads::CONTENT, Key::new("n", args), async move { Ok::<_, ()>(value) }))
        };
        assert_eq!(get((1, "2026-12-07"), 1).await, Ok(Arc::new(1)));
        assert_eq!(get((2, "2026-12-07"), 2).await, Ok(Arc::new(2)));
        assert_eq!(get((1, "2026-12-08"), 3).await, Ok(Arc::new(3)));
        assert_eq!(get((1, "2026-12-07"), 4).await, Ok(Arc::new(1)));
    }

    #[tokio::test]
    async fn a_value_that_depends_on_the_time_is_read_again_when_its_time_comes() {
        let cache = Cache::default();
        let read_at = |now: i64, value: i64| {
            in_request(cache.get_until(
                at(1, 0),
                Reads::CONTENT,
                Key::new("n", 1),
                now,
                |_: &i64| Some(100),
                async move { Ok::<_, ()>(value) },
            ))
        };
        assert_eq!(read_at(10, 1).await, Ok(Arc::new(1)));
        assert_eq!(read_at(99, 2).await, Ok(Arc::new(1)));
        assert_eq!(read_at(100, 3).await, Ok(Arc::new(3)));
    }

    #[test]
    fn a_full_cache_forgets_older_versions_first() {
        let cache = Cache::default();
        for i in 0..MAX_ENTRIES {
            let stamp = if i == 0 { [2, -1, -1, -1] } else { [1, -1, -1, -1] };
            cache.keep(Key::new("n", i), Entry { stamp, until: i64::MAX, value: Arc::new(i) });
        }
        cache.keep(Key::new("n", "new"), Entry { stamp: [2, -1, -1, -1], until: i64::MAX, value: Arc::new(0_usize) });
        let entries = cache.entries();
        assert_eq!(entries.len(), 2);
        assert!(entries.contains_key(&Key::new("n", 0)) && entries.contains_key(&Key::new("n", "new")));
    }
}
