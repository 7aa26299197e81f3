CREATE TABLE order_total_fix (order_id bigint PRIMARY KEY, new_total numeric(12,2) NOT NULL);
INSERT INTO order_total_fix (order_id, new_total)
SELECT id, 0 FROM orders WHERE total < 0;
