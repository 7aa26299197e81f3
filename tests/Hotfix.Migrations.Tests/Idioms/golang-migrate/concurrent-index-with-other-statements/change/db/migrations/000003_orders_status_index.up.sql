-- Alone in its file: golang-migrate sends it as one query, outside any transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status ON orders (status);
