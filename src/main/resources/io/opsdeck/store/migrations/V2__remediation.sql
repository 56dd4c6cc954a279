-- Remediation requests, approvals, toggles and the hash-chained audit log. Portable SQL (SQLite, PostgreSQL).
-- One row per (plan, target, alert episode): the UNIQUE constraint, not memory, makes duplicate deliveries
-- (an Alertmanager HA pair, retries) give at most one execution.
CREATE TABLE remediation_requests (
    id           VARCHAR(64) PRIMARY KEY,
    plan         VARCHAR(128) NOT NULL,
    target       TEXT NOT NULL,
    fingerprint  VARCHAR(64) NOT NULL,
    starts_at    BIGINT NOT NULL,
    alertname    TEXT,
    labels       TEXT NOT NULL,
    status       VARCHAR(24) NOT NULL,
    risk         VARCHAR(16) NOT NULL,
    reasons      TEXT NOT NULL,
    approvals_needed INTEGER NOT NULL,
    requested_by TEXT NOT NULL,
    rendered     TEXT NOT NULL,
    dry_run_output TEXT,
    output       TEXT,
    result       VARCHAR(24),
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    expires_at   BIGINT,
    started_at   BIGINT,
    finished_at  BIGINT,
    UNIQUE (plan, target, fingerprint, starts_at)
);
CREATE INDEX remediation_requests_status ON remediation_requests (status, created_at);
CREATE INDEX remediation_requests_fingerprint ON remediation_requests (fingerprint);
CREATE INDEX remediation_requests_started ON remediation_requests (started_at);

CREATE TABLE remediation_approvals (
    request_id VARCHAR(64) NOT NULL,
    approver   VARCHAR(128) NOT NULL,
    comment    TEXT,
    at         BIGINT NOT NULL,
    PRIMARY KEY (request_id, approver)
);

CREATE TABLE remediation_toggles (
    name       VARCHAR(160) PRIMARY KEY,
    value      TEXT NOT NULL,
    actor      TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
    id         BIGINT PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor      TEXT NOT NULL,
    kind       VARCHAR(32) NOT NULL,
    request_id VARCHAR(64),
    plan       VARCHAR(128),
    target     TEXT,
    details    TEXT NOT NULL,
    prev_hash  VARCHAR(64) NOT NULL,
    hash       VARCHAR(64) NOT NULL
);
CREATE INDEX audit_log_request ON audit_log (request_id);

-- The newest record's id and hash, so removing the last records is detected too.
CREATE TABLE audit_head (
    name    VARCHAR(16) PRIMARY KEY,
    last_id BIGINT NOT NULL,
    hash    VARCHAR(64) NOT NULL
);
