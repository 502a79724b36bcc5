-- The ticket desk. Identifiers are UUID strings made by the application and times are epoch
-- milliseconds, so the same SQL runs on SQLite and PostgreSQL. Case-insensitive uniqueness
-- (addresses) is a lower-cased *_key column with a plain UNIQUE constraint.
CREATE TABLE desk_counter (
    name  VARCHAR(40) PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO desk_counter (name, value) VALUES ('ticket_number', 0);
INSERT INTO desk_counter (name, value) VALUES ('event_seq', 0);

CREATE TABLE desk_office (
    id          VARCHAR(36) PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    address     VARCHAR(320) NOT NULL,
    address_key VARCHAR(320) NOT NULL UNIQUE,
    is_default  BOOLEAN NOT NULL,
    next_agent  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE desk_person (
    id         VARCHAR(36) PRIMARY KEY,
    email      VARCHAR(320) NOT NULL,
    email_key  VARCHAR(320) NOT NULL UNIQUE,
    name       VARCHAR(300) NOT NULL,
    role       VARCHAR(10) NOT NULL CHECK (role IN ('customer', 'agent', 'admin')),
    created_at BIGINT NOT NULL
);

CREATE TABLE desk_office_agent (
    office_id VARCHAR(36) NOT NULL REFERENCES desk_office (id),
    person_id VARCHAR(36) NOT NULL REFERENCES desk_person (id),
    PRIMARY KEY (office_id, person_id)
);

CREATE TABLE desk_ticket (
    id           VARCHAR(36) PRIMARY KEY,
    number       BIGINT NOT NULL UNIQUE,
    subject      TEXT NOT NULL,
    status       VARCHAR(10) NOT NULL CHECK (status IN ('open', 'pending', 'closed')),
    priority     VARCHAR(10) NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    office_id    VARCHAR(36) NOT NULL REFERENCES desk_office (id),
    requester_id VARCHAR(36) NOT NULL REFERENCES desk_person (id),
    assignee_id  VARCHAR(36) REFERENCES desk_person (id),
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX desk_ticket_office ON desk_ticket (office_id, status);

-- Who may write on a ticket besides the requester and agents: people copied on it.
CREATE TABLE desk_participant (
    ticket_id VARCHAR(36) NOT NULL REFERENCES desk_ticket (id),
    person_id VARCHAR(36) NOT NULL REFERENCES desk_person (id),
    PRIMARY KEY (ticket_id, person_id)
);

-- Inbound mail and our outbound notifications. raw_sha256 names the raw message in the blob store.
CREATE TABLE desk_message (
    id           VARCHAR(36) PRIMARY KEY,
    ticket_id    VARCHAR(36) NOT NULL REFERENCES desk_ticket (id),
    author_id    VARCHAR(36) REFERENCES desk_person (id),
    direction    VARCHAR(10) NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    origin       VARCHAR(20) NOT NULL,
    message_id   VARCHAR(1000),
    in_reply_to  TEXT NOT NULL,
    refs         TEXT NOT NULL,
    subject      TEXT NOT NULL,
    visible_text TEXT NOT NULL,
    full_text    TEXT NOT NULL,
    html         TEXT,
    raw_sha256   VARCHAR(64),
    created_at   BIGINT NOT NULL
);
CREATE INDEX desk_message_ticket ON desk_message (ticket_id, created_at);
CREATE INDEX desk_message_mid ON desk_message (message_id);

CREATE TABLE desk_attachment (
    id           VARCHAR(36) PRIMARY KEY,
    message_id   VARCHAR(36) NOT NULL REFERENCES desk_message (id),
    filename     VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       VARCHAR(64) NOT NULL,
    content_id   VARCHAR(1000),
    is_inline    BOOLEAN NOT NULL
);
CREATE INDEX desk_attachment_message ON desk_attachment (message_id);

CREATE TABLE desk_event (
    seq        BIGINT PRIMARY KEY,
    ticket_id  VARCHAR(36) NOT NULL REFERENCES desk_ticket (id),
    kind       VARCHAR(40) NOT NULL,
    detail     TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX desk_event_ticket ON desk_event (ticket_id, seq);

-- Mail the desk kept but did not put on a ticket: machine mail that threads nowhere, replies
-- from strangers, mail that could not be processed.
CREATE TABLE desk_held (
    id         VARCHAR(36) PRIMARY KEY,
    office_id  VARCHAR(36) NOT NULL REFERENCES desk_office (id),
    reason     VARCHAR(20) NOT NULL CHECK (reason IN ('suppressed', 'unauthorized', 'unprocessable')),
    detail     TEXT NOT NULL,
    sender     VARCHAR(1000) NOT NULL,
    subject    TEXT NOT NULL,
    message_id VARCHAR(1000),
    ticket_id  VARCHAR(36) REFERENCES desk_ticket (id),
    raw_sha256 VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL
);

-- One row per inbound message and office: the same message again is recognised and skipped.
CREATE TABLE desk_intake (
    office_id   VARCHAR(36) NOT NULL REFERENCES desk_office (id),
    intake_key  VARCHAR(1000) NOT NULL,
    outcome     VARCHAR(20) NOT NULL,
    ticket_id   VARCHAR(36),
    held_id     VARCHAR(36),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (office_id, intake_key)
);

-- Acknowledgements sent, for the per-sender rate limit.
CREATE TABLE desk_acknowledgement (
    email_key VARCHAR(320) NOT NULL,
    ticket_id VARCHAR(36) NOT NULL REFERENCES desk_ticket (id),
    sent_at   BIGINT NOT NULL
);
CREATE INDEX desk_acknowledgement_sender ON desk_acknowledgement (email_key, sent_at);
