//! A posting's lines joined into one text, so that each pattern scans the
//! whole posting once instead of once per line; hits are reported per line.

/// Lines joined with `\n`, and where each starts.
#[derive(Debug, Default)]
pub struct Doc {
    text: String,
    starts: Vec<usize>,
    /// False when a line itself holds a line break: then the joined text
    /// cannot be split back, and matching goes line by line.
    joined: bool,
}

impl Doc {
    pub fn new<'a>(lines: impl IntoIterator<Item = &'a str>) -> Doc {
        let lines: Vec<&str> = lines.into_iter().collect();
        let mut doc = Doc {
            text: String::with_capacity(lines.iter().map(|l| l.len() + 1).sum()),
            starts: Vec::with_capacity(lines.len()),
            joined: true,
        };
        for line in lines {
            if !doc.starts.is_empty() {
                doc.text.push('\n');
            }
            doc.joined &= !line.contains('\n');
            doc.starts.push(doc.text.len());
            doc.text.push_str(line);
        }
        doc
    }

    /// The joined text.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Whether hits in the joined text map back to lines.
    pub fn is_joined(&self) -> bool {
        self.joined
    }

    /// Where line `i` starts and ends in the joined text.
    pub fn span(&self, i: usize) -> (usize, usize) {
        let start = self.starts[i];
        let end = match self.starts.get(i + 1) {
            Some(next) => next - 1,
            None => self.text.len(),
        };
        (start, end)
    }

    pub fn line(&self, i: usize) -> &str {
        let (s, e) = self.span(i);
        &self.text[s..e]
    }

    /// The line a position of the joined text is on.
    pub fn line_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }

    /// Which lines a regex can match on: every line a match in the joined
    /// text touches. A regex that matches a line on its own also matches
    /// there in the joined text, or a match around it touches the line, so no
    /// line that matches is missed. The regex must not use `^`, `$`, `\A` or
    /// `\z`, whose meaning changes with the joining.
    pub fn lines_touched(&self, re: &regex::Regex, out: &mut [bool]) {
        if !self.joined {
            for (i, flag) in out.iter_mut().enumerate() {
                *flag |= re.is_match(self.line(i));
            }
            return;
        }
        for m in re.find_iter(&self.text) {
            let first = self.line_of(m.start());
            let last = self.line_of(m.end().saturating_sub(1).max(m.start()));
            for flag in &mut out[first..=last] {
                *flag = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_map_back() {
        let doc = Doc::new(["ab", "", "cde"]);
        assert_eq!(doc.text(), "ab\n\ncde");
        assert_eq!(doc.span(0), (0, 2));
        assert_eq!(doc.span(1), (3, 3));
        assert_eq!(doc.span(2), (4, 7));
        assert_eq!(doc.line_of(0), 0);
        assert_eq!(doc.line_of(2), 0);
        assert_eq!(doc.line_of(3), 1);
        assert_eq!(doc.line_of(4), 2);
        assert_eq!(doc.line(2), "cde");
    }

    #[test]
    fn lines_touched_include_matches_across_lines() {
        let doc = Doc::new(["3 years", "of", "none", "5 years"]);
        let re = regex::Regex::new(r"\d+\s*years\s+of").unwrap();
        let mut flags = vec![false; doc.len()];
        doc.lines_touched(&re, &mut flags);
        assert_eq!(flags, [true, true, false, false]);
    }
}
