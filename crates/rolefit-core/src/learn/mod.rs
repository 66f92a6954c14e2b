//! Learning the role weights: a multinomial logistic model over pattern hits
//! by section kind, fitted to labeled postings with L2 regularisation toward
//! the hand-set weights, and the figures that say how well it does (k-fold
//! cross-validated accuracy, a reliability table, expected calibration error).
//!
//! The model has five classes: "none" and the four roles. A posting's
//! [`Features`] (from [`crate::classify::features`]) are turned into the
//! logit of each class by [`Params`]:
//!
//! - every pattern hit in the job's own sections (responsibilities,
//!   requirements, preferred, untitled) adds its learned weight for that kind
//!   of section to its class: a role pattern to its role, a general AI
//!   pattern (negative) and a non-AI job function (positive) to "none";
//! - the title and the company blurb are bounded priors: each role's title
//!   (and blurb) score goes through `tanh`, so no title outweighs the duties;
//! - generic skills (React, Kafka) count toward "none" too, so that a plain
//!   web job at an AI company stays "none";
//! - a split the posting states ("60% modeling, 40% serving") adds to its roles.
//!
//! Fitting is pure: it takes feature vectors and labels, and returns numbers.

#[cfg(feature = "fit")]
mod fit;
#[cfg(feature = "fit")]
pub use fit::{LearnError, Options, cross_validate, fit, fold_count};

use serde::{Deserialize, Serialize};

use crate::role::{Label, Role};
use crate::text::round2;

/// Number of classes: the four roles (by [`Role::index`]) and "none".
pub const CLASSES: usize = 5;
/// The class index of "none".
pub const NONE: usize = 4;
/// Where a pattern has a learned weight: the kinds of the job's own
/// sections, and the title (each pattern's title hit counts once at most, on
/// top of the bounded title prior).
pub const JOB_GROUPS: [&str; GROUPS] = [
    "responsibilities",
    "requirements",
    "preferred",
    "other",
    "title",
];
/// How many places a pattern has a learned weight for.
pub const GROUPS: usize = 5;
/// The index of the title in [`JOB_GROUPS`].
pub const TITLE_GROUP: usize = 4;
/// The bounded priors: the four roles, general AI, non-AI job function.
pub const PRIOR_SLOTS: usize = 6;
/// The slot of general AI vocabulary in a prior.
pub const PRIOR_AI: usize = 4;
/// The slot of a non-AI job function in a prior.
pub const PRIOR_FUNCTION: usize = 5;

/// The class index of a label.
pub fn class_of(label: Label) -> usize {
    label.0.map_or(NONE, Role::index)
}

/// The label of a class index.
pub fn label_of(class: usize) -> Label {
    Label(Role::ALL.get(class).copied())
}

/// What the model reads from one posting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// (pattern index in the classifier, job group, decayed count of hits).
    pub hits: Vec<(usize, usize, f64)>,
    /// Hand-weighted title score per prior slot (before `tanh`).
    pub title: [f64; PRIOR_SLOTS],
    /// Hand-weighted company-blurb (about, benefits, process) score per slot.
    pub blurb: [f64; PRIOR_SLOTS],
    /// Hand-weighted generic-skill score per job group.
    pub generic: [f64; 4],
    /// A split the posting states: 1 for the first role, 0.5 for the second.
    pub stated: [f64; 4],
    /// Each role's share of the hand-weighted role score in the job's own
    /// sections (all zero when there is none): says which role leads,
    /// whatever the posting's length.
    pub shares: [f64; 4],
    /// How far the job's own sections are AI work, from 0 to 1: `tanh` of
    /// the hand-weighted AI hits there (not generic words, not negated).
    pub ai_work: f64,
    /// Each role's hand-weighted score in the job's own sections, bounded.
    pub role_work: [f64; 4],
}

/// How a raw prior score is bounded: `tanh(score / PRIOR_SCALE)`.
pub const PRIOR_SCALE: f64 = 2.0;

