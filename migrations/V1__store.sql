-- Cairn's system of record. Dates are UTC epoch milliseconds; booleans are 0/1.
-- The rules of DESIGN.md §5 that SQL can hold are held here too, so that no code path can break them.

-- AUTOINCREMENT on tables whose ids clients see: an id is never handed out twice.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL UNIQUE
                  CHECK (length(name) BETWEEN 1 AND 30 AND trim(name, 'abcdefghijklmnopqrstuvwxyz0123456789_') = ''),
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

-- One API secret per user (the token is NAME:SECRET); regenerating replaces the row's secret.
CREATE TABLE api_tokens (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret     TEXT    NOT NULL CHECK (length(secret) = 20 AND trim(secret, '0123456789ABCDEF') = ''),
    created_at INTEGER NOT NULL
);

CREATE TABLE bookmarks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url        TEXT    NOT NULL CHECK (length(url) > 0),
    -- normalized URL: one bookmark per user per url_key
    url_key    TEXT    NOT NULL,
    -- Pinboard's hash: MD5 of the URL as saved
    hash       TEXT    NOT NULL CHECK (length(hash) = 32),
    title      TEXT    NOT NULL DEFAULT '',
    notes      TEXT    NOT NULL DEFAULT '',
    shared     INTEGER NOT NULL CHECK (shared IN (0, 1)),
    toread     INTEGER NOT NULL CHECK (toread IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (user_id, url_key)
);
-- everyone who saved a URL (url pages, "saved by N others")
CREATE INDEX bookmarks_url_key ON bookmarks (url_key);
CREATE INDEX bookmarks_hash ON bookmarks (hash);

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    bookmark_id INTEGER NOT NULL REFERENCES bookmarks (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT    NOT NULL CHECK (length(text) > 0),
    created_at  INTEGER NOT NULL,
    UNIQUE (bookmark_id, position)
);

-- A user's tags: matched by key (NFC, lower-cased), shown as first written.
CREATE TABLE tags (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tag_key TEXT    NOT NULL CHECK (length(tag_key) > 0 AND substr(tag_key, 1, 1) <> '-'),
    name    TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    UNIQUE (user_id, tag_key)
);

CREATE TABLE bookmark_tags (
    bookmark_id INTEGER NOT NULL REFERENCES bookmarks (id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    -- the order the user gave the tags in
    position    INTEGER NOT NULL,
    PRIMARY KEY (bookmark_id, tag_id)
);
CREATE INDEX bookmark_tags_tag ON bookmark_tags (tag_id);

-- The change journal (DESIGN.md §3): one row per bookmark touched by a transaction, written in that
-- transaction. AUTOINCREMENT keeps seq strictly increasing, never reused after deletes.
-- No foreign key: a deleted bookmark's row is how the index learns of the delete.
CREATE TABLE changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    bookmark_id INTEGER NOT NULL
);
