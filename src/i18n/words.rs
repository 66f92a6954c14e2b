//! The names of the core's types for people (roles, sections, signals,
//! needs), and numbers and dates in the locale's format. Each id is a
//! literal, so the catalogue test sees every one.

use crate::classify::{Lead, Signal};
use crate::fit::{Advice, Gate, GateWhy, LevelWhy, PartWhy, PenaltyWhy};
use crate::model::{Lang, SectionKind};
use crate::profile::DegreeHeld;
use crate::report::{Record, Seen};
use crate::requirements::{DegreeLevel, Level, LimitKind, Need, Requirements, WorkMode};
use crate::role::Role;
use crate::tr;

use super::{Locale, Messages};

impl Messages {
    /// A role's name for people: `modeling` / `모델링`.
    pub fn role(self, role: Role) -> String {
        match role {
            Role::Modeling => tr!(self, "role-modeling"),
            Role::Backend => tr!(self, "role-backend"),
            Role::Frontend => tr!(self, "role-frontend"),
            Role::Research => tr!(self, "role-research"),
        }
    }

    /// The posting's seniority, location, limits and work languages, a line
    /// each: the requirement's label and what the posting says, with the line
    /// it said it on.
    /// The years of experience and the degree a posting asks for, each as
    /// one line ("experience: 5+ years required (l.4)").
    pub fn years_and_degree(self, req: &Requirements) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(y) = &req.years {
            let what = if y.any {
                tr!(self, "req-years-any")
            } else {
                tr!(self, "req-years-min", n = y.min)
            };
            out.push(tr!(
                self,
                "req-experience",
                what = what,
                need = self.need(y.need),
                line = self.line(y.line)
            ));
        }
        if let Some(d) = &req.degree {
            let what = if d.not_required {
                tr!(self, "req-degree-not-required")
            } else {
                let (level, need) = (self.degree_level(d.level), self.need(d.need));
                if d.equivalent_ok {
                    tr!(self, "req-degree-equivalent", level = level, need = need)
                } else {
                    tr!(self, "req-degree-level", level = level, need = need)
                }
            };
            out.push(tr!(
                self,
                "req-degree",
                what = what,
                line = self.line(d.line)
            ));
        }
        out
    }

    pub fn requirement_lines(self, req: &Requirements) -> Vec<(String, String)> {
        let at = |line: usize| {
            if line == 0 {
                tr!(self, "req-at-title")
            } else {
                self.line(line)
            }
        };
        let mut out = Vec::new();
        if let Some(s) = &req.seniority {
            let text = tr!(
                self,
                "req-seniority-line",
                level = self.level(s.level),
                text = s.text.as_str(),
                line = at(s.line)
            );
            out.push((tr!(self, "req-label-seniority"), text));
        }
        let loc = &req.location;
        let mut parts: Vec<String> = loc
            .places
            .iter()
            .map(|p| {
                tr!(
                    self,
                    "req-place",
                    name = p.name.as_str(),
                    region = p.region.as_str(),
                    line = at(p.line)
                )
            })
            .collect();
        if parts.is_empty()
            && let Some(r) = &loc.assumed_region
        {
            parts.push(tr!(self, "req-place-assumed", region = r.as_str()));
        }
        if let (Some(mode), Some(line)) = (loc.mode, loc.mode_line) {
            let mode = match mode {
                WorkMode::Remote if loc.anywhere => tr!(self, "req-mode-remote-anywhere"),
                WorkMode::Remote => tr!(self, "req-mode-remote"),
                WorkMode::Hybrid => tr!(self, "req-mode-hybrid"),
                WorkMode::Onsite => tr!(self, "req-mode-onsite"),
            };
            parts.push(format!("{mode} ({})", at(line)));
        }
        if !parts.is_empty() {
            out.push((tr!(self, "req-label-location"), parts.join(", ")));
        }
        for l in &req.limits {
            let kind = self.limit_kind(l.kind);
            let kind = match &l.region {
                Some(r) => format!("{kind} {r}"),
                None => kind,
            };
            let text = tr!(
                self,
                "req-limit-line",
                kind = kind,
                text = l.text.as_str(),
                line = at(l.line)
            );
            out.push((tr!(self, "req-label-limit"), text));
        }
        if !req.work_languages.is_empty() {
            let langs: Vec<String> = req
                .work_languages
                .iter()
                .map(|w| {
                    let from = if w.line == 0 {
                        tr!(self, "req-from-posting-language")
                    } else {
                        at(w.line)
                    };
                    tr!(
                        self,
                        "req-work-language",
                        name = self.language_name(&w.name),
                        need = self.need(w.need),
                        from = from
                    )
                })
                .collect();
            out.push((tr!(self, "req-label-work-language"), langs.join(", ")));
        }
        out
    }

    /// A work language's name from `requirements.toml` for people: `Korean` /
    /// `한국어`; a name the catalogue does not know is shown as written.
    pub fn language_name(self, name: &str) -> String {
        match name {
            "English" => tr!(self, "language-english"),
            "Korean" => tr!(self, "language-korean"),
            "Japanese" => tr!(self, "language-japanese"),
            "Mandarin" => tr!(self, "language-mandarin"),
            "German" => tr!(self, "language-german"),
            "French" => tr!(self, "language-french"),
            "Spanish" => tr!(self, "language-spanish"),
            "Portuguese" => tr!(self, "language-portuguese"),
            "Dutch" => tr!(self, "language-dutch"),
            "Swedish" => tr!(self, "language-swedish"),
            other => other.to_string(),
        }
    }

    /// A part of the fit score for people: `skills` / `기술`.
    pub fn fit_part(self, name: &str) -> String {
        match name {
            "skills" => tr!(self, "fit-part-skills"),
            "direction" => tr!(self, "fit-part-direction"),
            "level" => tr!(self, "fit-part-level"),
            other => other.to_string(),
        }
    }

    /// A hard gate of the fit score for people: `years` / `경력 연차`.
    pub fn fit_gate(self, kind: &str) -> String {
        match kind {
            "clearance" => tr!(self, "fit-gate-clearance"),
            "degree" => tr!(self, "fit-gate-degree"),
            "language" => tr!(self, "fit-gate-language"),
            "location" => tr!(self, "fit-gate-location"),
            "residency" => tr!(self, "fit-gate-residency"),
            "years" => tr!(self, "fit-gate-years"),
            other => other.to_string(),
        }
    }

    /// What the history says of a posting: `new` / `신규`.
    pub fn seen(self, seen: Seen) -> String {
        match seen {
            Seen::New => tr!(self, "seen-new"),
            Seen::Reposted => tr!(self, "seen-reposted"),
            Seen::Changed => tr!(self, "seen-changed"),
            Seen::Seen => tr!(self, "seen-seen"),
        }
    }

    /// Why a part of the fit score is what it is.
    pub fn part_why(self, why: &PartWhy) -> String {
        let pct = |x: Option<f64>| {
            x.map(|v| format!("{:.0}%", 100.0 * v))
                .unwrap_or_else(|| tr!(self, "not-applicable"))
        };
        match why {
            PartWhy::Skills {
                required,
                preferred,
                word_for_word,
            } => {
                let mut text = tr!(
                    self,
                    "why-skills",
                    required = pct(*required),
                    preferred = pct(*preferred)
                );
                if !word_for_word.is_empty() {
                    text.push_str(&tr!(
                        self,
                        "why-word-for-word",
                        words = word_for_word.join("; ")
                    ));
                }
                text
            }
            PartWhy::Direction {
                role,
                role_fit,
                skills_same_way,
                avoided_role,
                avoided_word,
            } => {
                let mut text = tr!(
                    self,
                    "why-direction",
                    role = self.label(*role),
                    fit = format!("{:.0}%", 100.0 * role_fit),
                    same = format!("{:.0}%", 100.0 * skills_same_way)
                );
                match (avoided_role, avoided_word) {
                    (Some(r), _) => {
                        text.push_str(&tr!(self, "why-avoided-role", role = self.role(*r)))
                    }
                    (None, Some(w)) => {
                        text.push_str(&tr!(self, "why-avoided-word", word = w.as_str()))
                    }
                    _ => {}
                }
                text
            }
            PartWhy::Level(LevelWhy::NotAsked) => tr!(self, "why-level-not-asked"),
            PartWhy::Level(LevelWhy::Short { asks, have }) => {
                tr!(self, "why-level-short", asks = asks.as_str(), have = *have)
            }
            PartWhy::Level(LevelWhy::Met { asks, have }) => {
                tr!(self, "why-level-met", asks = asks.as_str(), have = *have)
            }
            PartWhy::Level(LevelWhy::StepDown) => tr!(self, "why-level-step-down"),
        }
    }

    /// A gate's label: "gate location (keeps 25%)", with its line when
    /// `with_line` and the gate read one.
    pub fn gate_label(self, gate: &Gate, with_line: bool) -> String {
        let line = gate
            .line
            .filter(|&l| with_line && l > 0)
            .map(|l| format!(", {}", self.line(l)))
            .unwrap_or_default();
        tr!(
            self,
            "table-fit-gate",
            kind = self.fit_gate(&gate.kind),
            cap = format!("{:.0}%", gate.cap),
            line = line
        )
    }

    /// Why a gate capped the fit score.
    pub fn gate_why(self, why: &GateWhy) -> String {
        match why {
            GateWhy::Language {
                name,
                text,
                assumed,
            } => {
                // English keeps the core's words; another language says
                // "the posting's language" in its own.
                let text = if *assumed && self.locale() != Locale::En {
                    tr!(self, "req-from-posting-language")
                } else {
                    text.clone()
                };
                tr!(
                    self,
                    "why-gate-language",
                    name = self.language_name(name),
                    text = text
                )
            }
            GateWhy::RemoteOnlyIn { places } => {
                tr!(self, "why-gate-remote-only", places = places.as_str())
            }
            GateWhy::JobIn { places } => tr!(self, "why-gate-job-in", places = places.as_str()),
            GateWhy::Residency { kind, text, region } => tr!(
                self,
                "why-gate-residency",
                kind = self.limit_kind(*kind),
                text = text.as_str(),
                region = region.as_str()
            ),
            GateWhy::Clearance { text } => tr!(self, "why-gate-clearance", text = text.as_str()),
            GateWhy::Degree { level, text, held } => tr!(
                self,
                "why-gate-degree",
                level = self.degree_required(*level),
                text = text.as_str(),
                held = self.degree_held(*held)
            ),
            GateWhy::Years { need, text, have } => tr!(
                self,
                "why-gate-years",
                need = *need,
                text = text.as_str(),
                have = *have
            ),
        }
    }

    /// Why points were taken off the fit score.
    pub fn penalty_why(self, why: &PenaltyWhy) -> String {
        let pts = |p: &f64| p.to_string();
        match why {
            PenaltyWhy::Publications { points } => {
                tr!(self, "why-penalty-publications", points = pts(points))
            }
            PenaltyWhy::Competitions { points } => {
                tr!(self, "why-penalty-competitions", points = pts(points))
            }
            PenaltyWhy::Relocate { places, points } => tr!(
                self,
                "why-penalty-relocate",
                places = places.as_str(),
                points = pts(points)
            ),
            PenaltyWhy::DegreeUnknown { level, points } => tr!(
                self,
                "why-penalty-degree-unknown",
                level = self.degree_required(*level),
                points = pts(points)
            ),
        }
    }

    /// A limit's kind: `residency` / `거주 요건`.
    pub fn limit_kind(self, kind: LimitKind) -> String {
        match kind {
            LimitKind::Residency => tr!(self, "req-limit-residency"),
            LimitKind::Citizenship => tr!(self, "req-limit-citizenship"),
            LimitKind::Permit => tr!(self, "req-limit-permit"),
            LimitKind::TimeZone => tr!(self, "req-limit-time-zone"),
            LimitKind::Clearance => tr!(self, "req-limit-clearance"),
        }
    }

    /// A degree a posting requires, as a noun phrase: `a PhD` / `박사 학위`.
    fn degree_required(self, level: DegreeLevel) -> String {
        match level {
            DegreeLevel::Doctorate => tr!(self, "why-degree-phd"),
            DegreeLevel::Master => tr!(self, "why-degree-master"),
            DegreeLevel::Bachelor => tr!(self, "why-degree-bachelor"),
        }
    }

    /// The degree a profile lists: `master` / `석사`.
    fn degree_held(self, held: DegreeHeld) -> String {
        match held {
            DegreeHeld::None => tr!(self, "why-held-none"),
            DegreeHeld::Bachelor => tr!(self, "why-held-bachelor"),
            DegreeHeld::Master => tr!(self, "why-held-master"),
            DegreeHeld::Phd => tr!(self, "why-held-phd"),
        }
    }

    /// A seniority level for people: `senior` / `시니어`.
    pub fn level(self, level: Level) -> String {
        match level {
            Level::Entry => tr!(self, "level-entry"),
            Level::Junior => tr!(self, "level-junior"),
            Level::Mid => tr!(self, "level-mid"),
            Level::Senior => tr!(self, "level-senior"),
            Level::Lead => tr!(self, "level-lead"),
        }
    }

    /// One piece of fit advice, written from its facts. English keeps the
    /// core's own wording ([`Advice::english`]); other languages read the
    /// catalogue's `advice-*` messages.
    pub fn advice(self, a: &Advice) -> String {
        if self.locale() == Locale::En {
            return a.english();
        }
        let roles = |rs: &[Role]| {
            rs.iter()
                .map(|r| self.role(*r))
                .collect::<Vec<_>>()
                .join(&tr!(self, "advice-or"))
        };
        match a {
            Advice::Blocked { why, .. } => tr!(self, "advice-blocked", reason = self.gate_why(why)),
            Advice::AvoidedRole { role } => {
                tr!(self, "advice-avoided-role", role = self.role(*role))
            }
            Advice::OtherRole { role, wanted } => tr!(
                self,
                "advice-other-role",
                role = self.role(*role),
                wanted = roles(wanted)
            ),
            Advice::OtherDirection { role, strengths } => tr!(
                self,
                "advice-other-direction",
                role = self.role(*role),
                strengths = roles(strengths)
            ),
            Advice::NotAiRole => tr!(self, "advice-not-ai"),
            Advice::LeadWith { skill } => tr!(self, "advice-lead-with", skill = skill.as_str()),
            Advice::Stretch { asked, have } => tr!(
                self,
                "advice-stretch",
                asked = *asked as i64,
                have = *have as i64
            ),
            Advice::StepDown { level } => tr!(self, "advice-step-down", level = self.level(*level)),
            Advice::NoDegreeRequired => tr!(self, "advice-no-degree"),
            Advice::DegreeOnlyPreferred { level } => tr!(
                self,
                "advice-degree-preferred",
                level = self.degree_level(Some(*level))
            ),
            Advice::Publications { required: true } => tr!(self, "advice-publications-required"),
            Advice::Publications { required: false } => tr!(self, "advice-publications-valued"),
            Advice::CloseGap { skill } => tr!(self, "advice-close-gap", skill = skill.as_str()),
        }
    }

    /// A posting's label: an AI role, or none (`none` / `AI 아님`).
    pub fn label(self, role: Option<Role>) -> String {
        match role {
            Some(r) => self.role(r),
            None => tr!(self, "role-none"),
        }
    }

    /// The role for people: "modeling", or with a close second
    /// "modeling (0.55) or research (0.40)".
    pub fn role_text(self, r: &Record) -> String {
        let role = self.label(r.ai_role());
        match (&r.alternative, r.confidence) {
            (Some(a), Some(c)) => tr!(
                self,
                "role-or-alternative",
                role = role,
                p = format!("{c:.2}"),
                alternative = self.label(a.role.0),
                q = format!("{:.2}", a.probability)
            ),
            _ => role,
        }
    }

    /// "titled research, reads as modeling" when the title suggests another
    /// role than the posting's duties.
    pub fn title_note(self, r: &Record) -> Option<String> {
        let title = r.title_role.filter(|_| r.title_differs)?;
        Some(tr!(
            self,
            "title-differs",
            title = self.label(title.0),
            role = self.label(r.ai_role())
        ))
    }

    /// Why the label beat the runner-up, in two lines: "modeling over
    /// research: ahead by 2.82 in log-odds (about 17 to 1)", then the parts
    /// ("pattern hits +3.18 · title -0.37 · …").
    pub fn lead_lines(self, lead: &Lead, label: Option<Role>) -> [String; 2] {
        let (label, over) = (self.label(label), self.label(lead.over.0));
        let total = format!("{:.2}", lead.total);
        let odds = lead.total.exp();
        let head = if lead.total < 0.0 {
            tr!(
                self,
                "explain-lead-function",
                label = label,
                over = over,
                total = total
            )
        } else if odds >= 1000.0 {
            tr!(
                self,
                "explain-lead-sure",
                label = label,
                over = over,
                total = total
            )
        } else {
            let odds = if odds < 10.0 {
                format!("{odds:.1}")
            } else {
                format!("{odds:.0}")
            };
            tr!(
                self,
                "explain-lead",
                label = label,
                over = over,
                total = total,
                odds = odds
            )
        };
        let signed = |x: f64| match rolefit_core::text::round2(x) {
            0.0 => "0.00".to_string(),
            x => format!("{x:+.2}"),
        };
        let parts = tr!(
            self,
            "explain-lead-parts",
            hits = signed(lead.hits),
            title = signed(lead.title),
            blurb = signed(lead.blurb),
            totals = signed(lead.totals),
            bias = signed(lead.bias)
        );
        [head, parts]
    }

    /// On a few words, that the probabilities shown are the model's mixed
    /// with even odds, closer than the lead says; `None` for a whole text.
    pub fn lead_mixed(self, lead: &Lead) -> Option<String> {
        (lead.text_share < 1.0).then(|| {
            tr!(
                self,
                "explain-lead-mixed",
                share = format!("{:.0}", 100.0 * lead.text_share),
                rest = format!("{:.0}", 100.0 * (1.0 - lead.text_share))
            )
        })
    }

    /// A section's name: `responsibilities` / `주요업무`.
    pub fn section(self, kind: SectionKind) -> String {
        match kind {
            SectionKind::Title => tr!(self, "section-title"),
            SectionKind::Other => tr!(self, "section-other"),
            SectionKind::About => tr!(self, "section-about"),
            SectionKind::Responsibilities => tr!(self, "section-responsibilities"),
            SectionKind::Requirements => tr!(self, "section-requirements"),
            SectionKind::Preferred => tr!(self, "section-preferred"),
            SectionKind::Benefits => tr!(self, "section-benefits"),
            SectionKind::Process => tr!(self, "section-process"),
        }
    }

    /// What a piece of evidence speaks for: a role, AI in general, or a
    /// non-AI job function.
    pub fn signal(self, s: Signal) -> String {
        match s {
            Signal::Modeling => self.role(Role::Modeling),
            Signal::Backend => self.role(Role::Backend),
            Signal::Frontend => self.role(Role::Frontend),
            Signal::Research => self.role(Role::Research),
            Signal::Ai => tr!(self, "signal-ai"),
            Signal::Function => tr!(self, "signal-function"),
        }
    }

    /// `required` / `필수`, `preferred` / `우대`.
    pub fn need(self, n: Need) -> String {
        match n {
            Need::Required => tr!(self, "need-required"),
            Need::Preferred => tr!(self, "need-preferred"),
        }
    }

    /// A degree level: `BS` / `학사`.
    pub fn degree_level(self, level: Option<DegreeLevel>) -> String {
        match level {
            Some(DegreeLevel::Doctorate) => tr!(self, "degree-phd"),
            Some(DegreeLevel::Master) => tr!(self, "degree-ms"),
            _ => tr!(self, "degree-bs"),
        }
    }

    /// A posting's language: `en` / `영어`.
    pub fn lang(self, lang: Lang) -> String {
        match lang {
            Lang::En => tr!(self, "lang-en"),
            Lang::Ko => tr!(self, "lang-ko"),
        }
    }

    /// A line reference: `l.12` / `12행`.
    pub fn line(self, n: usize) -> String {
        tr!(self, "line-ref", n = n)
    }

    /// A whole number with thousands separated (`12,345`, the same in both
    /// languages).
    pub fn number(self, n: usize) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    /// A date given as `YYYY-MM-DD` (a time may follow): `4 Dec 2026` /
    /// `2026년 12월 4일`. None when it does not start with such a date.
    pub fn date(self, iso: &str) -> Option<String> {
        let d = iso.trim().get(..10)?;
        let mut it = d.split('-');
        let (y, m, day) = (it.next()?, it.next()?, it.next()?);
        if y.len() != 4 || m.len() != 2 || day.len() != 2 {
            return None;
        }
        let (y, m, day): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, day.parse().ok()?);
        if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
            return None;
        }
        Some(match self.locale() {
            Locale::En => {
                const MONTHS: [&str; 12] = [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ];
                format!("{day} {} {y}", MONTHS[m as usize - 1])
            }
            Locale::Ko => format!("{y}년 {m}월 {day}일"),
        })
    }
}
