//! Splitting a posting's blocks into sections at headings and naming each
//! section's kind from the heading patterns in `patterns/sections.toml`.

use super::{Block, Line, Section, SectionKind};
use crate::rules::SectionRules;
use crate::text::{count_chars_to, more_chars_than};

/// A heading is short; a longer line is body text even when it is bold.
const MAX_HEADING_CHARS: usize = 60;
/// Inline headings ("Requirements: Python, SQL") and a label read by its lead
/// ("자격요건 (필수)") are short.
const MAX_LABEL_CHARS: usize = 30;
/// A line with no heading form that a heading pattern names whole ("Preferred
/// Skills And Experience", "Responsibilities for this position include") may
/// be longer.
const MAX_NAMED_CHARS: usize = 50;

/// Decorations that mark a heading line in Korean and plain-text postings.
const HEADING_MARKS: &[char] = &[
    '■', '□', '▣', '◆', '◇', '●', '○', '◎', '▶', '▷', '►', '★', '☆', '◼', '◾', '▪', '#', '*', '=',
    '【', '】', '[', ']', '<', '>', '〈', '〉', '《', '》', '「', '」', '『', '』', '|', '-', '~',
    '✔', '✅', '📌', '💡', '🔥', '✨', '🙌', '👉', '💻', '🎯', '🚀', '📍', '🎁', '🤝', '⭐',
];

