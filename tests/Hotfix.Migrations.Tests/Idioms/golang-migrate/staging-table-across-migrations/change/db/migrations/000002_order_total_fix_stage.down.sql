DROP TABLE IF EXISTS order_total_fix;
