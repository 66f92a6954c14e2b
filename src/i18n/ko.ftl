# rolefit이 사람에게 하는 말, 한국어. en.ftl과 같은 id를 모두 가집니다(테스트가
# 확인). 인자는 { $name }로 씁니다. 데이터(JSON, CSV)는 여기를 거치지 않습니다.

## 코어 타입의 이름

role-modeling = 모델링
role-backend = 백엔드
role-frontend = 프론트엔드
role-research = 리서치
role-none = AI 아님
role-or-alternative = { $role } ({ $p }) 또는 { $alternative } ({ $q })
title-differs = 제목은 { $title }, 내용은 { $role }
report-alternative = ({ $p }) 또는 { $alternative } ({ $q })

section-title = 제목
section-other = 기타
section-about = 회사 소개
section-responsibilities = 주요업무
section-requirements = 자격요건
section-preferred = 우대사항
section-benefits = 복지
section-process = 채용 절차

signal-ai = AI 일반
signal-function = 비AI 직무

need-required = 필수
need-preferred = 우대

degree-bs = 학사
degree-ms = 석사
degree-phd = 박사

lang-en = 영어
lang-ko = 한국어
lang-other = 기타

line-ref = { $n }행
not-applicable = 해당 없음
error = 오류

## 표 (`--format table`)

table-untitled = (제목 없음)
table-role = 직무
table-secondary = 보조 직무
table-confidence = 확신도
table-lang = 언어
table-evidence = 근거
table-fit = 적합도
table-fit-more = (외 { $n }개)
table-fit-parts = 직무 적합 { $role }, 필수 기술 충족 { $required }, 우대 기술 충족 { $preferred }

fit-matches = 갖춘 기술
fit-missing-required = 부족한 기술 (필수)
fit-missing-preferred = 부족한 기술 (우대)
fit-edge = 나의 강점
fit-literal = 글자 그대로 일치

req-asks-for = 요구 사항
req-years-any = 경력 무관 (신입 가능)
req-years-min = 경력 { $n }년 이상
req-experience = 경력: { $what } ({ $need }, { $line })
req-degree-not-required = 학력 무관
req-degree-level = { $level } 학위 { $need }
req-degree-equivalent = { $level } 학위 { $need }, 동등한 경력 인정
req-degree = 학력: { $what } ({ $line })

evidence-publications = 논문 실적
evidence-competitions = 대회 수상
evidence-large-scale = 대규모 서비스 경험

explain-ai-signal = AI 직무일 확률: { $score } (1 - AI 아님)
explain-hits = { $signal } (근거 { $n }개)
explain-negated = 부정됨
explain-sections = 섹션
explain-lead = { $label } 대 { $over }: 로그 오즈 { $total } 앞섬 (약 { $odds } 대 1)
explain-lead-sure = { $label } 대 { $over }: 로그 오즈 { $total } 앞섬 (1000 대 1 이상)
explain-lead-function = { $label } 대 { $over }: 제목이 AI가 아닌 직무를 말하고 업무 내용이 이를 확인함 (모델의 로그 오즈: { $total })
explain-lead-parts = 패턴 { $hits } · 제목 { $title } · 회사 소개 { $blurb } · 섹션 합계 { $totals } · 기본값 { $bias }
explain-lead-for = { $label } 쪽 근거
explain-lead-mixed = 글이 짧아, 보이는 확률은 모델의 확률 { $share }%와 같은 확률 { $rest }%를 섞은 것이라 로그 오즈보다 서로 가깝습니다

## 마크다운 (`--format md`)

md-title = rolefit 보고서
md-col-id = id
md-col-title = 제목
md-col-company = 회사
md-source = 출처
md-scores = 확률
md-advice = 조언
md-evidence-head = 신호 | 패턴 | 일치한 말 | 섹션 | 행 | 가중치

## 진행 표시 (stderr, batch)

progress-rows = 행
progress-errors = 오류 { $n }건

## 채용 시장 요약 (`batch --summary`, `--summary-out`, 보고서)

