//! A wiremock server on its own tokio runtime, for tests that run the
//! `rolefit` binary against 127.0.0.1 (the binary is a separate process, so
//! its blocking client never runs inside this runtime).

use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{Dir, TestCommand};

/// A 200 answer with an HTML body.
pub fn html(body: impl Into<Vec<u8>>) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.into(), "text/html; charset=utf-8")
}

/// A 200 answer with a JSON body.
pub fn json_response(body: &Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.to_string(), "application/json")
}

/// A redirect to `location`.
pub fn redirect(status: u16, location: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).insert_header("Location", location)
}

/// The boards and sites whose hosts [`rolefit`] moves to the local server.
pub const BOARDS: [&str; 8] = [
    "GREENHOUSE",
    "LEVER",
    "ASHBY",
    "WANTED",
    "WORKDAY",
    "LINKEDIN",
    "SARAMIN",
    "JOBKOREA",
];

/// rolefit in `dir` with every board's and site's host on `site`
/// (`ROLEFIT_<BOARD>_API`), and no way to any other host.
pub fn rolefit(dir: &Dir, site: &Site, args: &[&str]) -> TestCommand {
    let mut cmd = dir.command(args);
    for board in BOARDS {
        cmd = cmd.env(&format!("ROLEFIT_{board}_API"), &site.url(""));
    }
    cmd.no_internet()
}

/// The one record of `analyze SOURCE --format json`, which must succeed.
#[track_caller]
pub fn analyze(dir: &Dir, site: &Site, source: &str) -> Value {
    let out = rolefit(dir, site, &["analyze", source, "--format", "json"]).run();
    out.expect_code(0);
    out.only_record()
}

pub struct Site {
    rt: tokio::runtime::Runtime,
    server: MockServer,
}

impl Site {
    pub fn start() -> Site {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let server = rt.block_on(MockServer::start());
        Site { rt, server }
    }

    pub fn url(&self, p: &str) -> String {
        format!("{}{p}", self.server.uri())
    }

    /// Mounts mocks; of several matching a request, the first mounted answers.
    pub fn mount(&self, mock: Mock) {
        self.rt.block_on(mock.mount(&self.server));
    }

    /// Serves `response` to every GET of `p`.
    pub fn serve(&self, p: &str, response: ResponseTemplate) {
        self.mount(
            Mock::given(method("GET"))
                .and(path(p))
                .respond_with(response),
        );
    }

    /// Serves `response` to the first `n` GETs of `p` only.
    pub fn serve_first(&self, n: u64, p: &str, response: ResponseTemplate) {
        self.mount(
            Mock::given(method("GET"))
                .and(path(p))
                .respond_with(response)
                .up_to_n_times(n),
        );
    }

    /// Forgets every mock and every request received.
    pub fn reset(&self) {
        self.rt.block_on(self.server.reset());
    }

    /// The paths asked for, in order.
    pub fn requested_paths(&self) -> Vec<String> {
        self.rt
            .block_on(self.server.received_requests())
            .unwrap_or_default()
            .iter()
            .map(|r| r.url.path().to_string())
            .collect()
    }

    /// How many requests the server received.
    pub fn requests(&self) -> usize {
        self.rt
            .block_on(self.server.received_requests())
            .map_or(0, |r| r.len())
    }
}
