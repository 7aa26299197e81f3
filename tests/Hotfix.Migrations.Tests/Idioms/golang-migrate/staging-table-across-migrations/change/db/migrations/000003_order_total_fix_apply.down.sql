CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE order_total_fix (order_id bigint PRIMARY KEY, new_total numeric(12,2) NOT NULL);