summary-title = 채용 시장 요약
summary-overview = 전체 { $rows }행: 성공 { $ok }, 오류 { $errors }.
summary-overview-langs = { $text } 언어: { $langs }.
summary-roles = 직무
summary-uncertain = 불확실: { $of }건 중 { $n }건 (두 번째 역할과 확률이 가깝습니다: 공고의 `alternative`).
summary-titles = 제목과 실제 역할
summary-titles-note = 제목이 말하는 역할과 업무 내용이 말하는 역할이 다른 공고입니다(제목은 리서치, 내용은 모델링: 리서치 → 모델링).
summary-col-title-role = 제목 → 역할
summary-skills = 가장 많이 요구하는 기술
summary-no-skills = 기술을 필수로 요구하는 공고가 없습니다.
summary-skills-note = 공고가 필수로 요구하는 기술 (공고마다 한 번씩 셈, 상위 { $n }개).
summary-col-skill = 기술
summary-col-postings = 공고 수
summary-col-share = 비율
summary-skills-by-role = 직무별 필수 기술
summary-col-top-skills = 주요 필수 기술 (공고 수)
summary-degree = 학력
summary-degree-note = 공고 { $ok }개 중 { $hard }개가 학위를 필수로 요구하고, { $soft }개는 우대하거나 동등한 경력을 인정합니다. "우대"는 필수가 아닙니다.
summary-col-degree = 학력
summary-col-levels = 학위
summary-degree-hard = 필수
summary-degree-soft = 우대만
summary-degree-unspecified = 학위 미지정
summary-not-mentioned = 언급 없음
summary-years = 경력 연차
summary-col-years = 경력
req-years-any-short = 무관 / 신입
summary-years-range = { $from }-{ $to }년
summary-years-over = { $n }년 이상
summary-not-stated = 언급 없음
summary-need-note = 필수 { $required }, 우대 { $preferred }
summary-evidence = 요구하는 실적
summary-col-evidence = 실적
summary-col-need = 요구 수준
summary-evidence-large-scale = 대규모 서비스 경험
summary-fit = 나의 적합도
summary-fit-note = 점수를 매긴 공고 { $scored }개 중 { $well }개가 잘 맞습니다 ({ $good }점 이상).
summary-col-score = 점수
summary-strengths = 수요가 있는 나의 강점
summary-strengths-none = 강점 가운데 rolefit이 아는 기술이 없습니다.
summary-strengths-note = 내 기술 각각을 요구하는 공고 수 (필수와 우대 모두).
summary-to-learn = 다음에 배울 것
summary-whose-preferred = 희망 직무
summary-whose-inferred = 강점이 가리키는 직무
summary-whose-all = 모든 AI 직무
summary-to-learn-note = { $whose }({ $roles }) 공고 { $n }개가 요구하지만 내 강점에 없는 기술, 수요 순.

## HTML 보고서 (`--report FILE`)

report-page-title = rolefit 보고서: 공고 { $n }개
report-footer = rolefit { $version }이 공고 본문만으로 만들었습니다. 이 페이지는 자체로 완결되어 아무것도 불러오지 않고 오프라인에서도 열립니다.
report-sub = 공고 { $n }개: 읽음 { $ok }, 오류 { $errors }.
report-compared = 나의 강점과 비교:
report-no-strengths = 강점을 주지 않아 이 보고서에는 적합도 점수와 적합도 순위가 없습니다. `--profile FILE` 또는 `--strengths "PyTorch, React, ..."`를 더하면 공고를 내가 잘하는 것과 비교합니다.
report-nav-charts = 직무와 적합도
report-skills-in-demand = 수요가 많은 기술
report-postings = 공고
report-card-postings = 공고
report-card-ai = AI 직무
report-card-not-ai = AI 아님
report-card-errors = 오류
report-card-fit-well = 잘 맞음 (60점 이상)
report-card-best = 최고 적합도
report-per-role = 직무별 공고 수
report-fit-ranking-caption = 적합도 순위: 나에게 가장 잘 맞는 공고
report-fit-ranking = 적합도 순위
report-no-ranking = 적합도 순위 없음: 강점을 주지 않았습니다.
report-none-scored = 점수를 매길 수 있는 공고가 없습니다.
report-bands-caption = 적합도 점수 분포 (60점 이상이면 잘 맞음)
report-bands = 적합도 점수
report-market = 채용 시장
report-skills-caption = 수요가 많은 기술: 각 기술을 필수로 요구하는 공고 수
report-skills-caption-yours = 수요가 많은 기술: 각 기술을 필수로 요구하는 공고 수, 나의 강점과 비교
report-legend-yours = 나의 강점에 있음
report-legend-gap = 나의 강점에 없음
report-market-hint = 채용 시장 요약 전체(직무, 직무별 기술, 학력, 경력, 요구하는 실적, 강점을 주었다면 나의 적합도와 다음에 배울 것)는
report-market-hint-link = 공고 목록 아래에
report-market-hint-after = {" "}있습니다.
report-postings-hint = 입력 순서입니다. 열 제목을 누르면 정렬합니다(JavaScript 필요). *판단 근거*를 열면 직무를 정한 줄과 일치한 말을 표시해 보여 줍니다.
report-col-posting = 공고
report-col-role = 직무
report-col-confidence = 확신도
report-col-fit = 적합도
report-col-skills = 기술: ✓ 보유, ✗ 부족 (필수)
report-posted = { $date } 게시
report-duplicate-of = 중복:
report-why = 판단 근거 — { $role }: 일치 { $n }건
report-where = { $section }, { $line }행
report-no-match = 이 공고에 일치한 패턴이 없습니다.
report-more-lines = { $n }줄 더 보기
report-hidden-lines = 근거가 약한 { $n }줄은 여기서 생략합니다. 모든 근거는
report-hidden-lines-after = 에 있습니다.
report-your-fit = 나의 적합도: { $score }/100

