-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);

-- +goose Down
DROP INDEX CONCURRENTLY idx_orders_status;
