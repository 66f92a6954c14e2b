//! A deterministic corpus of synthetic job postings for the benchmarks.
//!
//! Shared by `benches/pipeline.rs` (in-memory corpora) and
//! `examples/gen_corpus.rs` (CSV, JSON Lines and HTML files on disk): one
//! copy of the generator. Posting `i` depends only on the seed and `i`, so a
//! corpus of 20,000 postings is the first 20,000 rows of one of 100,000, and
//! the same seed always gives the same bytes.
//!
//! Postings are built from phrase banks written for this file: English and
//! Korean (about half each), roles modeling / backend / frontend / research /
//! none, 2-6 KB of text in sections (company intro, responsibilities,
//! requirements, preferred, benefits, process) with the heading styles of
//! both languages' job boards. HTML pages are 30-80 KB with navigation,
//! scripts, a sidebar, a footer and, on half of them, a JSON-LD JobPosting.

// Each user takes the part it needs: the example writes files, the benches
// build corpora in memory.
#![allow(dead_code)]

use std::io::{self, Write};

/// SplitMix64: tiny, fast, and good enough to pick phrases.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// An index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[usize]) -> usize {
        let total: usize = weights.iter().sum();
        let mut x = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

/// The generator of posting `index`: independent of every other posting.
fn rng_for(seed: u64, index: usize, stream: u64) -> Rng {
    let mut mix = Rng::new(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
    let base = mix.next_u64();
    let mut r = Rng::new(base ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    r.next_u64();
    r
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ko,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Modeling,
    Backend,
    Frontend,
    Research,
    None,
}

impl Role {
    const ALL: [Role; 5] = [
        Role::Modeling,
        Role::Backend,
        Role::Frontend,
        Role::Research,
        Role::None,
    ];
    /// Share of each role in the corpus, in percent.
    const WEIGHTS: [usize; 5] = [25, 25, 15, 15, 20];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    About,
    /// About the role or the team (a section of kind "other").
    Role,
    Responsibilities,
    Requirements,
    Preferred,
    Benefits,
    Process,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::About,
        Kind::Role,
        Kind::Responsibilities,
        Kind::Requirements,
        Kind::Preferred,
        Kind::Benefits,
        Kind::Process,
    ];
}

#[derive(Debug, Clone)]
pub struct Section {
    pub kind: Kind,
    pub heading: String,
    /// Paragraphs (About, Role) or list items (the rest).
    pub items: Vec<String>,
    /// Sentence templates used so far.
    used: Vec<&'static str>,
}

/// One synthetic posting.
#[derive(Debug, Clone)]
pub struct Posting {
    pub id: String,
    pub title: String,
    pub company: String,
    pub location: String,
    pub lang: Lang,
    pub role: Role,
    pub sections: Vec<Section>,
    /// How headings and list items are written in the plain-text body.
    style: usize,
    /// Whether the body repeats the title and a key-value line on top.
    title_line: bool,
    meta_line: bool,
}

// ---------------------------------------------------------------------------
// Phrase banks. `{slot}` is replaced by a pick from the slot's bank.

fn slot(name: &str, lang: Lang) -> &'static [&'static str] {
    let ko = lang == Lang::Ko;
    match name {
        "mlfw" => &[
            "PyTorch",
            "TensorFlow",
            "JAX",
            "scikit-learn",
            "XGBoost",
            "LightGBM",
            "Hugging Face Transformers",
            "Keras",
        ],
        "lang" => &[
            "Python",
            "Go",
            "Java",
            "Kotlin",
            "Rust",
            "TypeScript",
            "Node.js",
            "C++",
            "Scala",
        ],
        "infra" => &[
            "Kubernetes",
            "AWS",
            "GCP",
            "Azure",
            "Docker",
            "Terraform",
            "Helm",
        ],
        "db" => &[
            "PostgreSQL",
            "MySQL",
            "Redis",
            "MongoDB",
            "ClickHouse",
            "BigQuery",
            "DynamoDB",
        ],
        "queue" => &["Kafka", "RabbitMQ", "Pub/Sub", "Kinesis", "NATS"],
        "serving" => &[
            "vLLM",
            "Triton Inference Server",
            "TorchServe",
            "Ray Serve",
            "TensorRT-LLM",
            "BentoML",
            "KServe",
        ],
        "vdb" => &[
            "pgvector",
            "Milvus",
            "Qdrant",
            "Elasticsearch",
            "OpenSearch",
            "Weaviate",
        ],
        "fe" => &["React", "Next.js", "Vue", "Svelte", "Angular", "Remix"],
        "viz" => &["D3", "ECharts", "Recharts", "WebGL", "Three.js", "Canvas"],
        "venue" => &[
            "NeurIPS",
            "ICML",
            "ICLR",
            "CVPR",
            "ACL",
            "EMNLP",
            "Interspeech",
            "KDD",
            "ECCV",
        ],
        "tracker" => &["MLflow", "Weights & Biases", "Kubeflow", "Airflow", "DVC"],
        "metric" => &[
            "NDCG",
            "recall@k",
            "AUC",
            "WER",
            "F1",
            "mAP",
            "BLEU",
            "precision",
        ],
        "n" => &["2", "3", "4", "5", "6", "7"],
        "big" => &["12", "40", "85", "120", "300", "650", "900"],
        "year" => &[
            "2011", "2014", "2016", "2017", "2018", "2019", "2020", "2021", "2022",
        ],
        "model" if ko => &[
            "추천",
            "랭킹",
            "이상 탐지",
            "음성 인식",
            "OCR",
            "수요 예측",
            "객체 탐지",
            "문서 분류",
            "검색",
            "번역",
        ],
        "model" => &[
            "ranking",
            "recommendation",
            "fraud detection",
            "speech recognition",
            "OCR",
            "demand forecasting",
            "object detection",
            "text classification",
            "retrieval",
            "anomaly detection",
        ],
        "topic" if ko => &[
            "멀티모달 학습",
            "강화학습",
            "음성 합성",
            "효율적인 학습",
            "언어 모델 정렬",
            "3D 비전",
            "표현 학습",
            "그래프 신경망",
            "로봇 학습",
        ],
        "topic" => &[
            "multimodal learning",
            "reinforcement learning",
            "speech synthesis",
            "efficient training",
            "alignment of language models",
            "3D vision",
            "representation learning",
            "graph neural networks",
            "robot learning",
        ],
        "domain" if ko => &[
            "커머스",
            "핀테크",
            "헬스케어",
            "물류",
            "교육",
            "미디어",
            "제조",
            "게임",
            "법률",
        ],
        "domain" => &[
            "e-commerce",
            "fintech",
            "healthcare",
            "logistics",
            "education",
            "media",
            "manufacturing",
            "gaming",
            "legal",
        ],
        "data" if ko => &[
            "클릭 로그",
            "거래 데이터",
            "의료 영상",
            "상담 음성",
            "스캔 문서",
            "센서 데이터",
            "상품 정보",
            "사용자 리뷰",
        ],
        "data" => &[
            "click logs",
            "transaction records",
            "medical images",
            "call-center audio",
            "scanned documents",
            "sensor streams",
            "product catalog text",
            "user reviews",
        ],
        "team" if ko => &[
            "검색",
            "광고",
            "플랫폼",
            "결제",
            "추천",
            "비전",
            "음성",
            "데이터",
        ],
        "team" => &[
            "Search",
            "Ads",
            "Platform",
            "Payments",
            "Growth",
            "Trust & Safety",
            "Vision",
            "Speech",
            "Data",
        ],
        "product" if ko => &[
            "문서 AI 플랫폼",
            "쇼핑 어시스턴트",
            "음성 상담 솔루션",
            "학습 관리 서비스",
            "사진 편집 앱",
            "물류 최적화 솔루션",
            "의료 영상 판독 보조 도구",
            "사내 검색 서비스",
        ],
        "product" => &[
            "a document AI platform",
            "a shopping assistant",
            "a voice support product",
            "a learning platform for schools",
            "a photo editing app",
            "route planning software",
            "tools that help radiologists read scans",
            "enterprise search",
        ],
        "customers" if ko => &[
            "병원",
            "유통사",
            "은행",
            "학교",
            "법무법인",
            "게임사",
            "제조사",
            "공공기관",
        ],
        "customers" => &[
            "hospitals",
            "retailers",
            "banks",
            "schools",
            "law firms",
            "game studios",
            "manufacturers",
            "public agencies",
        ],
        "tail" if ko => &[
            "",
            "",
            "",
            " (소규모 팀)",
            ", 기획부터 운영까지",
            " 및 지속적인 개선",
            ", 유관 부서와 긴밀히 협업",
            " (주도적으로 진행)",
            " - 신규 서비스 출시 준비 포함",
            ", 팀 내 기술 문서화",
            " (해외 고객사 포함)",
            ", 기존 시스템 개선과 신규 개발 병행",
        ],
        "tail" => &[
            "",
            "",
            "",
            " with a small, senior team",
            ", from prototype to production",
            " across several regions",
            ", working closely with product and design",
            " and write down what you learn",
            ", for customers in {domain}",
            "; you decide what to build first",
            ", with code review and tests as a matter of course",
            " while keeping the existing system running",
        ],
        _ => &["?"],
    }
}

