ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer, DROP COLUMN customer_id;