pub fn bounded(score: f64) -> f64 {
    (score / PRIOR_SCALE).tanh()
}

/// How much each hit in the job's own sections counts when there are
/// `hits` of them (decayed counts): see [`Params::length_scale`].
pub fn length_damping(hits: f64, scale: f64) -> f64 {
    if scale <= 0.0 {
        1.0
    } else {
        (scale / (scale + hits)).sqrt()
    }
}

/// The weights of the model that are not per pattern; `patterns/model.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Bias per class: modeling, backend, frontend, research, none.
    pub bias: [f64; CLASSES],
    /// Weight of the bounded title prior per slot (roles, ai, function).
    pub title: [f64; PRIOR_SLOTS],
    /// Weight of the bounded company-blurb prior per slot.
    pub blurb: [f64; PRIOR_SLOTS],
    /// Weight toward "none" of generic skills, per job group.
    pub generic: [f64; 4],
    /// Weight of a split the posting states.
    pub stated: f64,
    /// Weight of a role's share of the role score.
    #[serde(default)]
    pub share: f64,
    /// Weight toward "none" of how far the job's own sections are AI work
    /// ([`Features::ai_work`]): a bounded, all-or-nothing reading of the
    /// duties beside the per-pattern counts.
    #[serde(default)]
    pub ai_work: f64,
    /// Weight of each role's bounded score in the job's own sections.
    #[serde(default)]
    pub role_work: [f64; 4],

    /// How much AI work (hand-weighted hits in the job's own sections) lets
    /// generic role words count fully: they count `tanh(ai work / ai_gate)`
    /// of themselves (0: always fully).
    #[serde(default)]
    pub ai_gate: f64,
    /// How a long posting's many hits are damped: each hit in the job's own
    /// sections counts `sqrt(scale / (scale + hits there))` of itself, so
    /// that length alone does not make the model sure (0: no damping). Not
    /// learned.
    #[serde(default, deserialize_with = "length_scale")]
    pub length_scale: f64,
    /// The scale of [`Params::ai_work`]'s feature: `tanh(ai work / scale)`.
    /// Not learned.
    #[serde(default = "default_ai_work_scale", deserialize_with = "ai_work_scale")]
    pub ai_work_scale: f64,
    /// The scale of [`Params::role_work`]'s features: `tanh(role score /
    /// scale)`. Not learned.
    #[serde(
        default = "default_role_work_scale",
        deserialize_with = "role_work_scale"
    )]
    pub role_work_scale: f64,

    /// The second class is reported as the `alternative` when its probability
    /// is at least this.
    pub alternative_min: f64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            bias: [0.0, 0.0, 0.0, 0.0, 1.0],
            title: [1.5, 1.5, 1.5, 1.5, -0.8, 3.0],
            blurb: [0.3, 0.3, 0.3, 0.3, -0.2, 0.3],
            generic: [0.6, 0.5, 0.3, 0.4],
            stated: 3.0,
            share: 1.0,
            ai_work: 0.0,
            role_work: [0.0; 4],
            ai_gate: 0.0,
            length_scale: 0.0,
            ai_work_scale: default_ai_work_scale(),
            role_work_scale: default_role_work_scale(),
            alternative_min: 0.2,
        }
    }
}

/// 3 had the best cross-validated accuracy on real-train + dev of 2, 3, 4,
/// 8 and 16: near 1 from one strong AI duty on.
fn default_ai_work_scale() -> f64 {
    3.0
}

/// 6 had the best cross-validated accuracy of 1.5, 3, 6 and 10.
fn default_role_work_scale() -> f64 {
    6.0
}

fn ai_work_scale<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    scale(d, "ai_work_scale", false)
}

fn role_work_scale<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    scale(d, "role_work_scale", false)
}

fn length_scale<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    scale(d, "length_scale", true)
}

