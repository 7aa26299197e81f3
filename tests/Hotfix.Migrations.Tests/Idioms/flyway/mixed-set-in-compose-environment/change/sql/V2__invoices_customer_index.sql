SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_customer_idx ON invoices (customer_id);
