//! Postings the tests share, written by us: one copy of each, used by every
//! test file that needs it.

/// A short English posting page for a modeling role, served by the mock sites.
pub const POSTING_HTML: &str = r#"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Machine Learning Engineer, Ranking - Northwind Labs</title></head>
<body>
<h1>Machine Learning Engineer, Ranking</h1>
<p>Northwind Labs builds a recipe search app used by two million home cooks. Our ranking team decides which recipes people see first.</p>
<h2>Responsibilities</h2>
<ul>
<li>Train and evaluate deep learning ranking models in PyTorch on billions of search interactions</li>
<li>Design features, loss functions and offline metrics such as NDCG, and run A/B tests for new models</li>
<li>Fine-tune embedding models for query and recipe retrieval</li>
</ul>
<h2>Requirements</h2>
<ul>
<li>3+ years training machine learning models that shipped to production</li>
<li>Strong Python and PyTorch; a solid grasp of statistics and experiment design</li>
</ul>
</body>
</html>
"#;

pub const POSTING_HTML_TITLE: &str = "Machine Learning Engineer, Ranking";

/// A Korean posting; `{meta}` is replaced by a `<meta>` tag (or nothing).
pub const KOREAN_HTML: &str = r#"<!DOCTYPE html>
<html lang="ko">
<head>{meta}<title>머신러닝 엔지니어 (추천 시스템) - 한빛랩스</title></head>
<body>
<h1>머신러닝 엔지니어 (추천 시스템)</h1>
<p>한빛랩스는 요리 레시피 추천 서비스를 만듭니다. 추천팀은 사용자에게 보여줄 레시피의 순서를 정합니다.</p>
<h2>주요 업무</h2>
<ul>
<li>PyTorch로 딥러닝 추천 모델을 학습하고 평가합니다</li>
<li>오프라인 지표와 A/B 테스트로 새 모델의 성능을 검증합니다</li>
</ul>
<h2>자격 요건</h2>
<ul>
<li>머신러닝 모델 개발 경력 3년 이상</li>
<li>Python과 통계에 대한 깊은 이해</li>
</ul>
</body>
</html>
"#;
