ALTER TABLE users ADD COLUMN legacy_email text;