/// The text of a heading without its decorations, trailing colon or numbering.
pub fn normalize_heading(text: &str) -> String {
    // Fullwidth brackets and letters fold, invisible characters go.
    let text = crate::text::normalize(text);
    let t = text.trim().trim_matches(is_decoration);
    // A trailing colon or ellipsis ("About the role…" is "About the role...").
    let t = t.trim_end_matches([':', '：', '.']).trim();
    let t = t.trim_matches(is_decoration);
    // "1. 주요업무", "01 What you'll do", "A) Requirements"
    let t = strip_numbering(t);
    // The words joined by one space, without collecting them first;
    // typographic apostrophes read as ASCII ("What you’ll do").
    let mut out = String::with_capacity(t.len());
    for word in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.contains(['\u{2019}', '\u{2018}']) {
            out.extend(word.chars().map(|c| match c {
                '\u{2019}' | '\u{2018}' => '\'',
                c => c,
            }));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// A character that decorates a heading at either end: a heading mark, a
/// space, or any symbol that is not a letter, digit or bracket (emoji, with
/// their variation selectors: "🚀 What you'll do", "✨️ 자격요건").
fn is_decoration(c: char) -> bool {
    // Letters, digits and Hangul first: the common case, without a table.
    // Hangul jamo are letters too: NFKC makes the middle dot of "AIㆍML"
    // one, and the Unicode tables are slow to say so.
    if c.is_ascii_alphanumeric()
        || ('\u{ac00}'..='\u{d7a3}').contains(&c)
        || ('\u{1100}'..='\u{11ff}').contains(&c)
    {
        return false;
    }
    if c.is_ascii() {
        // What the rule below says of ASCII, without the list of marks.
        return !matches!(c, '(' | ')' | '\'' | '"' | '&' | '+' | '.' | ':');
    }
    is_decoration_by_rule(c)
}

/// [`is_decoration`] as the rule says it.
fn is_decoration_by_rule(c: char) -> bool {
    HEADING_MARKS.contains(&c)
        || c.is_whitespace()
        || !(c.is_alphanumeric()
            || matches!(
                c,
                '(' | ')' | '[' | ']' | '\'' | '"' | '&' | '+' | '#' | '.' | ':' | '：'
            ))
}

/// The leading part of a long heading label, before a comma, dash, slash or
/// parenthesis: "Preferred, but not required" names what "Preferred" does.
fn label_lead(normal: &str) -> Option<&str> {
    let end = normal
        .find([',', '(', '/', '–', '—', '·'])
        .or_else(|| normal.find(" - "))?;
    let lead = normal[..end].trim();
    (!lead.is_empty()).then_some(lead)
}

fn strip_numbering(t: &str) -> &str {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(['.', ')']) {
            return r.trim_start();
        }
        if rest.starts_with(' ') {
            return rest.trim_start();
        }
    }
    t
}

/// Whether a plain line looks like a heading by its form alone: bracketed,
/// led by a heading mark, or short and ending in a colon.
fn looks_like_heading(line: &str) -> bool {
    let t = line.trim();
    let chars = count_chars_to(t, MAX_HEADING_CHARS + 1);
    if chars == 0 || chars > MAX_HEADING_CHARS {
        return false;
    }
    let bracketed = (t.starts_with('[') && t.ends_with(']'))
        || (t.starts_with('【') && t.ends_with('】'))
        || (t.starts_with('<') && t.ends_with('>') && !t.contains("</"))
        || (t.starts_with('〈') && t.ends_with('〉'));
    let marked = t.starts_with(['■', '□', '▣', '◆', '◇', '▶', '►', '◼', '◾', '#']);
    let colon = (t.ends_with(':') || t.ends_with('：')) && chars <= 40;
    bracketed || marked || colon
}

/// Splits blocks into sections. Line numbers count every block, blank ones
/// included, from 1, so for text files they are the file's own line numbers
/// (plus `line_offset` for lines taken off the top, such as a title).
pub fn split(blocks: &[Block], rules: &SectionRules, line_offset: usize) -> Vec<Section> {
    let mut splitter = Splitter::new(line_offset);
    splitter.feed(blocks, rules);
    splitter.finish(rules)
}

/// Splits a posting into sections piece by piece: [`Splitter::start`] opens a
/// section whose kind the source already knows (a job board's "requirements"
/// field), [`Splitter::feed`] splits text at its own headings. Line numbers run
/// on across pieces.
#[derive(Debug)]
pub struct Splitter {
    sections: Vec<Section>,
    current: Section,
    number: usize,
}

impl Splitter {
    /// A splitter whose first line is `line_offset + 1`.
    pub fn new(line_offset: usize) -> Splitter {
        Splitter {
            sections: Vec::new(),
            current: Section {
                kind: SectionKind::Other,
                heading: None,
                lines: Vec::new(),
            },
            number: line_offset,
        }
    }

    /// Starts a section of a known kind; a heading takes a line, as a heading
    /// line of a page does.
    pub fn start(&mut self, kind: SectionKind, heading: Option<String>) {
        if heading.is_some() {
            self.number += 1;
        }
        self.open(kind, heading);
    }

    fn open(&mut self, kind: SectionKind, heading: Option<String>) {
        let next = Section {
            kind,
            heading,
            lines: Vec::new(),
        };
        push(
            &mut self.sections,
            std::mem::replace(&mut self.current, next),
        );
    }

    /// Adds blocks to the current section, starting a new one at each heading.
    pub fn feed(&mut self, blocks: &[Block], rules: &SectionRules) {
        for block in blocks {
            for raw in block.text.split('\n') {
                self.number += 1;
                let text = raw.trim();
                if text.is_empty() {
                    continue;
                }
                if let Some((normal, known)) = heading(text, block, rules) {
                    let kind = known.unwrap_or_else(|| {
                        let after_duties = self
                            .sections
                            .iter()
                            .chain([&self.current])
                            .any(|s| is_duties(s.kind));
                        subsection_kind(self.current.kind, after_duties)
                    });
                    self.open(kind, Some(normal));
                    continue;
                }
                let number = self.number;
                if let Some((kind, label, rest)) = inline_heading(text, rules) {
                    // "Company: Acme builds…" is a field of its own line, not
                    // the heading of the rest of the posting.
                    let before = (kind == SectionKind::About)
                        .then(|| (self.current.kind, self.current.heading.clone()));
                    self.open(kind, Some(label));
                    self.push_line(number, rest, rules);
                    if let Some((kind, heading)) = before {
                        self.open(kind, heading);
                    }
                    continue;
                }
                self.push_line(number, text, rules);
            }
        }
    }

    /// Adds a line of text to the current section. A long line of scraped
    /// text whose list items and headings were glued together ("Minimum
    /// QualificationsMaster's degree…Preferred QualificationsPyTorch") is cut
    /// at the headings in it, each starting its section; every piece keeps
    /// the line's number.
    fn push_line(&mut self, number: usize, text: &str, rules: &SectionRules) {
        if text.len() < GLUED_MIN_BYTES {
            self.push_piece(number, text, None);
            return;
        }
        let mut at = 0;
        for cut in glued_headings(text, rules) {
            self.push_piece(number, &text[at..cut.start], Some(rules));
            self.open(cut.kind, Some(cut.label));
            at = cut.end;
        }
        self.push_piece(number, &text[at..], Some(rules));
    }

    /// Adds a piece of a line. A piece of a long line has its glued words
    /// cut apart: into lines of their own where it has several such joints
    /// (list items that lost their line breaks: "…background
    /// preferredProven experience…"), else with a space ("PythonBig Data"
    /// is "Python Big Data"). Every line keeps the line's number.
    fn push_piece(&mut self, number: usize, text: &str, long: Option<&SectionRules>) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let joints = long.map_or_else(Vec::new, |rules| glued_joints(text, rules));
        if joints.len() >= MIN_GLUED_ITEMS {
            let mut at = 0;
            for cut in joints.into_iter().chain(std::iter::once(text.len())) {
                self.push_piece(number, &text[at..cut], None);
                at = cut;
            }
            return;
        }
        let mut line = String::with_capacity(text.len() + joints.len());
        let mut at = 0;
        for cut in joints {
            line.push_str(&text[at..cut]);
            line.push(' ');
            at = cut;
        }
        line.push_str(&text[at..]);
        self.current.lines.push(Line { number, text: line });
    }

    /// The sections, in order; untitled empty ones dropped. A posting whose
    /// only list of qualifications is headed "Preferred" or "Desired" asks
    /// for what it lists: with no requirements section, that list is its
    /// requirements (`sole_list_required` in `patterns/sections.toml`).
    pub fn finish(mut self, rules: &SectionRules) -> Vec<Section> {
        push(&mut self.sections, self.current);
        let mut sections = self.sections;
        if !sections.iter().any(|s| s.kind == SectionKind::Requirements) {
            for s in &mut sections {
                if s.kind == SectionKind::Preferred
                    && s.heading
                        .as_deref()
                        .is_some_and(|h| rules.sole_list_required(h))
                {
                    s.kind = SectionKind::Requirements;
                }
            }
        }
        sections
    }
}

/// A line that is a heading: its normalised text and the kind it names, if
/// any. A line is a heading by its form, or as a short label that names a
/// known kind; only then is its kind looked up.
fn heading(
    text: &str,
    block: &Block,
    rules: &SectionRules,
) -> Option<(String, Option<SectionKind>)> {
    if more_chars_than(text, MAX_HEADING_CHARS) {
        return None;
    }
    let normal = normalize_heading(text);
    if normal.is_empty() {
        return None;
    }
    let by_form = (block.heading && !block.text.contains('\n')) || looks_like_heading(text);
    // Exact up to MAX_NAMED_CHARS, the largest limit it is held to.
    let chars = count_chars_to(&normal, MAX_NAMED_CHARS + 1);
    let as_label = chars <= MAX_NAMED_CHARS && !normal.contains([':', '：']);
    if !by_form && !as_label {
        return None;
    }
    let known = rules.kind_of(&normal).or_else(|| {
        (by_form || chars <= MAX_LABEL_CHARS)
            .then(|| label_lead(&normal))
            .flatten()
            .and_then(|l| rules.kind_of(l))
    });
    (by_form || known.is_some()).then_some((normal, known))
}

