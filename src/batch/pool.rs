//! Fetching many URLs at once: `--jobs` requests in flight, at most
//! `--per-host` to any one host (however its name is spelled: hosts are
//! counted by address), each URL once per run (a [`Memo`] keeps what was
//! fetched across chunks), and the cache.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::Duration;

use super::cache::Cache;
use crate::boards::Client;
use crate::fetch::{FetchError, Fetched};

/// Limits on concurrent requests.
#[derive(Debug, Clone, Copy)]
pub struct Politeness {
    pub jobs: usize,
    pub per_host: usize,
}

struct Queue<'a> {
    /// Each URL once, with every row index that asked for it, and its host.
    waiting: VecDeque<(Vec<usize>, &'a str, String)>,
    in_flight: HashMap<String, usize>,
}

/// Where a page may already be: the run's memo and the `--cache` folder.
#[derive(Clone, Copy)]
pub struct Known<'a> {
    pub cache: Option<&'a Cache>,
    pub memo: &'a Memo,
}

/// Pages fetched earlier in the run, so that a URL in many rows, even far
/// apart, is fetched once. Bounded in bytes so memory stays flat: past the
/// budget the oldest pages are forgotten (and fetched again if asked for).
pub struct Memo {
    inner: Mutex<MemoInner>,
    budget: usize,
    /// What each host (as written) resolved to, for `--per-host`.
    hosts: Mutex<HashMap<String, String>>,
}

#[derive(Default)]
struct MemoInner {
    pages: HashMap<String, (Result<Fetched, FetchError>, usize)>,
    order: VecDeque<String>,
    bytes: usize,
}

impl Memo {
    /// A memo of at most `budget` bytes of pages.
    pub fn new(budget: usize) -> Memo {
        Memo {
            inner: Mutex::new(MemoInner::default()),
            budget,
            hosts: Mutex::new(HashMap::new()),
        }
    }

    /// The [`host_key`] of each authority: looked up once per run, new ones
    /// up to `jobs` at a time (a name that does not resolve can take seconds).
    fn host_keys(
        &self,
        authorities: impl Iterator<Item = String>,
        jobs: usize,
    ) -> HashMap<String, String> {
        let mut wanted: Vec<String> = authorities.collect();
        wanted.sort();
        wanted.dedup();
        let mut known = HashMap::with_capacity(wanted.len());
        let mut new = Vec::new();
        {
            let shared = self.hosts.lock().expect("no panics while locked");
            for a in wanted {
                match shared.get(&a) {
                    Some(key) => {
                        known.insert(a, key.clone());
                    }
                    None => new.push(a),
                }
            }
        }
        for group in new.chunks(jobs.max(1)) {
            let resolved: Vec<(String, String)> = std::thread::scope(|scope| {
                let handles: Vec<_> = group
                    .iter()
                    .map(|a| scope.spawn(move || (a.clone(), host_key(a))))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("resolving a host does not panic"))
                    .collect()
            });
            let mut shared = self.hosts.lock().expect("no panics while locked");
            for (a, key) in resolved {
                shared.insert(a.clone(), key.clone());
                known.insert(a, key);
            }
        }
        known
    }

    fn get(&self, url: &str) -> Option<Result<Fetched, FetchError>> {
        let m = self.inner.lock().expect("no panics while locked");
        m.pages.get(url).map(|(r, _)| r.clone())
    }

    fn put(&self, url: &str, result: &Result<Fetched, FetchError>) {
        let size = url.len()
            + match result {
                Ok(page) => page.body.text().len() + page.url.len(),
                Err(e) => e.to_string().len(),
            };
        if size > self.budget {
            return;
        }
        let mut m = self.inner.lock().expect("no panics while locked");
        if m.pages.contains_key(url) {
            return;
        }
        while m.bytes + size > self.budget {
            let Some(old) = m.order.pop_front() else {
                break;
            };
            if let Some((_, n)) = m.pages.remove(&old) {
                m.bytes -= n;
            }
        }
        m.pages.insert(url.to_string(), (result.clone(), size));
        m.order.push_back(url.to_string());
        m.bytes += size;
    }
}

/// Fetches every `(index, url)`. What comes from the network is handed to
/// `fetched` on the thread that fetched it, as soon as it arrives; what comes
/// from the cache is returned, by index. Once `stop` is set no new request
/// starts, requests in flight are no longer waited for, and the URLs not
/// fetched have no result.
pub fn fetch_all(
    urls: &[(usize, &str)],
    client: &Arc<Client>,
    known: Known,
    limits: Politeness,
    stop: &AtomicBool,
    fetched: &(dyn Fn(usize, Result<Fetched, FetchError>) + Sync),
) -> HashMap<usize, Result<Fetched, FetchError>> {
    let Known { cache, memo } = known;
    let mut results = HashMap::with_capacity(urls.len());
    let mut todo: Vec<(Vec<usize>, &str)> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    for &(i, url) in urls {
        if let Some(&at) = slot.get(url) {
            todo[at].0.push(i);
            continue;
        }
        if let Some(known) = memo.get(url) {
            results.insert(i, known);
            continue;
        }
        match cache.and_then(|c| c.get(url)) {
            Some(page) => {
                let page = Ok(page);
                memo.put(url, &page);
                results.insert(i, page);
            }
            None => {
                slot.insert(url, todo.len());
                todo.push((vec![i], url));
            }
        }
    }
    if todo.is_empty() {
        return results;
    }
    let hosts = memo.host_keys(todo.iter().map(|(_, url)| authority_of(url)), limits.jobs);
    let queue = Mutex::new(Queue {
        waiting: todo
            .iter()
            .map(|(rows, url)| (rows.clone(), *url, hosts[&authority_of(url)].clone()))
            .collect(),
        in_flight: HashMap::new(),
    });
    let changed = Condvar::new();
    let workers = limits.jobs.max(1).min(todo.len());
    let per_host = limits.per_host.max(1);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some((rows, url, host)) = next_url(&queue, &changed, per_host, stop) {
                    let result = fetch_unless_stopped(client, url, stop);
                    if let Some(result) = &result {
                        if let (Ok(page), Some(c)) = (result, cache) {
                            c.put(url, page);
                        }
                        memo.put(url, result);
                    }
                    let mut q = queue.lock().expect("no panics while locked");
                    if let Some(n) = q.in_flight.get_mut(&host) {
                        *n -= 1;
                    }
                    drop(q);
                    changed.notify_all();
                    let Some(result) = result else {
                        continue;
                    };
                    let (last, others) = rows.split_last().expect("a URL has a row");
                    for &i in others {
                        fetched(i, result.clone());
                    }
                    fetched(*last, result);
                }
            });
        }
    });
    results
}

