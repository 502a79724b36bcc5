-- The bytes of small messages, stored in the same transaction as their queue rows (larger
-- messages live in spool files). Goes with its message row.
CREATE TABLE message_body (
    queue_id VARCHAR(16) PRIMARY KEY REFERENCES message (queue_id) ON DELETE CASCADE,
    bytes    BLOB NOT NULL
);