/// Replaces each `{slot}` of a template; `{company}` and `{city}` come from the posting.
fn fill(template: &str, rng: &mut Rng, lang: Lang, company: &str, city: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("closed slot");
        let name = &rest[open + 1..close];
        match name {
            "company" => out.push_str(company),
            "city" => out.push_str(city),
            _ => {
                let value = rng.pick(slot(name, lang));
                if value.contains('{') {
                    out.push_str(&fill(value, rng, lang, company, city));
                } else {
                    out.push_str(value);
                }
            }
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The phrase banks of one kind of job.
struct Job {
    titles: &'static [&'static str],
    duties: &'static [&'static str],
    asks: &'static [&'static str],
    pluses: &'static [&'static str],
}

/// Kinds of non-AI job: sales, recruiting, marketing, a plain payments
/// backend, finance, customer success.
const NONE_JOBS: usize = 6;

fn job(role: Role, lang: Lang, func: usize) -> Job {
    match (lang, role) {
        (Lang::En, Role::Modeling) => Job {
            titles: &[
                "Machine Learning Engineer",
                "Senior Machine Learning Engineer, {team}",
                "Applied Scientist, {model}",
                "Data Scientist ({model} models)",
                "ML Engineer, {model}",
                "Computer Vision Engineer",
            ],
            duties: &[
                "Train and evaluate {model} models on {data}{tail}",
                "Fine-tune open-weight LLMs for {domain} tasks and measure {metric} before and after",
                "Build reproducible training pipelines in {mlfw} and track experiments in {tracker}",
                "Design features from {data} and own their definitions in the feature store",
                "Run offline evaluation with {metric} and design A/B tests with the analytics team",
                "Improve model quality through better labels, data cleaning and error analysis{tail}",
                "Ship models to production with the platform team and watch them for drift",
                "Distill and quantize large models so that they fit a {big} ms latency budget",
                "Build {model} models that combine text and image signals{tail}",
                "Set up active learning loops so that labellers see the examples that matter most",
                "Write clear experiment reports that product managers can act on",
                "Own the {model} model for {domain} customers end to end, from data to monitoring",
                "Replace hand-written rules with learned models where the data supports it{tail}",
            ],
            asks: &[
                "{n}+ years of experience training machine learning models that reached production",
                "Strong Python and SQL; hands-on experience with {mlfw}",
                "A solid grasp of evaluation metrics such as {metric}, and of how they can mislead",
                "Experience with deep learning for {model} or a related problem",
                "Comfort working with large datasets in Spark or BigQuery",
                "BS or MS in computer science, statistics or a related field, or equivalent experience",
                "Experience taking a model from a notebook to a monitored production service",
                "Working knowledge of {mlfw} and {tracker}",
            ],
            pluses: &[
                "Experience with LLM fine-tuning and retrieval-augmented generation",
                "Kaggle or other competition results",
                "Publications on {model} or {topic}",
                "Experience with {serving} or another inference stack",
                "Experience in {domain}",
            ],
        },
        (Lang::En, Role::Backend) => Job {
            titles: &[
                "Backend Engineer, {team}",
                "Software Engineer, Inference Platform",
                "Senior Backend Engineer (LLM Platform)",
                "MLOps Engineer",
                "Platform Engineer, Model Serving",
            ],
            duties: &[
                "Build and operate {lang} services on {infra}{tail}",
                "Design APIs for model inference with a p99 latency under {big} ms",
                "Run {queue} pipelines that move {big} million events a day into {db}",
                "Own the model serving layer built on {serving}{tail}",
                "Build retrieval pipelines: chunking, embeddings and vector search in {vdb}",
                "Make deployments safe with canary releases, autoscaling and rollbacks on {infra}",
                "Instrument services with OpenTelemetry and Prometheus and take part in on-call",
                "Build the LLM gateway: routing between providers, retries, caching and token metering",
                "Scale GPU inference clusters and keep the cost per request down{tail}",
                "Automate training and deployment pipelines so that a new model ships in hours, not weeks",
                "Design multi-tenant rate limiting and quotas for the public API",
                "Keep {db} healthy at {big} thousand queries per second",
            ],
            asks: &[
                "{n}+ years building backend systems in {lang} or a similar language",
                "Experience operating services on {infra} in production",
                "Good knowledge of {db} and of message queues such as {queue}",
                "Experience serving ML models in production, or a strong interest in learning it",
                "A methodical approach to performance: profile first, then optimise",
                "Experience with distributed systems and large-scale traffic",
                "Solid understanding of networking, caching and concurrency",
            ],
            pluses: &[
                "Experience with {serving} or similar inference engines",
                "Familiarity with vector databases such as {vdb}",
                "CUDA or GPU profiling experience",
                "Contributions to open-source infrastructure projects",
                "Experience with {infra} cost optimisation",
            ],
        },
        (Lang::En, Role::Frontend) => Job {
            titles: &[
                "Frontend Engineer, AI Products",
                "Senior Frontend Engineer ({fe})",
                "Product Engineer, Frontend (AI Assistant)",
                "UI Engineer, Conversational AI",
            ],
            duties: &[
                "Build chat interfaces in {fe} that stream LLM responses token by token",
                "Design reusable components in {fe} and TypeScript{tail}",
                "Visualise model outputs and confidence with {viz}",
                "Improve Core Web Vitals and accessibility across the product",
                "Prototype new AI features with designers and ship them behind feature flags",
                "Build editors where users review and correct what the model produced{tail}",
                "Own the web client's state management, testing and release process",
                "Make the assistant usable with a keyboard and a screen reader",
                "Build dashboards that show {customers} how the product is used",
                "Handle slow and failed responses gracefully, with retries and partial results",
            ],
            asks: &[
                "{n}+ years of professional frontend development with {fe}",
                "Strong TypeScript, HTML and CSS",
                "Experience building streaming or real-time interfaces",
                "An eye for detail in interaction design and accessibility",
                "Experience with testing tools such as Playwright or Testing Library",
                "Experience working closely with designers",
            ],
            pluses: &[
                "Experience with {viz} or other visualisation libraries",
                "Experience building products on top of LLM APIs",
                "A portfolio of side projects",
                "Familiarity with server-sent events and WebSockets",
            ],
        },
        (Lang::En, Role::Research) => Job {
            titles: &[
                "Research Scientist, {topic}",
                "Research Engineer, {topic}",
                "AI Researcher",
                "Senior Research Scientist",
            ],
            duties: &[
                "Develop new methods in {topic} and publish at venues such as {venue}",
                "Run large-scale pretraining experiments on thousands of GPUs",
                "Study the scaling behaviour of {topic} and write it up for the community",
                "Turn research prototypes into models the product teams can use{tail}",
                "Design benchmarks and evaluation protocols for {topic}",
                "Collaborate with university labs and mentor research interns",
                "Explore new architectures for {model} and report negative results honestly",
                "Set the research agenda for {topic} together with the team lead",
                "Release code and models to the open-source community",
            ],
            asks: &[
                "PhD in machine learning, computer science or a related field",
                "First-author publications at {venue} or similar venues",
                "Deep knowledge of {topic}",
                "Strong programming skills in Python and {mlfw}",
                "Experience running experiments on large GPU clusters",
                "A research track record in {topic} or a neighbouring field",
            ],
            pluses: &[
                "Experience with open-source research code used by others",
                "Experience in {domain} applications",
                "Experience mentoring students",
                "Publications at {venue}",
            ],
        },
        (Lang::En, Role::None) => match func % NONE_JOBS {
            0 => Job {
                titles: &["Account Executive, Enterprise", "Enterprise Sales Manager"],
                duties: &[
                    "Own the enterprise pipeline for {product} and close new accounts",
                    "Negotiate contracts with procurement teams at {customers}",
                    "Run discovery calls and product demos with technical buyers{tail}",
                    "Keep your forecast accurate in the CRM every week",
                    "Work with solutions engineers on proofs of concept",
                    "Build territory plans for {customers} in your region",
                ],
                asks: &[
                    "{n}+ years of B2B software sales",
                    "A record of meeting quota",
                    "Experience with Salesforce or HubSpot",
                    "Comfort explaining technical products to non-technical buyers",
                ],
                pluses: &["Experience selling to {customers}", "A second language"],
            },
            1 => Job {
                titles: &["Technical Recruiter", "Talent Partner, Engineering"],
                duties: &[
                    "Source, screen and hire engineers across the company",
                    "Run the interview loop and keep candidates informed at every step",
                    "Partner with hiring managers on job descriptions and scorecards{tail}",
                    "Report on funnel metrics and time to hire",
                    "Represent us at university fairs and meetups",
                ],
                asks: &[
                    "{n}+ years of technical recruiting",
                    "Experience hiring engineers and researchers",
                    "Excellent written communication",
                    "Familiarity with Greenhouse or Lever",
                ],
                pluses: &["Experience at a fast-growing startup", "A second language"],
            },
            2 => Job {
                titles: &["Marketing Manager", "Product Marketing Manager"],
                duties: &[
                    "Plan campaigns that explain {product} to {customers}",
                    "Write launch posts, case studies and newsletters{tail}",
                    "Own the webinar programme and the event calendar",
                    "Measure campaign results and report on pipeline",
                ],
                asks: &[
                    "{n}+ years of B2B marketing",
                    "Strong writing in English",
                    "Experience with marketing automation tools",
                ],
                pluses: &["Familiarity with {domain}", "Design skills"],
            },
            3 => Job {
                titles: &["Software Engineer, Payments", "Backend Engineer, Billing"],
                duties: &[
                    "Build REST APIs in {lang} for the billing and invoicing system",
                    "Integrate with payment providers and handle refunds and disputes",
                    "Keep the ledger consistent with {db} transactions and audits{tail}",
                    "Improve the reliability of the checkout flow",
                    "Run {queue} consumers that reconcile payments every night",
                ],
                asks: &[
                    "{n}+ years of backend development in {lang}",
                    "Experience with {db} and transactional systems",
                    "Experience with PCI DSS or similar compliance work",
                ],
                pluses: &["Experience with {infra}", "Experience in fintech"],
            },
            4 => Job {
                titles: &["Financial Analyst", "Senior Accountant"],
                duties: &[
                    "Prepare monthly financial reports and support the annual audit",
                    "Build the budget model with department heads{tail}",
                    "Analyse unit economics and gross margin",
                    "Own vendor payments and the expense policy",
                ],
                asks: &[
                    "{n}+ years in FP&A or accounting",
                    "Advanced spreadsheet skills",
                    "Attention to detail",
                ],
                pluses: &["CPA or equivalent", "Experience at a software company"],
            },
            _ => Job {
                titles: &["Customer Success Manager", "Customer Support Lead"],
                duties: &[
                    "Onboard new customers and run quarterly business reviews",
                    "Be the voice of {customers} inside the company",
                    "Spot renewal risks early and build recovery plans{tail}",
                    "Write help-centre articles from the questions you hear",
                ],
                asks: &[
                    "{n}+ years in customer success or account management",
                    "Calm under pressure",
                    "Experience with SaaS products",
                ],
                pluses: &["Experience with {domain} customers", "A second language"],
            },
        },
        (Lang::Ko, Role::Modeling) => Job {
            titles: &[
                "머신러닝 엔지니어",
                "AI 모델 개발자 ({model})",
                "데이터 사이언티스트",
                "딥러닝 엔지니어 ({model})",
                "컴퓨터 비전 엔지니어",
            ],
            duties: &[
                "{data} 기반 {model} 모델 개발{tail}",
                "{mlfw} 기반 모델 학습 파이프라인 구축 및 실험 관리 ({tracker})",
                "오픈 LLM 파인튜닝 및 {domain} 도메인 성능 평가 ({metric})",
                "모델 성능 개선을 위한 데이터 정제 및 라벨링 기준 수립{tail}",
                "오프라인 평가 지표 설계 및 A/B 테스트 분석",
                "대형 모델 경량화 (지식 증류, 양자화) 및 추론 최적화",
                "서비스 적용 이후 모델 모니터링 및 재학습 주기 관리",
                "텍스트와 이미지를 함께 사용하는 {model} 모델 연구 및 개발",
                "피처 설계 및 피처 스토어 관리 ({data})",
                "{domain} 고객사 데이터에 맞춘 모델 고도화{tail}",
                "규칙 기반 로직을 학습 기반 모델로 대체",
            ],
            asks: &[
                "머신러닝 모델 개발 경력 {n}년 이상",
                "Python 및 {mlfw} 활용 능숙자",
                "{model} 모델 학습 및 평가 경험",
                "대용량 데이터 처리 경험 (Spark, SQL)",
                "컴퓨터공학, 통계학 또는 관련 전공 학사 이상",
                "평가 지표({metric})에 대한 이해",
                "모델을 실제 서비스에 적용해 본 경험",
            ],
            pluses: &[
                "LLM 파인튜닝 및 RAG 구축 경험",
                "Kaggle 등 경진대회 수상 경력",
                "{topic} 관련 논문 게재 경험",
                "{serving} 등 모델 서빙 경험",
                "{domain} 도메인 경험",
            ],
        },
        (Lang::Ko, Role::Backend) => Job {
            titles: &[
                "백엔드 개발자 (LLM 플랫폼)",
                "MLOps 엔지니어",
                "서버 개발자 ({team})",
                "AI 플랫폼 백엔드 엔지니어",
                "모델 서빙 엔지니어",
            ],
            duties: &[
                "{lang} 기반 API 서버 설계, 개발 및 운영{tail}",
                "{serving} 기반 모델 서빙 인프라 구축",
                "{queue} 기반 대용량 데이터 파이프라인 개발 (일 {big}만 건)",
                "{vdb} 기반 벡터 검색 및 RAG 파이프라인 개발{tail}",
                "{infra} 환경에서 배포 자동화, 오토스케일링, 장애 대응",
                "LLM 게이트웨이 개발: 라우팅, 재시도, 캐싱, 토큰 사용량 집계",
                "GPU 추론 클러스터 운영 및 비용 최적화",
                "모니터링 체계 구축 (Prometheus, Grafana) 및 온콜 참여",
                "모델 학습 및 배포 자동화 파이프라인 구축{tail}",
                "{db} 성능 튜닝 및 데이터 모델링",
                "외부 공개 API의 인증, 사용량 제한, 과금 기능 개발",
            ],
            asks: &[
                "백엔드 개발 경력 {n}년 이상 ({lang})",
                "{infra} 환경에서 서비스 운영 경험",
                "{db} 및 메시지 큐({queue})에 대한 깊은 이해",
                "대규모 트래픽 서비스 개발 및 운영 경험",
                "모델 서빙 또는 ML 인프라에 대한 관심",
                "네트워크, 캐시, 동시성에 대한 이해",
            ],
            pluses: &[
                "{serving} 등 추론 엔진 운영 경험",
                "{vdb} 등 벡터 DB 운영 경험",
                "오픈소스 기여 경험",
                "GPU 인프라 운영 경험",
            ],
        },
        (Lang::Ko, Role::Frontend) => Job {
            titles: &[
                "프론트엔드 개발자",
                "프론트엔드 엔지니어 (AI 서비스)",
                "웹 프론트엔드 개발자 ({fe})",
            ],
            duties: &[
                "{fe} 기반 웹 서비스 UI 개발{tail}",
                "LLM 응답을 실시간으로 보여주는 채팅 화면 개발 (스트리밍)",
                "{viz} 기반 데이터 시각화 대시보드 개발",
                "디자인 시스템 컴포넌트 설계 및 유지보수{tail}",
                "웹 성능 최적화 및 접근성 개선",
                "모델 결과를 사용자가 검토하고 수정하는 편집 화면 개발",
                "프론트엔드 테스트 자동화 및 배포 파이프라인 관리",
                "응답 지연과 오류를 자연스럽게 처리하는 UX 구현",
            ],
            asks: &[
                "{fe} 기반 프론트엔드 개발 경력 {n}년 이상",
                "TypeScript, HTML, CSS에 능숙하신 분",
                "실시간 UI 또는 스트리밍 화면 개발 경험",
                "웹 접근성과 사용성에 대한 이해",
                "디자이너와 긴밀하게 협업해 본 경험",
            ],
            pluses: &[
                "{viz} 등 시각화 라이브러리 사용 경험",
                "LLM API를 활용한 서비스 개발 경험",
                "개인 프로젝트 포트폴리오",
            ],
        },
        (Lang::Ko, Role::Research) => Job {
            titles: &[
                "AI 리서처 ({topic})",
                "연구원 (머신러닝)",
                "리서치 사이언티스트",
                "AI 연구원",
            ],
            duties: &[
                "{topic} 분야 연구 및 주요 학회({venue}) 논문 게재",
                "대규모 사전학습 실험 설계 및 분석",
                "새로운 모델 구조 연구 및 벤치마크 구축{tail}",
                "연구 결과를 제품에 적용하기 위한 프로토타입 개발",
                "국내외 대학 연구실과의 공동 연구 진행",
                "{topic} 관련 최신 논문 리뷰 및 재현 실험",
                "연구 코드와 모델의 오픈소스 공개{tail}",
            ],
            asks: &[
                "머신러닝 또는 관련 분야 박사 학위 소지자",
                "{venue} 등 주요 학회 논문 게재 실적",
                "{topic}에 대한 깊은 이해",
                "Python 및 {mlfw} 기반 실험 구현 능력",
                "대규모 GPU 클러스터에서 실험해 본 경험",
            ],
            pluses: &[
                "오픈소스 연구 코드 공개 경험",
                "{domain} 분야 응용 경험",
                "영어로 논문을 작성하고 발표할 수 있는 분",
            ],
        },
        (Lang::Ko, Role::None) => match func % NONE_JOBS {
            0 => Job {
                titles: &["B2B 영업 매니저", "엔터프라이즈 영업 담당자"],
                duties: &[
                    "{customers} 대상 B2B 영업 및 제안서 작성",
                    "고객사 요구사항 분석 및 PoC 일정 관리{tail}",
                    "계약 협상 및 매출 목표 관리",
                    "파트너사와의 협력 영업",
                ],
                asks: &[
                    "B2B 솔루션 영업 경력 {n}년 이상",
                    "목표 달성 경험",
                    "CRM 사용 경험",
                ],
                pluses: &["{domain} 업계 네트워크", "영어 커뮤니케이션 가능자"],
            },
            1 => Job {
                titles: &["채용 담당자", "테크 리크루터"],
                duties: &[
                    "채용 전 과정 운영: 공고 작성, 서류 검토, 면접 일정 조율",
                    "개발 직군 인재 발굴 및 다이렉트 소싱{tail}",
                    "채용 브랜딩 콘텐츠 기획",
                    "채용 지표 관리 및 리포트 작성",
                ],
                asks: &[
                    "채용 실무 경력 {n}년 이상",
                    "개발 직군 채용 경험",
                    "원활한 커뮤니케이션 능력",
                ],
                pluses: &["스타트업 근무 경험", "영어 커뮤니케이션 가능자"],
            },
            2 => Job {
                titles: &["마케팅 매니저", "콘텐츠 마케터"],
                duties: &[
                    "{product} 마케팅 캠페인 기획 및 성과 분석",
                    "보도자료, 고객 사례, 뉴스레터 작성{tail}",
                    "온오프라인 행사 기획 및 운영",
                ],
                asks: &[
                    "B2B 마케팅 경력 {n}년 이상",
                    "글쓰기에 자신 있는 분",
                    "마케팅 자동화 도구 사용 경험",
                ],
                pluses: &["{domain} 업계 이해", "디자인 툴 사용 가능자"],
            },
            3 => Job {
                titles: &["웹 백엔드 개발자 (결제)", "서버 개발자 (정산)"],
                duties: &[
                    "{lang} 기반 결제 및 정산 시스템 API 개발",
                    "PG사 연동 및 환불, 취소 처리{tail}",
                    "{db} 트랜잭션 기반 원장 관리",
                    "주문 결제 흐름 안정성 개선",
                ],
                asks: &[
                    "백엔드 개발 경력 {n}년 이상",
                    "{db} 사용 경험",
                    "결제 도메인 경험",
                ],
                pluses: &["{infra} 사용 경험", "핀테크 업계 경험"],
            },
            4 => Job {
                titles: &["재무 회계 담당자", "재무 분석가"],
                duties: &[
                    "월별 결산 및 세무 신고 지원",
                    "연간 예산 수립 및 관리{tail}",
                    "외부 감사 대응",
                    "비용 정산 프로세스 운영",
                ],
                asks: &[
                    "회계 실무 경력 {n}년 이상",
                    "엑셀 활용 능력",
                    "꼼꼼한 업무 처리",
                ],
                pluses: &["회계사 자격 보유자", "IT 기업 근무 경험"],
            },
            _ => Job {
                titles: &["고객 성공 매니저", "고객 지원 리드"],
                duties: &[
                    "신규 고객사 온보딩 및 정기 미팅 운영",
                    "고객 이슈 접수 및 유관 부서 전달{tail}",
                    "재계약 관리 및 이탈 방지",
                    "도움말 문서 작성",
                ],
                asks: &[
                    "고객 관리 경력 {n}년 이상",
                    "SaaS 제품에 대한 이해",
                    "친절한 커뮤니케이션",
                ],
                pluses: &["{domain} 고객 응대 경험", "영어 커뮤니케이션 가능자"],
            },
        },
    }
}

