DROP INDEX CONCURRENTLY idx_orders_customer;
ALTER TABLE orders DROP COLUMN note;
