//! Fitting the role model: L-BFGS (argmin) on the regularised log loss, and
//! k-fold cross-validation. Behind the `fit` feature, so that a program that
//! only classifies does not carry the optimiser.

use argmin::core::{CostFunction, Error as ArgminError, Executor, Gradient, State};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;

use super::{
    CLASSES, Features, GROUPS, Model, NONE, PER_PATTERN, PRIOR_SLOTS, Prediction, bounded,
    prior_class, softmax,
};

/// One example as sparse (class, parameter index, value) terms of its logits.
struct Row {
    terms: Vec<(usize, usize, f64)>,
    class: usize,
}

fn rows(model: &Model, examples: &[(Features, usize)]) -> Vec<Row> {
    let q = model.patterns.weights.len();
    let bias = q * PER_PATTERN;
    let title = bias + CLASSES;
    let blurb = title + PRIOR_SLOTS;
    let generic = blurb + PRIOR_SLOTS;
    let stated = generic + 4;
    examples
        .iter()
        .map(|(f, class)| {
            let mut terms = Vec::with_capacity(f.hits.len() + 24);
            for &(p, g, x) in &f.hits {
                for c in 0..CLASSES {
                    terms.push((c, (p * CLASSES + c) * GROUPS + g, x));
                }
            }
            for c in 0..CLASSES {
                terms.push((c, bias + c, 1.0));
            }
            for s in 0..PRIOR_SLOTS {
                let c = prior_class(s);
                terms.push((c, title + s, bounded(f.title[s])));
                terms.push((c, blurb + s, bounded(f.blurb[s])));
            }
            for g in 0..4 {
                terms.push((NONE, generic + g, f.generic[g]));
            }
            for r in 0..4 {
                terms.push((r, stated, f.stated[r]));
                terms.push((r, stated + 1, f.shares[r]));
            }
            terms.push((NONE, stated + 2, f.ai_work));
            for r in 0..4 {
                terms.push((r, stated + 3 + r, f.role_work[r]));
            }
            terms.retain(|t| t.2 != 0.0);
            Row {
                terms,
                class: *class,
            }
        })
        .collect()
}

/// Regularised negative log-likelihood over rows.
struct Problem<'a> {
    rows: &'a [Row],
    prior: &'a [f64],
    lambda: &'a [f64],
    /// Weight of each class in the loss (balances rare classes).
    class_weight: [f64; CLASSES],
}

impl Problem<'_> {
    fn eval(&self, theta: &[f64], grad: Option<&mut Vec<f64>>) -> f64 {
        let mut loss = 0.0;
        let mut g = vec![0.0; theta.len()];
        for row in self.rows {
            let mut z = [0.0; CLASSES];
            for &(c, i, x) in &row.terms {
                z[c] += theta[i] * x;
            }
            let p = softmax(z);
            let w = self.class_weight[row.class];
            loss -= w * p[row.class].max(1e-300).ln();
            for &(c, i, x) in &row.terms {
                let d = p[c] - if c == row.class { 1.0 } else { 0.0 };
                g[i] += w * d * x;
            }
        }
        for i in 0..theta.len() {
            let d = theta[i] - self.prior[i];
            loss += 0.5 * self.lambda[i] * d * d;
            g[i] += self.lambda[i] * d;
        }
        if let Some(out) = grad {
            *out = g;
        }
        loss
    }
}

impl CostFunction for Problem<'_> {
    type Param = Vec<f64>;
    type Output = f64;
    fn cost(&self, p: &Vec<f64>) -> Result<f64, ArgminError> {
        Ok(self.eval(p, None))
    }
}

impl Gradient for Problem<'_> {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;
    fn gradient(&self, p: &Vec<f64>) -> Result<Vec<f64>, ArgminError> {
        let mut g = Vec::new();
        self.eval(p, Some(&mut g));
        Ok(g)
    }
}

