//! Skill matching through the library: the names of the built-in
//! `patterns/skills.toml` that one line of a posting (or of a profile's
//! strengths) finds, for the words that are easy to get wrong: one-letter
//! languages, common English words, spelling variants, Korean particles, and
//! Korean words that hide inside longer words.

use std::sync::LazyLock;

use rolefit::rules::PatternSet;
use rolefit::skills::Category;

/// The built-in pattern set, compiled once for every test in this file.
static SET: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::builtin().expect("the built-in patterns compile"));

/// The canonical names of the skills found in `line`, sorted.
fn names(line: &str) -> Vec<String> {
    let mut found: Vec<String> = SET
        .skills
        .find(line)
        .into_iter()
        .map(|hit| SET.skills.skills[hit.skill].name.clone())
        .collect();
    found.sort();
    found
}

/// Asserts that `line` finds exactly the skills `expected` (in any order).
#[track_caller]
fn assert_finds(line: &str, expected: &[&str]) {
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(names(line), expected, "skills found in {line:?}");
}

/// Asserts that `line` finds `skill` (among others).
#[track_caller]
fn assert_finds_one(line: &str, skill: &str) {
    let found = names(line);
    assert!(
        found.iter().any(|s| s == skill),
        "{line:?} should find {skill:?}; found {found:?}"
    );
}

#[test]
fn every_name_used_here_is_a_builtin_skill() {
    // A renamed skill should fail here, once, rather than in every test below.
    for name in [
        "C",
        "C++",
        "C#",
        "Python",
        "Go",
        "R",
        "Fine-tuning",
        "Large language models",
        "React",
        "Redux",
        "Kubernetes",
        "Apache Spark",
        "Kafka",
        "Swift",
        "Kotlin",
        "PyTorch",
        "Natural language processing",
        "Recommender systems",
        "JavaScript",
        "Java",
        "Rust",
        "Collaboration",
        "Apache Airflow",
        "Data pipelines",
        "Large-scale services",
        "Production operations / on-call",
        "NeurIPS",
        "Statistics",
    ] {
        assert!(
            SET.skills.index_of(name).is_some(),
            "{name:?} is not a skill in patterns/skills.toml"
        );
    }
}

// ---- C, C++ and C# ---------------------------------------------------------

#[test]
fn c_next_to_python_is_the_c_language() {
    assert_finds("Experience in C and Python", &["C", "Python"]);
}

#[test]
fn cpp17_is_not_c() {
    let found = names("C++17");
    assert!(
        !found.contains(&"C".to_string()),
        "C++17 found C: {found:?}"
    );
}

#[test]
fn cpp17_is_cpp() {
    assert_finds("C++17", &["C++"]);
}

#[test]
fn cpp_and_python_is_not_c() {
    assert_finds("Modern C++ and Python", &["C++", "Python"]);
}

#[test]
fn c_slash_cpp_is_both() {
    assert_finds("C/C++ embedded firmware", &["C", "C++"]);
}

#[test]
fn csharp_is_not_c() {
    assert_finds("C# and Python services", &["C#", "Python"]);
}

#[test]
fn series_c_startup_is_not_c() {
    assert_finds("Series C startup", &[]);
}

// ---- Go --------------------------------------------------------------------

#[test]
fn go_next_to_python_is_the_go_language() {
    assert_finds("Go and Python services", &["Go", "Python"]);
}

#[test]
fn go_to_market_is_not_go() {
    assert_finds("Go to market", &[]);
}

#[test]
fn lowercase_go_is_not_go() {
    assert_finds("we go fast", &[]);
}

// ---- R ---------------------------------------------------------------------

#[test]
fn r_next_to_python_is_the_r_language() {
    assert_finds("R or Python for statistics", &["Python", "R", "Statistics"]);
}

#[test]
fn r_and_d_is_not_r() {
    assert_finds("R&D", &[]);
}

#[test]
fn r_and_d_next_to_python_is_not_r() {
    assert_finds("R&D center using Python", &["Python"]);
}

// ---- spelling variants ------------------------------------------------------

#[test]
fn fine_tuning_in_every_spelling() {
    for line in ["fine-tune", "fine tuning", "finetuning", "Fine-Tuned"] {
        assert_finds(line, &["Fine-tuning"]);
    }
}

#[test]
fn plural_llms_is_large_language_models() {
    assert_finds("LLMs", &["Large language models"]);
}

#[test]
fn kubernetes_and_k8s_are_one_skill() {
    assert_finds("Kubernetes", &["Kubernetes"]);
    assert_finds("k8s", &["Kubernetes"]);
}

// ---- common English words ---------------------------------------------------

#[test]
fn react_is_react() {
    assert_finds("React and Redux", &["React", "Redux"]);
}

#[test]
fn reactive_is_not_react() {
    assert_finds("reactive", &[]);
    assert_finds("Reactive", &[]);
}

#[test]
fn spark_next_to_data_words_is_apache_spark() {
    assert_finds("Spark and Kafka", &["Apache Spark", "Kafka"]);
    assert_finds("PySpark", &["Apache Spark"]);
}

#[test]
fn spark_as_a_verb_is_not_apache_spark() {
    assert_finds("Spark new ideas in every meeting", &[]);
}

#[test]
fn swift_next_to_mobile_words_is_the_swift_language() {
    assert_finds("Swift and Kotlin", &["Kotlin", "Swift"]);
}

