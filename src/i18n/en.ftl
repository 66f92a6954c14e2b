# rolefit's words in English. One message per id; ko.ftl has the same ids
# (a test checks). Arguments are written { $name }; numbers pick plural
# forms with [one] / *[other]. Data (JSON, CSV) never goes through here.

## Names of the core's types

role-modeling = modeling
role-backend = backend
role-frontend = frontend
role-research = research
role-none = none
role-or-alternative = { $role } ({ $p }) or { $alternative } ({ $q })
title-differs = titled { $title }, reads as { $role }
report-alternative = ({ $p }) or { $alternative } ({ $q })

section-title = title
section-other = other
section-about = about
section-responsibilities = responsibilities
section-requirements = requirements
section-preferred = preferred
section-benefits = benefits
section-process = process

signal-ai = ai
signal-function = function

need-required = required
need-preferred = preferred

degree-bs = BS
degree-ms = MS
degree-phd = PhD

lang-en = en
lang-ko = ko
lang-other = other

line-ref = l.{ $n }
not-applicable = n/a
error = error

## The table (`--format table`)

table-untitled = (untitled)
table-role = role
table-secondary = secondary
table-confidence = confidence
table-lang = lang
table-evidence = evidence
table-fit = fit
table-fit-more = (+{ $n } more)
table-fit-parts = role fit { $role }, required skills covered { $required }, preferred covered { $preferred }

fit-matches = matches
fit-missing-required = missing (required)
fit-missing-preferred = missing (preferred)
fit-edge = your edge
fit-literal = matched word for word

req-asks-for = asks for
req-years-any = any (new grads welcome)
req-years-min = { $n }+ years
req-experience = experience: { $what } ({ $need }, { $line })
req-degree-not-required = not required
req-degree-level = { $level } { $need }
req-degree-equivalent = { $level } { $need }, or equivalent experience
req-degree = degree: { $what } ({ $line })

evidence-publications = publications
evidence-competitions = competitions
evidence-large-scale = large-scale services

