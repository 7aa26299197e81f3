-- Flyway sees only statements that cannot run in a transaction and runs this one without it.
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_customer_idx ON invoices (customer_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_issued_idx ON invoices (issued_at);
