//! Survey answers arriving together are written together. One writer per node takes every answer
//! waiting (group commit): in one transaction it checks each wave is still open, records each
//! participation, and places the answers among their waves' chunks (`anonymity::place`), writing
//! each chunk that takes one again under new random ids. A busy wave then costs one commit for
//! many answers, and a chunk's write for each, however many answers the wave already holds.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use tokio::sync::{mpsc, oneshot};

use crate::domain::{anonymity, cadence, survey};
use crate::store::{self, Db, Ex, surveys::AnswerRow};
use crate::web::ctx::random_token;

/// One person's answer to a wave, ready to store: nothing in it names them but the keyed hash.
pub struct Submission {
    pub wave: i64,
    /// `HMAC(survey key, wave and person)`: stops a second answer.
    pub person_key: String,
    /// The group the answer counts in (a wave of groups only).
    pub group: Option<i64>,
    /// The answers as JSON.
    pub answers: String,
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

/// Why a batch was not stored; nothing of it was.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] store::Error),
    #[error("no randomness for answer ids")]
    NoRandomness,
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
pub async fn write(db: &Db, batch: &[Submission], now: i64) -> Result<Vec<Outcome>, Error> {
    let today = cadence::date_of(now);
    let mut tx = db.begin().await?;
    // Each wave's threshold while it is open, read once in the writers' turn: a wave closed
    // meanwhile takes nothing more.
    let mut open: HashMap<i64, Option<i64>> = HashMap::new();
    for wave in batch.iter().map(|s| s.wave).collect::<BTreeSet<i64>>() {
        let threshold = store::surveys::wave(tx.ex(), wave)
            .await?
            .filter(|w| {
                let day = |d: &str| d.parse().unwrap_or_default();
                survey::state(day(&w.opens_on), day(&w.closes_on), w.closed_at.is_some(), today) == survey::WaveState::Open
            })
            .map(|w| w.threshold);
        open.insert(wave, threshold);
    }
    // Each open wave's participations in one statement: those not recorded before are taken,
    // each key once however often it was sent.
    let mut outcomes = vec![Outcome::Closed; batch.len()];
    let mut taken: BTreeMap<i64, Vec<(Option<i64>, &str)>> = BTreeMap::new();
    for (&wave, _) in open.iter().filter(|(_, t)| t.is_some()) {
        let keys: Vec<&str> = batch.iter().filter(|s| s.wave == wave).map(|s| s.person_key.as_str()).collect();
        let mut new: HashSet<String> = store::surveys::add_participations(tx.ex(), wave, &keys).await?.into_iter().collect();
        for (i, s) in batch.iter().enumerate().filter(|(_, s)| s.wave == wave) {
            outcomes[i] = if new.remove(&s.person_key) {
                taken.entry(wave).or_default().push((s.group, &s.answers));
                Outcome::Taken
            } else {
                Outcome::Already
            };
        }
    }
    for (wave, answers) in taken {
        let k = open.get(&wave).copied().flatten().unwrap_or(anonymity::DEFAULT_THRESHOLD);
        place(tx.ex(), wave, k, answers).await?;
    }
    tx.commit().await?;
    Ok(outcomes)
}

/// At most this many bytes of new answers go into one statement that writes a chunk again on
/// PostgreSQL. sqlx 0.9.0 leaves Nagle's algorithm on for PostgreSQL's sockets (sqlx issue
/// 4335): a statement that leaves in more than one write (over TLS, a record holds 16 KB) waits
/// some 40 ms for a delayed acknowledgement.
const NEW_BYTES_PER_REWRITE: usize = 12 * 1024;

/// Adds the answers to the wave's smallest chunk and writes it again, every answer in it under a
/// new random id and in the order of those ids; split in two when it grows too large.
async fn place(mut ex: Ex<'_>, wave: i64, k: i64, answers: Vec<(Option<i64>, &str)>) -> Result<(), Error> {
    let mut sizes = store::surveys::chunk_sizes(ex.reborrow(), wave).await?;
    if let Ex::Pg(c) = &mut ex {
        // PostgreSQL renames and writes the chunk itself, in one statement per part of the new
        // answers; each part joins the chunk that is smallest by then.
        for part in parts(&answers, NEW_BYTES_PER_REWRITE) {
            let p = anonymity::place(&sizes, part.len() as i64, anonymity::chunk_size(k));
            for (chunk, held) in store::surveys::rewrite_chunk_on_postgres(c, wave, p.chunk, p.split_into, part).await? {
                match sizes.iter_mut().find(|(c, _)| *c == chunk) {
                    Some(size) => size.1 = held,
                    None => sizes.push((chunk, held)),
                }
            }
        }
        return Ok(());
    }
    let p = anonymity::place(&sizes, answers.len() as i64, anonymity::chunk_size(k));
    let mut all = store::surveys::take_chunk(ex.reborrow(), wave, p.chunk).await?;
    all.extend(answers.into_iter().map(|(g, a)| (g, a.to_string())));
    let mut rows: Vec<AnswerRow> =
        all.into_iter().map(|(group, answers)| AnswerRow { id: random_token(), group, chunk: p.chunk, answers }).collect();
    if rows.iter().any(|r| r.id.is_empty()) {
        return Err(Error::NoRandomness);
    }
    // Random ids in order: a random order, and the half that moves is a random half.
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(new) = p.split_into {
        let half = rows.len() / 2;
        for r in &mut rows[half..] {
            r.chunk = new;
        }
    }
    Ok(store::surveys::write_chunk(ex, wave, p.chunk, &rows).await?)
}

/// The answers in runs of at most `bytes` of answers each (a longer answer alone).
fn parts<'a, 'b>(answers: &'a [(Option<i64>, &'b str)], bytes: usize) -> Vec<&'a [(Option<i64>, &'b str)]> {
    let mut parts = Vec::new();
    let mut rest = answers;
    while !rest.is_empty() {
        let mut total = 0;
        let n = rest
            .iter()
            .take_while(|(_, a)| {
                total += a.len();
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
        let sizes: Vec<usize> = parts(&answers, 10).iter().map(|p| p.len()).collect();
        assert_eq!(sizes, [2, 1, 1], "two that fit, a long one alone, the rest");
        assert_eq!(parts(&answers, 1_000).len(), 1);
        assert!(parts(&[], 10).is_empty());
    }
}
