-- Version 3: chat channels and their subscriptions, the audit log, full-text search over statements, and an
-- outbox that also carries digests and notices.

CREATE TABLE channels (
    id           INTEGER PRIMARY KEY,
    platform     TEXT    NOT NULL,                  -- slack, teams, console
    external_id  TEXT    NOT NULL,                  -- the platform's channel / conversation id
    display_name TEXT    NULL,
    data         TEXT    NULL,                      -- adapter-owned JSON (e.g. a Teams conversation reference)
    active       INTEGER NOT NULL DEFAULT 1,        -- 0: bot removed, channel archived or app uninstalled
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    UNIQUE (platform, external_id)
);

CREATE TABLE subscriptions (
    id            INTEGER PRIMARY KEY,
    channel_id    INTEGER NOT NULL UNIQUE REFERENCES channels (id) ON DELETE CASCADE,
    actors        TEXT    NOT NULL DEFAULT '[]',    -- JSON array of actor names; empty: every actor
    min_relevance REAL    NOT NULL DEFAULT 0,
    shifts_only   INTEGER NOT NULL DEFAULT 0,
    mode          TEXT    NOT NULL DEFAULT 'instant' CHECK (mode IN ('instant', 'daily', 'weekly')),
    digest_time   TEXT    NULL,                     -- HH:MM, local to time_zone
    digest_day    TEXT    NULL,                     -- weekly digests: monday … sunday
    time_zone     TEXT    NULL,                     -- IANA or Windows id; NULL: UTC
    notices       INTEGER NOT NULL DEFAULT 0,       -- 1: also source-failure and dead-letter notices
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    last_digest_at TEXT   NULL                      -- end of the last period a digest covered
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,
    platform  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    user_name TEXT    NULL,
    channel   TEXT    NULL,                         -- channel key
    command   TEXT    NOT NULL,
    outcome   TEXT    NOT NULL,                     -- ok, error, refused
    detail    TEXT    NULL
);
CREATE INDEX ix_audit_at ON audit_log (at);

CREATE INDEX ix_alerts_item ON alerts (item_id, id);
CREATE INDEX ix_statements_actor ON statements (actor, stated_at);
CREATE INDEX ix_statements_speaker ON statements (speaker COLLATE NOCASE, stated_at);
CREATE INDEX ix_statements_stated ON statements (stated_at);

-- Full-text index over each statement's alert: rowid = statements.id, kept in step by triggers, so every writer of
-- statements and alert payloads keeps it current inside its own transaction.
CREATE VIRTUAL TABLE statements_fts USING fts5 (title, summary, quotes, actor, speaker, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, title, summary, quotes, actor, speaker)
    SELECT NEW.id, json_extract(a.payload, '$.title'), json_extract(a.payload, '$.summary'),
           (SELECT group_concat(json_extract(q.value, '$.text'), ' ') FROM json_each(a.payload, '$.quotes') q),
           NEW.actor, NEW.speaker
    FROM alerts a WHERE a.id = NEW.alert_id;
END;

CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    DELETE FROM statements_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER statements_fts_revise AFTER UPDATE OF payload ON alerts BEGIN
    UPDATE statements_fts SET
        title = json_extract(NEW.payload, '$.title'),
        summary = json_extract(NEW.payload, '$.summary'),
        quotes = (SELECT group_concat(json_extract(q.value, '$.text'), ' ') FROM json_each(NEW.payload, '$.quotes') q)
    WHERE rowid IN (SELECT id FROM statements WHERE alert_id = NEW.id);
END;

INSERT INTO statements_fts (rowid, title, summary, quotes, actor, speaker)
SELECT s.id, json_extract(a.payload, '$.title'), json_extract(a.payload, '$.summary'),
       (SELECT group_concat(json_extract(q.value, '$.text'), ' ') FROM json_each(a.payload, '$.quotes') q),
       s.actor, s.speaker
FROM statements s JOIN alerts a ON a.id = s.alert_id;

-- The outbox now carries messages that are not alerts (digests, notices) and orders each channel's queue by
-- order_at (an alert's publication time); dedupe_key makes a digest or notice idempotent; claimed_until is the
-- lease a dispatcher holds on a row while it sends it.
CREATE TABLE outbox_v3 (
    id              INTEGER PRIMARY KEY,
    alert_id        INTEGER NULL REFERENCES alerts (id) ON DELETE CASCADE,
    message         TEXT    NULL,                   -- JSON Reply, for rows that are not alerts
    dedupe_key      TEXT    NULL UNIQUE,
    channel         TEXT    NOT NULL,               -- ChatChannel.Key
    reason          TEXT    NULL,                   -- why this channel gets it ("why you got this")
    revision        INTEGER NOT NULL DEFAULT 0,
    state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead', 'skipped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    order_at        TEXT    NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    claimed_until   TEXT    NULL,
    last_error      TEXT    NULL,
    sent_at         TEXT    NULL,
    message_id      TEXT    NULL,
    CHECK (alert_id IS NOT NULL OR message IS NOT NULL),
    UNIQUE (alert_id, channel, revision)
);
INSERT INTO outbox_v3 (id, alert_id, channel, revision, state, attempts, order_at, next_attempt_at, last_error, sent_at, message_id)
    SELECT o.id, o.alert_id, o.channel, o.revision, o.state, o.attempts, COALESCE(a.published_at, a.created_at),
           o.next_attempt_at, o.last_error, o.sent_at, o.message_id
    FROM outbox o JOIN alerts a ON a.id = o.alert_id;
DROP TABLE outbox;
ALTER TABLE outbox_v3 RENAME TO outbox;
CREATE INDEX ix_outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX ix_outbox_waiting ON outbox (channel, next_attempt_at) WHERE state = 'pending';
CREATE INDEX ix_outbox_claimed ON outbox (channel, claimed_until) WHERE state = 'pending';
