-- The durable delivery queue: one message row per accepted message, one delivery row per
-- message x destination. A delivery row exists until that copy is delivered or deleted by the
-- admin; a message row until its last delivery row is gone. Times are epoch milliseconds.
CREATE TABLE message (
    queue_id     VARCHAR(16) PRIMARY KEY,
    sender       VARCHAR(1000) NOT NULL,
    message_id   VARCHAR(1000),
    size_bytes   BIGINT NOT NULL,
    eight_bit    BOOLEAN NOT NULL,
    smtputf8     BOOLEAN NOT NULL,
    received_at  BIGINT NOT NULL
);

CREATE TABLE delivery (
    queue_id        VARCHAR(16) NOT NULL REFERENCES message (queue_id) ON DELETE CASCADE,
    destination     VARCHAR(300) NOT NULL,
    recipients      TEXT NOT NULL,
    state           VARCHAR(10) NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    PRIMARY KEY (queue_id, destination)
);

CREATE INDEX delivery_due ON delivery (destination, state, next_attempt_at);