const COMMON_ASKS_EN: &[&str] = &[
    "Clear written communication and a habit of writing things down",
    "Ownership: you follow your work into production",
    "Curiosity and the ability to learn new tools quickly",
    "Experience working in a team with code review and CI",
];
const COMMON_ASKS_KO: &[&str] = &[
    "원활한 커뮤니케이션 능력",
    "문제를 주도적으로 정의하고 해결하는 분",
    "새로운 기술을 빠르게 학습하는 분",
    "코드 리뷰 문화에 익숙하신 분",
];

const ABOUT_EN: &[&str] = &[
    "{company} builds {product} for {customers}.",
    "We were founded in {year} and now have about {big} people in {city} and remote.",
    "Our customers include {customers} in more than {n}0 countries.",
    "We are profitable, and we grow by building things people pay for.",
    "The team values small pull requests, written proposals and quiet focus time.",
    "We raised our Series B in {year} and are hiring across engineering and product.",
    "Every week, millions of people use what we build without knowing our name.",
    "We work in {domain}, where mistakes are expensive and trust is earned slowly.",
    "Most of us came from {domain} or from research labs, and we like both worlds.",
    "We publish our engineering handbook and our salary bands.",
    "Our engineers talk to customers every week; nobody builds in a vacuum.",
    "We keep meetings short and decisions written, so that people in every time zone can follow.",
];
const ABOUT_KO: &[&str] = &[
    "{company}의 주력 제품은 {customers} 고객을 위한 {product}입니다.",
    "{year}년에 설립되었으며 현재 {city}에서 약 {big}명이 함께 일하고 있습니다.",
    "국내외 {customers} {big}여 곳이 저희 서비스를 사용하고 있습니다.",
    "{year}년 시리즈 B 투자를 유치했고, 엔지니어링 조직을 확장하고 있습니다.",
    "저희는 작은 단위로 자주 배포하고, 결정의 이유를 문서로 남깁니다.",
    "{domain} 분야의 문제를 기술로 풀어 온 팀입니다.",
    "모든 구성원이 회사의 주요 지표와 의사결정 과정을 함께 봅니다.",
    "채용 과정에서 만난 모든 분께 결과와 피드백을 안내해 드립니다.",
    "수평적인 문화 속에서 서로의 코드를 리뷰하며 함께 성장합니다.",
    "매달 수백만 명의 사용자가 저희가 만든 서비스를 이용합니다.",
];

