//! One module per subcommand.

pub mod analyze;
pub mod patterns;
pub mod profile;
