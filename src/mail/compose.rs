//! What samspill's messages say, in the recipient's language, as plain text and HTML. A message
//! tells what happened and when, and links to samspill; what the two wrote stays there, and a
//! private note is never part of one.

use askama::Template;

use crate::config::Origin;
use crate::domain::PersonId;
use crate::domain::cadence::Cadence;
use crate::domain::conversation::{Channel, Template as ConversationTemplate};
use crate::domain::locale::Locale;
use crate::domain::mail::Kind;
use crate::store::conversations::ConversationRow;
use crate::web::conversations::{cadence_label, day, when};
use crate::web::i18n::I18n;

/// Who a message goes to.
#[derive(Clone, Debug)]
pub struct Recipient {
    pub id: PersonId,
    pub name: String,
    pub email: String,
    pub locale: Locale,
}

/// A message ready for the outbox.
#[derive(Clone, Debug)]
pub struct Mail {
    pub kind: Kind,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The parts both forms of a message share.
struct Body {
    lang: &'static str,
    greeting: String,
    lead: String,
    details: Vec<(String, String)>,
    link: Option<(String, String)>,
    footer: String,
}

#[derive(Template)]
// A plain-text e-mail keeps its lines as written.
#[template(path = "mail/message.txt", whitespace = "preserve")]
struct TextMail<'a> {
    m: &'a Body,
}

#[derive(Template)]
#[template(path = "mail/message.html")]
struct HtmlMail<'a> {
    m: &'a Body,
    subject: &'a str,
}

fn render(kind: Kind, subject: String, body: &Body) -> Mail {
    let text = TextMail { m: body }.render().unwrap_or_default();
    let html = HtmlMail { m: body, subject: &subject }.render().unwrap_or_default();
    Mail { kind, subject, text, html }
}

fn link(i18n: &I18n, base: Option<&Origin>, key: &str, path: &str) -> Option<(String, String)> {
    base.map(|b| (i18n.t(key), format!("{}{path}", b.as_str())))
}

/// A message about a conversation to one of its two parties.
pub fn about_conversation(kind: Kind, to: &Recipient, c: &ConversationRow, base: Option<&Origin>) -> Mail {
    let i18n = I18n(to.locale);
    let other = if to.id.0 == c.leader_id { &c.employee_name } else { &c.leader_name };
    let at = when(&i18n, c.starts_at);
    let args = [("other", other.clone()), ("when", at.clone())];
    let subject = i18n.t_with(&format!("mail-subject-{}", kind.code()), &args);
    let title = ConversationTemplate::find(&c.template).map(|t| t.title.get(to.locale).to_string()).unwrap_or_default();
    let channel = Channel::from_code(&c.channel).unwrap_or(Channel::Video);
    let mut details = vec![
        (i18n.t("conversation-template"), title),
        (i18n.t("conversations-when"), at),
        (i18n.t("conversation-length"), i18n.t1("conversation-minutes", "count", c.minutes)),
        (i18n.t("conversation-channel"), i18n.t(&format!("conversation-channel-{}", channel.code()))),
    ];
    if !c.place.trim().is_empty() {
        details.push((i18n.t("conversation-place"), c.place.clone()));
    }
    let body = Body {
        lang: to.locale.code(),
        greeting: i18n.t1("mail-greeting", "name", &to.name),
        lead: i18n.t_with(&format!("mail-lead-{}", kind.code()), &args),
        details,
        link: link(&i18n, base, "mail-open-conversation", &format!("/conversations/{}", c.id)),
        footer: i18n.t("mail-footer"),
    };
    render(kind, subject, &body)
}

/// The nudge to one of a pair whose conversation is overdue.
pub fn overdue(to: &Recipient, other: &str, due: jiff::civil::Date, cadence: Cadence, plan_path: &str, base: Option<&Origin>) -> Mail {
    let i18n = I18n(to.locale);
    let args = [("other", other.to_string()), ("due", day(&i18n, due))];
    let body = Body {
        lang: to.locale.code(),
        greeting: i18n.t1("mail-greeting", "name", &to.name),
        lead: i18n.t_with("mail-lead-overdue", &args),
        details: vec![(i18n.t("conversations-cadence"), cadence_label(&i18n, cadence)), (i18n.t("conversations-due"), day(&i18n, due))],
        link: link(&i18n, base, "mail-open-plan", plan_path),
        footer: i18n.t("mail-footer"),
    };
    render(Kind::Overdue, i18n.t_with("mail-subject-overdue", &args), &body)
}

/// Who asks a wave: a leader their team, a leader everyone in their reporting lines, or
/// everyone in a unit.
pub enum Asker {
    Leader(String),
    Area(String),
    Unit(String),
}

/// A message about a survey wave of the recipient's team: the invitation, or the reminder to
/// someone who has not answered. It says nothing about who else has answered.
pub fn about_wave(
    kind: Kind,
    to: &Recipient,
    asker: &Asker,
    title: &str,
    closes_on: jiff::civil::Date,
    wave: i64,
    base: Option<&Origin>,
) -> Mail {
    let i18n = I18n(to.locale);
    let (other, lead) = match asker {
        Asker::Leader(name) => (name.as_str(), format!("mail-lead-{}", kind.code())),
        Asker::Area(name) => (name.as_str(), format!("mail-lead-{}-area", kind.code())),
        Asker::Unit(name) => (name.as_str(), format!("mail-lead-{}-unit", kind.code())),
    };
    let args = [("other", other.to_string()), ("title", title.to_string()), ("date", day(&i18n, closes_on))];
    let body = Body {
        lang: to.locale.code(),
        greeting: i18n.t1("mail-greeting", "name", &to.name),
        lead: i18n.t_with(&lead, &args),
        details: vec![(i18n.t("survey-instrument"), title.to_string()), (i18n.t("survey-closes-on"), day(&i18n, closes_on))],
        link: link(&i18n, base, "mail-open-wave", &format!("/surveys/{wave}")),
        footer: i18n.t("mail-footer-wave"),
    };
    render(kind, i18n.t_with(&format!("mail-subject-{}", kind.code()), &args), &body)
}
