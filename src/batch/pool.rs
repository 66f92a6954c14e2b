//! Fetching many URLs at once: `--jobs` requests in flight, at most
//! `--per-host` to any one host, each URL once per run, and the cache.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

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
    waiting: VecDeque<(usize, &'a str)>,
    in_flight: HashMap<String, usize>,
}

/// Fetches every `(index, url)`. What comes from the network is handed to
/// `fetched` on the thread that fetched it, as soon as it arrives; what comes
/// from the cache is returned, by index. Once `stop` is set no new request
/// starts, and the URLs not fetched have no result.
pub fn fetch_all(
    urls: &[(usize, &str)],
    client: &Client,
    cache: Option<&Cache>,
    limits: Politeness,
    stop: &AtomicBool,
    fetched: &(dyn Fn(usize, Result<Fetched, FetchError>) + Sync),
) -> HashMap<usize, Result<Fetched, FetchError>> {
    let results = Mutex::new(HashMap::with_capacity(urls.len()));
    let mut todo = Vec::new();
    for &(i, url) in urls {
        match cache.and_then(|c| c.get(url)) {
            Some(page) => {
                results
                    .lock()
                    .expect("no panics while locked")
                    .insert(i, Ok(page));
            }
            None => todo.push((i, url)),
        }
    }
    if todo.is_empty() {
        return results.into_inner().expect("no panics while locked");
    }
    let queue = Mutex::new(Queue {
        waiting: todo.iter().copied().collect(),
        in_flight: HashMap::new(),
    });
    let changed = Condvar::new();
    let workers = limits.jobs.max(1).min(todo.len());
    let per_host = limits.per_host.max(1);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some((i, url, host)) = next_url(&queue, &changed, per_host, stop) {
                    let result = client.fetch(url);
                    if let (Ok(page), Some(c)) = (&result, cache) {
                        c.put(url, page);
                    }
                    let mut q = queue.lock().expect("no panics while locked");
                    if let Some(n) = q.in_flight.get_mut(&host) {
                        *n -= 1;
                    }
                    drop(q);
                    changed.notify_all();
                    fetched(i, result);
                }
            });
        }
    });
    results.into_inner().expect("no panics while locked")
}

/// The next URL whose host has room, waiting while every waiting URL's host is
/// at its limit; `None` when nothing is left.
fn next_url<'a>(
    queue: &Mutex<Queue<'a>>,
    changed: &Condvar,
    per_host: usize,
    stop: &AtomicBool,
) -> Option<(usize, &'a str, String)> {
    let mut q = queue.lock().expect("no panics while locked");
    loop {
        if q.waiting.is_empty() || stop.load(Ordering::SeqCst) {
            return None;
        }
        let pos = q
            .waiting
            .iter()
            .position(|(_, url)| q.in_flight.get(&host_of(url)).copied().unwrap_or(0) < per_host);
        if let Some(pos) = pos {
            let (i, url) = q.waiting.remove(pos).expect("position is in range");
            let host = host_of(url);
            *q.in_flight.entry(host.clone()).or_insert(0) += 1;
            return Some((i, url, host));
        }
        // Wake now and then to notice a Ctrl-C even while every host is busy.
        q = changed
            .wait_timeout(q, std::time::Duration::from_millis(200))
            .expect("no panics while locked")
            .0;
    }
}

/// The host (and port) of a URL, lower-cased; the URL itself when it has none.
fn host_of(url: &str) -> String {
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
            host_of("https://Jobs.Example:8080/a?b"),
            "jobs.example:8080"
        );
        assert_eq!(host_of("http://u:p@x.example/"), "x.example");
    }
}
