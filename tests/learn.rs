//! `rolefit patterns learn`: fits the role model to a labeled set (files or a
//! CSV of postings), prints cross-validated accuracy and a reliability table,
//! and writes a pattern folder that `--patterns` reads back, with learned
//! weights next to the hand-set ones and every comment kept.

mod util;

use util::Dir;

/// Short postings of our own, in English and Korean, with their labels.
const POSTINGS: [(&str, &str, &str); 8] = [
    (
        "m1.md",
        "modeling",
        "# Machine Learning Engineer\n\n## Responsibilities\n- Train and evaluate ranking models in PyTorch\n- Improve model accuracy with feature engineering\n",
    ),
    (
        "m2.md",
        "modeling",
        "# 머신러닝 엔지니어\n\n## 주요업무\n- 추천 모델 개발 및 학습\n- 모델 성능 평가와 피처 엔지니어링\n- 학습 데이터 구축\n",
    ),
    (
        "b1.md",
        "backend",
        "# ML Platform Engineer\n\n## Responsibilities\n- Build our model serving platform on Kubernetes with vLLM\n- Own inference latency and GPU cluster utilization\n",
    ),
    (
        "b2.md",
        "backend",
        "# MLOps 엔지니어\n\n## 주요업무\n- 모델 서빙 인프라 구축 및 운영\n- MLOps 파이프라인과 GPU 클러스터 관리\n- 추론 서버 성능 개선\n",
    ),
    (
        "n1.md",
        "none",
        "# Frontend Developer\n\n## What you'll do\n- Build checkout pages in React and TypeScript\n- Improve Core Web Vitals across the store\n",
    ),
    (
        "n2.md",
        "none",
        "# 백엔드 개발자\n\n## 주요업무\n- Spring 기반 결제 API 개발\n- MySQL 쿼리 최적화와 배치 작업 운영\n- 사내 관리자 도구 개발\n",
    ),
    (
        "r1.md",
        "research",
        "# Research Scientist\n\n## Responsibilities\n- Publish novel methods at NeurIPS and ICML\n- Advance the state of the art in reinforcement learning research\n",
    ),
    (
        "r2.md",
        "research",
        "# AI 연구원\n\n## 주요업무\n- 새로운 학습 방법론 연구 및 논문 발표\n- NeurIPS, ICML 등 top-tier 학회 논문 게재\n",
    ),
];

/// A neutral company section, so that every posting has the text extraction needs.
const BENEFITS: &str =
    "\n## Benefits\n- Flexible hours, a yearly learning budget and lunch on Fridays\n";

fn labeled_set(dir: &Dir) {
    let mut labels = String::from("file,lang,primary\n");
    for (name, label, text) in POSTINGS {
        dir.create(&format!("set/postings/{name}"), format!("{text}{BENEFITS}"));
        let lang = if text.chars().any(|c| ('가'..='힣').contains(&c)) {
            "ko"
        } else {
            "en"
        };
        labels.push_str(&format!("{name},{lang},{label}\n"));
    }
    dir.create("set/labels.csv", labels);
}

/// `rolefit patterns learn set/labels.csv --postings POSTINGS` with extra
/// arguments, run in `dir`.
fn learn<'a>(dir: &Dir, postings: &'a str, extra: &[&'a str]) -> util::Output {
    let mut args = vec![
        "patterns",
        "learn",
        "set/labels.csv",
        "--postings",
        postings,
    ];
    args.extend_from_slice(extra);
    dir.command(args).run()
}

#[test]
fn learns_prints_cross_validation_and_writes_a_usable_folder() {
    let dir = Dir::new();
    labeled_set(&dir);
    let out = learn(
        &dir,
        "set/postings",
        &["--folds", "2", "--lambda", "1", "-o", "learned"],
    );
    let stdout = out.success();
    assert!(
        stdout.starts_with("8 labeled postings; 2-fold cross-validation"),
        "{stdout}"
    );
    assert!(
        stdout.contains("cross-validated (lambda 1, temperature "),
        "{stdout}"
    );
    assert!(
        stdout.contains("  en: ") && stdout.contains("  ko: "),
        "{stdout}"
    );
    assert!(
        stdout.contains("reliability (confidence of the first label):"),
        "{stdout}"
    );
    // Learned weights sit next to the hand-set ones; comments are kept.
    let modeling = dir.read("learned/modeling.toml");
    assert!(
        modeling.contains("learned = { responsibilities = "),
        "{modeling}"
    );
    assert!(
        modeling.contains("# modeling: builds, trains"),
        "{modeling}"
    );
    assert!(dir.read("learned/model.toml").contains("[model]"));
    // The folder is a pattern folder: it checks, and analyze reads it.
    dir.command(["patterns", "check", "learned"])
        .run()
        .success();
    let out = dir
        .command([
            "analyze",
            "set/postings/b1.md",
            "--patterns",
            "learned",
            "--format",
            "jsonl",
        ])
        .run();
    let rows = out.json_lines();
    assert_eq!(rows[0]["role"], "backend", "{rows:?}");
}

