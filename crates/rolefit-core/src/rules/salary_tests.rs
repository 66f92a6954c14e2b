use super::*;
use crate::rules::{BUILTIN, Origin};

fn rules() -> SalaryRules {
    let text = BUILTIN
        .iter()
        .find(|(n, _)| *n == "salary.toml")
        .map(|(_, t)| *t)
        .unwrap();
    SalaryRules::load(&SourceFile {
        name: "salary.toml".into(),
        display: "patterns/salary.toml".into(),
        text: text.into(),
        origin: Origin::Builtin,
    })
    .unwrap()
}

fn pay(line: &str) -> Option<Salary> {
    parse_line(line, 7, &rules())
}

/// (min, max, currency, period, negotiable)
fn parts(
    line: &str,
) -> (
    Option<f64>,
    Option<f64>,
    Option<&'static str>,
    Option<Period>,
    bool,
) {
    let s = pay(line).unwrap_or_else(|| panic!("no pay read in {line:?}"));
    assert_eq!(s.line, 7);
    (
        s.min,
        s.max,
        s.currency.map(Currency::code),
        s.period,
        s.negotiable,
    )
}

use Period::*;

#[test]
fn korean_yearly_range() {
    assert_eq!(
        parts("연봉 5,000만원 ~ 7,000만원"),
        (Some(5e7), Some(7e7), Some("KRW"), Some(Year), false)
    );
    // The unit written once serves both ends.
    assert_eq!(
        parts("연봉: 5,000~7,000만원"),
        (Some(5e7), Some(7e7), Some("KRW"), Some(Year), false)
    );
}

#[test]
fn korean_monthly() {
    assert_eq!(
        parts("월 400만원"),
        (Some(4e6), Some(4e6), Some("KRW"), Some(Month), false)
    );
    // A date's month is not a monthly wage.
    assert_eq!(
        pay("3월 15일 입사, 연봉 4000만원").unwrap().period,
        Some(Year)
    );
}

#[test]
fn korean_cheonman_and_eok() {
    assert_eq!(
        parts("초봉 3천만원"),
        (Some(3e7), Some(3e7), Some("KRW"), Some(Year), false)
    );
    assert_eq!(
        parts("연봉 1억 이상"),
        (Some(1e8), None, Some("KRW"), Some(Year), false)
    );
    assert_eq!(
        parts("연봉 1억 2천만원"),
        (Some(1.2e8), Some(1.2e8), Some("KRW"), Some(Year), false)
    );
    assert_eq!(parts("연봉 1.5억").0, Some(1.5e8));
}

#[test]
fn korean_hourly() {
    assert_eq!(
        parts("시급 12,000원"),
        (Some(12000.0), Some(12000.0), Some("KRW"), Some(Hour), false)
    );
}

#[test]
fn korean_negotiable() {
    assert_eq!(parts("급여: 면접 후 결정"), (None, None, None, None, true));
    assert_eq!(
        parts("연봉: 회사내규에 따름"),
        (None, None, None, None, true)
    );
    let s = pay("연봉 5,000만원 이상 (협의 가능)").unwrap();
    assert!(s.negotiable);
    assert_eq!(s.min, Some(5e7));
}

#[test]
fn korean_amount_without_pay_words_is_not_pay() {
    assert_eq!(pay("시리즈 B 300억 투자 유치"), None);
    assert_eq!(pay("3천만원"), None);
}

#[test]
fn dollar_range() {
    assert_eq!(
        parts("Salary range: $150,000 - $200,000"),
        (
            Some(150_000.0),
            Some(200_000.0),
            Some("USD"),
            Some(Year),
            false
        )
    );
}

#[test]
fn dollar_range_without_period_has_none() {
    // "Pay" names no period: rolefit does not guess one.
    assert_eq!(
        parts("Pay: $150,000 - $200,000"),
        (Some(150_000.0), Some(200_000.0), Some("USD"), None, false)
    );
}

#[test]
fn thousands_shorthand_per_year() {
    assert_eq!(
        parts("Base pay $150k-200k/yr"),
        (
            Some(150_000.0),
            Some(200_000.0),
            Some("USD"),
            Some(Year),
            false
        )
    );
}

#[test]
fn hourly_dollars() {
    assert_eq!(
        parts("Contract rate: $60/hr"),
        (Some(60.0), Some(60.0), Some("USD"), Some(Hour), false)
    );
    // The period named first wins.
    assert_eq!(parts("$60/hr (about $120k a year)").3, Some(Hour));
}

#[test]
fn euro_with_dot_thousands() {
    assert_eq!(
        parts("Salary: €70.000 per year"),
        (
            Some(70_000.0),
            Some(70_000.0),
            Some("EUR"),
            Some(Year),
            false
        )
    );
}

#[test]
fn pounds_k() {
    assert_eq!(
        parts("£55k per annum"),
        (
            Some(55_000.0),
            Some(55_000.0),
            Some("GBP"),
            Some(Year),
            false
        )
    );
}

#[test]
fn english_negotiable() {
    assert_eq!(
        parts("Compensation: negotiable"),
        (None, None, None, None, true)
    );
    assert!(parts("Salary: $120k+ depending on experience").4);
}

#[test]
fn up_to_is_a_maximum() {
    assert_eq!(parts("Salary up to $200k").0, None);
    assert_eq!(parts("Salary up to $200k").1, Some(200_000.0));
}

