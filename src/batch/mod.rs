//! `rolefit batch`: many postings from a CSV or JSON Lines file (or a job
//! board), one output row per input row, in input order.

pub mod cache;
pub mod encoding;
pub mod input;
pub mod listing;
pub mod pool;
pub mod run;
