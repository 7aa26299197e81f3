-- Up Migration
ALTER TABLE users DROP COLUMN email;

-- Down Migration
ALTER TABLE users ADD COLUMN email text;