## profile init / show

profile-exists = { $path }: 이미 있습니다 (덮어쓰려면 --force)
profile-wrote = { $path }에 썼습니다: 강점을 고친 뒤 --profile { $path }로 쓰세요. 강점은 한국어로 써도, 영어로 써도 됩니다.
profile-literal = (아는 기술 없음: 글자 그대로 맞춰 봄)
profile-points-to = 가리키는 직무: { $roles }
profile-preferred = 희망 직무: { $roles }
profile-no-role = 직무 없음 (아는 기술이 없음)
cannot-write = { $path }: 쓸 수 없습니다

## 자주 만나는 오류

err-no-such-file = 파일이 없습니다
err-permission-denied = 권한이 없습니다
err-is-folder = 공고 파일이 아니라 폴더입니다
err-connection-refused = 연결이 거부되었습니다 (서버에 닿을 수 없음)
err-dns = 호스트를 찾을 수 없습니다 (DNS 조회 실패)
err-reset = 서버가 연결을 끊었습니다
err-closed = 페이지를 다 받기 전에 연결이 끊겼습니다
err-timeout = { $detail }초 안에 응답이 없어 그만두었습니다
err-connect-timeout = { $detail }초 안에 연결하지 못했습니다
err-connect = 연결할 수 없습니다: { $detail }
err-nothing-to-read = 읽을 내용이 없습니다
err-empty-page = 공고 내용을 찾지 못했습니다 (빈 페이지이거나 스크립트뿐입니다. JavaScript로 내용을 채우는 페이지일 수 있습니다)
err-login-wall = 공고 내용을 찾지 못했습니다: 로그인을 요구하는 페이지입니다
err-empty-row = 공고 내용이 없습니다: 설명 칸이 비어 있습니다
err-empty-text = 공고 내용이 없습니다: 입력이 비어 있습니다
err-no-text-column = { $file }: 본문(텍스트)이나 URL 열이 없습니다 (description, text, content, body, url, link, 내용 등을 찾았고, 헤더에는 { $headers }이(가) 있습니다). --text-column 또는 --url-column으로 열을 지정하세요
err-bad-profile = { $file }: 프로필을 읽을 수 없습니다: { $detail }
err-bad-profile-at = { $file }:{ $line }: 프로필을 읽을 수 없습니다: { $detail }
err-bad-strengths = --strengths: 강점을 읽을 수 없습니다: { $detail }
err-row = { $n }행
err-row-line = { $n }행 (파일의 { $line }번째 줄)
err-row-column = { $n }행 { $column } 열
err-cannot-write-no-folder = 쓸 수 없습니다: 파일을 둘 폴더가 없습니다
err-cannot-write = 쓸 수 없습니다: { $reason }
err-cannot-create-folder = 폴더를 만들 수 없습니다: { $reason }
err-os-is-a-directory = 폴더입니다
err-os-not-a-directory = 폴더가 아닙니다
err-os-no-space = 디스크에 남은 공간이 없습니다
err-os-file-exists = 같은 이름의 파일이 이미 있습니다
err-os-read-only = 읽기 전용 파일 시스템입니다
err-os-not-found = 파일이나 폴더가 없습니다
err-os-permission-denied = 권한이 없습니다
err-binary = 텍스트가 아니라 바이너리 내용입니다 (NUL 바이트가 있음)
err-file-too-big = 파일이 { $n } MiB로, 한도인 { $max } MiB를 넘습니다
err-input-too-big = 입력이 한도인 { $max } MiB를 넘습니다
err-no-header-row = 빈 파일입니다 (헤더 행이 없음)
err-header-row = 헤더 행을 읽을 수 없습니다: { $reason }
err-delimiter-hint = 헤더가 { $sep ->
    [tabs] 탭으로
    [semicolons] 세미콜론(;)으로
    [bars] 세로 막대(|)로
   *[other] { $sep }(으)로
} 나뉜 것 같습니다. { $flag } 옵션을 쓰세요
err-no-such-column = 그런 열이 없습니다 (헤더에 있는 열: { $headers })
err-field-count = 값이 { $fields }개인데 헤더의 열은 { $header }개입니다
err-empty-cell = 비어 있고, 이 행에는 URL도 없습니다
err-no-url = URL이 없습니다
err-invalid-utf8 = 올바른 UTF-8이 아닙니다
err-field-too-big = 값이 { $n } MiB로, 한도인 { $max } MiB를 넘습니다
err-unclosed-quote = 따옴표로 연 값이 닫히지 않아 파일의 나머지가 모두 이 행으로 읽혔습니다
err-not-json = JSON이 아닙니다 ({ $column }번째 글자: { $detail })
err-not-json-object = JSON 객체가 아닙니다
err-http-status = 서버가 오류로 응답했습니다 (HTTP { $status })
err-redirect-scheme = { $url }(으)로 가는 리디렉션을 거부했습니다: http와 https만 따라갑니다
err-redirect-private = { $url }(으)로 가는 리디렉션을 거부했습니다: 링크 로컬 또는 클라우드 메타데이터 주소입니다 (--allow-private로 허용할 수 있습니다)
err-redirect-loop = 리디렉션이 돌고 돕니다: { $url }이(가) 이미 거친 페이지로 되돌려 보냅니다
err-redirect-many = 리디렉션이 { $n }번을 넘었습니다
err-refresh = 새로 고침(meta refresh)으로 옮겨 간 { $url }: { $reason }
err-page-too-large = 페이지가 { $size }보다 큽니다 (--max-bytes)
err-bytes = { $n }바이트
err-content-type = 지원하지 않는 콘텐츠 형식입니다: { $mime } (rolefit은 HTML과 텍스트 페이지를 읽습니다)
err-not-http = 파일이 아니며, URL은 http://와 https://만 읽을 수 있습니다
err-bad-url = 올바른 URL이 아닙니다 ({ $reason })
err-url-empty-host = 호스트가 비어 있습니다
err-url-port = 포트 번호가 잘못되었습니다
err-url-ipv4 = IPv4 주소가 잘못되었습니다
err-url-ipv6 = IPv6 주소가 잘못되었습니다
err-url-domain-character = 도메인에 쓸 수 없는 문자가 있습니다
err-url-idna = 국제 도메인 이름이 잘못되었습니다
err-is-folder-not-file = 파일이 아니라 폴더입니다
err-is-file-not-folder = 폴더가 아니라 파일입니다
note-table-to-batch = 참고: { $file }은(는) 공고 목록 표로 보입니다. 한 행에 공고 하나씩 읽으려면 `rolefit batch { $file }`을(를) 쓰세요
err-json-hint = 헤더가 JSON 객체로 보입니다. JSON Lines라면 --input-format jsonl 옵션을 쓰세요
err-no-strengths = 주어진 강점이 없습니다
err-not-pattern-folder = 패턴 파일이 든 폴더가 아닙니다
err-no-history = 아직 이력이 없습니다. `rolefit batch ... --db`로 실행을 기록하세요
err-not-a-date = 날짜가 아닙니다. YYYY-MM-DD 형식으로 쓰세요

