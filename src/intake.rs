//! Survey answers arriving together are written together. One writer per node takes every answer
//! waiting (group commit): in one transaction it checks each wave is still open, records each
//! participation, and places the answers among their waves' chunks (`anonymity::place`), writing
//! each chunk that takes one again under new random ids. A busy wave then costs one commit for
//! many answers, and a chunk's write for each, however many answers the wave already holds.

use std::collections::{BTreeSet, HashSet};

use tokio::sync::{mpsc, oneshot};

use crate::domain::{anonymity, cadence};
use crate::store::{self, Db, Ex};

/// One person's answer to a wave, ready to store: nothing in it names them but the keyed hash.
pub struct Submission {
    pub wave: i64,
    /// `HMAC(survey key, wave and person)`: stops a second answer.
    pub person_key: String,
    /// The group the answer counts in (a wave of groups only).
    pub group: Option<i64>,
    /// The answers as JSON.
    pub answers: String,
    /// The wave's anonymity threshold, fixed when it opened: how large its chunks are.
    pub threshold: i64,
}

/// What became of a submission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Taken,
    /// The person had answered before; the first answer is kept.
    Already,
    /// The wave closed (or is gone) before the answer's turn came.
    Closed,
}

type Reply = oneshot::Sender<Result<Outcome, String>>;

/// The node's writer of answers.
#[derive(Clone)]
pub struct Intake(mpsc::Sender<(Submission, Reply)>);

/// The most answers one transaction takes.
const BATCH: usize = 64;

impl Intake {
    /// Starts the writer; it stops when the last handle is dropped.
    pub fn start(db: Db) -> Intake {
        let (tx, rx) = mpsc::channel(4 * BATCH);
        tokio::spawn(run(db, rx));
        Intake(tx)
    }

    /// Stores the answer with whatever else is waiting, and says what became of it. An error
    /// means nothing of its transaction was stored.
    pub async fn submit(&self, s: Submission) -> Result<Outcome, String> {
        let (reply, outcome) = oneshot::channel();
        self.0.send((s, reply)).await.map_err(|_| "the writer of answers has stopped".to_string())?;
        outcome.await.map_err(|_| "the writer of answers has stopped".to_string())?
    }
}

async fn run(db: Db, mut rx: mpsc::Receiver<(Submission, Reply)>) {
    let mut waiting = Vec::with_capacity(BATCH);
    while rx.recv_many(&mut waiting, BATCH).await > 0 {
        let (batch, replies): (Vec<Submission>, Vec<Reply>) = waiting.drain(..).unzip();
        match write(&db, &batch, store::now()).await {
            Ok(outcomes) => {
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    let _ = reply.send(Ok(outcome));
                }
            }
            Err(e) => {
                tracing::error!(error = %e, answers = batch.len(), "answers not stored");
                for reply in replies {
                    let _ = reply.send(Err(e.to_string()));
                }
            }
        }
    }
}

/// Writes a batch in one transaction; what became of each, in order.
pub async fn write(db: &Db, batch: &[Submission], now: i64) -> store::Result<Vec<Outcome>> {
    let today = cadence::date_of(now);
    let mut tx = db.begin().await?;
    let mut outcomes = vec![Outcome::Closed; batch.len()];
    for wave in batch.iter().map(|s| s.wave).collect::<BTreeSet<i64>>() {
        // Each key once however often it was sent: the first answer sent counts.
        let mut seen = HashSet::new();
        let (first, again): (Vec<usize>, Vec<usize>) =
            (0..batch.len()).filter(|&i| batch[i].wave == wave).partition(|&i| seen.insert(batch[i].person_key.as_str()));
        let sent: Vec<&Submission> = first.iter().map(|&i| &batch[i]).collect();
        let Some(taken) = record(tx.ex(), wave, today, &sent).await? else {
            continue; // closed: every outcome stays Closed
        };
        for i in first {
            outcomes[i] = if taken.contains(batch[i].person_key.as_str()) { Outcome::Taken } else { Outcome::Already };
        }
        for i in again {
            outcomes[i] = Outcome::Already;
        }
    }
    tx.commit().await?;
    Ok(outcomes)
}