#[test]
fn learns_from_a_csv_of_postings() {
    let dir = Dir::new();
    labeled_set(&dir);
    let mut csv = String::from("id,title,description\n");
    for (name, _, text) in POSTINGS {
        let (title, body) = text.split_once("\n\n").unwrap();
        csv.push_str(&format!(
            "{},\"{}\",\"{}\"\n",
            name.trim_end_matches(".md"),
            title.trim_start_matches("# "),
            format!("{body}{BENEFITS}").replace('"', "\"\"")
        ));
    }
    dir.create("set/batch.csv", csv);
    let out = learn(
        &dir,
        "set/batch.csv",
        &["--folds", "2", "--lambda", "1", "-o", "learned"],
    );
    assert!(out.success().starts_with("8 labeled postings"), "{out:?}");
}

#[test]
fn a_label_without_its_posting_names_the_row() {
    let dir = Dir::new();
    labeled_set(&dir);
    dir.create("set/labels.csv", "file,primary\nmissing.md,modeling\n");
    let out = learn(&dir, "set/postings", &["-o", "x"]);
    assert_ne!(out.code, Some(0));
    assert!(
        out.stderr.contains("row 1") && out.stderr.contains("missing.md"),
        "{out:?}"
    );
}

#[test]
fn more_folds_than_postings_says_the_folds_it_used() {
    let dir = Dir::new();
    labeled_set(&dir);
    let out = learn(
        &dir,
        "set/postings",
        &["--folds", "20", "--lambda", "1", "-o", "x"],
    );
    assert!(
        out.success()
            .starts_with("8 labeled postings; 8-fold cross-validation\n"),
        "{out:?}"
    );
}

#[test]
fn an_unknown_label_names_its_row_and_the_five_labels() {
    let dir = Dir::new();
    labeled_set(&dir);
    dir.create(
        "set/labels.csv",
        "file,primary\nm1.md,modeling\nn1.md,none\nm2.md,data-science\n",
    );
    let out = learn(&dir, "set/postings", &["-o", "x"]);
    assert_eq!(out.code, Some(2), "{out:?}");
    assert_eq!(
        out.stderr,
        "rolefit: set/labels.csv: row 3: unknown label 'data-science' (expected modeling, backend, frontend, research or none)\n"
    );
}

#[test]
fn a_bad_learned_weight_is_reported_with_its_line() {
    let dir = Dir::new();
    dir.create(
        "pats/backend.toml",
        "role = \"backend\"\n\n[[pattern]]\nkeywords = [\"vLLM\"]\nweight = 1.0\nlearned = { duties = 1.0 }\n",
    );
    let out = dir.command(["patterns", "check", "pats"]).run();
    out.expect_code(2);
    assert!(
        out.stderr
            .contains("backend.toml:6: unknown section kind 'duties'"),
        "{out:?}"
    );
}

#[test]
fn learning_into_the_pattern_folder_it_reads_is_refused() {
    let dir = Dir::new();
    labeled_set(&dir);
    dir.create("pats/backend.toml", "role = \"backend\"\n");
    let before = std::fs::read_to_string(dir.path().join("pats/backend.toml")).unwrap();
    let out = learn(&dir, "set/postings", &["--patterns", "pats", "-o", "pats/"]);
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(out.stderr.contains("pattern folder"), "{out:?}");
    let after = std::fs::read_to_string(dir.path().join("pats/backend.toml")).unwrap();
    assert_eq!(before, after);
}