/// A scale: a number above 0, or 0 too where 0 turns its feature off (the
/// parser reports the file's line, from where the value is).
fn scale<'de, D: serde::Deserializer<'de>>(
    d: D,
    name: &str,
    zero_turns_off: bool,
) -> Result<f64, D::Error> {
    let x = f64::deserialize(d)?;
    if x.is_finite() && (x > 0.0 || (zero_turns_off && x == 0.0)) {
        Ok(x)
    } else if zero_turns_off {
        Err(serde::de::Error::custom(format!(
            "{name} must be 0 or a number above it"
        )))
    } else {
        Err(serde::de::Error::custom(format!(
            "{name} must be a number above 0"
        )))
    }
}

/// Where each pattern of the classifier sends its hits, and its weights.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternWeights {
    /// The class a pattern speaks for (its role; "none" for general AI
    /// vocabulary and non-AI job functions).
    pub class: Vec<usize>,
    /// Per pattern, per class, per job group: what a hit adds to the class's
    /// logit. The hand-set model has weights only for the pattern's own class.
    pub weights: Vec<PatternWeight>,
}

/// One pattern's weights: per class, per job group.
pub type PatternWeight = [[f64; GROUPS]; CLASSES];

/// The whole model: per-pattern weights and the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub patterns: PatternWeights,
    pub params: Params,
}

/// The logits of the classes in the parts a decision is explained by: they
/// add up to [`Model::logits`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Terms {
    /// The model's bias.
    pub bias: [f64; CLASSES],
    /// The pattern hits in the job's own sections.
    pub hits: [f64; CLASSES],
    /// The title: its bounded prior and its patterns' own title weights.
    pub title: [f64; CLASSES],
    /// The company blurb's bounded prior.
    pub blurb: [f64; CLASSES],
    /// The totals of the job's own sections: generic skills, AI work, a
    /// stated split, each role's share and bounded score.
    pub totals: [f64; CLASSES],
}

impl Terms {
    /// The logit of each class.
    pub fn sum(&self) -> [f64; CLASSES] {
        std::array::from_fn(|c| {
            self.bias[c] + self.hits[c] + self.title[c] + self.blurb[c] + self.totals[c]
        })
    }
}

impl Model {
    /// The logit of each class.
    pub fn logits(&self, f: &Features) -> [f64; CLASSES] {
        self.terms(f).sum()
    }

    /// The logit of each class, in its parts.
    pub fn terms(&self, f: &Features) -> Terms {
        let mut t = Terms {
            bias: self.params.bias,
            ..Terms::default()
        };
        for &(q, g, x) in &f.hits {
            let z = if g == TITLE_GROUP {
                &mut t.title
            } else {
                &mut t.hits
            };
            for (c, w) in self.patterns.weights[q].iter().enumerate() {
                z[c] += w[g] * x;
            }
        }
        for s in 0..PRIOR_SLOTS {
            let c = prior_class(s);
            t.title[c] += self.params.title[s] * bounded(f.title[s]);
            t.blurb[c] += self.params.blurb[s] * bounded(f.blurb[s]);
        }
        for g in 0..4 {
            t.totals[NONE] += self.params.generic[g] * f.generic[g];
        }
        t.totals[NONE] += self.params.ai_work * f.ai_work;
        for (r, z) in t.totals.iter_mut().take(4).enumerate() {
            *z += self.params.stated * f.stated[r]
                + self.params.share * f.shares[r]
                + self.params.role_work[r] * f.role_work[r];
        }
        t
    }

    /// The probability of each class.
    pub fn probabilities(&self, f: &Features) -> [f64; CLASSES] {
        softmax(self.logits(f))
    }

    /// The parameters as one vector, in the order [`Layout`] gives.
    fn to_vec(&self) -> Vec<f64> {
        let mut v: Vec<f64> = self
            .patterns
            .weights
            .iter()
            .flatten()
            .flatten()
            .copied()
            .collect();
        v.extend(self.params.bias);
        v.extend(self.params.title);
        v.extend(self.params.blurb);
        v.extend(self.params.generic);
        v.push(self.params.stated);
        v.push(self.params.share);
        v.push(self.params.ai_work);
        v.extend(self.params.role_work);
        v
    }