/// The kind of a section under a heading no pattern names. Inside the job's
/// own sections it is a sub-heading ("[AWS 데이터 파이프라인 구축]" under
/// 주요업무) and keeps the kind. So it is in the benefits or the hiring
/// process that end a posting, after its duties ("최고의 장비", "Health"
/// under 복지): a posting that puts its benefits first may still go on to
/// duties under a heading no pattern names. Elsewhere it starts an untyped
/// section.
fn subsection_kind(current: SectionKind, after_duties: bool) -> SectionKind {
    match current {
        SectionKind::Responsibilities | SectionKind::Requirements | SectionKind::Preferred => {
            current
        }
        SectionKind::Benefits | SectionKind::Process if after_duties => current,
        _ => SectionKind::Other,
    }
}

/// The job's own sections that a posting's closing blurb comes after.
fn is_duties(kind: SectionKind) -> bool {
    matches!(
        kind,
        SectionKind::Responsibilities | SectionKind::Requirements | SectionKind::Preferred
    )
}

/// "Requirements: 3+ years of Python" starts a requirements section whose first
/// line is the rest. Only known heading labels count, so "Location: Seoul" does not.
fn inline_heading<'a>(
    text: &'a str,
    rules: &SectionRules,
) -> Option<(SectionKind, String, &'a str)> {
    let (label, rest) = split_at_colon(text)?;
    let rest = rest.trim();
    if rest.is_empty() || more_chars_than(label, MAX_LABEL_CHARS) {
        return None;
    }
    let label = normalize_heading(label);
    let kind = rules.kind_of(&label)?;
    Some((kind, label, rest))
}

/// A line this long may be several lines glued together; a shorter one is
/// read as it is.
const GLUED_MIN_BYTES: usize = 100;
/// A one-word heading glued to the next item is at least this long.
const MIN_GLUED_WORD_BYTES: usize = 6;
/// A piece of a long line with this many glued joints or more is a list
/// whose items lost their line breaks: each item is a line of its own.
const MIN_GLUED_ITEMS: usize = 3;
/// Capitalised parts of one word the patterns know ("JavaScript" has two),
/// at most.
const MAX_WORD_PARTS: usize = 4;
/// Words in a heading found inside a glued line, at most.
const MAX_GLUED_WORDS: usize = 6;

/// A heading inside a line: where its label starts, where the text after it
/// starts, the kind it names and its normalised label.
#[derive(Debug)]
struct Cut {
    start: usize,
    end: usize,
    kind: SectionKind,
    label: String,
}

/// The headings inside a long line, in order and apart. A heading ends where
/// the text was glued to the next item (a lower-case letter or closing
/// parenthesis directly followed by a capital: "QualificationsMaster",
/// "etc)Additional"), at a colon ("…activitiesRequirements: MS in…"), or at
/// the end of a bracketed label ("…합니다.[자격요건] 파이썬…"). Its label
/// starts a few words back, with a capital or a Hangul syllable, and must be
/// one a heading pattern names whole, so that "JavaScript" or "iOS" cut
/// nothing.
fn glued_headings(text: &str, rules: &SectionRules) -> Vec<Cut> {
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    let mut from = 0;
    let glued = |i: usize| i > 0 && (bytes[i - 1].is_ascii_lowercase() || bytes[i - 1] == b')');
    // The capital that starts a word glued to a heading in capitals:
    // "TASKSClosely", "QUALIFICATIONSKnowledge".
    let after_capitals = |i: usize| {
        i >= 2
            && bytes[i - 1].is_ascii_uppercase()
            && bytes[i - 2].is_ascii_uppercase()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase)
    };
    for (e, c) in text.char_indices() {
        // Inside a heading read forward: nothing more starts there.
        if from > e {
            continue;
        }
        // The headings found here, in order: at most one ending here and one
        // starting here.
        let found = match c {
            ':' | '：' => [
                label_before(text, from, e, true, rules).map(|l| (l, e + c.len_utf8())),
                None,
            ],
            // A short word glued to a capital is more often a name
            // ("PayJoy", "StackBlitz") than a heading.
            'A'..='Z' if glued(e) || after_capitals(e) => [
                // The heading that ends here ("…dataMinimum Qualifications"
                // + "Master's", "…EXPECTATIONS AND TASKS" + "Closely").
                label_before(text, from, e, false, rules)
                    .filter(|(s, _, label)| label.contains(' ') || e - s >= MIN_GLUED_WORD_BYTES)
                    .map(|l| (l, e)),
                // The one in capitals that starts here, then a space
                // ("models" + "EDUCATION AND QUALIFICATION MS or PhD"): it has
                // no glued end to be found from, so it is read forward.
                capitals_label_at(text, e, rules).map(|(end, kind, label)| ((e, kind, label), end)),
            ],
            ']' | '】' => [
                bracketed_before(text, from, e + c.len_utf8(), rules)
                    .map(|l| (l, e + c.len_utf8())),
                None,
            ],
            _ => [None, None],
        };
        for ((start, kind, label), end) in found.into_iter().flatten() {
            cuts.push(Cut {
                start,
                end,
                kind,
                label,
            });
            from = end;
        }
    }
    cuts
}