#[test]
fn predictions_onto_an_input_or_the_learned_folder_are_refused_before_reading() {
    let dir = Dir::new();
    labeled_set(&dir);
    dir.create("set/batch.csv", "id,description\nm1,a posting\n");
    dir.create("pats/backend.toml", "role = \"backend\"\n");
    dir.create_dir("learned");
    let snapshot = || {
        let mut files = vec![dir.read("set/labels.csv"), dir.read("set/batch.csv")];
        files.push(dir.read("pats/backend.toml"));
        for (name, _, _) in POSTINGS {
            files.push(dir.read(&format!("set/postings/{name}")));
        }
        files
    };
    let before = snapshot();
    let cases: [(&str, &[&str], &str); 6] = [
        (
            "set/postings",
            &["--predictions", "set/labels.csv"],
            "--predictions set/labels.csv is the same file as the labels file set/labels.csv",
        ),
        (
            "set/postings",
            &["--predictions", "set/postings/./b1.md"],
            "--predictions set/postings/./b1.md is the same file as the posting set/postings/b1.md",
        ),
        (
            "set/batch.csv",
            &["--predictions", "set/batch.csv"],
            "--predictions set/batch.csv is the same file as the postings file set/batch.csv",
        ),
        (
            "set/postings",
            &["--patterns", "pats", "--predictions", "pats/backend.toml"],
            "--predictions pats/backend.toml is the same file as the pattern file pats/backend.toml",
        ),
        (
            "set/postings",
            &["--predictions", "learned/model.toml"],
            "--predictions learned/model.toml is the same file as the learned file learned/model.toml",
        ),
        (
            "set/postings",
            &["--predictions", "new", "-o", "new"],
            "--predictions new is the same file as -o new",
        ),
    ];
    for (postings, extra, message) in cases {
        let mut args = extra.to_vec();
        if !args.contains(&"-o") {
            args.extend(["-o", "learned"]);
        }
        let out = learn(&dir, postings, &args);
        assert_eq!(out.code, Some(2), "{out:?}");
        assert_eq!(
            out.stderr,
            format!("rolefit: {message}: nothing was read or written\n")
        );
        assert_eq!(out.stdout, "", "nothing was learned");
        assert_eq!(snapshot(), before, "{extra:?}");
        assert_eq!(
            util::names_in(&dir.path().join("learned")),
            Vec::<String>::new()
        );
        assert!(!dir.path().join("new").exists());
    }
    // Beside the labels is no conflict; the file is written whole.
    let out = learn(
        &dir,
        "set/postings",
        &["--folds", "2", "--lambda", "1", "-o", "learned"],
    );
    out.success();
    let out = learn(
        &dir,
        "set/postings",
        &[
            "--folds",
            "2",
            "--lambda",
            "1",
            "--predictions",
            "set/predictions.csv",
            "-o",
            "learned",
        ],
    );
    out.success();
    let predictions = dir.read("set/predictions.csv");
    assert!(
        predictions.starts_with("file,label,predicted,probability,second,second_probability\n"),
        "{predictions}"
    );
    assert_eq!(predictions.lines().count(), 1 + POSTINGS.len());
}

/// `--repeats N` cross-validates N more times over shuffled folds and prints
/// the mean accuracy with its range, in English and in Korean; the same
/// shuffles every run, and the learned folder is the one written without it.
#[test]
fn repeats_print_the_spread_of_shuffled_folds() {
    let dir = Dir::new();
    labeled_set(&dir);
    let figures = |line: &str| -> Vec<f64> {
        line.split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter_map(|w| w.trim_matches('.').parse().ok())
            .collect()
    };
    let run = |out_dir: &str, lang: &str| {
        let out = learn(
            &dir,
            "set/postings",
            &[
                "--folds",
                "2",
                "--lambda",
                "1",
                "--repeats",
                "3",
                "--lang",
                lang,
                "-o",
                out_dir,
            ],
        );
        out.success().to_string()
    };
    let en = run("a", "en");
    let line = en
        .lines()
        .find(|l| l.starts_with("repeated over 3 shuffles of the folds (lambda 1): accuracy "))
        .unwrap_or_else(|| panic!("{en}"));
    // repeats, lambda, mean, low, high, first or alternative, log loss
    let f = figures(line);
    assert_eq!(f.len(), 7, "{line}");
    assert!(f[3] <= f[2] && f[2] <= f[4], "{line}");
    assert!((0.0..=1.0).contains(&f[2]) && f[6] > 0.0, "{line}");
    let ko = run("b", "ko");
    let ko_line = ko
        .lines()
        .find(|l| l.starts_with("폴드를 3번 다시 섞어 반복"))
        .unwrap_or_else(|| panic!("{ko}"));
    assert_eq!(figures(ko_line), f, "{ko_line} / {line}");
    let plain = learn(
        &dir,
        "set/postings",
        &["--folds", "2", "--lambda", "1", "-o", "c"],
    );
    assert!(!plain.success().contains("repeated"));
    for file in ["model.toml", "modeling.toml", "research.toml"] {
        assert_eq!(
            dir.read(&format!("a/{file}")),
            dir.read(&format!("c/{file}")),
            "{file}"
        );
    }
}
