-- no-transaction
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