explain-ai-signal = probability of AI work: { $score } (1 - none)
explain-hits = { $signal } ({ $n } hits)
explain-negated = negated
explain-sections = sections
explain-lead = { $label } over { $over }: ahead by { $total } in log-odds (about { $odds } to 1)
explain-lead-sure = { $label } over { $over }: ahead by { $total } in log-odds (over 1000 to 1)
explain-lead-function = { $label } over { $over }: the title names a non-AI job function and the duties confirm it (the model's log-odds: { $total })
explain-lead-parts = pattern hits { $hits } · title { $title } · company blurb { $blurb } · section totals { $totals } · bias { $bias }
explain-lead-for = most for { $label }
explain-lead-mixed = the text is short: the probabilities shown are { $share }% the model's and { $rest }% even odds, so they are closer than its log-odds say

## Markdown (`--format md`)

md-title = rolefit report
md-col-id = id
md-col-title = title
md-col-company = company
md-source = source
md-scores = probabilities
md-advice = advice
md-evidence-head = signal | pattern | match | section | line | weight

## Progress (stderr, batch)

progress-rows = rows
progress-errors = { $n ->
    [one] { $n } error
   *[other] { $n } errors
}

## The market summary (`batch --summary`, `--summary-out`, the report)

summary-title = Market summary
summary-overview = { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}: { $ok } ok, { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}.
summary-overview-langs = { $text } Languages: { $langs }.
summary-roles = Roles
summary-uncertain = Uncertain: { $n } of { $of } (a second role is close: the posting's `alternative`).
summary-titles = Titles vs roles
summary-titles-note = Postings whose title suggests another role than their duties do (titled research, reads as modeling: research → modeling).
summary-col-title-role = title → role
summary-skills = Most required skills
summary-no-skills = No posting requires a technical skill.
summary-skills-note = Technical skills the postings require, each counted once per posting (top { $n }).
summary-col-skill = skill
summary-col-postings = postings
summary-col-share = share
summary-skills-by-role = Most required skills by role
summary-col-top-skills = top required skills (postings)
summary-degree = Degree
summary-degree-note = { $hard } of { $ok } postings hard-require a degree; { $soft } only prefer one or accept equivalent experience. "Preferred" is not a requirement.
summary-col-degree = degree
summary-col-levels = levels
summary-degree-hard = hard-required
summary-degree-soft = preferred only
summary-degree-unspecified = unspecified
summary-not-mentioned = not mentioned
summary-years = Years of experience
summary-col-years = years
req-years-any-short = any / new grad
summary-years-range = { $from }-{ $to }
summary-years-over = { $n }+
summary-not-stated = not stated
summary-need-note = { $required } required, { $preferred } preferred
summary-evidence = Evidence asked for
summary-col-evidence = evidence
summary-col-need = need
summary-evidence-large-scale = large-scale experience
summary-fit = Your fit
summary-fit-note = { $well } of { $scored } scored postings fit well (score { $good } or more).
summary-col-score = score
summary-strengths = Your strengths in demand
summary-strengths-none = None of your strengths names a skill rolefit knows.
summary-strengths-note = Postings that ask for each of your skills, required or preferred.
summary-to-learn = What to learn next
summary-whose-preferred = your preferred roles
summary-whose-inferred = the roles your strengths point to
summary-whose-all = any AI role
summary-to-learn-note = Technical skills you do not list, by demand among the { $n } postings in { $whose } ({ $roles }).

## The HTML report (`--report FILE`)

report-page-title = { $n ->
    [one] rolefit report: { $n } posting
   *[other] rolefit report: { $n } postings
}
report-footer = Made by rolefit { $version } from the postings' own text. This page is self-contained: it loads nothing and works offline.
report-sub = { $n } postings: { $ok } read, { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}.
report-compared = Compared with your strengths:
report-no-strengths = No strengths were given, so this report has no fit scores and no fit ranking. Add `--profile FILE` or `--strengths "PyTorch, React, ..."` to compare the postings with what you are good at.
report-nav-charts = Roles and fit
report-skills-in-demand = Skills in demand
report-postings = Postings
report-card-postings = postings
report-card-ai = AI roles
report-card-not-ai = not AI work
report-card-errors = errors
report-card-fit-well = fit well (60+)
report-card-best = best fit
report-per-role = Postings per role
report-fit-ranking-caption = Fit ranking: your best matches
report-fit-ranking = Fit ranking
report-no-ranking = No fit ranking: no strengths were given.
report-none-scored = No posting could be scored.
report-bands-caption = Fit scores (60 or more fits well)
report-bands = Fit scores
report-market = The market
report-skills-caption = Skills in demand: postings that require each
report-skills-caption-yours = Skills in demand: postings that require each, against your strengths
report-legend-yours = in your strengths
report-legend-gap = not in your strengths
report-market-hint = The whole market summary (roles, skills by role, degree, years, evidence asked for, and with strengths your fit and what to learn next) is
report-market-hint-link = below the postings
report-market-hint-after = .
report-postings-hint = In input order. Click a column heading to sort (this needs JavaScript); open *Why* to see the lines that decided a posting's role, its hits marked.
report-col-posting = Posting
report-col-role = Role
report-col-confidence = Confidence
report-col-fit = Fit
report-col-skills = Skills: ✓ yours, ✗ missing (required)
report-posted = posted { $date }
report-duplicate-of = duplicate of
report-why = Why { $role }: { $n ->
    [one] { $n } hit
   *[other] { $n } hits
}
report-where = { $section }, line { $line }
report-no-match = No pattern matched this posting.
report-more-lines = { $n ->
    [one] { $n } more line
   *[other] { $n } more lines
}
report-hidden-lines = { $n ->
    [one] { $n } more line with weaker hits is not shown here;
   *[other] { $n } more lines with weaker hits are not shown here;
}
report-hidden-lines-after = {" "}has every hit.
report-your-fit = Your fit: { $score }/100

## profile init / show

profile-exists = { $path }: already exists (use --force to overwrite)
profile-wrote = wrote { $path }: edit your strengths, then use --profile { $path }
profile-literal = (no known skill: matched word for word)
profile-points-to = points to: { $roles }
profile-preferred = preferred: { $roles }
profile-no-role = no role (no known skills)
cannot-write = { $path }: cannot write

## Errors people meet most. The err-* messages of i18n::errors::KNOWN are
## the exact English endings the fetcher and file reader write.

err-no-such-file = no such file
err-permission-denied = permission denied
err-is-folder = is a folder, not a posting file
err-connection-refused = connection refused
err-dns = host not found (DNS lookup failed)
err-reset = connection reset by the server
err-closed = connection closed before the whole page arrived
err-timeout = timed out after { $detail } s
err-connect-timeout = could not connect within { $detail } s
err-connect = could not connect: { $detail }
err-nothing-to-read = nothing to read
err-empty-page = no posting text found (the page is empty or only scripts; it may need JavaScript)
err-login-wall = no posting text found: the page asks to sign in (a login wall)
err-empty-row = no posting text: the description is empty
err-empty-text = no posting text: the input is empty
err-no-text-column = { $file }: no text or URL column (looked for description, text, content, body, url, link; the header has: { $headers }); use --text-column or --url-column
err-bad-profile = { $file }: { $detail }
err-bad-profile-at = { $file }:{ $line }: { $detail }
err-bad-strengths = --strengths: { $detail }
err-row = row { $n }
err-row-line = row { $n } (line { $line })
err-row-column = row { $n }, column { $column }
err-cannot-write-no-folder = cannot write: no such file
err-cannot-write = cannot write: { $reason }
err-cannot-create-folder = cannot create the folder: { $reason }
err-os-is-a-directory = Is a directory
err-os-not-a-directory = Not a directory
err-os-no-space = No space left on device
err-os-file-exists = File exists
err-os-read-only = Read-only file system
err-os-not-found = No such file or directory
err-os-permission-denied = Permission denied
err-binary = binary content, not text (NUL bytes)
err-file-too-big = file is { $n } MiB, over the { $max } MiB limit
err-input-too-big = input is over the { $max } MiB limit
err-no-header-row = the file is empty (no header row)
err-header-row = cannot read the header row: { $reason }
err-delimiter-hint = the header looks separated by { $sep }: use { $flag }
err-no-such-column = no such column (the header has: { $headers })
err-field-count = has { $fields } fields, the header has { $header }
err-empty-cell = empty, and the row has no URL
err-no-url = no URL
err-invalid-utf8 = invalid UTF-8
err-field-too-big = field is { $n } MiB, over the { $max } MiB limit
err-unclosed-quote = a quoted field never closes, so the rest of the file was read into this row
err-not-json = not JSON ({ $detail } at column { $column })
err-not-json-object = not a JSON object
err-http-status = HTTP { $status }
err-redirect-scheme = redirect to { $url } refused: only http and https are followed
err-redirect-private = redirect to { $url } refused: a link-local or cloud metadata address (--allow-private allows it)
err-redirect-loop = redirect loop: { $url } redirects back to a page already visited
err-redirect-many = more than { $n } redirects
err-refresh = refresh to { $url }: { $reason }
err-page-too-large = page is larger than { $size } (--max-bytes)
err-bytes = { $n } bytes
err-content-type = unsupported content type { $mime } (rolefit reads HTML and text pages)
err-not-http = not a file, and only http:// and https:// URLs are supported
err-bad-url = not a valid URL ({ $reason })
err-url-empty-host = empty host
err-url-port = invalid port number
err-url-ipv4 = invalid IPv4 address
err-url-ipv6 = invalid IPv6 address
err-url-domain-character = invalid domain character
err-url-idna = invalid international domain name
err-is-folder-not-file = is a folder, not a file
err-is-file-not-folder = is a file, not a folder
note-table-to-batch = note: { $file } looks like a table of postings; `rolefit batch { $file }` reads one posting per row
err-json-hint = the header looks like a JSON object: for JSON Lines use --input-format jsonl
err-no-strengths = no strengths given
err-not-pattern-folder = not a folder of pattern files
err-no-history = no history yet; record runs with `rolefit batch ... --db`
err-not-a-date = not a date; write it as YYYY-MM-DD

## patterns check / list

learn-start = { $n } labeled postings; { $folds }-fold cross-validation
learn-lambda = lambda { $lambda }: accuracy { $accuracy }, first or alternative { $alternative }, ECE { $ece }, log loss { $loss }
learn-result = cross-validated (lambda { $lambda }, temperature { $temperature }): accuracy { $accuracy }, first or alternative { $alternative }, ECE { $ece }
learn-repeated = repeated over { $n } shuffles of the folds (lambda { $lambda }): accuracy { $accuracy } ({ $low } to { $high }), first or alternative { $alternative }, log loss { $loss }
learn-reliability = reliability (confidence of the first label):
learn-reliability-head = bin         count confidence  accuracy
learn-wrote = wrote { $dir }
patterns-builtin = built-in patterns
patterns-ok = { $place }: ok ({ $counts })
patterns-unknown-files = { $place }: not ok: { $n ->
    [one] 1 unknown file
   *[other] { $n } unknown files
}
patterns-counts = { $files } files: { $roles } role patterns, { $ai } AI signals, { $functions } job functions, { $negation } negation cues, { $headings } section headings, { $skills } skills
patterns-ai = ai (general AI signal)
patterns-functions = function (non-AI job functions)
patterns-negation = negation cues
patterns-heading = section heading: { $section }
err-interrupted = interrupted: the rows written so far are complete

# Fit parts and what a profile says about the person (issue 13).
table-fit-component = { $name } { $points } points ({ $share }{ $line })
profile-not-stated = not stated
profile-years = years
profile-degree = degree
profile-level = level
profile-located = located
profile-remote-in = remote in
profile-relocate = relocate
profile-yes = yes
profile-languages = languages
profile-avoids = avoids
profile-from-field = profile
profile-from-strength = strength { $n }
profile-from-written = the profile is written in it
table-fit-gate = gate { $kind } (keeps { $cap }{ $line })

# Fit advice (the English ones mirror the core's own wording, which English output uses).
advice-or = { " " }or{ " " }
advice-blocked = Hard limit: { $reason }.
advice-avoided-role = This is a { $role } role, which you said you do not want.
advice-other-role = This is a { $role } role; you said you want { $wanted }.
advice-other-direction = This is a { $role } role; your strengths point to { $strengths }.
advice-not-ai = This is not an AI role: weigh it only if the work itself appeals to you.
advice-lead-with = Your strongest match here is { $skill }: lead with it, with a result you achieved.
advice-stretch = It asks for { $asked }+ years and you have about { $have }: a stretch, so show results that match that level.
advice-step-down = It is a { $level } role, a step down from your experience.
advice-no-degree = No degree is required: the market tests real skill.
advice-degree-preferred = The { $level } is only preferred (or equivalent experience counts): don't let it put you off.
advice-publications-required = The posting requires publications and your profile lists none: show other evidence of results.
advice-publications-valued = The posting values publications and your profile lists none: show other evidence of results.
advice-close-gap = The biggest gap is { $skill }; a small project that uses it would close it.
level-entry = entry
level-junior = junior
level-mid = mid
level-senior = senior
level-lead = lead
md-fit-part = fit part { $name }: { $points } points
md-points-off = points off
profile-summary = summary
req-label-seniority = seniority
req-label-location = location
req-label-limit = limit
req-label-work-language = work language
req-at-title = title/location
req-seniority-line = { $level } ("{ $text }", { $line })
req-place = { $name } ({ $region }, { $line })
req-place-assumed = { $region } (from the posting's language)
req-mode-remote-anywhere = remote, anywhere
req-mode-remote = remote
req-mode-hybrid = hybrid
req-mode-onsite = onsite
req-limit-residency = residency
req-limit-citizenship = citizenship
req-limit-permit = work permit
req-limit-time-zone = time zone
req-limit-clearance = clearance
req-limit-line = { $kind }: "{ $text }" ({ $line })
req-from-posting-language = the posting's language
req-work-language = { $name } { $need } ({ $from })
why-skills = required { $required }, preferred { $preferred }
why-word-for-word = , word for word: { $words }
why-direction = role { $role } { $fit }, skills point the same way { $same }
why-avoided-role = , a role you avoid ({ $role })
why-avoided-word = , names "{ $word }", which you avoid
why-level-not-asked = no seniority asked
why-level-short = asks "{ $asks }", you count { $have } years
why-level-met = asks "{ $asks }", you count { $have } years: met
why-level-step-down = an entry-level role, a step down
why-gate-language = the work is in { $name } ({ $text }) and your profile does not list it
why-gate-remote-only = remote within { $places } only, and you are not there
why-gate-job-in = the job is in { $places } and you are not
why-gate-residency = { $kind } limit "{ $text }" ({ $region }), which you do not meet
why-gate-clearance = it needs a security clearance ("{ $text }") and your profile names none
why-gate-degree = it requires { $level } ("{ $text }") and you list { $held }
why-gate-years = it asks for { $need }+ years ("{ $text }") and you count { $have }
why-penalty-publications = publications are required and the profile lists none (-{ $points })
why-penalty-competitions = competition results are asked for and the profile lists none (-{ $points })
why-penalty-relocate = the job is in { $places }: you would relocate (-{ $points })
why-penalty-degree-unknown = { $level } is required and the profile lists none (-{ $points })
why-degree-phd = a PhD
why-degree-master = a master's degree
why-degree-bachelor = a bachelor's degree
why-held-none = none
why-held-bachelor = bachelor
why-held-master = master
why-held-phd = phd
table-history = history
seen-new = new
seen-reposted = reposted
seen-changed = changed
seen-seen = seen
fit-part-skills = skills
fit-part-direction = direction
fit-part-level = level
fit-gate-clearance = clearance
fit-gate-degree = degree
fit-gate-language = language
fit-gate-location = location
fit-gate-residency = residency
fit-gate-years = years
language-english = English
language-korean = Korean
language-japanese = Japanese
language-mandarin = Mandarin
language-german = German
language-french = French
language-spanish = Spanish
language-portuguese = Portuguese
language-dutch = Dutch
language-swedish = Swedish
report-card-duplicates = duplicate rows (counted once)
md-reposted = reposted
summary-duplicates = { $text } { $n ->
    [one] 1 row repeats
   *[other] { $n } rows repeat
} the text of an earlier row, counted once.
summary-pay = Pay
summary-pay-stated = { $n ->
    [one] 1 posting
   *[other] { $n } postings
} of { $ok } state pay
summary-pay-negotiable = { $text }; { $n } say only that it is negotiable
summary-pay-yearly = { $text }. Yearly pay per role and currency (hourly, daily, weekly and monthly pay made yearly; pay with no stated period left out): the median of each posting's midpoint, and the lowest to highest.
summary-pay-band = median { $median } { $code }, { $low } to { $high }
summary-pay-col = role (currency)
summary-pay-note = yearly pay
