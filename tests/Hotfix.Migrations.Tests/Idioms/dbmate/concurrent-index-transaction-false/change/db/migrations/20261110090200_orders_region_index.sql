-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY idx_orders_region ON orders (region);

-- migrate:down
DROP INDEX CONCURRENTLY idx_orders_region;
