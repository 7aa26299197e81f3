CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_invoices_customer_id ON invoices (customer_id);
