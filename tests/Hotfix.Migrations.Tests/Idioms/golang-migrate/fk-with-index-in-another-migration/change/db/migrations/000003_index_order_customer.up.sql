CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_customer_id ON orders USING btree (customer_id);