const ROLE_EN: &[&str] = &[
    "You will join the {team} team: {n} engineers, a designer and a product manager.",
    "The team owns its services end to end, from design documents to on-call.",
    "We ship small changes every day and review each other's code.",
    "This is a new position, opened because our {customers} customers keep asking for more.",
    "You will report to the head of engineering and work with colleagues in {city}.",
    "The first three months are about learning the product and meeting customers.",
    "Expect to split your time between new work and making the existing system calmer.",
];
const ROLE_KO: &[&str] = &[
    "{team} 팀은 엔지니어 {n}명과 디자이너, PM으로 구성되어 있습니다.",
    "팀은 설계 문서 작성부터 운영까지 서비스 전체를 책임집니다.",
    "매일 작은 단위로 배포하고 서로의 코드를 리뷰합니다.",
    "{customers} 고객사의 요청이 늘어나 새로 만든 포지션입니다.",
    "입사 후 첫 3개월은 제품과 고객을 이해하는 데 집중합니다.",
    "{city} 오피스에서 팀원들과 함께 일하게 됩니다.",
];

const BENEFITS_EN: &[&str] = &[
    "Competitive salary and equity",
    "Medical, dental and vision coverage",
    "A yearly learning budget for books, courses and conferences",
    "Flexible hours and hybrid work",
    "{n} weeks of paid vacation",
    "Parental leave for all parents",
    "A home-office stipend",
    "Lunch on office days",
    "A new laptop of your choice",
    "Retirement plan with company match",
];
const BENEFITS_KO: &[&str] = &[
    "업계 최고 수준의 연봉 및 스톡옵션",
    "자율 출퇴근 및 주 {n}회 재택근무",
    "도서, 강의, 컨퍼런스 비용 지원",
    "최신 장비 지원 (맥북 프로, 모니터)",
    "점심 식대 및 간식 제공",
    "건강검진 및 단체 상해보험",
    "리프레시 휴가 (근속 {n}년마다)",
    "생일 반차 및 경조사 지원",
    "사내 동호회 활동비 지원",
];