/// How strongly the fit is held to the hand-set weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// L2 strength toward the hand-set weight, per pattern weight.
    pub lambda: f64,
    /// L2 strength for the biases (toward the prior bias).
    pub lambda_bias: f64,
    /// L2 strength of a pattern's weights for other classes than its own,
    /// as a multiple of `lambda` (infinite: only its own class).
    pub cross: f64,
    /// Iterations of L-BFGS at most.
    pub max_iters: u64,
    /// Weigh each class by the inverse of its frequency (to the power given:
    /// 0 is no balancing, 1 full).
    pub balance: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            lambda: 1.0,
            lambda_bias: 0.05,
            cross: 2.0,
            max_iters: 300,
            balance: 0.0,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LearnError {
    #[error("no labeled postings to learn from")]
    Empty,
    #[error("the optimiser failed: {0}")]
    Optimiser(String),
}

/// Fits the model to labeled examples, starting from and regularised toward
/// `prior` (the hand-set weights).
pub fn fit(
    prior: &Model,
    examples: &[(Features, usize)],
    opt: Options,
) -> Result<Model, LearnError> {
    if examples.is_empty() {
        return Err(LearnError::Empty);
    }
    let rows = rows(prior, examples);
    let theta0 = prior.to_vec();
    let q = prior.patterns.weights.len() * PER_PATTERN;
    let mut lambda = vec![opt.lambda; theta0.len()];
    // A pattern's weights for other classes than its own start at zero and
    // are held there harder: each must earn its place.
    for (p, class) in prior.patterns.class.iter().enumerate() {
        for c in (0..CLASSES).filter(|c| c != class) {
            let at = (p * CLASSES + c) * GROUPS;
            for l in &mut lambda[at..at + GROUPS] {
                *l = opt.lambda * opt.cross;
            }
        }
    }
    for l in &mut lambda[q..q + CLASSES] {
        *l = opt.lambda_bias;
    }
    let mut counts = [0usize; CLASSES];
    for (_, c) in examples {
        counts[*c] += 1;
    }
    let n = examples.len() as f64;
    let class_weight = counts.map(|k| {
        if k == 0 {
            1.0
        } else {
            (n / (CLASSES as f64 * k as f64)).powf(opt.balance)
        }
    });
    let problem = Problem {
        rows: &rows,
        prior: &theta0,
        lambda: &lambda,
        class_weight,
    };
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 10)
        .with_tolerance_grad(1e-6)
        .and_then(|s| s.with_tolerance_cost(1e-10))
        .map_err(|e| LearnError::Optimiser(e.to_string()))?;
    let res = Executor::new(problem, solver)
        .configure(|s| s.param(theta0.clone()).max_iters(opt.max_iters))
        .run()
        .map_err(|e| LearnError::Optimiser(e.to_string()))?;
    let best = res.state().get_best_param().cloned().unwrap_or(theta0);
    Ok(prior.with_vec(&best))
}

/// The folds `k`-fold cross-validation of `examples` examples uses: at least
/// two, and no more than there are examples.
pub fn fold_count(k: usize, examples: usize) -> usize {
    k.max(2).min(examples.max(2))
}

