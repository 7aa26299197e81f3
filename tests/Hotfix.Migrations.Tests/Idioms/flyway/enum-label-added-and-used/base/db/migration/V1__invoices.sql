CREATE TYPE invoice_status AS ENUM ('draft', 'sent', 'paid');
CREATE TABLE invoices (id bigserial PRIMARY KEY, status invoice_status NOT NULL DEFAULT 'draft', total numeric(12,2) NOT NULL);
