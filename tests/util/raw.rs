//! A hand-written HTTP/1.1 server on 127.0.0.1 for what wiremock cannot do:
//! drip a body byte by byte, send a gzip bomb, lie about the length, reset
//! or cut a connection. One handler per connection, in order.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

/// Handles one connection.
pub type Handler = Box<dyn FnOnce(TcpStream) + Send>;

/// Serves connections on 127.0.0.1 with `handlers`, one each; returns the
/// URL of `/job` on it.
pub fn raw_server(handlers: Vec<Handler>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        for handler in handlers {
            match listener.accept() {
                Ok((stream, _)) => handler(stream),
                Err(_) => return,
            }
        }
    });
    format!("http://{addr}/job")
}

/// Reads the request head, so closing the socket later is a clean FIN, not
/// a reset for unread data. Returns the head.
pub fn read_request(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// A response head for an HTML body; `extra` holds more header lines.
pub fn response_head(content_length: usize, extra: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
         Content-Length: {content_length}\r\n{extra}Connection: close\r\n\r\n"
    )
}

/// Answers one request with `head` and `body` exactly as given.
pub fn respond(head: String, body: Vec<u8>) -> Handler {
    Box::new(move |mut stream: TcpStream| {
        read_request(&mut stream);
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body);
    })
}

/// A server on 127.0.0.1 that answers every request with the HTML `page`
/// after `delay`; returns its port and the most requests it ever had in
/// flight at once.
pub fn counting_server(delay: Duration, page: &'static str) -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let in_flight = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let most_seen = most.clone();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let in_flight = in_flight.clone();
            let most = most.clone();
            thread::spawn(move || {
                if !read_request(&mut stream).ends_with("\r\n\r\n") {
                    return; // the connection ended before a whole request
                }
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                thread::sleep(delay);
                // Out of flight before the answer leaves, so the client's
                // next request can never overlap this one in the count.
                in_flight.fetch_sub(1, Ordering::SeqCst);
                let _ = stream.write_all(response_head(page.len(), "").as_bytes());
                let _ = stream.write_all(page.as_bytes());
            });
        }
    });
    (port, most_seen)
}
