-- PolicyBot schema, version 1. Instants are UTC ISO 8601 text (see UtcDateTimeOffsetHandler).

CREATE TABLE sources (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL,
    url              TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL CHECK (kind IN ('feed', 'page')),
    orgs             TEXT    NOT NULL DEFAULT '',     -- comma-separated organisation names
    interval_seconds INTEGER NULL,                    -- NULL: Polling:Interval
    selector         TEXT    NULL,                    -- CSS selector narrowing a page
    enabled          INTEGER NOT NULL DEFAULT 1,
    origin           TEXT    NOT NULL DEFAULT 'cli',  -- 'config' (seeded from Sources) or 'cli'
    created_at       TEXT    NOT NULL,
    title            TEXT    NULL,                    -- what the source calls itself
    etag             TEXT    NULL,
    last_modified    TEXT    NULL,
    next_check_at    TEXT    NOT NULL,
    last_checked_at  TEXT    NULL,
    last_success_at  TEXT    NULL,
    baseline_at      TEXT    NULL,                    -- first successful poll: the silent baseline
    error_count      INTEGER NOT NULL DEFAULT 0,      -- consecutive failures
    last_error       TEXT    NULL,
    last_warning     TEXT    NULL                     -- the last check succeeded, but the body needed repair
);
CREATE INDEX ix_sources_due ON sources (enabled, next_check_at);

CREATE TABLE items (
    id              INTEGER PRIMARY KEY,
    source_id       INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    guid            TEXT    NOT NULL,
    link            TEXT    NULL,                     -- canonical URL
    fingerprint     TEXT    NOT NULL,                 -- hash of the noise-free text
    title           TEXT    NULL,
    published_at    TEXT    NULL,
    text            TEXT    NOT NULL,
    first_seen_at   TEXT    NOT NULL,
    last_changed_at TEXT    NOT NULL,
    UNIQUE (source_id, guid)
);
CREATE INDEX ix_items_link ON items (source_id, link);
CREATE INDEX ix_items_fingerprint ON items (source_id, fingerprint);

CREATE TABLE changes (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    detected_at TEXT    NOT NULL,
    added       TEXT    NOT NULL,                     -- JSON array of sentences
    removed     TEXT    NOT NULL                      -- JSON array of sentences
);
CREATE INDEX ix_changes_item ON changes (item_id);

CREATE TABLE alerts (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    change_id    INTEGER NULL REFERENCES changes (id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL,
    published_at TEXT    NULL,
    payload      TEXT    NOT NULL                     -- the platform-neutral alert, JSON
);
CREATE INDEX ix_alerts_created ON alerts (created_at);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    alert_id        INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    channel         TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead', 'skipped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT    NULL,
    sent_at         TEXT    NULL,
    message_id      TEXT    NULL,
    UNIQUE (alert_id, channel)
);
CREATE INDEX ix_outbox_due ON outbox (state, next_attempt_at);
