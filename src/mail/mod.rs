//! E-mail: what samspill's messages say, queuing them in the outbox, and sending the outbox over
//! SMTP with retries. A message is queued in the transaction of what it tells about; a sender
//! claims it for a while before sending, so a restart or a second node sends nothing twice.

pub mod compose;
pub mod schedule;

use std::time::Duration;

use anyhow::Context;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{MailArgs, Origin};
use crate::domain::PersonId;
use crate::domain::locale::Locale;
use crate::domain::mail::{Kind, conversation_event, retry_delay};
use crate::store::conversations::ConversationRow;
use crate::store::{self, Db, Ex, outbox};

use compose::{Mail, Recipient};

/// How long a sender holds a claimed batch: far longer than sending it takes, since a server
/// that times out (30 s) stops the batch at its first message.
const CLAIM_SECONDS: i64 = 600;
/// Messages claimed per round.
const BATCH: i64 = 20;
/// How often the outbox is looked at.
const SEND_EVERY: Duration = Duration::from_secs(15);
/// How often reminders and nudges are looked for.
const SCHEDULE_EVERY: Duration = Duration::from_secs(300);

/// An SMTP connection and the sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The domain of Message-IDs.
    domain: String,
}

impl Mailer {
    /// The mailer the settings describe, or None when no SMTP server is set. A sender address
    /// that cannot be read is an error, said in one line.
    pub fn from_args(args: &MailArgs) -> anyhow::Result<Option<Mailer>> {
        let Some(url) = &args.smtp_url else { return Ok(None) };
        let from = args
            .mail_from
            .as_deref()
            .context("SAMSPILL_MAIL_FROM must be set with SAMSPILL_SMTP_URL (e.g. \"samspill <samspill@etat.no>\")")?;
        let from: Mailbox = from.parse().with_context(|| format!("SAMSPILL_MAIL_FROM is not an e-mail address: {from}"))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
            .with_context(|| format!("SAMSPILL_SMTP_URL is not usable: {url:?}"))?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        let domain = from.email.domain().to_string();
        Ok(Some(Mailer { transport, from, domain }))
    }

