//! The error that stops a batch before any row is read: an input file
//! that cannot be read at all. Its own module, so that the messages in
//! `i18n` can render it without depending on the batch.

/// An input that cannot be read at all: the run stops with exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    /// The header names neither a text nor a URL column (a message people
    /// meet often, so it is typed for translation).
    #[error(
        "{file}: no text or URL column (looked for description, text, content, body, url, link; the header has: {headers}); use --text-column or --url-column{hint}"
    )]
    NoTextColumn {
        file: String,
        headers: String,
        /// `; ` and a hint about `--delimiter` when the header looks split
        /// by another separator, else empty.
        hint: String,
    },
}
