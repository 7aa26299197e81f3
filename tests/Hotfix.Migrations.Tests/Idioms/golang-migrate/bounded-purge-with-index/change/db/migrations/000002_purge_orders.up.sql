CREATE INDEX IF NOT EXISTS orders_total_idx ON orders (total);
DELETE FROM orders WHERE total < 0;
