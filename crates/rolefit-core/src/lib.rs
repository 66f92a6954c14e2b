//! rolefit-core: the stages of rolefit that only compute.
//!
//! Text in, typed values out; no command line, network or filesystem here
//! (the `rolefit` binary does that). The stages, one module each:
//!
//! [`extract`] text to a [`Posting`] with typed [`Section`]s ->
//! [`classify`] a [`Classification`] ->
//! [`requirements`] the posting's [`Requirements`] ->
//! [`fit`] a [`Fit`] against a [`Profile`]'s strengths;
//! [`analysis::analyze`] runs them in order and returns an [`Analysis`].
//!
//! [`rules`] compiles the pattern files every stage reads.

pub mod analysis;
pub mod classify;
pub mod decode;
pub mod extract;
pub mod fit;
pub mod identity;
pub mod learn;
pub mod model;
pub mod profile;
pub mod requirements;
pub mod role;
pub mod rules;
pub use rules::salary;
pub use rules::skills;
pub mod text;

pub use analysis::{Analysis, analyze};
pub use classify::Classification;
pub use fit::Fit;
pub use model::{Lang, Line, Posting, PostingMeta, Section, SectionKind};
pub use profile::Profile;
pub use requirements::Requirements;
pub use role::{Label, Role};
