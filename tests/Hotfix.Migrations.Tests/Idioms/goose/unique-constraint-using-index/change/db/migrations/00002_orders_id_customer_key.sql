-- +goose NO TRANSACTION

-- +goose Up
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_id_customer_key ON orders (id, customer_id);
ALTER TABLE orders ADD CONSTRAINT orders_id_customer_key UNIQUE USING INDEX orders_id_customer_key;

-- +goose Down
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_id_customer_key;
