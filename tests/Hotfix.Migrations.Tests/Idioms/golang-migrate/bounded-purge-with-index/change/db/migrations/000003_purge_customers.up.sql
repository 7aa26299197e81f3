DELETE FROM customers WHERE name = '';
ALTER TABLE customers DROP COLUMN name;
