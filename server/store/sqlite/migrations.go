package sqlite

// migration is one step of the schema. Steps are append-only: once a version
// has shipped its SQL never changes, a later step alters what it made.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations in the order they apply; versions strictly increase.
//
// Conventions: STRICT tables; instants are INTEGER unix milliseconds UTC,
// NULL for the zero time; lists are JSON text; a unit path is indexed so a
// subtree is a range scan (path >= p AND path < upper(p)).
var migrations = []migration{
	{version: 1, name: "units, users, refresh tokens, contests", sql: `
CREATE TABLE units (
	id         TEXT PRIMARY KEY,
	code       TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL,
	name_fold  TEXT NOT NULL,
	kind       TEXT NOT NULL,
	parent_id  TEXT NOT NULL,  -- '' for a root
	path       TEXT NOT NULL,
	headcount  INTEGER NOT NULL
) STRICT;
CREATE INDEX units_path ON units (path);
CREATE INDEX units_children ON units (parent_id, name, code);

CREATE TABLE users (
	id                  TEXT PRIMARY KEY,
	full_name           TEXT NOT NULL,
	name_fold           TEXT NOT NULL,
	birth_date          INTEGER,
	gender              TEXT NOT NULL,
	phone               TEXT NOT NULL,
	email               TEXT NOT NULL,
	unit_id             TEXT NOT NULL,
	unit_path           TEXT NOT NULL,
	occupation          TEXT NOT NULL,
	address             TEXT NOT NULL,
	cccd_hash           TEXT NOT NULL,
	cccd_enc            TEXT NOT NULL,
	cccd_masked         TEXT NOT NULL,
	phone_key           TEXT UNIQUE,  -- NULL when empty: no phone, no uniqueness
	cccd_key            TEXT UNIQUE,
	password_hash       TEXT NOT NULL,
	password_changed_at INTEGER,
	grants              TEXT NOT NULL,  -- JSON array of contests.Grant
	created_at          INTEGER,
	created_by          TEXT NOT NULL
) STRICT;
CREATE INDEX users_by_unit ON users (unit_path, full_name, id);
CREATE INDEX users_by_name ON users (full_name, id);

CREATE TABLE refresh_tokens (
	hash       TEXT PRIMARY KEY,
	family_id  TEXT NOT NULL,
	user_id    TEXT NOT NULL,
	issued_at  INTEGER,
	expires_at INTEGER,
	used       INTEGER NOT NULL DEFAULT 0,
	revoked    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE contests (
	id                 TEXT PRIMARY KEY,
	slug               TEXT NOT NULL UNIQUE,
	kind               TEXT NOT NULL,
	title              TEXT NOT NULL,
	description        TEXT NOT NULL,
	banner_url         TEXT NOT NULL,
	owner_unit_id      TEXT NOT NULL,
	owner_unit_path    TEXT NOT NULL,
	eligible_unit_path TEXT NOT NULL,
	status             TEXT NOT NULL,
	starts_at          INTEGER,
	ends_at            INTEGER,
	created_at         INTEGER,
	updated_at         INTEGER
) STRICT;
CREATE INDEX contests_by_owner ON contests (owner_unit_path, created_at);
CREATE INDEX contests_by_date ON contests (created_at);
`},
	{version: 2, name: "quiz questions, rounds, participations, standings", sql: `
-- seq (the rowid) is the creation order a bank is listed in; question IDs
-- are the organizer's and unique only within their contest.
CREATE TABLE quiz_questions (
	seq        INTEGER PRIMARY KEY,
	contest_id TEXT NOT NULL,
	id         TEXT NOT NULL,
	data       TEXT NOT NULL,  -- JSON quiz.Question
	UNIQUE (contest_id, id)
) STRICT;
CREATE INDEX quiz_questions_bank ON quiz_questions (contest_id, seq);

CREATE TABLE quiz_rounds (
	id         TEXT PRIMARY KEY,
	contest_id TEXT NOT NULL,
	no         INTEGER NOT NULL,
	data       TEXT NOT NULL,  -- JSON quiz.Round
	UNIQUE (contest_id, no)
) STRICT;

-- One row per (round, person): the whole record is data; the columns beside
-- it are copies of what queries filter or sort on.
CREATE TABLE quiz_participations (
	round_id             TEXT NOT NULL,
	user_id              TEXT NOT NULL,
	contest_id           TEXT NOT NULL,
	version              INTEGER NOT NULL,
	open_deadline_ms     INTEGER,  -- NULL when no attempt is in progress
	counted_score        INTEGER,  -- the counted attempt; NULL when none
	counted_duration_ms  INTEGER,
	counted_submitted_ms INTEGER,
	data                 TEXT NOT NULL,  -- JSON quiz.Participation
	PRIMARY KEY (round_id, user_id)
) STRICT;
CREATE INDEX quiz_participations_open ON quiz_participations (open_deadline_ms) WHERE open_deadline_ms IS NOT NULL;
CREATE INDEX quiz_participations_user ON quiz_participations (user_id, contest_id, round_id);
CREATE INDEX quiz_participations_board ON quiz_participations
	(round_id, counted_score DESC, counted_duration_ms, counted_submitted_ms);

CREATE TABLE quiz_standings (
	round_id TEXT NOT NULL,
	rank     INTEGER NOT NULL,
	user_id  TEXT NOT NULL,
	data     TEXT NOT NULL,  -- JSON quiz.Standing
	PRIMARY KEY (round_id, user_id)
) STRICT;
CREATE INDEX quiz_standings_page ON quiz_standings (round_id, rank, user_id);
`},
	{version: 3, name: "contest settings", sql: `
-- Kind-specific rules of a contest (quiz.Settings as JSON), NULL for defaults.
ALTER TABLE contests ADD COLUMN settings TEXT;
`},
	{version: 4, name: "quiz standings totals", sql: `
-- How many lines each published round has, written by ReplaceStandings in
-- the transaction that writes the lines: counting a province's 500,000
-- lines on every leaderboard read took longer than reading the page.
CREATE TABLE quiz_standings_totals (
	round_id TEXT PRIMARY KEY,
	total    INTEGER NOT NULL
) STRICT;
INSERT INTO quiz_standings_totals (round_id, total)
	SELECT round_id, count(*) FROM quiz_standings GROUP BY round_id;
`},
	{version: 5, name: "essay works, identities, rounds, seats, scores; audit log", sql: `
-- Essay records are stored whole as JSON in data; the columns beside it are
-- copies of what queries filter, sort or keep unique. The unique keys list
-- the field they guard first: SQLite names a violated key by its first
-- column, and contest_id first would not tell a receipt from a code.
CREATE TABLE essay_works (
	id           TEXT PRIMARY KEY,
	contest_id   TEXT NOT NULL,
	receipt      TEXT NOT NULL,
	code         TEXT,  -- NULL until accepted: works without a code never collide
	status       TEXT NOT NULL,
	category     TEXT NOT NULL,
	round        INTEGER NOT NULL,
	author_id    TEXT NOT NULL,
	submitted_at INTEGER,
	version      INTEGER NOT NULL,
	data         TEXT NOT NULL,  -- JSON essay.Work
	UNIQUE (receipt, contest_id),
	UNIQUE (code, contest_id)
) STRICT;
CREATE INDEX essay_works_listing ON essay_works (contest_id, submitted_at, id);
CREATE INDEX essay_works_author ON essay_works (contest_id, author_id);

-- Identity sheets live apart from the works (docs/architecture.md, "Blind
-- judging by construction"): no query on essay_works can reach them.
CREATE TABLE essay_identities (
	work_id    TEXT PRIMARY KEY,
	contest_id TEXT NOT NULL,
	data       TEXT NOT NULL  -- JSON essay.Identity
) STRICT;

CREATE TABLE essay_rounds (
	id         TEXT PRIMARY KEY,
	contest_id TEXT NOT NULL,
	no         INTEGER NOT NULL,
	data       TEXT NOT NULL,  -- JSON essay.Round
	UNIQUE (contest_id, no)
) STRICT;

CREATE TABLE essay_seats (
	round_id TEXT NOT NULL,
	work_id  TEXT NOT NULL,
	judge_id TEXT NOT NULL,
	data     TEXT NOT NULL,  -- JSON essay.Seat
	PRIMARY KEY (round_id, work_id, judge_id)
) STRICT;
CREATE INDEX essay_seats_judge ON essay_seats (round_id, judge_id, work_id);

CREATE TABLE essay_scores (
	round_id TEXT NOT NULL,
	work_id  TEXT NOT NULL,
	judge_id TEXT NOT NULL,
	version  INTEGER NOT NULL,
	data     TEXT NOT NULL,  -- JSON essay.Score
	PRIMARY KEY (round_id, work_id, judge_id)
) STRICT;

-- The primary key is what serializes appends: a second entry with the
-- same seq is a fork and is refused.
CREATE TABLE audit_log (
	chain TEXT NOT NULL,
	seq   INTEGER NOT NULL,
	at    INTEGER NOT NULL,
	data  TEXT NOT NULL,  -- JSON of the entry, its Data as a string so its bytes stay as hashed
	PRIMARY KEY (chain, seq)
) STRICT;
`},
	{version: 6, name: "unit participation target", sql: `
-- How many participants a unit is expected to bring (chỉ tiêu), apart from
-- its headcount; 0 when none is set, which is what every existing unit gets.
ALTER TABLE units ADD COLUMN target INTEGER NOT NULL DEFAULT 0;
`},
	{version: 7, name: "user session version", sql: `
-- Raised on logout, password change and role change; access tokens issued
-- at an older version are refused.
ALTER TABLE users ADD COLUMN session_version INTEGER NOT NULL DEFAULT 0;
`},
	{version: 8, name: "versions of contests and rounds; start-up fingerprints", sql: `
-- Every contest, quiz round and judging round counts its stored changes:
-- an update is written only over the version its caller read (see
-- store/versions.go). Rows stored before this start at 1.
ALTER TABLE contests ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE quiz_rounds ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE essay_rounds ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- Values the server records about itself once, such as the keyed
-- fingerprints of its secrets checked at every start.
CREATE TABLE server_meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
`},
	{version: 9, name: "leases", sql: `
-- Named locks with an expiry (see store/leases.go): taken by one
-- conditional upsert, released by a conditional delete.
CREATE TABLE leases (
	name  TEXT PRIMARY KEY,
	owner TEXT NOT NULL,
	until INTEGER NOT NULL  -- unix milliseconds UTC
) STRICT;
`},
	{version: 10, name: "shared counters", sql: `
-- Event counts with an expiry (see store/counters.go).
CREATE TABLE counters (
	key     TEXT PRIMARY KEY,
	n       INTEGER NOT NULL,
	expires INTEGER NOT NULL  -- unix milliseconds UTC
) STRICT;
`},
	{version: 11, name: "statistics snapshots", sql: `
-- Computed statistics (see store/snapshots.go), JSON as computed.
CREATE TABLE snapshots (
	kind TEXT NOT NULL,
	key  TEXT NOT NULL,
	at   INTEGER NOT NULL,  -- unix milliseconds UTC
	data TEXT NOT NULL,
	PRIMARY KEY (kind, key)
) STRICT;
`},
	{version: 12, name: "user last seen", sql: `
-- The last login or token refresh, unix milliseconds UTC; NULL: never.
ALTER TABLE users ADD COLUMN last_seen_at INTEGER;
`},
	{version: 13, name: "user CCCD tail", sql: `
-- Keyed hash of the CCCD's last four digits (staff search); '' before it.
ALTER TABLE users ADD COLUMN cccd_tail TEXT NOT NULL DEFAULT '';
`},
}
