-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY idx_orders_status;