    fn with_vec(&self, v: &[f64]) -> Model {
        let q = self.patterns.weights.len();
        let mut m = self.clone();
        for (i, w) in m.patterns.weights.iter_mut().enumerate() {
            for (c, wc) in w.iter_mut().enumerate() {
                let at = (i * CLASSES + c) * GROUPS;
                wc.copy_from_slice(&v[at..at + GROUPS]);
            }
        }
        let mut at = q * PER_PATTERN;
        let mut take = |dst: &mut [f64]| {
            dst.copy_from_slice(&v[at..at + dst.len()]);
            at += dst.len();
        };
        take(&mut m.params.bias);
        take(&mut m.params.title);
        take(&mut m.params.blurb);
        take(&mut m.params.generic);
        take(std::slice::from_mut(&mut m.params.stated));
        take(std::slice::from_mut(&mut m.params.share));
        take(std::slice::from_mut(&mut m.params.ai_work));
        take(&mut m.params.role_work);
        m
    }
}

/// Parameters per pattern: a weight per class and job group.
pub(crate) const PER_PATTERN: usize = CLASSES * GROUPS;

/// The class a prior slot adds to.
pub fn prior_class(slot: usize) -> usize {
    if slot < 4 { slot } else { NONE }
}

pub fn softmax(z: [f64; CLASSES]) -> [f64; CLASSES] {
    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut p = z.map(|x| (x - max).exp());
    let sum: f64 = p.iter().sum();
    for x in &mut p {
        *x /= sum;
    }
    p
}

/// The temperature that makes held-out predictions best calibrated: the `t`
/// in `p^(1/t)` (renormalised) with the lowest log loss, from 0.5 to 3.
pub fn temperature(preds: &[Prediction]) -> f64 {
    let loss = |t: f64| -> f64 {
        preds
            .iter()
            .map(|p| {
                let z = p.probabilities.map(|x| x.max(1e-300).ln() / t);
                -softmax(z)[p.class].max(1e-300).ln()
            })
            .sum()
    };
    (0..=50)
        .map(|i| 0.5 + 0.05 * i as f64)
        .min_by(|a, b| loss(*a).total_cmp(&loss(*b)))
        .unwrap_or(1.0)
}

/// Predictions with a temperature applied.
pub fn with_temperature(preds: &[Prediction], t: f64) -> Vec<Prediction> {
    preds
        .iter()
        .map(|p| Prediction {
            class: p.class,
            probabilities: softmax(p.probabilities.map(|x| x.max(1e-300).ln() / t)),
        })
        .collect()
}

impl Model {
    /// The model with every weight divided by `t`: its probabilities are
    /// the original's at temperature `t`.
    pub fn scaled(&self, t: f64) -> Model {
        let v: Vec<f64> = self.to_vec().into_iter().map(|x| x / t).collect();
        self.with_vec(&v)
    }
}

/// One prediction of a held-out example: the true class and the probabilities.
#[derive(Debug, Clone)]
pub struct Prediction {
    pub class: usize,
    pub probabilities: [f64; CLASSES],
}

impl Prediction {
    /// The predicted class and its probability.
    pub fn top(&self) -> (usize, f64) {
        ranked(&self.probabilities)[0]
    }

    pub fn correct(&self) -> bool {
        self.top().0 == self.class
    }

    /// Right when the true class is first, or second with at least `min`.
    pub fn first_or_alternative(&self, min: f64) -> bool {
        let r = ranked(&self.probabilities);
        r[0].0 == self.class || (r[1].0 == self.class && r[1].1 >= min)
    }
}

/// Classes by probability, highest first.
pub fn ranked(p: &[f64; CLASSES]) -> [(usize, f64); CLASSES] {
    let mut r: [(usize, f64); CLASSES] = std::array::from_fn(|c| (c, p[c]));
    r.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    r
}

