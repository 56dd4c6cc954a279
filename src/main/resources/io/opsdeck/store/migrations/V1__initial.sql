-- Portable SQL (SQLite and PostgreSQL): standard types, times as epoch milliseconds,
-- sequence numbers assigned by the single writer rather than by an auto-increment column.
CREATE TABLE intake_events (
    dedup_key   VARCHAR(64) PRIMARY KEY,
    source      TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE INDEX intake_events_received ON intake_events (received_at);

CREATE TABLE outbox (
    id              VARCHAR(64) PRIMARY KEY,
    seq             BIGINT NOT NULL UNIQUE,
    idempotency_key VARCHAR(128) NOT NULL UNIQUE,
    kind            VARCHAR(16) NOT NULL,
    fingerprint     TEXT NOT NULL,
    alertname       TEXT,
    severity        VARCHAR(32),
    alert_status    VARCHAR(16),
    channel         TEXT NOT NULL,
    channel_type    VARCHAR(16) NOT NULL,
    recipient       TEXT NOT NULL,
    payload         TEXT NOT NULL,
    rendered        TEXT NOT NULL,
    status          VARCHAR(16) NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    delivered_at    BIGINT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_fingerprint ON outbox (fingerprint);
CREATE INDEX outbox_created ON outbox (created_at);

CREATE TABLE alert_history (
    seq         BIGINT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    state       VARCHAR(16) NOT NULL,
    at          BIGINT NOT NULL,
    actor       TEXT,
    details     TEXT
);
CREATE INDEX alert_history_fingerprint ON alert_history (fingerprint, at);
CREATE INDEX alert_history_at ON alert_history (state, at);

CREATE TABLE alert_state (
    fingerprint      VARCHAR(64) PRIMARY KEY,
    state            VARCHAR(16) NOT NULL,
    alertname        TEXT,
    severity         VARCHAR(32),
    labels           TEXT NOT NULL,
    changed_at       BIGINT NOT NULL,
    last_notified_at BIGINT
);

CREATE TABLE escalations (
    fingerprint VARCHAR(64) PRIMARY KEY,
    policy      TEXT NOT NULL,
    tier        INTEGER NOT NULL,
    next_at     BIGINT NOT NULL,
    status      VARCHAR(16) NOT NULL,
    payload     TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX escalations_due ON escalations (status, next_at);

CREATE TABLE users (
    name       VARCHAR(128) PRIMARY KEY,
    role       VARCHAR(16) NOT NULL,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE poll_state (
    source      TEXT NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    payload     TEXT NOT NULL,
    seen_at     BIGINT NOT NULL,
    PRIMARY KEY (source, fingerprint)
);