## patterns check / list

learn-start = 라벨이 붙은 공고 { $n }건, { $folds }겹 교차 검증
learn-lambda = lambda { $lambda }: 정확도 { $accuracy }, 첫째 또는 대안 { $alternative }, ECE { $ece }, 로그 손실 { $loss }
learn-result = 교차 검증 결과 (lambda { $lambda }, 온도 { $temperature }): 정확도 { $accuracy }, 첫째 또는 대안 { $alternative }, ECE { $ece }
learn-repeated = 폴드를 { $n }번 다시 섞어 반복 (lambda { $lambda }): 정확도 { $accuracy } ({ $low }~{ $high }), 첫째 또는 대안 { $alternative }, 로그 손실 { $loss }
learn-reliability = 신뢰도 표 (첫째 라벨의 확신도):
learn-reliability-head = 구간        건수     확신도    정확도
learn-wrote = { $dir }에 썼습니다
patterns-builtin = 내장 패턴
patterns-ok = { $place }: 이상 없음 ({ $counts })
patterns-unknown-files = { $place }: 문제 있음: 알 수 없는 파일 { $n }개
patterns-counts = 파일 { $files }개: 직무 패턴 { $roles }개, AI 신호 { $ai }개, 직무 기능 { $functions }개, 부정 표현 { $negation }개, 섹션 제목 { $headings }개, 기술 { $skills }개
patterns-ai = AI 일반 신호
patterns-functions = 비AI 직무 기능
patterns-negation = 부정 표현
patterns-heading = 섹션 제목: { $section }
err-interrupted = 중단했습니다: 지금까지 쓴 행은 온전합니다

