ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN region text NOT NULL DEFAULT 'eu';
