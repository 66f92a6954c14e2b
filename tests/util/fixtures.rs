//! Pages and API answers of the sites rolefit reads in their own way,
//! written for the tests. Each copies the structure of the site's markup
//! (class names, nesting, data attributes, script blocks) around text of
//! our own; none is a real posting.

use serde_json::{Value, json};

/// LinkedIn's public guest page of a posting (signed out).
pub const LINKEDIN_GUEST: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Hanbit Robotics hiring Machine Learning Engineer, Perception in Seoul, Seoul, South Korea | LinkedIn</title>
<meta property="og:title" content="Hanbit Robotics hiring Machine Learning Engineer, Perception in Seoul, Seoul, South Korea | LinkedIn">
<meta property="og:site_name" content="LinkedIn">
<link rel="canonical" href="https://kr.linkedin.com/jobs/view/machine-learning-engineer-perception-at-hanbit-robotics-4012345678">
</head>
<body>
<header class="header base-container">
  <nav class="nav"><a class="nav__logo-link" href="/">LinkedIn</a>
    <a class="nav__button-tertiary" href="/jobs">Jobs</a><a class="nav__button-secondary" href="/login">Sign in</a>
    <a class="nav__button-primary" href="/signup">Join now</a></nav>
</header>
<main id="main-content" class="main" role="main">
  <section class="top-card-layout container-lined overflow-hidden babybear:rounded-[0px]">
    <div class="top-card-layout__entity-info-container flex flex-wrap papabear:flex-nowrap">
      <div class="top-card-layout__entity-info flex-grow flex-shrink-0 basis-0 babybear:flex-none">
        <a href="https://kr.linkedin.com/jobs/view/machine-learning-engineer-perception-at-hanbit-robotics-4012345678" class="topcard__link">
          <h1 class="top-card-layout__title font-sans text-lg papabear:text-xl font-bold leading-open text-color-text mb-0 topcard__title">Machine Learning Engineer, Perception</h1>
        </a>
        <h4 class="top-card-layout__second-subline font-sans text-sm leading-open text-color-text-low-emphasis mt-0.5">
          <div class="topcard__flavor-row">
            <span class="topcard__flavor">
              <a class="topcard__org-name-link topcard__flavor--black-link" href="https://kr.linkedin.com/company/hanbit-robotics">
                Hanbit Robotics
              </a>
            </span>
            <span class="topcard__flavor topcard__flavor--bullet">
              Seoul, Seoul, South Korea
            </span>
          </div>
          <div class="topcard__flavor-row">
            <span class="posted-time-ago__text topcard__flavor--metadata">1 week ago</span>
            <span class="num-applicants__caption topcard__flavor--metadata topcard__flavor--bullet">Over 200 applicants</span>
          </div>
        </h4>
        <div class="top-card-layout__cta-container flex flex-wrap mt-0.5 papabear:mt-0 ml-[-12px]">
          <a class="top-card-layout__cta top-card-layout__cta--primary btn-md btn-primary" href="/signup">Apply</a>
        </div>
      </div>
    </div>
  </section>
  <div class="decorated-job-posting__details">
    <section class="core-section-container my-3 description">
      <div class="core-section-container__content break-words">
        <div class="description__text description__text--rich">
          <section class="show-more-less-html" data-max-lines="5">
            <div class="show-more-less-html__markup show-more-less-html__markup--clamp-after-5 relative overflow-hidden">
              <p>Hanbit Robotics builds the eyes of delivery robots that share sidewalks with people.</p>
              <p><strong>What you will do</strong></p>
              <ul>
                <li>Train and evaluate deep learning models for object detection and segmentation in PyTorch</li>
                <li>Fine-tune vision transformers on our fleet's camera data and run offline evaluation</li>
                <li>Design training data pipelines and labeling guidelines with the annotation team</li>
              </ul>
              <p><strong>Qualifications</strong></p>
              <ul>
                <li>3+ years of building computer vision models</li>
                <li>Strong Python and PyTorch</li>
              </ul>
              <p><strong>Preferred qualifications</strong></p>
              <ul><li>Experience deploying models on embedded GPUs</li></ul>
            </div>
            <button class="show-more-less-html__button show-more-less-button show-more-less-html__button--more" aria-expanded="false">Show more</button>
          </section>
        </div>
        <ul class="description__job-criteria-list">
          <li class="description__job-criteria-item">
            <h3 class="description__job-criteria-subheader">Seniority level</h3>
            <span class="description__job-criteria-text description__job-criteria-text--criteria">Mid-Senior level</span>
          </li>
          <li class="description__job-criteria-item">
            <h3 class="description__job-criteria-subheader">Employment type</h3>
            <span class="description__job-criteria-text description__job-criteria-text--criteria">Full-time</span>
          </li>
          <li class="description__job-criteria-item">
            <h3 class="description__job-criteria-subheader">Job function</h3>
            <span class="description__job-criteria-text description__job-criteria-text--criteria">Engineering and Information Technology</span>
          </li>
          <li class="description__job-criteria-item">
            <h3 class="description__job-criteria-subheader">Industries</h3>
            <span class="description__job-criteria-text description__job-criteria-text--criteria">Robotics Engineering</span>
          </li>
        </ul>
      </div>
    </section>
  </div>
  <section class="similar-jobs"><h2 class="similar-jobs__header">Similar jobs</h2>
    <ul><li><h3>Frontend Engineer</h3><h4>Another Company</h4></li></ul></section>
  <section class="people-also-viewed"><h2>People also viewed</h2><ul><li>Data Analyst at Third Co</li></ul></section>
