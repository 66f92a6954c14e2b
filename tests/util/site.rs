//! A wiremock server on its own tokio runtime, for tests that run the
//! `rolefit` binary against 127.0.0.1 (the binary is a separate process, so
//! its blocking client never runs inside this runtime).

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

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
