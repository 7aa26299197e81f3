CREATE OR REPLACE VIEW customer_summary AS
SELECT id, email FROM customer;