</main>
<footer class="li-footer"><ul><li>About</li><li>Accessibility</li><li>User Agreement</li></ul></footer>
</body>
</html>
"#;

/// A posting as a signed-in LinkedIn user saves it from the browser: the
/// whole of LinkedIn around the job's top card and description.
pub const LINKEDIN_SIGNED_IN: &str = r#"<!DOCTYPE html>
<html lang="en" class="theme theme--mercado">
<head>
<meta charset="utf-8">
<title>(4) Backend Engineer, Model Serving | Dasol AI | LinkedIn</title>
</head>
<body class="render-mode-BIGPIPE nav-v2 ember-application">
<div id="global-nav" class="global-nav global-nav--base">
  <nav class="global-nav__nav"><ul class="global-nav__primary-items">
    <li class="global-nav__primary-item"><a>Home</a></li><li class="global-nav__primary-item"><a>My Network</a></li>
    <li class="global-nav__primary-item"><a>Jobs</a></li><li class="global-nav__primary-item"><a>Messaging</a></li>
  </ul></nav>
</div>
<div class="application-outlet">
  <main id="main" class="scaffold-layout__main">
    <div class="scaffold-layout__list">
      <header class="scaffold-layout__list-header">Top job picks for you</header>
      <ul class="scaffold-layout__list-container">
        <li class="jobs-search-results__list-item"><div class="job-card-container"><strong>Data Scientist, Growth</strong><div>Other Corp</div><div>Seoul</div></div></li>
        <li class="jobs-search-results__list-item"><div class="job-card-container"><strong>Frontend Engineer</strong><div>Third Co</div><div>Busan</div></div></li>
      </ul>
    </div>
    <div class="scaffold-layout__detail">
      <div class="jobs-search__job-details--container">
        <div class="job-view-layout jobs-details">
          <div class="jobs-details__main-content jobs-details__main-content--single-pane full-width">
            <div class="t-14">
              <div class="relative job-details-jobs-unified-top-card__container--two-pane">
                <div class="display-flex align-items-center">
                  <div class="job-details-jobs-unified-top-card__company-name" dir="ltr">
                    <a class="app-aware-link" href="https://www.linkedin.com/company/dasol-ai/life" target="_self">Dasol AI</a>
                  </div>
                </div>
                <div class="display-flex justify-space-between flex-wrap mt2">
                  <div class="t-24 job-details-jobs-unified-top-card__job-title">
                    <h1 class="t-24 t-bold inline"><a class="ember-view" href="/jobs/view/4098765432/">Backend Engineer, Model Serving</a></h1>
                  </div>
                </div>
                <div class="job-details-jobs-unified-top-card__primary-description-container">
                  <div class="t-black--light mt2">
                    <span class="tvm__text tvm__text--low-emphasis">Pangyo, Gyeonggi, South Korea</span>
                    <span class="tvm__text tvm__text--low-emphasis"> · </span>
                    <span class="tvm__text tvm__text--positive"><strong>3 days ago</strong></span>
                    <span class="tvm__text tvm__text--low-emphasis"> · </span>
                    <span class="tvm__text tvm__text--low-emphasis">41 applicants</span>
                  </div>
                </div>
                <div class="mt2 mb2">
                  <ul>
                    <li class="job-details-jobs-unified-top-card__job-insight job-details-jobs-unified-top-card__job-insight--highlight">
                      <span dir="ltr">Hybrid</span>
                    </li>
                    <li class="job-details-jobs-unified-top-card__job-insight">
                      <span dir="ltr">Full-time · Mid-Senior level</span>
                    </li>
                  </ul>
                </div>
                <div class="jobs-s-apply jobs-s-apply--fadein inline-flex mr2"><button class="jobs-apply-button artdeco-button">Easy Apply</button></div>
              </div>
            </div>
            <div class="jobs-box--fadein jobs-box--full-width jobs-box--with-cta-large jobs-description jobs-description--reformatted">
              <article class="jobs-description__container jobs-description__container--condensed">
                <div class="jobs-description__content jobs-description-content">
                  <div class="jobs-box__html-content jobs-description-content__text t-14 t-normal" id="job-details">
                    <h2 class="text-heading-large">About the job</h2>
                    <div class="mt4">
                      <p dir="ltr"><span>Dasol AI runs language models for banks and insurers on its own GPU clusters.</span></p>
                      <p dir="ltr"><span><strong>Responsibilities</strong></span></p>
                      <ul>
                        <li><span>Build and operate model serving APIs for LLM inference with vLLM and Triton</span></li>
                        <li><span>Cut inference latency and raise GPU throughput for the serving fleet</span></li>
                        <li><span>Run the Kubernetes platform that schedules inference workloads</span></li>
                      </ul>
                      <p dir="ltr"><span><strong>Requirements</strong></span></p>
                      <ul>
                        <li><span>Backend services in Go or Rust in production</span></li>
                        <li><span>Experience with Kubernetes and observability tooling</span></li>
                      </ul>
                    </div>
                  </div>
                </div>
              </article>
            </div>
            <section class="jobs-company"><h2>About the company</h2><p>Dasol AI · 51-200 employees</p></section>
          </div>
        </div>
      </div>
    </div>
  </main>
  <aside class="msg-overlay-container"><div class="msg-overlay-list-bubble">Messaging</div></aside>
