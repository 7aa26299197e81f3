ALTER TYPE invoice_status ADD VALUE 'void' AFTER 'paid';
ALTER TABLE invoices ADD CONSTRAINT invoices_void_has_no_total CHECK (status <> 'void' OR total = 0) NOT VALID;
