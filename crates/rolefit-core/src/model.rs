//! The typed values the stages hand each other: a [`Posting`] with its
//! [`Section`]s of a [`SectionKind`], its [`Lang`], and (in [`crate::role`]) the
//! [`Role`](crate::role::Role) it is given.

use serde::{Deserialize, Serialize};

/// What a section of a posting is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// The title of the posting (a synthetic section holding one line).
    Title,
    /// Text before the first recognised heading, or under an unknown one.
    Other,
    About,
    Responsibilities,
    Requirements,
    Preferred,
    Benefits,
    Process,
}

impl SectionKind {
    pub const ALL: [SectionKind; 8] = [
        SectionKind::Title,
        SectionKind::Other,
        SectionKind::About,
        SectionKind::Responsibilities,
        SectionKind::Requirements,
        SectionKind::Preferred,
        SectionKind::Benefits,
        SectionKind::Process,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Title => "title",
            SectionKind::Other => "other",
            SectionKind::About => "about",
            SectionKind::Responsibilities => "responsibilities",
            SectionKind::Requirements => "requirements",
            SectionKind::Preferred => "preferred",
            SectionKind::Benefits => "benefits",
            SectionKind::Process => "process",
        }
    }

    pub fn from_name(name: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One line of posting text with its 1-based line number in the extracted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    pub number: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: Option<String>,
    #[serde(skip)]
    pub lines: Vec<Line>,
}

/// The language of a posting, decided by the share of Hangul in its letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }
}

/// Who posted what, where: the fields every source may give besides the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingMeta {
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub date_posted: Option<String>,
    pub employment_type: Option<String>,
    /// The level a site states ("Mid-Senior level" on LinkedIn), when it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seniority: Option<String>,
}

/// A job posting read closely: who, what, where, and its text in typed sections.
#[derive(Debug, Clone, Serialize)]
pub struct Posting {
    #[serde(flatten)]
    pub meta: PostingMeta,
    pub lang: Lang,
    pub sections: Vec<Section>,
}
