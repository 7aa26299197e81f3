-- +goose NO TRANSACTION

-- +goose Up
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_legacy_code_idx ON orders (legacy_code);
ALTER TABLE orders ADD CONSTRAINT orders_legacy_code_key UNIQUE USING INDEX orders_legacy_code_idx;

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS orders_legacy_code_idx;
