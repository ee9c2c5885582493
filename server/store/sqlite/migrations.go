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
}
