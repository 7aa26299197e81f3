CREATE INDEX users_name_idx ON users (name);
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;
DELETE FROM sessions;
