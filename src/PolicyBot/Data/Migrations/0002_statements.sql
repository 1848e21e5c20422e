-- Version 2: statements (one per cluster of reports of the same statement), actor positions, alert updates.

CREATE TABLE statements (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: parsed signatures are cached by id
    alert_id      INTEGER NOT NULL UNIQUE REFERENCES alerts (id) ON DELETE CASCADE,  -- the one alert of the cluster
    actor         TEXT    NULL,                     -- the organisation whose position it states
    speaker       TEXT    NULL,                     -- who made it, when a quote says so
    stance        TEXT    NOT NULL,
    stated_at     TEXT    NOT NULL,                 -- publication time of the first report
    signature     TEXT    NOT NULL,                 -- JSON: shingle hashes, key quotes, content terms
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX ix_statements_updated ON statements (updated_at);

CREATE TABLE statement_reports (
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    url          TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    reported_at  TEXT    NOT NULL,
    PRIMARY KEY (statement_id, item_id)
);

CREATE TABLE positions (
    id           INTEGER PRIMARY KEY,
    actor        TEXT    NOT NULL,
    stance       TEXT    NOT NULL CHECK (stance IN ('open', 'cautious')),
    statement_id INTEGER NULL REFERENCES statements (id) ON DELETE SET NULL,  -- NULL: from the bundled known positions
    stated_at    TEXT    NOT NULL,
    source       TEXT    NOT NULL
);
CREATE INDEX ix_positions_actor ON positions (actor, stated_at);

-- An alert can be delivered more than once per channel: revision 0 is the post, later revisions update it.
CREATE TABLE outbox_v2 (
    id              INTEGER PRIMARY KEY,
    alert_id        INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    channel         TEXT    NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 0,
    state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead', 'skipped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT    NULL,
    sent_at         TEXT    NULL,
    message_id      TEXT    NULL,
    UNIQUE (alert_id, channel, revision)
);
INSERT INTO outbox_v2 (id, alert_id, channel, state, attempts, next_attempt_at, last_error, sent_at, message_id)
    SELECT id, alert_id, channel, state, attempts, next_attempt_at, last_error, sent_at, message_id FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
CREATE INDEX ix_outbox_due ON outbox (state, next_attempt_at);