const PROCESS_EN: &[&str] = &[
    "A short call with our recruiter",
    "A technical interview with two engineers",
    "A take-home exercise of about three hours",
    "A system design conversation",
    "A conversation with the hiring manager",
    "References and offer",
];
const PROCESS_KO: &[&str] = &[
    "서류 전형",
    "코딩 테스트",
    "1차 기술 면접",
    "2차 컬처핏 면접",
    "처우 협의",
    "최종 합격",
];

/// Heading text per section kind, per language.
fn headings(kind: Kind, lang: Lang) -> &'static [&'static str] {
    match (lang, kind) {
        (Lang::En, Kind::About) => &["About us", "About {company}", "Who we are", "Our mission"],
        (Lang::En, Kind::Role) => &[
            "About the role",
            "The role",
            "Role overview",
            "About the team",
        ],
        (Lang::En, Kind::Responsibilities) => &[
            "What you'll do",
            "Responsibilities",
            "Key responsibilities",
            "Your role",
            "In this role",
        ],
        (Lang::En, Kind::Requirements) => &[
            "Requirements",
            "What we're looking for",
            "Qualifications",
            "About you",
            "Minimum qualifications",
        ],
        (Lang::En, Kind::Preferred) => &[
            "Nice to have",
            "Preferred qualifications",
            "Bonus points",
            "Even better",
        ],
        (Lang::En, Kind::Benefits) => &["Benefits", "What we offer", "Perks & benefits"],
        (Lang::En, Kind::Process) => &["Hiring process", "How we hire", "Interview process"],
        (Lang::Ko, Kind::About) => &["회사 소개", "팀 소개", "우리는", "기업 소개"],
        (Lang::Ko, Kind::Role) => &["포지션 소개", "직무 소개", "모집 분야"],
        (Lang::Ko, Kind::Responsibilities) => &["주요 업무", "주요업무", "담당 업무", "업무 내용"],
        (Lang::Ko, Kind::Requirements) => &["자격 요건", "자격요건", "필수 요건", "지원 자격"],
        (Lang::Ko, Kind::Preferred) => &["우대 사항", "우대사항", "우대 조건"],
        (Lang::Ko, Kind::Benefits) => &["복지 및 혜택", "혜택 및 복지", "복리후생", "근무 조건"],
        (Lang::Ko, Kind::Process) => &["채용 절차", "전형 절차", "채용 프로세스"],
    }
}

