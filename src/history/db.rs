//! The history database: where it lives, how it is opened, and its schema,
//! which grows by numbered migrations (SQLite's `user_version` says which
//! have run).

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

/// How long a run waits for another run that holds the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// The schema, one step per release that changed it; never edit a step
/// that has shipped, add one.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(
            "CREATE TABLE runs (
             id       INTEGER PRIMARY KEY,
             started  TEXT NOT NULL,
             finished TEXT,
             command  TEXT NOT NULL,
             -- the input of a batch (file or board:company); NULL when the
             -- run does not list a whole source (analyze), so it closes nothing
             source   TEXT,
             rows     INTEGER NOT NULL DEFAULT 0
         );
         CREATE TABLE postings (
             id         INTEGER PRIMARY KEY,
             url        TEXT UNIQUE,
             simhash    INTEGER NOT NULL,
             content    INTEGER NOT NULL,
             title      TEXT,
             company    TEXT,
             role       TEXT,
             first_seen TEXT NOT NULL,
             last_seen  TEXT NOT NULL,
             times_seen INTEGER NOT NULL DEFAULT 0,
             -- the latest Record, as JSON
             record     TEXT NOT NULL,
             -- the posting's text, to read it anew (history --profile)
             text       TEXT NOT NULL
         );
         CREATE TABLE sightings (
             run_id     INTEGER NOT NULL REFERENCES runs(id),
             posting_id INTEGER NOT NULL REFERENCES postings(id),
             seen       TEXT NOT NULL,
             at         TEXT NOT NULL,
             PRIMARY KEY (run_id, posting_id)
         );
         CREATE INDEX sightings_posting ON sightings(posting_id);
         CREATE INDEX runs_source ON runs(source, finished);",
        ),
        // What each run made of a posting: a posting whose text changed
        // keeps, in the weeks before, the role and skills it had then.
        // A sighting names the version it saw; the versions of a database
        // recorded before are its postings as last read (the best known).
        M::up(
            "CREATE TABLE versions (
                 id         INTEGER PRIMARY KEY,
                 posting_id INTEGER NOT NULL REFERENCES postings(id),
                 title      TEXT,
                 company    TEXT,
                 role       TEXT,
                 -- the Record, as JSON
                 record     TEXT NOT NULL,
                 text       TEXT NOT NULL
             );
             CREATE INDEX versions_posting ON versions(posting_id);
             INSERT INTO versions (id, posting_id, title, company, role, record, text)
                 SELECT id, id, title, company, role, record, text FROM postings;
             ALTER TABLE sightings ADD COLUMN version_id INTEGER REFERENCES versions(id);
             UPDATE sightings SET version_id = posting_id;",
        ),
    ])
}

/// Opens (creating it and its folder if needed) and migrates the database.
pub fn open(path: &Path) -> anyhow::Result<Connection> {
    let name = path.display();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot create the folder: {}",
                dir.display(),
                crate::source::io_message(&e)
            )
        })?;
    }
    let mut conn = Connection::open(path).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    // WAL: readers never block the writer, and a run killed mid-write leaves
    // the last committed state. NORMAL sync is durable across a crash of the
    // process (not of the machine), which is what a killed run needs.
    conn.pragma_update(None, "journal_mode", "WAL")
        .and_then(|_| conn.pragma_update(None, "synchronous", "NORMAL"))
        .and_then(|_| conn.pragma_update(None, "foreign_keys", "ON"))
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    // Two runs opening a new file at once both find it unmigrated; the one
    // that loses the race fails, and on a retry finds it migrated.
    let mut attempt = 0;
    while let Err(e) = migrations().to_latest(&mut conn) {
        attempt += 1;
        if attempt >= 20 {
            let e = e.to_string();
            // The migration error quotes the whole schema; keep SQLite's words.
            let short = e.rsplit("': ").next().unwrap_or(&e);
            anyhow::bail!("{name}: cannot update the schema: {short}");
        }
        std::thread::sleep(Duration::from_millis(25 * attempt));
    }
    Ok(conn)
}

/// Opens an existing database to read it, and only to read it: `rolefit
/// history` must never create, migrate or change the file it is pointed at
/// (an empty notes.txt became a database). A file that is not a history
/// database of this version is a one-line error naming it.
pub fn open_read_only(path: &Path) -> anyhow::Result<Connection> {
    let name = path.display();
    let err = |e: rusqlite::Error| anyhow::anyhow!("{name}: {e}");
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(err)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
    // Reading the schema's version reads the header: a file that is not
    // SQLite fails here ("file is not a database").
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(err)?;
    let pending = migrations()
        .pending_migrations(&conn)
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    if version == 0 {
        // An empty file, or another program's database.
        anyhow::bail!(
            "{name}: not a rolefit history database; record runs with `rolefit batch ... --db`"
        );
    }
    // A database of an older schema is never migrated in place by this
    // read: the next recording run (batch or analyze with --db) updates it.
    // A newer rolefit's database is read as it is: its tables may have
    // grown, the queries still run.
    if pending > 0 {
        anyhow::bail!(
            "{name}: written by an older rolefit; record one run with \
             `rolefit batch ... --db {name}` to update it"
        );
    }
    Ok(conn)
}

/// The database a command uses: `--db FILE`; a bare `--db`, `--new-only`
/// alone or `ROLEFIT_DB` set: `ROLEFIT_DB`, else `history.sqlite` in the
/// user's data folder. `None`: record nothing.
pub fn resolve(flag: Option<&Path>, new_only: bool) -> anyhow::Result<Option<PathBuf>> {
    let env = std::env::var_os("ROLEFIT_DB").filter(|v| !v.is_empty());
    match flag {
        Some(p) if !p.as_os_str().is_empty() => Ok(Some(p.to_path_buf())),
        Some(_) => default_path(env).map(Some),
        None if new_only || env.is_some() => default_path(env).map(Some),
        None => Ok(None),
    }
}

fn default_path(env: Option<std::ffi::OsString>) -> anyhow::Result<PathBuf> {
    if let Some(p) = env {
        return Ok(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "rolefit").ok_or_else(|| {
        anyhow::anyhow!("--db: no home folder to keep the history in; give --db FILE")
    })?;
    Ok(dirs.data_dir().join("history.sqlite"))
}

/// Now, as an RFC 3339 UTC timestamp (sortable as text).
pub fn now() -> String {
    timestamp(std::time::SystemTime::now())
}

/// `ROLEFIT_NOW` (RFC 3339) stands in for the clock, so tests and replays
/// of old exports can date their runs.
pub fn run_time() -> String {
    std::env::var("ROLEFIT_NOW")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(now)
}

fn timestamp(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to (year, month, day) (Howard Hinnant's algorithm).
pub fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// (year, month, day) to days since 1970-01-01.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn dates_round_trip() {
        for days in [-1, 0, 59, 365, 19_000, 20_000, 20_426] {
            let (y, m, d) = civil(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2026, 12, 4), 20_791);
    }
}