#[test]
fn swift_as_an_adjective_is_not_the_swift_language() {
    assert_finds("Swift feedback from reviewers", &[]);
    assert_finds("swift delivery", &[]);
}

// ---- Korean: particles and aliases ------------------------------------------

#[test]
fn korean_alias_with_a_particle() {
    assert_finds("파이토치를", &["PyTorch"]);
}

#[test]
fn korean_alias_before_a_noun() {
    assert_finds("쿠버네티스 경험", &["Kubernetes"]);
}

#[test]
fn english_name_with_a_korean_particle() {
    assert_finds("Python을 활용한", &["Python"]);
    assert_finds("PyTorch로", &["PyTorch"]);
}

#[test]
fn korean_alias_for_large_language_models() {
    assert_finds("대규모 언어 모델", &["Large language models"]);
}

#[test]
fn korean_alias_for_nlp() {
    assert_finds("자연어 처리", &["Natural language processing"]);
}

#[test]
fn korean_alias_for_recommender_systems() {
    assert_finds("추천 시스템", &["Recommender systems"]);
}

// ---- Korean: words inside other words ---------------------------------------

#[test]
fn javascript_in_korean_is_not_java() {
    assert_finds("자바스크립트", &["JavaScript"]);
}

#[test]
fn java_in_korean_is_java() {
    assert_finds("자바 개발", &["Java"]);
}

#[test]
fn illustration_in_korean_is_not_rust() {
    assert_finds("일러스트", &[]);
}

#[test]
fn collaborative_filtering_in_korean_is_not_collaboration() {
    assert_finds("협업 필터링", &["Recommender systems"]);
}

#[test]
fn collaboration_in_korean_is_collaboration() {
    assert_finds("원활한 협업 능력", &["Collaboration"]);
}

// ---- strengths as people write them -----------------------------------------

#[test]
fn a_pipeline_strength_finds_each_tool() {
    assert_finds(
        "Kafka and Airflow data pipelines",
        &["Apache Airflow", "Data pipelines", "Kafka"],
    );
}

#[test]
fn an_on_call_strength_finds_large_scale_evidence() {
    assert_finds(
        "on-call for a service with 20 million daily requests",
        &["Large-scale services", "Production operations / on-call"],
    );
}

#[test]
fn a_paper_strength_finds_the_venue_as_evidence() {
    let line = "NeurIPS 2024 paper on multilingual evaluation";
    assert_finds_one(line, "NeurIPS");
    let venue = &SET.skills.skills[SET.skills.index_of("NeurIPS").expect("a skill")];
    // The fit counts an evidence skill that is not scale or a competition as a publication.
    assert_eq!(venue.category, Category::Evidence);
}

// ---- an alias inside a phrase that means something else -------------------------------

#[test]
fn fraud_detection_model_is_not_object_detection() {
    let found = names("served a fraud-detection model with KServe and ONNX Runtime");
    assert!(!found.iter().any(|s| s == "Object detection"), "{found:?}");
    let found = names("이상 거래 탐지 모델과 fraud detection model을 운영");
    assert!(!found.iter().any(|s| s == "Object detection"), "{found:?}");
    assert_finds_one(
        "object detection models (YOLOv8) for CCTV",
        "Object detection",
    );
    assert_finds_one("객체 탐지 모델 개발 경험", "Object detection");
}

#[test]
fn guardrail_metrics_are_not_ai_safety() {
    let found = names("designed 40 A/B tests with power analysis and guardrail metrics");
    assert!(
        !found.iter().any(|s| s == "AI safety & alignment"),
        "{found:?}"
    );
    let found = names("A/B 테스트의 가드레일 지표 설계");
    assert!(
        !found.iter().any(|s| s == "AI safety & alignment"),
        "{found:?}"
    );
    assert_finds_one("LLM guardrails and red teaming", "AI safety & alignment");
    assert_finds_one("LLM 가드레일 설계", "AI safety & alignment");
}

// ---- a strength that is just a skill's name ---------------------------------------------

/// The skills a profile with these strengths has.
fn strength_skills(strengths: &[&str]) -> Vec<String> {
    let profile = rolefit::profile::Profile {
        strengths: strengths.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    let s = rolefit::fit::Strengths::new(&profile, &SET);
    let mut out: Vec<String> = s.skill_names().map(str::to_string).collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn bare_go_spark_c_and_r_in_strengths_are_skills() {
    for (strength, skill) in [
        ("Go", "Go"),
        ("Spark", "Apache Spark"),
        ("C", "C"),
        ("R", "R"),
        ("Go for high-throughput services", "Go"),
    ] {
        let found = strength_skills(&[strength]);
        assert!(found.iter().any(|s| s == skill), "{strength:?}: {found:?}");
    }
    let found = strength_skills(&["Go, Spark, R"]);
    for skill in ["Go", "Apache Spark", "R"] {
        assert!(found.iter().any(|s| s == skill), "{found:?}");
    }
    // In a posting line a bare "Go" still needs its context.
    assert!(!names("Go to market with us").iter().any(|s| s == "Go"));
    // A strength that only starts with the word is no skill ("Go-to person").
    assert!(
        strength_skills(&["Go-to person for on-call questions"])
            .iter()
            .all(|s| s != "Go")
    );
}