const COMPANY_EN_A: &[&str] = &[
    "North", "Blue", "Bright", "Cedar", "Iron", "Quiet", "Silver", "Harbor", "Maple", "Lumen",
    "Arc", "Tidal", "Copper", "Pine", "Nova",
];
const COMPANY_EN_B: &[&str] = &[
    "wind Labs",
    "fin Analytics",
    "path AI",
    "stone Systems",
    "field Robotics",
    "works",
    "leaf Health",
    "gate Data",
    "line Software",
    "mark Learning",
];
const COMPANY_KO_A: &[&str] = &[
    "누리", "한빛", "새봄", "다온", "마루", "가람", "하늘", "온새", "별빛", "바름", "솔빛", "미르",
];
const COMPANY_KO_B: &[&str] = &[
    "랩스",
    "테크",
    "소프트",
    "AI",
    "데이터",
    "로보틱스",
    "헬스케어",
    "웍스",
];
const CITIES_EN: &[&str] = &[
    "Berlin, Germany",
    "London, UK",
    "Toronto, ON",
    "Austin, TX",
    "Remote (US)",
    "Amsterdam, Netherlands",
    "Singapore",
    "New York, NY",
    "Seattle, WA",
];
const CITIES_KO: &[&str] = &[
    "서울 강남구",
    "서울 마포구",
    "경기 성남시 분당구",
    "서울 성동구",
    "부산 해운대구",
    "대전 유성구",
    "서울 서초구",
];

// ---------------------------------------------------------------------------
// Postings.

/// Bytes of body text: 2-6 KB.
const MIN_TEXT: usize = 2048;
const MAX_TEXT: usize = 6144;

/// Posting number `index` (0-based) of the corpus with this seed.
pub fn posting(seed: u64, index: usize) -> Posting {
    let mut rng = rng_for(seed, index, 1);
    let lang = if rng.chance(50) { Lang::Ko } else { Lang::En };
    let role = Role::ALL[rng.weighted(&Role::WEIGHTS)];
    let job = job(role, lang, rng.below(NONE_JOBS));
    let (company, location) = match lang {
        Lang::En => (
            format!("{}{}", rng.pick(COMPANY_EN_A), rng.pick(COMPANY_EN_B)),
            rng.pick(CITIES_EN).to_string(),
        ),
        Lang::Ko => (
            format!("{}{}", rng.pick(COMPANY_KO_A), rng.pick(COMPANY_KO_B)),
            rng.pick(CITIES_KO).to_string(),
        ),
    };
    let city = location.clone();
    let f = |rng: &mut Rng, t: &str| fill(t, rng, lang, &company, &city);
    let title_t = rng.pick(job.titles);
    let title = f(&mut rng, title_t);

    // A small posting with every kind of section, then grown to its size.
    let target = rng.range(MIN_TEXT + 150, MAX_TEXT - 300);
    let mut sections = Vec::new();
    for kind in Kind::ALL {
        let skip = match kind {
            Kind::Role => 40,
            Kind::Preferred | Kind::Process => 15,
            _ => 0,
        };
        if rng.chance(skip) {
            continue;
        }
        let h = rng.pick(headings(kind, lang));
        let heading = f(&mut rng, h);
        sections.push(Section {
            kind,
            heading,
            items: Vec::new(),
            used: Vec::new(),
        });
    }
    let (en, ko) = (lang == Lang::En, lang == Lang::Ko);
    let bank = |kind: Kind, rng: &mut Rng| -> &'static [&'static str] {
        match kind {
            Kind::About if en => ABOUT_EN,
            Kind::About => ABOUT_KO,
            Kind::Role if en => ROLE_EN,
            Kind::Role => ROLE_KO,
            Kind::Responsibilities => job.duties,
            Kind::Requirements if rng.chance(25) && en => COMMON_ASKS_EN,
            Kind::Requirements if rng.chance(25) && ko => COMMON_ASKS_KO,
            Kind::Requirements => job.asks,
            Kind::Preferred => job.pluses,
            Kind::Benefits if en => BENEFITS_EN,
            Kind::Benefits => BENEFITS_KO,
            Kind::Process if en => PROCESS_EN,
            Kind::Process => PROCESS_KO,
        }
    };
    let mut size = title.len() + 64;
    let add = |s: &mut Section, rng: &mut Rng, size: &mut usize| {
        let item = match s.kind {
            Kind::About | Kind::Role => {
                // A paragraph of two to four different sentences.
                let n = rng.range(2, 4);
                // Sentences the section has not used yet come first, so that
                // a company is not founded twice in one blurb.
                let mut parts: Vec<String> = Vec::with_capacity(n);
                for _ in 0..n {
                    let b = bank(s.kind, rng);
                    let mut t = rng.pick(b);
                    for _ in 0..8 {
                        if !s.used.contains(&t) {
                            break;
                        }
                        t = rng.pick(b);
                    }
                    s.used.push(t);
                    parts.push(f(rng, t));
                }
                parts.join(" ")
            }
            // Steps in order, each once.
            Kind::Process => {
                let steps = bank(Kind::Process, rng);
                steps[s.items.len() % steps.len()].to_string()
            }
            // A list item the section does not have yet, if one comes up.
            _ => {
                let mut item = String::new();
                for _ in 0..8 {
                    let b = bank(s.kind, rng);
                    let t = rng.pick(b);
                    item = f(rng, t);
                    if !s.items.contains(&item) {
                        break;
                    }
                }
                item
            }
        };
        *size += item.len() + 4;
        s.items.push(item);
    };
    for s in sections.iter_mut() {
        size += s.heading.len() + 6;
        let base = match s.kind {
            Kind::About | Kind::Role => 1,
            Kind::Preferred => 2,
            _ => 3,
        };
        for _ in 0..base {
            add(s, &mut rng, &mut size);
        }
    }
    // Grow the job's own sections most, up to a length postings have; then the blurbs.
    while size < target {
        let weights: Vec<usize> = sections
            .iter()
            .map(|s| match (s.kind, s.items.len()) {
                (Kind::Responsibilities, n) if n < 14 => 30,
                (Kind::Requirements, n) if n < 12 => 25,
                (Kind::Preferred, n) if n < 7 => 12,
                (Kind::Benefits, n) if n < 10 => 10,
                (Kind::Process, n) if n < 6 => 4,
                (Kind::About | Kind::Role, _) => 8,
                _ => 0,
            })
            .collect();
        let i = rng.weighted(&weights);
        add(&mut sections[i], &mut rng, &mut size);
    }
    let style = rng.below(4);
    let title_line = rng.chance(20);
    let meta_line = rng.chance(40);
    Posting {
        id: format!("job-{:06}", index + 1),
        title,
        company,
        location,
        lang,
        role,
        sections,
        style,
        title_line,
        meta_line,
    }
}

