-- +goose Up
ALTER TABLE orders DROP COLUMN legacy_code;

-- +goose Down
ALTER TABLE orders ADD COLUMN legacy_code varchar(20);
