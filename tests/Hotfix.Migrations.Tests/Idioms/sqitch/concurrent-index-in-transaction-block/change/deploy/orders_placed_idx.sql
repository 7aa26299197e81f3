-- Deploy shop:orders_placed_idx to pg
-- requires: orders
-- No BEGIN/COMMIT: psql runs the statement by itself, outside a transaction.

CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_idx ON orders (placed_at);