/// The heading that ends at byte `end` of `text` and starts at or after
/// `from`: the longest run of the last few words before `end` that a heading
/// pattern names. It starts with a capital or a Hangul syllable where a new
/// item would: at the start of the line, glued to the end of the one before
/// ("dataMinimum"), after a full stop, comma, bracket or bullet, or after a
/// run of spaces; not in the middle of a sentence ("at PayJoy" is no "Pay").
/// Before a colon, a capitalised English label may follow a plain space
/// ("…shell scripting Desired: Scala"): a capital in mid-sentence is a label
/// already. A Korean word has no capital, so "클라우드 서비스: AWS" is no
/// heading.
fn label_before(
    text: &str,
    from: usize,
    end: usize,
    colon: bool,
    rules: &SectionRules,
) -> Option<(usize, SectionKind, String)> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut chars = 0;
    let mut words = 0;
    for (i, c) in text[from..end].char_indices().rev() {
        let i = from + i;
        chars += 1;
        if chars > MAX_NAMED_CHARS || words == MAX_GLUED_WORDS {
            break;
        }
        let before = text[..i].chars().next_back();
        let word_start =
            !c.is_whitespace() && before.is_none_or(|b| b.is_whitespace() || !b.is_alphanumeric());
        // Glued to a word ("dataMinimum") or to an acronym ("NLPCompany").
        let joint = c.is_ascii_uppercase()
            && i > 0
            && (bytes[i - 1].is_ascii_lowercase()
                || (bytes[i - 1].is_ascii_uppercase()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase)));
        if !(word_start || joint) {
            continue;
        }
        words += 1;
        let item_start = joint || before.is_none_or(|b| !b.is_whitespace()) || {
            // After a space: a new item only after punctuation or a run of spaces.
            let rest = text[..i].trim_end();
            i - rest.len() >= 2
                || rest.ends_with([
                    '.', ',', ';', ':', '!', '?', ')', ']', '】', '•', '·', '-', '–', '—',
                ])
        };
        let capital = c.is_ascii_uppercase() || crate::extract::lang::is_hangul(c);
        if capital && (item_start || (colon && c.is_ascii_uppercase())) {
            starts.push(i);
        }
    }
    starts.into_iter().rev().find_map(|s| {
        let label = normalize_heading(&text[s..end]);
        let kind = rules.kind_of(&label)?;
        Some((s, kind, label))
    })
}

/// A heading written in capitals that starts at byte `start` of `text`
/// ("EDUCATION AND QUALIFICATION" in "…modelsEDUCATION AND QUALIFICATION MS
/// or PhD…"): the most words in capitals, up to [`MAX_GLUED_WORDS`], that a
/// heading pattern names. A word glued to the next one ends before the
/// capital that starts it ("TASKS" of "TASKSClosely"). Where the text after
/// it starts, the kind and the normalised label.
fn capitals_label_at(
    text: &str,
    start: usize,
    rules: &SectionRules,
) -> Option<(usize, SectionKind, String)> {
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    let mut i = start;
    while ends.len() < MAX_GLUED_WORDS {
        let word = i;
        while i < bytes.len() && bytes[i].is_ascii_uppercase() {
            i += 1;
        }
        let glued_on = bytes.get(i).is_some_and(u8::is_ascii_lowercase);
        let end = if glued_on {
            i.saturating_sub(1).max(word)
        } else {
            i
        };
        if end - word < 2 {
            break;
        }
        ends.push(end);
        if glued_on || bytes.get(end) != Some(&b' ') {
            break;
        }
        i = end + 1;
    }
    ends.into_iter().rev().find_map(|end| {
        let label = normalize_heading(&text[start..end]);
        let kind = rules.kind_of(&label)?;
        let after = end + usize::from(bytes.get(end) == Some(&b' '));
        Some((after, kind, label))
    })
}

/// A bracketed heading ("[자격요건]", "【Requirements】") that ends at byte
/// `end`, opened at or after `from`.
fn bracketed_before(
    text: &str,
    from: usize,
    end: usize,
    rules: &SectionRules,
) -> Option<(usize, SectionKind, String)> {
    // Only as far back as a label could start (4 bytes a character at most).
    let mut window = end.saturating_sub(4 * MAX_LABEL_CHARS + 4).max(from);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let open = text[window..end].rfind(['[', '【'])? + window;
    if more_chars_than(&text[open..end], MAX_LABEL_CHARS) {
        return None;
    }
    let label = normalize_heading(&text[open..end]);
    let kind = rules.kind_of(&label)?;
    Some((open, kind, label))
}

/// Where a line's words were glued together: where a word of two lower-case
/// letters or more runs into a capitalised one ("PythonBig",
/// "SparkMathematical"), unless the pattern files know the whole ("PyTorch",
/// "TensorFlow", "FinTech"). The parts a glued run is made of are rejoined
/// into the longest words the patterns know ("JavaScriptReact" is cut once,
/// after "JavaScript"). Byte offsets, in order.
fn glued_joints(text: &str, rules: &SectionRules) -> Vec<usize> {
    let bytes = text.as_bytes();
    let joint = |i: usize| {
        i >= 2
            && bytes[i].is_ascii_uppercase()
            && bytes[i - 1].is_ascii_lowercase()
            && bytes[i - 2].is_ascii_lowercase()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase)
    };
    let mut cuts = Vec::new();
    if !(2..bytes.len()).any(joint) {
        return cuts;
    }
    let mut at = 0;
    while at < bytes.len() {
        let Some(start) = bytes[at..]
            .iter()
            .position(u8::is_ascii_alphabetic)
            .map(|n| at + n)
        else {
            break;
        };
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphabetic())
            .map_or(bytes.len(), |n| start + n);
        let parts: Vec<usize> = std::iter::once(start)
            .chain((start + 1..end).filter(|&i| joint(i)))
            .chain(std::iter::once(end))
            .collect();
        let mut i = 0;
        while i + 1 < parts.len() {
            // The longest run of parts the patterns know, else one part;
            // no known word has more than a few.
            let j = (i + 2..parts.len().min(i + 1 + MAX_WORD_PARTS))
                .rev()
                .find(|&j| rules.knows_word(&text[parts[i]..parts[j]]))
                .unwrap_or(i + 1);
            if i > 0 {
                cuts.push(parts[i]);
            }
            i = j;
        }
        at = end;
    }
    cuts
}

