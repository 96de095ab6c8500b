//! Instruments by id and version, parsed once. An id and version never changes once stored,
//! so every node may keep what it has parsed; what is current is always read from the database.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::domain::instrument::{BUILT_IN, Instrument};
use crate::store::{self, Db, Ex, development::NewInstrument};

#[derive(Default)]
pub struct Catalog {
    parsed: RwLock<HashMap<(String, i64), Arc<Instrument>>>,
}

impl Catalog {
    /// Stores the built-in instruments (new versions are added; stored ones stay as they were).
    pub async fn load(db: &Db) -> anyhow::Result<Catalog> {
        let catalog = Catalog::default();
        let mut tx = db.begin().await?;
        for source in BUILT_IN {
            let instrument = Instrument::parse(source).map_err(|p| anyhow::anyhow!("built-in instrument: {}", p[0]))?;
            let new = NewInstrument {
                id: &instrument.id,
                version: instrument.version,
                kind: instrument.kind.code(),
                audience: instrument.audience.code(),
                source,
                built_in: true,
                added_by: None,
            };
            if !store::development::add_instrument(tx.ex(), &new, store::now()).await? {
                let stored = store::development::instrument(tx.ex(), &instrument.id, instrument.version).await?;
                if stored.is_some_and(|s| s.source != source) {
                    tracing::warn!(instrument = %instrument.id, version = instrument.version,
                        "a built-in instrument changed without a new version; the stored text is kept");
                    continue;
                }
            }
            catalog.remember(instrument);
        }
        tx.commit().await?;
        Ok(catalog)
    }

    fn remember(&self, instrument: Instrument) -> Arc<Instrument> {
        let instrument = Arc::new(instrument);
        if let Ok(mut parsed) = self.parsed.write() {
            parsed.insert((instrument.id.clone(), instrument.version), instrument.clone());
        }
        instrument
    }

    fn cached(&self, id: &str, version: i64) -> Option<Arc<Instrument>> {
        self.parsed.read().ok()?.get(&(id.to_string(), version)).cloned()
    }

    /// The instrument version, parsed from the database when this node has not seen it yet.
    pub async fn get(&self, ex: Ex<'_>, id: &str, version: i64) -> store::Result<Option<Arc<Instrument>>> {
        if let Some(i) = self.cached(id, version) {
            return Ok(Some(i));
        }
        let Some(row) = store::development::instrument(ex, id, version).await? else { return Ok(None) };
        match Instrument::parse(&row.source) {
            Ok(i) => Ok(Some(self.remember(i))),
            Err(problems) => {
                tracing::error!(instrument = id, version, problem = %problems[0], "a stored instrument does not parse");
                Ok(None)
            }
        }
    }

    /// Like `get`, for several; unknown ones are left out.
    pub async fn get_all(&self, mut ex: Ex<'_>, wanted: Vec<(String, i64)>) -> store::Result<HashMap<(String, i64), Arc<Instrument>>> {
        let mut found = HashMap::new();
        for key in wanted {
            if found.contains_key(&key) {
                continue;
            }
            if let Some(i) = self.get(ex.reborrow(), &key.0, key.1).await? {
                found.insert(key, i);
            }
        }
        Ok(found)
    }
}
