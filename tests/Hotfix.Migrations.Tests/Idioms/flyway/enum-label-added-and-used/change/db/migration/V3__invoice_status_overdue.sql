-- A new label alone: it commits with the migration and later migrations may use it.
ALTER TYPE invoice_status ADD VALUE 'overdue' AFTER 'sent';