</div>
</body>
</html>
"#;

/// The schema.org posting an Indeed page may carry.
fn indeed_json_ld() -> Value {
    json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": "ML Platform Engineer",
        "description": "<p>Gaon Data trains forecasting models for retailers.</p><h3>What you will do</h3><ul><li>Build model serving and inference APIs on Kubernetes</li><li>Own the MLOps platform for training and serving</li></ul><h3>Requirements</h3><ul><li>Go or Python backend services in production</li></ul>",
        "datePosted": "2026-10-01",
        "employmentType": "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": "Gaon Data"},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Seoul", "addressCountry": "KR"}}
    })
}

/// An Indeed job page (`/viewjob?jk=...`), with its JSON-LD posting or without one.
pub fn indeed_page(with_json_ld: bool) -> String {
    let script = if with_json_ld {
        format!(
            r#"<script type="application/ld+json">{}</script>"#,
            indeed_json_ld()
        )
    } else {
        String::new()
    };
    format!(
        r#"<!DOCTYPE html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><title>ML Platform Engineer - Seoul - Indeed.com</title>{script}</head>
<body>
<div id="gnav-main-container"><header class="gnav-Header"><a>Find jobs</a><a>Company reviews</a><a>Sign in</a></header></div>
<div id="viewJobSSRRoot">
  <div class="jobsearch-ViewJobLayout jobsearch-ViewJobLayout--standalone">
    <div class="jobsearch-JobComponent css-u4y1in eu4oa1w0">
      <div class="jobsearch-InfoHeaderContainer jobsearch-DesktopStickyContainer">
        <div class="jobsearch-JobInfoHeader-title-container">
          <h1 class="jobsearch-JobInfoHeader-title css-1b4cr5z e1tiznh50" data-testid="jobsearch-JobInfoHeader-title"><span>ML Platform Engineer<span class="css-1b6omqv esbq1260"> - job post</span></span></h1>
        </div>
        <div data-company-name="true" data-testid="inlineHeader-companyName"><span class="css-1saizt3 e1wnkr790"><a href="https://www.indeed.com/cmp/Gaon-Data">Gaon Data</a></span></div>
        <div data-testid="inlineHeader-companyLocation" class="css-17cdm7w eu4oa1w0"><div>Seoul</div></div>
        <div id="salaryInfoAndJobType" class="css-1xkrvql eu4oa1w0"><span class="css-19j1a75 eu4oa1w0">₩70,000,000 - ₩90,000,000 a year</span><span class="css-k5flys eu4oa1w0"> -  Full-time</span></div>
      </div>
      <div class="jobsearch-BodyContainer">
        <div id="jobDescriptionText" class="jobsearch-JobComponent-description jobsearch-jobDescriptionText css-10ybyod eu4oa1w0">
          <div>
            <p>Gaon Data trains forecasting models for retailers.</p>
            <p><b>What you will do</b></p>
            <ul><li>Build model serving and inference APIs on Kubernetes</li><li>Own the MLOps platform for training and serving</li></ul>
            <p><b>Requirements</b></p>
            <ul><li>Go or Python backend services in production</li></ul>
          </div>
        </div>
      </div>
    </div>
  </div>
  <div class="jobsearch-RelatedLinks"><h2>People also searched</h2><ul><li>data scientist jobs in Seoul</li><li>frontend developer jobs</li></ul></div>
</div>
<footer class="icl-GlobalFooter"><ul><li>Hiring Lab</li><li>Career advice</li><li>Browse jobs</li></ul></footer>
</body>
</html>
"#
    )
}