/// One row of a reliability table: predictions whose confidence fell in
/// `[low, high)`, how many, their mean confidence and how many were right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bin {
    pub low: f64,
    pub high: f64,
    pub count: usize,
    pub confidence: f64,
    pub accuracy: f64,
}

/// Accuracy, reliability table and expected calibration error of predictions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub count: usize,
    pub accuracy: f64,
    /// Share whose true class is first, or the alternative.
    pub first_or_alternative: f64,
    pub ece: f64,
    pub log_loss: f64,
    pub bins: Vec<Bin>,
}

/// Scores predictions; `alternative_min` as in [`Params::alternative_min`].
pub fn report(preds: &[Prediction], alternative_min: f64) -> Report {
    let n = preds.len().max(1) as f64;
    let edges = [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];
    let mut bins: Vec<Bin> = edges
        .windows(2)
        .map(|w| Bin {
            low: w[0],
            high: w[1].min(1.0),
            count: 0,
            confidence: 0.0,
            accuracy: 0.0,
        })
        .collect();
    for p in preds {
        let (_, conf) = p.top();
        let i = edges.windows(2).position(|w| conf < w[1]).unwrap_or(0);
        bins[i].count += 1;
        bins[i].confidence += conf;
        bins[i].accuracy += if p.correct() { 1.0 } else { 0.0 };
    }
    let mut ece = 0.0;
    for b in &mut bins {
        if b.count > 0 {
            b.confidence /= b.count as f64;
            b.accuracy /= b.count as f64;
            ece += b.count as f64 / n * (b.confidence - b.accuracy).abs();
        }
    }
    Report {
        count: preds.len(),
        accuracy: preds.iter().filter(|p| p.correct()).count() as f64 / n,
        first_or_alternative: preds
            .iter()
            .filter(|p| p.first_or_alternative(alternative_min))
            .count() as f64
            / n,
        ece,
        log_loss: -preds
            .iter()
            .map(|p| p.probabilities[p.class].max(1e-12).ln())
            .sum::<f64>()
            / n,
        bins,
    }
}

/// Rounds a learned weight for a pattern file.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Writes learned weights into a pattern file's entries (the array of tables
/// `key`: `pattern` in a role file, `ai` or `function` in `none.toml`), as
/// `learned = { responsibilities = .., requirements = .., preferred = .., other = .. }`
/// for the pattern's own class and `learned_for = { backend = { .. } }` for
/// the others it has weight for, keeping every comment and other field.
pub fn rewrite_entries(
    text: &str,
    key: &str,
    class: &[usize],
    weights: &[PatternWeight],
) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    let n = doc
        .get(key)
        .and_then(|i| i.as_array_of_tables())
        .map_or(0, |a| a.len());
    if n != weights.len() || n != class.len() {
        return Err(format!(
            "has {n} [[{key}]] entries, the model {}",
            weights.len()
        ));
    }
    // Own class: every kind of section (the title when it has a weight);
    // other classes: only the weights that are not zero at two decimals.
    let groups = |w: &[f64; GROUPS], own: bool| {
        let mut t = toml_edit::InlineTable::new();
        for (g, name) in JOB_GROUPS.iter().enumerate() {
            let v = if own { round3(w[g]) } else { round2(w[g]) };
            if v != 0.0 || (own && g != TITLE_GROUP) {
                t.insert(*name, v.into());
            }
        }
        t
    };
    if let Some(tables) = doc.get_mut(key).and_then(|i| i.as_array_of_tables_mut()) {
        for ((t, w), &own) in tables.iter_mut().zip(weights).zip(class) {
            t.insert("learned", toml_edit::value(groups(&w[own], true)));
            let mut others = toml_edit::InlineTable::new();
            for (c, wc) in w.iter().enumerate() {
                let g = groups(wc, false);
                if c != own && !g.is_empty() {
                    others.insert(label_of(c).name(), g.into());
                }
            }
            if others.is_empty() {
                t.remove("learned_for");
            } else {
                t.insert("learned_for", toml_edit::value(others));
            }
        }
    }
    Ok(doc.to_string())
}