# Fit parts and what a profile says about the person (issue 13).
table-fit-component = { $name } { $points }점 ({ $share }{ $line })
profile-not-stated = 적혀 있지 않음
profile-years = 경력(년)
profile-degree = 학위
profile-level = 수준
profile-located = 거주지
profile-remote-in = 원격 근무 가능 지역
profile-relocate = 이주 가능
profile-yes = 예
profile-languages = 언어
profile-avoids = 피하고 싶은 것
profile-from-field = 프로필
profile-from-strength = 강점 { $n }
profile-from-written = 프로필이 이 언어로 쓰임
table-fit-gate = 관문 { $kind } (점수 상한 { $cap }{ $line })

# 지원 조언
advice-or = { " " }또는{ " " }
advice-blocked = 넘기 어려운 조건: { $reason }.
advice-avoided-role = { $role } 직무입니다. 원하지 않는다고 하신 직무예요.
advice-other-role = { $role } 직무입니다. 원하신다고 한 직무는 { $wanted }입니다.
advice-other-direction = { $role } 직무입니다. 지금 강점은 { $strengths } 쪽을 가리킵니다.
advice-not-ai = AI 직무가 아닙니다. 일 자체가 끌릴 때만 고려하세요.
advice-lead-with = 이 공고에서 가장 강한 무기는 { $skill }입니다. 직접 이룬 성과와 함께 맨 앞에 내세우세요.
advice-stretch = 경력 { $asked }년 이상을 요구하는데 지금은 약 { $have }년입니다. 도전해 볼 만하니, 그 수준에 맞는 성과를 보여 주세요.
advice-step-down = { $level } 포지션이라 지금 경력보다 한 단계 낮습니다.
advice-no-degree = 학위는 필수가 아닙니다. 시장은 실력을 봅니다.
advice-degree-preferred = { $level }는 우대 사항일 뿐입니다(동등한 경력도 인정). 그것 때문에 망설이지 마세요.
advice-publications-required = 논문 실적을 요구하는데 프로필에는 논문이 없습니다. 다른 성과로 실력을 보여 주세요.
advice-publications-valued = 논문 실적을 높이 사는데 프로필에는 논문이 없습니다. 다른 성과로 실력을 보여 주세요.
advice-close-gap = 가장 큰 빈틈은 { $skill }입니다. 그것을 쓰는 작은 프로젝트 하나면 메울 수 있습니다.
level-entry = 신입
level-junior = 주니어
level-mid = 미들
level-senior = 시니어
level-lead = 리드
md-fit-part = 적합도 항목 { $name }: { $points }점
md-points-off = 감점
profile-summary = 자기소개
req-label-seniority = 직급
req-label-location = 근무지
req-label-limit = 지원 제한
req-label-work-language = 업무 언어
req-at-title = 제목/근무지
req-seniority-line = { $level } ("{ $text }", { $line })
req-place = { $name } ({ $region }, { $line })
req-place-assumed = { $region } (공고의 언어로 추정)
req-mode-remote-anywhere = 원격, 지역 무관
req-mode-remote = 원격
req-mode-hybrid = 하이브리드
req-mode-onsite = 사무실 출근
req-limit-residency = 거주 요건
req-limit-citizenship = 국적 요건
req-limit-permit = 취업 허가
req-limit-time-zone = 시간대
req-limit-clearance = 보안 인가
req-limit-line = { $kind }: "{ $text }" ({ $line })
req-from-posting-language = 공고의 언어
req-work-language = { $name } { $need } ({ $from })
why-skills = 필수 기술 { $required }, 우대 기술 { $preferred } 충족
why-word-for-word = , 글자 그대로 일치: { $words }
why-direction = 직무 { $role } { $fit }, 기술이 같은 방향 { $same }
why-avoided-role = , 피하고 싶은 직무 ({ $role })
why-avoided-word = , 피하고 싶은 말 "{ $word }"이(가) 있음
why-level-not-asked = 요구 경력 없음
why-level-short = "{ $asks }" 요구, 내 경력 { $have }년
why-level-met = "{ $asks }" 요구, 내 경력 { $have }년: 충족
why-level-step-down = 신입 대상 직무, 한 단계 낮음
why-gate-language = 업무 언어가 { $name }({ $text })인데 프로필에 없습니다
why-gate-remote-only = { $places } 안에서만 원격 근무가 되는데, 그곳에 있지 않습니다
why-gate-job-in = 근무지가 { $places }인데, 그곳에 있지 않습니다
why-gate-residency = { $kind } "{ $text }"({ $region })을(를) 충족하지 않습니다
why-gate-clearance = 보안 인가("{ $text }")가 필요한데 프로필에 없습니다
why-gate-degree = { $level }("{ $text }")를 요구하는데 프로필의 학위는 { $held }입니다
why-gate-years = 경력 { $need }년 이상("{ $text }")을 요구하는데 내 경력은 { $have }년입니다
why-penalty-publications = 논문 실적이 필수인데 프로필에 없습니다 (-{ $points })
why-penalty-competitions = 대회 실적을 요구하는데 프로필에 없습니다 (-{ $points })
why-penalty-relocate = 근무지가 { $places }: 이주가 필요합니다 (-{ $points })
why-penalty-degree-unknown = { $level }가 필수인데 프로필에 학위가 없습니다 (-{ $points })
why-degree-phd = 박사 학위
why-degree-master = 석사 학위
why-degree-bachelor = 학사 학위
why-held-none = 없음
why-held-bachelor = 학사
why-held-master = 석사
why-held-phd = 박사
table-history = 이력
seen-new = 신규
seen-reposted = 재게시
seen-changed = 변경됨
seen-seen = 이미 봄
fit-part-skills = 기술
fit-part-direction = 방향
fit-part-level = 경력 수준
fit-gate-clearance = 보안 인가
fit-gate-degree = 학력
fit-gate-language = 언어
fit-gate-location = 근무지
fit-gate-residency = 거주 요건
fit-gate-years = 경력 연차
language-english = 영어
language-korean = 한국어
language-japanese = 일본어
language-mandarin = 중국어(보통화)
language-german = 독일어
language-french = 프랑스어
language-spanish = 스페인어
language-portuguese = 포르투갈어
language-dutch = 네덜란드어
language-swedish = 스웨덴어
report-card-duplicates = 중복 행 (한 번만 셈)
md-reposted = 재게시
summary-duplicates = { $text } { $n }개 행은 앞선 행과 본문이 같아 한 번만 셌습니다.
summary-pay = 연봉
summary-pay-stated = 공고 { $ok }개 중 { $n }개가 급여를 밝힘
summary-pay-negotiable = { $text }, { $n }개는 협의라고만 적음
summary-pay-yearly = { $text }. 직무·통화별 연봉(시급·일급·주급·월급은 연 단위로 환산, 기간이 없는 급여는 제외): 공고별 중간값의 중앙값과 최저~최고.
summary-pay-band = 중앙값 { $median } { $code }, { $low } ~ { $high }
summary-pay-col = 직무 (통화)
summary-pay-note = 연봉
