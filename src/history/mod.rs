//! The history of every posting seen, in SQLite (`--db`): which postings a
//! run saw for the first time, which came back after they were gone, and
//! (`rolefit history`) what changed over the weeks.
//!
//! A posting is one row of `postings`, found by its canonical URL, else by a
//! fingerprint of its duties and requirements ([`identity`]). Each run is a
//! row of `runs`; each posting a run saw, a row of `sightings` with what the
//! run made of it ([`Seen`]). A posting is *closed* when the latest finished
//! run of a source that listed it before did not list it.

pub mod db;
pub mod render;
pub mod trends;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::report::Record;
use rolefit_core::identity;

pub use crate::report::Seen;

/// One run being recorded.
pub struct History {
    conn: Connection,
    path: PathBuf,
    run: i64,
    at: String,
}

impl History {
    /// Opens the database and starts a run of `command` over `source`
    /// (`None` for a run that does not list a whole source).
    pub fn start(path: &Path, command: &str, source: Option<&str>) -> anyhow::Result<History> {
        let conn = db::open(path)?;
        let at = db::run_time();
        conn.execute(
            "INSERT INTO runs (started, command, source) VALUES (?1, ?2, ?3)",
            params![at, command, source],
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let run = conn.last_insert_rowid();
        Ok(History {
            conn,
            path: path.to_path_buf(),
            run,
            at,
        })
    }

    /// Records the analysed postings among `records` in one transaction and
    /// marks each with what the history made of it.
    pub fn record<'r>(
        &mut self,
        records: impl IntoIterator<Item = &'r mut Record>,
    ) -> anyhow::Result<()> {
        let name = self.path.display().to_string();
        let err = |e: rusqlite::Error| anyhow::anyhow!("{name}: {e}");
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut known: Vec<(i64, u64)> = {
            let mut stmt = tx
                .prepare_cached("SELECT id, simhash FROM postings")
                .map_err(err)?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))
                .map_err(err)?
                .collect::<Result<_, _>>()
                .map_err(err)?
        };
        let mut rows = 0i64;
        for r in records {
            rows += 1;
            if !r.is_ok() {
                continue;
            }
            let Some(ident) = r.identity.as_ref() else {
                continue;
            };
            let (simhash, content) = (ident.simhash, ident.content);
            let text = ident.text.clone();
            let url = identity::canonical_url(&r.source);
            let json = serde_json::to_string(&*r)?;
            let by_url: Option<i64> = match &url {
                Some(u) => tx
                    .query_row("SELECT id FROM postings WHERE url = ?1", [u], |row| {
                        row.get(0)
                    })
                    .optional()
                    .map_err(err)?,
                None => None,
            };
            let found = by_url.or_else(|| {
                known
                    .iter()
                    .filter(|(_, h)| (h ^ simhash).count_ones() <= identity::NEAR_BITS)
                    .min_by_key(|(_, h)| (h ^ simhash).count_ones())
                    .map(|(id, _)| *id)
            });
            let role = r.role_name();
            let seen = match found {
                None => {
                    tx.execute(
                        "INSERT INTO postings (url, simhash, content, title, company, role,
                             first_seen, last_seen, times_seen, record, text)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 1, ?8, ?9)",
                        params![
                            url,
                            simhash as i64,
                            content as i64,
                            r.meta.title,
                            r.meta.company,
                            role,
                            self.at,
                            json,
                            text
                        ],
                    )
                    .map_err(err)?;
                    let id = tx.last_insert_rowid();
                    known.push((id, simhash));
                    let version = version(&tx, id, r, role, &json, &text).map_err(err)?;
                    insert_sighting(&tx, self.run, id, version, Seen::New, &self.at)
                        .map_err(err)?;
                    Seen::New
                }
                Some(id) => {
                    let already: Option<String> = tx
                        .query_row(
                            "SELECT seen FROM sightings WHERE run_id = ?1 AND posting_id = ?2",
                            params![self.run, id],
                            |row| row.get(0),
                        )
                        .optional()
                        .map_err(err)?;
                    match already {
                        Some(s) => Seen::parse(&s),
                        None => {
                            let old: i64 = tx
                                .query_row(
                                    "SELECT content FROM postings WHERE id = ?1",
                                    [id],
                                    |row| row.get(0),
                                )
                                .map_err(err)?;
                            let seen = if was_closed(&tx, id, self.run).map_err(err)? {
                                Seen::Reposted
                            } else if old as u64 != content {
                                Seen::Changed
                            } else {
                                Seen::Seen
                            };
                            tx.execute(
                                "UPDATE postings SET simhash = ?2, content = ?3, title = ?4,
                                     company = ?5, role = ?6, last_seen = ?7,
                                     times_seen = times_seen + 1, record = ?8,
                                     text = ?9
                                 WHERE id = ?1",
                                params![
                                    id,
                                    simhash as i64,
                                    content as i64,
                                    r.meta.title,
                                    r.meta.company,
                                    role,
                                    self.at,
                                    json,
                                    text
                                ],
                            )
                            .map_err(err)?;
                            let version = version(&tx, id, r, role, &json, &text).map_err(err)?;
                            insert_sighting(&tx, self.run, id, version, seen, &self.at)
                                .map_err(err)?;
                            seen
                        }
                    }
                }
            };
            r.seen = Some(seen);
        }
        tx.execute(
            "UPDATE runs SET rows = rows + ?2 WHERE id = ?1",
            params![self.run, rows],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(())
    }

    /// Marks the run finished: only finished runs decide what closed.
    pub fn finish(self) -> anyhow::Result<()> {
        self.conn
            .execute(
                "UPDATE runs SET finished = ?2 WHERE id = ?1",
                params![self.run, db::now()],
            )
            .map_err(|e| anyhow::anyhow!("{}: {e}", self.path.display()))?;
        Ok(())
    }
}