/// A SEEK job page whose JSON-LD is only the site's `WebSite`.
pub const SEEK_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Senior Frontend Engineer, AI Assistant Job in Sydney NSW - SEEK</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","url":"https://www.seek.com.au/","potentialAction":{"@type":"SearchAction","target":"https://www.seek.com.au/{search_term_string}-jobs","query-input":"required name=search_term_string"}}</script>
</head>
<body>
<div id="app">
  <header data-automation="top-nav"><nav><a>Job search</a><a>Profile</a><a>Career advice</a><a>Company reviews</a><a>Sign in</a></nav></header>
  <div data-automation="searchbar"><form><input name="keywords"><button>Seek</button></form></div>
  <div class="_1ungv2b0" data-automation="jobDetailsPage">
    <div class="_1ungv2b0">
      <h1 class="_1ungv2b0" data-automation="job-detail-title">Senior Frontend Engineer, AI Assistant</h1>
      <span class="_1ungv2b0" data-automation="advertiser-name">Wattle Labs</span>
    </div>
    <div class="_1ungv2b0">
      <span data-automation="job-detail-location"><a href="/jobs/in-Sydney-NSW-2000">Sydney NSW</a></span>
      <span data-automation="job-detail-classifications"><a>Developers/Programmers (Information &amp; Communication Technology)</a></span>
      <span data-automation="job-detail-work-type"><a>Full time</a></span>
      <span data-automation="job-detail-salary">$160,000 – $190,000 + super</span>
    </div>
    <div class="_1ungv2b0" data-automation="jobAdDetails">
      <div class="_1ungv2b0 _1tgihtv0">
        <p>Wattle Labs makes an AI writing assistant used by newsrooms.</p>
        <p><strong>The role</strong></p>
        <ul><li>Build the streaming chat interface of our assistant in React and TypeScript</li>
        <li>Ship accessible web interfaces for AI features and measure them</li></ul>
        <p><strong>About you</strong></p>
        <ul><li>5+ years building web apps with React and TypeScript</li></ul>
      </div>
    </div>
  </div>
  <section data-automation="recommended-jobs"><h2>Jobs you might like</h2><article><h3>Machine Learning Engineer</h3><span>Some Other Company</span></article></section>
  <footer data-automation="footer"><ul><li>SEEK Limited</li><li>Privacy</li></ul></footer>
</div>
</body>
</html>
"#;

pub const SARAMIN_REC_IDX: &str = "48123456";