impl Posting {
    /// The posting as plain text / Markdown-ish text, as a job board export
    /// would hold it in a description column.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(MAX_TEXT);
        if self.title_line {
            out.push_str(&self.title);
            out.push_str("\n\n");
        }
        if self.meta_line {
            match self.lang {
                Lang::En => out.push_str(&format!("Location: {} · Full-time\n\n", self.location)),
                Lang::Ko => out.push_str(&format!("근무지: {} | 정규직\n\n", self.location)),
            }
        }
        for s in &self.sections {
            out.push_str(&self.heading_line(&s.heading));
            out.push('\n');
            for (i, item) in s.items.iter().enumerate() {
                if matches!(s.kind, Kind::About | Kind::Role) {
                    out.push_str(item);
                    out.push_str("\n\n");
                    continue;
                }
                if s.kind == Kind::Process {
                    out.push_str(&format!("{}. {item}\n", i + 1));
                    continue;
                }
                out.push_str(self.bullet());
                out.push_str(item);
                out.push('\n');
            }
            out.push('\n');
        }
        out
    }

    fn heading_line(&self, h: &str) -> String {
        match (self.lang, self.style) {
            (Lang::En, 0) => format!("## {h}"),
            (Lang::En, 1) => format!("{h}:"),
            (Lang::En, 2) => format!("**{h}**"),
            (Lang::En, _) => h.to_string(),
            (Lang::Ko, 0) => format!("[{h}]"),
            (Lang::Ko, 1) => format!("■ {h}"),
            (Lang::Ko, 2) => format!("## {h}"),
            (Lang::Ko, _) => format!("<{h}>"),
        }
    }

    fn bullet(&self) -> &'static str {
        match (self.lang, self.style) {
            (Lang::En, 1) => "* ",
            (Lang::Ko, 1) => "· ",
            (Lang::Ko, 3) => "ㆍ",
            _ => "- ",
        }
    }

    /// The posting's sections as an HTML fragment (`<h2>`, `<ul>`, `<p>`).
    pub fn html_fragment(&self) -> String {
        let mut out = String::with_capacity(MAX_TEXT + 1024);
        for s in &self.sections {
            out.push_str(&format!("<h2>{}</h2>", escape(&s.heading)));
            match s.kind {
                Kind::About | Kind::Role => {
                    for p in &s.items {
                        out.push_str(&format!("<p>{}</p>", escape(p)));
                    }
                }
                Kind::Process => {
                    out.push_str("<ol>");
                    for p in &s.items {
                        out.push_str(&format!("<li>{}</li>", escape(p)));
                    }
                    out.push_str("</ol>");
                }
                _ => {
                    out.push_str("<ul>");
                    for p in &s.items {
                        out.push_str(&format!("<li>{}</li>", escape(p)));
                    }
                    out.push_str("</ul>");
                }
            }
        }
        out
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

// ---------------------------------------------------------------------------
// HTML pages.

const NAV_EN: &[&str] = &[
    "Product",
    "Solutions",
    "Pricing",
    "Docs",
    "Blog",
    "Customers",
    "Careers",
    "Company",
    "Press",
    "Security",
    "Status",
    "Community",
    "Partners",
    "Events",
];
const NAV_KO: &[&str] = &[
    "제품",
    "솔루션",
    "요금제",
    "문서",
    "블로그",
    "고객사례",
    "채용",
    "회사소개",
    "보도자료",
    "보안",
    "커뮤니티",
    "파트너",
    "이벤트",
];
const WORDS: &[&str] = &[
    "alpha", "beacon", "canvas", "delta", "ember", "fjord", "glide", "harbor", "index", "jetty",
    "kernel", "lattice", "mosaic", "nimbus", "orbit", "prism", "quartz", "ripple", "summit",
    "tango", "umbra", "vertex", "willow", "xenon", "yonder", "zephyr",
];

/// Appends pieces from `piece` until `out` has grown by `budget` bytes.
fn grow_to(out: &mut String, budget: usize, mut piece: impl FnMut(&mut String, usize)) {
    let start = out.len();
    let mut i = 0;
    while out.len() - start < budget {
        piece(out, i);
        i += 1;
    }
}

/// Page number `index` of the corpus: the posting's text inside a whole
/// careers page, 30-80 KB. Half of the pages carry a JSON-LD JobPosting.
pub fn html_page(seed: u64, index: usize) -> String {
    let p = posting(seed, index);
    let mut rng = rng_for(seed, index, 2);
    let target = rng.range(30 * 1024 + 512, 80 * 1024 - 1536);
    let jsonld = rng.chance(50);
    let (nav, lang_attr) = match p.lang {
        Lang::En => (NAV_EN, "en"),
        Lang::Ko => (NAV_KO, "ko"),
    };
    let fragment = p.html_fragment();
    let ld = if jsonld {
        let v = serde_json::json!({
            "@context": "https://schema.org/",
            "@type": "JobPosting",
            "title": p.title,
            "description": fragment,
            "datePosted": format!("2025-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28)),
            "employmentType": "FULL_TIME",
            "hiringOrganization": {"@type": "Organization", "name": p.company},
            "jobLocation": {"@type": "Place", "address": {
                "@type": "PostalAddress",
                "addressLocality": p.location,
            }},
            "identifier": {"@type": "PropertyValue", "value": p.id},
        });
        format!(
            "<script type=\"application/ld+json\">\n{}\n</script>\n",
            serde_json::to_string_pretty(&v).expect("JSON")
        )
    } else {
        String::new()
    };

    // The parts every page has, then filler in proportion up to the target size.
    let core = fragment.len() + ld.len() + 1500;
    let rest = target.saturating_sub(core);
    let word = |rng: &mut Rng| rng.pick(WORDS);
    let mut css = String::new();
    grow_to(&mut css, rest * 12 / 100, |o, i| {
        let (a, b) = (word(&mut rng), word(&mut rng));
        o.push_str(&format!(
            ".{a}-{b}-{i} {{ margin: {}px {}px; color: #{:06x}; display: flex; gap: {}px; }}\n",
            rng.below(40),
            rng.below(40),
            rng.next_u64() & 0xFF_FFFF,
            rng.below(24)
        ));
    });
    let mut head_js = String::from("window.__CONFIG__ = {\n");
    grow_to(&mut head_js, rest * 22 / 100, |o, i| {
        let (a, b) = (word(&mut rng), word(&mut rng));
        o.push_str(&format!(
            "  \"{a}.{b}.{i}\": {{\"label\": \"{a} {b}\", \"href\": \"/{a}/{i}\", \"weight\": {}}},\n",
            rng.below(1000)
        ));
    });
    head_js.push_str("};\n");
    let mut menu = String::new();
    grow_to(&mut menu, rest * 16 / 100, |o, i| {
        let label = rng.pick(nav);
        o.push_str(&format!(
            "<li class=\"menu-group\"><a href=\"/{}/{i}\">{label}</a><ul class=\"submenu\">",
            word(&mut rng)
        ));
        for _ in 0..rng.range(3, 7) {
            let (a, b) = (word(&mut rng), word(&mut rng));
            o.push_str(&format!("<li><a href=\"/{a}/{b}\">{label} {a}</a></li>"));
        }
        o.push_str("</ul></li>\n");
    });
    let mut aside = String::new();
    grow_to(&mut aside, rest * 20 / 100, |o, i| {
        let other = posting(seed, index.wrapping_mul(31).wrapping_add(i + 1) % 1_000_003);
        o.push_str(&format!(
            "<div class=\"job-card\"><a href=\"/jobs/{i}\"><h3>{}</h3></a><p class=\"company\">{}</p><p class=\"location\">{}</p><span class=\"tag\">{}</span></div>\n",
            escape(&other.title),
            escape(&other.company),
            escape(&other.location),
            word(&mut rng)
        ));
    });
    let mut footer = String::new();
    grow_to(&mut footer, rest * 14 / 100, |o, i| {
        let label = rng.pick(nav);
        o.push_str(&format!(
            "<div class=\"footer-col\"><h4>{label}</h4><ul><li><a href=\"/{0}\">{label} {0}</a></li><li><a href=\"/{1}/{i}\">{1}</a></li><li><a href=\"/legal/{i}\">{2}</a></li></ul></div>\n",
            word(&mut rng),
            word(&mut rng),
            word(&mut rng)
        ));
    });
    let mut tail_js = String::new();
    grow_to(&mut tail_js, rest * 16 / 100, |o, i| {
        let a = word(&mut rng);
        o.push_str(&format!(
            "function track_{a}_{i}(e){{if(!e||!e.target)return;var d=e.target.dataset||{{}};window.dataLayer=window.dataLayer||[];dataLayer.push({{event:\"{a}_{i}\",id:d.id,value:{}}});}}\n",
            rng.below(10_000)
        ));
    });

    let mut page = String::with_capacity(target + 4096);
    page.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_attr}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} - {company} Careers</title>\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:site_name\" content=\"{company}\">\n\
         <link rel=\"stylesheet\" href=\"/static/site.css\">\n<style>\n{css}</style>\n\
         <script>\n{head_js}</script>\n{ld}</head>\n",
        title = escape(&p.title),
        company = escape(&p.company),
    ));
    let (cookie, apply, similar) = match p.lang {
        Lang::En => (
            "We use cookies to improve your experience. <button>Accept all</button> <button>Settings</button>",
            "Apply for this job",
            "Similar jobs",
        ),
        Lang::Ko => (
            "더 나은 서비스를 위해 쿠키를 사용합니다. <button>모두 동의</button> <button>설정</button>",
            "지원하기",
            "비슷한 공고",
        ),
    };
    page.push_str(&format!(
        "<body class=\"job-page\">\n<div class=\"cookie-banner\" id=\"cookie-consent\">{cookie}</div>\n\
         <header class=\"site-header\"><a class=\"logo\" href=\"/\">{company}</a>\n\
         <nav class=\"gnb\"><ul>\n{menu}</ul></nav></header>\n\
         <main id=\"content\">\n<p class=\"breadcrumbs\"><a href=\"/careers\">Careers</a> / <a href=\"/careers/eng\">Engineering</a></p>\n\
         <h1>{title}</h1>\n<ul class=\"job-meta\"><li>{location}</li><li>Full-time</li></ul>\n\
         <section class=\"job-description\">\n{fragment}\n</section>\n\
         <p><a class=\"apply-button\" href=\"/apply/{id}\">{apply}</a></p>\n</main>\n\
         <aside class=\"similar-jobs\"><h2>{similar}</h2>\n{aside}</aside>\n\
         <footer class=\"site-footer\">\n{footer}<p class=\"legal\">&copy; 2025 {company}</p></footer>\n\
         <script>\n{tail_js}</script>\n</body>\n</html>\n",
        company = escape(&p.company),
        title = escape(&p.title),
        location = escape(&p.location),
        id = p.id,
    ));
    page
}

// ---------------------------------------------------------------------------
// Files.

/// Writes `n` postings as CSV: id,title,company,location,description.
pub fn write_csv<W: Write>(seed: u64, n: usize, out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["id", "title", "company", "location", "description"])?;
    for i in 0..n {
        let p = posting(seed, i);
        w.write_record([&p.id, &p.title, &p.company, &p.location, &p.text()])?;
    }
    w.flush()?;
    Ok(())
}

/// Writes `n` postings as JSON Lines with the same fields as the CSV.
pub fn write_jsonl<W: Write>(seed: u64, n: usize, mut out: W) -> io::Result<()> {
    for i in 0..n {
        let p = posting(seed, i);
        let v = serde_json::json!({
            "id": p.id,
            "title": p.title,
            "company": p.company,
            "location": p.location,
            "description": p.text(),
        });
        serde_json::to_writer(&mut out, &v)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
