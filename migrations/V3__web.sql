-- What the web pages need: sign-in sessions (in the store, so any node can serve any visitor),
-- per-user preferences, and invitations for invite-only sign-up.

CREATE TABLE sessions (
    -- SHA-256 (hex) of the cookie's secret: a copy of the database does not give away sessions
    id_hash    TEXT    PRIMARY KEY CHECK (length(id_hash) = 64),
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the synchronizer token every state-changing form of this session carries
    csrf       TEXT    NOT NULL CHECK (length(csrf) >= 32),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE preferences (
    user_id          INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    per_page         INTEGER NOT NULL DEFAULT 20 CHECK (per_page IN (20, 40, 80, 120, 160)),
    private_default  INTEGER NOT NULL DEFAULT 1 CHECK (private_default IN (0, 1)),
    -- keys the "read later" bookmarklet, which saves without a form
    bookmarklet_key  TEXT    NOT NULL CHECK (length(bookmarklet_key) = 32)
);

CREATE TABLE invites (
    code_hash  TEXT    PRIMARY KEY CHECK (length(code_hash) = 64),
    created_by INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    used_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    used_at    INTEGER
);
