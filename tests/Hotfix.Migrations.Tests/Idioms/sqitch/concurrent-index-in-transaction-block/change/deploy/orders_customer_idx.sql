-- Deploy shop:orders_customer_idx to pg
-- requires: orders

BEGIN;

CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);

COMMIT;