/// Writes the model's other weights into `model.toml`, keeping its comments.
pub fn rewrite_params(text: &str, params: &Params) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    let table = doc
        .get_mut("model")
        .and_then(|t| t.as_table_mut())
        .ok_or("has no [model] table")?;
    let arr = |v: &[f64]| {
        let mut a = toml_edit::Array::new();
        for x in v {
            a.push(round3(*x));
        }
        a
    };
    let mut set = |k: &str, v: toml_edit::Value| {
        let decor = table
            .get(k)
            .and_then(|i| i.as_value())
            .map(|old| old.decor().clone());
        let mut v = v;
        if let Some(d) = decor {
            *v.decor_mut() = d;
        }
        table.insert(k, toml_edit::Item::Value(v));
    };
    set("bias", arr(&params.bias).into());
    set("title", arr(&params.title).into());
    set("blurb", arr(&params.blurb).into());
    set("generic", arr(&params.generic).into());
    set("stated", round3(params.stated).into());
    set("share", round3(params.share).into());
    set("ai_work", round3(params.ai_work).into());
    set("role_work", arr(&params.role_work).into());
    set("ai_gate", params.ai_gate.into());
    set("length_scale", params.length_scale.into());
    set("ai_work_scale", params.ai_work_scale.into());
    set("role_work_scale", params.role_work_scale.into());
    set("alternative_min", params.alternative_min.into());
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(patterns: usize) -> Model {
        Model {
            patterns: PatternWeights {
                class: (0..patterns).map(|i| i % CLASSES).collect(),
                weights: vec![[[0.0; GROUPS]; CLASSES]; patterns],
            },
            params: Params::default(),
        }
    }

    #[cfg(feature = "fit")]
    fn example(pattern: usize, class: usize) -> (Features, usize) {
        (
            Features {
                hits: vec![(pattern, 0, 1.0)],
                ..Features::default()
            },
            class,
        )
    }

    #[test]
    #[cfg(feature = "fit")]
    fn fitting_learns_which_pattern_means_which_class() {
        // Pattern 0 adds to modeling; the data says its hits are modeling.
        let prior = model(5);
        let mut data = Vec::new();
        for _ in 0..20 {
            data.push(example(0, 0));
            data.push(example(1, 1));
        }
        let m = fit(&prior, &data, Options::default()).unwrap();
        assert!(
            m.patterns.weights[0][0][0] > 1.0,
            "{:?}",
            m.patterns.weights[0]
        );
        let p = m.probabilities(&data[0].0);
        assert_eq!(ranked(&p)[0].0, 0);
    }

    #[test]
    #[cfg(feature = "fit")]
    fn strong_regularisation_keeps_the_hand_weights() {
        let mut prior = model(5);
        prior.patterns.weights[0][0] = [2.0; GROUPS];
        let data = vec![example(0, 1); 10];
        let opt = Options {
            lambda: 1e6,
            ..Options::default()
        };
        let m = fit(&prior, &data, opt).unwrap();
        assert!((m.patterns.weights[0][0][0] - 2.0).abs() < 1e-3);
    }

    #[test]
    fn title_prior_is_bounded() {
        let m = model(5);
        let a = Features {
            title: [100.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            ..Features::default()
        };
        let b = Features {
            title: [1000.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            ..Features::default()
        };
        let (za, zb) = (m.logits(&a)[0], m.logits(&b)[0]);
        assert!((za - zb).abs() < 1e-6 && za <= m.params.title[0] + 1e-9);
    }

    #[test]
    fn ai_work_speaks_against_none_and_role_work_for_its_role() {
        let mut m = model(5);
        m.params.ai_work = -2.0;
        m.params.role_work = [0.0, 1.5, 0.0, 0.0];
        let f = Features {
            ai_work: 0.5,
            role_work: [0.0, 0.4, 0.0, 0.0],
            ..Features::default()
        };
        let (z, z0) = (m.logits(&f), m.logits(&Features::default()));
        assert!((z[NONE] - z0[NONE] + 1.0).abs() < 1e-9, "{z:?}");
        assert!((z[1] - z0[1] - 0.6).abs() < 1e-9, "{z:?}");
        assert_eq!(m.with_vec(&m.to_vec()), m);
        let text = "[model]\nbias = [0.0, 0.0, 0.0, 0.0, 1.0]\n";
        let out = rewrite_params(text, &m.params).unwrap();
        assert!(
            out.contains("ai_work = -2.0") && out.contains("role_work = [0.0, 1.5, 0.0, 0.0]"),
            "{out}"
        );
    }

    #[test]
    fn length_damping_shrinks_many_hits_and_zero_turns_it_off() {
        assert_eq!(length_damping(50.0, 0.0), 1.0);
        assert_eq!(length_damping(0.0, 10.0), 1.0);
        assert!((length_damping(30.0, 10.0) - 0.5).abs() < 1e-12);
        // More hits still add up to more, only slower.
        let total = |n: f64| n * length_damping(n, 10.0);
        assert!(total(40.0) > total(20.0) && total(40.0) < 2.0 * total(20.0));
    }

    #[test]
    fn reliability_table_and_ece() {
        let preds = vec![
            Prediction {
                class: 0,
                probabilities: [0.95, 0.05, 0.0, 0.0, 0.0],
            },
            Prediction {
                class: 1,
                probabilities: [0.55, 0.45, 0.0, 0.0, 0.0],
            },
        ];
        let r = report(&preds, 0.2);
        assert_eq!(r.count, 2);
        assert!((r.accuracy - 0.5).abs() < 1e-9);
        assert!((r.first_or_alternative - 1.0).abs() < 1e-9);
        // Bin 0.9-1.0: 0.95 vs 1.0; bin 0.5-0.6: 0.55 vs 0.0.
        assert!((r.ece - (0.05 + 0.55) / 2.0).abs() < 1e-9, "{}", r.ece);
    }

    #[test]
    fn rewriting_keeps_comments_and_fields() {
        let text = "# a comment\nrole = \"modeling\"\n\n# first\n[[pattern]]\nkeywords = [\"PyTorch\"]\nweight = 1.0\n\n[[pattern]]\n# 모델 개발\nkeywords = [\"모델 개발\"]\nweight = 2.0\n";
        let mut a = [[0.0; GROUPS]; CLASSES];
        a[0] = [1.0, 0.5, 0.25, 0.125, 0.0];
        let mut b = [[0.0; GROUPS]; CLASSES];
        b[0] = [2.0; GROUPS];
        b[NONE] = [-0.5; GROUPS];
        let out = rewrite_entries(text, "pattern", &[0, 0], &[a, b]).unwrap();
        assert!(
            out.contains("# a comment") && out.contains("# 모델 개발"),
            "{out}"
        );
        assert!(out.contains("learned = { responsibilities = 1.0, requirements = 0.5, preferred = 0.25, other = 0.125 }"), "{out}");
        assert!(out.contains("weight = 2.0"));
        assert!(
            out.contains("learned_for = { none = { responsibilities = -0.5"),
            "{out}"
        );
        // A file with learned weights loads them back.
        assert!(rewrite_entries(text, "pattern", &[0], &[a]).is_err());
    }

    #[test]
    #[cfg(feature = "fit")]
    fn cross_validation_predicts_every_example_once() {
        let prior = model(5);
        let data: Vec<_> = (0..10).map(|i| example(i % 2, i % 2)).collect();
        let preds = cross_validate(&prior, &data, 5, Options::default()).unwrap();
        assert_eq!(preds.len(), 10);
    }
}
