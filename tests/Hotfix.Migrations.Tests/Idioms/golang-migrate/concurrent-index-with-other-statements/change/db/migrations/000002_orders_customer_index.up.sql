ALTER TABLE orders ADD COLUMN note text;
CREATE INDEX CONCURRENTLY idx_orders_customer ON orders (customer_id);
