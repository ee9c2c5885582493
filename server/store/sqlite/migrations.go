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
}