/// A Saramin posting's page: title, company, summary, and a frame for the text.
pub fn saramin_page(iframe_src: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>[누리소프트] AI 백엔드 개발자 (LLM 서빙)(D-14) - 사람인</title>
<link rel="canonical" href="https://www.saramin.co.kr/zf_user/jobs/view?rec_idx={SARAMIN_REC_IDX}">
<meta property="og:url" content="https://www.saramin.co.kr/zf_user/jobs/view?rec_idx={SARAMIN_REC_IDX}">
</head>
<body>
<div id="sri_header"><div class="gnb"><a>채용정보</a><a>기업·연봉</a><a>로그인</a></div></div>
<div id="content">
  <div class="wrap_jview">
    <section class="jview jview-0-{SARAMIN_REC_IDX}">
      <div class="wrap_jv_cont">
        <div class="wrap_jv_header">
          <div class="jv_header">
            <a class="company" href="/zf_user/company-info/view?csn=1">누리소프트</a>
            <h1 class="tit_job">AI 백엔드 개발자 (LLM 서빙)</h1>
          </div>
        </div>
        <div class="jv_cont jv_summary">
          <h2 class="jv_title">핵심 정보</h2>
          <div class="cont">
            <div class="col">
              <dl><dt>경력</dt><dd><strong>경력 3년 이상</strong></dd></dl>
              <dl><dt>학력</dt><dd><strong>대학교(4년) 졸업 이상</strong></dd></dl>
              <dl><dt>근무형태</dt><dd><strong>정규직</strong></dd></dl>
            </div>
            <div class="col">
              <dl><dt>급여</dt><dd>회사내규에 따름</dd></dl>
              <dl><dt>근무지역</dt><dd>서울 강남구</dd></dl>
            </div>
          </div>
        </div>
        <div class="jv_cont jv_detail">
          <h2 class="jv_title">상세요강</h2>
          <div class="cont">
            <iframe id="iframe_content_0" class="iframe_content" name="iframe_content_0" src="{iframe_src}" title="상세요강" scrolling="no" width="100%"></iframe>
          </div>
        </div>
      </div>
    </section>
  </div>
  <div class="jv_relate"><h2>이 공고를 본 사람들이 본 다른 공고</h2><ul><li>프론트엔드 개발자</li></ul></div>
</div>
</body>
</html>
"#
    )
}

/// The document Saramin frames: the posting's text.
pub const SARAMIN_DETAIL: &str = r#"<!DOCTYPE html>
<html lang="ko">
<head><meta charset="utf-8"><title>사람인</title><link rel="stylesheet" href="/css/user_content.css"></head>
<body>
<div class="user_content">
  <div class="template_box">
    <p>누리소프트는 기업용 대화형 AI 서비스를 만듭니다.</p>
    <h3>주요업무</h3>
    <ul><li>LLM 추론 서버와 모델 서빙 API를 설계하고 운영합니다</li><li>GPU 클러스터에서 추론 지연 시간과 처리량을 개선합니다</li></ul>
    <h3>자격요건</h3>
    <ul><li>Go 또는 Python 백엔드 개발 경력 3년 이상</li><li>Kubernetes 운영 경험</li></ul>
    <h3>우대사항</h3>
    <ul><li>vLLM, Triton 사용 경험</li></ul>
    <h3>복지 및 혜택</h3>
    <ul><li>점심 식대 지원</li></ul>
  </div>
</div>
</body>
</html>
"#;

pub const JOBKOREA_GNO: &str = "45123456";

/// A JobKorea posting's page: title, company, summary, and the frame of its text.
pub fn jobkorea_page() -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>다온테크 채용 - 프론트엔드 개발자 (AI 챗봇) | 잡코리아</title>
<link rel="canonical" href="https://www.jobkorea.co.kr/Recruit/GI_Read/{JOBKOREA_GNO}">
</head>
<body>
<div id="header"><div class="gnb"><a>채용정보</a><a>공채</a><a>로그인</a></div></div>
<div id="container">
  <section class="secReadSummary">
    <div class="readSumWrap clear">
      <article class="artReadJobSum">
        <div class="sumTit">
          <h3 class="hd_3">
            <div class="header"><span class="coName">다온테크</span></div>
            프론트엔드 개발자 (AI 챗봇)
          </h3>
        </div>
        <div class="tbRow clear">
          <div class="tbCol"><dl class="tbList"><dt>경력</dt><dd><strong>경력2년↑</strong></dd><dt>학력</dt><dd><strong>대졸↑</strong></dd></dl></div>
          <div class="tbCol"><dl class="tbList"><dt>고용형태</dt><dd><strong>정규직</strong></dd><dt>지역</dt><dd>경기 성남시 분당구</dd></dl></div>
        </div>
      </article>
    </div>
  </section>
  <section class="secReadDetail">
    <article class="artReadDetail">
      <div class="divDetailWrap">
        <iframe id="gib_frame" name="gib_frame" src="/Recruit/GI_Read_Comt_Ifrm?Gno={JOBKOREA_GNO}&amp;blnKeepInFrame=0" title="상세요강" scrolling="no" frameborder="0"></iframe>
      </div>
    </article>
  </section>