#[test]
fn no_currency_is_not_pay() {
    // A number with no currency is not read as pay, whatever the line says.
    assert_eq!(pay("Salary: 150,000 - 200,000"), None);
    assert_eq!(pay("Compensation includes a 401k plan"), None);
    assert_eq!(pay("We raised $20M in Series A funding"), None);
}

#[test]
fn annualised() {
    let r = rules();
    let s = pay("$60/hr").unwrap();
    assert_eq!(s.annual(&r), Some((60.0 * 2080.0, 60.0 * 2080.0)));
    let s = pay("Pay: $150,000 - $200,000").unwrap();
    assert_eq!(s.annual(&r), None, "no period, no annual pay");
    let s = pay("월 400만원").unwrap();
    assert_eq!(s.annual(&r), Some((4.8e7, 4.8e7)));
}

#[test]
fn numbers() {
    assert_eq!(number("150,000"), Some(150_000.0));
    assert_eq!(number("70.000"), Some(70_000.0));
    assert_eq!(number("1.5"), Some(1.5));
    assert_eq!(number("1,234,567"), Some(1_234_567.0));
    assert_eq!(number("12"), Some(12.0));
}

#[test]
fn a_bad_regex_names_its_line() {
    let f = SourceFile {
        name: "salary.toml".into(),
        display: "patterns/salary.toml".into(),
        text: "cue = ['(oops']\nnegotiable = []\n[period]\nhour=[]\nday=[]\nweek=[]\nmonth=[]\nyear=[]\ndefault_year=[]\n[per_year]\nhour=1\nday=1\nweek=1\nmonth=1\nyear=1\n".into(),
        origin: Origin::Folder,
    };
    let err = SalaryRules::load(&f).unwrap_err().to_string();
    assert!(err.starts_with("patterns/salary.toml:1: "), "{err}");
}

#[test]
fn allowances_are_not_the_salary() {
    assert_eq!(pay("연봉 외 식대 월 20만원 별도 지급"), None);
    assert_eq!(pay("$100/mo learning stipend"), None);
}

#[test]
fn budgets_are_not_the_salary() {
    let budgets = [
        "A learning budget of $1,500 a year",
        "Home-office budget: $800 per year",
        "월 1억 원 이상 광고 예산을 운영해 본 경험",
        "연 300만원 교육 예산 지원",
    ];
    for line in budgets {
        assert_eq!(pay(line), None, "{line}");
    }
    // A line that says it is about pay is read, budget or not.
    let s = pay("Salary $120,000 a year, plus a $1,000 learning budget").unwrap();
    assert_eq!(s.min, Some(120_000.0));
    let s = pay("연봉 5,000만원 이상, 교육 예산 별도").unwrap();
    assert_eq!(s.min, Some(50_000_000.0));
}

#[test]
fn a_number_followed_by_a_word_is_not_money() {
    // "B" (billions) and "명" (people) are not units of pay.
    assert_eq!(pay("We move $43B/day across the network"), None);
    assert_eq!(pay("월 300만명이 쓰는 서비스, 급여 경쟁력"), None);
    assert_eq!(pay("월 500만 명이 쓰는 서비스, 급여 경쟁력"), None);
    assert_eq!(pay("Our pay platform moves $46 billion a year"), None);
}

#[test]
fn a_slash_period_belongs_to_the_amount_before_it() {
    // "4x/week" is about the office, not the pay.
    assert_eq!(
        parts("Hybrid (in office 4x/week) - salary $180k-$230k").3,
        Some(Year)
    );
    assert_eq!(parts("Pay: $150k-$200k, onsite 2 days/week").3, None);
}

#[test]
fn about_and_process_sections_are_not_read() {
    use crate::model::{Lang, Line, PostingMeta, Section, SectionKind};
    let section = |kind, text: &str| Section {
        kind,
        heading: None,
        lines: vec![Line {
            number: 1,
            text: text.into(),
        }],
    };
    let posting = Posting {
        meta: PostingMeta::default(),
        lang: Lang::Ko,
        sections: vec![
            section(SectionKind::About, "연봉 협상 없이 매출 300억 달성"),
            section(
                SectionKind::Process,
                "서류전형 > 면접 > 급여 협의 > 최종합격",
            ),
        ],
    };
    assert_eq!(find(&posting, &rules()), None);
}

#[test]
fn the_bundled_file_compiles_when_checked() {
    let text = BUILTIN
        .iter()
        .find(|(n, _)| *n == "salary.toml")
        .map(|(_, t)| *t)
        .unwrap();
    let f = SourceFile {
        name: "salary.toml".into(),
        display: "patterns/salary.toml".into(),
        text: text.into(),
        origin: Origin::Builtin,
    };
    assert!(SalaryRules::load_with(&f, true).is_ok());
}

/// The cheap test of a line rules out only lines that state no pay.
#[test]
fn lines_ruled_out_state_no_pay() {
    let r = rules();
    let lines = [
        "연봉 5,000만원 ~ 7,000만원",
        "월 400만원",
        "$150k-200k/yr",
        "$60/hr",
        "€70.000",
        "급여: 면접 후 협의",
        "Salary negotiable",
        "Compensation: 120000 USD",
        "3+ years of experience",
        "We ship every 2 weeks",
        "연봉 협의 가능",
        "Team of 12 engineers",
    ];
    let mut kept = 0;
    for line in lines {
        if parse_line(line, 1, &r).is_some() {
            assert!(r.may_state_pay(line), "{line}");
            kept += 1;
        }
    }
    assert!(kept >= 8, "{kept}");
    assert!(!r.may_state_pay("3+ years of experience"));
    assert!(!r.may_state_pay("Team of 12 engineers"));
}
