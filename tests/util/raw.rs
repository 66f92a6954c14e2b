//! A hand-written HTTP/1.1 server on 127.0.0.1 for what wiremock cannot do:
//! drip a body byte by byte, send a gzip bomb, lie about the length, reset
//! or cut a connection. One handler per connection, in order.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

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
