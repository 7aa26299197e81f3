CREATE TABLE invoices (
    id integer PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders (id)
);
CREATE INDEX ix_invoices_order_id ON invoices (order_id);
