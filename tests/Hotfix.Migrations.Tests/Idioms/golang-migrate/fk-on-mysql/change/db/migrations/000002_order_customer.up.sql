ALTER TABLE orders ADD COLUMN customer_id bigint, ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id);
