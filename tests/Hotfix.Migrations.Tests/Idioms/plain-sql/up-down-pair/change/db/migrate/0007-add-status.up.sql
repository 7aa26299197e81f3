CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
ALTER TABLE users ADD COLUMN status text;