/// Records the participations of `sent` (one wave's, each key once) and places the answers of
/// those not recorded before, in the writers' turn; the keys taken, or None when the wave is not
/// open (a wave closed meanwhile takes nothing more).
async fn record(ex: Ex<'_>, wave: i64, today: jiff::civil::Date, sent: &[&Submission]) -> store::Result<Option<HashSet<String>>> {
    let today = today.to_string();
    let size = sent.first().map_or(0, |s| anonymity::chunk_size(s.threshold));
    let c = match ex {
        Ex::Pg(c) => {
            // PostgreSQL does it all itself, in one statement per part of the answers; each part
            // joins the chunk that is smallest by then.
            let new: Vec<(&str, Option<i64>, &str)> = sent.iter().map(|s| (s.person_key.as_str(), s.group, s.answers.as_str())).collect();
            let mut taken = HashSet::new();
            for part in parts(&new, NEW_BYTES_PER_REWRITE, |(_, _, a)| a.len()) {
                let (open, keys) = store::surveys::answer_on_postgres(c, wave, &today, size, part).await?;
                if !open {
                    return Ok(None);
                }
                taken.extend(keys);
            }
            return Ok(Some(taken));
        }
        Ex::Sqlite(c) => c,
    };
    // SQLite: two calls to its thread, however many answers; each call waits for the thread.
    let keys: Vec<&str> = sent.iter().map(|s| s.person_key.as_str()).collect();
    let Some(recorded) = store::surveys::record_on_sqlite(c, wave, &today, &keys).await? else { return Ok(None) };
    let taken: HashSet<String> = recorded.keys.into_iter().collect();
    let answers: Vec<(Option<i64>, &str)> =
        sent.iter().filter(|s| taken.contains(&s.person_key)).map(|s| (s.group, s.answers.as_str())).collect();
    if !answers.is_empty() {
        let p = anonymity::place(recorded.chunks, answers.len() as i64, size);
        store::surveys::place_on_sqlite(c, wave, p, &answers).await?;
    }
    Ok(Some(taken))
}

/// At most this many bytes of new answers go into one statement that writes a chunk again on
/// PostgreSQL. sqlx 0.9.0 leaves Nagle's algorithm on for PostgreSQL's sockets (sqlx issue
/// 4335): a statement that leaves in more than one write (over TLS, a record holds 16 KB) waits
/// some 40 ms for a delayed acknowledgement.
const NEW_BYTES_PER_REWRITE: usize = 12 * 1024;

/// The items in runs of at most `bytes` (as `len` counts them) each; a longer item alone.
fn parts<T>(items: &[T], bytes: usize, len: impl Fn(&T) -> usize) -> Vec<&[T]> {
    let mut parts = Vec::new();
    let mut rest = items;
    while !rest.is_empty() {
        let mut total = 0;
        let n = rest
            .iter()
            .take_while(|item| {
                total += len(item);
                total <= bytes
            })
            .count()
            .max(1);
        let (part, more) = rest.split_at(n);
        parts.push(part);
        rest = more;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_cut_into_runs_that_fit_a_statement() {
        let long = "x".repeat(100);
        let answers: Vec<(Option<i64>, &str)> = vec![(None, "aaaa"), (Some(1), "bbbb"), (None, &long), (None, "cc")];
        let sizes: Vec<usize> = parts(&answers, 10, |(_, a)| a.len()).iter().map(|p| p.len()).collect();
        assert_eq!(sizes, [2, 1, 1], "two that fit, a long one alone, the rest");
        assert_eq!(parts(&answers, 1_000, |(_, a)| a.len()).len(), 1);
        assert!(parts(&[] as &[(Option<i64>, &str)], 10, |(_, a)| a.len()).is_empty());
    }
}
