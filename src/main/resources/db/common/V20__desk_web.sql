-- The web desk: agents sign in with a bcrypt password and scripts use a bearer token (only its
-- SHA-256 is kept). The ticket list pages by number (keyset), filtered by office, status or
-- assignee: each filter has an index that ends in number, so a page is an index range scan.
ALTER TABLE desk_person ADD COLUMN password_hash VARCHAR(100);
ALTER TABLE desk_person ADD COLUMN api_token_sha256 VARCHAR(64);
CREATE INDEX desk_person_api_token ON desk_person (api_token_sha256);
CREATE INDEX desk_ticket_office_number ON desk_ticket (office_id, number);
CREATE INDEX desk_ticket_office_status_number ON desk_ticket (office_id, status, number);
CREATE INDEX desk_ticket_status_number ON desk_ticket (status, number);
CREATE INDEX desk_ticket_assignee_number ON desk_ticket (assignee_id, number);
CREATE INDEX desk_held_created ON desk_held (created_at);
CREATE INDEX desk_attachment_content_id ON desk_attachment (message_id, content_id);