    async fn send(&self, m: &outbox::Claimed) -> Result<(), Failure> {
        let for_this = |error: String| Failure { error, server_wide: false };
        let to: Mailbox = m.recipient.parse().map_err(|e| for_this(format!("bad recipient address: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&m.subject)
            // The same ID on every attempt: a receiver that got it once can drop a repeat.
            .message_id(Some(format!("<outbox.{}@{}>", m.id, self.domain)))
            .multipart(MultiPart::alternative_plain_html(m.body_text.clone(), m.body_html.clone()))
            .map_err(|e| for_this(format!("cannot build the message: {e}")))?;
        // A permanent refusal (5xx) is about this message; anything else (no connection, a
        // timeout, "try later") is about the server, and holds for the rest of the batch too.
        self.transport.send(message).await.map(|_| ()).map_err(|e| Failure { server_wide: !e.is_permanent(), error: e.to_string() })
    }
}

/// Why a message was not sent.
struct Failure {
    error: String,
    server_wide: bool,
}

/// The person as a recipient, or None when they are no longer active.
pub async fn recipient(ex: Ex<'_>, id: PersonId) -> store::Result<Option<Recipient>> {
    Ok(store::people::contact(ex, id).await?.map(|(name, email, locale)| Recipient {
        id,
        name,
        email,
        locale: locale.as_deref().and_then(Locale::from_tag).unwrap_or_default(),
    }))
}

/// Puts a message in the outbox unless its event is there already; true when it was added.
pub async fn queue(ex: Ex<'_>, event_key: &str, to: &Recipient, mail: &Mail, now: i64) -> store::Result<bool> {
    let message = outbox::NewMessage {
        event_key,
        person: to.id,
        recipient: &to.email,
        kind: mail.kind.code(),
        subject: &mail.subject,
        body_text: &mail.text,
        body_html: &mail.html,
    };
    outbox::queue(ex, &message, now).await
}

/// Queues the message about a conversation (as it now stands) to one of its parties.
pub async fn queue_conversation(
    mut ex: Ex<'_>,
    kind: Kind,
    c: &ConversationRow,
    to: PersonId,
    base: Option<&Origin>,
    now: i64,
) -> store::Result<bool> {
    let Some(r) = recipient(ex.reborrow(), to).await? else { return Ok(false) };
    let mail = compose::about_conversation(kind, &r, c, base);
    queue(ex, &conversation_event(c.id, c.sequence, kind, to.0), &r, &mail, now).await
}

/// Queues the message about a survey wave to each of `to`; the title in each one's language.
pub async fn queue_wave(
    mut ex: Ex<'_>,
    kind: Kind,
    wave: &crate::store::surveys::WaveRow,
    instrument: &crate::domain::instrument::Instrument,
    to: &[PersonId],
    base: Option<&Origin>,
    now: i64,
) -> store::Result<usize> {
    let closes_on: jiff::civil::Date = wave.closes_on.parse().unwrap_or_default();
    let leader = wave.leader_name.clone().unwrap_or_default();
    let asker = match &wave.unit_name {
        Some(unit) => compose::Asker::Unit(unit.clone()),
        None if wave.sub_units => compose::Asker::Area(leader),
        None => compose::Asker::Leader(leader),
    };
    let mut queued = 0;
    for person in to {
        let Some(r) = recipient(ex.reborrow(), *person).await? else { continue };
        let mail = compose::about_wave(kind, &r, &asker, instrument.title.get(r.locale), closes_on, wave.id, base);
        if queue(ex.reborrow(), &crate::domain::mail::wave_event(wave.id, kind, person.0), &r, &mail, now).await? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// What one round of sending did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub failed: usize,
}

/// Sends the messages that are due, once each; a failure waits longer each time and is tried
/// again. Returns when the batch is done.
pub async fn send_due(db: &Db, mailer: &Mailer, now: i64) -> store::Result<Round> {
    let claimed = {
        let mut c = db.conn().await?;
        outbox::claim(c.ex(), now, now + CLAIM_SECONDS, BATCH).await?
    };
    let mut round = Round::default();
    let mut server_down: Option<String> = None;
    for m in claimed {
        // Once the server has failed, the rest of the batch waits as the failed one does.
        let result = match &server_down {
            Some(error) => Err(Failure { error: error.clone(), server_wide: true }),
            None => mailer.send(&m).await,
        };
        let mut c = db.conn().await?;
        match result {
            Ok(()) => {
                outbox::mark_sent(c.ex(), m.id, store::now()).await?;
                round.sent += 1;
            }
            Err(f) => {
                tracing::warn!(message = m.id, attempts = m.attempts, error = %f.error, "e-mail not sent; it will be tried again");
                outbox::mark_failed(c.ex(), m.id, &f.error, store::now() + retry_delay(m.attempts)).await?;
                round.failed += 1;
                if f.server_wide {
                    server_down = Some(f.error);
                }
            }
        }
    }
    Ok(round)
}

/// Queues reminders and nudges, and sends the outbox when a mailer is set, until the task is
/// dropped.
pub async fn run(db: Db, mailer: Option<Mailer>, base: Option<Origin>, participation: crate::web::keys::SigningKey) {
    let mut send_tick = tokio::time::interval(SEND_EVERY);
    let mut schedule_tick = tokio::time::interval(SCHEDULE_EVERY);
    loop {
        tokio::select! {
            _ = schedule_tick.tick() => {
                if let Err(e) = crate::waves::open_repeats(&db, base.as_ref(), store::now()).await {
                    tracing::warn!(error = %e, "cannot open recurring survey waves");
                }
                if let Err(e) = schedule::queue_due(&db, base.as_ref(), &participation, store::now()).await {
                    tracing::warn!(error = %e, "cannot queue reminders");
                }
            }
            _ = send_tick.tick(), if mailer.is_some() => {
                if let Some(mailer) = &mailer {
                    // A full batch means more may wait: go on at once.
                    loop {
                        match send_due(&db, mailer, store::now()).await {
                            Ok(r) if r.sent + r.failed == BATCH as usize && r.failed == 0 => continue,
                            Ok(_) => break,
                            Err(e) => {
                                tracing::warn!(error = %e, "cannot read the outbox");
                                break;
                            }
                        }
                    }
                }
            }
        }
    }
}
