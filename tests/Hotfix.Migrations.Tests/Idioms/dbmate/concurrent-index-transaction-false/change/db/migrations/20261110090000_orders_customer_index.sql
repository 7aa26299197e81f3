-- migrate:up
CREATE INDEX CONCURRENTLY idx_orders_customer ON orders (customer_id);

-- migrate:down
DROP INDEX CONCURRENTLY idx_orders_customer;
