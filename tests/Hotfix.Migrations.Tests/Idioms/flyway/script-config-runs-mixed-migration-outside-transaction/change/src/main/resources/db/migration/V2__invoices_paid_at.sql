ALTER TABLE invoices ADD COLUMN paid_at timestamptz;
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_paid_idx ON invoices (paid_at);