</div>
</body>
</html>
"#
    )
}

/// The document JobKorea frames: the posting's text.
pub const JOBKOREA_DETAIL: &str = r#"<!DOCTYPE html>
<html lang="ko">
<head><meta charset="utf-8"><link rel="stylesheet" href="/css/gi_read_comt.css"></head>
<body>
<div class="view-content">
  <p>다온테크는 상담용 AI 챗봇 서비스를 운영합니다.</p>
  <h3>담당업무</h3>
  <ul><li>React와 TypeScript로 AI 챗봇의 스트리밍 채팅 화면을 개발합니다</li><li>웹 접근성을 지키는 프론트엔드 UI 컴포넌트를 만듭니다</li></ul>
  <h3>자격요건</h3>
  <ul><li>React, TypeScript 프론트엔드 개발 경력 2년 이상</li></ul>
</div>
</body>
</html>
"#;

/// A Workday posting as `/wday/cxs/TENANT/SITE/job/...` answers it.
pub fn workday_posting(req: &str, title: &str, html: &str) -> Value {
    json!({
        "jobPostingInfo": {
            "id": format!("id-{req}"),
            "title": title,
            "jobDescription": html,
            "location": "Seoul, Korea",
            "additionalLocations": ["Busan, Korea"],
            "postedOn": "Posted 3 Days Ago",
            "startDate": "2026-11-20",
            "timeType": "Full time",
            "jobReqId": req,
            "jobPostingId": format!("Title_{req}"),
            "jobPostingSiteId": "External",
            "country": {"descriptor": "Korea, Republic of", "id": "x"},
            "canApply": true,
            "externalUrl": format!("https://acme.wd5.myworkdayjobs.com/External/job/Seoul-Korea/Title_{req}")
        },
        "hiringOrganization": {"name": "Acme Mobility", "url": ""},
        "similarJobs": [],
        "userAuthenticated": false
    })
}

pub const WORKDAY_MODELING: &str = "<p>Acme Mobility plans routes for a fleet of delivery vans.</p>\
<p><b>What you will do</b></p><ul><li>Train and evaluate deep learning models for demand forecasting in PyTorch</li>\
<li>Design features and training data pipelines for model training</li></ul>\
<p><b>Qualifications</b></p><ul><li>3+ years of machine learning model development</li><li>Strong Python</li></ul>";

pub const WORKDAY_BACKEND: &str = "<p>The platform team runs the services every product depends on.</p>\
<p><b>What you will do</b></p><ul><li>Build and operate model serving APIs and inference services on Kubernetes</li>\
<li>Own the backend services that feed GPU clusters</li></ul>\
<p><b>Qualifications</b></p><ul><li>Go or Java backend services in production</li></ul>";

/// A page of a Workday site's list (`POST /wday/cxs/TENANT/SITE/jobs`).
pub fn workday_list(total: u64, reqs: &[(&str, &str)]) -> Value {
    let postings: Vec<Value> = reqs
        .iter()
        .map(|(req, title)| {
            json!({
                "title": title,
                "externalPath": format!("/job/Seoul-Korea/Title_{req}"),
                "locationsText": "Seoul, Korea",
                "postedOn": "Posted 3 Days Ago",
                "bulletFields": [req]
            })
        })
        .collect();
    json!({"total": total, "jobPostings": postings, "facets": [], "userAuthenticated": false})
}

// Postings shared by the fetch, batch and adversarial tests.

/// A short posting for a modeling role, as Markdown.
pub const POSTING_MD: &str = "\
# Machine Learning Engineer, Fraud Models

Acme Payments

## What you'll do

- Train and evaluate fraud detection models in PyTorch.
- Fine-tune gradient-boosted models and build offline evaluation for them.

## Requirements

- 3+ years building machine learning models that reached production.
";

pub const POSTING_MD_TITLE: &str = "Machine Learning Engineer, Fraud Models";

/// The same posting's body as one paragraph, for CSV cells.
pub const POSTING_BODY: &str = "Train and evaluate fraud detection models in PyTorch. \
    Fine-tune gradient-boosted models and build offline evaluation for them. \
    3+ years building machine learning models that reached production.";

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
