-- Your SQL goes here
ALTER TABLE orders DROP COLUMN legacy_code;
