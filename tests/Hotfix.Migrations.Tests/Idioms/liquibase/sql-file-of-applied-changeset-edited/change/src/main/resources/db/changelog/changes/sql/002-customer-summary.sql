CREATE OR REPLACE VIEW customer_summary AS
SELECT id, email, created_at FROM customer;
