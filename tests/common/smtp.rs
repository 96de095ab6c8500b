//! An SMTP server on a real socket for the tests: it accepts or refuses mail as told, and
//! keeps every message it accepted.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

impl Received {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default().parse(self.data.as_bytes()).expect("a MIME message")
    }
}

#[derive(Default)]
struct Shared {
    received: Mutex<Vec<Received>>,
    /// Answer MAIL FROM with a temporary failure.
    refuse: AtomicBool,
    /// A recipient refused for good (550), as an unknown mailbox is.
    unknown: Mutex<Option<String>>,
    /// How many messages were begun (MAIL FROM), accepted or not.
    begun: AtomicUsize,
}

pub struct SmtpSink {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        SmtpSink::start_at("127.0.0.1:0".parse().unwrap()).await
    }

    /// Listens at `addr`: a port that was closed during an outage opens again.
    pub async fn start_at(addr: SocketAddr) -> SmtpSink {
        let listener = TcpListener::bind(addr).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared::default());
        let state = shared.clone();
        let server = tokio::spawn(async move {
            // Connections live in the set, so stopping the server closes them too.
            let mut connections = JoinSet::new();
            loop {
                let Ok((socket, _)) = listener.accept().await else { return };
                connections.spawn(session(socket, state.clone()));
            }
        });
        SmtpSink { addr, shared, server }
    }

    /// The URL samspill takes.
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    pub fn refuse(&self, refuse: bool) {
        self.shared.refuse.store(refuse, Ordering::SeqCst);
    }

    pub fn refuse_recipient(&self, address: &str) {
        *self.shared.unknown.lock().unwrap() = Some(address.to_string());
    }

    /// How many messages a sender began, refused ones included.
    pub fn begun(&self) -> usize {
        self.shared.begun.load(Ordering::SeqCst)
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    /// Closes the port and every open connection.
    pub fn stop(self) -> SocketAddr {
        self.server.abort();
        self.addr
    }
}

/// A port nothing listens on (for an SMTP server that is down).
pub async fn closed_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    listener.local_addr().unwrap()
}

async fn session(socket: TcpStream, shared: Arc<Shared>) {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read).lines();
    let _ = write.write_all(b"220 sink ESMTP\r\n").await;
    let (mut from, mut to) = (String::new(), Vec::new());
    while let Ok(Some(line)) = lines.next_line().await {
        let upper = line.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") {
            b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            b"250 ok\r\n"
        } else if upper.starts_with("RSET") {
            (from, to) = (String::new(), Vec::new());
            b"250 ok\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            shared.begun.fetch_add(1, Ordering::SeqCst);
            if shared.refuse.load(Ordering::SeqCst) {
                b"451 4.3.0 mailbox busy, try again later\r\n"
            } else {
                from = line[10..].trim().to_string();
                b"250 ok\r\n"
            }
        } else if upper.starts_with("RCPT TO:") {
            let address = line[8..].trim().trim_matches(['<', '>']).to_string();
            if shared.unknown.lock().unwrap().as_deref() == Some(address.as_str()) {
                b"550 5.1.1 no such mailbox\r\n"
            } else {
                to.push(address);
                b"250 ok\r\n"
            }
        } else if upper == "DATA" {
            let _ = write.write_all(b"354 end with .\r\n").await;
            let mut data = String::new();
            while let Ok(Some(l)) = lines.next_line().await {
                if l == "." {
                    break;
                }
                data.push_str(l.strip_prefix('.').filter(|_| l.starts_with("..")).unwrap_or(&l));
                data.push_str("\r\n");
            }
            shared.received.lock().unwrap().push(Received { from: std::mem::take(&mut from), to: std::mem::take(&mut to), data });
            b"250 queued\r\n"
        } else if upper.starts_with("QUIT") {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            b"502 not implemented\r\n"
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}
