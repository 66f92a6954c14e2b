//! `rolefit batch`: the arguments resolved, then the run.

use crate::cli::BatchArgs;
use crate::i18n::Messages;

/// Runs the command; returns whether every row succeeded.
pub fn run(args: BatchArgs, msg: Messages) -> anyhow::Result<bool> {
    crate::batch::run::run(&super::batch_config(args, msg)?)
}
