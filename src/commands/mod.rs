//! One module per subcommand.

pub mod analyze;
pub mod history;
pub mod patterns;
pub mod profile;
