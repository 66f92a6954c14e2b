//! Lever dates its postings in milliseconds since 1970; postings show dates.

/// `2024-03-01` for a time in milliseconds since the Unix epoch (UTC).
pub fn from_millis(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(from_millis(0), "1970-01-01");
        // 2000-02-29 12:00 UTC, a leap day in a century leap year.
        assert_eq!(from_millis(951_825_600_000), "2000-02-29");
        // 2024-12-31 23:59:59.999 UTC
        assert_eq!(from_millis(1_735_689_599_999), "2024-12-31");
        assert_eq!(from_millis(-1), "1969-12-31");
    }
}