/// The page at `url`, or `None` once `stop` is set: the run is ending, so
/// a request in flight is left to its own thread rather than waited for,
/// which could take the whole `--timeout` (a server that never answers).
fn fetch_unless_stopped(
    client: &Arc<Client>,
    url: &str,
    stop: &AtomicBool,
) -> Option<Result<Fetched, FetchError>> {
    let (tx, rx) = mpsc::channel();
    let (client, owned) = (Arc::clone(client), url.to_string());
    std::thread::spawn(move || {
        let _ = tx.send(client.fetch(&owned));
    });
    loop {
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(result) => return Some(result),
            Err(mpsc::RecvTimeoutError::Timeout) if stop.load(Ordering::SeqCst) => return None,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            // The request's thread panicked: the row still gets its line.
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Some(Err(FetchError::Failed {
                    url: url.to_string(),
                    message: "the request stopped unexpectedly".to_string(),
                }));
            }
        }
    }
}

type Waiting<'a> = (Vec<usize>, &'a str, String);

/// The next URL whose host has room, waiting while every waiting URL's host is
/// at its limit; `None` when nothing is left.
fn next_url<'a>(
    queue: &Mutex<Queue<'a>>,
    changed: &Condvar,
    per_host: usize,
    stop: &AtomicBool,
) -> Option<Waiting<'a>> {
    let mut q = queue.lock().expect("no panics while locked");
    loop {
        if q.waiting.is_empty() || stop.load(Ordering::SeqCst) {
            return None;
        }
        let pos = q
            .waiting
            .iter()
            .position(|(_, _, host)| q.in_flight.get(host).copied().unwrap_or(0) < per_host);
        if let Some(pos) = pos {
            let next = q.waiting.remove(pos).expect("position is in range");
            *q.in_flight.entry(next.2.clone()).or_insert(0) += 1;
            return Some(next);
        }
        // Wake now and then to notice a Ctrl-C even while every host is busy.
        q = changed
            .wait_timeout(q, Duration::from_millis(200))
            .expect("no panics while locked")
            .0;
    }
}

/// What `--per-host` counts: the address (and port) the URL's host
/// resolves to, so `localhost`, `LOCALHOST.` and `127.0.0.1` are one host;
/// the host as written when it does not resolve.
fn host_key(authority: &str) -> String {
    use std::net::ToSocketAddrs;
    let Ok(url) = reqwest::Url::parse(&format!("http://{authority}/")) else {
        return authority.to_string();
    };
    let Some(host) = url.host_str() else {
        return authority.to_string();
    };
    let port = url.port().unwrap_or(0);
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let resolved = match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => Some(ip),
        Err(_) => (bare.trim_end_matches('.'), port)
            .to_socket_addrs()
            .ok()
            .and_then(|addrs| {
                let addrs: Vec<_> = addrs.map(|a| a.ip()).collect();
                // One address for a name with several kinds: IPv4 first.
                addrs
                    .iter()
                    .find(|ip| ip.is_ipv4())
                    .or(addrs.first())
                    .copied()
            }),
    };
    let ip = match resolved {
        Some(std::net::IpAddr::V6(v6)) => v6
            .to_ipv4_mapped()
            .map_or(std::net::IpAddr::V6(v6), std::net::IpAddr::V4),
        Some(ip) => ip,
        None => return authority.to_string(),
    };
    format!("{ip}:{port}")
}

/// The host (and port) of a URL, lower-cased; the URL itself when it has none.
fn authority_of(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let authority = authority
        .rsplit_once('@')
        .map(|(_, h)| h)
        .unwrap_or(authority);
    authority.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            authority_of("https://Jobs.Example:8080/a?b"),
            "jobs.example:8080"
        );
        assert_eq!(authority_of("http://u:p@x.example/"), "x.example");
        assert_eq!(host_key("127.0.0.1:81"), "127.0.0.1:81");
        assert_eq!(host_key("localhost:81"), "127.0.0.1:81");
        assert_eq!(host_key("127.1:81"), "127.0.0.1:81");
        assert_eq!(host_key("0x7f.0.0.1:81"), "127.0.0.1:81");
        assert_eq!(host_key("[::ffff:127.0.0.1]:81"), "127.0.0.1:81");
    }
}
