CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL, note text);
CREATE INDEX invoices_customer_idx ON invoices (customer_id);