fn insert_sighting(
    tx: &Connection,
    run: i64,
    posting: i64,
    version: i64,
    seen: Seen,
    at: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO sightings (run_id, posting_id, version_id, seen, at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![run, posting, version, seen.name(), at],
    )?;
    Ok(())
}

/// The version of `posting` that a run read as `r`: its latest version when
/// title, company, text, role and required skills are those of `r`, else a
/// new one. Each sighting keeps what its run made of the posting.
fn version(
    tx: &Connection,
    posting: i64,
    r: &Record,
    role: &str,
    json: &str,
    text: &str,
) -> rusqlite::Result<i64> {
    type Row = (
        i64,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
        String,
    );
    let latest: Option<Row> = tx
        .query_row(
            "SELECT id, title, company, role, record, text FROM versions
             WHERE posting_id = ?1 ORDER BY id DESC LIMIT 1",
            [posting],
            |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ))
            },
        )
        .optional()?;
    if let Some((id, title, company, old_role, record, old_text)) = latest
        && title == r.meta.title
        && company == r.meta.company
        && old_role.as_deref() == Some(role)
        && old_text == text
        && trends::required_skills(&record) == trends::required_skills(json)
    {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO versions (posting_id, title, company, role, record, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![posting, r.meta.title, r.meta.company, role, json, text],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Whether a posting was gone before run `run`: some source listed it in a
/// finished run, and that source's latest finished run did not.
fn was_closed(tx: &Connection, posting: i64, run: i64) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (
             SELECT 1 FROM (
                 SELECT DISTINCT r.source FROM sightings s JOIN runs r ON r.id = s.run_id
                 WHERE s.posting_id = ?1 AND r.source IS NOT NULL
                   AND r.finished IS NOT NULL AND r.id <> ?2
             ) src
             WHERE NOT EXISTS (
                 SELECT 1 FROM sightings s2
                 WHERE s2.posting_id = ?1 AND s2.run_id = (
                     SELECT MAX(id) FROM runs
                     WHERE source = src.source AND finished IS NOT NULL AND id <> ?2
                 )
             )
         )",
        params![posting, run],
        |row| row.get(0),
    )
}