/// `text.split_once([':', '：'])`, asked of every line: each colon is
/// searched for on its own (a byte search, and the fullwidth one only in a
/// line with something outside ASCII) instead of decoding every character.
pub(crate) fn split_at_colon(text: &str) -> Option<(&str, &str)> {
    let ascii = text.find(':');
    let wide = if text.is_ascii() {
        None
    } else {
        text.find('：')
    };
    let (at, len) = match (ascii, wide) {
        (Some(a), Some(w)) if w < a => (w, '：'.len_utf8()),
        (Some(a), _) => (a, 1),
        (None, Some(w)) => (w, '：'.len_utf8()),
        (None, None) => return None,
    };
    Some((&text[..at], &text[at + len..]))
}

/// Keeps a section unless it is an empty untitled one.
fn push(sections: &mut Vec<Section>, section: Section) {
    if section.heading.is_none() && section.lines.is_empty() {
        return;
    }
    sections.push(section);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick paths of `is_decoration` say what the rule says.
    #[test]
    fn decorations_are_what_the_rule_says() {
        let chars = (0..=0x3400).chain(0xac00..=0xd7a3).chain(0x1f000..=0x1faff);
        for c in chars.filter_map(char::from_u32) {
            assert_eq!(is_decoration(c), is_decoration_by_rule(c), "{c:?}");
        }
        assert!(!is_decoration('\u{119e}'));
        assert!(is_decoration('·') && is_decoration('-') && is_decoration('🚀'));
        assert!(!is_decoration(')') && !is_decoration('자') && !is_decoration('A'));
    }

    #[test]
    fn splits_at_the_first_colon_as_split_once_does() {
        for t in [
            "Requirements: Python",
            "자격요건： 파이썬",
            "a：b:c",
            "a:b：c",
            "no colon",
            "콜론 없음",
            ":",
            "：",
            "",
        ] {
            assert_eq!(split_at_colon(t), t.split_once([':', '：']), "{t:?}");
        }
    }

    #[test]
    fn normalizes_decorated_headings() {
        assert_eq!(normalize_heading("■ 주요업무"), "주요업무");
        assert_eq!(normalize_heading("[자격요건]"), "자격요건");
        assert_eq!(normalize_heading("Requirements:"), "Requirements");
        assert_eq!(normalize_heading("What you’ll do…"), "What you'll do");
        assert_eq!(normalize_heading("1. 우대사항"), "우대사항");
        assert_eq!(normalize_heading("【 혜택 및 복지 】"), "혜택 및 복지");
        // Emoji with a variation selector, fullwidth brackets, zero-width spaces.
        assert_eq!(normalize_heading("✨\u{fe0f} 자격요건"), "자격요건");
        assert_eq!(normalize_heading("🚀 What you'll do"), "What you'll do");
        assert_eq!(normalize_heading("［우대\u{200b}사항］"), "우대사항");
        assert_eq!(
            normalize_heading("Ｒｅｑｕｉｒｅｍｅｎｔｓ："),
            "Requirements"
        );
    }

    #[test]
    fn long_labels_and_emoji_headings_name_their_kind() {
        let rules = crate::rules::PatternSet::builtin().unwrap().sections;
        let blocks: Vec<Block> = [
            "🚀 What you'll do",
            "- Train ranking models",
            "Preferred, but not required:",
            "- Kubernetes",
            "✨\u{fe0f} 자격요건",
            "- Python 3년 이상",
            "［우대사항］",
            "- 논문 실적",
        ]
        .into_iter()
        .map(Block::text)
        .collect();
        let kinds: Vec<SectionKind> = split(&blocks, &rules, 0).iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Responsibilities,
                SectionKind::Preferred,
                SectionKind::Requirements,
                SectionKind::Preferred
            ]
        );
    }

    /// The kind of each section `lines` split into.
    fn kinds_of(lines: &[&str]) -> Vec<SectionKind> {
        let rules = crate::rules::PatternSet::builtin().unwrap().sections;
        let blocks: Vec<Block> = lines.iter().copied().map(Block::text).collect();
        split(&blocks, &rules, 0).iter().map(|s| s.kind).collect()
    }

    #[test]
    fn headings_of_real_pages_name_their_kind() {
        use SectionKind::{Other, Preferred, Process, Requirements, Responsibilities};
        let lines = [
            "Intro text",
            "What you’ll do",
            "- Train ranking models",
            "Applied Scientist Responsibilities",
            "- Evaluate models offline",
            "Responsibilities for this position include",
            "- Ship models",
            "What we’re looking for in your background",
            "- Python",
            "Position Requirements",
            "- 3+ years",
            "Preferred Skills And Experience",
            "- Kubernetes",
            "EEO statement",
            "- We are an equal opportunity employer",
        ];
        assert_eq!(
            kinds_of(&lines),
            [
                Other,
                Responsibilities,
                Responsibilities,
                Responsibilities,
                Requirements,
                Requirements,
                Preferred,
                Process
            ]
        );
        let ko = [
            "포지션 및 자격요건",
            "- 석사 이상",
            "모집분야 및 자격요건",
            "- 파이썬",
        ];
        assert_eq!(kinds_of(&ko), [Requirements, Requirements]);
        // Headings that say their kind in a phrase or with a word more.
        use SectionKind::{About, Benefits};
        let en = [
            "You will be responsible for the following:",
            "- Train models",
            "Ideal candidate will also have experience in:",
            "- Python",
            "How You Stand Out",
            "- Kubernetes",
            "What We Provide",
            "- Health insurance",
        ];
        assert_eq!(
            kinds_of(&en),
            [Responsibilities, Requirements, Preferred, Benefits]
        );
        // Pay named with the benefits, and how hiring works: the company's
        // sections, not the last list's (here preferred) going on.
        let en = [
            "Bonus points",
            "- Terraform",
            "Pay and benefits",
            "- $120,000 base salary",
            "How hiring works",
            "- Phone call with our recruiter",
            "Salary & Equity",
            "- Options",
            "How the interview process works at Acme",
            "- Two calls",
        ];
        assert_eq!(
            kinds_of(&en),
            [Preferred, Benefits, Process, Benefits, Process]
        );
        // Headings that say what they hold in a sentence, after a section
        // they would otherwise continue.
        let en = [
            "What you will do",
            "- Train models",
            "Knowledge, Skills and Abilities",
            "- Python",
            "The Perks",
            "- Lunch",
            "You'd be a great fit if you have",
            "- SQL",
            "Suggested Skills",
            "- Spark",
            "What Acme can offer you",
            "- Equity",
            "What makes us unique",
            "- We ship weekly",
            "Our hiring process will be",
            "- Two calls",
        ];
        assert_eq!(
            kinds_of(&en),
            [
                Responsibilities,
                Requirements,
                Benefits,
                Requirements,
                Preferred,
                Benefits,
                About,
                Process
            ]
        );
        let ko = [
            "주요업무",
            "- 모델 개발",
            "이러한 역량과 경험이 있는 분들을 찾습니다",
            "- 파이썬",
            "필수 자격 조건",
            "- SQL",
            "아래 역량도 갖추셨다면 더욱 좋습니다",
            "- 스파크",
            "근무 조건은 다음과 같아요",
            "- 주 4.5일",
            "우리 Tech팀이 추구하는 개발문화",
            "- 코드 리뷰",
            "제출자료",
            "- 포트폴리오",
        ];
        assert_eq!(
            kinds_of(&ko),
            [
                Responsibilities,
                Requirements,
                Requirements,
                Preferred,
                Benefits,
                About,
                Process
            ]
        );
        let en = [
            "Core responsibilities will include",
            "- Train models",
            "Here's what we're looking for",
            "- Python",
            "Our Tech Stack",
            "- Rust",
            "Some perks of working with us include",
            "- Lunch",
            "California Pay Range",
            "- $150,000 - $180,000",
        ];
        assert_eq!(
            kinds_of(&en),
            [
                Responsibilities,
                Requirements,
                Requirements,
                Benefits,
                Benefits
            ]
        );
        let ko = [
            "필요 지식 및 기술",
            "- 파이썬",
            "근무 및 급여 조건",
            "- 정규직",
            "고용형태",
            "- 정규직",
            "문화와 혜택",
            "- 자율 출퇴근",
            "지원 및 진행 절차",
            "- 서류 전형",
            "안내사항",
            "- 허위 기재 시 취소",
        ];
        assert_eq!(
            kinds_of(&ko),
            [Requirements, Benefits, Benefits, Benefits, Process, Process]
        );
        // Sub-headings no pattern names (headings by their form): in the
        // benefits that end a posting they are benefits; in benefits that
        // come first, such a heading may start the duties, so it is untyped.
        let rules = crate::rules::PatternSet::builtin().unwrap().sections;
        let headed = |items: &[(&str, bool)]| -> Vec<SectionKind> {
            let blocks: Vec<Block> = items
                .iter()
                .map(|&(t, h)| if h { Block::heading(t) } else { Block::text(t) })
                .collect();
            split(&blocks, &rules, 0).iter().map(|s| s.kind).collect()
        };
        let ko = [
            ("주요업무", true),
            ("모델 개발", false),
            ("혜택 및 복지", true),
            ("식대 지원", false),
            ("최고의 장비", true),
            ("맥북 프로", false),
            ("Health", true),
            ("건강검진", false),
        ];
        assert_eq!(
            headed(&ko),
            [Responsibilities, Benefits, Benefits, Benefits]
        );
        let en = [
            ("What's in it for you", true),
            ("Equity", false),
            ("We'll trust you with", true),
            ("Training ranking models", false),
        ];
        assert_eq!(headed(&en), [Benefits, Other]);
        // Items that read like those headings stay items of their list.
        let items = [
            "우대사항",
            "- 자연어 처리 배경이 있으면 더 좋습니다",
            "자격요건",
            "- 병역특례 지원 가능",
            "복지",
            "- 수평적 조직문화, 자유복장, 자유로운 연차사용",
        ];
        let rules = crate::rules::PatternSet::builtin().unwrap().sections;
        let blocks: Vec<Block> = items.iter().copied().map(Block::text).collect();
        let sections = split(&blocks, &rules, 0);
        let lines: Vec<usize> = sections.iter().map(|s| s.lines.len()).collect();
        assert_eq!(lines, [1, 1, 1], "{sections:?}");
        let ko = [
            "👨\u{200d}👩\u{200d}👧 콜리의 개발팀 문화",
            "- 매주 회고",
            "💪 핵심 사내 복지",
            "- 유연출퇴근제",
            "🧑\u{200d}💼머신러닝 엔지니어가 하는 일",
            "- 모델 서빙 파이프라인 배포",
            "■ 자격 및 우대요건",
            "- 파이썬",
            "■ 크라우드웍스는 어떤 회사인가요?",
            "- 데이터 플랫폼",
        ];
        assert_eq!(
            kinds_of(&ko),
            [About, Benefits, Responsibilities, Requirements, About]
        );
        // An item of a benefits list is not the heading of a company blurb,
        // and what the company does is not the job's duties.
        assert_eq!(
            kinds_of(&["복지", "- 수평적 조직문화, 자유복장", "- 4대 보험"]),
            [Benefits]
        );
        assert_eq!(kinds_of(&["우리가 하는 일", "- 번역 서비스"]), [Other]);
        // A sentence that starts with a heading word stays text.
        assert_eq!(
            kinds_of(&[
                "연봉, 신체 정보, 가족 사항 및 주민번호 등의 민감한 개인정보는 제외 부탁드립니다."
            ]),
            [Other]
        );
    }

    #[test]
    fn a_sole_preferred_or_desired_list_is_what_the_posting_asks_for() {
        use SectionKind::{Preferred, Requirements, Responsibilities};
        let sole =
            |heading: &str| kinds_of(&["Responsibilities", "- Train models", heading, "- PyTorch"]);
        assert_eq!(
            sole("Desired Qualifications"),
            [Responsibilities, Requirements]
        );
        assert_eq!(
            sole("Preferred Qualifications"),
            [Responsibilities, Requirements]
        );
        // Optional by its words, or beside a list of requirements: preferred.
        assert_eq!(sole("Nice to have"), [Responsibilities, Preferred]);
        assert_eq!(sole("우대사항"), [Responsibilities, Preferred]);
        let both = kinds_of(&[
            "Requirements",
            "- Python",
            "Preferred Qualifications",
            "- PyTorch",
        ]);
        assert_eq!(both, [Requirements, Preferred]);
    }

    /// (kind, heading, text) of each section of one line of text.
    fn glued(line: &str) -> Vec<(SectionKind, Option<String>, String)> {
        let rules = crate::rules::PatternSet::builtin().unwrap().sections;
        split(&[Block::text(line)], &rules, 0)
            .into_iter()
            .map(|s| {
                let text: Vec<String> = s.lines.iter().map(|l| l.text.clone()).collect();
                assert!(s.lines.iter().all(|l| l.number == 1));
                (s.kind, s.heading, text.join(" | "))
            })
            .collect()
    }

    #[test]
    fn headings_in_capitals_glued_into_a_line_start_their_sections() {
        use SectionKind::{Other, Requirements, Responsibilities};
        let h = |s: &str| Some(s.to_string());
        // Ended by the capital of the word glued after it, or read forward
        // from the word it is glued to when a space follows it.
        let line = "We build pricing software for retailers in many countries.EXPECTATIONS AND \
                    TASKSClosely work with customers and train forecasting modelsEDUCATION AND \
                    QUALIFICATION MS or PhD in Statistics and three years of PythonRequired\
                    SKILLSKnowledge of SQL";
        assert_eq!(
            glued(line),
            [
                (
                    Other,
                    None,
                    "We build pricing software for retailers in many countries.".into()
                ),
                (
                    Responsibilities,
                    h("EXPECTATIONS AND TASKS"),
                    "Closely work with customers and train forecasting models".into()
                ),
                (
                    Requirements,
                    h("EDUCATION AND QUALIFICATION"),
                    "MS or PhD in Statistics and three years of Python".into()
                ),
                (Requirements, h("Required"), String::new()),
                (Requirements, h("SKILLS"), "Knowledge of SQL".into()),
            ]
        );
        // Capitals that are no heading cut nothing: acronyms glued to words,
        // in English and in Korean text.
        for line in [
            "We run AWSLambda and NLPCompany tools on GPU clusters, with SQL and ETL \
             pipelines that our MLOps team owns; USA and EU customers rely on them daily.",
            "LLMOps 파이프라인을 구축하고 GPU 클러스터를 운영합니다. AWS와 GCP를 함께 쓰며 \
             MLOps 경험이 있는 분, SQL과 ETL에 익숙한 분을 찾습니다.",
            "Our modelsTHE and NLP stack run on GPUs in production every single day, as the \
             teamAI says, and our dataQ team owns SLAs for them in every region we serve.",
        ] {
            let s = glued(line);
            assert_eq!(s.len(), 1, "{s:?}");
            assert_eq!(s[0].0, Other);
        }
        // Any mix of capitals, small letters, spaces and stops is read
        // without a panic, and nothing is read twice.
        let rules = crate::rules::PatternSet::builtin().unwrap().sections;
        let mut rng = fastrand::Rng::with_seed(7);
        let letters = b"aBCD EFQ.Rs tTSKILL";
        let seen = |s: &str| {
            s.chars()
                .filter(|c| !c.is_whitespace() && *c != '|')
                .count()
        };
        for _ in 0..500 {
            let line: String = (0..160)
                .map(|_| letters[rng.usize(..letters.len())] as char)
                .collect();
            let read: usize = split(&[Block::text(&line)], &rules, 0)
                .iter()
                .map(|s| {
                    let text: usize = s.lines.iter().map(|l| seen(&l.text)).sum();
                    seen(s.heading.as_deref().unwrap_or("")) + text
                })
                .sum();
            assert!(read <= seen(&line), "{line}");
        }
    }

    #[test]
    fn headings_glued_into_one_line_start_their_sections() {
        use SectionKind::{About, Other, Preferred, Requirements, Responsibilities};
        let line = "We are a retail team.Position DescriptionBuild ranking models with \
                    PyTorch and big dataMinimum QualificationsMaster's degree and 3 years \
                    of Python (Spark, Hive, etc)Additional Preferred QualificationsNLP \
                    and deep learning.Company SummaryThe team serves millions of shoppers.";
        let h = |s: &str| Some(s.to_string());
        assert_eq!(
            glued(line),
            [
                (Other, None, "We are a retail team.".into()),
                (
                    Responsibilities,
                    h("Position Description"),
                    "Build ranking models with PyTorch and big data".into()
                ),
                (
                    Requirements,
                    h("Minimum Qualifications"),
                    "Master's degree and 3 years of Python (Spark, Hive, etc)".into()
                ),
                (
                    Preferred,
                    h("Additional Preferred Qualifications"),
                    "NLP and deep learning.".into()
                ),
                (
                    About,
                    h("Company Summary"),
                    "The team serves millions of shoppers.".into()
                ),
            ]
        );
        // Colons, and an acronym glued to the heading.
        let kinds: Vec<SectionKind> = glued(
            "Senior data scientist for a lending team.  Responsibilities: build and \
             optimize predictive models for credit riskRequirements: MS in statistics, \
             SQL, Python, NLPBonus Skills: Scala",
        )
        .into_iter()
        .map(|s| s.0)
        .collect();
        assert_eq!(kinds, [Other, Responsibilities, Requirements, Preferred]);
        // Before a colon, a capitalised label may follow a plain space.
        let sections = glued(
            "Required: SQL, Python, R and linux shell scripting for the data \
             platform that feeds our care models Desired: Scala, Java or Ruby",
        );
        let kinds: Vec<SectionKind> = sections.iter().map(|s| s.0).collect();
        assert_eq!(kinds, [Requirements, Preferred]);
        assert_eq!(sections[1].2, "Scala, Java or Ruby");
    }

    #[test]
    fn names_and_words_in_a_sentence_cut_nothing() {
        // "PayJoy", "StackBlitz", "JavaScript": a short word glued to a
        // capital is a name; "the Required Skills" in mid-sentence no heading.
        for line in [
            "PayJoy's mission is to offer credit to the next billion people. As a Data \
             Scientist at PayJoy, you will build models with JavaScript and StackBlitz tools.",
            "You will work with the Required Skills team: it owns the tests for our iOS \
             apps and the models behind them, in Python and TypeScript.",
        ] {
            let sections = glued(line);
            assert_eq!(sections.len(), 1, "{sections:?}");
            assert_eq!(sections[0].0, SectionKind::Other);
        }
    }

    #[test]
    fn korean_headings_inside_a_line_start_their_sections() {
        use SectionKind::{Other, Preferred, Requirements, Responsibilities};
        let sections = glued(
            "저희는 의료 영상 AI를 만드는 팀입니다.[주요업무] 내시경 영상 분할 모델을 \
             학습하고 평가합니다.[자격요건] 파이썬과 PyTorch 경험 3년 이상. 우대사항: \
             CVPR 논문 경험",
        );
        let kinds: Vec<SectionKind> = sections.iter().map(|s| s.0).collect();
        assert_eq!(kinds, [Other, Responsibilities, Requirements, Preferred]);
        assert_eq!(sections[2].2, "파이썬과 PyTorch 경험 3년 이상.");
        // A word before a colon in mid-sentence is not a heading.
        let kinds: Vec<SectionKind> = glued(
            "국내외 유수 대학 출신으로 구성된 최고의 팀: 엔지니어, 트레이더, 리서처가 \
             함께 일하며 클라우드 컴퓨팅 서비스: AWS를 씁니다.",
        )
        .into_iter()
        .map(|s| s.0)
        .collect();
        assert_eq!(kinds, [Other]);
    }

    #[test]
    fn an_inline_company_label_is_a_field_of_its_line() {
        use SectionKind::{About, Other, Process};
        let en = kinds_of(&[
            "Company: Acme builds search for online shops.",
            "You will train ranking models in PyTorch.",
            "Role: a senior engineer to own our retrieval models.",
            "Apply: write to jobs@acme.example",
        ]);
        assert_eq!(en, [About, Other, Other, Process]);
        let ko = kinds_of(&[
            "회사 소개: 저희는 쇼핑 검색을 만듭니다.",
            "검색 랭킹 모델을 PyTorch로 학습합니다.",
        ]);
        assert_eq!(ko, [About, Other]);
    }

    #[test]
    fn words_glued_in_a_long_line_are_cut_apart_but_known_names_are_not() {
        let line = |text: &str| glued(text).remove(0).2;
        // One or two joints: a space goes in.
        assert_eq!(
            line(
                "Proficient in Java or PythonBig Data knowledge, Hadoop and Spark, with \
                 JavaScriptReact, PyTorch, TensorFlow, GitHub and FinTech experience"
            ),
            "Proficient in Java or Python Big Data knowledge, Hadoop and Spark, with \
             JavaScript React, PyTorch, TensorFlow, GitHub and FinTech experience"
        );
        assert_eq!(
            line(
                "자격요건: 대용량 로그를 다루는 데이터 파이프라인 구축 경험과 SparkHadoop \
                 운영 경험, PyTorch 모델 서빙 경험"
            ),
            "대용량 로그를 다루는 데이터 파이프라인 구축 경험과 Spark Hadoop 운영 경험, \
             PyTorch 모델 서빙 경험"
        );
        // A short line is read as it is.
        assert_eq!(line("PythonBig Data"), "PythonBig Data");
    }

    #[test]
    fn a_long_line_of_glued_list_items_is_read_item_by_item() {
        // Three joints or more: the items of a list that lost its line
        // breaks, each a line of its own, so that "preferred" in one item
        // does not make the others optional.
        let sections = glued(
            "Minimum QualificationsProficient in Java or PythonBig Data knowledge with \
             Hadoop and SparkStatistics or operations research background \
             preferredProven experience building models on TensorFlow with big data",
        );
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].0, SectionKind::Requirements);
        assert_eq!(
            sections[0].2,
            "Proficient in Java or Python | Big Data knowledge with Hadoop and Spark | \
             Statistics or operations research background preferred | Proven experience \
             building models on TensorFlow with big data"
        );
    }

    #[test]
    fn form_alone_makes_a_heading() {
        assert!(looks_like_heading("[Who we are]"));
        assert!(looks_like_heading("Tech stack:"));
        assert!(!looks_like_heading(
            "We build models: big ones, small ones, and everything in between."
        ));
    }
}
