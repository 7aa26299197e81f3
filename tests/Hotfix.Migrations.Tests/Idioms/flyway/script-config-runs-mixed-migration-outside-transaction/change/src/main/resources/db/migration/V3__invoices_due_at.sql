ALTER TABLE invoices ADD COLUMN due_at timestamptz;
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_due_idx ON invoices (due_at);