/// k-fold cross-validation: each example is predicted by a model fitted
/// without its fold. Folds are every k-th example, so a sorted input spreads.
/// [`fold_count`] says how many folds there are. The predictions are in the
/// order of the examples.
pub fn cross_validate(
    prior: &Model,
    examples: &[(Features, usize)],
    k: usize,
    opt: Options,
) -> Result<Vec<Prediction>, LearnError> {
    let k = fold_count(k, examples.len());
    let mut out = vec![None; examples.len()];
    for fold in 0..k {
        let train: Vec<(Features, usize)> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, e)| e.clone())
            .collect();
        let model = fit(prior, &train, opt)?;
        for (i, (f, c)) in examples.iter().enumerate() {
            if i % k == fold {
                out[i] = Some(Prediction {
                    class: *c,
                    probabilities: model.probabilities(f),
                });
            }
        }
    }
    Ok(out.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::super::{Params, PatternWeights, TITLE_GROUP};
    use super::*;

    /// A model of three patterns whose every parameter differs, so that a
    /// term read from the wrong place shows.
    fn model() -> Model {
        let blank = Model {
            patterns: PatternWeights {
                class: vec![0, 1, 3],
                weights: vec![[[0.0; GROUPS]; CLASSES]; 3],
            },
            params: Params::default(),
        };
        let v: Vec<f64> = (0..blank.to_vec().len())
            .map(|i| ((i * 37 % 23) as f64 - 11.0) / 7.0)
            .collect();
        blank.with_vec(&v)
    }

    /// Features with every field set, hits in the job's groups and the title.
    fn features(seed: f64) -> Features {
        Features {
            hits: vec![(0, 0, 1.0), (1, 2, 0.65 * seed), (2, TITLE_GROUP, 1.0)],
            title: [0.5, 1.5 * seed, 0.0, 2.0, 1.0, 0.3],
            blurb: [0.2, 0.0, 0.7, seed, 0.4, 1.1],
            generic: [0.3, 0.1 * seed, 0.0, 0.5],
            stated: [1.0, 0.5, 0.0, 0.0],
            shares: [0.6, 0.3, 0.0, 0.1 * seed],
            ai_work: 0.8,
            role_work: [0.9, 0.4, 0.1, 0.2 * seed],
        }
    }

    #[test]
    fn fitted_terms_add_up_to_the_logits_the_model_classifies_with() {
        // What the optimiser fits and what classify computes must be one
        // function of the weights, or the learned weights mean something else.
        let m = model();
        let theta = m.to_vec();
        for seed in [0.5, 1.0, 2.0] {
            let f = features(seed);
            let row = &rows(&m, &[(f.clone(), 0)])[0];
            let mut z = [0.0; CLASSES];
            for &(c, i, x) in &row.terms {
                z[c] += theta[i] * x;
            }
            let want = m.logits(&f);
            for c in 0..CLASSES {
                assert!(
                    (z[c] - want[c]).abs() < 1e-9,
                    "class {c}: {z:?} vs {want:?}"
                );
            }
        }
    }

    #[test]
    fn the_gradient_is_the_slope_of_the_loss() {
        let m = model();
        let data: Vec<(Features, usize)> = [(0.5, 0), (1.0, 3), (2.0, NONE), (1.5, 1)]
            .map(|(s, c)| (features(s), c))
            .into();
        let rows = rows(&m, &data);
        let theta = m.to_vec();
        let prior: Vec<f64> = theta.iter().map(|x| x * 0.5 + 0.1).collect();
        let lambda: Vec<f64> = (0..theta.len()).map(|i| 0.5 + (i % 3) as f64).collect();
        let problem = Problem {
            rows: &rows,
            prior: &prior,
            lambda: &lambda,
            class_weight: [1.0, 2.0, 0.5, 3.0, 1.5],
        };
        let mut grad = Vec::new();
        problem.eval(&theta, Some(&mut grad));
        let h = 1e-6;
        for i in 0..theta.len() {
            let (mut up, mut down) = (theta.clone(), theta.clone());
            up[i] += h;
            down[i] -= h;
            let slope = (problem.eval(&up, None) - problem.eval(&down, None)) / (2.0 * h);
            assert!(
                (slope - grad[i]).abs() < 1e-4 * (1.0 + slope.abs()),
                "parameter {i}: slope {slope}, gradient {}",
                grad[i]
            );
        }
    }

    #[test]
    fn cross_validation_predicts_each_example_without_it() {
        // Each example's pattern is its own and appears nowhere else: a
        // model that had seen the example would favour its class; one that
        // had not knows nothing of the pattern and falls back on the biases.
        let mut prior = model();
        prior.patterns.weights = vec![[[0.0; GROUPS]; CLASSES]; 10];
        prior.patterns.class = vec![0; 10];
        prior.params.bias = [0.0; CLASSES];
        let data: Vec<(Features, usize)> = (0..10)
            .map(|p| {
                let f = Features {
                    hits: vec![(p, 0, 1.0)],
                    ..Features::default()
                };
                (f, if p % 2 == 0 { 1 } else { 3 })
            })
            .collect();
        let opt = Options {
            lambda: 0.01,
            ..Options::default()
        };
        let seen = fit(&prior, &data, opt).unwrap();
        for (f, c) in &data {
            assert!(seen.probabilities(f)[*c] > 0.9);
        }
        let preds = cross_validate(&prior, &data, 5, opt).unwrap();
        assert_eq!(preds.len(), data.len());
        for p in &preds {
            assert!(p.probabilities[p.class] < 0.6, "{:?}", p.probabilities);
        }
    }
}
