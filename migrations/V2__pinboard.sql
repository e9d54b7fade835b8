-- What the Pinboard API needs beyond bookmarks: the private-feed secret (user/secret), the time of a
-- user's last bookmark change (posts/update), and Pinboard's free-text notes (notes/list, notes/ID).

ALTER TABLE users ADD COLUMN feed_secret TEXT;
UPDATE users SET feed_secret = lower(hex(randomblob(10)));
ALTER TABLE users ADD COLUMN bookmarks_changed_at INTEGER NOT NULL DEFAULT 0;

CREATE TABLE notes (
    -- 20 lower-case hex characters, as Pinboard's note ids
    id         TEXT    PRIMARY KEY CHECK (length(id) = 20),
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title      TEXT    NOT NULL CHECK (length(title) > 0),
    text       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX notes_user ON notes (user_id, updated_at);
