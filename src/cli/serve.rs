//! `samspill serve`: migrate (done by the caller), optionally load the demo, then serve until
//! SIGINT or SIGTERM.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

use super::demo;
use crate::config::{self, DatabaseUrl, ServeArgs, WebConfig};
use crate::mail::{self, Mailer};
use crate::oidc::Provider;
use crate::store::{self, Db};
use crate::web::{self, AppState};

pub async fn run(db: Db, database: &DatabaseUrl, args: ServeArgs) -> anyhow::Result<()> {
    if let Some(path) = &args.clock_file {
        store::use_clock_file(path.clone());
        tracing::warn!(path = %path.display(), "the clock is read from a file");
    }
    // Settings that cannot work stop the start, in one line, before anything is served.
    let mailer = Mailer::from_args(&args.mail)?;
    let survey_key = config::survey_key(args.survey_key_file.as_deref(), database)?;
    let provider = args.oidc.settings(args.base_url.as_ref()).map_err(anyhow::Error::msg)?.map(Provider::new).transpose()?.map(Arc::new);
    if survey_key.is_none() {
        tracing::warn!("no SAMSPILL_SURVEY_KEY_FILE: survey participation is recorded under a key kept in the database");
    }
    if args.demo {
        let outcome = demo::run(&db).await?;
        demo::print(&outcome);
    }
    let listener = tokio::net::TcpListener::bind(args.bind).await.with_context(|| format!("cannot listen on {}", args.bind))?;
    let address = listener.local_addr()?;
    println!("samspill is listening on http://{address}");
    tracing::info!(%address, "listening");
    if args.behind_proxy && args.base_url.is_none() {
        tracing::warn!("behind a proxy without SAMSPILL_BASE_URL: cookies are not marked Secure; set it to the https:// address");
    }
    match (&mailer, &args.base_url) {
        (None, _) => tracing::warn!("no SMTP server (SAMSPILL_SMTP_URL): e-mail waits in the outbox"),
        (Some(_), None) => tracing::warn!("e-mail carries no links to samspill until SAMSPILL_BASE_URL is set"),
        _ => {}
    }
    let web = WebConfig {
        behind_proxy: args.behind_proxy,
        mail: mailer.is_some(),
        survey_key,
        local_login: args.oidc.local_login,
        ..WebConfig::new(args.base_url.clone(), args.demo)
    };
    let mut state = AppState::new(db.clone(), web).await.context("cannot read the server keys")?;
    if let Some(provider) = provider {
        // The first try is waited for, so the sign-in page knows at once; an unreachable provider
        // is logged and tried again in the background while samspill serves.
        let reached = tokio::time::timeout(Duration::from_secs(5), provider.try_discovering()).await;
        if reached.is_err() {
            tracing::error!(issuer = %provider.settings.issuer, "the identity provider did not answer within 5 s; trying again in the background");
        }
        if reached != Ok(true) {
            tokio::spawn(provider.clone().keep_discovering());
        }
        state = state.with_provider(provider);
    }
    let mail = tokio::spawn(mail::run(db, mailer, args.base_url, state.keys.participation.clone()));
    web::serve(listener, state, shutdown_signal()).await?;
    mail.abort();
    tracing::info!("stopped");
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM; requests in flight then finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
