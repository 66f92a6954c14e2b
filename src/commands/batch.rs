//! `rolefit batch`: the arguments resolved, then the run.

use crate::cli::BatchArgs;

/// Runs the command; returns whether every row succeeded.
pub fn run(args: BatchArgs) -> anyhow::Result<bool> {
    crate::batch::run::run(&super::batch_config(args)?)
}
