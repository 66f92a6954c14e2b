//! URLs of each board: which posting they name, what is refused, where it is read from.

use super::*;

fn posting(board: Board, org: &str, id: &str) -> Option<Result<PostingRef, String>> {
    Some(Ok(PostingRef {
        board,
        org: org.into(),
        id: id.into(),
        eu: false,
    }))
}

#[test]
fn recognizes_each_boards_posting_urls() {
    for (url, board, org, id) in [
        (
            "https://boards.greenhouse.io/acme/jobs/4012345",
            Board::Greenhouse,
            "acme",
            "4012345",
        ),
        (
            "https://job-boards.greenhouse.io/acme/jobs/4012345?gh_src=x",
            Board::Greenhouse,
            "acme",
            "4012345",
        ),
        (
            "https://boards.greenhouse.io/embed/job_app?for=acme&token=77",
            Board::Greenhouse,
            "acme",
            "77",
        ),
        (
            "https://jobs.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902/apply",
            Board::Lever,
            "acme",
            "5ac21346-8e0c-4494-8e7a-3eb92ff77902",
        ),
        (
            "https://jobs.ashbyhq.com/Acme.ai/0B1E2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
            Board::Ashby,
            "Acme.ai",
            "0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        ),
        (
            "https://www.wanted.co.kr/wd/123456",
            Board::Wanted,
            "",
            "123456",
        ),
        (
            "https://www.linkedin.com/jobs/view/ml-engineer-at-acme-4012345678/?trk=x",
            Board::LinkedIn,
            "",
            "4012345678",
        ),
        (
            "https://www.linkedin.com/jobs/collections/recommended/?currentJobId=77",
            Board::LinkedIn,
            "",
            "77",
        ),
        (
            "https://www.saramin.co.kr/zf_user/jobs/relay/view?view_type=list&rec_idx=4812",
            Board::Saramin,
            "",
            "4812",
        ),
        (
            "https://www.jobkorea.co.kr/Recruit/GI_Read/45123?Oem_Code=C1",
            Board::JobKorea,
            "",
            "45123",
        ),
        (
            "https://acme.wd5.myworkdayjobs.com/en-US/External/job/Seoul/ML-Engineer_R-104",
            Board::Workday,
            "acme.wd5/External",
            "Seoul/ML-Engineer_R-104",
        ),
    ] {
        assert_eq!(recognize(url), posting(board, org, id), "{url}");
    }
    assert_eq!(
        recognize("https://job-boards.eu.greenhouse.io/acme/jobs/12"),
        Some(Ok(PostingRef {
            board: Board::Greenhouse,
            org: "acme".into(),
            id: "12".into(),
            eu: true,
        }))
    );
    for url in [
        "https://www.linkedin.com/company/acme",
        "https://careers.example/jobs/1",
        "https://www.wanted.co.kr/company/9",
    ] {
        assert_eq!(recognize(url), None, "{url}");
    }
}

#[test]
fn names_that_could_leave_the_path_are_refused() {
    let err = |url: &str| recognize(url).unwrap().unwrap_err();
    assert_eq!(
        err("https://boards.greenhouse.io/acme/jobs/12ab"),
        "the Greenhouse posting id \"12ab\" is not a number"
    );
    assert!(
        err("https://boards.greenhouse.io/a%2F..%2Fb/jobs/1")
            .contains("not a valid Greenhouse board name")
    );
    assert!(
        err("https://boards.greenhouse.io/embed/job_app?for=../x&token=1")
            .contains("not a valid Greenhouse board name")
    );
    assert!(err("https://jobs.lever.co/acme/..%2Fetc").contains("is not a UUID"));
    assert_eq!(
        err("https://jobs.lever.co/acme"),
        "a whole Lever board, not one posting; to read every posting on it, run `rolefit batch lever:acme`"
    );
    assert_eq!(
        err("https://boards.greenhouse.io/acme/departments/3/x"),
        "not a Greenhouse posting URL (expected https://boards.greenhouse.io/COMPANY/jobs/ID)"
    );
}

#[test]
fn workday_paths_that_could_leave_the_site_are_refused() {
    let err = |url: &str| recognize(url).unwrap().unwrap_err();
    assert!(
        err("https://acme.wd1.myworkdayjobs.com/External/job/a%2F..%2Fx")
            .contains("not one rolefit can read")
    );
    assert_eq!(
        err("https://acme.wd1.myworkdayjobs.com/en-US/External"),
        "a whole Workday board, not one posting; to read every posting on it, run `rolefit batch workday:acme.wd1/External`"
    );
}

#[test]
fn api_urls() {
    let urls = BoardUrls::default();
    for (url, api) in [
        (
            "https://boards.greenhouse.io/acme/jobs/7",
            "https://boards-api.greenhouse.io/v1/boards/acme/jobs/7",
        ),
        (
            "https://jobs.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902",
            "https://api.lever.co/v0/postings/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902",
        ),
        (
            "https://jobs.ashbyhq.com/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902",
            "https://api.ashbyhq.com/posting-api/job-board/acme",
        ),
        (
            "https://www.wanted.co.kr/wd/42",
            "https://www.wanted.co.kr/api/v4/jobs/42",
        ),
        (
            "https://jobs.eu.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902",
            "https://api.eu.lever.co/v0/postings/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902",
        ),
        (
            "https://acme.wd5.myworkdayjobs.com/External/job/Seoul/ML_R-1",
            "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/job/Seoul/ML_R-1",
        ),
        (
            "https://www.linkedin.com/jobs/view/9",
            "https://www.linkedin.com/jobs/view/9",
        ),
        (
            "https://www.saramin.co.kr/zf_user/jobs/relay/view-detail?rec_idx=3",
            "https://www.saramin.co.kr/zf_user/jobs/view?rec_idx=3",
        ),
    ] {
        let posting = recognize(url).unwrap().unwrap();
        assert_eq!(posting.api_url(&urls), api, "{url}");
    }
}

#[test]
fn listings() {
    let l = Listing::parse("greenhouse:acme").unwrap().unwrap();
    assert_eq!(
        l.api_url(&BoardUrls::default()),
        "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"
    );
    assert_eq!(l.name(), "greenhouse:acme");
    assert!(Listing::parse("postings.csv").is_none());
    assert!(Listing::parse("https://x.example/a.csv").is_none());
    assert!(Listing::parse("C:\\data\\a.csv").is_none());
    assert_eq!(
        Listing::parse("lever:a/b").unwrap().unwrap_err(),
        "lever:a/b: \"a/b\" is not a valid Lever board name (letters, digits, '.', '_' and '-' only)"
    );
    assert!(Listing::parse("wanted:acme").unwrap().is_err());
    let urls = BoardUrls::default();
    let api = |s: &str| Listing::parse(s).unwrap().unwrap().api_url(&urls);
    assert_eq!(
        api("wanted:812"),
        "https://www.wanted.co.kr/api/v4/companies/812/jobs"
    );
    assert_eq!(
        api("workday:acme.wd3/Careers"),
        "https://acme.wd3.myworkdayjobs.com/wday/cxs/acme/Careers/jobs"
    );
    assert_eq!(
        api("greenhouse-eu:acme"),
        "https://boards-api.eu.greenhouse.io/v1/boards/acme/jobs?content=true"
    );
    assert_eq!(
        Listing::parse("lever-eu:acme").unwrap().unwrap().name(),
        "lever-eu:acme"
    );
    assert!(Listing::parse("workday:acme").unwrap().is_err());
    assert!(Listing::parse("linkedin:acme").unwrap().is_err());
}
