-- Who follows whom (the /network listing and the following / followers lists). One row per pair;
-- deleting either account removes the row. Nobody follows themselves: the service refuses it with
-- a message, and the CHECK keeps any other path from storing it.
CREATE TABLE follows (
    follower_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    followee_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (follower_id, followee_id),
    CHECK (follower_id <> followee_id)
);
-- the followers list, and the cascade when a followee's account goes
CREATE INDEX follows_followee ON follows (followee_id, follower_id);
